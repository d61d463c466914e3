"""One error shape: RFC 9457 problem+json for the API, a readable page for people."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.queries import BadCursor
from app.web.auth import LoginRequired, login_url

TITLES = {400: "Bad request", 401: "Login required", 403: "Forbidden", 404: "Not found",
          405: "Method not allowed", 409: "Conflict", 412: "Precondition failed", 422: "Invalid parameter",
          428: "Precondition required", 429: "Too many requests", 500: "Server error"}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or "application/json" in request.headers.get("accept", "")


def problem(request: Request, status: int, detail: str, headers: dict | None = None,
            extra: dict | None = None) -> JSONResponse | HTMLResponse:
    title = TITLES.get(status, "Error")
    if _wants_json(request):
        return JSONResponse({"ok": False, "type": "about:blank", "title": title, "status": status,
                             "detail": detail, **(extra or {})}, status_code=status,
                            media_type="application/problem+json", headers=headers)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"title": title, "status": status, "detail": detail},
                                      status_code=status, headers=headers)


def _validation_detail(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = err.get("loc", ())
        loc = ".".join(str(x) for x in where if x not in ("query", "path", "body")) or ("body" if where == ("body",) else "")
        parts.append(f"{loc}: {err.get('msg', 'invalid')}" if loc else err.get("msg", "invalid"))
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return problem(request, exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired):
        return RedirectResponse(login_url(exc.next_url), status_code=303)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return problem(request, 422, _validation_detail(exc))

    @app.exception_handler(BadCursor)
    async def bad_cursor(request: Request, exc: BadCursor):
        return problem(request, 400, f"after: {exc}")
