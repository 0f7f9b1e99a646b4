"""The store's schema, as numbered migration steps applied in order.

``PRAGMA user_version`` holds the number of the last step applied to a database. Opening a
database applies every later step, each in its own transaction, so an old ``warta.db`` is
upgraded in place and a half-applied step never exists. To change the schema, APPEND a step;
never edit one that has shipped (databases in the wild have already run it).

Design notes (why the tables look like this):

- ``articles.content_hash`` is UNIQUE: the same normalised text is stored once. Another
  copy of it (another file, URL or id) is recorded in ``sightings``, not as a second article.
- A near-duplicate (syndicated copy with a changed dateline, outlet or a few words) IS
  stored, with ``duplicate_of`` pointing at the original; search and the article counts
  leave it out by default, so a story carried by five outlets counts once.
- ``articles_fts`` is an external-content FTS5 index over title and text kept in sync by
  triggers; updates go through ``UPDATE`` (never ``INSERT OR REPLACE``, whose implicit
  delete would not fire the delete trigger) so the index cannot drift from the table.
- Annotation rows (``article_entities``, ``mentions``, ``quotes``, ``times``,
  ``quantities``) are owned by one article and replaced as a whole when it is re-analysed;
  ``position`` keeps their order so an article loads back exactly as it was stored.
- ``versions`` (step 2) remembers the earlier texts of an article updated under the same
  id, so meeting an old version again does not overwrite the newer one.
- ``events``, ``stories`` and ``article_events`` are written by the clustering step; they
  survive an article's re-analysis (only deleting the article removes its links).
- ``cluster_state`` and ``cluster_pending`` (step 4) let the clustering step continue where it
  stopped: the clusterer's saved state, and the originals it has not placed yet.
"""

from __future__ import annotations

import sqlite3

from warta.errors import StoreError

