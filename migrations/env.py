"""Alembic environment: the models' metadata, the URL from DATABASE_URL (or the caller)."""

from alembic import context
from sqlmodel import SQLModel

import app.models  # registers the tables on SQLModel.metadata
from app.config import get_settings
from app.db import get_engine

config = context.config
target_metadata = SQLModel.metadata


def _url() -> str:
    return config.attributes.get("database_url") or get_settings().database_url


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=True, include_object=app.models.is_model_table)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    with get_engine(_url()).connect() as connection:
        # Batch mode: SQLite cannot ALTER most things in place, so Alembic copies tables.
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                          include_object=app.models.is_model_table)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
