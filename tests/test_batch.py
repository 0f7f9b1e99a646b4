"""Batch executors: serial, local processes and Dask give the same results, in input order.

The stages used are cheap (the rule-based ``times`` and ``quantities`` plus test stages
registered here); worker processes import this module to find the test stages, through
``PipelineSpec.modules``, exactly as they would a plugin's module.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import warta.batch as batch
from warta.article import Article, Reject
from warta.batch import ParallelPipeline, PipelineSpec, make_executor
from warta.batch.local import LocalExecutor
from warta.errors import ConfigError, MissingExtraError, UsageError
from warta.pipeline import Pipeline
from warta.registry import register_stage

MARK = "test-batch-mark"
CRASH = "test-batch-crash"


@register_stage(MARK, version="test.batch.mark.v1", reads=("text",), adds=("tone",))
class MarkStage:
    """Counts words into ``tone``; fails on RUSAK; LAMBAT makes its chunk finish last."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    def __call__(self, article: Article) -> Article:
        if "RUSAK" in article.text:
            raise RuntimeError("penanda rusak")
        if "LAMBAT" in article.text:
            time.sleep(self.delay)
        article.tone = float(len(article.text.split()))
        return article


@register_stage(CRASH, version="test.batch.crash.v1", reads=("text",), adds=())
def crash_stage(article: Article) -> Article:
    """Kills its worker process on MATIKAN (never the test process itself)."""
    if "MATIKAN" in article.text and multiprocessing.parent_process() is not None:
        os._exit(3)
    return article


STAGES = [MARK, "times", "quantities"]
SETTINGS = {MARK: {"delay": 1.0}}


def make_items() -> list[Article | Reject]:
    """Our own sentences: dates and numbers for the rule-based readers, and the markers."""
    items: list[Article | Reject] = []
    for i in range(30):
        text = (f"Pemerintah kota menyalurkan {i + 3} ton beras kepada {120 + i} keluarga pada Senin, "
                f"{i % 28 + 1} Maret 2025, kata Wali Kota.")
        if i == 0:
            text += " LAMBAT"  # the first chunk finishes after the later ones
        if i == 7:
            text = "Artikel RUSAK ini membuat tahap uji gagal."
        items.append(Article(text=text, id=f"b{i:02d}", origin=f"uji/{i:02d}.txt"))
        if i == 12:
            items.append(Reject("uji/kosong.txt", "the file is empty", "W101"))
    return items


def normal(items: list[Article | Reject]) -> list[object]:
    return [item.to_contract() | {"tone": item.tone, "annotated_by": item.annotated_by}
            if isinstance(item, Article) else item for item in items]


@pytest.fixture(scope="module")
def serial_out() -> list[Article | Reject]:
    return list(Pipeline(STAGES, SETTINGS).pipe(make_items()))


def check_same_as_serial(out: list[Article | Reject], serial: list[Article | Reject]) -> None:
    assert [getattr(i, "id", None) or i.item for i in out] == [getattr(i, "id", None) or i.item for i in serial]
    assert normal(out) == normal(serial)
    failed = [i for i in out if isinstance(i, Reject) and i.stage]
    assert len(failed) == 1 and failed[0].stage == MARK and failed[0].code == "W200"
    assert "RuntimeError: penanda rusak" in failed[0].reason and failed[0].item == "uji/07.txt"


def test_serial_reference_is_what_the_pipeline_gives(serial_out: list[Article | Reject]) -> None:
    assert len(serial_out) == 31
    first = serial_out[0]
    assert isinstance(first, Article) and first.times and first.quantities and first.tone
    assert serial_out[13] == Reject("uji/kosong.txt", "the file is empty", "W101")


def test_local_matches_serial_in_order(serial_out: list[Article | Reject]) -> None:
    pipeline = ParallelPipeline(STAGES, SETTINGS, LocalExecutor(n_workers=2, chunk_size=4))
    check_same_as_serial(list(pipeline.pipe(make_items())), serial_out)


def test_local_worker_crash_rejects_only_that_article() -> None:
    items: list[Article | Reject] = [
        Article(text=f"Berita biasa nomor {i}." + (" MATIKAN" if i == 5 else ""), id=f"c{i}") for i in range(9)
    ]
    pipeline = ParallelPipeline([CRASH], executor=LocalExecutor(n_workers=2, chunk_size=3))
    out = list(pipeline.pipe(items))
    assert [getattr(i, "id", None) or i.item for i in out] == [f"c{i}" for i in range(9)]
    dead = [i for i in out if isinstance(i, Reject)]
    assert len(dead) == 1 and dead[0].item == "c5" and "worker process died" in dead[0].reason
    assert all(i.annotated_by == {CRASH: "test.batch.crash.v1"} for i in out if isinstance(i, Article))


