"""Storing a stream: ingest items → skip what is already done → pipeline → store.

:func:`ingest_items` is the loop behind ``warta.ingest()`` and ``warta ingest``. Each
article is committed on its own (one transaction in :meth:`Store.add`), so killing the
process loses at most the article in flight, and the next run skips every article whose
text is stored with the same stage versions (:meth:`Store.current`) without running the
pipeline on it again: re-running an interrupted ingest finishes the job, and re-running a
finished one changes nothing.

At the end, the new originals are placed into events and stories
(:func:`warta.store.cluster_queries.update_clusters`, setting ``cluster.place_on_ingest``).
A placement that fails is logged and left queued for the next one; the articles stay stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from warta.article import Article, Reject
from warta.errors import StoreError
from warta.pipeline import Pipeline
from warta.store.sqlite import AddResult, Store

log = logging.getLogger(__name__)

Items = Iterable[Article | Reject]
R = TypeVar("R")

_FIELD = {"new": "new", "updated": "updated", "unchanged": "unchanged", "duplicate": "duplicates",
          "near-duplicate": "near_duplicates"}


@dataclass
class IngestReport:
    """Counts of what an ingest did, and every reject (also recorded in the ``rejects`` table)."""

    db: str = ""
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    rejects: list[Reject] = field(default_factory=list)
    placed: int = 0  # originals placed into events at the end (cluster.place_on_ingest)

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    @property
    def stored(self) -> int:
        """Items that ended up in the store in any form (everything but rejects)."""
        return self.new + self.updated + self.unchanged + self.duplicates + self.near_duplicates

    def count(self, result: AddResult) -> None:
        name = _FIELD[result.status]
        setattr(self, name, getattr(self, name) + 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "db": self.db, "new": self.new, "updated": self.updated, "unchanged": self.unchanged,
            "duplicates": self.duplicates, "near_duplicates": self.near_duplicates, "rejected": self.rejected,
            "placed": self.placed,
            "rejects": [
                {"item": r.item, "line": r.line, "stage": r.stage, "code": r.code, "reason": r.reason}
                for r in self.rejects
            ],
        }


def ingest_items(
    store: Store,
    items: Items,
    pipeline: Pipeline,
    on_result: Callable[[Article | Reject, AddResult | None], None] | None = None,
) -> IngestReport:
    """Analyse and store every article in ``items``; record every reject. Returns the counts."""
    report = IngestReport(db=store.path)
    versions = {spec.name: spec.version for spec in pipeline.specs}
    seen: set[str] = set()  # ids met in this run: meeting one again means the input holds it twice

    def tally(article: Article, result: AddResult) -> AddResult:
        if result.status == "unchanged" and article.id in seen:
            result = AddResult("duplicate", result.id, result.id)
        if result.status != "duplicate":  # a stale or copied item does not make its id "met"
            seen.add(article.id)
        report.count(result)
        _guard(lambda a: store.clear_rejects(a.origin), article)  # stored now: its old rejects are void
        return result

    def not_done(stream: Items) -> Iterator[Article | Reject]:
        for item in stream:
            if isinstance(item, Article):
                done = _guard(lambda a: store.current(a, versions), item)
                if isinstance(done, AddResult):
                    done = tally(item, done)
                    if on_result:
                        on_result(item, done)
                    continue
                if isinstance(done, Reject):
                    item = done
            yield item

    for item in pipeline.pipe(not_done(items)):
        result: AddResult | Reject | None = None
        if isinstance(item, Article):
            result = _guard(store.add, item)
        if isinstance(item, Article) and isinstance(result, AddResult):
            result = tally(item, result)
        elif isinstance(result, Reject) or isinstance(item, Reject):
            reject = result if isinstance(result, Reject) else item
            report.rejects.append(reject)
            try:
                store.add_reject(reject)
            except StoreError as exc:  # still reported to the caller, just not recorded
                report.rejects.append(Reject(reject.item, exc.message, exc.code, reject.line))
        if on_result:
            on_result(item, result if isinstance(result, AddResult) else None)
    if store.settings.place_on_ingest:
        _place(store, report)
    return report


def _place(store: Store, report: IngestReport) -> None:
    """Place what this ingest (or an earlier one) stored and no event holds yet."""
    from warta.store.cluster_queries import update_clusters

    try:
        report.placed = update_clusters(store)["articles"]
    except StoreError as exc:  # the articles are stored; they stay queued for the next placement
        log.warning("stored articles were not placed into events (%s); `warta events` places them", exc.message)


def _guard(fn: Callable[[Article], R], article: Article) -> R | Reject:
    """Run a store call on one article; a StoreError becomes that article's Reject, not the batch's end."""
    try:
        return fn(article)
    except StoreError as exc:
        return Reject(item=article.origin or article.id, reason=exc.message, code=exc.code, stage="store")
