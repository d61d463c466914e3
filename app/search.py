"""Full-text search over paragraph text and event titles, behind one interface.

SQLite: FTS5 tables (made by migration 0002) whose text stays in the content
tables. Writers tell the index what they added, changed or removed; readers get
a clause that selects the matching event ids.

PostgreSQL: GIN expression indexes over `to_tsvector('simple', ...)` (migration 0004),
which the database keeps itself; the writers' calls do nothing there. Both read a
user's words the same way: every word must appear, as a word or a word's start.
Other databases fall back to a case-insensitive substring match.
"""

from __future__ import annotations

import json
import re

from sqlalchemy import (JSON, ColumnElement, Integer, String, and_, bindparam, cast, column, exists, false, func,
                        literal_column, or_, select, table, text, union)
from sqlalchemy.sql.expression import TableClause
from sqlalchemy.engine import Connection

from app.memory import Memory
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


_SEARCH_EVENT = table("search_event", column("rowid", Integer))
_SEARCH_PARAGRAPH = table("search_paragraph", column("rowid", Integer))


def _match(fts: TableClause, query: str) -> ColumnElement[bool]:
    return literal_column(fts.name).op("MATCH")(bindparam(None, query, type_=String()))


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
    # Lower case: FTS5 folds case anyway, and one spelling of a query is one entry among the HITS.
    terms = [t.replace('"', "").lower() for t in _TERM.findall(q)]
    if not terms:
        return None
    return " ".join(f'"{t}"*' if len(t) >= 3 else f'"{t}"' for t in terms)


def tsquery(q: str) -> str | None:
    """A user's words as a PostgreSQL tsquery: the same reading as `fts_query`. Only word
    characters are kept, so no tsquery syntax can come from the user."""
    terms = [t.lower() for t in _TERM.findall(q)]
    if not terms:
        return None
    return " & ".join(f"{t}:*" if len(t) >= 3 else t for t in terms)


# The text search configuration: no stemming and no stop words, like FTS5's unicode61.
PG_CONFIG = "simple"


def _ts_match(column, words: str) -> ColumnElement[bool]:
    # The configuration is written into the SQL, not bound: only then can the planner use the
    # expression index, which was built over to_tsvector('simple', column).
    config = literal_column(f"'{PG_CONFIG}'::regconfig")
    return func.to_tsvector(config, column).op("@@")(func.to_tsquery(config, bindparam(None, words, type_=String())))


# Each query's matching event ids, as a JSON array, by database, data version and query: a timeline
# page asks for its counts, its overview and its window, each a statement of its own, and each ran the
# search again (250 ms apiece for a common word in a 100,000-article archive). JSON, because one
# bound value carries any number of ids where a list of parameters meets the database's limit.
HITS = Memory(max_bytes=32 * 1024 * 1024, size=len)


def matching_events(q: str, conn: Connection, version: tuple[str, int]) -> ColumnElement[bool]:
    """A WHERE clause on Event: its title or one of its source paragraphs matches `q`. `version`:
    the database and the state of its data (`queries.data_version`), which the ids are kept by.
    On SQLite and PostgreSQL the ids are the parameter `hits` (`matching_ids`): a statement made
    for one query serves another with that parameter changed."""
    query = fts_query(q)
    if query is None:
        return false()
    dialect_name = conn.dialect.name
    if dialect_name not in ("sqlite", "postgresql"):
        words = _TERM.findall(q)
        return or_(and_(*[Event.title.ilike(f"%{w}%") for w in words]), exists(
            select(EventSource.id).join(Paragraph, (Paragraph.article_id == EventSource.article_id)
                                        & (Paragraph.index == EventSource.paragraph_index))
            .where(EventSource.event_id == Event.id, *[Paragraph.text.ilike(f"%{w}%") for w in words])))
    hits = bindparam("hits", matching_ids(q, conn, version), type_=String())
    if dialect_name == "postgresql":
        ids = func.json_array_elements_text(cast(hits, JSON)).table_valued("value")
        return Event.id.in_(select(cast(ids.c.value, Integer)))
    ids = func.json_each(hits).table_valued("value")
    return Event.id.in_(select(ids.c.value))


def matching_ids(q: str, conn: Connection, version: tuple[str, int]) -> str | None:
    """The ids of the events `q` matches, as a JSON array, remembered by `version`; None where the
    database has no full-text search of ours, or `q` has no words."""
    query = fts_query(q)
    dialect_name = conn.dialect.name
    if query is None or dialect_name not in ("sqlite", "postgresql"):
        return None
    key = (*version, query)
    if (hits := HITS.get(key)) is None:
        hits = json.dumps(conn.execute(_matching_ids(q, query, dialect_name)).scalars().all())
        HITS.put(key, hits)
    return hits


def _matching_ids(q: str, query: str, dialect_name: str):
    """The ids of the events whose title or one of whose source paragraphs matches."""
    if dialect_name == "postgresql":
        words = tsquery(q)
        by_title = select(Event.id).where(_ts_match(Event.title, words))
        by_paragraph = (
            select(EventSource.event_id)
            .select_from(Paragraph)
            .join(EventSource, (EventSource.article_id == Paragraph.article_id)
                  & (EventSource.paragraph_index == Paragraph.index))
            .where(_ts_match(Paragraph.text, words)))
        return union(by_title, by_paragraph)
    by_title = select(_SEARCH_EVENT.c.rowid).where(_match(_SEARCH_EVENT, query))
    by_paragraph = (
        select(EventSource.event_id)
        .select_from(_SEARCH_PARAGRAPH)
        .join(Paragraph, Paragraph.id == _SEARCH_PARAGRAPH.c.rowid)
        .join(EventSource, (EventSource.article_id == Paragraph.article_id)
              & (EventSource.paragraph_index == Paragraph.index))
        .where(_match(_SEARCH_PARAGRAPH, query)))
    return union(by_title, by_paragraph)
