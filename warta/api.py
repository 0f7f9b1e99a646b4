"""The Python API that the CLI, the web app and the batch executors share.

    >>> import warta
    >>> for art in warta.analyze(["berita/"]):          # doctest: +SKIP
    ...     print(art.id, [e.name for e in art.entities])
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from warta.article import Article, Reject
from warta.config import load_settings
from warta.pipeline import load_pipeline


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
