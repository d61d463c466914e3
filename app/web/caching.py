"""Conditional GET for the API: ETag and Last-Modified move whenever the data changes.

Every writer bumps one version number (`dataset_state`); a response's ETag is that
version and the request's URL, so it is computed without rendering anything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Hashable
from dataclasses import replace
from email.utils import format_datetime
from typing import TypeVar

from fastapi import Request, Response
from sqlalchemy.engine import Connection
from sqlmodel import Session

from app import queries
from app.memory import Memory


def validators(request: Request, session: Session, variant: str = "") -> dict[str, str]:
    """`variant` tells apart what different callers get at one URL (editors see hidden events)."""
    version, changed_at = queries.dataset_state(session)
    url = f"{request.url.path}?{request.url.query}"
    tag = hashlib.sha256(f"{version}|{url}|{variant}".encode()).hexdigest()[:20]
    headers = {"ETag": f'"{version}-{tag}"', "Cache-Control": "no-cache", "Vary": "Authorization"}
    if changed_at is not None:
        changed = changed_at.replace(microsecond=0)
        if changed.tzinfo is None:
            changed = changed.replace(tzinfo=dt.timezone.utc)  # stored in UTC
        headers["Last-Modified"] = format_datetime(changed, usegmt=True)
    return headers


def matches(sent: str | None, etag: str) -> bool:
    """Whether an If-None-Match or If-Match header names this ETag (weak comparison, as RFC 9110 allows for GET)."""
    return bool(sent) and (sent.strip() == "*" or etag in [t.strip().removeprefix("W/") for t in sent.split(",")])


def not_modified(request: Request, headers: dict[str, str]) -> Response | None:
    """A 304 when the client already holds this representation (If-None-Match)."""
    if matches(request.headers.get("if-none-match"), headers["ETag"]):
        return Response(status_code=304, headers=headers)
    return None


def event_etag(event_id: int, version: int) -> str:
    """One event's ETag: its version, which every change to it moves on (editors' and the ingest's)."""
    return f'"event-{event_id}-v{version}"'


BODIES = Memory(max_bytes=64 * 1024 * 1024, size=lambda kept: len(kept[0]))  # (body, status, headers)
# Each listed event's JSON, by database, data version and event id. Different list pages share most
# of their events (the same stories, other filters or windows): a page of well-reported events is
# mostly its sources' paragraphs, which took most of the time of a page that was not remembered whole.
# 128 MB: over 1,200 different pages of the 100,000-article archive, 32 MB found 59% of the events
# asked for and 128 MB 86%. Under load, alternating, over 10,000 pages none asked twice: 126-151
# requests/s (p99 128-186 ms) with 32 MB, 174-186 (p99 118-122 ms) with 128.
EVENT_JSON = Memory(max_bytes=128 * 1024 * 1024, size=len)
# Each event's card on the timeline, by database, data version, event id and whether an editor is
# looking (a card carries an edit link for them): windows overlap (the same year at other zooms, the
# next day), and a card needs its sources read to be drawn. Kept as plain text, not Markup: a str
# subclass with attributes is one more object for every full garbage collection to read.
CARDS = Memory(max_bytes=32 * 1024 * 1024, size=len)


T = TypeVar("T", str, bytes)  # what a memory holds of each event: a card's HTML, an event's JSON


def with_listed_sources(session: Session, events: list[queries.EventView]) -> list[queries.EventView]:
    """The events, given their listed sources."""
    sources = queries.sources_of(session, [e.id for e in events])
    return [replace(e, sources=sources.get(e.id, [])) for e in events]


def read_listed(session: Session, rows: list) -> list[queries.EventView]:
    """The events of rows of ids (`list_events(keys_only=True)`), read whole with their listed sources."""
    return queries.listed_events(session.connection(), [r.id for r in rows])


def each_event(memory: Memory, session: Session, events: list, build: Callable[[queries.EventView], T],
               variant: Hashable = None, stored: Callable[[Connection, list], dict[int, T]] | None = None,
               complete: Callable[[Session, list], list[queries.EventView]] = with_listed_sources) -> dict[int, T]:
    """`build(event)` of each listed event (anything with its `id` and `version`), given whole with its
    listed sources by `complete` (its JSON, its card), `stored` in the database or remembered in `memory`
    by data version and `variant`: only the events found in neither are read whole."""
    version = queries.data_version(session)
    # Stored first: the memory holds only what was built here, which, where events are stored, is the
    # few an editor changed since the last ingest. Asking it first for every event of a page was a
    # twentieth of the time of a page not remembered whole.
    built = stored(session.connection(), events) if stored is not None else {}
    for e in events:
        if e.id not in built and (kept := memory.get((*version, e.id, variant))) is not None:
            built[e.id] = kept
    missing = [e for e in events if e.id not in built]
    if missing:
        for e in complete(session, missing):
            built[e.id] = build(e)
            memory.put((*version, e.id, variant), built[e.id])
    return built


def remembered(request: Request, session: Session, variant: str, render: Callable[[], Response]) -> Response:
    """`render()`, or what it answered last time for the same database, data version, URL and variant.

    Readers ask for the same pages over and over while the archive changes only when an ingest or an
    editor writes, and every write moves the version on. A list page of 100 events with their
    sources took 15 to 50 ms to build; a remembered one is a dictionary lookup."""
    key = (*queries.data_version(session), request.url.path, request.url.query, variant)
    if (kept := BODIES.get(key)) is not None:
        body, status, headers = kept
        return Response(body, status, headers=dict(headers))
    response = render()
    if response.status_code == 200 and "set-cookie" not in response.headers and hasattr(response, "body"):
        # What goes on the wire only, as bytes, numbers and strings in tuples, which the garbage
        # collector stops tracking. A page rendered from a template holds its whole context (its events,
        # their sources, the overview's bars), and even a bare Response is three objects to track: kept
        # by the thousand, they were read by every full collection, during which a worker answers nobody.
        BODIES.put(key, (response.body, response.status_code, tuple(response.headers.items())))
    return response
