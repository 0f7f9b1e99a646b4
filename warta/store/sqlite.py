"""The SQLite store: articles, their annotations, rejects, duplicates and full-text search.

    >>> from warta.article import Article
    >>> store = Store.open(":memory:")
    >>> store.add(Article("Banjir melanda Jakarta pada Senin pagi.", title="Banjir")).status
    'new'
    >>> [hit.title for hit in store.search("banjir")]
    ['Banjir']

Every write of one article (its row, annotations, FTS entry, dedup link) is one
transaction, so a process killed mid-ingest leaves every article either fully stored or
absent. The database runs in WAL mode so readers (the web UI) never block an ingest.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from os import PathLike
from pathlib import Path
from typing import Any, Literal

from warta.article import INGEST_FIELDS, Article, Reject
from warta.config import Settings, load_settings
from warta.errors import StoreError
from warta.store import queries
from warta.store.dedup import SCHEME, NearDuplicateIndex
from warta.store.migrations import migrate
from warta.store.records import article_values, delete_annotations, insert_annotations, load_article

AddStatus = Literal["new", "unchanged", "updated", "duplicate", "near-duplicate"]

# Ingest fields that decide whether a stored copy is still current ("origin" is where it was
# read from, not what it says, so moving a file does not force re-analysis).
_COMPARED_INGEST_FIELDS = tuple(sorted(INGEST_FIELDS - {"origin"}))


#: How long an open waits for another process's write lock (ms; also SQLite's busy_timeout).
BUSY_TIMEOUT_MS = 10_000


def _connect(where: str) -> sqlite3.Connection:
    """A connection in autocommit mode, WAL, waiting for concurrent writers.

    Switching a new database to WAL needs an exclusive lock, and SQLite returns "database is
    locked" at once, without calling the busy handler, when another connection holds a write
    lock (waiting could deadlock). Two ingests started together on a new file hit this, so the
    set-up is retried until the busy timeout has passed.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        # Autocommit mode: transactions are explicit (see Store._transaction), never implicit.
        conn = sqlite3.connect(where, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")  # wait for a writer instead of failing
            if where != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
                # In WAL mode NORMAL loses nothing committed when the process dies (only on power
                # loss can the last commits go), at a fraction of FULL's fsyncs per article.
                conn.execute("PRAGMA synchronous = NORMAL")
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
        except sqlite3.Error:
            conn.close()
            raise


@dataclass(frozen=True, slots=True)
class AddResult:
    """What :meth:`Store.add` did. ``id`` is the stored article the input ended up as."""

    status: AddStatus
    id: str
    duplicate_of: str | None = None
    similarity: float | None = None  # estimated Jaccard similarity for near-duplicates


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A Warta database. Open with :meth:`Store.open`; use as a context manager to close it."""

    def __init__(self, conn: sqlite3.Connection, path: str, settings: Settings) -> None:
        self.conn = conn
        self.path = path
        self.settings = settings
        self._index: NearDuplicateIndex | None = None

    # -- lifecycle -------------------------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | PathLike[str] | None = None, settings: Settings | None = None, create: bool = True
    ) -> Store:
        """Open (creating and migrating if needed) the database at ``path`` (``":memory:"`` for tests).

        ``path`` defaults to the settings' ``db_path`` (``warta.db`` or ``$WARTA_DB``). With
        ``create=False`` a missing file is an error (reading commands must not make empty DBs).
        """
        settings = settings or load_settings()
        where = str(path if path is not None else settings.db_path)
        if where != ":memory:" and not Path(where).exists():
            if not create:
                raise StoreError(f"no database at {where}: run `warta ingest ... --db {where}` first, or pass --db")
            if not Path(where).parent.is_dir():
                raise StoreError(f"cannot create database {where}: folder {Path(where).parent} does not exist")
        try:
            conn = _connect(where)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {where}: {exc}") from exc
        try:
            migrate(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"cannot use {where} as a Warta database: {exc}") from exc
        except StoreError:
            conn.close()
            raise
        return cls(conn, where, settings)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"database {self.path} is not writable now: {exc}") from exc
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot commit to {self.path}: {exc}") from exc

    # -- near-duplicate index --------------------------------------------------------------
    @property
    def index(self) -> NearDuplicateIndex:
        """The MinHash LSH index of originals, rebuilt from stored signatures on first use."""
        if self._index is None:
            s = self.settings
            index = NearDuplicateIndex(s.dedup_threshold, s.dedup_num_perm, s.dedup_shingle_size)
            params = json.dumps({"num_perm": s.dedup_num_perm, "shingle_size": s.dedup_shingle_size, "scheme": SCHEME})
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'dedup'").fetchone()
            recompute = row is not None and row["value"] != params
            rows = self.conn.execute("SELECT id, text, minhash FROM articles WHERE duplicate_of IS NULL").fetchall()
            fresh: list[tuple[bytes, str]] = []
            for r in rows:
                sig = None if recompute or r["minhash"] is None else index.from_bytes(r["minhash"])
                if sig is None:  # signatures made with other settings: make them again from the text
                    sig = index.signature(r["text"])
                    fresh.append((index.to_bytes(sig), r["id"]))
                index.add(r["id"], sig)
            if fresh or row is None or recompute:
                with self._transaction() as conn:
                    conn.executemany("UPDATE articles SET minhash = ? WHERE id = ?", fresh)
                    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('dedup', ?)", (params,))
            self._index = index
        return self._index

    # -- writes ----------------------------------------------------------------------------
    def _row(self, where: str, value: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(f"SELECT * FROM articles WHERE {where} = ?", (value,)).fetchone()
        return row

    def _sighting(self, conn: sqlite3.Connection, stored_id: str, article: Article) -> None:
        now = _now()
        conn.execute(
            "INSERT INTO sightings(article_id, other_id, origin, first_seen, last_seen) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(article_id, other_id, origin) DO UPDATE SET last_seen = excluded.last_seen",
            (stored_id, article.id, article.origin or "", now, now),
        )

    def _is_other_copy(self, row: sqlite3.Row, article: Article) -> bool:
        """Same text under another id. (The same id read from another place, e.g. a JSONL line
        that moved, is the same item: its first origin is kept and it is ``unchanged``.)"""
        return bool(row["id"] != article.id)

    def current(self, article: Article, versions: dict[str, str]) -> AddResult | None:
        """If ``article`` (fresh from ingest) is already stored with every stage in ``versions``
        at that version, record the sighting and say so; else None (run the pipeline on it).

        This is what makes re-running an ingest fast: nothing already done is analysed again.
        """
        row = self._row("content_hash", article.content_hash)
        if row is None:
            return self._earlier_version(article)
        stored = json.loads(row["annotated_by"])
        if any(stored.get(name) != version for name, version in versions.items()):
            return None
        if self._is_other_copy(row, article):
            with self._transaction() as conn:
                self._sighting(conn, row["id"], article)
            return AddResult("duplicate", row["id"], row["id"])
        stored_article = load_article(self.conn, row)
        if any(getattr(article, f) != getattr(stored_article, f) for f in _COMPARED_INGEST_FIELDS):
            return None  # same text but new metadata (e.g. a date now known): analyse and update
        return AddResult("unchanged", row["id"], row["duplicate_of"])

    def add(self, article: Article) -> AddResult:
        """Store ``article`` with all its annotations in one transaction; see :class:`AddResult`.

        - same text as a stored article under another id: ``duplicate`` (a sighting is
          recorded; the stored article is kept as it is);
        - same id and text, nothing else changed (wherever it was read from): ``unchanged``;
          something changed (annotations, metadata): ``updated`` (annotations replaced as a whole);
        - same id, new text: ``updated`` (its near-duplicate link is worked out again); the
          replaced text is remembered, and seeing it again later is a ``duplicate``, so an
          input holding two versions of one article does not flip-flop on every re-run;
        - another id, but read from the same place (``origin``) as a stored article whose text
          it nearly repeats: ``updated``, keeping the stored id (a revised file);
        - new: ``new``, or ``near-duplicate`` when it resembles a stored original, which it
          is then linked to (``duplicate_of``) and hidden from search and counts by default.
        """
        try:
            return self._add(article)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot store article {article.id!r} ({article.origin or 'no origin'}): {exc}") from exc

    def _add(self, article: Article) -> AddResult:
        index = self.index
        chash = article.content_hash
        # Look up and write under one write lock (BEGIN IMMEDIATE), so two processes ingesting
        # the same text cannot both decide it is new.
        with self._transaction() as conn:
            row = self._row("content_hash", chash)
            if row is not None:
                return self._add_same_text(conn, row, article, chash)
            earlier = self._earlier_version(article)
            if earlier is not None:
                return earlier
            sig = index.signature(article.text)
            old = self._row("id", article.id)
            if old is None and article.origin:
                revised = self._revision_of(conn, article.origin, sig)
                if revised is not None:  # keep the stored id: links to the article stay valid
                    article = replace(article, id=revised["id"])
                    old = revised
            # An original's own copies must not become its original when its text changes.
            exclude = {article.id}
            if old is not None:
                copies = conn.execute("SELECT id FROM articles WHERE duplicate_of = ?", (article.id,))
                exclude |= {r[0] for r in copies}
            match = index.best_match(sig, exclude=exclude)
            dup_of = match.article_id if match else None
            if old is not None:
                self._update(conn, article, chash, index.to_bytes(sig), dup_of)
            else:
                now = _now()
                values = article_values(article)
                cols = ["id", "content_hash", "duplicate_of", "minhash", "first_seen", "updated", *values]
                conn.execute(
                    f"INSERT INTO articles({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    [article.id, chash, dup_of, index.to_bytes(sig), now, now, *values.values()],
                )
                insert_annotations(conn, article)
        # The in-memory index follows the committed state only.
        if dup_of is None:
            index.add(article.id, sig)
        else:
            index.remove(article.id)
        sim = match.similarity if match else None
        if old is not None:
            return AddResult("updated", article.id, dup_of, sim)
        return AddResult("near-duplicate" if dup_of else "new", article.id, dup_of, sim)

    def _add_same_text(self, conn: sqlite3.Connection, row: sqlite3.Row, article: Article, chash: str) -> AddResult:
        """``article``'s text is stored already (in ``row``): a sighting, nothing, or an update."""
        if self._is_other_copy(row, article):
            self._sighting(conn, row["id"], article)
            return AddResult("duplicate", row["id"], row["id"])
        stored = load_article(conn, row)
        if stored == replace(article, origin=stored.origin):
            return AddResult("unchanged", row["id"], row["duplicate_of"])
        self._update(conn, article, chash, None, row["duplicate_of"])
        return AddResult("updated", row["id"], row["duplicate_of"])

    def _revision_of(self, conn: sqlite3.Connection, origin: str, sig: Any) -> sqlite3.Row | None:
        """The article stored from the same ``origin`` whose text this one nearly repeats, if any.

        Ids made from the text (plain-text files) change when the text changes, e.g. after a
        fix in ingest's cleaning; without this check the re-read file would be stored as a
        near-duplicate of its own earlier version.
        """
        for row in conn.execute("SELECT * FROM articles WHERE origin = ?", (origin,)):
            prev = self.index.from_bytes(row["minhash"]) if row["minhash"] else None
            if prev is not None and sig.jaccard(prev) >= self.index.threshold:
                return row  # type: ignore[no-any-return]
        return None

    def _earlier_version(self, article: Article) -> AddResult | None:
        """An earlier text of a stored article, replaced since: a stale copy, not an update.

        Last seen wins once; seeing the older text again (the same input re-run) changes nothing.
        """
        hit = self.conn.execute(
            "SELECT 1 FROM versions WHERE content_hash = ? AND article_id = ?", (article.content_hash, article.id)
        ).fetchone()
        return AddResult("duplicate", article.id, article.id) if hit else None

    def _update(
        self, conn: sqlite3.Connection, article: Article, chash: str, blob: bytes | None, dup_of: str | None
    ) -> None:
        old_hash = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article.id,)).fetchone()[0]
        if old_hash != chash:
            conn.execute(
                "INSERT OR IGNORE INTO versions(content_hash, article_id, replaced) VALUES (?, ?, ?)",
                (old_hash, article.id, _now()),
            )
            conn.execute("DELETE FROM versions WHERE content_hash = ? AND article_id = ?", (chash, article.id))
        values = article_values(article)
        values.update(content_hash=chash, duplicate_of=dup_of, updated=_now())
        if blob is not None:
            values["minhash"] = blob
        sets = ", ".join(f"{col} = ?" for col in values)
        conn.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*values.values(), article.id])
        delete_annotations(conn, article.id)
        insert_annotations(conn, article)

    def add_reject(self, reject: Reject) -> None:
        """Record a rejected item; seeing the same item, line and reason again bumps its count."""
        now = _now()
        try:
            with self._transaction() as conn:
                conn.execute(
                    "INSERT INTO rejects(item, line, stage, code, reason, first_seen, last_seen) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(item, coalesce(line, -1), reason) DO UPDATE SET "
                    "last_seen = excluded.last_seen, count = count + 1, code = excluded.code, stage = excluded.stage",
                    (reject.item, reject.line, reject.stage, reject.code, reject.reason, now, now),
                )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot record reject {reject}: {exc}") from exc

    def clear_rejects(self, origin: str | None) -> int:
        """Forget the rejects of an item that has now been stored (``origin`` is ``path`` or
        ``path:line``), so the rejects table says what is still wrong, not what once was."""
        if not origin:
            return 0
        where = "(line IS NULL AND item = ?) OR (line IS NOT NULL AND item || ':' || line = ?)"
        if self.conn.execute(f"SELECT 1 FROM rejects WHERE {where} LIMIT 1", (origin, origin)).fetchone() is None:
            return 0  # the usual case: no write, no transaction
        with self._transaction() as conn:
            return conn.execute(f"DELETE FROM rejects WHERE {where}", (origin, origin)).rowcount

    # -- reads -----------------------------------------------------------------------------
    def get(self, article_id: str) -> Article:
        """The stored article with all its annotations; StoreError if there is none."""
        row = self._row("id", article_id)
        if row is None:
            raise StoreError(f"no article with id {article_id!r} in {self.path}", article=article_id)
        return load_article(self.conn, row)

    def duplicate_of(self, article_id: str) -> str | None:
        row = self._row("id", article_id)
        return row["duplicate_of"] if row else None

    def iter_articles(
        self,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        include_duplicates: bool = False,
    ) -> Iterator[Article]:
        """Stored articles in published order (unknown dates last)."""
        for row in queries.article_rows(self.conn, outlet, since, until, include_duplicates):
            yield load_article(self.conn, row)

    def search(
        self,
        query: str,
        limit: int = 20,
        offset: int = 0,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        include_duplicates: bool = False,
        marks: tuple[str, str] = ("[", "]"),
    ) -> list[queries.SearchHit]:
        """Full-text search (see :func:`warta.store.queries.search`)."""
        return queries.search(self.conn, query, limit, offset, outlet, since, until, include_duplicates, marks)

    def stats(self) -> dict[str, Any]:
        return queries.stats(self.conn)

    def table_counts(self) -> dict[str, int]:
        """Row count of every table (used by tests and ``warta stats --format json``)."""
        names = [r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )]
        return {n: self.conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}

    def integrity_check(self) -> list[str]:
        """SQLite's integrity check, the FTS index's own check, and that the index holds exactly
        the stored articles; ``["ok"]`` when healthy."""
        result = [r[0] for r in self.conn.execute("PRAGMA integrity_check")]
        try:
            self.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            result.append(f"articles_fts: {exc}")
        # SQLite < 3.44 does not compare an external-content index with its table, so compare
        # the indexed rowids (one docsize row per indexed document) with the articles' rowids.
        drift = self.conn.execute(
            "SELECT (SELECT count(*) FROM (SELECT id FROM articles_fts_docsize EXCEPT SELECT rowid FROM articles)), "
            "(SELECT count(*) FROM (SELECT rowid FROM articles EXCEPT SELECT id FROM articles_fts_docsize))"
        ).fetchone()
        if drift[0] or drift[1]:
            result.append(
                f"articles_fts: {drift[0]} indexed row(s) without an article, {drift[1]} article(s) not indexed"
            )
        return [r for r in result if r != "ok"] or ["ok"]
