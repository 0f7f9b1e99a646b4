"""The main entities of events and stories (tables ``event_entities``, ``story_entities``).

Plain SQL, no clustering code: the web app's read routes import this without loading the
clusterer's dependencies.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from warta.errors import UsageError
from warta.store.credits import named_sql, text_mention_sql

#: Main entities kept per event and story.
MAIN_ENTITIES = 5


def write_entities(conn: sqlite3.Connection, kind: str, key: str, ids_sql: str) -> None:
    """A cluster's main entities: those named by most of its articles, then by most mentions.

    Articles first: in a story of 20 articles, the league every report names says more about
    it than a player one report names 15 times. Mentions break ties (one-article events).
    Only what the texts name counts: a writer or a source known only from the articles'
    credits (:mod:`warta.store.credits`) would otherwise be the main entity of every event a
    prolific reporter or a wire agency covers; a writer the text quotes counts its text mentions.
    """
    conn.execute(f"DELETE FROM {kind}_entities WHERE {kind}_id = ?", (key,))
    rows = conn.execute(
        "SELECT ae.entity_id, count(DISTINCT ae.article_id) AS n_articles, "
        "sum(max(1, (SELECT count(*) FROM mentions m WHERE m.article_id = ae.article_id "
        f"AND m.entity_pos = ae.position AND {text_mention_sql('m')}))) AS n_mentions "
        f"FROM article_entities ae WHERE ae.article_id IN ({ids_sql}) AND {named_sql('ae')} GROUP BY ae.entity_id "
        "ORDER BY n_articles DESC, n_mentions DESC, ae.entity_id LIMIT ?", (key, MAIN_ENTITIES)).fetchall()
    conn.executemany(f"INSERT INTO {kind}_entities({kind}_id, position, entity_id, articles, mentions) "
                     "VALUES (?, ?, ?, ?, ?)", [(key, i, r[0], r[1], r[2]) for i, r in enumerate(rows)])


def main_entities(conn: sqlite3.Connection, kind: str, keys: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """The stored main entities of events (``kind`` "event") or stories ("story"), by id."""
    if kind not in ("event", "story"):
        raise UsageError(f"kind must be 'event' or 'story', got {kind!r}")
    keys = list(keys)
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in keys}
    for i in range(0, len(keys), 500):  # SQLite caps the number of parameters
        chunk = keys[i:i + 500]
        for r in conn.execute(
                f"SELECT x.{kind}_id AS key, x.entity_id AS id, en.name, en.type, x.articles, x.mentions "
                f"FROM {kind}_entities x JOIN entities en ON en.id = x.entity_id "
                f"WHERE x.{kind}_id IN ({', '.join('?' * len(chunk))}) ORDER BY x.{kind}_id, x.position", chunk):
            row = dict(r)
            out[row.pop("key")].append(row)
    return out


def with_entities(conn: sqlite3.Connection, kind: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` (events or stories) with their main entities under ``entities``."""
    found = main_entities(conn, kind, [r["id"] for r in rows])
    for r in rows:
        r["entities"] = found.get(r["id"], [])
    return rows
