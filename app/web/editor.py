"""Editors' pages: login, the edit forms on events and articles, the review queue, reverts.

Every route here needs a logged-in editor and (for changes) a CSRF token; the work itself is
in app/editing.py, shared with the API.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app import accounts, editing, queries
from app.db import get_engine
from app.ingest.dates import display, granularity
from app.web.auth import CsrfEditorDep, EditorDep, csrf_token
from app.web.deps import MAX_ID, Id, Index, SessionDep
from app.web.rendering import render as _render
from app.web.rendering import render_article, render_event

router = APIRouter(include_in_schema=False)

Text = Annotated[str, Form(max_length=1000)]
OptionalText = Annotated[str | None, Form(max_length=1000)]
Version = Annotated[int | None, Form(ge=0, le=MAX_ID)]


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _safe_next(target: str | None) -> str:
    """Only a path on this site: a login link must not send anyone elsewhere."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


# Login ------------------------------------------------------------------------------------------

@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    csrf_token(request)
    return _render(request, "login.html", {"next": _safe_next(next), "name": "", "error": None})


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, session: SessionDep, name: Text, password: Text, csrf_token_: Annotated[
        str, Form(alias="csrf_token")] = "", next: Annotated[str, Form()] = "/") -> Response:
    import secrets

    expected = request.session.get("csrf")
    if not expected or not secrets.compare_digest(csrf_token_, expected):
        raise HTTPException(403, "The login form has expired. Reload the page and try again.")
    context = {"next": _safe_next(next), "name": name}
    if accounts.is_throttled(session, name, _client(request)):
        minutes = int(accounts.FAILURE_WINDOW.total_seconds() // 60)
        return _render(request, "login.html", {**context, "error": (
            f"Too many failed logins. Wait {minutes} minutes and try again.")}, status=429)
    editor = accounts.authenticate(session, name, password, _client(request))
    if editor is None:
        return _render(request, "login.html", {**context, "error": "Wrong name or password."}, status=401)
    request.session.clear()  # a new session for the logged-in editor: no fixation
    request.session["editor"] = editor.name
    csrf_token(request)
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, editor: CsrfEditorDep) -> Response:
    request.session.clear()
    return RedirectResponse("/", status_code=303)


# Events -----------------------------------------------------------------------------------------

@router.get("/date-preview", response_class=HTMLResponse)
def date_preview(request: Request, editor: EditorDep, date: str = "") -> HTMLResponse:
    """What the timeline will show for the date being typed (htmx, as the editor types)."""
    try:
        edtf = editing.parse_date(date)
    except editing.EditError as exc:
        return _render(request, "partials/_date_preview.html", {"error": str(exc)})
    return _render(request, "partials/_date_preview.html",
                   {"display": display(edtf), "edtf": edtf, "granularity": granularity(edtf)})


@router.post("/events/{event_id}/edit", response_class=HTMLResponse)
def edit_event(request: Request, event_id: Id, session: SessionDep, editor: CsrfEditorDep,
               date: OptionalText = None, title: OptionalText = None, reason: OptionalText = None,
               version: Version = None) -> Response:
    changes = editing.Changes(date=date, title=title, reason=reason)
    return _apply(request, session, event_id, editor, {"date": date, "title": title, "reason": reason},
                  lambda: editing.edit_event(session, event_id, editor, changes, version))


@router.post("/events/{event_id}/flags", response_class=HTMLResponse)
def set_flags(request: Request, event_id: Id, session: SessionDep, editor: CsrfEditorDep,
              hidden: Annotated[bool | None, Form()] = None, verified: Annotated[bool | None, Form()] = None,
              reason: OptionalText = None, version: Version = None) -> Response:
    """Hide or show an event (never delete), mark its date verified or not."""
    changes = editing.Changes(hidden=hidden, verified=verified, reason=reason)
    return _apply(request, session, event_id, editor, {"reason": reason},
                  lambda: editing.edit_event(session, event_id, editor, changes, version))


@router.post("/events/{event_id}/merge", response_class=HTMLResponse)
def merge(request: Request, event_id: Id, session: SessionDep, editor: CsrfEditorDep,
          other: Annotated[str, Form(max_length=40)], reason: OptionalText = None,
          version: Version = None) -> Response:
    """Fold another event (its number or its address) into this one."""
    other_id = _event_id(other)
    return _apply(request, session, event_id, editor, {"other": other, "reason": reason},
                  lambda: editing.merge(session, event_id, other_id, editor, version, reason),
                  error_field="other" if other_id is None else None)


def _event_id(text: str) -> int | None:
    digits = text.strip().rstrip("/").rsplit("/", 1)[-1].lstrip("#e")
    return int(digits) if digits.isdigit() and int(digits) <= MAX_ID else None


@router.post("/events/{event_id}/sources/{source_id}/detach", response_class=HTMLResponse)
def detach(request: Request, event_id: Id, source_id: Id, session: SessionDep, editor: CsrfEditorDep,
           reason: OptionalText = None, version: Version = None) -> Response:
    """Give one source its own event; the editor lands on the new event."""
    holder: dict = {}

    def run():
        holder["new"] = editing.detach_source(session, event_id, source_id, editor, version, reason)

    response = _apply(request, session, event_id, editor, {"reason": reason}, run)
    if "new" in holder:
        return RedirectResponse(f"/events/{holder['new'].id}?done=detached", status_code=303)
    return response