def test_local_keeps_a_bounded_number_of_articles_in_flight() -> None:
    pulled = 0

    def endless() -> Iterator[Article | Reject]:
        nonlocal pulled
        for i in itertools.count():
            if i > 1000:  # an executor that reads the whole stream ahead fails here, not hangs
                raise AssertionError("the executor read far ahead of the results consumed")
            pulled += 1
            yield Article(text=f"Kabar ke-{i}.", id=f"e{i}")

    ex = LocalExecutor(n_workers=2, chunk_size=2, max_in_flight=3)
    stream = ex.map(PipelineSpec.for_pipeline([MARK]), endless())
    first = list(itertools.islice(stream, 5))
    stream.close()  # type: ignore[attr-defined]  # shuts the pool down
    assert [a.id for a in first] == ["e0", "e1", "e2", "e3", "e4"]  # type: ignore[union-attr]
    # 5 results need 3 chunks; at most 3 more chunks are read ahead, plus one being refilled.
    assert pulled <= 5 + (3 + 1) * 2


def test_worker_setup_failure_is_a_config_error() -> None:
    spec = PipelineSpec(("times",), {}, ("warta_tidak_ada_modul_ini",))
    with pytest.raises(ConfigError, match=r"could not build the pipeline.*warta_tidak_ada_modul_ini"):
        list(LocalExecutor(n_workers=1).map(spec, [Article(text="Teks.")]))


def test_spec_names_the_modules_of_non_builtin_stages() -> None:
    spec = PipelineSpec.for_pipeline(STAGES, {**SETTINGS, "entities": {"batch_size": 4}})
    assert spec.modules == (__name__,) and spec.stages == tuple(STAGES)
    assert spec.settings == SETTINGS  # settings of stages not in the pipeline are not shipped


def test_run_checks_stages_and_arguments_before_starting() -> None:
    with pytest.raises(ConfigError, match="no stage named 'tidak-ada'"):
        batch.run([], stages=["tidak-ada"], executor="local", workers=2)
    assert list(batch.run([], stages=["times"], executor="local", workers=2)) == []
    with pytest.raises(UsageError, match="unknown executor 'gpu'"):
        make_executor("gpu")
    with pytest.raises(UsageError, match="only used by the dask executor"):
        make_executor("local", address="tcp://127.0.0.1:8786")
    with pytest.raises(UsageError, match="serial executor runs one process"):
        make_executor("serial", workers=4)
    with pytest.raises(UsageError, match="at least 1"):
        make_executor("local", workers=0)


def test_dask_missing_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)  # makes `import dask` raise ImportError
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    monkeypatch.delitem(sys.modules, "warta.batch.dask", raising=False)
    with pytest.raises(MissingExtraError, match=r"pip install 'warta\[dask\]'") as info:
        make_executor("dask", workers=2)
    assert info.value.code == "W402"


def test_serial_run_is_the_pipeline(serial_out: list[Article | Reject]) -> None:
    out = list(batch.run(make_items(), stages=STAGES, executor="serial"))
    # default settings: no delay, otherwise identical
    assert normal(out) == normal(serial_out)


def test_ingest_on_local_workers_stores_and_then_skips(tmp_path: Path) -> None:
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    towns = ["Medan", "Padang", "Jambi", "Palu", "Ambon", "Kupang"]
    events = ["festival kopi", "lomba perahu", "pasar murah", "donor darah", "pameran buku", "konser amal"]
    for i, (town, event) in enumerate(zip(towns, events, strict=True)):
        (inbox / f"berita{i}.txt").write_text(
            f"{event.title()} di {town}\n\nWarga {town} memadati {event} yang digelar pemerintah daerah. "
            f"Sebanyak {i * 150 + 40} orang hadir pada Selasa, {i + 4} Maret 2025.\n", encoding="utf-8")
    (inbox / "kosong.txt").write_text("", encoding="utf-8")
    db = tmp_path / "warta.db"
    first = batch.ingest([str(inbox)], db=db, stages=["times", "quantities"], executor="local", workers=2)
    assert (first.new, first.rejected) == (6, 1) and "kosong.txt" in first.rejects[0].item
    again = batch.ingest([str(inbox)], db=db, stages=["times", "quantities"], executor="local", workers=2)
    assert (again.new, again.unchanged) == (0, 6)


def test_analyze_on_local_workers_equals_the_api(tmp_path: Path) -> None:
    from warta.api import analyze

    for i, town in enumerate(["Sorong", "Tegal", "Bima", "Garut", "Blitar"]):
        (tmp_path / f"kabar{i}.txt").write_text(
            f"Pasar {town} Dibuka\n\nPasar baru di {town} dibuka pada Rabu, {i + 1} Januari 2025, "
            f"dengan {i * 40 + 80} kios.\n", encoding="utf-8")
    (tmp_path / "rusak.txt").write_bytes(b"\xff\xfe\x00\xd8\x00")
    stages = ["times", "quantities"]
    serial = list(analyze([str(tmp_path)], stages=stages))
    parallel = list(batch.analyze([str(tmp_path)], stages=stages, executor="local", workers=2))
    assert normal(parallel) == normal(serial)
    assert sum(isinstance(i, Article) for i in parallel) == 5


def test_public_names_exist() -> None:
    assert set(batch.EXECUTORS) == {"serial", "local", "dask"}
    for name in batch.__all__:
        assert hasattr(batch, name), name
