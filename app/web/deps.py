"""Dependencies shared by every route."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from typing import Literal

from fastapi import Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from sqlmodel import Session

from app import queries
from app.ingest.dates import bounds

from app.config import Settings
from app.db import get_engine


# The dependencies every request runs are `async`: a plain `def` dependency is called in the thread
# pool, and each trip there and back (and the session's, twice) cost more than the work itself.
async def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings


async def get_session(request: Request) -> AsyncIterator[Session]:
    """Made on the event loop (a session opens no connection until the route's first query); closed
    in the thread pool, since closing rolls back and returns the connection: a round trip to
    PostgreSQL that must not hold up the event loop."""
    session = Session(get_engine(request.app.state.settings.database_url))
    try:
        yield session
    finally:
        await run_in_threadpool(session.close)


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]

# Ids are INTEGER columns: 32 bits on PostgreSQL. A larger number names nothing, and must not
# reach the database, which would refuse it with an error instead of finding nothing.
MAX_ID = 2**31 - 1
Id = Annotated[int, Path(ge=1, le=MAX_ID)]  # an id in a page's path
Index = Annotated[int, Path(ge=0, le=MAX_ID)]  # a paragraph's place in its article
Granularity = Literal["day", "week", "month", "season", "quarter", "year", "range", "decade", "century", "unknown"]


async def event_filter(
    from_: Annotated[str | None, Query(alias="from", description=(
        "Events whose date interval overlaps this date or after it. EDTF or ISO: `1979`, `1979-12`, "
        "`1979-12-24`, `197X`. An event dated 1979 matches from=1979-12-01."), examples=["1979"])] = None,
    to: Annotated[str | None, Query(description="Events whose date interval overlaps this date or before it "
                                                "(EDTF or ISO).", examples=["1989-12-31"])] = None,
    q: Annotated[str | None, Query(max_length=200, description=(
        "Full-text search over event titles and source paragraphs; every word must appear "
        "(as a word or the start of one)."), examples=["Kabul"])] = None,
    article: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Only events reported by this article id.")] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=100000,
                                             description="Only events reported by at least this many sources.")] = None,
    needs_review: Annotated[bool | None, Query(description="Only events flagged (true) or not flagged (false) "
                                                           "for an editor.")] = None,
    granularity: Annotated[Granularity | None, Query(description="Only events whose date has this precision.")] = None,
    undated: Annotated[Literal["include", "exclude", "only"], Query(description=(
        "Events whose date or year is unknown come last (include), are left out (exclude), or are all "
        "that is returned (only). A from/to range leaves them out."))] = "include",
) -> queries.EventFilter:
    start = _bound("from", from_, 0)
    end = _bound("to", to, 1)
    if start and end and start > end:
        raise HTTPException(422, f"from: {from_} is after to: {to}")
    return queries.EventFilter(start=start, end=end, q=q or None, article=article, min_sources=min_sources,
                               needs_review=needs_review, granularity=granularity, undated=undated)


def _bound(name: str, value: str | None, side: int) -> str | None:
    if value is None or value == "":
        return None
    try:
        edge = bounds(value.strip())[side]
    except (ValueError, TypeError):
        edge = None
    if edge is None:
        raise HTTPException(422, f"{name}: {value!r} is not a date (EDTF or ISO, e.g. 1979 or 1979-12-24)")
    return edge


Filter = Annotated[queries.EventFilter, Depends(event_filter)]

