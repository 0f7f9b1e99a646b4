"""ROUGE of the extractive summariser on IndoSum's single-document summaries.

Scoring uses Google's ``rouge-score`` package (ROUGE-1, ROUGE-2, ROUGE-L F1, no stemming: its
stemmer is English). IndoSum gives articles as tokenised sentences; we join tokens with
spaces, summarise each article with :func:`warta.cluster.summaries.rank` and compare the
picked sentences with the reference summary. IndoLEM's published extractive results on
IndoSum (R1: BiLSTM 67.96, IndoBERT 69.93) are trained models on the test folds; ours is
unsupervised, scored on the dev folds (the only real files in our copy).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warta.errors import MissingExtraError, UsageError


def _scorer() -> Any:
    try:
        from rouge_score import rouge_scorer
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingExtraError("rouge-score", "eval") from exc
    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False)


def iter_indosum(folder: Path, folds: tuple[int, ...] = (1, 2, 3, 4, 5)) -> Iterator[tuple[str, list[str], str]]:
    """(id, article sentences, reference summary) per unique article of the given dev folds."""
    from warta.training.indosum import iter_indosum as read_records

    for rec in read_records(folder, folds):
        sents = [" ".join(s) for para in rec["paragraphs"] for s in para]
        yield rec["id"], sents, " ".join(" ".join(s) for s in rec["summary"])


def evaluate_indosum(folder: Path, limit: int | None = None, folds: tuple[int, ...] = (2, 3, 4, 5),
                     **rank_args: Any) -> dict[str, Any]:
    """Mean ROUGE-1/2/L F1 (×100, as papers report them) over the articles of ``folds``."""
    from warta.cluster.summaries import rank

    scorer = _scorer()
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    n = 0
    for _, sents, reference in iter_indosum(folder, folds):
        picked = sorted(rank([sents], **rank_args), key=lambda s: s.position)
        scores = scorer.score(reference, " ".join(s.text for s in picked))
        for key in totals:
            totals[key] += scores[key].fmeasure
        n += 1
        if limit and n >= limit:
            break
    if n == 0:
        raise UsageError(f"no articles read from {folder}")
    out: dict[str, Any] = {f"{k} F1": 100 * v / n for k, v in totals.items()}
    out["articles"] = n
    out["folds"] = ",".join(map(str, folds))
    return out
