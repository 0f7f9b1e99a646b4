"""A background document-frequency table that warm-starts the streaming IDF.

A stream's IDF is poor for its first few hundred articles (after 10 articles every word
looks rare), so the featurizer starts from document frequencies counted over real news and
keeps counting from there. The table ships as ``warta/data/cluster_df.npz``: hashed term
indices and counts only, no text. It is built by ``warta train cluster-df`` from IndoSum
(CC BY-SA 4.0; the table is a derivative under the same licence), leaving out every
article from 15 April to 15 June 2017 so that the May 2017 dev gold (events-dev.jsonl),
which comes from IndoSum, does not leak into its own term weights.
"""

from __future__ import annotations

from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

import numpy as np

from warta.cluster.features import N_FEATURES, StreamingTfidf, strip_dateline, tokens

BACKGROUND_FILE = "cluster_df.npz"
#: IndoSum ids start with a Unix time; articles in this window are left out (see above).
EXCLUDE = (datetime(2017, 4, 15, tzinfo=UTC).timestamp(), datetime(2017, 6, 15, tzinfo=UTC).timestamp())


def build_background(indosum_dir: Path, out: Path) -> int:
    """Count document frequencies over IndoSum's dev folds; returns the number of articles."""
    from warta.training.indosum import iter_indosum

    model = StreamingTfidf()
    for rec in iter_indosum(indosum_dir):
        stamp = float(rec["id"].split("-", 1)[0]) if rec["id"][:1].isdigit() else 0.0
        if EXCLUDE[0] <= stamp < EXCLUDE[1]:
            continue
        text = "\n".join(" ".join(" ".join(s) for s in para) for para in rec["paragraphs"])
        model.add(tokens(strip_dateline(text)))
    nz = np.flatnonzero(model.df)
    np.savez_compressed(out, idx=nz.astype(np.int32), df=model.df[nz].astype(np.int32),
                        n_docs=np.array([model.n_docs]), n_features=np.array([N_FEATURES]))
    return model.n_docs


def load_background() -> tuple[np.ndarray, int] | None:
    """(df array, number of documents) from the bundled table, or None if it is absent."""
    res = files("warta").joinpath("data", BACKGROUND_FILE)
    if not res.is_file():
        return None
    with res.open("rb") as fh:
        data = np.load(fh)
        if int(data["n_features"][0]) != N_FEATURES:
            return None  # built for another hashing space: useless, not wrong
        df = np.zeros(N_FEATURES, dtype=np.int32)
        df[data["idx"]] = data["df"]
        return df, int(data["n_docs"][0])
