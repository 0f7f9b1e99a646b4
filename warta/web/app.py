"""The FastAPI application: pages and their JSON twins over one store database.

``create_app(db_path)`` builds it. The store is opened read-only (SQLite ``mode=ro``), one
connection per worker thread, so a bug in a page cannot write; the only write path is
``POST /api/ingest``, which needs the bearer token (see :mod:`warta.web.security`).

Errors have one JSON shape, ``WartaError.to_dict()``: Warta's own errors, unknown routes
(404), invalid parameters (422) and crashes (500) all come out as
``{"error": {"code", "type", "message", ...}}``. Pages get the same error rendered as HTML.
Every response carries a Content-Security-Policy that allows only the app's own script and
style files: article text is escaped by the templates, and the policy is a second wall.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from warta.errors import InputError, StoreError, TooLargeError, UsageError, WartaError
from warta.store.web_queries import NotFoundError
from warta.web.security import AuthError

log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class WebSettings:
    db_path: str
    token: str | None = None  # None: read-only server, POST /api/ingest answers 403
    allow_private_urls: bool = False
    stages: tuple[str, ...] | None = None  # pipeline for POST /api/ingest (None: the settings' pipeline)


class Database:
    """Read-only SQLite connections, one per thread (sqlite3 objects must stay on their thread)."""

    def __init__(self, path: str) -> None:
        p = Path(path)
        if not p.is_file():
            raise StoreError(
                f"no database at {path}: create one with `warta ingest FILES --db {path}` (or `warta demo`)",
                path=path,
            )
        self.path = str(p.resolve())
        self._local = threading.local()
        self._check_schema()

    def _check_schema(self) -> None:
        """Bring an older database up to this Warta's schema (the store's own migrations, the
        one write made outside ingest: pages cannot read tables that do not exist yet)."""
        from warta.store import Store
        from warta.store.migrations import LATEST, schema_version

        probe = sqlite3.connect(Path(self.path).as_uri() + "?mode=ro", uri=True)
        try:
            version = schema_version(probe)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot use {self.path} as a Warta database: {exc}", path=self.path) from exc
        finally:
            probe.close()
        if version < LATEST:
            log.warning("%s: migrating schema %d -> %d", self.path, version, LATEST)
            Store.open(self.path).close()  # raises StoreError naming the file if it is not a Warta database
        elif version > LATEST:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this Warta ({LATEST}): upgrade Warta",
                path=self.path,
            )

    def connect(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            uri = Path(self.path).as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=True)
            conn.row_factory = sqlite3.Row  # the store's own query functions read rows by name
            # a concurrent ingest holds the write lock briefly; wait rather than fail a page
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("PRAGMA query_only = 1")
            self._local.conn = conn
        return conn


class ResultCache:
    """Answers of the costly aggregate queries (dashboard, stats, entity list), kept until the
    database changes.

    The key includes the size and modification time of the database file and its WAL: every
    commit (an ingest, a clustering run) touches the WAL, and a checkpoint touches the file,
    so a cached answer is never older than the data. On 1,000 IndoSum articles the dashboard
    takes ~0.6 s to compute and ~0 to serve from here (benchmarks/bench_web.py).
    """

    #: Distinct (query, arguments) kept; the aggregate pages have few argument combinations.
    MAX_ENTRIES = 256

    def __init__(self, path: str) -> None:
        self.files = [Path(path), Path(path + "-wal")]
        self._data: dict[Any, tuple[Any, Any]] = {}
        self._lock = threading.Lock()

    def stamp(self) -> tuple[tuple[int, int], ...]:
        out = []
        for f in self.files:
            try:
                st = f.stat()
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append((0, 0))
        return tuple(out)

    def get(self, fn: Any, conn: sqlite3.Connection, *args: Any, **kwargs: Any) -> Any:
        key = (fn.__module__, fn.__qualname__, args, tuple(sorted(kwargs.items())))
        stamp = self.stamp()
        with self._lock:
            hit = self._data.get(key)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        value = fn(conn, *args, **kwargs)
        with self._lock:
            if len(self._data) >= self.MAX_ENTRIES:
                self._data.clear()  # simple and rare: the aggregate pages have few argument sets
            self._data[key] = (stamp, value)
        return value


class SecurityHeaders:
    """ASGI middleware adding the CSP and friends to every response.

    Plain ASGI rather than ``@app.middleware("http")``: Starlette's BaseHTTPMiddleware wraps
    every response in an extra task and stream, a measurable cost per request under load.
    """

    HEADERS = (
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
    )

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in self.HEADERS if h[0] not in have)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def status_for(exc: WartaError) -> int:
    """HTTP status for a Warta error (most specific class first)."""
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, AuthError):
        return 403 if exc.disabled else 401
    if isinstance(exc, TooLargeError):
        return 413
    if isinstance(exc, (UsageError, InputError)):
        return 422 if isinstance(exc, InputError) else 400
    return 500


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.query_params.get("format") == "json"


NAV = [("/", "Dashboard"), ("/stories", "Stories"), ("/events", "Events"), ("/entities", "Entities"),
       ("/quotes", "Quotes"), ("/articles", "Articles"), ("/search", "Search"), ("/api", "API")]


def http_url(value: str | None) -> str | None:
    """The URL if it is http(s), else None: an escaped ``javascript:`` URL still runs when clicked."""
    if value and urlsplit(value.strip()).scheme.lower() in ("http", "https"):
        return value.strip()
    return None


def make_templates() -> Environment:
    # autoescape for every template, whatever its extension: article text is untrusted
    env = Environment(loader=PackageLoader("warta.web", "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["short"] = lambda s, n=80: (s if not s or len(s) <= n else s[: n - 1] + "…")
    env.filters["day"] = lambda s: (s or "")[:10]
    env.filters["http_url"] = http_url
    env.globals["nav"] = NAV
    env.globals["path"] = ""
    env.globals["json_url"] = None
    return env


def error_response(request: Request, exc: WartaError, status: int) -> Response:
    body = jsonable_encoder(exc.to_dict())
    # set here too: a 500 is answered outside the middleware stack, where SecurityHeaders never sees it
    headers = {k.decode(): v.decode() for k, v in SecurityHeaders.HEADERS}
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if wants_json(request):
        return JSONResponse(body, status_code=status, headers=headers)
    env: Environment = request.app.state.templates
    html = env.get_template("error.html").render(request=request, error=body["error"], status=status)
    return HTMLResponse(html, status_code=status, headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WartaError)
    async def _warta(request: Request, exc: WartaError) -> Response:
        status = status_for(exc)
        if status >= 500:
            log.error("%s %s: %s", request.method, request.url.path, exc)
        return error_response(request, exc, status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p not in ('query', 'path', 'body'))}: {e.get('msg')}"
            for e in exc.errors()
        ]
        err = UsageError("invalid request: " + "; ".join(problems), details=jsonable_encoder(exc.errors()))
        return error_response(request, err, 422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        err: WartaError
        if exc.status_code == 404:
            err = NotFoundError(f"no page or endpoint at {request.url.path}", path=request.url.path)
        else:
            err = UsageError(str(exc.detail), status=exc.status_code)
        return error_response(request, err, exc.status_code)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        # the message names the kind of failure but not internals (paths, SQL) of the server
        err = WartaError(f"internal server error ({type(exc).__name__}); the server log has details")
        return error_response(request, err, 500)


def create_app(
    db_path: str | os.PathLike[str],
    *,
    token: str | None = None,
    allow_private_urls: bool | None = None,
    stages: Sequence[str] | None = None,
) -> FastAPI:
    """The web app over the store at ``db_path``.

    ``token`` (default ``$WARTA_TOKEN``) enables ``POST /api/ingest``; ``allow_private_urls``
    (default ``$WARTA_ALLOW_PRIVATE_URLS`` = 1) lets URL ingest reach private addresses;
    ``stages`` is the reader pipeline ingest runs (default: the settings' ``[pipeline]``).
    """
    from warta import __version__
    from warta.web import routes_api, routes_pages

    if token is None:
        token = os.environ.get("WARTA_TOKEN") or None
    if allow_private_urls is None:
        allow_private_urls = os.environ.get("WARTA_ALLOW_PRIVATE_URLS", "") in ("1", "true", "yes")
    settings = WebSettings(str(db_path), token, allow_private_urls, tuple(stages) if stages is not None else None)
    app = FastAPI(
        title="Warta",
        version=__version__,
        description="News intelligence for Indonesian news: articles, search, entities, quotes, events, stories.",
        # Swagger UI and ReDoc load their scripts from a CDN; the app must work offline, so the
        # schema is served as JSON and rendered by our own page at /api
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.db = Database(settings.db_path)
    app.state.cache = ResultCache(app.state.db.path)
    app.state.templates = make_templates()
    _install_error_handlers(app)

    app.add_middleware(SecurityHeaders)

    static = Path(__file__).parent / "static"
    app.mount("/static", StaticFiles(directory=static), name="static")
    app.include_router(routes_api.router)
    app.include_router(routes_pages.router)
    return app


def cached(request: Request, fn: Any, *args: Any, **kwargs: Any) -> Any:
    """``fn(conn, *args, **kwargs)`` from the app's :class:`ResultCache` (fresh if the data changed).

    Values are shared between requests: callers must not modify them.
    """
    cache: ResultCache = request.app.state.cache
    return cache.get(fn, conn_for(request), *args, **kwargs)


def conn_for(request: Request) -> sqlite3.Connection:
    """This thread's read-only connection. Called inside each (sync) endpoint rather than as a
    dependency: FastAPI may run a sync dependency and the endpoint on different pool threads."""
    db: Database = request.app.state.db
    return db.connect()


def serve(
    db_path: str | os.PathLike[str],
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    allow_private_urls: bool | None = None,
    log_level: str = "info",
) -> None:
    """Build the app and run it with uvicorn until interrupted (what ``warta serve`` does)."""
    import uvicorn

    app = create_app(db_path, token=token, allow_private_urls=allow_private_urls)
    mode = "ingest enabled" if app.state.settings.token else "read-only"
    print(f"warta: serving {app.state.db.path} at http://{host}:{port}/ ({mode}); API reference at "
          f"http://{host}:{port}/api; Ctrl+C stops", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
