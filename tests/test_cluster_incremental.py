"""Incremental clustering in the store: saved state, placing only new articles, main entities."""

from __future__ import annotations

import json
from collections import deque
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from tests.test_cluster import FLOOD, MATCH, PHONE, SUMMIT_2021, SUMMIT_2022, art
from warta.article import Article, Entity, Span
from warta.cli import _load_commands, app
from warta.cluster import StreamClusterer, stream_order
from warta.cluster.features import Featurizer
from warta.config import load_settings
from warta.errors import StoreError
from warta.pipeline import Pipeline
from warta.store import Store
from warta.store import cluster_queries as cq
from warta.store.cluster_queries import list_events, list_stories, refresh_clusters, update_clusters
from warta.store.cluster_state import (
    SavedClusterer,
    SqlQueue,
    dump,
    load_clusterer,
    pack_features,
    pack_vecs,
    unpack_features,
    unpack_vecs,
)
from warta.store.ingest import ingest_items

SETTINGS = load_settings()
ARTICLES = [SUMMIT_2021, *FLOOD, MATCH, PHONE, SUMMIT_2022]
# Reported two days after the flood: joins its event.
FLOOD_LATER = art("banjir-4", "2024-02-12T07:00:00+07:00", outlet="kabar harian",
                  text="Banjir bandang di Kabupaten Sukamaju mulai surut, kata Bupati Rahmat Hidayat. Sebanyak "
                       "1.200 warga Desa Cikaret yang mengungsi di balai desa mulai pulang. BPBD Sukamaju menarik "
                       "perahu karet dan membersihkan lumpur sisa banjir bandang dari luapan Sungai Cikaret.")

TRAIN = art("kereta-1", "2024-02-20T10:00:00+07:00", outlet="suara pagi",
            text="Kereta cepat rute Bandarjaya-Mekarsari mulai beroperasi pada Selasa dengan delapan perjalanan "
                 "sehari. Direktur PT Kereta Nusa, Hendra Gunawan, mengatakan tiket dijual mulai Rp150 ribu. "
                 "Penumpang dapat membeli tiket di stasiun atau melalui aplikasi Kereta Nusa.")


def _sample_articles() -> list[Article]:
    from importlib.resources import as_file, files

    from warta.ingest import read_inputs

    with as_file(files("warta").joinpath("data", "samples", "articles")) as folder:
        items = list(read_inputs([str(folder)], SETTINGS))
    arts = [a for a in items if isinstance(a, Article)]
    assert len(arts) == len(items) and len(arts) > 30
    return stream_order(arts)


