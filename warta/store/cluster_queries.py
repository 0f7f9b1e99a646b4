"""Events and stories in the store: placing stored articles into them, and the read queries
behind ``warta events``, ``warta stories`` and ``warta timeline``.

- :func:`update_clusters` places only the stored originals not placed yet (the
  ``cluster_pending`` queue), in publication order, continuing from the clusterer's saved
  state (:mod:`warta.store.cluster_state`), and rewrites only the rows of the events and
  stories they touched. It runs after every ``warta ingest`` (setting
  ``cluster.place_on_ingest``) and before ``warta events`` lists them.
- :func:`refresh_clusters` replays every stored original (duplicates left out) through a new
  clusterer and rewrites ``events``, ``stories``, ``article_events`` and the state. Event and
  story ids are those of the run, so a refresh may renumber them.

Both write each event and story the same way: a generated title, the date range of all its
articles, an extractive summary, and its main entities (``event_entities``,
``story_entities``). Fed the same articles in publication order, an update after every
article and one refresh give the same events and stories (tests/test_cluster_incremental.py).
"""

from __future__ import annotations

import logging
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from warta.article import Article
from warta.cluster import StreamClusterer, stream_order
from warta.cluster.features import article_time, parse_time
from warta.cluster.summaries import main_names, summarise, title_for
from warta.errors import StoreError
from warta.store.cluster_entities import with_entities, write_entities
from warta.store.cluster_state import dump, load_clusterer
from warta.store.sqlite import Store

log = logging.getLogger(__name__)

#: Sentences in a stored event / story summary.
EVENT_SUMMARY_SENTENCES = 3
STORY_SUMMARY_SENTENCES = 5
#: Quotes and numbers shown per event in a timeline.
TIMELINE_QUOTES = 2
TIMELINE_NUMBERS = 3
#: Articles placed per transaction by an update. Placing one takes ~20 ms plus ~50 ms of
#: re-summarising per touched event and story (benchmarks/bench_cluster_store.py), so 100
#: hold the write lock for a few seconds, below the 10 s a concurrent writer waits.
UPDATE_CHUNK = 100
#: Titles and summaries are made from at most this many of a cluster's articles (its latest).
#: LexRank is quadratic in sentences: a year-long story of 500 articles (~10k sentences)
#: would need a 10k x 10k similarity matrix, and an update touching it would cost seconds.
#: 30 articles (~600 sentences) keep a summary under ~0.1 s; events rarely reach it.
SUMMARY_ARTICLES = 30


class _Ref(NamedTuple):
    """What ordering and date ranges need of an article (read without loading its text)."""

    id: str
    published: str | None
    event_date: str | None


def _ref(a: Article) -> _Ref:
    return _Ref(a.id, a.published, a.event_date)


def _order_key(r: _Ref) -> tuple[bool, str, str]:
    when = r.published if r.published is not None else r.event_date
    return (when is None, when or "", r.id)


def _day(r: _Ref) -> str | None:
    """The date an article reports on: the Time reader's event date, else its publication date."""
    value = r.event_date or r.published
    return value[:10] if value else None


def _values(refs: Iterable[_Ref], load: Callable[[list[str]], list[Article]], sentences: int,
            names: int = 0) -> tuple[str, str | None, str | None, str]:
    """(title, start date, end date, summary) of a cluster: dates over all its articles, title
    and summary from its latest ``SUMMARY_ARTICLES`` (``names`` main names appended to the title)."""
    ordered = sorted(refs, key=_order_key)
    days = sorted(d for d in map(_day, ordered) if d)
    arts = load([r.id for r in ordered[-SUMMARY_ARTICLES:]])
    title = title_for(arts)
    if names and (top := main_names(arts, names)):
        title = f"{title} [{', '.join(top)}]"
    return (title, days[0] if days else None, days[-1] if days else None,
            " ".join(summarise(arts, sentences)))


