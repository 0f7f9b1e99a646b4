"""Score the reader pipeline on the dev gold set with the project's own scorer.

The gold set lives outside the repository (``../shared/gold``): ``dev/articles.jsonl``,
``dev/gold/<id>.json`` and ``score.py``. We run Warta over the articles, write contract-v1
JSON Lines to a temporary file and call ``score.analysis`` from that ``score.py`` (imported
by path, never copied), so our figures are the scorer's figures.

Two paths:

- **through ingest** (the default, ``ingest=True``): exactly what ``warta analyze
  dev/articles.jsonl --format jsonl`` prints — :func:`warta.api.analyze` reads the file with
  :func:`warta.ingest.read_inputs` (metadata cleaning, mojibake repair) and runs the pipeline.
  This is the gold README's scoring method and what users get;
- **raw** (``ingest=False``): each line's ``text`` goes to the readers as it is, no cleaning;
  it shows what the readers alone do on the annotated text.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from warta.article import Article, Reject
from warta.errors import UsageError

log = logging.getLogger(__name__)


def load_scorer(gold_root: Path) -> ModuleType:
    path = gold_root / "score.py"
    if not path.is_file():
        raise UsageError(f"no scorer at {path}: point --gold at the shared/gold folder")
    spec = importlib.util.spec_from_file_location("warta_gold_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def default_gold_root() -> Path | None:
    env = os.environ.get("WARTA_DATA")
    candidates = [Path(env).parent / "gold"] if env else []
    candidates.append(Path(__file__).resolve().parents[3] / "shared" / "gold")
    return next((p for p in candidates if p.is_dir()), None)


def analyse_gold(gold_root: Path, stages: Sequence[str] | None = None, *, ingest: bool = True
                 ) -> list[dict[str, Any]]:
    """Run Warta over ``dev/articles.jsonl``; contract-v1 dicts in input order.

    ``ingest=True`` reads the file as ``warta analyze`` does; an article ingest rejects is left
    out of the output (the scorer then counts it as missing) and logged.
    """
    from warta.pipeline import load_pipeline

    articles = gold_root / "dev" / "articles.jsonl"
    if ingest:
        from warta.api import analyze

        out = []
        for item in analyze([str(articles)], stages=stages):
            if isinstance(item, Reject):
                log.warning("gold article rejected: %s [%s]", item, item.code)
            else:
                out.append(item.to_contract())
        return out
    pipeline = load_pipeline(stages)
    out = []
    with open(articles, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            art = Article(
                text=rec["text"], id=rec["id"], title=rec.get("title"), published=rec.get("published"),
                published_source="input" if rec.get("published") else None,
                outlet=rec.get("outlet"), url=rec.get("url"),
            )
            out.append(pipeline(art).to_contract())
    return out


def score_gold(gold_root: Path, stages: Sequence[str] | None = None, *, ingest: bool = True
               ) -> dict[str, tuple[float, ...]]:
    """Scores per measure, as ``score.py analysis`` prints them: (P, R, F1), or (recall,).

    ``ingest`` picks the path (see the module docstring): True scores what ``warta analyze``
    gives, False the readers alone on the raw texts."""
    scorer = load_scorer(gold_root)
    outputs = analyse_gold(gold_root, stages, ingest=ingest)
    with tempfile.TemporaryDirectory() as tmp:
        out_path = Path(tmp) / "out.jsonl"
        out_path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in outputs), encoding="utf-8")
        with contextlib.redirect_stdout(io.StringIO()):
            res = scorer.analysis(str(gold_root / "dev" / "gold"), str(gold_root / "dev" / "articles.jsonl"),
                                  str(out_path))
    return {k: tuple(float(x) for x in v) for k, v in res.items()}
