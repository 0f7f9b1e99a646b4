"""Read queries over the store: search, stats, listings.

Plain functions over a ``sqlite3.Connection`` so the CLI, the web pages and the REST API
all call the same code (and a page and its JSON twin cannot disagree). Near-duplicates
(``duplicate_of`` set) are left out unless ``include_duplicates`` is asked for.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from warta.errors import UsageError
from warta.store.credits import named_sql, text_mention_sql

#: FTS5 column weights for bm25(title, text). A judgement call, not tuned on data: a word in
#: the headline says more about what an article is about than the same word in the body.
TITLE_WEIGHT, TEXT_WEIGHT = 3.0, 1.0

_TOKEN = re.compile(r'"[^"]*"|[()]|[^\s"()]+')
_BAREWORD = re.compile(r"\w+\*?")
_WORDCHAR = re.compile(r"\w")
_COLUMN = re.compile(r"(title|text):(.+)", re.IGNORECASE)
_OPERATORS = {"AND", "OR", "NOT"}


def fts_query(query: str) -> str:
    """Turn what a user types into a safe FTS5 MATCH expression.

    Words, ``"exact phrases"``, ``AND``/``OR``/``NOT``, parentheses, ``prefix*`` and
    ``title:word`` keep their FTS5 meaning; any other token (``Jokowi-Prabowo``, ``3,5%``,
    ``e-KTP``) is quoted as a phrase, so punctuation never becomes a syntax error.

    >>> fts_query('banjir e-KTP "Joko Widodo" OR gemp*')
    'banjir "e-KTP" "Joko Widodo" OR gemp*'
    """
    if query.count('"') % 2:
        raise UsageError(
            f"search query {query!r} has an unbalanced double quote; close the phrase (\"like this\") or drop the quote"
        )
    parts: list[str] = []
    for tok in _TOKEN.findall(query):
        col = ""
        m = _COLUMN.fullmatch(tok)
        if m and not tok.startswith('"'):
            col, tok = m.group(1).lower() + ":", m.group(2)
        if tok not in "()" and not _WORDCHAR.search(tok):
            continue  # pure punctuation ("-", "***", '""') matches nothing; drop it rather than fail
        if tok.startswith('"') or tok in "()" or tok in _OPERATORS or _BAREWORD.fullmatch(tok):
            parts.append(col + tok)
        else:
            parts.append(col + '"' + tok + '"')
    if not any(p.strip('"()') and p not in _OPERATORS for p in parts):
        raise UsageError(f"search query {query!r} has no words to search for")
    return " ".join(parts)


def iso_day(value: str | None, name: str) -> str | None:
    """``value``'s day as YYYY-MM-DD (None passes through); a bad date is a UsageError naming ``--name``."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError as exc:
        raise UsageError(f"--{name} must be an ISO date like 2024-01-31, got {value!r}") from exc


def _filters(
    outlet: str | None, since: str | None, until: str | None, include_duplicates: bool
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if not include_duplicates:
        where.append("a.duplicate_of IS NULL")
    if outlet:
        where.append("a.outlet = ? COLLATE NOCASE")
        args.append(outlet)
    since_day, until_day = iso_day(since, "since"), iso_day(until, "until")
    # published is ISO 8601, so its first 10 characters compare as dates.
    if since_day:
        where.append("substr(a.published, 1, 10) >= ?")
        args.append(since_day)
    if until_day:
        where.append("substr(a.published, 1, 10) <= ?")
        args.append(until_day)
    return where, args


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    snippet: str
    score: float  # bm25: lower is better

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "outlet": self.outlet, "published": self.published,
                "url": self.url, "snippet": self.snippet, "score": self.score}


def search(
    conn: sqlite3.Connection,
    query: str,
    limit: int = 20,
    offset: int = 0,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_duplicates: bool = False,
    marks: tuple[str, str] = ("[", "]"),
) -> list[SearchHit]:
    """Full-text search ranked by bm25, with a snippet around the matches (``marks`` around each hit)."""
    if limit < 1 or offset < 0:
        raise UsageError(f"limit must be >= 1 and offset >= 0, got limit={limit}, offset={offset}")
    match = fts_query(query)
    where, args = _filters(outlet, since, until, include_duplicates)
    sql = (
        "SELECT a.id, a.title, a.outlet, a.published, a.url, "
        "snippet(articles_fts, 1, ?, ?, '…', 16) AS snippet, "
        f"bm25(articles_fts, {TITLE_WEIGHT}, {TEXT_WEIGHT}) AS score "
        "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
        "WHERE articles_fts MATCH ? " + "".join(f"AND {w} " for w in where) +
        "ORDER BY score, a.id LIMIT ? OFFSET ?"
    )
    try:
        rows = conn.execute(sql, [marks[0], marks[1], match, *args, limit, offset]).fetchall()
    except sqlite3.OperationalError as exc:
        raise UsageError(
            f"cannot search for {query!r}: {exc}; use words, \"exact phrases\", AND / OR / NOT, (groups) and prefix*"
        ) from exc
    return [SearchHit(r["id"], r["title"], r["outlet"], r["published"], r["url"], r["snippet"], r["score"])
            for r in rows]


