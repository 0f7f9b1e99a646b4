"""The REST API under ``/api``: the JSON twin of every page, plus ingest.

Each endpoint is a thin call into :mod:`warta.store.web_queries`; the page routes call the
same functions with the same arguments (``tests/test_web_pages.py`` checks that a page's
``?format=json`` equals its API twin). Lists share one shape: ``items``, ``total``,
``limit``, ``offset``, ``next_offset``, ``prev_offset``.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from warta.errors import FormatError, TooLargeError, UsageError
from warta.store import web_queries as wq
from warta.web.app import cached, conn_for
from warta.web.security import MAX_FETCH_BYTES, Fetched, check_token, fetch_url

router = APIRouter(prefix="/api", tags=["api"])


def _json(data: dict[str, Any]) -> JSONResponse:
    """The query result as JSON, skipping FastAPI's ``jsonable_encoder``: the values are already
    plain JSON types, and the encoder's recursive walk cost 16 ms on an annotated article (json.dumps: 2 ms)."""
    return JSONResponse(data)

Limit = Annotated[int, Query(ge=1, le=wq.MAX_LIMIT, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
DateFrom = Annotated[str | None, Query(description="Earliest publication date (YYYY, YYYY-MM or YYYY-MM-DD).")]
DateTo = Annotated[str | None, Query(description="Latest publication date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD).")]


@router.get("/health", summary="Liveness: article count, and whether the server is read-only")
def health(request: Request) -> JSONResponse:
    conn = conn_for(request)
    return _json({"status": "ok", "articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                  "read_only": request.app.state.settings.token is None})


@router.get("/dashboard", summary="Everything the dashboard shows")
def dashboard(request: Request) -> JSONResponse:
    return _json(cached(request, wq.dashboard))


@router.get("/stats", summary="Counts of stored articles, annotations, clusters and rejects")
def stats(request: Request) -> JSONResponse:
    return _json(cached(request, wq.stats))


@router.get("/volume", summary="Articles over time")
def volume(request: Request, bucket: Annotated[str, Query(pattern="^(auto|day|month)$")] = "auto") -> JSONResponse:
    return _json(cached(request, wq.volume, bucket))


@router.get("/articles", summary="Articles, newest first")
def articles(request: Request, limit: Limit = wq.DEFAULT_LIMIT, offset: Offset = 0, outlet: str | None = None,
             date_from: DateFrom = None, date_to: DateTo = None) -> JSONResponse:
    return _json(wq.list_articles(conn_for(request), wq.PageArgs(limit, offset), outlet=outlet, date_from=date_from,
                                  date_to=date_to))


@router.get("/articles/{article_id}", summary="One article with its annotations (contract v1 + links)")
def article(request: Request, article_id: str) -> JSONResponse:
    return _json(wq.load_article(conn_for(request), article_id))


@router.get("/search", summary="Full-text search with facets (outlet, date range, entity, speaker)")
def search(request: Request, q: str = "", outlet: str | None = None, date_from: DateFrom = None,
           date_to: DateTo = None, entity: str | None = None, speaker: str | None = None,
           limit: Limit = wq.DEFAULT_LIMIT, offset: Offset = 0) -> JSONResponse:
    return _json(wq.search(conn_for(request), wq.PageArgs(limit, offset), q=q, outlet=outlet or None,
                           date_from=date_from or None, date_to=date_to or None, entity=entity or None,
                           speaker=speaker or None))


@router.get("/entities", summary="Entities, most-covered first")
def entities(request: Request, type: str | None = None, q: str | None = None, limit: Limit = wq.DEFAULT_LIMIT,
             offset: Offset = 0) -> JSONResponse:
    return _json(cached(request, wq.list_entities, wq.PageArgs(limit, offset), type=type or None, q=q or None))


@router.get("/entities/{key:path}", summary="An entity or speaker: quotes over time, co-occurring entities")
def entity(request: Request, key: str, limit: Limit = wq.DEFAULT_LIMIT, offset: Offset = 0) -> JSONResponse:
    return _json(wq.entity_detail(conn_for(request), key, wq.PageArgs(limit, offset)))


@router.get("/quotes", summary="Quotes by speaker, by entity mentioned in them, by period")
def quotes(request: Request, speaker: str | None = None, entity: str | None = None, date_from: DateFrom = None,
           date_to: DateTo = None, limit: Limit = wq.DEFAULT_LIMIT, offset: Offset = 0) -> JSONResponse:
    return _json(wq.list_quotes(conn_for(request), wq.PageArgs(limit, offset), speaker=speaker or None,
                                entity=entity or None, date_from=date_from or None, date_to=date_to or None))


@router.get("/events", summary="Events (real-world happenings), newest first")
def events(request: Request, story: str | None = None, limit: Limit = wq.DEFAULT_LIMIT,
           offset: Offset = 0) -> JSONResponse:
    return _json(wq.list_events(conn_for(request), wq.PageArgs(limit, offset), story=story or None))


@router.get("/events/{event_id}", summary="One event: its articles, entities, quotes, outlets")
def event(request: Request, event_id: str) -> JSONResponse:
    return _json(wq.event_detail(conn_for(request), event_id))


@router.get("/stories", summary="Stories (threads of events), most recent first")
def stories(request: Request, limit: Limit = wq.DEFAULT_LIMIT, offset: Offset = 0) -> JSONResponse:
    return _json(wq.list_stories(conn_for(request), wq.PageArgs(limit, offset)))


@router.get("/stories/{story_id}", summary="One story: timeline, events, outlet comparison, summary")
def story(request: Request, story_id: str) -> JSONResponse:
    return _json(wq.story_detail(conn_for(request), story_id))


@router.get("/timeline", summary="Dated items of a story, or of an entity/speaker")
def timeline(request: Request, story: str | None = None, entity: str | None = None) -> JSONResponse:
    return _json(wq.timeline(conn_for(request), story=story or None, entity=entity or None))


# ---------------------------------------------------------------- ingest (the one write path)

#: Upload content type → the file suffix that tells ingest how to read it.
UPLOAD_TYPES = {
    "application/x-ndjson": ".jsonl", "application/jsonl": ".jsonl", "application/x-jsonlines": ".jsonl",
    "text/plain": ".txt", "text/html": ".html", "application/xhtml+xml": ".html",
    "application/rss+xml": ".xml", "application/atom+xml": ".xml", "application/xml": ".xml", "text/xml": ".xml",
}


def _suffix(content_type: str, default: str | None = None) -> str:
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime in UPLOAD_TYPES:
        return UPLOAD_TYPES[mime]
    if default:
        return default
    raise UsageError(
        f"cannot ingest content type {mime or '(none)'!r}; send one of {', '.join(sorted(UPLOAD_TYPES))}, "
        "or application/json {\"url\": ...}",
        content_type=mime,
    )


#: File endings ingest reads, for a fetched file whose server sends a generic content type.
URL_SUFFIXES = (".jsonl", ".txt", ".html", ".htm", ".xml", ".rss", ".atom")


def _fetched_suffix(fetched: Fetched) -> str:
    """How to read a fetched file: its content type if specific, else its URL's ending, else HTML."""
    mime = fetched.content_type.split(";", 1)[0].strip().lower()
    if mime in UPLOAD_TYPES:
        return UPLOAD_TYPES[mime]
    path = urlsplit(fetched.url).path.lower()
    return next((suf for suf in URL_SUFFIXES if path.endswith(suf)), ".html")


async def _read_body(request: Request) -> bytes:
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FETCH_BYTES:
            raise TooLargeError(f"upload larger than {MAX_FETCH_BYTES} bytes", item="<upload>")
    return bytes(body)


def _ingest_bytes(content: bytes, suffix: str, settings: Any) -> dict[str, Any]:
    from warta.web.ingest_bridge import ingest_file

    with tempfile.TemporaryDirectory(prefix="warta-upload-") as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(content)
        return ingest_file(str(path), settings.db_path, settings.stages)


@router.post(
    "/ingest",
    summary="Ingest an uploaded file or a URL (needs Authorization: Bearer <WARTA_TOKEN>)",
    description=(
        "Send the article file as the body with its content type (text/plain, application/x-ndjson, "
        "text/html, application/rss+xml …), or application/json {\"url\": \"https://…\"} to fetch a page "
        "or feed. URLs resolving to private, loopback or link-local addresses are refused unless the "
        "server was started with --allow-private-urls."
    ),
)
async def ingest(request: Request) -> dict[str, Any]:
    settings = request.app.state.settings
    check_token(request.headers.get("authorization"), settings.token)
    content_type = request.headers.get("content-type", "")
    body = await _read_body(request)
    if content_type.split(";", 1)[0].strip().lower() == "application/json":
        try:
            url = json.loads(body or b"{}").get("url")
        except (ValueError, AttributeError) as exc:
            raise FormatError("body must be a JSON object like {\"url\": \"https://…\"}", item="<request>") from exc
        if not isinstance(url, str) or not url:
            raise UsageError("give the page or feed to fetch as {\"url\": \"https://…\"}")
        fetched = await run_in_threadpool(fetch_url, url, allow_private=settings.allow_private_urls)
        result = await run_in_threadpool(_ingest_bytes, fetched.content, _fetched_suffix(fetched), settings)
        result["url"] = fetched.url
        return result
    if not body:
        raise UsageError("empty upload: send the article file as the request body")
    return await run_in_threadpool(_ingest_bytes, body, _suffix(content_type), settings)
