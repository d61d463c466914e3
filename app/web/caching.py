"""Conditional GET for the API: ETag and Last-Modified move whenever the data changes.

Every writer bumps one version number (`dataset_state`); a response's ETag is that
version and the request's URL, so it is computed without rendering anything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from email.utils import format_datetime

from fastapi import Request, Response
from sqlmodel import Session

from app.models import DatasetState


def validators(request: Request, session: Session, variant: str = "") -> dict[str, str]:
    """`variant` tells apart what different callers get at one URL (editors see hidden events)."""
    state = session.get(DatasetState, 1)
    version = state.version if state else 0
    url = f"{request.url.path}?{request.url.query}"
    tag = hashlib.sha256(f"{version}|{url}|{variant}".encode()).hexdigest()[:20]
    headers = {"ETag": f'"{version}-{tag}"', "Cache-Control": "no-cache", "Vary": "Authorization"}
    if state is not None:
        changed = state.changed_at.replace(microsecond=0)
        if changed.tzinfo is None:
            changed = changed.replace(tzinfo=dt.timezone.utc)  # stored in UTC
        headers["Last-Modified"] = format_datetime(changed, usegmt=True)
    return headers


def matches(sent: str | None, etag: str) -> bool:
    """Whether an If-None-Match or If-Match header names this ETag (weak comparison, as RFC 9110 allows for GET)."""
    return bool(sent) and (sent.strip() == "*" or etag in [t.strip().removeprefix("W/") for t in sent.split(",")])


def not_modified(request: Request, headers: dict[str, str]) -> Response | None:
    """A 304 when the client already holds this representation (If-None-Match)."""
    if matches(request.headers.get("if-none-match"), headers["ETag"]):
        return Response(status_code=304, headers=headers)
    return None


def event_etag(event_id: int, version: int) -> str:
    """One event's ETag: its version, which every change to it moves on (editors' and the ingest's)."""
    return f'"event-{event_id}-v{version}"'

