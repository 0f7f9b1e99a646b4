"""The streaming clusterer's state, kept in the store so new articles are placed without a replay.

What :class:`~warta.cluster.stream.StreamClusterer` remembers, one table each (step 4 of
:mod:`warta.store.migrations`):

| table | holds |
|---|---|
| ``cluster_state`` | ``meta`` (JSON: "now", id counters, document counts, format checks) |
| ``cluster_df`` | the streaming IDF's document counts, in chunks of 256 hashed buckets |
| ``cluster_articles`` | the articles of the event window: their features and event |
| ``cluster_events``, ``cluster_stories`` | those of the story window: running centroids, times, sizes |
| ``cluster_postings`` | the two inverted indexes (articles, events): each term's keys in order |
| ``cluster_queue`` | the eviction queues: (time, key) in arrival order |

:func:`load_clusterer` gives a clusterer whose dictionaries and queues are read from these
tables **lazily**, only the rows an article's placement touches (its terms' postings, its
≤60 candidates), and written back by :func:`flush` (only the rows that changed). So the cost
of placing an article does not grow with the store or with the window: the clustering code
is unchanged and decides exactly as an in-memory run would
(tests/test_cluster_incremental.py). :func:`dump` writes a whole in-memory clusterer (after
a refresh). Vectors are stored as raw int32/float32 bytes, other values as JSON: nothing is
pickled, since a database may come from someone else and unpickling runs code.
"""

from __future__ import annotations

import json
import sqlite3
import struct
import zlib
from collections import deque
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import fields
from functools import cache
from typing import Any, Generic, TypeVar

import numpy as np

from warta.cluster.features import N_FEATURES, ArticleFeatures, SparseVec
from warta.cluster.stream import EventState, StoryState, StreamClusterer
from warta.errors import StoreError

#: Bump when the layout changes: a state of another version is re-built, not misread.
STATE_VERSION = 1
#: Buckets per stored chunk of the document counts: an article touches ~300 buckets, so an
#: update rewrites ~300 chunks of 1 KB instead of the two 4 MB tables.
DF_CHUNK = 256

K = TypeVar("K")
V = TypeVar("V")


# -- codecs ----------------------------------------------------------------------------------
def pack_vecs(*vecs: SparseVec) -> bytes:
    """Sparse vectors as bytes: their lengths, then each one's indices (int32) and weights (float32)."""
    head = struct.pack(f"<{len(vecs) + 1}i", len(vecs), *(len(v.idx) for v in vecs))
    body = b"".join(v.idx.astype("<i4").tobytes() + v.val.astype("<f4").tobytes() for v in vecs)
    return head + body


def unpack_vecs(data: bytes, offset: int = 0) -> list[SparseVec]:
    (n,) = struct.unpack_from("<i", data, offset)
    lengths = struct.unpack_from(f"<{n}i", data, offset + 4)
    pos, out = offset + 4 * (n + 1), []
    for m in lengths:
        idx = np.frombuffer(data, dtype="<i4", count=m, offset=pos).astype(np.int32)
        val = np.frombuffer(data, dtype="<f4", count=m, offset=pos + 4 * m).astype(np.float32)
        out.append(SparseVec(idx, val))
        pos += 8 * m
    return out


def pack_features(f: ArticleFeatures) -> bytes:
    """An article's features: a JSON header (plain fields, which fields are vectors and sets),
    then the vectors. Read from the values, so a field added to the features is kept too."""
    vecs, sets, plain = [], [], {}
    for field in fields(ArticleFeatures):
        value = getattr(f, field.name)
        if isinstance(value, SparseVec):
            vecs.append(field.name)
        elif isinstance(value, frozenset):
            sets.append(field.name)
            plain[field.name] = sorted(value)
        else:
            plain[field.name] = value
    head = json.dumps({"vecs": vecs, "sets": sets, "values": plain}, ensure_ascii=False,
                      separators=(",", ":")).encode()
    return struct.pack("<i", len(head)) + head + pack_vecs(*(getattr(f, n) for n in vecs))


def unpack_features(data: bytes) -> ArticleFeatures:
    (n,) = struct.unpack_from("<i", data, 0)
    head = json.loads(data[4:4 + n])
    values = head["values"]
    for name in head["sets"]:
        values[name] = frozenset(values[name])
    return ArticleFeatures(**values, **dict(zip(head["vecs"], unpack_vecs(data, 4 + n), strict=True)))