def _apply(request: Request, session, event_id: int, editor: str, typed: dict, action,
           error_field: str | None = None) -> Response:
    """Run an edit; on success back to the event page, else the page again with the message and
    everything the editor typed (409 for a conflict, 422 for bad input)."""
    if error_field:
        return render_event(request, session, event_id, editor, status=422, form=typed,
                            errors={error_field: "give an event's number, e.g. 13, or its address /events/13"})
    try:
        action()
    except editing.NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except editing.EditError as exc:
        session.rollback()
        return render_event(request, session, event_id, editor, status=422, form=typed,
                            errors={exc.field: str(exc)})
    except editing.Conflict as exc:
        session.rollback()
        return render_event(request, session, event_id, editor, status=409, form=typed,
                            conflict=exc.describe())
    return RedirectResponse(f"/events/{event_id}?done=saved", status_code=303)


# Articles ---------------------------------------------------------------------------------------

@router.post("/articles/{article_id}/published", response_class=HTMLResponse)
def set_published(request: Request, article_id: Id, session: SessionDep, editor: CsrfEditorDep,
                  published: OptionalText = None, reason: OptionalText = None) -> Response:
    engine = get_engine(request.app.state.settings.database_url)
    try:
        editing.set_published(session, engine, article_id, published, editor, reason)
    except editing.NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except editing.EditError as exc:
        return render_article(request, session, article_id, editor, status=422,
                              form={"published": published, "reason": reason}, errors={exc.field: str(exc)})
    return RedirectResponse(f"/articles/{article_id}?done=published", status_code=303)


@router.get("/articles/{article_id}/paragraphs/{index}/new-event", response_class=HTMLResponse)
def new_event_form(request: Request, article_id: Id, index: Index, session: SessionDep,
                   editor: EditorDep) -> HTMLResponse:
    return _new_event_page(request, session, article_id, index, {}, {})


def _new_event_page(request, session, article_id: int, index: int, form: dict, errors: dict,
                    status: int = 200) -> HTMLResponse:
    detail = queries.get_article(session, article_id)
    paragraph = next((p for p in detail.paragraphs if p.index == index), None) if detail else None
    if paragraph is None:
        raise HTTPException(404, f"Article {article_id} has no paragraph {index + 1}.")
    return _render(request, "new_event.html", {"article": detail.article, "paragraph": paragraph,
                                               "form": form, "errors": errors}, status=status)


@router.post("/articles/{article_id}/paragraphs/{index}/new-event", response_class=HTMLResponse)
def create_event(request: Request, article_id: Id, index: Index, session: SessionDep, editor: CsrfEditorDep,
                 date: OptionalText = "", title: OptionalText = "", reason: OptionalText = None) -> Response:
    try:
        event = editing.create_from_paragraph(session, article_id, index, date or "", title or "", editor, reason)
    except editing.NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except editing.EditError as exc:
        session.rollback()
        return _new_event_page(request, session, article_id, index,
                               {"date": date, "title": title, "reason": reason}, {exc.field: str(exc)}, 422)
    return RedirectResponse(f"/events/{event.id}?done=created", status_code=303)


# Review and history -----------------------------------------------------------------------------

@router.get("/review", response_class=HTMLResponse)
def review(request: Request, session: SessionDep, editor: EditorDep) -> HTMLResponse:
    items, total = editing.review_queue(session, limit=100)
    return _render(request, "review.html", {"items": items, "total": total})


@router.post("/review/{event_id}/clear", response_class=HTMLResponse)
def clear(request: Request, event_id: Id, session: SessionDep, editor: CsrfEditorDep,
          reason: OptionalText = None) -> Response:
    try:
        editing.clear_review(session, event_id, editor, reason)
    except editing.NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except editing.EditError as exc:  # a reason too long
        session.rollback()
        raise HTTPException(422, str(exc)) from None
    if request.headers.get("HX-Request"):
        return HTMLResponse("")  # htmx removes the row
    return RedirectResponse("/review", status_code=303)


@router.post("/revisions/{revision_id}/revert", response_class=HTMLResponse)
def revert(request: Request, revision_id: Id, session: SessionDep, editor: CsrfEditorDep,
           reason: OptionalText = None) -> Response:
    from app.models import Correction

    rev = session.get(Correction, revision_id)
    if rev is None:
        raise HTTPException(404, f"There is no revision {revision_id}.")
    back = f"/events/{rev.event_id}" if rev.event_id else f"/articles/{rev.article_id}"
    try:
        editing.revert(session, get_engine(request.app.state.settings.database_url), revision_id, editor, reason)
    except editing.EditError as exc:
        session.rollback()
        if rev.event_id:
            return render_event(request, session, rev.event_id, editor, status=422, errors={"revert": str(exc)})
        raise HTTPException(422, str(exc)) from None
    return RedirectResponse(f"{back}?done=reverted", status_code=303)
