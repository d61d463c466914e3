"""Alembic, driven from code: upgrade a database and tell whether it is current."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.config import PROJECT_ROOT
from app.db import get_engine


class NotMigrated(RuntimeError):
    pass


def _config(url: str) -> Config:
    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    cfg.attributes["database_url"] = url
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    command.downgrade(_config(url), revision)


def head_revision() -> str:
    return ScriptDirectory.from_config(_config("")).get_current_head()


def current_revision(url: str) -> str | None:
    with get_engine(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def ensure_current(url: str) -> None:
    """Refuse to run against a database whose schema is not the code's."""
    current, head = current_revision(url), head_revision()
    if current != head:
        state = "has no tables yet" if current is None else f"is at revision {current}, the code needs {head}"
        raise NotMigrated(f"The database {_redact(url)} {state}. Run `timeline db upgrade` first.")


def _redact(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
