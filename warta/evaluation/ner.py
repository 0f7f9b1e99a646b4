"""Span-level NER evaluation on the test splits of the real corpora (``warta eval ner``).

Conventions (the ones the published figures use):

* a predicted entity counts only if its token span and its type both match a gold entity
  exactly (seqeval / conlleval "exact match");
* ``micro`` P/R/F1 pools all entities (IndoLEM's figure);
* ``macro`` F1 averages the per-type F1 over the types in the gold data (IndoNLU's NERGrit
  figure);
* the gold tags are harmonised to PER/ORG/LOC first (:mod:`warta.training.corpora`), so for
  NER-UGM the TIME and QUANTITY entities are not scored.

The test sentences are fed as gold tokens (``Doc(words=...)``), not re-tokenised, so the
token spans are comparable. Inference only: the whole evaluation takes well under a minute.

IndoLEM's published figures are the mean over 5 folds. ``evaluate_ner(..., fold=k)`` scores
the fold-``k`` test split; :func:`cross_validate` trains one model per fold (slow: minutes per
fold) and averages. Every result records how many test sentences also occur in the training
data that the model saw (``leaked``), as ``SOURCE.txt`` warns that the corpora have duplicates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warta.training.corpora import CORPORA, FOLDED, Sentence, load_split, sentence_key


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


@dataclass
class CorpusResult:
    corpus: str
    split: str
    sentences: int
    micro: Scores
    per_type: dict[str, Scores] = field(default_factory=dict)
    leaked: int = 0  # test sentences that also occur in the training data the model saw

    @property
    def macro_f(self) -> float:
        types = [s for s in self.per_type.values() if s.tp + s.fn > 0]
        return sum(s.f for s in types) / len(types) if types else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus, "split": self.split, "sentences": self.sentences, "leaked": self.leaked,
            "micro_p": self.micro.p, "micro_r": self.micro.r, "micro_f": self.micro.f, "macro_f": self.macro_f,
            "per_type_f": {k: v.f for k, v in sorted(self.per_type.items())},
        }


def score_spans(
    gold: Iterable[set[tuple[int, int, str]]], pred: Iterable[set[tuple[int, int, str]]]
) -> tuple[Scores, dict[str, Scores]]:
    """Exact-match span scores, pooled and per type, over aligned sentences."""
    micro = Scores()
    per: dict[str, Scores] = {}
    for g, p in zip(gold, pred, strict=True):
        for span in g | p:
            s = per.setdefault(span[2], Scores())
            if span in g and span in p:
                micro.tp += 1
                s.tp += 1
            elif span in p:
                micro.fp += 1
                s.fp += 1
            else:
                micro.fn += 1
                s.fn += 1
    return micro, per


def predict_spans(nlp: Any, sentences: Sequence[Sentence], batch_size: int = 256) -> list[set[tuple[int, int, str]]]:
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=list(s.words)) for s in sentences)
    return [{(e.start, e.end, e.label_) for e in doc.ents} for doc in nlp.pipe(docs, batch_size=batch_size)]


def training_keys(data_dir: Path, fold: int, corpora: Iterable[str] = CORPORA) -> set[str]:
    """Sentence keys of every training and dev split the model of ``fold`` saw."""
    keys: set[str] = set()
    for corpus in corpora:
        for split in ("train", "dev"):
            keys.update(sentence_key(s.words) for s in load_split(data_dir, corpus, split, fold))
    return keys


def evaluate_ner(
    model: Any, data_dir: Path, corpora: Sequence[str] = CORPORA, fold: int = 1, split: str = "test",
    train_corpora: Sequence[str] = CORPORA,
) -> list[CorpusResult]:
    """Score ``model`` (a loaded spaCy pipeline or a path) on each corpus's ``split``."""
    nlp = _load(model)
    seen = training_keys(data_dir, fold, train_corpora)
    if nlp.meta.get("warta", {}).get("decontaminated"):
        from warta.training.ner import test_keys

        seen -= test_keys(data_dir, fold)  # what training actually kept
    out = []
    for corpus in corpora:
        sents = load_split(data_dir, corpus, split, fold)
        gold = [set(s.spans) for s in sents]
        micro, per = score_spans(gold, predict_spans(nlp, sents))
        name = f"{split}.{fold:02d}" if corpus in FOLDED else split
        leaked = sum(sentence_key(s.words) in seen for s in sents)
        out.append(CorpusResult(corpus, name, len(sents), micro, per, leaked))
    return out


def cross_validate(
    data_dir: Path, work_dir: Path, corpus: str = "indolem-ner-ui", folds: Sequence[int] = (1, 2, 3, 4, 5),
    seed: int = 0, max_steps: int | None = None, gold_dir: Path | None = None,
) -> list[CorpusResult]:
    """IndoLEM protocol: one model per fold (trained without that fold's test split), scored on it.

    Training stops at ``max_steps`` (default: the config's), never by wall clock, so each fold
    model is reproducible. Models are cached in ``work_dir/fold-K`` so an interrupted run
    resumes; the word vectors do not depend on the fold and are learned once into
    ``work_dir/vectors``.
    """
    from warta.training.ner import train_ner

    results = []
    vec_dir = Path(work_dir) / "vectors"
    vec_dir.parent.mkdir(parents=True, exist_ok=True)
    for k in folds:
        out = Path(work_dir) / f"fold-{k}"
        if not (out / "meta.json").is_file():
            if not (vec_dir / "meta.json").is_file():
                from warta.training.vectors import save_vectors_model, train_vectors

                words, table = train_vectors(data_dir, gold_dir, seed=seed)
                save_vectors_model(words, table, vec_dir)
            train_ner(data_dir, out, seed=seed, max_steps=max_steps, fold=k, gold_dir=gold_dir, vectors_model=vec_dir)
        results += evaluate_ner(out, data_dir, [corpus], fold=k)
    return results


def mean_f(results: Sequence[CorpusResult]) -> float:
    return sum(r.micro.f for r in results) / len(results) if results else 0.0


def label_counts(sentences: Iterable[Sentence]) -> Counter[str]:
    return Counter(lab for s in sentences for _, _, lab in s.spans)


def _load(model: Any) -> Any:
    if isinstance(model, (str, Path)):
        import spacy

        return spacy.load(model)
    return model


def format_results(results: Sequence[CorpusResult]) -> str:
    """A plain-text table (also pasted into EVALUATION.md)."""
    lines = [
        f"{'corpus':26s} {'split':8s} {'sents':>5s} {'leak':>4s} {'P':>6s} {'R':>6s} {'F1':>6s} {'macroF1':>7s}  "
        "per type F1",
    ]
    for r in results:
        per = " ".join(f"{k}={v.f * 100:.1f}" for k, v in sorted(r.per_type.items()))
        lines.append(
            f"{r.corpus:26s} {r.split:8s} {r.sentences:5d} {r.leaked:4d} {r.micro.p * 100:6.2f} {r.micro.r * 100:6.2f} "
            f"{r.micro.f * 100:6.2f} {r.macro_f * 100:7.2f}  {per}"
        )
    return "\n".join(lines)
