"""Quote queries over the store: who said what, and the most-quoted speakers with counts per outlet.

Plain functions over a ``sqlite3.Connection`` (like :mod:`warta.store.queries`) so the CLI,
the web pages and the API share them. Near-duplicate copies (``duplicate_of`` set) are left
out, so a syndicated statement counts once.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from warta.errors import UsageError
from warta.store.queries import iso_day


def _where(
    speaker: str | None, since: str | None, until: str | None, outlet: str | None
) -> tuple[str, list[Any]]:
    where = ["a.duplicate_of IS NULL"]
    args: list[Any] = []
    if speaker:
        # an entity id ("PER:joko-widodo") or any part of the speaker's name, case-insensitive
        where.append("(q.speaker_entity = ? OR q.speaker_name LIKE ? ESCAPE '\\' COLLATE NOCASE "
                     "OR e.name LIKE ? ESCAPE '\\' COLLATE NOCASE)")
        pattern = "%" + speaker.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        args += [speaker, pattern, pattern]
    since_day, until_day = iso_day(since, "since"), iso_day(until, "until")
    if since_day and until_day and since_day > until_day:
        raise UsageError(f"--since {since_day} is after --until {until_day}: nothing can match")
    # published is ISO 8601, so its first 10 characters compare as dates
    if since_day:
        where.append("substr(a.published, 1, 10) >= ?")
        args.append(since_day)
    if until_day:
        where.append("substr(a.published, 1, 10) <= ?")
        args.append(until_day)
    if outlet:
        where.append("a.outlet = ? COLLATE NOCASE")
        args.append(outlet)
    return " AND ".join(where), args


_FROM = ("FROM quotes q JOIN articles a ON a.id = q.article_id "
         "LEFT JOIN entities e ON e.id = q.speaker_entity ")


def find_quotes(
    conn: sqlite3.Connection,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Stored quotes, newest article first: text, kind, cue, speaker and the article they are from."""
    if limit < 1 or offset < 0:
        raise UsageError(f"limit must be >= 1 and offset >= 0, got limit={limit} offset={offset}")
    where, args = _where(speaker, since, until, outlet)
    sql = (
        "SELECT q.article_id, a.title, a.outlet, a.published, a.url, q.text, q.kind, q.cue_text AS cue, "
        "coalesce(e.name, q.speaker_name) AS speaker, q.speaker_entity AS entity, q.speaker_role AS role "
        + _FROM + "WHERE " + where +
        " ORDER BY a.published IS NULL, a.published DESC, q.article_id, q.position LIMIT ? OFFSET ?"
    )
    return [dict(r) for r in conn.execute(sql, [*args, limit, offset])]


@dataclass
class SpeakerCount:
    name: str
    entity: str | None
    quotes: int
    articles: int
    outlets: dict[str, int] = field(default_factory=dict)  # outlet -> quotes there

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "entity": self.entity, "quotes": self.quotes, "articles": self.articles,
                "outlets": dict(self.outlets)}


def most_quoted(
    conn: sqlite3.Connection,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    speaker: str | None = None,
    limit: int = 20,
) -> list[SpeakerCount]:
    """Most-quoted speakers over a period, with their quote counts per outlet.

    Speakers are grouped by entity id when the entities stage linked them, else by name.
    """
    if limit < 1:
        raise UsageError(f"limit must be >= 1, got {limit}")
    where, args = _where(speaker, since, until, outlet)
    key = "coalesce(q.speaker_entity, 'name:' || q.speaker_name)"
    top_sql = (
        f"SELECT {key} AS k, coalesce(max(e.name), max(q.speaker_name)) AS name, max(q.speaker_entity) AS entity, "
        "count(*) AS quotes, count(DISTINCT q.article_id) AS articles "
        + _FROM + "WHERE q.has_speaker AND " + where +
        " GROUP BY k ORDER BY quotes DESC, name LIMIT ?"
    )
    rows = conn.execute(top_sql, [*args, limit]).fetchall()
    out = [SpeakerCount(r["name"], r["entity"], r["quotes"], r["articles"]) for r in rows]
    if not out:
        return out
    by_key = {r["k"]: sc for r, sc in zip(rows, out, strict=True)}
    marks = ",".join("?" * len(by_key))
    per_outlet_sql = (
        f"SELECT {key} AS k, coalesce(a.outlet, '?') AS outlet, count(*) AS n "
        + _FROM + "WHERE q.has_speaker AND " + where + f" AND {key} IN ({marks})"
        " GROUP BY k, outlet ORDER BY n DESC, outlet"
    )
    for r in conn.execute(per_outlet_sql, args + list(by_key)):
        by_key[r["k"]].outlets[r["outlet"]] = r["n"]
    return out
