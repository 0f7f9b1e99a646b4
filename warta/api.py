"""The Python API that the CLI, the web app and the batch executors share.

    >>> import warta
    >>> for art in warta.analyze(["berita/"]):          # doctest: +SKIP
    ...     print(art.id, [e.name for e in art.entities])
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from warta.article import Article, Reject
from warta.config import load_settings
from warta.pipeline import load_pipeline

if TYPE_CHECKING:  # the store is imported lazily so `import warta` stays light
    from warta.store.ingest import IngestReport
    from warta.store.queries import SearchHit


def analyze(
    inputs: Sequence[str],
    stages: Sequence[str] | None = None,
    config: str | os.PathLike[str] | None = None,
) -> Iterator[Article | Reject]:
    """Read ``inputs`` (paths, directories, URLs, ``-``) and run the reader pipeline, lazily."""
    from warta.ingest import read_inputs

    settings = load_settings(config)
    pipeline = load_pipeline(stages, settings)
    return pipeline.pipe(read_inputs(inputs, settings))


def ingest(
    inputs: Sequence[str],
    db: str | os.PathLike[str] | None = None,
    config: str | os.PathLike[str] | None = None,
    stages: Sequence[str] | None = None,
    progress: Callable[[Iterator[Article | Reject]], Iterable[Article | Reject]] | None = None,
) -> IngestReport:
    """Read ``inputs``, analyse what is not stored yet, and store it in ``db`` (default: settings).

    Idempotent and resumable: each article is committed on its own, and articles already
    stored with the same text and stage versions are skipped without re-analysis.
    ``progress`` may wrap the input stream (e.g. in a progress bar).
    """
    from warta.ingest import read_inputs
    from warta.store import Store
    from warta.store.ingest import ingest_items

    settings = load_settings(config)
    pipeline = load_pipeline(stages, settings)
    items: Iterable[Article | Reject] = read_inputs(inputs, settings)
    if progress is not None:
        items = progress(iter(items))
    with Store.open(db, settings) as store:
        return ingest_items(store, items, pipeline)


def search(
    query: str,
    db: str | os.PathLike[str] | None = None,
    limit: int = 20,
    offset: int = 0,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    config: str | os.PathLike[str] | None = None,
) -> list[SearchHit]:
    """Full-text search over stored articles (near-duplicates left out), best match first."""
    from warta.store import Store

    with Store.open(db, load_settings(config), create=False) as store:
        return store.search(query, limit=limit, offset=offset, outlet=outlet, since=since, until=until)


def stats(db: str | os.PathLike[str] | None = None, config: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Counts over the store: articles, duplicates, rejects by code, outlets, languages, dates, annotations."""
    from warta.store import Store

    with Store.open(db, load_settings(config), create=False) as store:
        return store.stats()
