"""Fixtures: a real database per test, migrated with Alembic, and the real app.

SQLite by default: a file per test. With DATABASE_URL set to a PostgreSQL server
(`postgresql+psycopg://user@host:port/db`), each test gets its own database there,
copied from one migrated template, and the whole suite runs against PostgreSQL.
"""

from __future__ import annotations

import os
import uuid
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


SERVER_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = SERVER_URL.startswith("postgresql")
sqlite_only = pytest.mark.skipif(ON_POSTGRES, reason="about SQLite's own storage")


def _admin():
    from sqlalchemy import create_engine

    return create_engine(SERVER_URL, isolation_level="AUTOCOMMIT")


def _database_url(name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_template():
    """One migrated database on the server; each test's database is a copy (a copy takes
    milliseconds, migrating takes a second)."""
    name = f"timeline_template_{uuid.uuid4().hex[:8]}"
    admin = _admin()
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = _database_url(name)
    upgrade(url)
    get_engine(url).dispose()  # a template must have no connections when it is copied
    yield name
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def db_url(tmp_path: Path, request) -> str:
    if not ON_POSTGRES:
        url = f"sqlite:///{tmp_path / 'timeline.db'}"
        upgrade(url)
        yield url
        return
    template = request.getfixturevalue("postgres_template")
    name = f"timeline_test_{uuid.uuid4().hex[:12]}"
    admin = _admin()
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    url = _database_url(name)
    yield url
    get_engine(url).dispose()
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def sql(url: str, statement: str, **params) -> list[tuple]:
    """Rows of a SQL statement run directly against the test's database (any dialect)."""
    from sqlalchemy import text

    with get_engine(url).begin() as conn:
        result = conn.execute(text(statement), params)
        return [tuple(r) for r in result] if result.returns_rows else []


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


def listings_out_of_step(url: str) -> list[int]:
    """The events whose stored listing still counts (its version is the event's) but says something
    other than the event built from the tables says: what a list would show wrongly."""
    from app import listings, queries
    from app.db import get_engine
    from app.schemas import EventPublic

    with get_engine(url).connect() as conn:
        ids = [row[0] for row in conn.exec_driver_sql("SELECT event_id FROM event_listing")]
        fresh = {e.id: EventPublic.json_of(e) for e in queries.listed_events(conn, ids)}
        current = listings.stored(conn, queries.listed_events(conn, ids))
    return sorted(i for i, body in current.items() if body != fresh[i])


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
