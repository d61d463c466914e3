"""A search's matching paragraphs reach their events through one covering index.

A common word matches tens of thousands of paragraphs; each was looked up in
event_source by article alone, then every source row of that article was read for its
paragraph and event. The index over (article, paragraph, event) answers the lookup
itself, and still serves everything the article-only index did (re-ingest, deletes).

Revision ID: 0007
Revises: 0006
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_event_source_article", table_name="event_source")
    op.create_index("ix_event_source_article", "event_source", ["article_id", "paragraph_index", "event_id"])


def downgrade() -> None:
    op.drop_index("ix_event_source_article", table_name="event_source")
    op.create_index("ix_event_source_article", "event_source", ["article_id"])
