"""Pages shared by readers' and editors' routes: the event and article pages, with the edit
forms, history and the typed values kept after an error when an editor is looking."""

from __future__ import annotations

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from app import editing, queries
from app.web import caching


def render(request: Request, template: str, context: dict, status: int = 200) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


def event_cards(request: Request, session, events: list[queries.EventView]) -> dict[int, Markup]:
    """The timeline's card of each event (listed without its sources), drawn once per data version.
    An editor's card carries an edit link: kept apart from readers'."""
    template = request.app.state.templates.get_template("partials/_event_card.html")
    drawn = caching.each_event(caching.CARDS, session, events, variant=bool(request.session.get("editor")),
                               build=lambda event: template.render(request=request, event=event, expanded=False))
    return {event_id: Markup(card) for event_id, card in drawn.items()}


SOURCES_PER_PAGE = 100


def render_event(request: Request, session, event_id: int, editor: str | None, *, status: int = 200,
                 form: dict | None = None, errors: dict | None = None, conflict: str | None = None,
                 notice: str | None = None, sources_page: int = 1) -> HTMLResponse:
    """The event page, its sources a hundred at a time (a story told by thousands of articles made
    a page of tens of megabytes); for an editor with the edit forms, the typed values kept after an error."""
    first = (sources_page - 1) * SOURCES_PER_PAGE
    # One more than a page: whether a later page exists, whatever the stored count says.
    event = queries.get_event(session, event_id, include_hidden=editor is not None,
                              sources=(first, SOURCES_PER_PAGE + 1))
    if event is None:
        raise HTTPException(404, f"There is no event {event_id} on the timeline.")
    if sources_page > 1 and not event.sources:
        raise HTTPException(404, f"Event {event_id} has {event.source_count} sources: "
                                 f"there is no page {sources_page} of them.")
    later = len(event.sources) > SOURCES_PER_PAGE
    event.sources = event.sources[:SOURCES_PER_PAGE]
    pager = {"page": sources_page, "later": later, "first": first + 1, "last": first + len(event.sources)}
    context = {"event": event, "editor": editor, "form": form or {}, "errors": errors or {}, "conflict": conflict,
               "notice": notice, "sources_pager": pager}
    if editor is not None:
        history = editing.event_history(session, event_id)
        context.update(history=history, describe=editing.describe_revision,
                       dates=editing.disagreeing_dates(session, event_id))
    return render(request, "event.html", context, status=status)


def render_article(request: Request, session, article_id: int, editor: str | None, *, status: int = 200,
                   form: dict | None = None, errors: dict | None = None, notice: str | None = None) -> HTMLResponse:
    detail = queries.get_article(session, article_id)
    if detail is None:
        raise HTTPException(404, f"There is no article {article_id}.")
    context = {"detail": detail, "article": detail.article, "editor": editor, "form": form or {}, "errors": errors or {},
               "notice": notice}
    if editor is not None:
        context.update(history=editing.article_history(session, article_id), describe=editing.describe_revision)
    return render(request, "article.html", context, status=status)
