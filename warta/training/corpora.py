"""Readers for the Indonesian NER corpora, harmonised to one tag set (PER / ORG / LOC).

The corpora live outside the repository (``$WARTA_DATA``, see ``shared/data/README.md``).
Each is a CoNLL-like file: one token per line, the token first and its BIO tag last
(``token<TAB>tag`` for IndoLEM and NERGrit, ``token UPOS tag`` with CRLF for IDNER-news-2k),
a blank line between sentences.

Harmonisation (what each source tag becomes):

=================  ===========================  =====
corpus             source tags                   ours
=================  ===========================  =====
indolem-ner-ui     PERSON ORGANIZATION LOCATION  PER ORG LOC
indolem-ner-ugm    + TIME QUANTITY               dropped (O): not name types
nergrit            PERSON ORGANISATION PLACE     PER ORG LOC
idner-news-2k      PER ORG LOC                   PER ORG LOC
=================  ===========================  =====

GPE and EVENT are not annotated in any of these corpora, so the model does not predict them;
countries become GPE later, by lookup (:mod:`warta.readers.canonical`), which is honest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warta.errors import FormatError, UsageError

LABELS: tuple[str, ...] = ("PER", "ORG", "LOC")

_TYPE_MAP: dict[str, str | None] = {
    "PERSON": "PER",
    "PER": "PER",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "ORG": "ORG",
    "LOCATION": "LOC",
    "PLACE": "LOC",
    "LOC": "LOC",
    "TIME": None,
    "QUANTITY": None,
}


@dataclass(frozen=True, slots=True)
class Sentence:
    words: tuple[str, ...]
    # entity spans as (start token, end token exclusive, label)
    spans: tuple[tuple[int, int, str], ...]


@dataclass(frozen=True, slots=True)
class Split:
    corpus: str
    name: str  # "train", "dev", "test"
    path: Path


#: corpus -> split -> file name (fold 1 for the 5-fold IndoLEM corpora)
CORPUS_FILES: dict[str, dict[str, str]] = {
    "indolem-ner-ui": {"train": "train.{fold:02d}.tsv", "dev": "dev.{fold:02d}.tsv", "test": "test.{fold:02d}.tsv"},
    "indolem-ner-ugm": {"train": "train.{fold:02d}.tsv", "dev": "dev.{fold:02d}.tsv", "test": "test.{fold:02d}.tsv"},
    "indonlu-nergrit_ner-grit": {
        "train": "train_preprocess.txt", "dev": "valid_preprocess.txt", "test": "test_preprocess.txt",
    },
    "idner-news-2k": {"train": "train.txt", "dev": "dev.txt", "test": "test.txt"},
}
CORPORA: tuple[str, ...] = tuple(CORPUS_FILES)
FOLDED: frozenset[str] = frozenset({"indolem-ner-ui", "indolem-ner-ugm"})


def split_path(data_dir: Path, corpus: str, split: str, fold: int = 1) -> Path:
    """Path of one split; folded corpora use ``fold`` (1-5)."""
    if corpus not in CORPUS_FILES:
        raise UsageError(f"unknown NER corpus {corpus!r}; known: {', '.join(CORPORA)}")
    if not 1 <= fold <= 5:
        raise UsageError(f"fold must be 1-5, got {fold}")
    path = Path(data_dir) / corpus / CORPUS_FILES[corpus][split].format(fold=fold)
    if not path.is_file():
        raise UsageError(f"missing corpus file {path}: point --data at the shared/data folder")
    return path


def harmonise(tag: str) -> tuple[str, str | None]:
    """``"B-PLACE"`` → ``("B", "LOC")``; ``"O"`` and dropped types → ``("O", None)``."""
    if tag == "O":
        return "O", None
    prefix, sep, kind = tag.partition("-")
    if not sep or prefix not in {"B", "I"} or kind not in _TYPE_MAP:
        raise ValueError(f"unknown tag {tag!r}")
    label = _TYPE_MAP[kind]
    return (prefix, label) if label else ("O", None)


def tags_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO tags (already harmonised) → spans. A stray ``I-X`` opens a span, as conlleval does."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, kind = harmonise(tag)
        if label is not None and (prefix != "I" or kind != label):
            spans.append((start, i, label))
            label = None
        if prefix in {"B", "I"} and label is None:
            start, label = i, kind
    return spans


_FIELDS = re.compile(r"[\t ]+")


def read_conll(path: Path) -> Iterator[Sentence]:
    """Sentences of one file; a malformed line raises FormatError naming file and line."""
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8", newline=None) as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                if words:
                    yield _sentence(words, tags, path, lineno)
                    words, tags = [], []
                continue
            fields = _FIELDS.split(line.strip())
            if len(fields) < 2:
                raise FormatError(f"expected 'token ... tag', got {line!r}", str(path), lineno)
            words.append(fields[0])
            tags.append(fields[-1])
    if words:
        yield _sentence(words, tags, path, lineno)


def _sentence(words: list[str], tags: list[str], path: Path, lineno: int) -> Sentence:
    try:
        spans = tags_to_spans(tags)
    except ValueError as exc:
        raise FormatError(str(exc), str(path), lineno) from exc
    return Sentence(tuple(words), tuple(spans))


def load_split(data_dir: Path, corpus: str, split: str, fold: int = 1) -> list[Sentence]:
    return list(read_conll(split_path(data_dir, corpus, split, fold)))


def sentence_key(words: tuple[str, ...]) -> str:
    """Key for leakage checks: lowercased words without punctuation (as SOURCE.txt counts them)."""
    return " ".join(w.lower() for w in words if any(c.isalnum() for c in w))
