"""Small word vectors learned here from raw Indonesian news text, for the NER model's input.

Count-based vectors (Levy, Goldberg & Dagan 2015): word–context co-occurrences in a ±2
window over IndoSum's articles (CC BY-SA 4.0) and the NLP-ID POS corpus sentences (MIT),
positive PMI with context-distribution smoothing (α = 0.75), reduced by truncated SVD
(scikit-learn) to ``dims`` columns, ``U·√Σ`` rows L2-normalised. Keys are lowercased words
(spaCy ``Vectors(attr="LOWER")``). No download: everything comes from ``$WARTA_DATA``.

IndoSum articles that are also in the dev gold set (``../shared/gold/dev``) are left out,
so the gold figures are not measured on text the vectors saw.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

WINDOW = 2
# 20k words x 64 dims keeps the vectors at ~5 MB in the committed model; a larger table
# was not tried for lack of CPU time (see docs/entities.md).
VOCAB = 20_000
DIMS = 64
MIN_COUNT = 3


def raw_sentences(data_dir: Path, exclude_ids: set[str] = frozenset()) -> Iterator[list[str]]:  # type: ignore[assignment]
    """Tokenised sentences from IndoSum (deduplicated, minus ``exclude_ids`` prefixes) and NLP-ID."""
    from warta.training.indosum import iter_indosum

    for rec in iter_indosum(Path(data_dir) / "indosum-devfolds"):
        if not any(rec["id"].startswith(x) for x in exclude_ids):
            for para in rec["paragraphs"]:
                yield from para
    words: list[str] = []
    with open(Path(data_dir) / "nlpid-postag" / "dataset_postag.txt", encoding="utf-8") as fh:
        for line in fh:
            tok = line.split("\t", 1)[0].strip()
            if tok:
                words.append(tok)
            elif words:
                yield words
                words = []
    if words:
        yield words


def gold_indosum_ids(gold_dir: Path | None) -> set[str]:
    """IndoSum id prefixes of the dev gold articles (their ids are ``indosum-<id prefix>``)."""
    path = gold_dir / "dev" / "articles.jsonl" if gold_dir else None
    if path is None or not path.is_file():
        return set()
    ids = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                aid = json.loads(line)["id"]
                if aid.startswith("indosum-"):
                    ids.add(aid.removeprefix("indosum-"))
    return ids


def train_vectors(
    data_dir: Path, gold_dir: Path | None = None, vocab: int = VOCAB, dims: int = DIMS, seed: int = 0
) -> tuple[list[str], np.ndarray]:
    """(words, vectors) with ``vectors[i]`` the unit vector of ``words[i]``."""
    from scipy.sparse import coo_matrix
    from sklearn.decomposition import TruncatedSVD

    sents = [[w.lower() for w in s] for s in raw_sentences(data_dir, gold_indosum_ids(gold_dir))]
    counts = Counter(w for s in sents for w in s)
    words = [w for w, c in counts.most_common(vocab) if c >= MIN_COUNT]
    index = {w: i for i, w in enumerate(words)}
    ids = np.array([index.get(w, -1) for s in sents for w in [*s, "\x00"]], dtype=np.int64)
    rows, cols = [], []
    for d in range(1, WINDOW + 1):  # sentence ends are -1 ("\x00"), so no pair crosses them
        a, b = ids[:-d], ids[d:]
        ok = (a >= 0) & (b >= 0)
        rows += [a[ok], b[ok]]
        cols += [b[ok], a[ok]]
    r, c = np.concatenate(rows), np.concatenate(cols)
    n = len(words)
    cooc = coo_matrix((np.ones(len(r), dtype=np.float64), (r, c)), shape=(n, n)).tocsr()
    cooc.sum_duplicates()
    total = cooc.sum()
    row_sum = np.asarray(cooc.sum(axis=1)).ravel()
    ctx = np.asarray(cooc.sum(axis=0)).ravel() ** 0.75
    ctx /= ctx.sum()
    coo = cooc.tocoo()
    pmi = np.log(coo.data * 1.0 / total) - np.log(row_sum[coo.row] / total) - np.log(ctx[coo.col])
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=(n, n)).tocsr()
    svd = TruncatedSVD(n_components=dims, random_state=seed, algorithm="randomized", n_iter=5)
    u = svd.fit_transform(ppmi)  # = U·Σ
    vec = u / np.sqrt(np.maximum(svd.singular_values_, 1e-9))  # U·√Σ
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
    log.info("vectors: %d sentences, %d words, %d dims", len(sents), n, dims)
    return words, vec.astype(np.float32)


def save_vectors_model(words: list[str], vectors: np.ndarray, path: Path) -> Path:
    """A blank Indonesian spaCy pipeline holding the vectors, for ``[initialize] vectors``."""
    import spacy
    from spacy.vectors import Vectors

    nlp = spacy.blank("id")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=vectors, keys=words, attr="LOWER",
                                name="warta_id_ppmi")
    nlp.to_disk(path)
    return path