_EVENT_IDS = "SELECT article_id FROM article_events WHERE event_id = ?"
_STORY_IDS = ("SELECT ae.article_id FROM article_events ae JOIN events e ON e.id = ae.event_id "
              "WHERE e.story_id = ?")
_UPSERT_EVENT = ("INSERT INTO events(id, title, start_date, end_date, story_id, summary) VALUES (?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT(id) DO UPDATE SET title = excluded.title, start_date = excluded.start_date, "
                 "end_date = excluded.end_date, story_id = excluded.story_id, summary = excluded.summary")
# Never INSERT OR REPLACE: its delete would cascade to the story's entities and unlink its events.
_UPSERT_STORY = ("INSERT INTO stories(id, title, start_date, end_date, summary) VALUES (?, ?, ?, ?, ?) "
                 "ON CONFLICT(id) DO UPDATE SET title = excluded.title, start_date = excluded.start_date, "
                 "end_date = excluded.end_date, summary = excluded.summary")


def refresh_clusters(store: Store) -> dict[str, int]:
    """Cluster all stored originals from scratch and rewrite the events/stories tables; returns counts.

    The clustering and the summaries are computed before the write lock is taken, so an
    ingest running meanwhile is not blocked; what it stores in the meantime stays queued
    for the next update.
    """
    articles = list(store.iter_articles())
    by_id = {a.id: a for a in articles}
    clusterer = StreamClusterer()
    event_articles: dict[str, list[Article]] = defaultdict(list)
    story_events: dict[str, list[str]] = defaultdict(list)
    for a in clusterer.run(stream_order(articles)):
        event_articles[a.event].append(by_id[a.article_id])
        if a.event not in story_events[a.story]:
            story_events[a.story].append(a.event)

    def load(ids: list[str]) -> list[Article]:
        return [by_id[i] for i in ids]

    story_rows = [(sid, *_values((_ref(x) for e in eids for x in event_articles[e]), load,
                                 STORY_SUMMARY_SENTENCES, names=3)) for sid, eids in story_events.items()]
    event_rows = [(eid, *_values(map(_ref, event_articles[eid]), load, EVENT_SUMMARY_SENTENCES))
                  for eids in story_events.values() for eid in eids]
    story_of = {eid: sid for sid, eids in story_events.items() for eid in eids}
    try:
        with store._transaction() as conn:
            conn.execute("DELETE FROM article_events")
            conn.execute("DELETE FROM events")
            conn.execute("DELETE FROM stories")
            conn.executemany(_UPSERT_STORY, story_rows)
            conn.executemany(_UPSERT_EVENT, [(eid, t, s, e, story_of[eid], summ) for eid, t, s, e, summ in event_rows])
            conn.executemany("INSERT INTO article_events(article_id, event_id) VALUES (?, ?)",
                             [(x.id, eid) for eid, arts in event_articles.items() for x in arts])
            for eid in event_articles:
                write_entities(conn, "event", eid, _EVENT_IDS)
            for sid in story_events:
                write_entities(conn, "story", sid, _STORY_IDS)
            # Whatever was stored while this ran (or was never placed) waits for the next update.
            conn.execute("DELETE FROM cluster_pending")
            conn.execute("INSERT INTO cluster_pending(article_id, reason) SELECT id, 'unplaced' FROM articles a WHERE "
                         "a.duplicate_of IS NULL AND NOT EXISTS "
                         "(SELECT 1 FROM article_events ae WHERE ae.article_id = a.id)")
            dump(conn, clusterer)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot write events and stories to {store.path}: {exc}") from exc
    return {"articles": len(articles), "events": len(event_articles), "stories": len(story_events)}


class _Rebuild(Exception):
    """The saved state cannot continue this store's clustering: re-cluster from scratch."""


