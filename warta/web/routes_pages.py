"""Server-rendered pages. Each calls the same query function as its ``/api`` twin.

A page answers ``?format=json`` with exactly the JSON its twin returns (the datasette
habit): the HTML is a view of that data and nothing more. Templates are autoescaped; the
article page builds its highlighting from offsets in :mod:`warta.web.highlight`.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from warta.errors import UsageError
from warta.store import web_queries as wq
from warta.web import charts
from warta.web.app import cached, conn_for
from warta.web.highlight import marks_from_contract, segments

router = APIRouter(include_in_schema=False)

Limit = Annotated[int, Query(ge=1, le=wq.MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0)]

def twin_url(request: Request, api_path: str) -> str:
    qs = request.url.query
    return api_path + (f"?{qs}" if qs else "")


def render(request: Request, template: str, data: dict[str, Any], api_path: str, status: int = 200,
           **extra: Any) -> Response:
    """``data`` as JSON for ``?format=json``, else the template with ``data`` and ``extra``."""
    if request.query_params.get("format") == "json":
        return JSONResponse(data)
    env = request.app.state.templates
    html = env.get_template(template).render(
        request=request, data=data, json_url=twin_url(request, api_path), path=request.url.path, **extra
    )
    return HTMLResponse(html, status_code=status)


def page_url(request: Request, offset: int | None) -> str | None:
    """The current page's URL with another ``offset`` (for previous/next links)."""
    if offset is None:
        return None
    params = {k: v for k, v in request.query_params.items() if k not in ("offset", "format")}
    params["offset"] = str(offset)
    return request.url.path + "?" + urlencode(params)


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request) -> Response:
    data = cached(request, wq.dashboard)
    return render(
        request, "dashboard.html", data, "/api/dashboard",
        volume=charts.time_chart(data["volume"]["items"]),
        entities=charts.bar_list(data["top_entities"], value="articles", href="/entities/{id}", note="type"),
        speakers=charts.bar_list(data["top_speakers"], value="quotes", href="/entities/{key}"),
        outlets=charts.bar_list(data["outlets"], label="value", href="/articles?outlet={value}"),
    )


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, limit: Limit = wq.DEFAULT_LIMIT, offset: Offset = 0, outlet: str | None = None,
             date_from: str | None = None, date_to: str | None = None) -> Response:
    data = wq.list_articles(conn_for(request), wq.PageArgs(limit, offset), outlet=outlet or None,
                            date_from=date_from or None, date_to=date_to or None)
    return render(request, "articles.html", data, "/api/articles", pager=_pager(request, data))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> Response:
    data = wq.load_article(conn_for(request), article_id)
    return render(request, "article.html", data, f"/api/articles/{charts.url_part(article_id)}",
                  segments=segments(data["text"], marks_from_contract(data)))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "", outlet: str | None = None, date_from: str | None = None,
           date_to: str | None = None, entity: str | None = None, speaker: str | None = None,
           limit: Limit = wq.DEFAULT_LIMIT, offset: Offset = 0) -> Response:
    args = wq.PageArgs(limit, offset)
    query = {"q": q, "outlet": outlet or None, "date_from": date_from or None, "date_to": date_to or None,
             "entity": entity or None, "speaker": speaker or None}
    try:
        data = wq.search(conn_for(request), args, **query)
        error, status = None, 200
    except UsageError as exc:
        if request.query_params.get("format") == "json":
            raise
        # a mistyped query is shown above the search box, where it can be fixed, not on an error page
        data = wq.page([], 0, args) | {"query": query, "facets": {k: [] for k in ("outlet", "month", "entity",
                                                                                  "speaker")}}
        error, status = exc.message, 400
    return render(request, "search.html", data, "/api/search", pager=_pager(request, data), error=error,
                  status=status,
                  facet_url=lambda *kv: _with_params(request, dict(zip(kv[::2], kv[1::2], strict=True))),
                  drop_url=lambda key: _with_params(request, {key: None}))


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, type: str | None = None, q: str | None = None, limit: Limit = wq.DEFAULT_LIMIT,
             offset: Offset = 0) -> Response:
    data = cached(request, wq.list_entities, wq.PageArgs(limit, offset), type=type or None, q=q or None)
    return render(request, "entities.html", data, "/api/entities", pager=_pager(request, data))


