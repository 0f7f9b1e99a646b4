"""Reading the IndoSum corpus (``$WARTA_DATA/indosum-devfolds``, CC BY-SA 4.0) by path.

IndoSum's five dev folds are JSON Lines of tokenized articles (``id``, ``paragraphs`` of
sentences of tokens, ``source``, ``source_url``, ``summary``); the folds overlap a little, so
every reader that wants each article once goes through :func:`iter_indosum`. Ids start with
the crawl's Unix timestamp (:func:`id_timestamp`). Every IndoSum reader goes through here: the
clustering background table and semantic space, our clustering labels, the NER word vectors,
ROUGE, the publication-date check and the benchmarks; nothing from the corpus is stored in the repo.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warta.errors import UsageError


def iter_indosum(folder: Path, folds: tuple[int, ...] | None = None) -> Iterator[dict[str, Any]]:
    """Unique IndoSum records of the dev folds (all, or the numbered ``folds``), in file order."""
    if folds is None:
        paths = sorted(folder.glob("dev.0*.jsonl"))
        if not paths:
            raise UsageError(f"no IndoSum dev folds (dev.0*.jsonl) in {folder}: pass the indosum-devfolds folder")
    else:
        paths = [folder / f"dev.0{i}.jsonl" for i in folds]
        for path in paths:
            if not path.is_file():
                raise UsageError(f"no IndoSum fold at {path}: pass the indosum-devfolds folder")
    seen: set[str] = set()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                rec = json.loads(line)
                if rec["id"] not in seen:
                    seen.add(rec["id"])
                    yield rec


def id_timestamp(article_id: str) -> int:
    """The Unix timestamp that starts an IndoSum id (the crawl time)."""
    head = article_id.split("-", 1)[0]
    if not head.isdigit():
        raise UsageError(f"{article_id!r} is not an IndoSum id (they start with a Unix timestamp)")
    return int(head)
