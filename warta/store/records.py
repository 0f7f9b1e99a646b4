"""Mapping between an :class:`~warta.article.Article` and its rows (write and load).

Kept apart from the ``Store`` so the mapping can be read in one place and so the future
Postgres store can reuse it: everything here is plain DB-API (``?`` placeholders aside).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from warta.article import Article, Entity, Quantity, Quote, Span, Speaker, TimeExpr

#: Article columns written from the dataclass (JSON-encoded where the field is a list/dict).
_SCALAR = ("title", "text", "published", "published_source", "outlet", "url", "source", "dateline", "origin",
           "language", "event_date", "tone")
_JSON = ("authors", "editors", "annotated_by", "extra")
ARTICLE_COLUMNS: tuple[str, ...] = _SCALAR + _JSON


def article_values(article: Article) -> dict[str, Any]:
    """Column -> value for the ``articles`` row (without id, hash, minhash, dedup and times)."""
    values: dict[str, Any] = {col: getattr(article, col) for col in _SCALAR}
    for col in _JSON:
        values[col] = json.dumps(getattr(article, col), ensure_ascii=False, sort_keys=True)
    return values


def delete_annotations(conn: sqlite3.Connection, article_id: str) -> None:
    for table in ("mentions", "article_entities", "quotes", "times", "quantities"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))


def insert_annotations(conn: sqlite3.Connection, article: Article) -> None:
    """Write the article's entities, mentions, quotes, times and quantities rows."""
    aid = article.id
    for epos, ent in enumerate(article.entities):
        # The canonical entity row holds the latest name/type seen for the id.
        conn.execute(
            "INSERT INTO entities(id, name, type) VALUES (?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type",
            (ent.id, ent.name, ent.type),
        )
        conn.execute(
            "INSERT INTO article_entities(article_id, entity_id, position, name, type, role) VALUES (?, ?, ?, ?, ?, ?)",
            (aid, ent.id, epos, ent.name, ent.type, ent.role),
        )
        conn.executemany(
            'INSERT INTO mentions(article_id, entity_id, entity_pos, position, start, "end", text, role) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(aid, ent.id, epos, mpos, m.start, m.end, m.text, ent.role) for mpos, m in enumerate(ent.mentions)],
        )
    conn.executemany(
        'INSERT INTO quotes(article_id, position, start, "end", text, kind, cue_start, cue_end, cue_text, has_speaker, '
        "speaker_name, speaker_entity, speaker_role, speaker_start, speaker_end) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                aid, pos, q.start, q.end, q.text, q.kind,
                q.cue.start if q.cue else None, q.cue.end if q.cue else None, q.cue.text if q.cue else None,
                int(q.speaker is not None),
                q.speaker.name if q.speaker else None, q.speaker.entity if q.speaker else None,
                q.speaker.role if q.speaker else None, q.speaker.start if q.speaker else None,
                q.speaker.end if q.speaker else None,
            )
            for pos, q in enumerate(article.quotes)
        ],
    )
    conn.executemany(
        'INSERT INTO times(article_id, position, start, "end", text, type, value) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [(aid, pos, t.start, t.end, t.text, t.type, t.value) for pos, t in enumerate(article.times)],
    )
    conn.executemany(
        'INSERT INTO quantities(article_id, position, start, "end", text, value, unit, approximate) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(aid, pos, q.start, q.end, q.text, q.value, q.unit, int(q.approximate))
         for pos, q in enumerate(article.quantities)],
    )


def load_article(conn: sqlite3.Connection, row: sqlite3.Row) -> Article:
    """The Article stored in ``row`` (an ``articles`` row) with all its annotations."""
    aid = row["id"]
    mentions: dict[int, list[Span]] = {}
    for m in conn.execute(
        'SELECT entity_pos, start, "end", text FROM mentions WHERE article_id = ? ORDER BY entity_pos, position',
        (aid,),
    ):
        mentions.setdefault(m["entity_pos"], []).append(Span(m["start"], m["end"], m["text"]))
    entities = [
        Entity(id=e["entity_id"], name=e["name"], type=e["type"], mentions=mentions.get(e["position"], []),
               role=e["role"])
        for e in conn.execute("SELECT * FROM article_entities WHERE article_id = ? ORDER BY position", (aid,))
    ]
    quotes = []
    for q in conn.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY position", (aid,)):
        cue = Span(q["cue_start"], q["cue_end"], q["cue_text"]) if q["cue_text"] is not None else None
        speaker = (
            Speaker(q["speaker_name"], q["speaker_entity"], q["speaker_role"], q["speaker_start"], q["speaker_end"])
            if q["has_speaker"]
            else None
        )
        quotes.append(Quote(q["text"], q["start"], q["end"], q["kind"], cue, speaker))
    times = [
        TimeExpr(t["text"], t["start"], t["end"], t["type"], t["value"])
        for t in conn.execute("SELECT * FROM times WHERE article_id = ? ORDER BY position", (aid,))
    ]
    quantities = [
        Quantity(q["text"], q["start"], q["end"], q["value"], q["unit"], bool(q["approximate"]))
        for q in conn.execute("SELECT * FROM quantities WHERE article_id = ? ORDER BY position", (aid,))
    ]
    return Article(
        text=row["text"],
        id=aid,
        title=row["title"],
        published=row["published"],
        published_source=row["published_source"],
        outlet=row["outlet"],
        url=row["url"],
        authors=json.loads(row["authors"]),
        source=row["source"],
        editors=json.loads(row["editors"]),
        dateline=row["dateline"],
        origin=row["origin"],
        language=row["language"],
        entities=entities,
        quotes=quotes,
        times=times,
        quantities=quantities,
        event_date=row["event_date"],
        tone=row["tone"],
        annotated_by=json.loads(row["annotated_by"]),
        extra=json.loads(row["extra"]),
    )
