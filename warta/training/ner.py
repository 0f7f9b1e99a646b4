"""Train Warta's Indonesian NER model with spaCy's own training loop (``warta train ner``).

1. Read the training splits of the four permissively licensed corpora (fold 1 for the
   5-fold IndoLEM corpora) and their dev splits, harmonised to PER/ORG/LOC
   (:mod:`warta.training.corpora`), and write them as spaCy ``DocBin`` files.
2. Build a blank Indonesian pipeline from ``ner.cfg`` (a hash-embedding CNN + NER), with
   word vectors learned from raw text (:mod:`warta.training.vectors`) unless turned off.
3. Run spaCy's ``train_while_improving`` loop, seeded; keep the parameters (averaged) that
   score best on the combined dev splits; stop at ``max_steps`` or ``patience`` (step counts,
   so a run is reproducible). An optional wall-clock budget exists for quick experiments only.
4. Save the best model with a ``meta.json`` saying what it was trained on.

No test split is ever read here, so the test figures of ``warta eval ner`` are clean (fold 1
for IndoLEM). The run is deterministic for a given seed as long as the time budget is not
what stops it (the log says which limit stopped it).
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from warta.training.corpora import CORPORA, LABELS, Sentence, load_split, sentence_key

log = logging.getLogger(__name__)

DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "ner-id"
MODEL_NAME = "warta_ner_id"
MODEL_VERSION = "1.0.0"


@dataclass
class TrainResult:
    output: Path
    best_dev_f: float
    steps: int
    minutes: float
    stopped_by: str
    train_sentences: dict[str, int] = field(default_factory=dict)
    dev_sentences: dict[str, int] = field(default_factory=dict)


def test_keys(data_dir: Path, fold: int) -> set[str]:
    """Sentence keys of every corpus's test split (fold ``fold`` for the folded corpora)."""
    return {sentence_key(s.words) for c in CORPORA for s in load_split(data_dir, c, "test", fold)}


def load_config(
    seed: int, train: Path, dev: Path, max_steps: int | None = None, vectors: Path | None = None,
    overrides: dict[str, Any] | None = None,
) -> Any:
    """``ner.cfg`` with the run's paths and seed filled in.

    ``overrides`` maps dotted config keys to values (``{"training.dropout": 0.2}``); it is how
    the architecture experiments in ``EVALUATION.md`` were run from Python.
    """
    from spacy.util import load_config_from_str

    text = files("warta.training").joinpath("ner.cfg").read_text(encoding="utf-8")
    settings: dict[str, Any] = {"paths.train": str(train), "paths.dev": str(dev), "system.seed": seed}
    if vectors is not None:
        settings["initialize.vectors"] = str(vectors)
        settings["components.ner.model.tok2vec.embed.include_static_vectors"] = True
    if max_steps is not None:
        settings["training.max_steps"] = max_steps
    settings.update(overrides or {})
    return load_config_from_str(text, overrides=settings, interpolate=False)


