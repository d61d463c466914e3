"""HTML pages: the timeline, events and articles."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import replace
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from app import queries
from app import timeline as layout
from app.web import caching
from app.web.auth import MaybeEditor
from app.web.deps import MAX_ID, Filter, Id, SessionDep
from app.web.rendering import render as _render
from app.web.rendering import event_cards, render_article, render_event

router = APIRouter(include_in_schema=False)

SOURCE_PICKER = 200
TIMELINE_WINDOW = 50  # events a page sends; "more" brings the next window (50 keeps a click near 100 ms)


@router.get("/", response_class=HTMLResponse)
def timeline(request: Request, session: SessionDep, where: Filter,
             zoom: Literal["decade", "year", "month", "day"] = "year", around: str | None = None,
             after: str | None = None) -> HTMLResponse:
    """The timeline: filters, zoom and focus all in the URL. htmx asks for the results alone."""
    if around is not None and not _AROUND.fullmatch(around):
        raise HTTPException(422, f"around: {around!r} is not a year, month or day (1979, 1979-12, 1979-12-24)")

    def page() -> HTMLResponse:
        return _timeline(request, session, where, zoom, around, after)

    if request.session.get("editor"):
        return page()  # an editor's page carries their name, token and edit links
    return caching.remembered(request, session, "htmx" if request.headers.get("HX-Request") else "", page)


def _timeline(request: Request, session, where: queries.EventFilter, zoom: str, around: str | None,
              after: str | None) -> HTMLResponse:
    start, end = layout.window(zoom, around)
    shown = replace(where, start=max(filter(None, (where.start, start)), default=None),
                    end=min(filter(None, (where.end, end)), default=None))
    events, cursor = queries.list_events(session, limit=TIMELINE_WINDOW, after=after, where=shown, sources=False)
    context = {
        "groups": layout.group_events(events, zoom), "cards": event_cards(request, session, events),
        "next_cursor": cursor, "zoom": zoom, "around": around,
        "count": _count(session, shown), "where": where, "zooms": layout.ZOOMS,
        "query": _query_string(request, drop=("after",)),
        "zoom_links": [(z, "/?" + _query_string(request, drop=("after", "zoom"), add={"zoom": z})) for z in layout.ZOOMS],
    }
    if after and request.headers.get("HX-Request"):
        return _render(request, "partials/_groups.html", context)  # the next window, appended
    if request.headers.get("HX-Request"):
        response = _render(request, "partials/_results.html", context)
        # The address bar follows what is shown, so back/forward and shared links work.
        response.headers["HX-Push-Url"] = "/?" + context["query"] if context["query"] else "/"
        return response
    overview = _until_data_changes(session, "overview", where, lambda: _overview(request, session, where))
    # A source picker while it fits in a list; past that, an article's page links to its events.
    sources, more_sources = _until_data_changes(session, "source_picker", queries.EventFilter(),
                                                lambda: queries.list_articles(session, limit=SOURCE_PICKER))
    return _render(request, "timeline.html", {**context, "overview": overview,
                                              "sources": [] if more_sources else sources})


_MEMO: OrderedDict[tuple, object] = OrderedDict()
_MEMO_SIZE = 1024
_MEMO_LOCK = threading.Lock()  # sync routes run in a thread pool


def _until_data_changes(session, name: str, where: queries.EventFilter, compute):
    """`compute()`, remembered until the data changes (the dataset version moves on): counting and
    histogramming 100,000 events took longer than the rest of a page (40 and 115 ms). The least
    recently used goes first: the overview every page shows stays, while the counts of windows
    read once make way (emptied whole, as it was, every thousandth window paid for the overview)."""
    # The filter's values, not the filter: a tuple of strings and numbers, which the garbage collector
    # stops tracking, where a thousand dataclass objects were read by every full collection.
    key = (*queries.data_version(session), name, tuple(vars(where).values()))
    with _MEMO_LOCK:
        if key in _MEMO:
            _MEMO.move_to_end(key)
            return _MEMO[key]
    value = compute()
    with _MEMO_LOCK:
        _MEMO[key] = value
        while len(_MEMO) > _MEMO_SIZE:
            _MEMO.popitem(last=False)
    return value


def _overview(request: Request, session, where: queries.EventFilter) -> Markup:
    """The density overview, drawn: the same for every window under the same filters, and drawing its
    bars on every page was a seventh of the CPU of a window not seen before (0.85x with it drawn once)."""
    bars, unit = layout.density(queries.events_per_year(session, where))
    template = request.app.state.templates.get_template("partials/_density.html")
    return Markup(template.render(bars=bars, bar_unit=unit))


def _count(session, where: queries.EventFilter) -> int:
    return _until_data_changes(session, "count", where, lambda: queries.count_events(session, where))


_AROUND = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


def _query_string(request: Request, drop: tuple[str, ...] = (), add: dict[str, str] | None = None) -> str:
    """This page's query, without `drop` and with `add`: links that keep every filter."""
    pairs = [(k, v) for k, v in request.query_params.multi_items() if k not in drop and v != ""]
    return urlencode(pairs + list((add or {}).items()))


@router.get("/events/{event_id}/card", response_class=HTMLResponse)
def event_card(request: Request, event_id: Id, session: SessionDep, expanded: bool = False) -> HTMLResponse:
    """One timeline card, its sources shown or not: what the card's expand button swaps in. The sources
    a list shows (LIST_SOURCES at most); the event's page has them all."""
    event = queries.get_event(session, event_id, listed=True)
    if event is None:
        raise HTTPException(404, f"There is no event {event_id} on the timeline.")
    return _render(request, "partials/_event_card.html", {"event": event, "expanded": expanded})


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: Id, session: SessionDep, editor: MaybeEditor,
               sources_page: Annotated[int, Query(ge=1, le=MAX_ID)] = 1) -> HTMLResponse:
    return render_event(request, session, event_id, editor, notice=_NOTICES.get(request.query_params.get("done")),
                        sources_page=sources_page)


_NOTICES = {"saved": "Saved.", "detached": "The source now has this event of its own.",
            "created": "Event created.", "reverted": "Reverted.", "published": "Publication date set; the "
            "article's relative dates were resolved again."}


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, session: SessionDep, after: str | None = None) -> HTMLResponse:
    articles, cursor = queries.list_articles(session, limit=200, after=after)
    return _render(request, "articles.html", {"articles": articles, "next_cursor": cursor})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: Id, session: SessionDep, editor: MaybeEditor) -> HTMLResponse:
    return render_article(request, session, article_id, editor,
                          notice=_NOTICES.get(request.query_params.get("done")))
