"""Editors' accounts: passwords (Argon2 through pwdlib), API tokens, login throttling.

Storage only: the CLI and the web layer call these; nothing here knows about HTTP.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass

from pwdlib import PasswordHash
from sqlalchemy import delete, func, select
from sqlmodel import Session

from app.models import ApiToken, Editor, LoginFailure, utcnow

_hasher = PasswordHash.recommended()  # Argon2id with pwdlib's current parameters
# Verifying against this when the name is unknown takes as long as a real check,
# so response times do not tell which names exist.
_DUMMY_HASH = _hasher.hash("no such editor")

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
MIN_PASSWORD = 10

# Throttling: this many failures for one name or from one client within the window lock it out for the window.
MAX_FAILURES = 5
FAILURE_WINDOW = dt.timedelta(minutes=15)


class AccountError(ValueError):
    pass


@dataclass(frozen=True)
class EditorInfo:
    id: int
    name: str
    created_at: dt.datetime
    active_tokens: int = 0


def add_editor(session: Session, name: str, password: str) -> Editor:
    if not NAME.fullmatch(name):
        raise AccountError("a name is 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")
    if session.exec(select(Editor).where(Editor.name == name)).first() is not None:
        raise AccountError(f"there is already an editor called {name}")
    editor = Editor(name=name, password_hash=_hasher.hash(password))
    session.add(editor)
    session.commit()
    session.refresh(editor)
    return editor


def list_editors(session: Session) -> list[EditorInfo]:
    tokens = dict(session.execute(select(ApiToken.editor_id, func.count()).where(ApiToken.revoked_at.is_(None))
                                  .group_by(ApiToken.editor_id)).all())
    return [EditorInfo(e.id, e.name, e.created_at, tokens.get(e.id, 0))
            for e in session.execute(select(Editor).order_by(Editor.name)).scalars()]


def remove_editor(session: Session, name: str) -> None:
    """The account and its tokens go; the revisions keep the name, so history still says who did what."""
    editor = find_editor(session, name)
    if editor is None:
        raise AccountError(f"there is no editor called {name}")
    session.execute(delete(ApiToken).where(ApiToken.editor_id == editor.id))
    session.delete(editor)
    session.commit()


def find_editor(session: Session, name: str) -> Editor | None:
    return session.execute(select(Editor).where(Editor.name == name)).scalars().first()


def is_throttled(session: Session, name: str, client: str) -> bool:
    since = utcnow() - FAILURE_WINDOW
    for column, value in ((LoginFailure.name, name), (LoginFailure.client, client)):
        count = session.execute(select(func.count()).select_from(LoginFailure)
                                .where(column == value, LoginFailure.at >= since)).scalar_one()
        if count >= MAX_FAILURES:
            return True
    return False


def authenticate(session: Session, name: str, password: str, client: str) -> Editor | None:
    """The editor, if the password is right; a failure is recorded for throttling."""
    editor = find_editor(session, name)
    ok = _hasher.verify(password, editor.password_hash if editor else _DUMMY_HASH)
    if editor is not None and ok:
        session.execute(delete(LoginFailure).where(LoginFailure.name == name))
        session.commit()
        return editor
    session.add(LoginFailure(name=name[:64], client=client[:64]))
    # Old failures say nothing any more: keep the table small.
    session.execute(delete(LoginFailure).where(LoginFailure.at < utcnow() - FAILURE_WINDOW))
    session.commit()
    return None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(session: Session, name: str) -> tuple[int, str]:
    """A new API token for an editor: (its id, the token). The token itself is never stored."""
    editor = find_editor(session, name)
    if editor is None:
        raise AccountError(f"there is no editor called {name}")
    token = "tl_" + secrets.token_urlsafe(32)
    row = ApiToken(editor_id=editor.id, token_hash=_digest(token))
    session.add(row)
    session.commit()
    return row.id, token


def revoke_token(session: Session, token_id: int) -> None:
    row = session.get(ApiToken, token_id)
    if row is None or row.revoked_at is not None:
        raise AccountError(f"there is no active token {token_id}")
    row.revoked_at = utcnow()
    session.add(row)
    session.commit()


def list_tokens(session: Session, name: str) -> list[ApiToken]:
    editor = find_editor(session, name)
    if editor is None:
        raise AccountError(f"there is no editor called {name}")
    return list(session.execute(select(ApiToken).where(ApiToken.editor_id == editor.id)
                                .order_by(ApiToken.id)).scalars())


def editor_for_token(session: Session, token: str) -> Editor | None:
    row = session.execute(select(Editor).join(ApiToken, ApiToken.editor_id == Editor.id).where(
        ApiToken.token_hash == _digest(token), ApiToken.revoked_at.is_(None))).scalars().first()
    return row