# -- lazy tables -----------------------------------------------------------------------------
class SqlMap(MutableMapping[K, V], Generic[K, V]):
    """A dict over one table: rows are read on first access and written back by :meth:`flush`.

    ``mark(value)`` says what changes when the clusterer updates a value in place (an event's
    size); rows whose mark changed, or that were set, are written; deleted keys are deleted.
    """

    def __init__(self, conn: sqlite3.Connection, select: str, read: Callable[[Any, sqlite3.Row], V],
                 upsert: str, write: Callable[[K, V], tuple[Any, ...]], delete: str,
                 mark: Callable[[V], Any] = lambda v: None, where: tuple[Any, ...] = ()) -> None:
        self.conn, self.select, self.read, self.where = conn, select, read, where
        self.upsert, self.write, self.delete, self.mark = upsert, write, delete, mark
        self.cache: dict[K, V] = {}
        self.marks: dict[K, Any] = {}  # key -> mark when read; absent when set in this run
        self.missing: set[K] = set()
        self.deleted: set[K] = set()

    def __getitem__(self, key: K) -> V:
        if key in self.cache:
            return self.cache[key]
        if key in self.missing or key in self.deleted:
            raise KeyError(key)
        row = self.conn.execute(self.select, (*self.where, key)).fetchone()
        if row is None:
            self.missing.add(key)
            raise KeyError(key)
        value = self.cache[key] = self.read(key, row)
        self.marks[key] = self.mark(value)
        return value

    def __setitem__(self, key: K, value: V) -> None:
        self.cache[key] = value
        self.marks.pop(key, None)
        self.missing.discard(key)
        self.deleted.discard(key)

    def __delitem__(self, key: K) -> None:
        self[key]  # KeyError if absent, like a dict
        del self.cache[key]
        self.marks.pop(key, None)
        self.deleted.add(key)

    def __iter__(self) -> Iterator[K]:
        raise StoreError("the clustering state is read lazily and cannot be listed")

    def __len__(self) -> int:
        raise StoreError("the clustering state is read lazily and cannot be counted")

    def flush(self) -> None:
        changed = [(k, v) for k, v in self.cache.items() if k not in self.marks or self.mark(v) != self.marks[k]]
        self.conn.executemany(self.upsert, [self.write(k, v) for k, v in changed])
        self.conn.executemany(self.delete, [(*self.where, k) for k in self.deleted])
        self.cache.clear()
        self.marks.clear()
        self.missing.clear()
        self.deleted.clear()


class SqlQueue:
    """The clusterer's eviction queue (``append``, ``popleft``, ``[0]``) over ``cluster_queue``."""

    PAGE = 512

    def __init__(self, conn: sqlite3.Connection, kind: str) -> None:
        self.conn, self.kind = conn, kind
        lo, hi = conn.execute("SELECT min(seq), max(seq) FROM cluster_queue WHERE kind = ?", (kind,)).fetchone()
        self.head = lo if lo is not None else 0  # seq of the first item
        self.tail = hi + 1 if hi is not None else 0  # seq the next append gets
        self.stored_end = self.tail  # items before this seq are rows, the rest are in `added`
        self.fetched = self.head  # next row to read into `rows`
        self.rows: deque[tuple[float, str]] = deque()
        self.added: deque[tuple[float, str]] = deque()

    def __bool__(self) -> bool:
        return self.head < self.tail

    def _where(self) -> deque[tuple[float, str]]:
        if self.head >= self.stored_end:
            return self.added
        if not self.rows:
            got = self.conn.execute("SELECT time, key FROM cluster_queue WHERE kind = ? AND seq >= ? AND seq < ? "
                                    "ORDER BY seq LIMIT ?", (self.kind, self.fetched, self.stored_end, self.PAGE))
            self.rows.extend((r[0], r[1]) for r in got)
            self.fetched += len(self.rows)
        return self.rows

    def __getitem__(self, i: int) -> tuple[float, str]:
        if i != 0 or not self:
            raise IndexError(i)
        return self._where()[0]

    def popleft(self) -> tuple[float, str]:
        if not self:
            raise IndexError("pop from an empty queue")
        item = self._where().popleft()
        self.head += 1
        return item

    def append(self, item: tuple[float, str]) -> None:
        self.added.append(item)
        self.tail += 1

    def flush(self) -> None:
        self.conn.execute("DELETE FROM cluster_queue WHERE kind = ? AND seq < ?", (self.kind, self.head))
        first = self.tail - len(self.added)
        self.conn.executemany("INSERT INTO cluster_queue(kind, seq, time, key) VALUES (?, ?, ?, ?)",
                              [(self.kind, first + i, t, k) for i, (t, k) in enumerate(self.added)])
        self.added.clear()
        self.stored_end = self.tail
        self.fetched = max(self.fetched, self.head)


# -- the whole state -------------------------------------------------------------------------
@cache
def _background() -> list[int]:
    """Number of documents and checksum of the bundled background counts (a state is only
    valid over the table it was counted on)."""
    from warta.cluster.background import load_background

    prior = load_background()
    return [prior[1], zlib.crc32(prior[0].tobytes())] if prior is not None else [0, 0]


