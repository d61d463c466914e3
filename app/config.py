"""Settings, read once from the environment."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    database_url: str
    host: str
    port: int
    page_size: int
    # Origins allowed to call the API from a browser (CORS); none unless configured.
    cors_origins: tuple[str, ...] = ()
    # Signs editors' session cookies. Unset: a random key kept in .secret_key beside the code,
    # made on first use, so every worker and restart shares it.
    secret_key: str | None = None
    # Served over HTTPS (directly or behind a proxy): session cookies get the Secure flag.
    https: bool = False
    # Threads a worker process runs requests on at once (the routes are synchronous). Building a page
    # is Python holding the GIL: forty (anyio's default) building at once each took as long as all of
    # them together, so one heavy page held back the others. Two leave a thread for readers while one
    # request waits long (an editor's write behind an ingest's). Over 10,000 distinct /api/events
    # pages, 2 workers, 8 connections, alternating: 40 threads 196-265 req/s, p99 88-137 ms; 2 threads
    # 223-289 req/s, p99 68-111 ms; 1 thread 269-322 req/s, p99 59-76 ms.
    threads: int = 2

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            database_url=os.environ.get("DATABASE_URL", f"sqlite:///{PROJECT_ROOT / 'timeline.db'}"),
            host=os.environ.get("TIMELINE_HOST", "127.0.0.1"),
            port=int(os.environ.get("TIMELINE_PORT", "8000")),
            page_size=int(os.environ.get("TIMELINE_PAGE_SIZE", "100")),
            cors_origins=tuple(o.strip() for o in os.environ.get("TIMELINE_CORS_ORIGINS", "").split(",") if o.strip()),
            secret_key=os.environ.get("TIMELINE_SECRET_KEY") or None,
            https=os.environ.get("TIMELINE_HTTPS", "").lower() in ("1", "true", "yes"),
            threads=int(os.environ.get("TIMELINE_THREADS", "2")),
        )

    def session_secret(self) -> str:
        if self.secret_key:
            return self.secret_key
        path = PROJECT_ROOT / ".secret_key"
        try:
            return path.read_text().strip()
        except FileNotFoundError:
            pass
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another worker made it first
            return path.read_text().strip()
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(48))
        return path.read_text().strip()


def get_settings() -> Settings:
    return Settings.from_env()
