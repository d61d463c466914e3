"""Tables. Every change to them goes through an Alembic migration in migrations/."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, LargeBinary, Text, UniqueConstraint, false, text
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Article(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    file: str = Field(index=True, unique=True, description="name of the file the article was ingested from")
    url: str | None = None
    title: str
    title_derived: bool = False
    byline: str | None = None
    published: str | None = Field(default=None, description="publication date as stated (EDTF)")
    published_evidence: str | None = None
    anchor: str | None = Field(default=None, description="date relative dates were resolved against (EDTF)")
    anchor_inferred_from: str | None = None
    content_hash: str = Field(index=True)
    raw_text: str = Field(sa_column=Column(Text, nullable=False))
    boilerplate: str = Field(default="[]", sa_column=Column(Text, nullable=False, server_default="[]"))
    names: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""),
                       description="who and where the article names, for merging (ingest.events.names)")
    ingested_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class Paragraph(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("article_id", "index", name="uq_paragraph_article_index"),)
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=Column(Integer, ForeignKey("article.id", ondelete="CASCADE"), nullable=False))
    index: int
    text: str = Field(sa_column=Column(Text, nullable=False))


class Mention(SQLModel, table=True):
    __table_args__ = (Index("ix_mention_article_paragraph", "article_id", "paragraph_index"),)
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=Column(Integer, ForeignKey("article.id", ondelete="CASCADE"), nullable=False))
    paragraph_index: int
    start: int
    end: int
    text: str
    type: str
    value: str
    edtf: str | None = None
    granularity: str
    how: str = ""


# An event that starts in one year and ends in another: the only kind that can start more than a
# year before a date window and still overlap it (queries._overlap_parts asks for them by these terms).
# Most events do not.
CROSSES_A_YEAR = "substr(date_end, 1, 4) <> substr(date_start, 1, 4)"


class Event(SQLModel, table=True):
    __table_args__ = (Index("ix_event_timeline_order", "date_start", "date_end", "id",
                            "hidden", "source_count", "needs_review", "granularity"),
                      Index("ix_event_sources_order", "source_count", "id"),
                      Index("ix_event_long_spans", "granularity", "date_start", "date_end"),
                      Index("ix_event_year_crossing", "date_start", "date_end", "id", "hidden", "source_count",
                            sqlite_where=text(CROSSES_A_YEAR), postgresql_where=text(CROSSES_A_YEAR)))
    id: int | None = Field(default=None, primary_key=True)
    title: str
    summary: str = Field(sa_column=Column(Text, nullable=False))
    edtf: str = Field(description="the date the timeline shows: an editor's correction or the machine's")
    machine_edtf: str
    machine_title: str
    date_start: str | None = Field(default=None, description="first ISO day the date can mean")
    date_end: str | None = None
    granularity: str
    uncertain: bool = False
    inferred: bool = False
    needs_review: bool = False
    hidden: bool = False
    verified: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, server_default=false()),
                           description="an editor checked the date against the sources")
    corrected_by: str | None = Field(default=None, description="the editor who last changed the event")
    corrected_at: dt.datetime | None = None
    merged_into: int | None = Field(default=None, description="an editor merged this event into that one")
    version: int = Field(default=1, sa_column=Column(Integer, nullable=False, server_default="1"),
                         description="moves on with every change: editors' forms and If-Match carry it")
    reviewed_version: int | None = Field(default=None, description="the version an editor cleared from review")
    keywords: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    names: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""),
                       description="who and where its sources name, for merging (ingest.events.names)")
    source_count: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class EventSource(SQLModel, table=True):
    __tablename__ = "event_source"
    __table_args__ = (
        # A search reaches events from paragraphs (article, index) through this index alone.
        Index("ix_event_source_article", "article_id", "paragraph_index", "event_id"),
        # An event's sources in stored order, with the date each gave: the review queue compares them.
        Index("ix_event_source_event", "event_id", "id", "edtf"),
    )
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(sa_column=Column(Integer, ForeignKey("event.id", ondelete="CASCADE"), nullable=False))
    article_id: int = Field(sa_column=Column(Integer, ForeignKey("article.id", ondelete="CASCADE"), nullable=False))
    paragraph_index: int
    mention_start: int
    mention_end: int
    mention_text: str
    sentence: str = Field(sa_column=Column(Text, nullable=False))
    edtf: str = Field(description="the date this source gave")
    how: str = ""
    inferred: bool = False
    pinned_by: str | None = Field(default=None, description=(
        "the editor who put this source on its event (detach, merge, new event); re-ingest keeps it there"))


class EventListing(SQLModel, table=True):
    """An event as /api/events lists it (its JSON, with its first sources), written when an ingest ends.

    A list page's events were read from five tables and written as JSON at every request: for a page
    of well-reported events, hundreds of source rows scattered over the file. Derived data only: a
    listing counts only while its `version` is the event's own (every change to an event moves that
    on), and a list builds any other event from the tables, as before."""

    __tablename__ = "event_listing"
    event_id: int = Field(sa_column=Column(Integer, ForeignKey("event.id", ondelete="CASCADE"), primary_key=True))
    version: int = Field(description="the event's version the listing was written from")
    body: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class Correction(SQLModel, table=True):
    """A revision: one editor's change to one field of an event (or of an article). Re-ingest never
    touches these, and the latest revision of a field is what the timeline shows."""

    id: int | None = Field(default=None, primary_key=True)
    event_id: int | None = Field(default=None, sa_column=Column(
        Integer, ForeignKey("event.id", ondelete="CASCADE"), nullable=True, index=True))
    article_id: int | None = Field(default=None, sa_column=Column(
        Integer, ForeignKey("article.id", ondelete="CASCADE"), nullable=True, index=True))
    field: str = Field(description="date, title, hidden, verified, reviewed, merge, merged_into, detach, "
                                   "created (events); published (articles)")
    old_value: str | None = None
    value: str
    editor: str
    reason: str | None = None
    version: int | None = Field(default=None, description="the event's version this revision made")
    reverts: int | None = Field(default=None, description="the revision this one undid")
    created_at: dt.datetime = Field(default_factory=utcnow)


class Editor(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)
    password_hash: str
    created_at: dt.datetime = Field(default_factory=utcnow)


class ApiToken(SQLModel, table=True):
    """A bearer token for editors' scripts. Only its SHA-256 is stored; revoking keeps the row."""

    __tablename__ = "api_token"
    id: int | None = Field(default=None, primary_key=True)
    editor_id: int = Field(sa_column=Column(Integer, ForeignKey("editor.id", ondelete="CASCADE"), nullable=False,
                                            index=True))
    token_hash: str = Field(unique=True, index=True)
    created_at: dt.datetime = Field(default_factory=utcnow)
    revoked_at: dt.datetime | None = None


