"""Events that cross a new year, indexed on their own: the only ones a date window must look for
before it.

A window reads the events starting from a year before it, and then the longer ones starting
earlier. Those were found by granularity (ranges, decades, centuries), but most ranges are a week
("last week"): a window in the 1970s read 8,000 index entries to find 79 events (1.2-3.7 ms, in
every count and every page of a window). An event starting more than a year before a window and
still overlapping it crosses a new year, and only 1,867 of the 114,719 events of the
100,000-article archive do: this partial index holds them, with what counts and lists filter on. It
begins as the timeline's own index does (start, end, id), so a page in date order can read it: ordered
otherwise, SQLite preferred the timeline index for the order and read everything before the window.

Revision ID: 0009
Revises: 0008
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As in app.models (a migration stays as it was written, whatever the models become).
CROSSES_A_YEAR = "substr(date_end, 1, 4) <> substr(date_start, 1, 4)"


def upgrade() -> None:
    op.create_index("ix_event_year_crossing", "event", ["date_start", "date_end", "id", "hidden", "source_count"],
                    sqlite_where=sa.text(CROSSES_A_YEAR), postgresql_where=sa.text(CROSSES_A_YEAR))


def downgrade() -> None:
    op.drop_index("ix_event_year_crossing", table_name="event")
