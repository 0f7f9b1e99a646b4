"""The SQLite store: round trips, idempotent writes, FTS sync, search, rejects, stats, migrations.

All articles here are sentences we wrote for the tests.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.article import Article, Entity, Quantity, Quote, Reject, Span, Speaker, TimeExpr
from warta.config import load_settings
from warta.errors import StoreError, UsageError
from warta.store import Store
from warta.store.migrations import LATEST, schema_version

BODY = (
    "Pemerintah Kota Samarinda menetapkan status tanggap darurat banjir pada Senin (13/1/2025). "
    "Air sungai meluap setelah hujan deras semalaman dan merendam ribuan rumah warga di tepi sungai. "
    '"Kami sudah menyiapkan 20 perahu karet untuk evakuasi," kata Kepala BPBD Rina Sulistyo di posko.'
)


def annotated(text: str = BODY, **kw: object) -> Article:
    art = Article(text=text, title="Banjir Rendam Samarinda", outlet="Kabar Kita", published="2025-01-13",
                  url="https://example.org/banjir", authors=["Dewi Lestari"], origin="berita/banjir.txt", **kw)
    start = text.index("Samarinda")
    art.entities = [
        Entity("GPE:samarinda", "Samarinda", "GPE", [Span(start, start + 9, "Samarinda")]),
        Entity("PER:rina-sulistyo", "Rina Sulistyo", "PER", [], role="Kepala BPBD"),
    ]
    q0 = text.index('"')
    art.quotes = [Quote(text[q0:q0 + 10], q0, q0 + 10, "direct", Span(q0 + 60, q0 + 64, "kata"),
                        Speaker("Rina Sulistyo", "PER:rina-sulistyo", "Kepala BPBD", None, None))]
    art.times = [TimeExpr("Senin (13/1/2025)", 70, 87, "DATE", "2025-01-13")]
    art.quantities = [Quantity("20 perahu", 0, 9, 20.0, "perahu", approximate=True)]
    art.language = "id"
    art.annotated_by = {"language": "t.v1", "entities": "t.v1"}
    return art


@pytest.fixture()
def store() -> Iterator[Store]:
    with Store.open(":memory:", load_settings()) as s:
        yield s


def dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table except timestamps (which say when, not what)."""
    out = {}
    for table in store.table_counts():
        cur = store.conn.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2')
        cols = [c[0] for c in cur.description]
        keep = [i for i, c in enumerate(cols) if c not in ("first_seen", "last_seen", "updated")]
        out[table] = [tuple(row[i] for i in keep) for row in cur]
    return out


def test_add_get_round_trip_and_statuses(store: Store) -> None:
    art = annotated()
    res = store.add(art)
    assert (res.status, res.id, res.duplicate_of) == ("new", art.id, None)
    assert store.get(art.id) == art
    assert store.add(annotated()).status == "unchanged"
    with pytest.raises(StoreError, match="no article with id 'nope'"):
        store.get("nope")


def test_reanalysis_replaces_annotations_and_is_idempotent(store: Store) -> None:
    store.add(annotated())
    newer = annotated()
    newer.quotes = []
    newer.times.append(TimeExpr("semalaman", 120, 129, "DURATION", "PT12H"))
    newer.annotated_by["times"] = "t.v2"
    assert store.add(newer).status == "updated"
    before = dump(store)
    assert store.add(newer).status == "unchanged"
    assert dump(store) == before
    assert store.get(newer.id) == newer
    assert store.table_counts()["quotes"] == 0 and store.table_counts()["times"] == 2


def test_exact_copy_under_another_id_is_a_sighting_not_a_row(store: Store) -> None:
    first = store.add(annotated())
    copy = replace(annotated(), id="kopi-1", origin="lain/kopi.txt")
    res = store.add(copy)
    assert (res.status, res.id, res.duplicate_of) == ("duplicate", first.id, first.id)
    store.add(copy)  # seen again: same sighting row
    assert store.table_counts()["articles"] == 1
    assert store.table_counts()["sightings"] == 1
    assert store.stats()["exact_duplicates"] == 1


def test_changed_text_under_same_id_updates_row_and_fts(store: Store) -> None:
    store.add(annotated(id="a1"))
    assert [h.id for h in store.search("perahu")] == ["a1"]
    edited = Article("Gempa bermagnitudo 5,1 mengguncang Kabupaten Lembah Sari pada Selasa dini hari.",
                     id="a1", title="Gempa Lembah Sari", origin="berita/banjir.txt")
    assert store.add(edited).status == "updated"
    assert store.search("perahu") == []
    assert [h.id for h in store.search("gempa")] == ["a1"]
    assert store.get("a1") == edited
    assert store.integrity_check() == ["ok"]


@pytest.mark.parametrize("query", ['"unbalanced', "(banjir", "AND", "***", "  "])
def test_bad_search_query_is_a_usage_error(store: Store, query: str) -> None:
    store.add(annotated())
    with pytest.raises(UsageError, match="search"):
        store.search(query)