_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE articles (
    id               TEXT PRIMARY KEY,
    content_hash     TEXT NOT NULL UNIQUE,
    title            TEXT,
    text             TEXT NOT NULL,
    published        TEXT,
    published_source TEXT,
    outlet           TEXT,
    url              TEXT,
    authors          TEXT NOT NULL DEFAULT '[]',   -- JSON list
    source           TEXT,
    editors          TEXT NOT NULL DEFAULT '[]',   -- JSON list
    dateline         TEXT,
    origin           TEXT,
    language         TEXT,
    event_date       TEXT,
    tone             REAL,
    annotated_by     TEXT NOT NULL DEFAULT '{}',   -- JSON {stage: version}
    extra            TEXT NOT NULL DEFAULT '{}',   -- JSON
    duplicate_of     TEXT REFERENCES articles(id) ON DELETE SET NULL,
    minhash          BLOB,                         -- datasketch MinHash hash values (uint64)
    first_seen       TEXT NOT NULL,
    updated          TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

-- Another copy of an already-stored text (same content hash, other id or origin).
CREATE TABLE sightings (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    other_id   TEXT NOT NULL,
    origin     TEXT NOT NULL DEFAULT '',
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    count      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (article_id, other_id, origin)
);

CREATE TABLE rejects (
    id         INTEGER PRIMARY KEY,
    item       TEXT NOT NULL,
    line       INTEGER,
    stage      TEXT,
    code       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    count      INTEGER NOT NULL DEFAULT 1
);
-- NULL lines must collide too (a whole-file reject seen twice is one row), hence coalesce.
CREATE UNIQUE INDEX rejects_unique ON rejects(item, coalesce(line, -1), reason);

-- Cross-article canonical entities ("GPE:CN"); name/type are the latest seen.
CREATE TABLE entities (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL
);

CREATE TABLE article_entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL REFERENCES entities(id),
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    role       TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_entities_entity ON article_entities(entity_id);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL REFERENCES entities(id),
    entity_pos INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    role       TEXT,
    PRIMARY KEY (article_id, entity_pos, position)
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE quotes (
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    cue_start      INTEGER,
    cue_end        INTEGER,
    cue_text       TEXT,
    has_speaker    INTEGER NOT NULL DEFAULT 0,
    speaker_name   TEXT,
    speaker_entity TEXT,
    speaker_role   TEXT,
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity);

CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,
    value      TEXT,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE quantities (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       REAL,
    unit        TEXT,
    approximate INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE stories (
    id         TEXT PRIMARY KEY,
    title      TEXT,
    start_date TEXT,
    end_date   TEXT,
    summary    TEXT
);

CREATE TABLE events (
    id         TEXT PRIMARY KEY,
    title      TEXT,
    start_date TEXT,
    end_date   TEXT,
    story_id   TEXT REFERENCES stories(id) ON DELETE SET NULL,
    summary    TEXT
);

CREATE TABLE article_events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, event_id)
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content='articles', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
END;
"""

# 2: earlier texts of an article whose text was replaced under the same id. Real inputs hold
# two versions of one article (IndoSum repeats 13 ids with a truncated and a full body);
# without this, every re-run would flip the stored text back and forth between them.
_V2 = """
CREATE TABLE versions (
    content_hash TEXT NOT NULL,
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    replaced     TEXT NOT NULL,
    PRIMARY KEY (content_hash, article_id)
);
"""

# 3: find the article last read from a path quickly (a re-read file whose text changed a
# little is a revision of that article, see Store.add).
_V3 = """
CREATE INDEX articles_origin ON articles(origin);
"""

# 4: incremental clustering (warta/store/cluster_queries.py). The ``cluster_*`` state tables
# hold what the streaming clusterer remembers, row by row, so an update reads and writes only
# the rows one article touches (warta/store/cluster_state.py; JSON and raw numeric bytes,
# never a pickle: a .db file may come from someone else). ``cluster_pending`` queues the
# originals not placed yet, filled by triggers, so an update finds its work without scanning
# the store. ``event_entities`` / ``story_entities`` hold each event's and story's main entities.
_V4 = """
CREATE TABLE cluster_state (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE cluster_df (
    kind   TEXT NOT NULL,      -- 'terms' or 'names'
    chunk  INTEGER NOT NULL,   -- buckets chunk*256 .. chunk*256+255
    counts BLOB NOT NULL,      -- 256 little-endian int32
    PRIMARY KEY (kind, chunk)
);
CREATE TABLE cluster_articles (
    id       TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    data     BLOB NOT NULL     -- JSON header + int32/float32 vectors
);
CREATE TABLE cluster_events (
    id       TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    first    REAL,
    last     REAL,
    size     INTEGER NOT NULL,
    vectors  BLOB NOT NULL
);
CREATE TABLE cluster_stories (
    id       TEXT PRIMARY KEY,
    first    REAL,
    last     REAL,
    size     INTEGER NOT NULL,
    n_events INTEGER NOT NULL,
    vectors  BLOB NOT NULL
);
CREATE TABLE cluster_postings (
    kind TEXT NOT NULL,        -- 'articles' or 'events'
    term INTEGER NOT NULL,
    keys TEXT NOT NULL,        -- JSON list, oldest first
    PRIMARY KEY (kind, term)
);
CREATE TABLE cluster_queue (
    kind TEXT NOT NULL,        -- 'recent' (articles) or 'touched' (events)
    seq  INTEGER NOT NULL,
    time REAL NOT NULL,
    key  TEXT NOT NULL,
    PRIMARY KEY (kind, seq)
);

-- reason: 'stored' (a new original), 'original' (a copy whose original went away),
-- 'unplaced' (an original no event held when this step or a refresh ran).
CREATE TABLE cluster_pending (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    reason     TEXT NOT NULL
);
INSERT INTO cluster_pending(article_id, reason)
    SELECT id, 'unplaced' FROM articles a WHERE a.duplicate_of IS NULL
    AND NOT EXISTS (SELECT 1 FROM article_events ae WHERE ae.article_id = a.id);
CREATE TRIGGER articles_cluster_ai AFTER INSERT ON articles WHEN new.duplicate_of IS NULL BEGIN
    INSERT OR IGNORE INTO cluster_pending(article_id, reason) VALUES (new.id, 'stored');
END;
-- An original that becomes a near-duplicate is not placed; a copy whose original went away is.
CREATE TRIGGER articles_cluster_au AFTER UPDATE OF duplicate_of ON articles BEGIN
    DELETE FROM cluster_pending WHERE article_id = new.id AND new.duplicate_of IS NOT NULL;
    INSERT OR IGNORE INTO cluster_pending(article_id, reason) SELECT new.id, 'original'
        WHERE new.duplicate_of IS NULL AND old.duplicate_of IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM article_events WHERE article_id = new.id);
END;

CREATE TABLE event_entities (
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id),
    articles  INTEGER NOT NULL,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (event_id, position)
);
CREATE INDEX event_entities_entity ON event_entities(entity_id);

CREATE TABLE story_entities (
    story_id  TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id),
    articles  INTEGER NOT NULL,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (story_id, position)
);
CREATE INDEX story_entities_entity ON story_entities(entity_id);

-- An update rewrites the rows of the events and stories it touched: find their articles fast.
CREATE INDEX article_events_event ON article_events(event_id);
CREATE INDEX events_story ON events(story_id);
"""

#: Step n brings a database from user_version n-1 to n. Append only.
MIGRATIONS: list[str] = [_V1, _V2, _V3, _V4]

LATEST = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every step newer than the database's ``user_version``; returns the new version.

    ``conn`` must be in autocommit mode (``isolation_level=None``): each step runs inside
    its own explicit BEGIN/COMMIT, together with the ``user_version`` bump.
    """
    current = schema_version(conn)
    if current > LATEST:
        raise StoreError(
            f"database schema version {current} is newer than this Warta understands ({LATEST}); "
            "upgrade Warta or use another --db"
        )
    for number in range(current + 1, LATEST + 1):
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{MIGRATIONS[number - 1]}\nPRAGMA user_version = {number};\nCOMMIT;")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            # Two processes opening a new database at once both see the old version; the one
            # that got the write lock second finds the step applied (its CREATEs fail): fine.
            if schema_version(conn) >= number:
                continue
            raise StoreError(f"cannot migrate database to schema version {number}: {exc}") from exc
    return LATEST
