"""Who is asking: an editor logged in through the session cookie, or a script with a bearer token.

Pages: `EditorDep` answers 401 (htmx, POST) or redirects to the login page (a page GET) for
anonymous visitors; `CsrfEditorDep` also checks the CSRF token that every state-changing
form and htmx request carries. The API's writes take a bearer token instead (no cookie, so
no CSRF to forge).
"""

from __future__ import annotations

import secrets
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool

from app import accounts
from app.web.deps import SessionDep

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


class LoginRequired(Exception):
    """Raised for a page an anonymous visitor asked for: they get sent to the login page."""

    def __init__(self, next_url: str) -> None:
        self.next_url = next_url


def csrf_token(request: Request) -> str:
    """This browser session's CSRF token, made on first use (the login form has one too)."""
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


def current_editor(request: Request, session: SessionDep) -> str | None:
    """The logged-in editor's name, or None. A removed editor's cookie stops working at once."""
    name = request.session.get("editor")
    if name is None:
        return None
    if accounts.find_editor(session, name) is None:
        request.session.pop("editor", None)
        return None
    return name


MaybeEditor = Annotated[str | None, Depends(current_editor)]


def require_editor(request: Request, editor: MaybeEditor) -> str:
    if editor is not None:
        return editor
    if request.method == "GET" and not request.headers.get("HX-Request"):
        raise LoginRequired(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
    raise HTTPException(401, "Log in as an editor to do this.")


EditorDep = Annotated[str, Depends(require_editor)]


async def check_csrf(request: Request, editor: EditorDep) -> str:
    sent = request.headers.get(CSRF_HEADER)
    if not sent:
        form = await request.form()
        sent = form.get(CSRF_FIELD)
    expected = request.session.get("csrf")
    if not expected or not isinstance(sent, str) or not secrets.compare_digest(sent, expected):
        raise HTTPException(403, "The form has expired or did not come from this site (CSRF check failed). "
                                 "Reload the page and try again.")
    return editor


CsrfEditorDep = Annotated[str, Depends(check_csrf)]


def login_url(next_url: str) -> str:
    return f"/login?next={quote(next_url, safe='/')}"


def bearer_editor(request: Request, session: SessionDep) -> str:
    """The editor a script's `Authorization: Bearer` token belongs to; 401 without a valid one."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    editor = accounts.editor_for_token(session, token.strip()) if scheme.lower() == "bearer" and token else None
    if editor is None:
        raise HTTPException(401, "An editor's API token is needed: Authorization: Bearer <token> "
                                 "(make one with `timeline editor token NAME`).",
                            headers={"WWW-Authenticate": 'Bearer realm="timeline"'})
    return editor.name


async def maybe_bearer_editor(request: Request, session: SessionDep) -> str | None:
    """Reads by scripts with a token see hidden events too; anonymous readers do not. On the event loop
    for the anonymous, who are most callers (see app/web/deps.py); a token is looked up in the thread pool."""
    if not request.headers.get("authorization"):
        return None
    return await run_in_threadpool(bearer_editor, request, session)


TokenEditorDep = Annotated[str, Depends(bearer_editor)]
MaybeTokenEditor = Annotated[str | None, Depends(maybe_bearer_editor)]
