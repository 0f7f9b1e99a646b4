"""Events and stories in the store: (re)clustering the stored articles, and the read queries
behind ``warta events``, ``warta stories`` and ``warta timeline``.

:func:`refresh_clusters` replays every stored original (duplicates left out) through the
streaming clusterer in publication order and rewrites ``events``, ``stories`` and
``article_events`` with generated titles, date ranges and extractive summaries. Event and
story ids are those of the run, so a refresh may renumber them.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from warta.article import Article
from warta.cluster import cluster_articles
from warta.cluster.summaries import main_names, summarise, title_for
from warta.errors import StoreError
from warta.store.sqlite import Store

#: Sentences in a stored event / story summary.
EVENT_SUMMARY_SENTENCES = 3
STORY_SUMMARY_SENTENCES = 5
#: Quotes and numbers shown per event in a timeline.
TIMELINE_QUOTES = 2
TIMELINE_NUMBERS = 3


def _day(article: Article) -> str | None:
    """The date an article reports on: the Time reader's event date, else its publication date."""
    value = article.event_date or article.published
    return value[:10] if value else None


def _span(articles: list[Article]) -> tuple[str | None, str | None]:
    days = sorted(d for d in map(_day, articles) if d)
    return (days[0], days[-1]) if days else (None, None)


def refresh_clusters(store: Store) -> dict[str, int]:
    """Cluster all stored originals and rewrite the events/stories tables; returns counts."""
    articles = list(store.iter_articles())
    by_id = {a.id: a for a in articles}
    event_articles: dict[str, list[Article]] = defaultdict(list)
    story_events: dict[str, list[str]] = defaultdict(list)
    for a in cluster_articles(articles):
        event_articles[a.event].append(by_id[a.article_id])
        if a.event not in story_events[a.story]:
            story_events[a.story].append(a.event)
    try:
        with store._transaction() as conn:
            conn.execute("DELETE FROM article_events")
            conn.execute("DELETE FROM events")
            conn.execute("DELETE FROM stories")
            for sid, eids in story_events.items():
                arts = [x for e in eids for x in event_articles[e]]
                start, end = _span(arts)
                title = title_for(arts)
                names = main_names(arts, 3)
                if names:
                    title = f"{title} [{', '.join(names)}]"
                conn.execute("INSERT INTO stories(id, title, start_date, end_date, summary) VALUES (?, ?, ?, ?, ?)",
                             (sid, title, start, end, " ".join(summarise(arts, STORY_SUMMARY_SENTENCES))))
                for eid in eids:
                    ev = event_articles[eid]
                    start, end = _span(ev)
                    conn.execute(
                        "INSERT INTO events(id, title, start_date, end_date, story_id, summary) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        (eid, title_for(ev), start, end, sid, " ".join(summarise(ev, EVENT_SUMMARY_SENTENCES))))
                    conn.executemany("INSERT INTO article_events(article_id, event_id) VALUES (?, ?)",
                                     [(x.id, eid) for x in ev])
    except sqlite3.Error as exc:
        raise StoreError(f"cannot write events and stories to {store.path}: {exc}") from exc
    return {"articles": len(articles), "events": len(event_articles), "stories": len(story_events)}


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql, params).fetchall()]


def list_events(store: Store, story: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Events, latest first, with their article count (optionally of one story)."""
    where, params = (" WHERE e.story_id = ?", (story,)) if story else ("", ())
    return _rows(store.conn, "SELECT e.id, e.title, e.start_date, e.end_date, e.story_id, e.summary, "
                 "(SELECT count(*) FROM article_events ae WHERE ae.event_id = e.id) AS articles "
                 f"FROM events e{where} ORDER BY e.end_date DESC, e.id LIMIT ?", (*params, limit))


def list_stories(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    """Stories, latest first, with their event and article counts."""
    return _rows(store.conn, "SELECT s.id, s.title, s.start_date, s.end_date, s.summary, "
                 "(SELECT count(*) FROM events e WHERE e.story_id = s.id) AS events, "
                 "(SELECT count(*) FROM article_events ae JOIN events e ON e.id = ae.event_id "
                 "WHERE e.story_id = s.id) AS articles FROM stories s ORDER BY s.end_date DESC, s.id LIMIT ?",
                 (limit,))


def story_timeline(store: Store, story_id: str) -> dict[str, Any]:
    """A story's events in the order they happened, each with key quotes, numbers and outlets."""
    story = _rows(store.conn, "SELECT * FROM stories WHERE id = ?", (story_id,))
    if not story:
        raise StoreError(f"no story {story_id!r} in {store.path}: list them with `warta stories`", story=story_id)
    items = []
    for ev in _rows(store.conn, "SELECT * FROM events WHERE story_id = ? ORDER BY start_date IS NULL, start_date, id",
                    (story_id,)):
        ids = [r["article_id"] for r in _rows(store.conn, "SELECT article_id FROM article_events WHERE event_id = ?",
                                               (ev["id"],))]
        arts = [store.get(i) for i in ids]
        quotes = sorted((q for a in arts for q in a.quotes if q.speaker), key=lambda q: -len(q.text))
        numbers = [q.text for a in arts for q in a.quantities]
        items.append({
            **ev,
            "articles": ids,
            "outlets": sorted({a.outlet for a in arts if a.outlet}),
            "quotes": [{"text": q.text, "speaker": q.speaker.name if q.speaker else None}
                       for q in quotes[:TIMELINE_QUOTES]],
            "numbers": list(dict.fromkeys(numbers))[:TIMELINE_NUMBERS],
        })
    return {"story": story[0], "events": items}


def event_outlets(store: Store, event_id: str) -> dict[str, Any]:
    """Outlet comparison for one stored event (see :func:`warta.cluster.outlets.compare_outlets`)."""
    from dataclasses import asdict

    from warta.cluster.outlets import compare_outlets

    event = _rows(store.conn, "SELECT * FROM events WHERE id = ?", (event_id,))
    if not event:
        raise StoreError(f"no event {event_id!r} in {store.path}: list them with `warta events`", event=event_id)
    ids = [r["article_id"] for r in _rows(store.conn, "SELECT article_id FROM article_events WHERE event_id = ?",
                                           (event_id,))]
    return {"event": event[0], "outlets": [asdict(c) for c in compare_outlets([store.get(i) for i in ids])]}
