"""Run the pipeline on a Dask cluster (``dask.distributed``): many machines, one stream.

    >>> from warta.batch.dask import DaskExecutor
    >>> from warta.batch._worker import PipelineSpec
    >>> with DaskExecutor("tcp://scheduler:8786") as ex:                       # doctest: +SKIP
    ...     for item in ex.map(PipelineSpec.for_pipeline(["language", "entities"]), articles):
    ...         print(item)

Same interface and guarantees as :class:`warta.batch.local.LocalExecutor`: chunks of
articles are submitted as tasks, at most ``max_in_flight`` at a time, and results come back
in input order. Each worker process builds the pipeline once, on its first chunk, and keeps
it (a per-process cache in :mod:`warta.batch._worker`), so models load once per worker.

With no ``address`` a ``LocalCluster`` of ``n_workers`` processes (one thread each) is
started and closed with the executor. With an address, the workers must have Warta (and any
plugin stage's module) installed. A worker that dies is handled by Dask: the scheduler
re-runs its task elsewhere, and after ``distributed.scheduler.allowed-failures`` deaths
raises ``KilledWorker``; the chunk is then re-run article by article so only the article
that kills workers becomes a Reject.

Dask is an optional extra (``pip install 'warta[dask]'``) and is imported only here, when an
executor is made; without it a :class:`~warta.errors.MissingExtraError` says how to install it.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from warta.article import Article
from warta.batch._worker import Item, PipelineSpec, WorkerSetupError, chunk_rejects, run_chunk
from warta.batch.local import CHUNK_SIZE, chunked, default_workers
from warta.errors import ConfigError, MissingExtraError, UsageError

# Seconds to wait for a remote scheduler before saying it cannot be reached.
CONNECT_TIMEOUT = 30


def _distributed() -> Any:
    """The ``dask.distributed`` module, or MissingExtraError with the install command."""
    try:
        import dask.distributed
    except ImportError as exc:
        raise MissingExtraError("dask", "dask") from exc
    return dask.distributed


class DaskExecutor:
    """Runs ``Pipeline.pipe`` as Dask tasks, yielding in input order."""

    kind = "dask"

    def __init__(
        self,
        address: str | None = None,
        n_workers: int | None = None,
        chunk_size: int = CHUNK_SIZE,
        max_in_flight: int | None = None,
        threads_per_worker: int = 1,
    ) -> None:
        if n_workers is not None and n_workers < 1:
            raise UsageError(f"n_workers must be at least 1, got {n_workers}")
        if chunk_size < 1:
            raise UsageError(f"chunk_size must be at least 1, got {chunk_size}")
        self._dd = _distributed()  # fail now, not on the first article, when dask is missing
        self.address = address
        self.n_workers = n_workers or default_workers()
        self.threads_per_worker = threads_per_worker
        self.chunk_size = chunk_size
        self._max_in_flight = max_in_flight
        self._cluster: Any = None
        self._client: Any = None

    def __enter__(self) -> DaskExecutor:
        self.client()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def client(self) -> Any:
        """The ``distributed.Client``, connecting (or starting a LocalCluster) on first use."""
        if self._client is None:
            if self.address:
                try:
                    self._client = self._dd.Client(self.address, timeout=CONNECT_TIMEOUT)
                except (OSError, TimeoutError) as exc:
                    raise UsageError(f"cannot connect to the Dask scheduler at {self.address}: {exc}") from exc
            else:
                # One thread per worker process: stages (spaCy, lingua) are not documented as
                # thread-safe, and processes are what gives parallelism for Python code.
                self._cluster = self._dd.LocalCluster(
                    n_workers=self.n_workers, threads_per_worker=self.threads_per_worker, processes=True,
                    dashboard_address=None, silence_logs=logging.ERROR,
                )
                self._client = self._dd.Client(self._cluster)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    @property
    def max_in_flight(self) -> int:
        if self._max_in_flight:
            return self._max_in_flight
        # Two chunks per worker thread: one running, one queued, so no worker waits on us.
        threads = sum(self.client().nthreads().values()) or self.n_workers
        return 2 * threads

    def map(self, spec: PipelineSpec, items: Iterable[Item]) -> Iterator[Item]:
        """Every item of ``items`` processed (an Article) or refused (a Reject), in input order."""
        client = self.client()
        limit = self.max_in_flight
        chunks = chunked(items, self.chunk_size)
        pending: deque[tuple[list[Item], Any]] = deque()
        try:
            more = True
            while True:
                while more and len(pending) < limit:
                    chunk = next(chunks, None)
                    if chunk is None:
                        more = False
                        break
                    pending.append((chunk, client.submit(run_chunk, spec, chunk, pure=False)))
                if not pending:
                    return
                chunk, future = pending.popleft()
                yield from self._result(spec, chunk, future)
        finally:
            for _, future in pending:
                future.cancel()

    def _result(self, spec: PipelineSpec, chunk: list[Item], future: Any) -> list[Item]:
        try:
            return list(future.result())
        except self._dd.KilledWorker as exc:
            if sum(isinstance(i, Article) for i in chunk) <= 1:
                return chunk_rejects(chunk, f"Dask workers died each time they analysed this article ({exc})")
            # Split the chunk and run its articles one at a time, so only the one that kills
            # workers is rejected: a task running beside it on the dying worker would be
            # failed with it (KilledWorker blames every task the worker was processing).
            out: list[Item] = []
            for item in chunk:
                out.extend(self._result(spec, [item], self.client().submit(run_chunk, spec, [item], pure=False)))
            return out
        except WorkerSetupError as exc:
            raise ConfigError(f"a Dask worker could not build the pipeline: {exc}") from None
        except Exception as exc:
            return chunk_rejects(chunk, f"the Dask executor could not process this article "
                                        f"({type(exc).__name__}: {exc})")


__all__ = ["DaskExecutor"]