@router.get("/entities/{key:path}", response_class=HTMLResponse)
def entity(request: Request, key: str, limit: Limit = wq.DEFAULT_LIMIT, offset: Offset = 0) -> Response:
    data = wq.entity_detail(conn_for(request), key, wq.PageArgs(limit, offset))
    return render(
        request, "entity.html", data, f"/api/entities/{charts.url_part(key)}",
        over_time=charts.time_chart(data["quotes_over_time"]),
        co=charts.bar_list(data["co_occurring"], href="/entities/{id}", note="type"),
        pager=_pager(request, data["articles"]),
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, speaker: str | None = None, entity: str | None = None, date_from: str | None = None,
           date_to: str | None = None, limit: Limit = wq.DEFAULT_LIMIT, offset: Offset = 0) -> Response:
    data = wq.list_quotes(conn_for(request), wq.PageArgs(limit, offset), speaker=speaker or None,
                          entity=entity or None, date_from=date_from or None, date_to=date_to or None)
    return render(request, "quotes.html", data, "/api/quotes", pager=_pager(request, data))


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, story: str | None = None, limit: Limit = wq.DEFAULT_LIMIT,
           offset: Offset = 0) -> Response:
    data = wq.list_events(conn_for(request), wq.PageArgs(limit, offset), story=story or None)
    return render(request, "events.html", data, "/api/events", pager=_pager(request, data))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str) -> Response:
    data = wq.event_detail(conn_for(request), event_id)
    return render(request, "event.html", data, f"/api/events/{charts.url_part(event_id)}")


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, limit: Limit = wq.DEFAULT_LIMIT, offset: Offset = 0) -> Response:
    data = wq.list_stories(conn_for(request), wq.PageArgs(limit, offset))
    return render(request, "stories.html", data, "/api/stories", pager=_pager(request, data))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> Response:
    data = wq.story_detail(conn_for(request), story_id)
    per_day: dict[str, int] = {}
    for a in data["articles"]:
        if a.get("published"):
            per_day[a["published"][:10]] = per_day.get(a["published"][:10], 0) + 1
    return render(
        request, "story.html", data, f"/api/stories/{charts.url_part(story_id)}",
        coverage=charts.time_chart([{"date": d, "count": n} for d, n in sorted(per_day.items())]),
    )


@router.get("/api", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """The API reference, rendered from the OpenAPI schema on the server (no CDN script)."""
    schema = request.app.openapi()
    ops = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [(p["name"], p.get("in"), _type_name(p.get("schema") or {}), p.get("description", ""))
                      for p in op.get("parameters", [])]
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "params": params})
    return render(request, "api.html", schema, "/api/openapi.json", ops=ops)


def _type_name(schema: dict[str, Any]) -> str:
    """"string", "integer (1–100)", "integer (≥ 0)" or "string, optional" for an OpenAPI parameter schema."""
    if "anyOf" in schema:
        kinds = [sub.get("type", "") for sub in schema["anyOf"]]
        base = ", ".join(k for k in kinds if k != "null") + (", optional" if "null" in kinds else "")
    else:
        base = str(schema.get("type", ""))
    lo, hi = schema.get("minimum"), schema.get("maximum")
    if lo is not None and hi is not None:
        base += f" ({lo}–{hi})"
    elif lo is not None:
        base += f" (≥ {lo})"
    return base


def _with_params(request: Request, changes: dict[str, str | None]) -> str:
    """The current URL with some parameters set (or removed, for None), back on the first page."""
    params = {k: v for k, v in request.query_params.items() if k not in ("offset", "format")}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return request.url.path + ("?" + urlencode(params) if params else "")


def _pager(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "prev": page_url(request, data.get("prev_offset")),
        "next": page_url(request, data.get("next_offset")),
        "first": data["offset"] + 1 if data["total"] else 0,
        "last": min(data["offset"] + data["limit"], data["total"]),
        "total": data["total"],
    }