def update_clusters(store: Store) -> dict[str, int]:
    """Place the stored originals that are in no event yet, continuing from the saved state.

    Returns counts: ``articles`` placed, ``events`` and ``stories`` whose rows were written,
    ``new_events``, ``late`` (placed although older than the clusterer's event window) and
    ``refreshed`` (1 when everything was clustered from scratch instead: a store without a
    saved state yet, one clustered before states were saved, or a state from another version).

    Articles are placed in publication order, ``UPDATE_CHUNK`` per transaction: a crash
    loses no committed chunk and leaves the rest queued, re-running places nothing twice
    (placed articles leave the ``cluster_pending`` queue), and a concurrent ingest waits for
    one chunk at most, never for a whole backlog.

    Late arrivals: an article published before the clusterer's "now" is placed against what
    the clusterer still remembers, the articles of the last ``event_window`` days and every
    event of the last ``story_window`` days. One at most ``event_window`` days older than
    "now" meets nearly all its candidates; an older one can join its happening's story (event
    centroids are kept for the story window) but rarely its event, whose articles are
    forgotten; ``warta events --refresh`` places everything again in publication order.
    """
    totals = {"articles": 0, "events": 0, "stories": 0, "new_events": 0, "late": 0, "refreshed": 0}
    conn = store.conn
    if conn.execute("SELECT 1 FROM cluster_pending LIMIT 1").fetchone() is None:
        return totals  # nothing to do: no write lock, no state loaded
    try:
        if conn.execute("SELECT 1 FROM cluster_state WHERE name = 'meta'").fetchone() is None:
            # A new store: clustering everything at once (outside the write lock) is the same
            # as placing it from an empty state. A store with events but no state needs it too.
            if conn.execute("SELECT 1 FROM article_events LIMIT 1").fetchone():
                raise _Rebuild("the store's events were made before the clustering state was saved")
            return {**totals, **refresh_clusters(store), "refreshed": 1}
        order = _pending_order(conn)
        for i in range(0, len(order), UPDATE_CHUNK):
            with store._transaction() as tx:
                counts = _update(store, tx, order[i:i + UPDATE_CHUNK])
            totals = {k: totals[k] + counts.get(k, 0) for k in totals}
    except _Rebuild as why:
        log.warning("re-clustering every stored article: %s", why)
        return {**totals, **refresh_clusters(store), "refreshed": 1}
    except sqlite3.Error as exc:
        raise StoreError(f"cannot place new articles into events in {store.path}: {exc}") from exc
    if totals["late"]:
        log.warning("%d article(s) placed after their neighbours were forgotten; "
                    "`warta events --refresh` re-clusters everything in publication order", totals["late"])
    return totals


def _pending_order(conn: sqlite3.Connection) -> list[str]:
    """Queued originals in the order a refresh would place them (its input order, then time)."""
    rows = conn.execute(
        "SELECT a.id, a.published, a.event_date FROM cluster_pending p JOIN articles a ON a.id = p.article_id "
        "WHERE a.duplicate_of IS NULL ORDER BY a.published IS NULL, a.published, a.id").fetchall()
    keyed = [(parse_time(r[1]) or parse_time(r[2]), i, r[0]) for i, r in enumerate(rows)]
    return [k[2] for k in sorted(keyed, key=lambda k: (k[0] is None, k[0] or 0.0, k[1]))]