@pytest.mark.parametrize(
    ("query", "hits"),
    [
        ("banjir", 1),
        ("samarinda AND perahu", 1),
        ('"perahu karet"', 1),
        ("perah*", 1),
        ("title:perahu", 0),  # only in the body
        ("title:banjir", 1),
        ("BPBD-Samarinda 13/1/2025", 0),  # punctuation is quoted, not a syntax error
        ("gempa", 0),
        ("banjir NOT perahu", 0),
    ],
)
def test_search_syntax(store: Store, query: str, hits: int) -> None:
    store.add(annotated())
    assert len(store.search(query)) == hits


def test_search_snippet_filters_and_paging(store: Store) -> None:
    for i, (outlet, day) in enumerate([("Kabar Kita", "2025-01-13"), ("Suara Timur", "2025-02-01"),
                                       ("Kabar Kita", None)]):
        store.add(Article(f"Banjir kembali melanda kampung nomor {i} setelah hujan deras; warga mengungsi ke "
                          f"balai desa yang ke-{i}.", id=f"b{i}", title=f"Banjir {i}", outlet=outlet, published=day))
    hits = store.search("mengungsi")
    assert len(hits) == 3 and all("[mengungsi]" in h.snippet for h in hits)
    assert sorted(h.id for h in store.search("banjir", outlet="kabar kita")) == ["b0", "b2"]
    assert [h.id for h in store.search("banjir", since="2025-01-20")] == ["b1"]
    assert [h.id for h in store.search("banjir", until="2025-01-20")] == ["b0"]
    assert len(store.search("banjir", limit=2)) == 2 and len(store.search("banjir", limit=2, offset=2)) == 1
    with pytest.raises(UsageError, match="ISO date"):
        store.search("banjir", since="13/01/2025")


def test_rejects_recorded_once_across_reruns(store: Store) -> None:
    bad = [Reject("a.jsonl", "line is not JSON", "W103", line=3), Reject("b.txt", "file is empty", "W101")]
    for _ in range(3):
        for r in bad:
            store.add_reject(r)
    rows = store.conn.execute("SELECT item, line, count FROM rejects ORDER BY item").fetchall()
    assert [tuple(r) for r in rows] == [("a.jsonl", 3, 3), ("b.txt", None, 3)]
    assert store.stats()["rejects_by_code"] == {"W101": 1, "W103": 1}


def test_stats_counts(store: Store) -> None:
    store.add(annotated())
    store.add(Article("Bank sentral menahan suku bunga acuan pada rapat bulan ini, kata gubernurnya kepada wartawan.",
                      id="bi", outlet="Jurnal Pagi", language="id", published="2025-04-16"))
    s = store.stats()
    assert s["articles"] == 2 and s["near_duplicates"] == 0
    assert s["outlets"] == {"Jurnal Pagi": 1, "Kabar Kita": 1}
    assert s["languages"] == {"id": 2}
    assert s["published"] == {"first": "2025-01-13", "last": "2025-04-16", "unknown": 0}
    assert (s["entities"], s["mentions"], s["quotes"], s["times"], s["quantities"]) == (2, 1, 1, 1, 1)


def test_file_store_is_migrated_wal_and_reopens(tmp_db: Path) -> None:
    with Store.open(tmp_db) as s:
        s.add(annotated())
        assert schema_version(s.conn) == LATEST
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Store.open(tmp_db, create=False) as s:
        assert s.get(annotated().id) == annotated()
        assert s.integrity_check() == ["ok"]


def test_open_errors_are_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database at"):
        Store.open(tmp_path / "missing.db", create=False)
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "no" / "such" / "dir.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(StoreError, match=r"junk\.db"):
        Store.open(junk)
    newer = tmp_path / "newer.db"
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this Warta"):
        Store.open(newer)


def test_iter_articles_in_published_order(store: Store) -> None:
    for aid, day in [("c", None), ("b", "2025-02-01"), ("a", "2025-01-01T08:00:00+07:00")]:
        store.add(Article(f"Artikel uji coba nomor {aid} tentang pasar ikan di pelabuhan.", id=aid, published=day))
    assert [a.id for a in store.iter_articles()] == ["a", "b", "c"]
    assert [a.id for a in store.iter_articles(since="2025-01-15")] == ["b"]


# -- Hypothesis: whatever an Article holds comes back from the store unchanged ----------------

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_opt = st.none() | _text
_int = st.integers(-(2**31), 2**31)
_span = st.builds(Span, _int, _int, _text)
_entity = st.builds(Entity, _text, _text, st.sampled_from(["PER", "ORG", "LOC", "GPE", "EVENT", "MISC"]),
                    st.lists(_span, max_size=3), _opt)
_speaker = st.builds(Speaker, _text, _opt, _opt, st.none() | _int, st.none() | _int)
_quote = st.builds(Quote, _text, _int, _int, st.sampled_from(["direct", "indirect", "mixed"]),
                   st.none() | _span, st.none() | _speaker)
_time = st.builds(TimeExpr, _text, _int, _int, st.sampled_from(["DATE", "TIME", "DURATION", "SET"]), _opt)
# NaN is stored by SQLite as NULL, so it is the one float that cannot come back as itself.
_float = st.none() | st.floats(allow_nan=False)
_qty = st.builds(Quantity, _text, _int, _int, _float, _opt, st.booleans())
_json = st.recursive(st.none() | st.booleans() | st.integers(-(2**53), 2**53) | _text,
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3),
                     max_leaves=6)

