"""Read-only queries behind the web pages and the REST API (both call these, nothing else).

Every function takes an open :class:`sqlite3.Connection` on a store database (schema in
``warta/store/migrations.py``) and returns plain JSON-ready dicts and lists, so the API can
return them as they are and the templates render exactly the same values. Near-duplicate
copies (``duplicate_of`` set) are left out of lists and counts, as in the store's own
counts: a story carried by five outlets counts once. A missing id raises
:class:`NotFoundError`; a bad argument raises :class:`~warta.errors.UsageError`.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from warta.errors import NotFoundError, UsageError
from warta.store import queries, records
from warta.store.cluster_entities import with_entities  # the stored main entities of events and stories
from warta.store.credits import article_credits, credit_counts, credited_as_sql, named_sql
from warta.store.entity_links import short_form_links

#: Page sizes: 20 rows reads well on one screen; 100 caps what one request can make the DB do.
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
#: Longest search text accepted: ~50 words is more than anyone types; longer is a paste or an attack.
MAX_QUERY_CHARS = 400
#: How many rows the dashboard's and the facets' "top" lists show.
TOP_N = 10
_ORIGINAL = "a.duplicate_of IS NULL"
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SNIP_OPEN, _SNIP_CLOSE = "\x02", "\x03"  # FTS5 snippet markers that cannot occur in stored text


@dataclass(frozen=True, slots=True)
class PageArgs:
    limit: int = DEFAULT_LIMIT
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise UsageError(f"limit must be between 1 and {MAX_LIMIT}, got {self.limit}", limit=self.limit)
        if self.offset < 0:
            raise UsageError(f"offset must be 0 or more, got {self.offset}", offset=self.offset)


def page(items: list[Any], total: int, args: PageArgs) -> dict[str, Any]:
    """The one list shape: items plus what a client needs to ask for the next page."""
    nxt = args.offset + args.limit
    return {
        "items": items,
        "total": total,
        "limit": args.limit,
        "offset": args.offset,
        "next_offset": nxt if nxt < total else None,
        "prev_offset": max(0, args.offset - args.limit) if args.offset > 0 else None,
    }


def _rows(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def _one(conn: sqlite3.Connection, sql: str, params: Any = ()) -> dict[str, Any] | None:
    rows = _rows(conn, sql, params)
    return rows[0] if rows else None


def _scalar(conn: sqlite3.Connection, sql: str, params: Any = ()) -> Any:
    return conn.execute(sql, params).fetchone()[0]


def check_date(value: str | None, name: str) -> str | None:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD (ISO prefixes compare correctly as strings)."""
    if value in (None, ""):
        return None
    if not _DATE.match(value):
        raise UsageError(f"{name} must be a date like 2025-01-14 (or 2025-01, 2025), got {value!r}", **{name: value})
    return value


def _date_filter(date_from: str | None, date_to: str | None, col: str = "a.published") -> tuple[str, list[str]]:
    sql, params = "", []
    if check_date(date_from, "date_from"):
        sql += f" AND {col} >= ?"
        params.append(date_from)
    if check_date(date_to, "date_to"):
        # "2025-01" must include 2025-01-31T23:00: compare against the prefix's upper bound
        sql += f" AND substr({col}, 1, {len(date_to or '')}) <= ?"
        params.append(date_to)
    return sql, params


_ARTICLE_COLS = "a.id, a.title, a.published, a.outlet, a.url, a.language, a.event_date, a.authors"


def _article_row(row: dict[str, Any]) -> dict[str, Any]:
    row["authors"] = json.loads(row.get("authors") or "[]")
    return row


# ---------------------------------------------------------------- articles


