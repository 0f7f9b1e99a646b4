"""The ingest loop: skip what is done, count what happened, record rejects, survive bad articles."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from warta.article import Article, Reject
from warta.config import load_settings
from warta.pipeline import Pipeline
from warta.registry import register_stage
from warta.store import Store
from warta.store.ingest import ingest_items

CALLS: list[str] = []


@register_stage("test-count", version="test.count.v1", reads=("text",), adds=("tone",))
def _count_stage(article: Article) -> Article:
    """Records every article it analyses, so tests can see what was re-analysed."""
    CALLS.append(article.id)
    if "RUSAK" in article.text:
        raise ValueError("cannot read this one")
    article.tone = 0.5
    return article


@pytest.fixture()
def store() -> Iterator[Store]:
    CALLS.clear()
    with Store.open(":memory:", load_settings()) as s:
        yield s


def batch() -> list[Article | Reject]:
    return [
        Article("Nelayan di pesisir utara melaut lagi setelah cuaca membaik pekan ini.", id="n1", origin="x.jsonl:1"),
        Article("Nelayan di pesisir utara melaut lagi setelah cuaca membaik pekan ini.", id="n1", origin="x.jsonl:2"),
        Article("Harga beras di pasar tradisional turun tipis menjelang panen raya.", id="b1", origin="x.jsonl:3"),
        Article("Teks RUSAK yang membuat stage gagal membaca artikel ini sama sekali.", id="r1", origin="x.jsonl:4"),
        Reject("x.jsonl", "malformed JSON", "W103", line=5),
    ]


def test_counts_and_rerun_skips_analysis(store: Store) -> None:
    pipeline = Pipeline(["test-count"])
    first = ingest_items(store, batch(), pipeline)
    assert (first.new, first.duplicates, first.rejected) == (2, 1, 2)
    assert {r.stage for r in first.rejects} == {"test-count", None}
    assert "ValueError: cannot read this one" in next(r.reason for r in first.rejects if r.stage)
    analysed = list(CALLS)

    CALLS.clear()
    second = ingest_items(store, batch(), pipeline)
    assert (second.new, second.updated, second.unchanged, second.duplicates, second.rejected) == (0, 0, 2, 1, 2)
    # 2nd run: stored articles were not analysed again; only the failing one is retried
    # (1st run: an exact copy inside the same pipeline batch may be analysed once more before
    # its original is stored; the store still records it as a duplicate.)
    assert CALLS == ["r1"] and set(analysed) == {"n1", "b1", "r1"}
    rows = store.conn.execute("SELECT count FROM rejects ORDER BY item").fetchall()
    assert [r[0] for r in rows] == [2, 2]


def test_new_stage_version_reanalyses(store: Store) -> None:
    ingest_items(store, batch()[:1], Pipeline(["test-count"]))
    stored = store.get("n1")
    stored.annotated_by["test-count"] = "test.count.v0"  # as if stored by an older version
    store.add(stored)
    CALLS.clear()
    report = ingest_items(store, batch()[:1], Pipeline(["test-count"]))
    assert CALLS == ["n1"] and report.updated == 1
    assert store.get("n1").annotated_by == {"test-count": "test.count.v1"}


def test_two_versions_of_an_article_settle(store: Store) -> None:
    short = Article("Laga berakhir imbang tanpa gol di stadion kota.", id="v", origin="y.jsonl:1")
    full = Article(short.text + " Kedua pelatih puas dengan permainan anak asuhnya.", id="v", origin="y.jsonl:2")
    first = ingest_items(store, [short, full], Pipeline([]))
    assert (first.new, first.updated) == (1, 1)
    again = ingest_items(store, [short, full], Pipeline([]))
    assert (again.duplicates, again.unchanged, again.updated) == (1, 1, 0)
    assert store.get("v").text == full.text


def test_rejects_of_an_item_stored_later_are_cleared(store: Store) -> None:
    broken = Article("Teks RUSAK yang membuat stage gagal membaca artikel ini sama sekali.", id="r1",
                     origin="x.jsonl:4")
    ingest_items(store, [broken, Reject("x.jsonl", "malformed JSON", "W103", line=5)], Pipeline(["test-count"]))
    assert store.stats()["rejects"] == 2
    fixed = Article("Teks yang sudah diperbaiki sehingga stage dapat membaca artikel ini.", id="r1",
                    origin="x.jsonl:4")
    ingest_items(store, [fixed], Pipeline(["test-count"]))
    remaining = store.conn.execute("SELECT item, line FROM rejects").fetchall()
    assert [tuple(r) for r in remaining] == [("x.jsonl", 5)]
