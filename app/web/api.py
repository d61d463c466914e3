"""The JSON API: /api/events and /api/articles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request

from app import queries
from app.schemas import ArticleDetailPublic, ArticlePage, ArticlePublic, EventPage, EventPublic, Problem
from app.web.deps import SessionDep, SettingsDep

router = APIRouter(prefix="/api", tags=["api"], responses={
    400: {"model": Problem, "description": "A parameter is malformed"},
    422: {"model": Problem, "description": "A parameter is out of range"}})

Limit = Annotated[int | None, Query(ge=1, le=1000, description="Page size (default 100, at most 1000).")]
After = Annotated[str | None, Query(description="Opaque cursor from a previous page's `next`.")]


def _next_url(request: Request, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    # A relative URL: right behind any proxy, and check_timeline.py joins it to its base.
    return f"{request.url.path}?{request.url.include_query_params(after=cursor).query}"


@router.get("/events", response_model=EventPage, summary="Events in timeline order")
def events(request: Request, session: SessionDep, settings: SettingsDep, limit: Limit = None,
           after: After = None) -> EventPage:
    """Events sorted by date (undated events last), each with every source paragraph that reported it."""
    views, cursor = queries.list_events(session, limit=limit or settings.page_size, after=after)
    return EventPage(events=[EventPublic.of(v) for v in views], next=_next_url(request, cursor))


@router.get("/events/{event_id}", response_model=EventPublic, summary="One event",
            responses={404: {"model": Problem}})
def event(event_id: int, session: SessionDep) -> EventPublic:
    view = queries.get_event(session, event_id)
    if view is None:
        raise HTTPException(404, f"no event {event_id}")
    return EventPublic.of(view)


@router.get("/articles", response_model=ArticlePage, summary="Ingested articles")
def articles(request: Request, session: SessionDep, settings: SettingsDep, limit: Limit = None,
             after: After = None) -> ArticlePage:
    views, cursor = queries.list_articles(session, limit=limit or settings.page_size, after=after)
    return ArticlePage(articles=[ArticlePublic.of(v) for v in views], next=_next_url(request, cursor))


@router.get("/articles/{article_id}", response_model=ArticleDetailPublic, summary="One article with paragraphs",
            responses={404: {"model": Problem}})
def article(article_id: int, session: SessionDep) -> ArticleDetailPublic:
    detail = queries.get_article(session, article_id)
    if detail is None:
        raise HTTPException(404, f"no article {article_id}")
    return ArticleDetailPublic.of_detail(detail)