def sentences_to_docbin(sentences: Iterable[Sentence], path: Path) -> int:
    """Write sentences as gold Docs (one Doc per sentence); returns how many were written."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("id").vocab
    db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"])
    n = 0
    for sent in sentences:
        db.add(sentence_doc(vocab, sent))
        n += 1
    db.to_disk(path)
    return n


def sentence_doc(vocab: Any, sent: Sentence) -> Any:
    from spacy.tokens import Doc

    doc = Doc(vocab, words=list(sent.words))
    doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=lab) for s, e, lab in sent.spans]
    return doc


def train_ner(
    data_dir: Path,
    output: Path = DEFAULT_MODEL_DIR,
    *,
    seed: int = 0,
    max_minutes: float | None = None,
    max_steps: int | None = None,
    corpora: Iterable[str] = CORPORA,
    fold: int = 1,
    vectors: bool = True,
    gold_dir: Path | None = None,
    vectors_model: Path | None = None,
    overrides: dict[str, Any] | None = None,
) -> TrainResult:
    """Train, keep the best dev checkpoint, save it to ``output``. See the module docstring."""
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import create_evaluation_callback, create_train_batches, train_while_improving
    from spacy.util import fix_random_seed, registry, resolve_dot_names
    from thinc.api import Config

    corpora = list(corpora)
    train_counts: dict[str, int] = {}
    dev_counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="warta-ner-") as tmp_s:
        tmp = Path(tmp_s)
        train_sents: list[Sentence] = []
        dev_sents: list[Sentence] = []
        # The corpora share sentences (IDNER-news-2k re-annotates sentences that NER-UI/UGM
        # also hold; NER-UI has in-fold duplicates): a sentence in ANY scored test split is
        # never trained on, so every test figure is clean.
        banned = test_keys(data_dir, fold)
        for corpus in corpora:
            tr = [s for s in load_split(data_dir, corpus, "train", fold) if sentence_key(s.words) not in banned]
            dv = [s for s in load_split(data_dir, corpus, "dev", fold) if sentence_key(s.words) not in banned]
            train_counts[corpus], dev_counts[corpus] = len(tr), len(dv)
            train_sents += tr
            dev_sents += dv
        sentences_to_docbin(train_sents, tmp / "train.spacy")
        sentences_to_docbin(dev_sents, tmp / "dev.spacy")

        vec_path = vectors_model  # cross-validation learns the (fold-independent) vectors once
        if vectors and vec_path is None:
            from warta.training.vectors import save_vectors_model, train_vectors

            words, table = train_vectors(data_dir, gold_dir, seed=seed)
            vec_path = save_vectors_model(words, table, tmp / "vectors")
        config = load_config(seed, tmp / "train.spacy", tmp / "dev.spacy", max_steps, vec_path, overrides)
        fix_random_seed(seed)
        nlp = init_nlp(config)
        config = nlp.config.interpolate()
        fix_random_seed(seed)
        from spacy.schemas import ConfigSchemaTraining

        T = registry.resolve(config["training"], schema=ConfigSchemaTraining)
        train_corpus, dev_corpus = resolve_dot_names(config, [T["train_corpus"], T["dev_corpus"]])
        optimizer = T["optimizer"]
        steps = train_while_improving(
            nlp,
            optimizer,
            create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"]),
            create_evaluation_callback(nlp, dev_corpus, T["score_weights"]),
            dropout=T["dropout"],
            eval_frequency=T["eval_frequency"],
            accumulate_gradient=T["accumulate_gradient"],
            patience=T["patience"],
            max_steps=T["max_steps"],
            exclude=T["frozen_components"],
            annotating_components=T["annotating_components"],
            before_update=T["before_update"],
        )
        best_dir = tmp / "best"
        start = time.monotonic()
        max_s = int(T["max_steps"])
        best_f, last_step, stopped_by = -1.0, 0, f"patience ({T['patience']} steps)"
        for _batch, info, is_best in steps:
            last_step = info["step"]
            if is_best is not None:
                f = float(info["other_scores"].get("ents_f") or 0.0)
                log.info("step %d epoch %d dev ents_f %.4f loss %.1f", info["step"], info["epoch"], f,
                         info["losses"].get("ner", 0.0))
                if is_best:
                    best_f = f
                    with nlp.use_params(optimizer.averages):
                        if best_dir.exists():
                            shutil.rmtree(best_dir)
                        nlp.to_disk(best_dir)
            if max_s and last_step >= max_s:
                stopped_by = f"max_steps ({max_s})"
            if max_minutes is not None and (time.monotonic() - start) / 60 > max_minutes:
                stopped_by = f"time budget ({max_minutes:g} min)"
                break
        minutes = (time.monotonic() - start) / 60
        if not best_dir.exists():  # no evaluation happened yet: keep what we have
            with nlp.use_params(optimizer.averages):
                nlp.to_disk(best_dir)
        _finish(best_dir, Path(output), Config(config), seed, best_f, last_step, stopped_by, train_counts, dev_counts,
                fold, vectors or vectors_model is not None, max_s)
    return TrainResult(Path(output), best_f, last_step, minutes, stopped_by, train_counts, dev_counts)


def _finish(
    best_dir: Path, output: Path, config: Any, seed: int, best_f: float, steps: int, stopped_by: str,
    train_counts: dict[str, int], dev_counts: dict[str, int], fold: int, vectors: bool, max_steps: int,
) -> None:
    """Copy the best model to ``output`` (keeping EVALUATION.md) and write our meta.json."""
    keep = output / "EVALUATION.md"
    report = keep.read_text(encoding="utf-8") if keep.is_file() else None
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(best_dir, output)
    meta_path = output / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        {
            "name": MODEL_NAME,
            "version": MODEL_VERSION,
            "description": "Warta's Indonesian NER (PER/ORG/LOC): spaCy hash-embedding CNN"
                           + (" + static word vectors" if vectors else "") + ", trained by `warta train ner`.",
            "license": "CC BY 4.0 (trained on IndoLEM NER-UI/UGM CC BY 4.0, NERGrit MIT/Apache-2.0, "
                       "IDNER-news-2k MIT)",
            "labels": {"ner": list(LABELS)},
            "warta": {
                "seed": seed,
                "fold": fold,
                "train_sentences": train_counts,
                "dev_sentences": dev_counts,
                "best_dev_ents_f": round(best_f, 4),
                "steps": steps,
                "stopped_by": stopped_by,
                "max_steps": max_steps,
                "reproducible": not stopped_by.startswith("time"),
                "test_splits_seen": False,
                "decontaminated": True,  # sentences of any test split were removed from train/dev
                "static_vectors": "PPMI-SVD 20k x 64 from IndoSum + NLP-ID (warta.training.vectors)" if vectors
                                  else None,
            },
        }
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if report is not None:
        keep.write_text(report, encoding="utf-8")
