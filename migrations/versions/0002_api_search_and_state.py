"""API support: events' source counts (sort, filter), a dataset version (ETag), full-text search

Revision ID: 0002
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite: FTS5 tables over paragraph text and event titles, the text itself staying in the
# content tables ("external content"). No triggers: indexing row by row inside each
# article's savepoint made ingest 40% slower; the ingest indexes each committed group
# in one statement instead (app/search.py).
SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE search_paragraph USING fts5(text, content='paragraph', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE search_event USING fts5(title, content='event', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    # Rows already there (a database migrated after ingesting).
    "INSERT INTO search_paragraph(search_paragraph) VALUES ('rebuild')",
    "INSERT INTO search_event(search_event) VALUES ('rebuild')",
]


def upgrade() -> None:
    with op.batch_alter_table("event") as batch:
        batch.add_column(sa.Column("source_count", sa.Integer(), nullable=False, server_default="0"))
        batch.create_index("ix_event_sources_order", ["source_count", "id"], unique=False)
    op.execute("UPDATE event SET source_count = (SELECT count(*) FROM event_source WHERE event_id = event.id)")
    op.create_table(
        "dataset_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("changed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"))
    op.execute(sa.text("INSERT INTO dataset_state (id, version, changed_at) VALUES (1, 0, CURRENT_TIMESTAMP)"))
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_SEARCH:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_event")
        op.execute("DROP TABLE IF EXISTS search_paragraph")
    op.drop_table("dataset_state")
    with op.batch_alter_table("event") as batch:
        batch.drop_index("ix_event_sources_order")
        batch.drop_column("source_count")
