"""Batch executors: the same ``Pipeline.pipe`` stream, on one process, many, or a Dask cluster.

    >>> import warta.batch
    >>> from warta.ingest import read_inputs
    >>> for item in warta.batch.run(read_inputs(["berita/"]), executor="local", workers=2):  # doctest: +SKIP
    ...     print(item)

Three executors share one interface (``map(spec, items)``) and one guarantee: every input
item comes out once, in input order, as an annotated ``Article`` or a ``Reject`` saying why.

- ``serial``: :meth:`warta.pipeline.Pipeline.pipe` in this process (the default);
- ``local``: :class:`~warta.batch.local.LocalExecutor`, spawned processes on this machine;
- ``dask``: :class:`~warta.batch.dask.DaskExecutor`, a Dask cluster (``address``) or a
  ``LocalCluster`` (the optional extra ``warta[dask]``).

:class:`ParallelPipeline` is a :class:`~warta.pipeline.Pipeline` whose ``pipe()`` runs on an
executor, so everything that takes a pipeline (``warta.store.ingest.ingest_items``, the web
app) can run in parallel unchanged. Stage code never imports this package.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from warta.article import Article, Reject
from warta.batch._worker import Item, PipelineSpec
from warta.batch.local import CHUNK_SIZE, LocalExecutor
from warta.config import Settings, load_settings
from warta.errors import UsageError
from warta.pipeline import Pipeline

if TYPE_CHECKING:
    from warta.store.ingest import IngestReport

#: Names accepted by :func:`run` and :func:`make_executor` (and the CLI's ``--executor``).
EXECUTORS: tuple[str, ...] = ("serial", "local", "dask")

ConfigArg = str | os.PathLike[str] | Settings | None


class Executor(Protocol):
    """What an executor provides: an ordered map of the pipeline over a stream, and close()."""

    kind: str

    def map(self, spec: PipelineSpec, items: Iterable[Item]) -> Iterator[Item]: ...

    def close(self) -> None: ...


def make_executor(
    kind: str = "serial",
    workers: int | None = None,
    address: str | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Executor | None:
    """The executor named ``kind`` (None for ``serial``), its arguments checked up front."""
    if kind not in EXECUTORS:
        raise UsageError(f"unknown executor {kind!r}; choose one of: {', '.join(EXECUTORS)}")
    if address and kind != "dask":
        raise UsageError(f"a scheduler address is only used by the dask executor, not {kind!r}")
    if kind == "serial":
        if workers is not None and workers != 1:
            raise UsageError(f"the serial executor runs one process; for {workers} workers use local or dask")
        return None
    if kind == "local":
        return LocalExecutor(n_workers=workers, chunk_size=chunk_size)
    from warta.batch.dask import DaskExecutor  # imports dask, or says how to install it

    return DaskExecutor(address=address, n_workers=workers, chunk_size=chunk_size)


class ParallelPipeline(Pipeline):
    """A pipeline whose :meth:`pipe` runs on an executor (``__call__`` on one article stays here).

    The stages are also built in this process, which checks the names and the order before
    any worker starts; stages load their models on first use, so this costs little.
    """

    def __init__(
        self,
        stages: Sequence[str],
        settings: dict[str, dict[str, Any]] | None = None,
        executor: Executor | None = None,
    ) -> None:
        super().__init__(stages, settings)
        self.executor = executor
        self.spec = PipelineSpec.for_pipeline(self.names, settings)

    def pipe(self, items: Iterable[Article | Reject]) -> Iterator[Article | Reject]:
        if self.executor is None:
            return super().pipe(items)
        return self.executor.map(self.spec, items)

    def close(self) -> None:
        """Release the executor's workers (a Dask cluster); a no-op for the others."""
        if self.executor is not None:
            self.executor.close()


def _settings(config: ConfigArg) -> Settings:
    return config if isinstance(config, Settings) else load_settings(config)


def batch_pipeline(
    stages: Sequence[str] | None = None,
    config: ConfigArg = None,
    executor: str = "serial",
    workers: int | None = None,
    address: str | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> ParallelPipeline:
    """The pipeline from settings (or ``stages``) on the named executor; close it when done."""
    settings = _settings(config)
    names = list(stages) if stages is not None else settings.pipeline
    pipeline = ParallelPipeline(names, settings.stages)  # checks stages before starting workers
    pipeline.executor = make_executor(executor, workers, address, chunk_size)
    return pipeline


def run(
    items: Iterable[Article | Reject],
    stages: Sequence[str] | None = None,
    executor: str = "serial",
    workers: int | None = None,
    address: str | None = None,
    config: ConfigArg = None,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Article | Reject]:
    """Run the pipeline over ``items`` on ``executor``; yields in input order, lazily.

    Stage names, order and executor arguments are checked when this is called; workers
    start on the first ``next()`` and stop when the stream ends or is closed.
    """
    pipeline = batch_pipeline(stages, config, executor, workers, address, chunk_size)
    return _closing(pipeline.pipe(items), pipeline)


def _closing(stream: Iterator[Item], pipeline: ParallelPipeline) -> Iterator[Item]:
    try:
        yield from stream
    finally:
        pipeline.close()


def analyze(
    inputs: Sequence[str],
    stages: Sequence[str] | None = None,
    config: ConfigArg = None,
    executor: str = "serial",
    workers: int | None = None,
    address: str | None = None,
) -> Iterator[Article | Reject]:
    """:func:`warta.api.analyze` on an executor: read ``inputs`` and run the pipeline, lazily."""
    from warta.ingest import read_inputs

    settings = _settings(config)
    return run(read_inputs(inputs, settings), stages, executor, workers, address, settings)


def ingest(
    inputs: Sequence[str],
    db: str | os.PathLike[str] | None = None,
    config: ConfigArg = None,
    stages: Sequence[str] | None = None,
    progress: Callable[[Iterator[Article | Reject]], Iterable[Article | Reject]] | None = None,
    executor: str = "serial",
    workers: int | None = None,
    address: str | None = None,
) -> IngestReport:
    """:func:`warta.api.ingest` on an executor: analysis runs on the workers, storing stays here."""
    from warta.ingest import read_inputs
    from warta.store import Store
    from warta.store.ingest import ingest_items

    settings = _settings(config)
    pipeline = batch_pipeline(stages, settings, executor, workers, address)
    items: Iterable[Article | Reject] = read_inputs(inputs, settings)
    if progress is not None:
        items = progress(iter(items))
    try:
        with Store.open(db, settings) as store:
            return ingest_items(store, items, pipeline)
    finally:
        pipeline.close()


__all__ = [
    "CHUNK_SIZE",
    "EXECUTORS",
    "Executor",
    "LocalExecutor",
    "ParallelPipeline",
    "PipelineSpec",
    "analyze",
    "batch_pipeline",
    "ingest",
    "make_executor",
    "run",
]
