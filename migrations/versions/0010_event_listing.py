"""Each event's listing: its JSON as /api/events lists it, written when an ingest ends.

A page of 100 well-reported events read some 850 source rows, each with its article and its
paragraph, scattered over the database file, and wrote them all as JSON: 16 ms of a 100,000-article
archive's page. Read back as one row per event instead. The table is derived data, empty after this
migration; the next `timeline ingest` fills it, and meanwhile lists are built as before.

Revision ID: 0010
Revises: 0009
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "event_listing",
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("event.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("event_listing")