def _update(store: Store, conn: sqlite3.Connection, chunk: list[str]) -> dict[str, int]:
    """Place ``chunk`` (those of it still queued and unplaced) inside the caller's transaction."""
    marks = ", ".join("?" * len(chunk))
    queued = {r[0] for r in conn.execute(
        f"SELECT p.article_id FROM cluster_pending p WHERE p.article_id IN ({marks}) AND NOT EXISTS "
        "(SELECT 1 FROM article_events ae WHERE ae.article_id = p.article_id)", chunk)}
    conn.execute(f"DELETE FROM cluster_pending WHERE article_id IN ({marks})", chunk)  # placed below, or before
    ids = [i for i in chunk if i in queued]  # another process may have placed some meanwhile
    if not ids:
        return {}
    try:
        saved = load_clusterer(conn)
    except StoreError as exc:
        raise _Rebuild(exc.message) from exc
    if saved is None:
        raise _Rebuild("the clustering state went missing")
    clusterer = saved.clusterer
    placed: list[tuple[str, str]] = []
    events: dict[str, str] = {}  # touched event -> its story
    late, first_new = 0, clusterer._n_events
    for art in map(store.get, ids):
        t = article_time(art)
        if t is not None and clusterer.now is not None and t < clusterer.now - clusterer.event_window:
            late += 1
        a = clusterer.add(art)
        placed.append((a.article_id, a.event))
        events[a.event] = a.story
    stories = dict.fromkeys(events.values())
    # Foreign keys: a link needs its event row, an event row its story row; their values need the links.
    conn.executemany("INSERT OR IGNORE INTO stories(id) VALUES (?)", [(s,) for s in stories])
    conn.executemany("INSERT OR IGNORE INTO events(id, story_id) VALUES (?, ?)", list(events.items()))
    conn.executemany("INSERT INTO article_events(article_id, event_id) VALUES (?, ?)", placed)

    def load(arts: list[str]) -> list[Article]:
        return [store.get(i) for i in arts]

    def refs(sql: str, key: str) -> list[_Ref]:
        return [_Ref(*r) for r in conn.execute(
            f"SELECT a.id, a.published, a.event_date FROM articles a WHERE a.id IN ({sql})", (key,))]

    for eid, sid in events.items():
        title, start, end, summary = _values(refs(_EVENT_IDS, eid), load, EVENT_SUMMARY_SENTENCES)
        conn.execute(_UPSERT_EVENT, (eid, title, start, end, sid, summary))
        write_entities(conn, "event", eid, _EVENT_IDS)
    for sid in stories:
        conn.execute(_UPSERT_STORY, (sid, *_values(refs(_STORY_IDS, sid), load, STORY_SUMMARY_SENTENCES, names=3)))
        write_entities(conn, "story", sid, _STORY_IDS)
    saved.flush()
    return {"articles": len(placed), "events": len(events), "stories": len(stories),
            "new_events": clusterer._n_events - first_new, "late": late, "refreshed": 0}


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql, params).fetchall()]


def list_events(store: Store, story: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Events, latest first, with their article count and main entities (optionally of one story)."""
    where, params = (" WHERE e.story_id = ?", (story,)) if story else ("", ())
    return with_entities(store.conn, "event", _rows(
        store.conn, "SELECT e.id, e.title, e.start_date, e.end_date, e.story_id, e.summary, "
        "(SELECT count(*) FROM article_events ae WHERE ae.event_id = e.id) AS articles "
        f"FROM events e{where} ORDER BY e.end_date DESC, e.id LIMIT ?", (*params, limit)))


def list_stories(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    """Stories, latest first, with their event and article counts and main entities."""
    return with_entities(store.conn, "story", _rows(
        store.conn, "SELECT s.id, s.title, s.start_date, s.end_date, s.summary, "
        "(SELECT count(*) FROM events e WHERE e.story_id = s.id) AS events, "
        "(SELECT count(*) FROM article_events ae JOIN events e ON e.id = ae.event_id "
        "WHERE e.story_id = s.id) AS articles FROM stories s ORDER BY s.end_date DESC, s.id LIMIT ?", (limit,)))


def story_timeline(store: Store, story_id: str) -> dict[str, Any]:
    """A story's events in the order they happened, each with key quotes, numbers and outlets."""
    story = _rows(store.conn, "SELECT * FROM stories WHERE id = ?", (story_id,))
    if not story:
        raise StoreError(f"no story {story_id!r} in {store.path}: list them with `warta stories`", story=story_id)
    items = []
    with_entities(store.conn, "story", story)
    for ev in with_entities(store.conn, "event", _rows(
            store.conn, "SELECT * FROM events WHERE story_id = ? ORDER BY start_date IS NULL, start_date, id",
            (story_id,))):
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
