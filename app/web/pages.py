"""HTML pages: the timeline, events and articles."""

from __future__ import annotations

from itertools import groupby

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from app import queries
from app.web.deps import SessionDep

router = APIRouter(include_in_schema=False)

TIMELINE_WINDOW = 500


def _render(request: Request, template: str, context: dict, status: int = 200) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


@router.get("/", response_class=HTMLResponse)
def timeline(request: Request, session: SessionDep, after: str | None = None) -> HTMLResponse:
    events, cursor = queries.list_events(session, limit=TIMELINE_WINDOW, after=after)
    groups = [(year, list(items)) for year, items in groupby(events, key=lambda e: e.year_group)]
    return _render(request, "timeline.html", {"groups": groups, "next_cursor": cursor, "count": len(events)})


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: int, session: SessionDep) -> HTMLResponse:
    event = queries.get_event(session, event_id)
    if event is None:
        raise HTTPException(404, f"There is no event {event_id} on the timeline.")
    return _render(request, "event.html", {"event": event})


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, session: SessionDep, after: str | None = None) -> HTMLResponse:
    articles, cursor = queries.list_articles(session, limit=200, after=after)
    return _render(request, "articles.html", {"articles": articles, "next_cursor": cursor})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: int, session: SessionDep) -> HTMLResponse:
    detail = queries.get_article(session, article_id)
    if detail is None:
        raise HTTPException(404, f"There is no article {article_id}.")
    return _render(request, "article.html", {"detail": detail, "article": detail.article})
