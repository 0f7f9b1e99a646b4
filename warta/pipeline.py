"""The pipeline: named stages applied to a stream of articles.

1. ``Pipeline(["language", "entities", ...])`` looks each stage up in the registry and
   checks the order: every field a stage ``reads`` must be set by ingest or by an earlier
   stage (:class:`~warta.errors.PipelineOrderError` names the first stage that breaks it).
2. ``pipeline(article)`` runs the stages in order on one article and records each stage's
   version in ``article.annotated_by``.
3. ``pipeline.pipe(items)`` is the streaming API every front end uses (CLI, web, batch
   executors). ``items`` mixes articles and :class:`~warta.article.Reject` records from
   ingest; rejects pass through untouched, and an article a stage fails on becomes a
   ``Reject`` naming the stage, so one bad article never stops a batch.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from warta.article import INGEST_FIELDS, Article, Reject
from warta.errors import PipelineOrderError, StageError, WartaError
from warta.registry import StageFn, StageSpec, get_stage

log = logging.getLogger(__name__)


class Pipeline:
    """An ordered list of stages, checked when created and built when first used."""

    def __init__(self, stages: Sequence[str], settings: dict[str, dict[str, Any]] | None = None) -> None:
        settings = settings or {}
        self.specs: list[StageSpec] = [get_stage(name) for name in stages]
        self._check_order()
        self._settings = settings
        # Stages are built on first use: a re-run that finds every article already stored
        # never loads a model (the entities model takes seconds to load).
        self._built: list[tuple[StageSpec, StageFn]] | None = None

    @property
    def stages(self) -> list[tuple[StageSpec, StageFn]]:
        """The built stages (building them, and loading their models, on first access)."""
        if self._built is None:
            self._built = [(spec, spec.build(**self._settings.get(spec.name, {}))) for spec in self.specs]
        return self._built

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.specs]

    def _check_order(self) -> None:
        available = set(INGEST_FIELDS)
        for spec in self.specs:
            missing = set(spec.reads) - available
            if missing:
                raise PipelineOrderError(
                    f"stage {spec.name!r} reads {sorted(missing)}, which no earlier stage adds; "
                    f"put a stage that adds them before it (order: {', '.join(self.names)})"
                )
            available |= set(spec.adds)

    def __call__(self, article: Article) -> Article:
        for spec, fn in self.stages:
            try:
                result = fn(article)
            except WartaError:
                raise
            except Exception as exc:  # a stage bug must not kill the batch; name the stage
                raise StageError(spec.name, article.id, f"{type(exc).__name__}: {exc}") from exc
            if not isinstance(result, Article):
                raise StageError(spec.name, article.id, f"returned {type(result).__name__}, expected Article")
            article = result
            article.annotated_by[spec.name] = spec.version
        return article

    def pipe(self, items: Iterable[Article | Reject], batch_size: int = 16) -> Iterator[Article | Reject]:
        """Process a stream lazily; yields each article annotated, or a Reject saying why not.

        Output order is input order. When a stage offers ``pipe(articles) -> list[Article]``
        (as spaCy components do), articles go through it in batches of ``batch_size``, which
        lets a model stage use ``nlp.pipe``; if a batch call fails, that stage is re-run one
        article at a time so the failure is pinned on the article that caused it.
        """
        for chunk in _batched(items, batch_size):
            yield from self._pipe_batch(chunk)

    def _pipe_batch(self, chunk: list[Article | Reject]) -> list[Article | Reject]:
        slots = list(chunk)
        for spec, fn in self.stages:
            live = [i for i, item in enumerate(slots) if isinstance(item, Article)]
            if not live:
                break
            batch_fn = getattr(fn, "pipe", None)
            if batch_fn is not None and len(live) > 1:
                try:
                    results = list(batch_fn([slots[i] for i in live]))
                    if len(results) != len(live) or not all(isinstance(r, Article) for r in results):
                        raise TypeError("pipe() must return one Article per input article")
                except Exception as exc:  # fall back to one at a time to find the culprit
                    log.debug("stage %s: batch failed (%s); retrying one by one", spec.name, exc)
                else:
                    for i, art in zip(live, results, strict=True):
                        art.annotated_by[spec.name] = spec.version
                        slots[i] = art
                    continue
            for i in live:
                slots[i] = self._run_one(spec, fn, slots[i])  # type: ignore[arg-type]
        return slots

    @staticmethod
    def _run_one(spec: StageSpec, fn: StageFn, article: Article) -> Article | Reject:
        try:
            result = fn(article)
            if not isinstance(result, Article):
                raise StageError(spec.name, article.id, f"returned {type(result).__name__}, expected Article")
        except StageError as exc:
            log.warning("%s", exc)
            return Reject(item=article.origin or article.id, reason=exc.message, code=exc.code, stage=exc.stage)
        except WartaError as exc:
            return Reject(item=article.origin or article.id, reason=exc.message, code=exc.code, stage=spec.name)
        except Exception as exc:  # a stage bug must not kill the batch; name the stage and the article
            err = StageError(spec.name, article.id, f"{type(exc).__name__}: {exc}")
            log.warning("%s", err)
            return Reject(item=article.origin or article.id, reason=err.message, code=err.code, stage=spec.name)
        result.annotated_by[spec.name] = spec.version
        return result


def _batched(items: Iterable[Article | Reject], size: int) -> Iterator[list[Article | Reject]]:
    chunk: list[Article | Reject] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def load_pipeline(stages: Sequence[str] | None = None, config: Any = None) -> Pipeline:
    """The pipeline named in the settings (``[pipeline] stages``), or the given stage names."""
    from warta.config import load_settings

    cfg = config or load_settings()
    return Pipeline(list(stages) if stages is not None else cfg.pipeline, cfg.stages)


def pipe(items: Iterable[Article | Reject], stages: Sequence[str] | None = None) -> Iterator[Article | Reject]:
    """Shortcut: ``warta.pipe(warta.read_inputs(paths))``."""
    return load_pipeline(stages).pipe(items)
