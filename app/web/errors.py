"""One error shape: RFC 9457 problem+json for the API, a readable page for people."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.queries import BadCursor

TITLES = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 422: "Invalid parameter",
          500: "Server error"}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or "application/json" in request.headers.get("accept", "")


def problem(request: Request, status: int, detail: str) -> JSONResponse | HTMLResponse:
    title = TITLES.get(status, "Error")
    if _wants_json(request):
        return JSONResponse({"ok": False, "type": "about:blank", "title": title, "status": status,
                             "detail": detail}, status_code=status, media_type="application/problem+json")
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"title": title, "status": status, "detail": detail},
                                      status_code=status)


def _validation_detail(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{loc}: {err.get('msg', 'invalid')}" if loc else err.get("msg", "invalid"))
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return problem(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return problem(request, 422, _validation_detail(exc))

    @app.exception_handler(BadCursor)
    async def bad_cursor(request: Request, exc: BadCursor):
        return problem(request, 400, f"after: {exc}")