articles = st.builds(
    Article,
    text=st.text(min_size=1, max_size=200),
    id=st.text(min_size=1, max_size=20),
    title=_opt, published=_opt, published_source=st.none() | st.sampled_from(["input", "html", "text", "inferred"]),
    outlet=_opt, url=_opt, authors=st.lists(_text, max_size=3), source=_opt, editors=st.lists(_text, max_size=2),
    dateline=_opt, origin=_opt, language=_opt,
    entities=st.lists(_entity, max_size=3), quotes=st.lists(_quote, max_size=3), times=st.lists(_time, max_size=3),
    quantities=st.lists(_qty, max_size=3), event_date=_opt, tone=_float,
    annotated_by=st.dictionaries(_text, _text, max_size=3), extra=st.dictionaries(_text, _json, max_size=3),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(art=articles)
def test_store_load_round_trips_any_article(art: Article) -> None:
    with Store.open(":memory:", load_settings()) as s:
        assert s.add(art).status == "new"
        assert s.get(art.id) == art
        assert s.add(art).status == "unchanged"


def test_fts_index_follows_every_write_and_drift_is_detected(store: Store) -> None:
    store.add(annotated(id="a1"))
    store.add(replace(annotated(id="a1"), title="Judul Diperbarui Sore Ini"))
    store.add(replace(annotated(id="a1"), title="Banjir Samarinda Meluas"))
    assert [h.id for h in store.search("title:meluas")] == ["a1"]
    assert store.search("diperbarui") == [] and store.search("title:rendam") == []
    assert store.integrity_check() == ["ok"]
    # an index row that belongs to no article is reported, not silently tolerated
    store.conn.execute("INSERT INTO articles_fts(rowid, title, text) VALUES (999, 'hantu', 'baris hantu')")
    assert "1 indexed row(s) without an article" in store.integrity_check()[0]


def test_two_versions_of_one_id_do_not_flip_flop(store: Store) -> None:
    short = Article("Timnas menang 2-1 atas tamu dalam laga persahabatan di stadion utama.", id="bola",
                    origin="a.jsonl:1")
    full = Article(short.text + " Susunan pemain kedua tim diumumkan satu jam sebelum sepak mula.", id="bola",
                   origin="a.jsonl:2")
    assert [store.add(a).status for a in (short, full)] == ["new", "updated"]
    snapshot = dump(store)
    # the same input again: the older text is a stale copy now, the newer one is unchanged
    assert [store.add(a).status for a in (short, full)] == ["duplicate", "unchanged"]
    assert store.current(short, {}) is not None and store.current(short, {}).status == "duplicate"  # type: ignore[union-attr]
    assert dump(store) == snapshot
    assert store.get("bola").text == full.text


def test_migrates_a_version_1_database(tmp_db: Path) -> None:
    from warta.store.migrations import MIGRATIONS

    conn = sqlite3.connect(tmp_db, isolation_level=None)
    conn.executescript(f"BEGIN;\n{MIGRATIONS[0]}\nPRAGMA user_version = 1;\nCOMMIT;")
    conn.execute("INSERT INTO articles(id, content_hash, text, first_seen, updated) VALUES ('x', 'h', 'teks', '', '')")
    conn.close()
    with Store.open(tmp_db) as s:
        assert schema_version(s.conn) == LATEST >= 2
        assert "versions" in s.table_counts()
        assert s.get("x").text == "teks"


def test_revised_file_updates_its_article_and_keeps_the_id(store: Store) -> None:
    first = store.add(Article(BODY, title="Banjir", origin="berita/banjir.txt"))
    # the same file read again after a small change (ids made from the text change with it)
    revised = Article(BODY.replace("ribuan rumah", "sekitar 1.500 rumah"), title="Banjir", origin="berita/banjir.txt")
    assert revised.id != first.id
    res = store.add(revised)
    assert (res.status, res.id) == ("updated", first.id)
    assert store.table_counts()["articles"] == 1 and "1.500 rumah" in store.get(first.id).text
    # a different story later written to the same path is a new article
    other = Article("Harga cabai rawit naik dua kali lipat menjelang hari raya di pasar induk.",
                    origin="berita/banjir.txt")
    assert store.add(other).status == "new"


def test_open_waits_for_a_writer_on_a_new_database(tmp_path: Path) -> None:
    """Switching a new file to WAL while another connection writes fails at once in SQLite
    (no busy handler); two ingests started together on a new database hit it. Open retries."""
    import threading
    import time

    db = tmp_path / "baru.db"
    writing, done = threading.Event(), threading.Event()

    def writer() -> None:
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("CREATE TABLE catatan (x)")
        writing.set()
        time.sleep(0.4)
        conn.execute("COMMIT")
        conn.close()
        done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    assert writing.wait(5)
    with Store.open(db) as store:  # raised "database is locked" at once before the retry
        assert done.is_set()
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    thread.join()
