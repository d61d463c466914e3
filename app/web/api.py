"""The JSON API and exports: /api/events (+ .csv, .ndjson, .ics), /api/timelinejs.json, /api/articles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse
from sqlmodel import Session

from app import exports, queries
from app.db import get_engine
from app.schemas import (ArticleDetailPublic, ArticlePage, ArticlePublic, EventPage, EventPublic, Problem,
                         TimelineJSDocument)
from app.web import caching
from app.web.deps import MAX_ID, Filter, SessionDep, SettingsDep

router = APIRouter(prefix="/api", tags=["api"], responses={
    400: {"model": Problem, "description": "A parameter is malformed (a cursor this server did not issue)"},
    422: {"model": Problem, "description": "A parameter is invalid; the message names it"}})

Limit = Annotated[int | None, Query(ge=1, le=1000, description="Page size: default 100, at most 1000.")]
After = Annotated[str | None, Query(description="Opaque cursor from a previous page's `next`.")]
EventId = Annotated[int, Path(ge=1, le=MAX_ID, description="An event id, as in /api/events.")]
ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="An article id, as in /api/articles.")]


Sort = Annotated[Literal["date", "-date", "sources"], Query(
    description="date (oldest first, the default), -date (newest first) or sources (most reported first). "
                "Undated events come after dated ones in every order.")]


def _next_url(request: Request, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    # A relative URL: right behind any proxy, and check_timeline.py joins it to its base.
    return f"{request.url.path}?{request.url.include_query_params(after=cursor).query}"


def _cached(request: Request, session: Session, response: Response) -> Response | None:
    headers = caching.validators(request, session)
    response.headers.update(headers)
    return caching.not_modified(request, headers)


@router.get("/events", response_model=EventPage, summary="Events in timeline order, filtered",
            responses={304: {"description": "Not modified since the ETag sent in If-None-Match"}})
def events(request: Request, response: Response, session: SessionDep, settings: SettingsDep, where: Filter,
           sort: Sort = "date", limit: Limit = None, after: After = None):
    """Events with every source paragraph that reported them. `next` (also a `Link: rel="next"`
    header) is the URL of the next page; walking the pages returns every event once."""
    if (cached := _cached(request, session, response)) is not None:
        return cached
    views, cursor = queries.list_events(session, limit=limit or settings.page_size, after=after, sort=sort,
                                        where=where)
    next_url = _next_url(request, cursor)
    if next_url:
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    return EventPage(events=[EventPublic.of(v) for v in views], next=next_url)


def _export(request: Request, response: Response, session: Session, settings, where: queries.EventFilter,
            sort: str, media_type: str, lines, filename: str) -> Response:
    """A streamed export: a 304 when the client has it, else pages of events through their own
    session (the request's closes before streaming ends), memory flat whatever the size."""
    if (cached := _cached(request, session, response)) is not None:
        return cached
    base = str(request.base_url).rstrip("/")

    def body() -> Iterator[str]:
        with Session(get_engine(settings.database_url)) as own:
            yield from lines(queries.iter_events(own, sort=sort, where=where), base)

    return StreamingResponse(body(), media_type=media_type, headers={
        **response.headers, "Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/events.csv", summary="Events as CSV (streamed)", response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}}, "description": "One row per event, sources joined"}})
def events_csv(request: Request, response: Response, session: SessionDep, settings: SettingsDep, where: Filter,
               sort: Sort = "date"):
    return _export(request, response, session, settings, where, sort, "text/csv; charset=utf-8",
                   exports.csv_lines, "events.csv")


@router.get("/events.ndjson", summary="Events as newline-delimited JSON (streamed)", response_class=StreamingResponse,
            responses={200: {"content": {"application/x-ndjson": {}}, "description": "One event object a line"}})
def events_ndjson(request: Request, response: Response, session: SessionDep, settings: SettingsDep,
                  where: Filter, sort: Sort = "date"):
    return _export(request, response, session, settings, where, sort, "application/x-ndjson",
                   lambda views, _base: exports.ndjson_lines(EventPublic.of(v).model_dump() for v in views),
                   "events.ndjson")


@router.get("/events.ics", summary="Day-precise events as an iCalendar feed", response_class=StreamingResponse,
            responses={200: {"content": {"text/calendar": {}}, "description": "All-day VEVENTs"}})
def events_ics(request: Request, response: Response, session: SessionDep, settings: SettingsDep,
               where: Filter, sort: Sort = "date"):
    now = dt.datetime.now(dt.timezone.utc)
    return _export(request, response, session, settings, where, sort, "text/calendar; charset=utf-8",
                   lambda views, base: exports.ics_lines(views, base, now), "events.ics")


@router.get("/timelinejs.json", response_model=TimelineJSDocument, summary="Events as a TimelineJS3 document")
def timelinejs(request: Request, response: Response, session: SessionDep, where: Filter,
               group: Annotated[Literal["article", "era", "none"], Query(
                   description="TimelineJS groups: the article that reported the event first, its decade, "
                               "or none.")] = "article",
               limit: Annotated[int, Query(ge=1, le=1000, description="At most this many slides.")] = 500):
    """The same filtered events, for https://timeline.knightlab.com. Events whose year is unknown are
    left out (a slide needs a year)."""
    if (cached := _cached(request, session, response)) is not None:
        return cached
    views, _ = queries.list_events(session, limit=limit, where=where)
    doc = exports.timelinejs_document(views, str(request.base_url).rstrip("/"), group, "Newsroom Timeline")
    return JSONResponse(doc, headers=dict(response.headers))


@router.get("/events/{event_id}", response_model=EventPublic, summary="One event with all its sources",
            responses={404: {"model": Problem}, 304: {"description": "Not modified"}})
def event(event_id: EventId, request: Request, response: Response, session: SessionDep):
    if (cached := _cached(request, session, response)) is not None:
        return cached
    view = queries.get_event(session, event_id)
    if view is None:
        raise HTTPException(404, f"no event {event_id}")
    return EventPublic.of(view)


@router.get("/articles", response_model=ArticlePage, summary="Ingested articles",
            responses={304: {"description": "Not modified"}})
def articles(request: Request, response: Response, session: SessionDep, settings: SettingsDep,
             limit: Limit = None, after: After = None):
    if (cached := _cached(request, session, response)) is not None:
        return cached
    views, cursor = queries.list_articles(session, limit=limit or settings.page_size, after=after)
    next_url = _next_url(request, cursor)
    if next_url:
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    return ArticlePage(articles=[ArticlePublic.of(v) for v in views], next=next_url)


@router.get("/articles/{article_id}", response_model=ArticleDetailPublic,
            summary="One article with its paragraphs and the date expressions in each",
            responses={404: {"model": Problem}, 304: {"description": "Not modified"}})
def article(article_id: ArticleId, request: Request, response: Response, session: SessionDep):
    if (cached := _cached(request, session, response)) is not None:
        return cached
    detail = queries.get_article(session, article_id)
    if detail is None:
        raise HTTPException(404, f"no article {article_id}")
    return ArticleDetailPublic.of_detail(detail)
