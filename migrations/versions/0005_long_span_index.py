"""Indexes for date windows over a big archive.

- By granularity and dates: a window finds the long events (ranges, decades, centuries) that start
  before it without reading every event that does.
- The timeline order index carries the columns lists filter on (hidden, sources, review, granularity):
  a filtered list reads the index until it has a page, not a table row for every event it passes.

Revision ID: 0005
Revises: 0004
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


FILTERED = ["hidden", "source_count", "needs_review", "granularity"]


def upgrade() -> None:
    op.create_index("ix_event_long_spans", "event", ["granularity", "date_start", "date_end"])
    op.drop_index("ix_event_timeline_order", table_name="event")
    op.create_index("ix_event_timeline_order", "event", ["date_start", "date_end", "id", *FILTERED])


def downgrade() -> None:
    op.drop_index("ix_event_timeline_order", table_name="event")
    op.create_index("ix_event_timeline_order", "event", ["date_start", "date_end", "id"])
    op.drop_index("ix_event_long_spans", table_name="event")