def load_article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any]:
    """One stored article as its contract-v1 object, plus where it sits (events, stories, copies)."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no article with id {article_id!r}", id=article_id)
    art = records.load_article(conn, row)
    doc = art.to_contract()
    doc.update(
        annotated_by=art.annotated_by,
        duplicate_of=row["duplicate_of"],
        # who wrote it and where it came from, with the entity each credit links to
        credits=article_credits(conn, article_id),
        near_duplicates=_rows(conn, "SELECT id, title, outlet, published FROM articles WHERE duplicate_of = ? "
                              "ORDER BY published", (article_id,)),
        events=_rows(conn, "SELECT e.id, e.title, e.start_date, e.story_id, s.title AS story_title "
                     "FROM article_events ae JOIN events e ON e.id = ae.event_id "
                     "LEFT JOIN stories s ON s.id = e.story_id WHERE ae.article_id = ? ORDER BY e.start_date",
                     (article_id,)),
    )
    return doc


def list_articles(
    conn: sqlite3.Connection, args: PageArgs, *, outlet: str | None = None,
    date_from: str | None = None, date_to: str | None = None,
) -> dict[str, Any]:
    where, params = _date_filter(date_from, date_to)
    if outlet:
        where += " AND a.outlet = ?"
        params.append(outlet)
    total = _scalar(conn, f"SELECT count(*) FROM articles a WHERE {_ORIGINAL}{where}", params)
    rows = _rows(conn, f"SELECT {_ARTICLE_COLS} FROM articles a WHERE {_ORIGINAL}{where} "
                 "ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?", [*params, args.limit, args.offset])
    return page([_article_row(r) for r in rows], total, args)


# ---------------------------------------------------------------- search


def _snippet_parts(snippet: str) -> list[dict[str, Any]]:
    """Split an FTS5 snippet at its private markers into [{text, hit}] pieces for safe rendering."""
    out = []
    for i, piece in enumerate(re.split(f"[{_SNIP_OPEN}{_SNIP_CLOSE}]", snippet)):
        if piece:
            out.append({"text": piece, "hit": i % 2 == 1})
    return out


def search(
    conn: sqlite3.Connection, args: PageArgs, *, q: str = "", outlet: str | None = None,
    date_from: str | None = None, date_to: str | None = None, entity: str | None = None,
    speaker: str | None = None,
) -> dict[str, Any]:
    """Full-text search (FTS5, bm25 order) narrowed by facets; returns hits and facet counts."""
    if len(q or "") > MAX_QUERY_CHARS:
        raise UsageError(f"search query too long ({len(q)} characters, at most {MAX_QUERY_CHARS})", q=q[:80] + "…")
    match = queries.fts_query(q) if q and q.strip() else None
    joins, where, params = "", f" WHERE {_ORIGINAL}", []
    if match:
        joins += " JOIN articles_fts f ON f.rowid = a.rowid"
        where += " AND articles_fts MATCH ?"
        params.append(match)
    dsql, dparams = _date_filter(date_from, date_to)
    where += dsql
    params += dparams
    if outlet:
        where += " AND a.outlet = ?"
        params.append(outlet)
    if entity:
        where += " AND a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)"
        params.append(entity)
    if speaker:
        where += " AND a.id IN (SELECT article_id FROM quotes WHERE speaker_entity = ? OR speaker_name = ?)"
        params += [speaker, speaker]
    base = f"FROM articles a{joins}{where}"
    try:
        total = _scalar(conn, f"SELECT count(*) {base}", params)
        snippet = (f"snippet(articles_fts, 1, '{_SNIP_OPEN}', '{_SNIP_CLOSE}', '…', 24)" if match
                   else "substr(a.text, 1, 200)")
        order = (f"bm25(articles_fts, {queries.TITLE_WEIGHT}, {queries.TEXT_WEIGHT})" if match
                 else "a.published DESC")
        rows = _rows(conn, f"SELECT {_ARTICLE_COLS}, {snippet} AS snippet {base} ORDER BY {order}, a.id "
                     "LIMIT ? OFFSET ?", [*params, args.limit, args.offset])
        ids = f"SELECT a.id {base}"
        facets = {
            "outlet": _rows(conn, f"SELECT a.outlet AS value, count(*) AS count {base} AND a.outlet IS NOT NULL "
                            "GROUP BY a.outlet ORDER BY count DESC, value LIMIT ?", [*params, TOP_N]),
            "month": _rows(conn, f"SELECT substr(a.published, 1, 7) AS value, count(*) AS count {base} "
                           "AND a.published IS NOT NULL GROUP BY value ORDER BY value", params),
            "entity": _rows(conn, "SELECT ae.entity_id AS value, max(ae.name) AS name, max(ae.type) AS type, "
                            f"count(DISTINCT ae.article_id) AS count FROM article_entities ae WHERE ae.article_id "
                            f"IN ({ids}) AND {named_sql('ae')} GROUP BY ae.entity_id ORDER BY count DESC, value "
                            "LIMIT ?", [*params, TOP_N]),
            "speaker": _rows(conn, "SELECT coalesce(q.speaker_entity, q.speaker_name) AS value, "
                             "max(q.speaker_name) AS name, count(*) AS count FROM quotes q WHERE q.has_speaker "
                             f"AND q.article_id IN ({ids}) GROUP BY value ORDER BY count DESC, value LIMIT ?",
                             [*params, TOP_N]),
        }
    except sqlite3.OperationalError as exc:  # an FTS5 syntax error that fts_query did not foresee
        raise UsageError(f"cannot search for {q!r}: {exc}; use words, \"exact phrases\", AND / OR / NOT and "
                         "prefix*", q=q) from exc
    hits = []
    for r in rows:
        r = _article_row(r)
        r["snippet"] = _snippet_parts(r["snippet"] or "")
        hits.append(r)
    result = page(hits, total, args)
    result.update(query={"q": q, "outlet": outlet, "date_from": date_from, "date_to": date_to, "entity": entity,
                         "speaker": speaker}, facets=facets)
    return result


# ---------------------------------------------------------------- entities, speakers, quotes


def list_entities(conn: sqlite3.Connection, args: PageArgs, *, type: str | None = None,
                  q: str | None = None) -> dict[str, Any]:
    where, params = " WHERE 1", []
    if type:
        where += " AND e.type = ?"
        params.append(type)
    if q:
        where += " AND e.name LIKE ? ESCAPE '\\'"
        params.append("%" + re.sub(r"([%_\\])", r"\\\1", q) + "%")
    # a short form stored under its own id in some articles ("PER:putin") is listed and counted
    # under the one full name it stands for (warta.store.entity_links); counted in Python: a
    # SQL join through the link map took 16 s on 1,000 articles, this takes ~0.1 s
    links = short_form_links(conn)
    ents = {r[0]: (r[1], r[2]) for r in conn.execute(f"SELECT e.id, e.name, e.type FROM entities e{where}", params)
            if r[0] not in links}
    # ranked by the articles that name it; the articles only crediting it (a writer's byline,
    # a wire agency as source: warta.store.credits) are counted apart, under "credited"
    articles: dict[str, set[str]] = {}
    credited: dict[str, set[str]] = {}
    for ent_id, art_id, named, credit in conn.execute(
            f"SELECT ae.entity_id, ae.article_id, {named_sql('ae')}, {credited_as_sql('ae')} FROM article_entities ae"):
        key = links.get(ent_id, ent_id)
        if key in ents:
            if named:
                articles.setdefault(key, set()).add(art_id)
            if credit:
                credited.setdefault(key, set()).add(art_id)
    ranked = sorted(ents, key=lambda k: (-len(articles.get(k, ())), ents[k][0]))
    total = len(ranked)
    rows = [{"id": k, "name": ents[k][0], "type": ents[k][1], "articles": len(articles.get(k, ())),
             "credited": len(credited.get(k, ()))} for k in ranked[args.offset:args.offset + args.limit]]
    if rows:
        wanted = {r["id"] for r in rows}
        keys = [*wanted, *(short for short, full in links.items() if full in wanted)]
        marks = ", ".join("?" * len(keys))
        n_quotes: dict[str, int] = {}
        for ent_id, n in conn.execute(f"SELECT speaker_entity, count(*) FROM quotes WHERE speaker_entity IN ({marks}) "
                                      "GROUP BY speaker_entity", keys):
            key = links.get(ent_id, ent_id)
            n_quotes[key] = n_quotes.get(key, 0) + n
        for r in rows:
            r["quotes"] = n_quotes.get(r["id"], 0)
    return page(rows, total, args)


def _credited_as(marks: str) -> str:
    """SQL: the credit role (penulis/sumber) by which article ``a`` credits one of the ids in ``marks``."""
    return (f"(SELECT max({credited_as_sql('c')}) FROM article_entities c WHERE c.article_id = a.id "
            f"AND c.entity_id IN ({marks}))")


def _speaker_where(key: str, ids: Sequence[str] = ()) -> tuple[str, list[str]]:
    """Quotes by ``key`` (an entity id or a name) or by one of ``ids`` (its short-form ids)."""
    keys = [key, *ids]
    marks = ", ".join("?" * len(keys))
    return f"(q.speaker_entity IN ({marks}) OR (q.speaker_entity IS NULL AND q.speaker_name = ?))", [*keys, key]


def _linked_ids(conn: sqlite3.Connection, key: str) -> tuple[str, list[str]]:
    """(the id to show, the short-form ids counted under it): "PER:putin" → "PER:vladimir-putin"."""
    links = short_form_links(conn)
    key = links.get(key, key)
    return key, sorted(short for short, full in links.items() if full == key)


def list_quotes(
    conn: sqlite3.Connection, args: PageArgs, *, speaker: str | None = None, entity: str | None = None,
    date_from: str | None = None, date_to: str | None = None,
) -> dict[str, Any]:
    """Quotes, newest first; ``speaker`` is an entity id or a name, ``entity`` one mentioned inside the quote."""
    where, params = " WHERE 1", []
    if speaker:
        speaker, short_ids = _linked_ids(conn, speaker)
        sw, sp = _speaker_where(speaker, short_ids)
        where += f" AND {sw}"
        params += sp
    if entity:
        where += (' AND EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = q.article_id AND m.entity_id = ? '
                  'AND m.start >= q.start AND m."end" <= q."end")')
        params.append(entity)
    dsql, dparams = _date_filter(date_from, date_to)
    where += dsql
    params += dparams
    base = f"FROM quotes q JOIN articles a ON a.id = q.article_id{where} AND {_ORIGINAL}"
    total = _scalar(conn, f"SELECT count(*) {base}", params)
    rows = _rows(conn, "SELECT q.article_id, q.position, q.text, q.kind, q.speaker_name, q.speaker_entity, "
                 f"q.speaker_role, a.title, a.outlet, a.published {base} ORDER BY a.published DESC, q.article_id, "
                 "q.position LIMIT ? OFFSET ?", [*params, args.limit, args.offset])
    return page(rows, total, args)


def entity_detail(conn: sqlite3.Connection, key: str, args: PageArgs) -> dict[str, Any]:
    """An entity (by id) or a speaker (by entity id or name): quotes over time, co-occurring entities."""
    key, short_ids = _linked_ids(conn, key)
    ids = [key, *short_ids]
    ent = _one(conn, "SELECT id, name, type FROM entities WHERE id = ?", (key,))
    sw, sp = _speaker_where(key, short_ids)
    marks = ", ".join("?" * len(ids))
    n_quotes = _scalar(conn, f"SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id "
                       f"WHERE {sw} AND {_ORIGINAL}", sp)
    if ent is None and n_quotes == 0:
        # a name typed or linked where an id is expected: "Sri Mulyani" for "PER:sri-mulyani"
        ids = [r[0] for r in conn.execute("SELECT id FROM entities WHERE name = ? LIMIT 2", (key,))]
        if len(ids) == 1:
            return entity_detail(conn, ids[0], args)
        raise NotFoundError(f"no entity or speaker {key!r}", id=key)
    # the articles that involve it: those mentioning the entity plus those quoting the speaker
    involve = (f"SELECT article_id FROM article_entities WHERE entity_id IN ({marks}) "
               f"UNION SELECT q.article_id FROM quotes q WHERE {sw}")
    iparams = [*ids, *sp]
    roles = _rows(conn, "SELECT role, count(*) AS count FROM (SELECT role FROM article_entities WHERE entity_id IN "
                  f"({marks}) UNION ALL SELECT q.speaker_role FROM quotes q WHERE {sw}) WHERE role IS NOT NULL "
                  "GROUP BY role ORDER BY count DESC LIMIT ?", [*ids, *sp, TOP_N])
    over_time = _rows(conn, "SELECT substr(a.published, 1, 10) AS date, count(*) AS count FROM quotes q "
                      f"JOIN articles a ON a.id = q.article_id WHERE {sw} AND {_ORIGINAL} AND a.published IS NOT NULL "
                      "GROUP BY date ORDER BY date", sp)
    # what the other entities' texts name: a wire agency crediting every article is no co-occurrence
    co = _rows(conn, "SELECT ae.entity_id AS id, max(ae.name) AS name, max(ae.type) AS type, "
               "count(DISTINCT ae.article_id) AS count FROM article_entities ae JOIN articles a "
               f"ON a.id = ae.article_id WHERE ae.article_id IN ({involve}) AND ae.entity_id NOT IN ({marks}) "
               f"AND {named_sql('ae')} AND {_ORIGINAL} GROUP BY ae.entity_id ORDER BY count DESC, name LIMIT ?",
               [*iparams, *ids, TOP_N])
    n_articles = _scalar(conn, f"SELECT count(*) FROM articles a WHERE a.id IN ({involve}) AND {_ORIGINAL}", iparams)
    # the articles whose text names it or quotes it; the rest only credit it (its byline, its source)
    named = (f"SELECT ae.article_id FROM article_entities ae WHERE ae.entity_id IN ({marks}) AND {named_sql('ae')} "
             f"UNION SELECT q.article_id FROM quotes q WHERE {sw}")
    n_named = _scalar(conn, f"SELECT count(*) FROM articles a WHERE a.id IN ({named}) AND {_ORIGINAL}", iparams)
    articles = _rows(conn, f"SELECT {_ARTICLE_COLS}, {_credited_as(marks)} AS credited_as FROM articles a "
                     f"WHERE a.id IN ({involve}) AND {_ORIGINAL} ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?",
                     [*ids, *iparams, args.limit, args.offset])
    name = ent["name"] if ent else _scalar(conn, f"SELECT max(q.speaker_name) FROM quotes q WHERE {sw}", sp)
    # the names its quotes were attributed under ("Pratama Adiwijaya" for the entity "Pratama")
    quoted_as = [r[0] for r in conn.execute(
        f"SELECT q.speaker_name FROM quotes q WHERE {sw} AND q.speaker_name IS NOT NULL GROUP BY q.speaker_name "
        "ORDER BY count(*) DESC LIMIT 5", sp)]
    return {
        "key": key, "entity": ent, "name": name, "quoted_as": quoted_as, "roles": roles, "quote_count": n_quotes,
        "named_in": n_named, "credited": credit_counts(conn, ids),
        "quotes": list_quotes(conn, PageArgs(limit=TOP_N), speaker=key)["items"],
        "quotes_over_time": over_time, "co_occurring": co,
        "articles": page([_article_row(r) for r in articles], n_articles, args),
    }


# ---------------------------------------------------------------- events and stories


def _outlet_comparison(conn: sqlite3.Connection, ids_sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """Per outlet: how much it ran, when it started and stopped, and whom it quoted."""
    rows = _rows(conn, "SELECT a.outlet, count(*) AS articles, min(a.published) AS first, max(a.published) AS last, "
                 "(SELECT count(*) FROM quotes q WHERE q.article_id IN (SELECT id FROM articles a2 WHERE "
                 f"a2.outlet IS a.outlet AND a2.id IN ({ids_sql}))) AS quotes "
                 f"FROM articles a WHERE a.id IN ({ids_sql}) GROUP BY a.outlet ORDER BY articles DESC, a.outlet",
                 [*params, *params])
    for r in rows:
        r["speakers"] = [s["name"] for s in _rows(
            conn, "SELECT max(q.speaker_name) AS name, count(*) AS n FROM quotes q JOIN articles a ON "
            f"a.id = q.article_id WHERE q.has_speaker AND a.outlet IS ? AND a.id IN ({ids_sql}) "
            "GROUP BY coalesce(q.speaker_entity, q.speaker_name) ORDER BY n DESC, name LIMIT 5",
            [r["outlet"], *params])]
    return rows


def _cluster_articles(conn: sqlite3.Connection, ids_sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return [_article_row(r) for r in _rows(
        conn, f"SELECT {_ARTICLE_COLS} FROM articles a WHERE a.id IN ({ids_sql}) AND {_ORIGINAL} "
        "ORDER BY coalesce(a.event_date, a.published), a.published, a.id", params)]


def _cluster_entities(conn: sqlite3.Connection, ids_sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return _rows(conn, "SELECT ae.entity_id AS id, max(ae.name) AS name, max(ae.type) AS type, "
                 f"count(DISTINCT ae.article_id) AS count FROM article_entities ae WHERE ae.article_id IN ({ids_sql}) "
                 f"AND {named_sql('ae')} GROUP BY ae.entity_id ORDER BY count DESC, name LIMIT ?", [*params, TOP_N])


def _cluster_quotes(conn: sqlite3.Connection, ids_sql: str, params: list[Any]) -> list[dict[str, Any]]:
    # the first quotes in time order: who set the terms of the coverage (the full list is at /quotes)
    return _rows(conn, "SELECT q.article_id, q.position, q.text, q.kind, q.speaker_name, q.speaker_entity, "
                 f"q.speaker_role, a.title, a.outlet, a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
                 f"WHERE q.article_id IN ({ids_sql}) AND {_ORIGINAL} ORDER BY a.published, q.position LIMIT ?",
                 [*params, TOP_N])


def list_events(conn: sqlite3.Connection, args: PageArgs, *, story: str | None = None) -> dict[str, Any]:
    where, params = (" WHERE e.story_id = ?", [story]) if story else ("", [])
    total = _scalar(conn, f"SELECT count(*) FROM events e{where}", params)
    rows = _rows(conn, "SELECT e.id, e.title, e.start_date, e.end_date, e.story_id, (SELECT count(*) FROM "
                 f"article_events WHERE event_id = e.id) AS articles FROM events e{where} "
                 "ORDER BY e.start_date DESC, e.id LIMIT ? OFFSET ?", [*params, args.limit, args.offset])
    return page(with_entities(conn, "event", rows), total, args)


def event_detail(conn: sqlite3.Connection, event_id: str) -> dict[str, Any]:
    ev = _one(conn, "SELECT * FROM events WHERE id = ?", (event_id,))
    if ev is None:
        raise NotFoundError(f"no event with id {event_id!r}", id=event_id)
    story = (_one(conn, "SELECT id, title FROM stories WHERE id = ?", (ev["story_id"],))
             if ev["story_id"] else None)
    ids = "SELECT article_id FROM article_events WHERE event_id = ?"
    return {
        "event": with_entities(conn, "event", [ev])[0], "story": story,
        "articles": _cluster_articles(conn, ids, [event_id]),
        "entities": _cluster_entities(conn, ids, [event_id]), "quotes": _cluster_quotes(conn, ids, [event_id]),
        "outlets": _outlet_comparison(conn, ids, [event_id]),
    }


def list_stories(conn: sqlite3.Connection, args: PageArgs) -> dict[str, Any]:
    total = _scalar(conn, "SELECT count(*) FROM stories")
    rows = _rows(conn, "SELECT s.id, s.title, s.start_date, s.end_date, s.summary, "
                 "(SELECT count(*) FROM events WHERE story_id = s.id) AS events, "
                 "(SELECT count(DISTINCT ae.article_id) FROM article_events ae JOIN events e ON e.id = ae.event_id "
                 "WHERE e.story_id = s.id) AS articles FROM stories s ORDER BY s.end_date DESC, s.id "
                 "LIMIT ? OFFSET ?", [args.limit, args.offset])
    return page(with_entities(conn, "story", rows), total, args)


def story_detail(conn: sqlite3.Connection, story_id: str) -> dict[str, Any]:
    story = _one(conn, "SELECT * FROM stories WHERE id = ?", (story_id,))
    if story is None:
        raise NotFoundError(f"no story with id {story_id!r}", id=story_id)
    ids = ("SELECT ae.article_id FROM article_events ae JOIN events e ON e.id = ae.event_id "
           "WHERE e.story_id = ?")
    events = _rows(conn, "SELECT e.id, e.title, e.start_date, e.end_date, e.summary, (SELECT count(*) FROM "
                   "article_events WHERE event_id = e.id) AS articles FROM events e WHERE e.story_id = ? "
                   "ORDER BY e.start_date, e.id", (story_id,))
    return {
        "story": with_entities(conn, "story", [story])[0], "events": events,
        "timeline": timeline(conn, story=story_id)["items"],
        "articles": _cluster_articles(conn, ids, [story_id]), "entities": _cluster_entities(conn, ids, [story_id]),
        "quotes": _cluster_quotes(conn, ids, [story_id]), "outlets": _outlet_comparison(conn, ids, [story_id]),
    }


def timeline(conn: sqlite3.Connection, *, story: str | None = None, entity: str | None = None) -> dict[str, Any]:
    """Dated items in order: a story's events and articles, or the articles involving an entity/speaker.

    An article is placed at its ``event_date`` (when the happening took place, from the Time
    reader) when known, else at its publication date.
    """
    if bool(story) == bool(entity):
        raise UsageError("give exactly one of story= or entity=")
    items: list[dict[str, Any]] = []
    credited: dict[str, str] = {}  # article id -> how it credits the entity (its writer, its source)
    if story:
        if _one(conn, "SELECT id FROM stories WHERE id = ?", (story,)) is None:
            raise NotFoundError(f"no story with id {story!r}", id=story)
        for e in _rows(conn, "SELECT id, title, start_date FROM events WHERE story_id = ?", (story,)):
            items.append({"kind": "event", "date": e["start_date"], "id": e["id"], "title": e["title"]})
        ids, params = ("SELECT ae.article_id FROM article_events ae JOIN events e ON e.id = ae.event_id "
                       "WHERE e.story_id = ?"), [story]
    else:
        key, short_ids = _linked_ids(conn, entity or "")
        sw, sp = _speaker_where(key, short_ids)
        marks = ", ".join("?" * (1 + len(short_ids)))
        ids, params = (f"SELECT article_id FROM article_entities WHERE entity_id IN ({marks}) UNION "
                       f"SELECT q.article_id FROM quotes q WHERE {sw}"), [key, *short_ids, *sp]
        credited = {r[0]: r[1] for r in conn.execute(
            f"SELECT ae.article_id, max({credited_as_sql('ae')}) FROM article_entities ae WHERE ae.entity_id IN "
            f"({marks}) GROUP BY ae.article_id", [key, *short_ids]) if r[1]}
    for a in _cluster_articles(conn, ids, params):
        items.append({"kind": "article", "date": a["event_date"] or a["published"], "id": a["id"],
                      "title": a["title"], "outlet": a["outlet"], "published": a["published"],
                      **({"credited_as": credited.get(a["id"])} if entity else {})})
    # undated items last; events before articles on the same day (the event frames its coverage)
    items.sort(key=lambda it: (it["date"] is None, (it["date"] or "")[:10], it["kind"] != "event", it["date"] or ""))
    return {"story": story, "entity": entity, "items": items}


# ---------------------------------------------------------------- statistics and dashboard


def volume(conn: sqlite3.Connection, bucket: str = "auto") -> dict[str, Any]:
    """Articles per day (or per month when the corpus spans more than ~4 months)."""
    if bucket not in ("auto", "day", "month"):
        raise UsageError(f"bucket must be auto, day or month, got {bucket!r}", bucket=bucket)
    if bucket == "auto":
        lo, hi = conn.execute(f"SELECT min(published), max(published) FROM articles a WHERE {_ORIGINAL}").fetchone()
        # 120 days of daily bars is about as many as a 900-px chart can show legibly
        bucket = "month" if lo and hi and _days_between(lo, hi) > 120 else "day"
    width = 7 if bucket == "month" else 10
    rows = _rows(conn, f"SELECT substr(a.published, 1, {width}) AS date, count(*) AS count FROM articles a "
                 f"WHERE {_ORIGINAL} AND a.published IS NOT NULL GROUP BY date ORDER BY date")
    return {"bucket": bucket, "items": rows}


def _days_between(lo: str, hi: str) -> int:
    from datetime import date

    try:
        return (date.fromisoformat(hi[:10]) - date.fromisoformat(lo[:10])).days
    except ValueError:
        return 0


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """The store's own counts (:func:`warta.store.queries.stats`) plus what produced the annotations."""
    out = queries.stats(conn)
    out["annotated_by"] = _rows(conn, "SELECT annotated_by AS value, count(*) AS count FROM articles "
                                "GROUP BY annotated_by ORDER BY count DESC LIMIT ?", [TOP_N])
    for r in out["annotated_by"]:
        r["value"] = json.loads(r["value"] or "{}")
    return out


def dashboard(conn: sqlite3.Connection) -> dict[str, Any]:
    st = queries.stats(conn)
    counts = {k: st[k] for k in ("articles", "near_duplicates", "entities", "quotes", "times", "quantities",
                                 "events", "stories", "rejects")}
    counts["outlets"] = len(st["outlets"])
    speakers = queries.top_speakers(conn, TOP_N)
    for sp in speakers:
        sp["key"] = sp["entity"] or sp["name"]  # what /entities/{key} and ?speaker= accept
    return {
        "counts": counts,
        "volume": volume(conn),
        # not st["outlets"]: it names a missing outlet "unknown", which a real outlet could be called
        "outlets": _rows(conn, f"SELECT a.outlet AS value, count(*) AS count FROM articles a WHERE {_ORIGINAL} "
                         "GROUP BY a.outlet ORDER BY count DESC, value LIMIT ?", [TOP_N]),
        "top_entities": queries.top_entities(conn, TOP_N),
        "top_speakers": speakers,
        "stories": list_stories(conn, PageArgs(limit=5))["items"],
        "latest": list_articles(conn, PageArgs(limit=5))["items"],
    }
