"""The Dask executor on a 2-worker LocalCluster gives the same results as serial, in order.

One cluster is shared by the module (starting one takes seconds). Skipped when the optional
extra is not installed: ``pip install 'warta[dask]'``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("dask.distributed", reason="the dask extra is not installed: pip install 'warta[dask]'")

from test_batch import CRASH, SETTINGS, STAGES, check_same_as_serial, make_items

import warta.batch as batch
from warta.article import Article, Reject
from warta.batch import ParallelPipeline
from warta.batch.dask import DaskExecutor
from warta.pipeline import Pipeline


@pytest.fixture(scope="module")
def executor() -> Iterator[DaskExecutor]:
    import dask

    # Give up on a task after the first worker death (default: 3 retries, each restarting a
    # worker), so the crash test stays fast.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with DaskExecutor(n_workers=2, chunk_size=4) as ex:
            yield ex


def test_dask_matches_serial_in_order(executor: DaskExecutor) -> None:
    serial = list(Pipeline(STAGES, SETTINGS).pipe(make_items()))
    check_same_as_serial(list(ParallelPipeline(STAGES, SETTINGS, executor).pipe(make_items())), serial)


def test_dask_worker_crash_rejects_only_that_article(executor: DaskExecutor) -> None:
    items: list[Article | Reject] = [
        Article(text=f"Berita biasa nomor {i}." + (" MATIKAN" if i == 2 else ""), id=f"d{i}") for i in range(6)
    ]
    out = list(ParallelPipeline([CRASH], executor=executor).pipe(items))
    assert [getattr(i, "id", None) or i.item for i in out] == [f"d{i}" for i in range(6)]
    dead = [i for i in out if isinstance(i, Reject)]
    assert len(dead) == 1 and dead[0].item == "d2" and "died" in dead[0].reason


def test_run_with_dask_starts_and_stops_its_cluster() -> None:
    out = list(batch.run(make_items()[:5], stages=["times"], executor="dask", workers=1))
    assert [a.id for a in out if isinstance(a, Article)] == ["b00", "b01", "b02", "b03", "b04"]
    assert all(a.times for a in out if isinstance(a, Article))
