"""What runs inside a batch worker process (local pool or Dask worker).

A worker receives a :class:`PipelineSpec` (stage names, their settings, and the modules
that register any non-built-in stage) plus a chunk of items, and runs
:meth:`warta.pipeline.Pipeline.pipe` on the chunk. The pipeline is built once per process
and cached by spec, so a reader's model loads once per worker, not once per chunk.

Only plain, picklable data crosses the process boundary: the spec, ``Article`` and
``Reject`` dataclasses, and :class:`WorkerSetupError` (whose only argument is a string,
unlike the ``WartaError`` family, whose keyword-carrying constructors do not unpickle).
"""

from __future__ import annotations

import importlib
import json
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from warta.article import Article, Reject
from warta.errors import StageError
from warta.pipeline import Pipeline
from warta.registry import BUILTIN_MODULES, get_stage

Item = Article | Reject


class WorkerSetupError(Exception):
    """A worker could not build the pipeline (the parent turns it into a ``ConfigError``)."""


@dataclass(frozen=True)
class PipelineSpec:
    """Everything a worker needs to build the same pipeline as the parent."""

    stages: tuple[str, ...]
    settings: dict[str, dict[str, Any]] = field(default_factory=dict, hash=False)
    # Modules to import before building, so stages registered outside warta's built-in
    # modules (a plugin, a test, a user's package) exist in a freshly spawned process too.
    modules: tuple[str, ...] = ()

    @classmethod
    def for_pipeline(cls, stages: Sequence[str], settings: dict[str, dict[str, Any]] | None = None) -> PipelineSpec:
        """The spec for ``stages``, finding the module that registers each non-built-in one."""
        builtin = set(BUILTIN_MODULES.values())
        modules: list[str] = []
        for name in stages:
            module = getattr(get_stage(name).factory, "__module__", None)
            # "__main__" cannot be imported by name; a spawned child re-runs the parent's main
            # script as "__mp_main__" anyway, which registers its stages again.
            if module and module not in builtin and module not in ("__main__", "__mp_main__") \
                    and module not in modules:
                modules.append(module)
        used = {name: dict(settings[name]) for name in stages if settings and name in settings}
        return cls(tuple(stages), used, tuple(modules))

    @property
    def key(self) -> str:
        return json.dumps([self.stages, self.settings, self.modules], sort_keys=True, default=str)


_PIPELINES: dict[str, Pipeline] = {}
_LOCK = threading.Lock()  # a Dask worker may run tasks on several threads


def build(spec: PipelineSpec) -> Pipeline:
    """This process's pipeline for ``spec``, built on first use and then reused."""
    with _LOCK:
        pipeline = _PIPELINES.get(spec.key)
        if pipeline is None:
            try:
                for module in spec.modules:
                    importlib.import_module(module)
                pipeline = Pipeline(list(spec.stages), spec.settings)
            except Exception as exc:
                raise WorkerSetupError(f"{type(exc).__name__}: {exc}") from None
            _PIPELINES[spec.key] = pipeline
        return pipeline


def init_worker(spec: PipelineSpec) -> None:
    """Process-pool initializer: build the pipeline up front, or remember why it failed.

    An initializer that raises breaks the whole pool with no message, so the failure is kept
    and re-raised by the first :func:`run_chunk`, which the parent reports clearly.
    """
    try:
        build(spec)
    except WorkerSetupError:
        pass  # build() is retried (and raises) in run_chunk


def run_chunk(spec: PipelineSpec, items: Sequence[Item]) -> list[Item]:
    """Run the pipeline on one chunk; stage failures come back as Rejects, in order."""
    return list(build(spec).pipe(items))


def chunk_rejects(items: Iterable[Item], reason: str, code: str = StageError.code) -> list[Item]:
    """Every article in a chunk the executor could not process, as a Reject saying why.

    Rejects already in the chunk (from ingest) are kept as they were.
    """
    return [
        item if isinstance(item, Reject) else Reject(item=item.origin or item.id, reason=reason, code=code)
        for item in items
    ]
