"""Each event as /api/events lists it, stored: one row read instead of five tables joined.

A list page of well-reported events read hundreds of source rows, each with its article and its
paragraph, and wrote them all as JSON, at every request. An ingest, when it ends, writes each
changed event's listing (`write`); a list takes the listings whose version is still the event's
(`stored`) and builds the others from the tables, as before. Every change to an event moves its
version on (the ingest's, the editors'), so a listing is never shown after its event changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.engine import Connection

from app import queries
from app.models import Event, EventListing
from app.schemas import EventPublic

_LISTING = EventListing.__table__


def stale(conn: Connection) -> list[int]:
    """The events whose listing is missing or older than the event."""
    return list(conn.execute(
        select(Event.id).outerjoin(_LISTING, _LISTING.c.event_id == Event.id)
        .where(or_(_LISTING.c.version.is_(None), _LISTING.c.version != Event.version))
        .order_by(Event.id)).scalars())


# A listing bigger than this is stored empty, which means "build it from the tables". The biggest of
# a 100,000-article archive is 25 KB; a scrape that lost its line breaks made each of its 1,796 events
# carry its one 1.2 MB paragraph: 2.2 GB of listings, for lists that weigh 100 MB a page however built.
MAX_BYTES = 256 * 1024


def write(conn: Connection, event_ids: list[int]) -> None:
    """Write the listings of these events as they are now. In the caller's transaction: the
    event's version is read before its sources, so a change made meanwhile leaves it stale."""
    events = queries.listed_events(conn, event_ids)
    conn.execute(delete(_LISTING).where(_LISTING.c.event_id.in_(event_ids)))
    rows = []
    for e in events:
        # Its paragraphs alone tell most that are too big, without writing them out to learn it.
        body = b"" if sum(len(s.paragraph_text) for s in e.sources) > MAX_BYTES else EventPublic.json_of(e)
        if len(body) > MAX_BYTES:
            body = b""
        rows.append({"event_id": e.id, "version": e.version, "body": body})
    if rows:
        conn.execute(insert(_LISTING), rows)


@lru_cache(maxsize=64)
def _stored_sql(paramstyle: str, count: int) -> str:
    # The driver's own SQL, placeholders only: a statement SQLAlchemy expands for each list of ids, and
    # its result's type handling, were more than half of reading a page's listings (1.3 -> 0.6 ms).
    mark = "?" if paramstyle == "qmark" else "%s"
    return f"SELECT event_id, version, body FROM event_listing WHERE event_id IN ({', '.join([mark] * count)})"


def stored(conn: Connection, events: Iterable) -> dict[int, bytes]:
    """The stored listings of these events (anything with their `id` and `version`, such as the rows of
    `list_events(keys_only=True)`) that are still current, by event id."""
    versions = {e.id: e.version for e in events}
    if not versions:
        return {}
    rows = conn.exec_driver_sql(_stored_sql(conn.dialect.paramstyle, len(versions)), tuple(versions))
    return {event_id: bytes(body) for event_id, version, body in rows if versions[event_id] == version and body}
