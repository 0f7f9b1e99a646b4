"""Build a semantic space for the clusterer (``warta train cluster-semantic``): LSA over IndoSum.

Measured as event/story model features in docs/clustering.md (fifth pass) and not kept: the
shipped models use no semantic space, so nothing is bundled (:mod:`warta.cluster.semantic`).

Latent semantic analysis (Deerwester et al. 1990): the TF-IDF matrix of a background corpus,
reduced by scikit-learn's ``TruncatedSVD`` (randomized, seeded: same data and seed, same
file). Terms are the clusterer's own: the tokens of :func:`warta.cluster.features.tokens`,
hashed into the same 2^20 buckets, the lead counted twice, so an article's TF-IDF vector in
the stream multiplies the stored rows directly. Only buckets seen in at least ``min_df``
documents get a row (rarer ones carry no co-occurrence evidence).

The corpus is IndoSum's dev folds (``$WARTA_DATA/indosum-devfolds``, CC BY-SA 4.0; the file
is a derivative under the same licence: hashed bucket numbers and float16 weights, no text),
read as ``warta eval cluster`` reads our labelled months, **leaving out** 15 April–15 June
2017 (:data:`warta.cluster.background.EXCLUDE`), so the May 2017 dev gold takes no part.
Documents are whole articles and, with ``paragraphs=True``, also each paragraph of them
(finer co-occurrence: words used of one happening within a few sentences).
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from warta.cluster.features import N_FEATURES, lead, strip_dateline, tokens
from warta.cluster.semantic import SemanticSpace
from warta.errors import UsageError

log = logging.getLogger(__name__)

#: Dimensions of the space, and the least number of documents a term must appear in.
#: docs/clustering.md (fifth pass) tried 16, 32, 48 and 64 dimensions with min_df 3.
DIMS = 32
MIN_DF = 3


def background_documents(indosum: Path, paragraphs: bool = False) -> list[list[str]]:
    """Token lists of the IndoSum articles outside the excluded window (and their paragraphs)."""
    from warta.cluster.background import EXCLUDE
    from warta.evaluation.cluster_train import to_article
    from warta.training.indosum import id_timestamp, iter_indosum

    docs: list[list[str]] = []
    for rec in iter_indosum(indosum):
        if EXCLUDE[0] <= id_timestamp(rec["id"]) < EXCLUDE[1]:
            continue
        art = to_article(rec)
        docs.append(tokens(strip_dateline(art.text)) + tokens(lead(art)))  # as the Featurizer counts it
        if paragraphs:
            docs.extend(t for para in art.text.split("\n\n") if len(t := tokens(para)) >= 8)
    return docs


def fit_space(docs: list[list[str]], dims: int = DIMS, min_df: int = MIN_DF, seed: int = 0) -> SemanticSpace:
    """LSA of token lists: rows for the hashed buckets seen in ≥ ``min_df`` documents, and the mean."""
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.preprocessing import normalize

    hv = HashingVectorizer(analyzer=lambda toks: toks, n_features=N_FEATURES, alternate_sign=False, norm=None)
    counts = hv.transform(docs).tocsc()
    df = np.diff(counts.indptr)
    keep = np.flatnonzero(df >= min_df)
    if len(keep) <= dims:
        raise UsageError(f"{len(keep)} terms in {min_df}+ of {len(docs)} documents: too few for {dims} dimensions")
    x = counts[:, keep].tocsr()
    # The streaming IDF's formula (smooth IDF, sublinear TF), so stored rows match stream vectors.
    idf = np.log((1.0 + len(docs)) / (1.0 + df[keep])) + 1.0
    x.data = 1.0 + np.log(x.data)
    x = normalize(x.multiply(idf.reshape(1, -1)).tocsr())
    svd = TruncatedSVD(n_components=dims, algorithm="randomized", n_iter=7, random_state=seed)
    svd.fit(x)
    # float16 is what is stored: round first, so the space fitted here is the one shipped.
    rows = svd.components_.T.astype(np.float16).astype(np.float32)  # (terms, dims): a document is x @ rows
    mean = normalize(x @ rows).mean(axis=0).astype(np.float32)
    return SemanticSpace(keep.astype(np.int32), rows, mean)


def save_space(space: SemanticSpace, out: Path, seed: int = 0, n_docs: int = 0) -> Path:
    """Write a space as :func:`warta.cluster.semantic.load_space` reads it (npz, float16 rows)."""
    np.savez_compressed(out, buckets=space.buckets, rows=space.rows.astype(np.float16), mean=space.mean,
                        n_features=np.array([N_FEATURES]), dims=np.array([space.dims]), seed=np.array([seed]),
                        n_docs=np.array([n_docs]))
    return out


def build_semantic(indosum: Path, out: Path, dims: int = DIMS, min_df: int = MIN_DF, seed: int = 0,
                   paragraphs: bool = False) -> dict[str, int]:
    """Fit the LSA projection over IndoSum and write it to ``out`` (npz); returns counts for the log."""
    docs = background_documents(indosum, paragraphs)
    space = fit_space(docs, dims, min_df, seed)
    save_space(space, out, seed=seed, n_docs=len(docs))
    log.info("semantic space: %d documents, %d terms, %d dims -> %s", len(docs), len(space.buckets), dims, out)
    return {"documents": len(docs), "terms": len(space.buckets), "dims": dims}