def _postings(conn: sqlite3.Connection, kind: str) -> SqlMap[int, list[str]]:
    return SqlMap(conn, "SELECT keys FROM cluster_postings WHERE kind = ? AND term = ?",
                  lambda k, r: json.loads(r[0]),
                  "INSERT INTO cluster_postings(kind, term, keys) VALUES (?, ?, ?) "
                  "ON CONFLICT(kind, term) DO UPDATE SET keys = excluded.keys",
                  lambda k, v: (kind, k, json.dumps(v, ensure_ascii=False)),
                  "DELETE FROM cluster_postings WHERE kind = ? AND term = ?", mark=tuple, where=(kind,))


_UPSERT_ARTICLE = ("INSERT INTO cluster_articles(id, event_id, data) VALUES (?, ?, ?) "
                   "ON CONFLICT(id) DO UPDATE SET event_id = excluded.event_id, data = excluded.data")
_UPSERT_EVENT = ("INSERT INTO cluster_events(id, story_id, first, last, size, vectors) VALUES (?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT(id) DO UPDATE SET story_id = excluded.story_id, first = excluded.first, "
                 "last = excluded.last, size = excluded.size, vectors = excluded.vectors")
_UPSERT_STORY = ("INSERT INTO cluster_stories(id, first, last, size, n_events, vectors) VALUES (?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT(id) DO UPDATE SET first = excluded.first, last = excluded.last, size = excluded.size, "
                 "n_events = excluded.n_events, vectors = excluded.vectors")


def _article_row(k: str, v: tuple[ArticleFeatures, str]) -> tuple[Any, ...]:
    return (k, v[1], pack_features(v[0]))


def _event_row(k: str, e: EventState) -> tuple[Any, ...]:
    return (k, e.story, e.first, e.last, e.size, pack_vecs(e.text, e.names))


def _story_row(k: str, s: StoryState) -> tuple[Any, ...]:
    return (k, s.first, s.last, s.size, s.n_events, pack_vecs(s.text, s.names))


def _meta(c: StreamClusterer) -> str:
    feat = c.featurizer
    return json.dumps({
        "version": STATE_VERSION, "n_features": len(feat.terms.df), "background": _background(),
        "features": [f.name for f in fields(ArticleFeatures)], "now": c.now,
        "n_events": c._n_events, "n_stories": c._n_stories, "terms_docs": feat.terms.n_docs,
        "names_docs": feat.names.n_docs, "article_adds": c.article_index._adds, "event_adds": c.event_index._adds,
    })


def _write_meta(conn: sqlite3.Connection, c: StreamClusterer) -> None:
    conn.execute("INSERT INTO cluster_state(name, value) VALUES ('meta', ?) "
                 "ON CONFLICT(name) DO UPDATE SET value = excluded.value", (_meta(c),))


def _write_df(conn: sqlite3.Connection, kind: str, df: np.ndarray, chunks: np.ndarray) -> None:
    conn.executemany("INSERT INTO cluster_df(kind, chunk, counts) VALUES (?, ?, ?) "
                     "ON CONFLICT(kind, chunk) DO UPDATE SET counts = excluded.counts",
                     [(kind, int(i), df[i * DF_CHUNK:(i + 1) * DF_CHUNK].astype("<i4").tobytes()) for i in chunks])


def _read_df(conn: sqlite3.Connection, kind: str) -> np.ndarray:
    df = np.zeros(N_FEATURES, dtype=np.int32)
    rows = conn.execute("SELECT chunk, counts FROM cluster_df WHERE kind = ?", (kind,)).fetchall()
    if rows:  # one numpy call for all chunks: a call per chunk cost ~30 ms per update
        chunks = np.array([r[0] for r in rows], dtype=np.int64)
        counts = np.frombuffer(b"".join(r[1] for r in rows), dtype="<i4")
        df.reshape(-1, DF_CHUNK)[chunks] = counts.reshape(-1, DF_CHUNK)
    return df


