"""A small learned semantic space: latent semantic analysis over the clusterer's hashed terms.

Two reports of one happening from different outlets often share few words ("ledakan" and
"bom", "laga" and "pertandingan"): their hashed TF-IDF cosine is low although they tell the
same thing. A latent space learned from co-occurrence puts such words near each other. The
projection is a matrix with one row per hashed term bucket (the buckets of
:class:`~warta.cluster.features.StreamingTfidf`, so no word list is stored) and ``k``
columns; an article's semantic vector is its TF-IDF vector times that matrix, minus the
corpus mean, unit length: one gather of ≤200 rows per vector.

**Not used by the shipped models.** The fifth pass of docs/clustering.md measured the cosine
of these vectors (article to article, lead to lead, article to the event's and story's
semantic centroids) as features of the event and story models: no variant improved both the
by-month figure on our labels and the held-out dev figure, so none ships. The space and its
builder (``warta train cluster-semantic --out FILE``, :mod:`warta.training.semantic`) stay
so those rows can be reproduced and the next attempt starts from them.

Semantic vectors are dense, but are carried as :class:`SparseVec` whose indices are
``0..k-1`` (one shared index array), so they fit the clusterer's vector code.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from warta.cluster.features import N_FEATURES, SparseVec
from warta.errors import UsageError


@dataclass(frozen=True)
class SemanticSpace:
    """Rows of a projection for the hashed buckets it knows (sorted), and the mean to remove."""

    buckets: np.ndarray  # int32, sorted
    rows: np.ndarray  # float32, (len(buckets), k)
    mean: np.ndarray  # float32, (k,)

    @property
    def dims(self) -> int:
        return int(self.rows.shape[1])

    @property
    def index(self) -> np.ndarray:
        return _shared_index(self.dims)

    def project(self, vec: SparseVec) -> SparseVec:
        """The unit semantic vector of a (TF-IDF) sparse vector; empty when none of its terms is known."""
        if not vec.idx.size:
            return SparseVec.empty()
        pos = np.searchsorted(self.buckets, vec.idx)
        pos[pos == len(self.buckets)] = 0
        hit = self.buckets[pos] == vec.idx
        if not hit.any():
            return SparseVec.empty()
        dense = vec.val[hit].astype(np.float32) @ self.rows[pos[hit]]
        return self.unit(dense / float(np.linalg.norm(dense) or 1.0) - self.mean)

    def unit(self, dense: np.ndarray) -> SparseVec:
        norm = float(np.linalg.norm(dense))
        if norm == 0.0:
            return SparseVec.empty()
        return SparseVec(self.index, (dense / norm).astype(np.float32))

    def checksum(self) -> int:
        """Identifies the space (same data and seed, same checksum)."""
        return zlib.crc32(self.buckets.tobytes() + self.rows.astype(np.float16).tobytes())


@cache
def _shared_index(k: int) -> np.ndarray:
    # One index array for every semantic vector: 4k bytes saved per vector kept in memory.
    idx = np.arange(k, dtype=np.int32)
    idx.setflags(write=False)
    return idx


def grow_dense(mean: SparseVec, weight: float, new: SparseVec) -> SparseVec:
    """Weighted running mean of two dense semantic vectors (``weight`` on ``mean``), unit length."""
    if not new.idx.size:
        return mean
    if not mean.idx.size:
        return new
    summed = mean.val.astype(np.float64) * weight + new.val
    norm = float(np.linalg.norm(summed))
    return SparseVec(_shared_index(len(summed)), (summed / norm).astype(np.float32)) if norm else SparseVec.empty()


def load_space(path: Path) -> SemanticSpace:
    """A space written by ``warta train cluster-semantic``; UsageError when it cannot be used."""
    if not path.is_file():
        raise UsageError(f"no semantic space at {path}: build one with warta train cluster-semantic --out {path}")
    with np.load(path) as data:
        if int(data["n_features"][0]) != N_FEATURES:
            raise UsageError(f"{path} was built for {int(data['n_features'][0])} hashed buckets, not {N_FEATURES}")
        return SemanticSpace(data["buckets"].astype(np.int32), data["rows"].astype(np.float32),
                             data["mean"].astype(np.float32))