def _originals(alias: str = "article_id") -> str:
    return f"{alias} IN (SELECT id FROM articles WHERE duplicate_of IS NULL)"


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts over the store; near-duplicates are counted apart and their annotations left out."""

    def one(sql: str) -> Any:
        return conn.execute(sql).fetchone()[0]

    def grouped(sql: str) -> dict[str, int]:
        return {str(k) if k is not None else "unknown": v for k, v in conn.execute(sql)}

    orig = "FROM articles WHERE duplicate_of IS NULL"
    return {
        "articles": one(f"SELECT count(*) {orig}"),
        "near_duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        "exact_duplicates": one("SELECT coalesce(sum(count), 0) FROM sightings"),
        "rejects": one("SELECT count(*) FROM rejects"),
        "rejects_by_code": grouped("SELECT code, count(*) FROM rejects GROUP BY code ORDER BY count(*) DESC, code"),
        "outlets": grouped(f"SELECT outlet, count(*) {orig} GROUP BY outlet ORDER BY count(*) DESC, outlet"),
        "languages": grouped(f"SELECT language, count(*) {orig} GROUP BY language ORDER BY count(*) DESC, language"),
        "published": {
            "first": one(f"SELECT min(published) {orig}"),
            "last": one(f"SELECT max(published) {orig}"),
            "unknown": one(f"SELECT count(*) {orig} AND published IS NULL"),
        },
        "entities": one(f"SELECT count(DISTINCT entity_id) FROM article_entities WHERE {_originals()}"),
        # places in the text: a credit's mention (start -1, warta.store.credits) is not one
        "mentions": one(f"SELECT count(*) FROM mentions WHERE {_originals()} AND start >= 0"),
        "quotes": one(f"SELECT count(*) FROM quotes WHERE {_originals()}"),
        "times": one(f"SELECT count(*) FROM times WHERE {_originals()}"),
        "quantities": one(f"SELECT count(*) FROM quantities WHERE {_originals()}"),
        "events": one("SELECT count(*) FROM events"),
        "stories": one("SELECT count(*) FROM stories"),
    }


def top_entities(conn: sqlite3.Connection, limit: int = 10, type: str | None = None) -> list[dict[str, Any]]:
    """Entities in the most articles: id, name, type, articles, mentions.

    A short form stored under its own id in some articles ("PER:putin") is counted under the
    one full name it stands for (:func:`warta.store.entity_links.short_form_links`). Only the
    articles whose text names an entity, and only its mentions in the text, count: a writer or
    a source known only from an article's credits is not what the article is about
    (:mod:`warta.store.credits`), so it is listed only where the text names it.
    """
    from warta.store.entity_links import short_form_links

    links = short_form_links(conn)
    names = {r["id"]: (r["name"], r["type"]) for r in conn.execute("SELECT id, name, type FROM entities")}
    articles: dict[str, set[str]] = {}
    for r in conn.execute("SELECT ae.entity_id, ae.article_id FROM article_entities ae WHERE "
                          + _originals("ae.article_id") + " AND " + named_sql("ae")):
        articles.setdefault(links.get(r[0], r[0]), set()).add(r[1])
    mentions: dict[str, int] = {}
    for r in conn.execute("SELECT entity_id, count(*) FROM mentions m WHERE " + _originals() + " AND "
                          + text_mention_sql("m") + " GROUP BY entity_id"):
        key = links.get(r[0], r[0])
        mentions[key] = mentions.get(key, 0) + r[1]
    rows = [{"id": k, "name": names[k][0], "type": names[k][1], "articles": len(arts), "mentions": mentions.get(k, 0)}
            for k, arts in articles.items() if k in names and (type is None or names[k][1] == type)]
    rows.sort(key=lambda r: (-r["articles"], -r["mentions"], r["name"]))
    return rows[:limit]


def top_speakers(conn: sqlite3.Connection, limit: int = 10) -> list[dict[str, Any]]:
    """Most-quoted speakers (grouped by entity id when linked, else by name): name, entity, quotes, articles."""
    sql = (
        "SELECT coalesce(e.name, q.speaker_name) AS name, q.speaker_entity AS entity, count(*) AS quotes, "
        "count(DISTINCT q.article_id) AS articles "
        "FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity "
        "WHERE q.has_speaker AND " + _originals("q.article_id") +
        " GROUP BY coalesce(q.speaker_entity, 'name:' || q.speaker_name) "
        "ORDER BY quotes DESC, name LIMIT ?"
    )
    return [dict(r) for r in conn.execute(sql, (limit,))]


def article_rows(
    conn: sqlite3.Connection,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_duplicates: bool = False,
) -> Iterator[sqlite3.Row]:
    """``articles`` rows in published order (unknown dates last), then by id."""
    where, args = _filters(outlet, since, until, include_duplicates)
    sql = "SELECT * FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
    yield from conn.execute(sql + " ORDER BY a.published IS NULL, a.published, a.id", args)


def rejects(conn: sqlite3.Connection, limit: int = 100) -> list[dict[str, Any]]:
    """Recorded rejects, most recently seen first."""
    sql = "SELECT item, line, stage, code, reason, first_seen, last_seen, count FROM rejects "
    return [dict(r) for r in conn.execute(sql + "ORDER BY last_seen DESC, id DESC LIMIT ?", (limit,))]