class SavedClusterer:
    """A clusterer continuing from the store's state; :meth:`flush` writes back what changed."""

    def __init__(self, conn: sqlite3.Connection, meta: dict[str, Any]) -> None:
        self.conn = conn
        c = self.clusterer = StreamClusterer()
        feat = c.featurizer
        feat.terms.df, feat.names.df = _read_df(conn, "terms"), _read_df(conn, "names")
        feat.terms.n_docs, feat.names.n_docs = int(meta["terms_docs"]), int(meta["names_docs"])
        self._df0 = (feat.terms.df.copy(), feat.names.df.copy())
        c.now, c._n_events, c._n_stories = meta["now"], int(meta["n_events"]), int(meta["n_stories"])
        self.maps: list[SqlMap[Any, Any]] = [
            SqlMap(conn, "SELECT data, event_id FROM cluster_articles WHERE id = ?",
                   lambda k, r: (unpack_features(r[0]), r[1]), _UPSERT_ARTICLE, _article_row,
                   "DELETE FROM cluster_articles WHERE id = ?"),
            SqlMap(conn, "SELECT story_id, first, last, size, vectors FROM cluster_events WHERE id = ?",
                   lambda k, r: EventState(k, r[0], r[1], r[2], r[3], *unpack_vecs(r[4])), _UPSERT_EVENT,
                   _event_row, "DELETE FROM cluster_events WHERE id = ?", mark=lambda e: e.size),
            SqlMap(conn, "SELECT first, last, size, n_events, vectors FROM cluster_stories WHERE id = ?",
                   lambda k, r: StoryState(k, r[0], r[1], r[2], r[3], *unpack_vecs(r[4])), _UPSERT_STORY,
                   _story_row, "DELETE FROM cluster_stories WHERE id = ?", mark=lambda s: (s.size, s.n_events)),
            _postings(conn, "articles"), _postings(conn, "events"),
        ]
        c.articles, c.events, c.stories, c.article_index.postings, c.event_index.postings = self.maps  # type: ignore[assignment]
        c.article_index._adds, c.event_index._adds = int(meta["article_adds"]), int(meta["event_adds"])
        # A sweep walks every posting list to drop dead terms: an in-memory saving that never
        # changes a decision (queries skip expired keys anyway). Over tables it would read them
        # all, so it is off; a dead term's row stays until the term is queried again.
        c.article_index.SWEEP_EVERY = c.event_index.SWEEP_EVERY = 1 << 62  # type: ignore[misc]
        self.queues = [SqlQueue(conn, "recent"), SqlQueue(conn, "touched")]
        c._recent, c._touched = self.queues  # type: ignore[assignment]

    def flush(self) -> None:
        """Write back what changed since loading (or the last flush), and empty the caches."""
        c = self.clusterer
        for kind, df, df0 in (("terms", c.featurizer.terms.df, self._df0[0]), ("names", c.featurizer.names.df,
                                                                                self._df0[1])):
            chunks = np.unique(np.flatnonzero(df != df0) // DF_CHUNK)
            _write_df(self.conn, kind, df, chunks)
            df0[:] = df
        for m in self.maps:
            m.flush()
        for q in self.queues:
            q.flush()
        _write_meta(self.conn, c)


def load_clusterer(conn: sqlite3.Connection) -> SavedClusterer | None:
    """The store's clusterer, or None when none is saved; StoreError when its state cannot be used."""
    row = conn.execute("SELECT value FROM cluster_state WHERE name = 'meta'").fetchone()
    if row is None:
        return None
    try:
        meta = json.loads(row[0])
    except (ValueError, TypeError) as exc:
        raise StoreError(f"clustering state is damaged: {exc}") from exc
    if not isinstance(meta, dict) or meta.get("version") != STATE_VERSION:
        raise StoreError("clustering state has another format version")
    if meta.get("n_features") != N_FEATURES or meta.get("background") != _background():
        raise StoreError("clustering state was made with another hashing space or background IDF table")
    if meta.get("features") != [f.name for f in fields(ArticleFeatures)]:
        raise StoreError("clustering state was made with other article features")
    return SavedClusterer(conn, meta)


def dump(conn: sqlite3.Connection, c: StreamClusterer) -> None:
    """Replace the stored state by an in-memory clusterer's (after a full re-clustering)."""
    for table in ("cluster_state", "cluster_df", "cluster_articles", "cluster_events", "cluster_stories",
                  "cluster_postings", "cluster_queue"):
        conn.execute(f"DELETE FROM {table}")
    for kind, df in (("terms", c.featurizer.terms.df), ("names", c.featurizer.names.df)):
        _write_df(conn, kind, df, np.unique(np.flatnonzero(df) // DF_CHUNK))
    conn.executemany(_UPSERT_ARTICLE, [_article_row(k, v) for k, v in c.articles.items()])
    conn.executemany(_UPSERT_EVENT, [_event_row(k, v) for k, v in c.events.items()])
    conn.executemany(_UPSERT_STORY, [_story_row(k, v) for k, v in c.stories.items()])
    for kind, index in (("articles", c.article_index), ("events", c.event_index)):
        conn.executemany("INSERT INTO cluster_postings(kind, term, keys) VALUES (?, ?, ?)",
                         [(kind, t, json.dumps(v, ensure_ascii=False)) for t, v in index.postings.items()])
    for kind, queue in (("recent", c._recent), ("touched", c._touched)):
        conn.executemany("INSERT INTO cluster_queue(kind, seq, time, key) VALUES (?, ?, ?, ?)",
                         [(kind, i, t, k) for i, (t, k) in enumerate(queue)])
    _write_meta(conn, c)
