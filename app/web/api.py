"""The JSON API and exports: /api/events (+ .csv, .ndjson, .ics), /api/timelinejs.json, /api/articles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Header, HTTPException, Path, Query, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse
from sqlmodel import Session

from app import editing, exports, listings, queries
from app.db import get_engine
from app.models import Event
from app.schemas import (ArticleDetailPublic, ArticlePage, ArticlePublic, EventPage, EventPatch, EventPublic,
                         Problem, TimelineJSDocument)
from app.web import caching
from app.web.auth import MaybeTokenEditor, TokenEditorDep
from app.web.deps import MAX_ID, Filter, SessionDep, SettingsDep
from app.web.errors import problem

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


def _cached(request: Request, session: Session, response: Response, variant: str = "") -> Response | None:
    headers = caching.validators(request, session, variant)
    response.headers.update(headers)
    return caching.not_modified(request, headers)


@router.get("/events", response_model=EventPage, summary="Events in timeline order, filtered",
            responses={304: {"description": "Not modified since the ETag sent in If-None-Match"}})
def events(request: Request, response: Response, session: SessionDep, settings: SettingsDep, where: Filter,
           editor: MaybeTokenEditor, sort: Sort = "date", limit: Limit = None, after: After = None):
    """Events with every source paragraph that reported them. `next` (also a `Link: rel="next"`
    header) is the URL of the next page; walking the pages returns every event once.
    Hidden events are left out, except for callers with an editor's token."""
    variant = "editor" if editor else ""
    if (cached := _cached(request, session, response, variant)) is not None:
        return cached

    def page() -> Response:
        # Ids and versions only: each event's JSON is remembered, stored by the ingest, or else read whole.
        views, cursor = queries.list_events(session, limit=limit or settings.page_size, after=after, sort=sort,
                                            where=where, include_hidden=editor is not None, keys_only=True)
        headers = dict(response.headers)
        if next_url := _next_url(request, cursor):
            headers["Link"] = f'<{next_url}>; rel="next"'
        # Serialised here: returned as a model, FastAPI would validate the whole page again first (a
        # third of the time of a page of well-reported events). Each event once, then remembered.
        built = caching.each_event(caching.EVENT_JSON, session, views, EventPublic.json_of, stored=listings.stored,
                                   complete=caching.read_listed)
        shell = EventPage.model_validate({"events": [], "next": next_url}).model_dump_json()
        before, after_events = shell.split('"events":[]', 1)
        # Bytes from end to end: a page is some hundreds of KB, and joining it as text and encoding
        # it again was a tenth of the CPU of a page not remembered.
        body = b"".join([before.encode(), b'"events":[', b",".join([built[v.id] for v in views]), b"]",
                         after_events.encode()])
        return Response(body, media_type="application/json", headers=headers)

    return caching.remembered(request, session, variant, page)


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
                   lambda views, _base: exports.ndjson_lines(EventPublic.of(v).model_dump_json() for v in views),
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
def event(event_id: EventId, request: Request, response: Response, session: SessionDep, editor: MaybeTokenEditor):
    """The event's ETag is what `PATCH` wants in `If-Match`. Hidden events are 404 without an editor's token."""
    view = queries.get_event(session, event_id, include_hidden=editor is not None)
    if view is None:
        raise HTTPException(404, f"no event {event_id}")
    headers = {"ETag": caching.event_etag(view.id, view.version), "Cache-Control": "no-cache", "Vary": "Authorization"}
    if caching.matches(request.headers.get("if-none-match"), headers["ETag"]):
        return Response(status_code=304, headers=headers)
    response.headers.update(headers)
    return EventPublic.of(view)


@router.patch("/events/{event_id}", response_model=EventPublic, summary="Correct an event (editors' scripts)",
              responses={401: {"model": Problem, "description": "No valid editor's token"},
                         404: {"model": Problem},
                         412: {"model": Problem, "description": "If-Match is stale: `event` is the current event"},
                         428: {"model": Problem, "description": "If-Match is missing"}})
def patch_event(event_id: EventId, patch: EventPatch, request: Request, response: Response, session: SessionDep,
                editor: TokenEditorDep,
                if_match: Annotated[str | None, Header(description="the ETag of the event, from GET /api/events/{id}")] = None):
    """Change any of date (free text or EDTF), title, hidden, verified, with a reason: the same
    validation and history as the editors' forms. Send the event's ETag in `If-Match`; if the
    event changed since, the answer is 412 with the current event, and nothing is changed."""
    current = session.get(Event, event_id)
    if current is None:
        raise HTTPException(404, f"no event {event_id}")
    if not if_match:
        raise HTTPException(428, "If-Match: send the event's ETag (from GET /api/events/{id}), so a change made "
                                 "meanwhile is not overwritten")
    version = current.version if caching.matches(if_match, caching.event_etag(event_id, current.version)) else -1
    changes = editing.Changes(date=patch.date, title=patch.title, hidden=patch.hidden, verified=patch.verified,
                              reason=patch.reason)
    try:
        editing.edit_event(session, event_id, editor, changes, version)
    except editing.EditError as exc:
        raise HTTPException(422, f"{exc.field}: {exc}") from None
    except editing.Conflict as exc:
        session.rollback()
        view = queries.get_event(session, event_id, include_hidden=True)
        return problem(request, 412, f"If-Match: the event changed since that ETag. {exc.describe()}",
                       headers={"ETag": caching.event_etag(view.id, view.version)},
                       extra={"event": EventPublic.of(view).model_dump(mode="json")})
    view = queries.get_event(session, event_id, include_hidden=True)
    response.headers["ETag"] = caching.event_etag(view.id, view.version)
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
