"""Settings, read once from the environment."""

from __future__ import annotations

import os
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

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            database_url=os.environ.get("DATABASE_URL", f"sqlite:///{PROJECT_ROOT / 'timeline.db'}"),
            host=os.environ.get("TIMELINE_HOST", "127.0.0.1"),
            port=int(os.environ.get("TIMELINE_PORT", "8000")),
            page_size=int(os.environ.get("TIMELINE_PAGE_SIZE", "100")),
            cors_origins=tuple(o.strip() for o in os.environ.get("TIMELINE_CORS_ORIGINS", "").split(",") if o.strip()),
        )


def get_settings() -> Settings:
    return Settings.from_env()
