"""An event's sources, with the date each gave, read from one index.

The review queue asks, for every event, whether its sources disagree on the date: every
source row of the archive was read for its date (750 ms on 670,000 sources). The index over
event alone becomes one over (event, id, date): the same order, so it serves every lookup the
old one did (an event's sources in stored order, its twentieth source), and it holds the date.

Revision ID: 0008
Revises: 0007
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_event_source_event_id", table_name="event_source")
    op.create_index("ix_event_source_event", "event_source", ["event_id", "id", "edtf"])


def downgrade() -> None:
    op.drop_index("ix_event_source_event", table_name="event_source")
    op.create_index("ix_event_source_event_id", "event_source", ["event_id"])
