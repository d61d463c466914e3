"""The FastAPI application: one place that lists every route."""

from __future__ import annotations

from contextlib import asynccontextmanager
from urllib.parse import parse_qsl, urlencode

from anyio import to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware
from fastapi.templating import Jinja2Templates

from app.config import PROJECT_ROOT, Settings, get_settings
from app.ingest.dates import display
from app.db import get_engine, map_for_reading
from app.migrate import ensure_current
from app.web import api, editor, errors, pages
from app.web.auth import csrf_token


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # Serving an un-migrated database would fail on the first request; fail now, clearly.
        ensure_current(settings.database_url)
        map_for_reading(get_engine(settings.database_url))
        to_thread.current_default_thread_limiter().total_tokens = settings.threads
        yield

    app = FastAPI(title="Newsroom Timeline", version="0.1.0", lifespan=lifespan,
                  description="Dated events extracted from news articles, merged across articles, "
                              "each linked to the paragraphs that reported it.")
    app.state.settings = settings
    templates = Jinja2Templates(directory=PROJECT_ROOT / "templates")  # autoescapes .html
    # Templates change only with a new release, which restarts the server: Jinja's default looked up
    # every template file's modification time on every page (five files a timeline page, 3% of it).
    templates.env.auto_reload = False
    templates.env.filters["date_display"] = display
    templates.env.filters["thousands"] = "{:,}".format  # 46,496 events: a big archive's counts, readable
    templates.env.globals["csrf_token"] = csrf_token
    app.state.templates = templates
    app.add_middleware(EmptyFieldsMeanNothing)
    app.add_middleware(SecurityHeaders)
    # Editors' login: a signed cookie, HttpOnly and SameSite=Lax always, Secure under HTTPS.
    app.add_middleware(SessionMiddleware, secret_key=settings.session_secret(), session_cookie="timeline_session",
                       max_age=12 * 60 * 60, same_site="lax", https_only=settings.https)
    # Pages and JSON shrink six- to sevenfold: a 48 KB timeline window travels as 7 KB. Level 1 (nginx's
    # default), not Starlette's 9: on the API's 100-event pages 9 cost a fifth of the request's time
    # and saved a quarter of the bytes.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=1)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET"],
                           expose_headers=["ETag", "Last-Modified", "Link"])
    app.mount("/static", StaticFiles(directory=PROJECT_ROOT / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(editor.router)
    errors.install(app)
    app.openapi = lambda: _openapi(app)
    return app


class SecurityHeaders:
    """A second line behind autoescaping, for pages built from untrusted article text: scripts
    only from this site (no inline script, no `javascript:` address), no plugins, no framing, and
    no content-type guessing. Inline styles stay allowed: htmx inserts its indicator style.
    FastAPI's /docs pages load their scripts from a CDN and run one inline: they go without."""

    POLICY = (b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
              b"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
    DOCS = ("/docs", "/redoc")

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        docs = scope["path"].startswith(self.DOCS)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                html = any(k == b"content-type" and v.startswith(b"text/html") for k, v in headers)
                if html and not docs:
                    headers.append((b"content-security-policy", self.POLICY))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class EmptyFieldsMeanNothing:
    """A page's filter form sends every field, the empty ones too (`min_sources=`): on pages,
    an empty field means no filter. The API keeps its strict parameters."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and not scope["path"].startswith("/api") and b"=&" in scope["query_string"] + b"&":
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            scope = {**scope, "query_string": urlencode([(k, v) for k, v in pairs if v != ""]).encode("latin-1")}
        await self.app(scope, receive, send)


def _openapi(app: FastAPI) -> dict:
    """The generated document, saying what errors really are: RFC 9457 problem+json."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        problem = {"schema": {"$ref": "#/components/schemas/Problem"}}
        for path_item in schema["paths"].values():
            for operation in path_item.values():
                for status, response in operation.get("responses", {}).items():
                    if status[0] in "45":
                        response["content"] = {"application/problem+json": problem}
                        response.setdefault("description", "A problem")
        for unused in ("HTTPValidationError", "ValidationError"):
            schema["components"]["schemas"].pop(unused, None)
        app.openapi_schema = schema
    return app.openapi_schema
