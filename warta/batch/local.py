"""Run the pipeline on several local processes (``concurrent.futures.ProcessPoolExecutor``).

    >>> from warta.batch.local import LocalExecutor
    >>> from warta.batch._worker import PipelineSpec
    >>> ex = LocalExecutor(n_workers=2)
    >>> for item in ex.map(PipelineSpec.for_pipeline(["language"]), articles):  # doctest: +SKIP
    ...     print(item)

How it works:

1. Worker processes are *spawned* (not forked) on every platform, so behaviour does not
   depend on the OS and no thread state of the parent (model libraries start threads) is
   copied into a child. Each worker builds its :class:`~warta.pipeline.Pipeline` once, in the
   pool initializer; a stage loads its model on its first article, once per worker.
2. Items are sent in chunks of ``chunk_size``. At most ``max_in_flight`` chunks are
   submitted at a time and results are yielded in input order, so memory stays flat on an
   input stream of any length.
3. A stage that fails on an article makes a Reject naming the stage (``Pipeline.pipe``, in the
   worker). A worker *process* that dies (segfault, out-of-memory kill, ``os._exit``) breaks
   the pool and fails every chunk in flight; those chunks are then re-run one at a time on a
   fresh pool, and a chunk that kills its worker again is re-run article by article, so only
   the article that kills a worker becomes a Reject and the batch goes on.

Because workers are spawned, a script that calls this must guard its entry point with
``if __name__ == "__main__":`` (the standard ``multiprocessing`` rule).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from warta.article import Article
from warta.batch._worker import Item, PipelineSpec, WorkerSetupError, chunk_rejects, init_worker, run_chunk
from warta.errors import ConfigError, UsageError

#: Articles per task. Measured with benchmarks/bench_scaling.py (300 IndoSum articles, default
#: pipeline, 2 workers, shared machine): chunks of 4 took 99 s, 16 took 77 s, 64 took 72 s,
#: with the load average falling from 7.5 to 4.9 during the runs, so 16 vs 64 is within the
#: noise. 16 is kept: the read-ahead window (2 chunks per worker) stays small, so results
#: stream steadily and memory stays flat, and a chunk is ~2-3 s of work (the default
#: pipeline costs ~150 ms an article), which also bounds the work lost to a worker crash.
CHUNK_SIZE = 16


def default_workers() -> int:
    """The CPUs this process may use (the affinity mask, not the machine's total)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class LocalExecutor:
    """Runs ``Pipeline.pipe`` on ``n_workers`` spawned processes, yielding in input order."""

    kind = "local"

    def __init__(
        self,
        n_workers: int | None = None,
        chunk_size: int = CHUNK_SIZE,
        max_in_flight: int | None = None,
    ) -> None:
        if n_workers is not None and n_workers < 1:
            raise UsageError(f"n_workers must be at least 1, got {n_workers}")
        if chunk_size < 1:
            raise UsageError(f"chunk_size must be at least 1, got {chunk_size}")
        self.n_workers = n_workers or default_workers()
        self.chunk_size = chunk_size
        # Two chunks per worker: one running, one queued, so no worker waits on the parent.
        self.max_in_flight = max_in_flight or 2 * self.n_workers
        if self.max_in_flight < 1:
            raise UsageError(f"max_in_flight must be at least 1, got {self.max_in_flight}")

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Nothing to release: each :meth:`map` call owns its pool and shuts it down."""

    def _pool(self, spec: PipelineSpec) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.n_workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(spec,),
        )

    def map(self, spec: PipelineSpec, items: Iterable[Item]) -> Iterator[Item]:
        """Every item of ``items`` processed (an Article) or refused (a Reject), in input order."""
        chunks = chunked(items, self.chunk_size)
        pool = self._pool(spec)
        pending: deque[tuple[list[Item], Future[list[Item]]]] = deque()
        try:
            more = True
            while True:
                while more and len(pending) < self.max_in_flight:
                    chunk = next(chunks, None)
                    if chunk is None:
                        more = False
                        break
                    pending.append((chunk, _submit(pool, spec, chunk)))
                if not pending:
                    return
                chunk, future = pending.popleft()
                try:
                    results = future.result()
                except BrokenProcessPool:
                    # Some chunk in flight killed a worker, and the pool failed all that were
                    # not finished: re-run each of those alone on a fresh pool to find the culprit.
                    backlog: list[tuple[list[Item], Future[list[Item]] | None]] = [(chunk, None), *pending]
                    pending.clear()
                    pool.shutdown(wait=True, cancel_futures=True)
                    pool = self._pool(spec)
                    for c, f in backlog:
                        if f is not None and f.done() and not f.cancelled() and f.exception() is None:
                            yield from f.result()  # finished before the crash: keep its results
                            continue
                        results, pool = self._isolated(spec, c, pool)
                        yield from results
                    continue
                except Exception as exc:
                    results = _failed(chunk, exc)
                yield from results
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _isolated(
        self, spec: PipelineSpec, chunk: list[Item], pool: ProcessPoolExecutor
    ) -> tuple[list[Item], ProcessPoolExecutor]:
        """Run ``chunk`` alone; if it kills its worker, split it down to the article that does."""
        try:
            return _submit(pool, spec, chunk).result(), pool
        except BrokenProcessPool as exc:
            pool.shutdown(wait=True, cancel_futures=True)
            pool = self._pool(spec)
            if sum(isinstance(i, Article) for i in chunk) <= 1:
                reason = (f"the batch worker process died while analysing this article and again when it "
                          f"was retried alone ({type(exc).__name__}: {exc})")
                return chunk_rejects(chunk, reason), pool
            out: list[Item] = []
            for item in chunk:
                results, pool = self._isolated(spec, [item], pool)
                out.extend(results)
            return out, pool
        except Exception as exc:
            return _failed(chunk, exc), pool


def _submit(pool: ProcessPoolExecutor, spec: PipelineSpec, chunk: list[Item]) -> Future[list[Item]]:
    try:
        return pool.submit(run_chunk, spec, chunk)
    except BrokenProcessPool as exc:  # the pool broke before this chunk was sent
        future: Future[list[Item]] = Future()
        future.set_exception(exc)
        return future


def _failed(chunk: list[Item], exc: BaseException) -> list[Item]:
    """A chunk the executor could not run: a worker set-up failure stops the batch, else Rejects."""
    if isinstance(exc, WorkerSetupError):
        raise ConfigError(f"a batch worker could not build the pipeline: {exc}") from None
    return chunk_rejects(chunk, f"the batch executor could not process this article ({type(exc).__name__}: {exc})")


__all__ = ["CHUNK_SIZE", "LocalExecutor", "chunked", "default_workers"]