def _tables(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every clustering row, in a fixed order."""
    out = {}
    for table, order in (("events", "id"), ("stories", "id"), ("article_events", "article_id"),
                         ("event_entities", "event_id, position"), ("story_entities", "story_id, position")):
        out[table] = [tuple(r) for r in store.conn.execute(f"SELECT * FROM {table} ORDER BY {order}")]
    return out


def _state(store: Store) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in store.conn.execute("SELECT * FROM cluster_state ORDER BY name")]


def _assignments(store: Store) -> dict[str, tuple[str, str]]:
    return {r[0]: (r[1], r[2]) for r in store.conn.execute(
        "SELECT ae.article_id, ae.event_id, e.story_id FROM article_events ae JOIN events e ON e.id = ae.event_id")}


def test_state_round_trip_is_exact_and_decides_as_an_uninterrupted_run() -> None:
    arts = stream_order([*ARTICLES, FLOOD_LATER, TRAIN])
    whole = StreamClusterer()
    expected = [whole.add(a) for a in arts]
    with Store.open(":memory:", SETTINGS) as store:
        first = StreamClusterer()
        got = [first.add(a) for a in arts[:3]]
        dump(store.conn, first)
        for a in arts[3:]:  # read back lazily, one article, written back: every step
            saved = load_clusterer(store.conn)
            assert saved is not None
            got.append(saved.clusterer.add(a))
            saved.flush()
        assert got == expected
        # what is stored equals what an uninterrupted run would store
        again = Store.open(":memory:", SETTINGS)
        dump(again.conn, whole)
        for table in ("cluster_state", "cluster_articles", "cluster_events", "cluster_stories", "cluster_df"):
            order = "1, 2" if table == "cluster_df" else "1"
            rows = [f"SELECT * FROM {table} ORDER BY {order}"] * 2
            assert [tuple(r) for r in store.conn.execute(rows[0])] == [tuple(r) for r in again.conn.execute(rows[1])]
        again.close()


def test_codecs_round_trip() -> None:
    feats = Featurizer()(FLOOD[0])
    assert feats.dates or feats.numbers
    back = unpack_features(pack_features(feats))
    assert back.id == feats.id and back.time == feats.time and back.dates == feats.dates
    assert back.numbers == feats.numbers
    for name in ("text", "names", "lead"):
        a, b = getattr(feats, name), getattr(back, name)
        assert np.array_equal(a.idx, b.idx) and np.array_equal(a.val, b.val) and b.val.dtype == np.float32
    assert unpack_vecs(pack_vecs()) == []


def test_queue_over_a_table_behaves_like_a_deque() -> None:
    with Store.open(":memory:", SETTINGS) as store:
        queue, mirror = SqlQueue(store.conn, "recent"), deque()
        n = 0
        for step in range(40):  # appends, pops and write-backs interleaved, reopened from the table
            for _ in range(step % 7):
                queue.append((float(n), f"a{n}"))
                mirror.append((float(n), f"a{n}"))
                n += 1
            for _ in range(step % 5):
                if mirror:
                    assert queue[0] == mirror[0] and queue.popleft() == mirror.popleft()
            assert bool(queue) == bool(mirror)
            if step % 3 == 0:
                queue.flush()
                if step % 2 == 0:
                    queue = SqlQueue(store.conn, "recent")
        queue.flush()
        rows = store.conn.execute("SELECT time, key FROM cluster_queue ORDER BY seq")
        assert [(r[0], r[1]) for r in rows] == list(mirror)


def test_a_state_of_another_format_is_refused() -> None:
    with Store.open(":memory:", SETTINGS) as store:
        dump(store.conn, StreamClusterer())
        assert load_clusterer(store.conn) is not None
        meta = json.loads(store.conn.execute("SELECT value FROM cluster_state").fetchone()[0])
        for change, message in (({"version": 0}, "format version"), ({"n_features": 16}, "hashing space"),
                                ({"features": ["id"]}, "other article features")):
            store.conn.execute("UPDATE cluster_state SET value = ?", (json.dumps({**meta, **change}),))
            with pytest.raises(StoreError, match=message):
                load_clusterer(store.conn)


def test_sample_articles_one_update_per_article_equals_one_refresh(monkeypatch: pytest.MonkeyPatch) -> None:
    arts = _sample_articles()
    monkeypatch.setattr(cq, "UPDATE_CHUNK", 4)  # the rest arrives in one update of several transactions
    with Store.open(":memory:", SETTINGS) as full, Store.open(":memory:", SETTINGS) as step, \
            Store.open(":memory:", SETTINGS) as batch:
        for i, a in enumerate(arts):
            full.add(a)
            batch.add(a)
            step.add(a)
            update_clusters(step)
            if i == 2:
                update_clusters(batch)
        refresh_clusters(full)
        placed = full.conn.execute("SELECT count(*) FROM article_events").fetchone()[0]
        assert update_clusters(batch)["articles"] == placed - 3
        assert _tables(step) == _tables(full)
        assert _tables(batch) == _tables(full)
        assert len({e for e, _ in _assignments(full).values()}) < len(arts)  # some events hold several articles
        # the saved states agree too: the next article lands in the same place in both
        extra = replace(FLOOD_LATER, published=arts[-1].published)
        for store in (full, step):
            store.add(extra)
        assert update_clusters(full)["articles"] == update_clusters(step)["articles"] == 1
        assert _tables(step) == _tables(full)


def test_placing_one_article_rewrites_only_its_event_and_story() -> None:
    with Store.open(":memory:", SETTINGS) as store:
        for a in ARTICLES:
            store.add(a)
        refresh_clusters(store)
        before = _tables(store)
        store.add(FLOOD_LATER)
        counts = update_clusters(store)
        assert counts == {"articles": 1, "events": 1, "stories": 1, "new_events": 0, "late": 0, "refreshed": 0}
        after = _tables(store)
        flood_event = _assignments(store)["banjir-1"][0]
        assert _assignments(store)["banjir-4"][0] == flood_event
        changed = {t: set(after[t]) ^ set(before[t]) for t in ("events", "stories")}
        assert {r[0] for r in changed["events"]} == {flood_event}
        assert {r[0] for r in changed["stories"]} == {_assignments(store)["banjir-1"][1]}
        assert set(after["article_events"]) - set(before["article_events"]) == {("banjir-4", flood_event)}
        flood = next(e for e in list_events(store) if e["id"] == flood_event)
        assert flood["articles"] == 4 and flood["end_date"] == "2024-02-12"


def test_update_is_idempotent_and_needs_no_lock_when_idle() -> None:
    with Store.open(":memory:", SETTINGS) as store:
        for a in ARTICLES:
            store.add(a)
        assert update_clusters(store)["articles"] == len(ARTICLES)
        before = _tables(store), _state(store)
        assert update_clusters(store)["articles"] == 0
        store.add(ARTICLES[0])  # the same text again: unchanged, nothing to place
        assert update_clusters(store)["articles"] == 0
        assert (_tables(store), _state(store)) == before


def test_a_crash_while_placing_loses_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(":memory:", SETTINGS) as store:
        for a in ARTICLES:
            store.add(a)
        update_clusters(store)
        before = _tables(store)
        store.add(FLOOD_LATER)

        def boom(*args: object) -> None:
            raise RuntimeError("killed while saving")

        monkeypatch.setattr(SavedClusterer, "flush", boom)
        with pytest.raises(RuntimeError):
            update_clusters(store)
        assert _tables(store) == before  # rolled back as a whole
        assert [r[0] for r in store.conn.execute("SELECT article_id FROM cluster_pending")] == ["banjir-4"]
        monkeypatch.undo()
        assert update_clusters(store)["articles"] == 1


def test_store_without_a_usable_state_is_reclustered() -> None:
    with Store.open(":memory:", SETTINGS) as store:
        for a in ARTICLES:
            store.add(a)
        refresh_clusters(store)
        expected = _assignments(store)
        store.conn.execute("UPDATE cluster_state SET value = 'not json' WHERE name = 'meta'")
        store.add(FLOOD_LATER)
        counts = update_clusters(store)
        assert counts["refreshed"] == 1 and counts["articles"] == len(ARTICLES) + 1
        assert {k: v for k, v in _assignments(store).items() if k != "banjir-4"} == expected
        # a store clustered before states were saved: the first update re-clusters it
        store.conn.execute("DELETE FROM cluster_state")
        store.add(TRAIN)
        assert update_clusters(store)["refreshed"] == 1
        assert store.conn.execute("SELECT count(*) FROM cluster_pending").fetchone()[0] == 0


def test_late_article_is_placed_and_counted() -> None:
    with Store.open(":memory:", SETTINGS) as store:
        for a in [*ARTICLES, TRAIN]:
            store.add(a)
        update_clusters(store)  # "now" is 20 February: the flood's articles are forgotten
        store.add(FLOOD_LATER)  # published on the 12th, stored only now
        counts = update_clusters(store)
        assert counts["late"] == 1 and counts["articles"] == 1
        placed = _assignments(store)
        # too late for the flood's event (its articles are out of the window), not for its story
        assert placed["banjir-4"][1] == placed["banjir-1"][1]


def _with_entities(a: Article, *entities: tuple[str, str, str, int]) -> Article:
    ents = [Entity(eid, name, etype, [Span(0, 1, name)] * n) for eid, name, etype, n in entities]  # type: ignore[arg-type]
    return replace(a, entities=ents)


def test_main_entities_of_events_and_stories() -> None:
    sukamaju = ("LOC:sukamaju", "Sukamaju", "LOC")
    rahmat = ("PER:rahmat-hidayat", "Rahmat Hidayat", "PER")
    bpbd = ("ORG:bpbd-sukamaju", "BPBD Sukamaju", "ORG")
    flood = [_with_entities(FLOOD[0], (*sukamaju, 3), (*rahmat, 1), (*bpbd, 5)),
             _with_entities(FLOOD[1], (*sukamaju, 2), (*rahmat, 2)),
             _with_entities(FLOOD[2], (*sukamaju, 1), (*rahmat, 4))]
    with Store.open(":memory:", SETTINGS) as store:
        for a in [*flood, MATCH]:
            store.add(a)
        update_clusters(store)
        event = next(e for e in list_events(store) if e["articles"] == 3)
        # named by all three articles first (Rahmat Hidayat: 7 mentions, Sukamaju: 6), then BPBD (1 article)
        assert [(e["id"], e["articles"], e["mentions"]) for e in event["entities"]] == [
            ("PER:rahmat-hidayat", 3, 7), ("LOC:sukamaju", 3, 6), ("ORG:bpbd-sukamaju", 1, 5)]
        assert event["entities"][0]["name"] == "Rahmat Hidayat" and event["entities"][0]["type"] == "PER"
        story = next(s for s in list_stories(store) if s["articles"] == 3)
        assert [e["id"] for e in story["entities"]] == [e["id"] for e in event["entities"]]
        match = next(e for e in list_events(store) if e["articles"] == 1)
        assert match["entities"] == []  # no entity reader ran on it
        # the web API's queries return the same stored main entities
        from warta.store import web_queries as wq

        web_event = next(e for e in wq.list_events(store.conn, wq.PageArgs())["items"] if e["id"] == event["id"])
        assert web_event["entities"] == event["entities"]
        assert wq.event_detail(store.conn, event["id"])["event"]["entities"] == event["entities"]
        assert wq.story_detail(store.conn, story["id"])["story"]["entities"] == story["entities"]
        web_story = next(s for s in wq.list_stories(store.conn, wq.PageArgs())["items"] if s["id"] == story["id"])
        assert web_story["entities"] == story["entities"]
        # an article joining the event later updates them: the new reader names BPBD again
        store.add(_with_entities(FLOOD_LATER, (*bpbd, 2)))
        update_clusters(store)
        event = next(e for e in list_events(store) if e["id"] == event["id"])
        assert event["articles"] == 4 and event["entities"][2]["articles"] == 2


def test_ingest_places_new_articles_unless_turned_off(tmp_path: Path) -> None:
    with Store.open(":memory:", SETTINGS) as store:
        report = ingest_items(store, ARTICLES[:4], Pipeline([]))
        assert report.placed == 4 and report.to_dict()["placed"] == 4
        assert len(_assignments(store)) == 4
    off = replace(SETTINGS, place_on_ingest=False)
    with Store.open(":memory:", off) as store:
        assert ingest_items(store, ARTICLES[:4], Pipeline([])).placed == 0
        assert _assignments(store) == {}
        assert update_clusters(store)["articles"] == 4


def test_setting_must_be_a_boolean(tmp_path: Path) -> None:
    from warta.errors import ConfigError

    cfg = tmp_path / "warta.toml"
    cfg.write_text('[cluster]\nplace_on_ingest = "ya"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="place_on_ingest"):
        load_settings(cfg)
    cfg.write_text("[cluster]\nplace_on_ingest = false\n", encoding="utf-8")
    assert load_settings(cfg).place_on_ingest is False


def test_events_command_places_new_articles_first(tmp_db: Path) -> None:
    with Store.open(tmp_db, SETTINGS) as store:
        for a in ARTICLES:
            store.add(a)
    _load_commands()
    runner = CliRunner()
    res = runner.invoke(app, ["events", "--no-update", "--db", str(tmp_db), "--format", "jsonl"])
    assert res.exit_code == 0 and res.output.strip() == ""
    res = runner.invoke(app, ["events", "--db", str(tmp_db), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert sum(r["articles"] for r in rows) == len(ARTICLES) and all("entities" in r for r in rows)
    assert "clustered 7 articles from scratch" in res.stderr  # a new store: nothing to continue from
    with Store.open(tmp_db, SETTINGS) as store:
        store.add(FLOOD_LATER)
    res = runner.invoke(app, ["events", "--db", str(tmp_db), "--format", "jsonl"])
    assert res.exit_code == 0 and "placed 1 new article(s): 0 new event(s)" in res.stderr
    res = runner.invoke(app, ["stories", "--db", str(tmp_db)])
    assert res.exit_code == 0 and "entities" in res.output


def test_migration_queues_the_originals_no_event_holds(tmp_path: Path) -> None:
    import sqlite3

    from warta.store.migrations import MIGRATIONS

    db = tmp_path / "lama.db"
    conn = sqlite3.connect(db, isolation_level=None)
    for number, step in enumerate(MIGRATIONS[:3], 1):  # a store made before step 4
        conn.executescript(f"BEGIN;\n{step}\nPRAGMA user_version = {number};\nCOMMIT;")
    for aid, dup in (("a", None), ("b", None), ("c", "a")):
        conn.execute("INSERT INTO articles(id, content_hash, text, duplicate_of, first_seen, updated) "
                     "VALUES (?, ?, 'Isi berita.', ?, '2024-01-01', '2024-01-01')", (aid, f"h{aid}", dup))
    conn.execute("INSERT INTO stories(id) VALUES ('s1')")
    conn.execute("INSERT INTO events(id, story_id) VALUES ('e1', 's1')")
    conn.execute("INSERT INTO article_events VALUES ('a', 'e1')")
    conn.close()
    with Store.open(db, SETTINGS) as store:
        assert [tuple(r) for r in store.conn.execute("SELECT * FROM cluster_pending")] == [("b", "unplaced")]
