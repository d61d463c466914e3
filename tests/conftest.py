"""Fixtures: a real SQLite file per test, migrated with Alembic, and the real app."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from app.config import Settings
from app.db import get_engine
from app.migrate import upgrade

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'timeline.db'}"
    upgrade(url)
    return url


@pytest.fixture
def engine(db_url: str) -> Engine:
    return get_engine(db_url)


def settings_for(url: str, **extra) -> Settings:
    return Settings(database_url=url, host="127.0.0.1", port=8000, page_size=100, secret_key="test-secret", **extra)


PASSWORD = "correct horse battery staple"


def add_editor(url: str, name: str = "ed") -> str:
    from sqlmodel import Session

    from app import accounts

    with Session(get_engine(url)) as session:
        accounts.add_editor(session, name, PASSWORD)
    return name


def page_csrf(client, path: str = "/login") -> str:
    """The CSRF token a page's forms carry."""
    import re

    html = client.get(path).text
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def log_in(client, name: str = "ed", password: str = PASSWORD) -> str:
    """Log in through the real form; returns the session's CSRF token."""
    r = client.post("/login", data={"name": name, "password": password, "csrf_token": page_csrf(client)},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    return page_csrf(client, "/review")


def ingest_paths(url: str, *paths: Path | str) -> "object":
    """Run the real `timeline ingest` in-process against `url`."""
    from typer.testing import CliRunner

    from app.cli import app

    return CliRunner().invoke(app, ["ingest", "--no-progress", *map(str, paths)], env={"DATABASE_URL": url})


@pytest.fixture
def seeded_url(db_url: str) -> str:
    result = ingest_paths(db_url, SEEDS)
    assert result.exit_code == 0, result.output
    return db_url


@pytest.fixture
def client(seeded_url: str):
    from app.web.app import create_app

    with TestClient(create_app(settings_for(seeded_url))) as c:
        yield c


@pytest.fixture
def empty_client(db_url: str):
    from app.web.app import create_app

    with TestClient(create_app(settings_for(db_url))) as c:
        yield c


def require_shared() -> Path:
    """../shared is needed for the reference checks: skip locally, fail under CI."""
    if not SHARED.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("../shared is missing; CI must run with shared/ beside the project")
        pytest.skip("../shared is not beside the project")
    return SHARED