class LoginFailure(SQLModel, table=True):
    """Failed logins, counted per name and per client to throttle password guessing."""

    __tablename__ = "login_failure"
    __table_args__ = (Index("ix_login_failure_name_at", "name", "at"), Index("ix_login_failure_client_at", "client", "at"))
    id: int | None = Field(default=None, primary_key=True)
    name: str
    client: str
    at: dt.datetime = Field(default_factory=utcnow)


class DatasetState(SQLModel, table=True):
    """One row: a version every write bumps, so readers can tell (ETag, Last-Modified) that data changed."""

    __tablename__ = "dataset_state"
    id: int | None = Field(default=None, primary_key=True)
    version: int = 0
    changed_at: dt.datetime = Field(default_factory=utcnow)


# Full-text search is not in the models: on SQLite FTS5 virtual tables made by the migrations
# and written by the ingest (app/search.py); on PostgreSQL expression indexes.
SEARCH_TABLE_PREFIX = "search_"


SEARCH_INDEX_PREFIX = "ix_search_"  # PostgreSQL's full-text expression indexes


def is_model_table(obj, name, type_, reflected, compare_to) -> bool:
    """For Alembic's autogenerate: leave the search tables (FTS5's and its shadow tables on SQLite,
    the expression indexes on PostgreSQL) alone."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(SEARCH_TABLE_PREFIX)
    if type_ == "index":
        return not name.startswith(SEARCH_INDEX_PREFIX)
    return True
