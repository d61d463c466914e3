"""PostgreSQL full-text search: GIN indexes over to_tsvector('simple', ...) of paragraph text and
event titles. SQLite has its FTS5 tables from 0002; this revision does nothing there.

Revision ID: 0004
Revises: 0003
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept in step with app.search.PG_CONFIG: a query uses the index only with the same expression.
INDEXES = {
    "ix_search_paragraph_text": ("paragraph", "text"),
    "ix_search_event_title": ("event", "title"),
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, (table, column) in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {table} USING gin (to_tsvector('simple'::regconfig, {column}))")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
