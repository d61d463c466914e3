"""Full-text search over paragraph text and event titles, behind one interface.

SQLite: FTS5 tables (made by migration 0002) whose text stays in the content
tables. Writers tell the index what they added, changed or removed; readers get
a clause that selects the matching event ids. Other databases fall back to a
case-insensitive substring match until they get their own index.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, and_, bindparam, exists, false, or_, select, text
from sqlalchemy.engine import Connection

from app.models import Event, EventSource, Paragraph

_TERM = re.compile(r"\w+", re.UNICODE)

_ADD_PARAGRAPHS = text("INSERT INTO search_paragraph(rowid, text) SELECT id, text FROM paragraph "
                       "WHERE article_id IN :ids").bindparams(bindparam("ids", expanding=True))
_REMOVE_PARAGRAPHS = text("INSERT INTO search_paragraph(search_paragraph, rowid, text) "
                          "SELECT 'delete', id, text FROM paragraph WHERE article_id = :id")
_ADD_EVENTS = text("INSERT INTO search_event(rowid, title) SELECT id, title FROM event "
                   "WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
_REMOVE_EVENT = text("INSERT INTO search_event(search_event, rowid, title) "
                     "SELECT 'delete', id, title FROM event WHERE id = :id")


def _enabled(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def add_articles(conn: Connection, article_ids: list[int]) -> None:
    """Index the paragraphs of newly stored articles."""
    if article_ids and _enabled(conn):
        conn.execute(_ADD_PARAGRAPHS, {"ids": article_ids})


def remove_article(conn: Connection, article_id: int) -> None:
    """Take an article's paragraphs out of the index; call before deleting them."""
    if _enabled(conn):
        conn.execute(_REMOVE_PARAGRAPHS, {"id": article_id})


def add_events(conn: Connection, event_ids: list[int]) -> None:
    if event_ids and _enabled(conn):
        conn.execute(_ADD_EVENTS, {"ids": event_ids})


def remove_event(conn: Connection, event_id: int) -> None:
    """Take an event's title out of the index: call before deleting the event or changing its title
    (the index needs the text it indexed to remove it)."""
    if _enabled(conn):
        conn.execute(_REMOVE_EVENT, {"id": event_id})


def fts_query(q: str) -> str | None:
    """A user's words as an FTS5 query: every word must appear, as a word or a word's start
    ("invad" finds "invaded"). Quoting each word keeps FTS5 syntax out of user input."""
    terms = [t.replace('"', "") for t in _TERM.findall(q)]
    if not terms:
        return None
    return " ".join(f'"{t}"*' if len(t) >= 3 else f'"{t}"' for t in terms)


def matching_events(q: str, dialect_name: str) -> ColumnElement[bool]:
    """A WHERE clause on Event: its title or one of its source paragraphs matches `q`."""
    query = fts_query(q)
    if query is None:
        return false()
    if dialect_name == "sqlite":
        by_title = Event.id.in_(select(text("rowid")).select_from(text("search_event"))
                                .where(text("search_event MATCH :qt").bindparams(qt=query)).scalar_subquery())
        paragraph_ids = select(text("rowid")).select_from(text("search_paragraph")).where(
            text("search_paragraph MATCH :qp").bindparams(qp=query))
        by_paragraph = exists(
            select(EventSource.id).join(Paragraph, (Paragraph.article_id == EventSource.article_id)
                                        & (Paragraph.index == EventSource.paragraph_index))
            .where(EventSource.event_id == Event.id, Paragraph.id.in_(paragraph_ids)))
        return or_(by_title, by_paragraph)
    words = _TERM.findall(q)
    return or_(and_(*[Event.title.ilike(f"%{w}%") for w in words]), exists(
        select(EventSource.id).join(Paragraph, (Paragraph.article_id == EventSource.article_id)
                                    & (Paragraph.index == EventSource.paragraph_index))
        .where(EventSource.event_id == Event.id, *[Paragraph.text.ilike(f"%{w}%") for w in words])))
