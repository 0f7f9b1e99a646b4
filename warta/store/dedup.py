"""Duplicate detection: exact copies by content hash, near-copies by MinHash LSH.

Exact duplicates are caught by ``Article.content_hash`` (casefolded, NFKC, whitespace-
collapsed title + text; see :func:`warta.article.content_hash`) through the UNIQUE column
in the store. Near-duplicates (an agency story re-run by another outlet with its own
dateline, outlet name and a few edited words) are caught here: each body becomes a set of
word ``shingle_size``-grams, summarised as a datasketch ``MinHash``; ``MinHashLSH`` finds
stored articles whose estimated Jaccard similarity may exceed ``threshold``, and each
candidate is then checked with the estimate itself so LSH's banding never decides alone.

Only originals go into the index: a near-duplicate links to the original it resembles
most, never to another copy, so links are one hop deep.

How the default threshold (0.7 on word 5-shingles, 128 permutations; ``[dedup]`` in
default.toml) was chosen, measured with ``python -m warta.store.dedup_eval
$WARTA_DATA/indosum-devfolds/dev.0*.jsonl $WARTA_DATA/detik-1k-entity-summ/data_berita.csv``
on 4,463 unique real articles (3,463 IndoSum from 10 outlets, 1,000 detik.com):

- IndoSum alone: no links at any threshold from 0.5 to 0.9 (its closest pair of different
  articles, two stories about the same politician, has an estimated similarity of 0.39).
- Links found: 124 at 0.5, 109 at 0.6, 103 at 0.7, 94 at 0.8, 91 at 0.9, all within
  detik. At 0.7, 90 are the same article collected twice under two ids (exact shingle
  Jaccard >= 0.95) and 13 are one report rewritten for another detik channel, sharing most
  of its paragraphs (exact Jaccard 0.66-0.84). At 0.5 the links start to join different articles
  about the same event (exact Jaccard 0.46), which must stay separate.
- Edited copies of 300 of those articles (new dateline and credit line, and a share of
  the words replaced) linked to their original at 0.7: 99.0% unedited (the other three
  linked to their original's own near-identical detik twin), 89.3% with 2% of words edited,
  2.3% with 5% edited (0.6 would give 99.0 / 96.3 / 33.7%).

0.7 is kept because a wrong link hides an article from search and counts, while a missed
copy only shows up twice (and event clustering still groups it with its original).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from warta.article import normalise_for_hash
from warta.errors import ConfigError

if TYPE_CHECKING:
    from datasketch import LeanMinHash

# datasketch is imported where it is used: importing it pulls in scipy.integrate (~2 s), which
# `warta --help`, `warta search` and `warta stats` never need.

#: datasketch's hashing scheme, pinned and stored with the signatures: signatures made with
#: another scheme are not comparable (datasketch >= 2.0 refuses to guess it).
SCHEME = "affine32"

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int) -> set[bytes]:
    """Word ``size``-grams of the normalised text (the whole text if it is shorter)."""
    words = _WORD.findall(normalise_for_hash(text))
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@lru_cache(maxsize=16)
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """datasketch's optimal (bands, rows) for the threshold; cached because finding them takes
    ~0.2 s of numeric integration, paid on every store opened otherwise."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


@dataclass(frozen=True, slots=True)
class Match:
    article_id: str
    similarity: float  # estimated Jaccard similarity of the shingle sets


class NearDuplicateIndex:
    """An in-memory MinHash LSH index of original articles, keyed by article id.

    >>> index = NearDuplicateIndex(threshold=0.5, num_perm=64, shingle_size=2)
    >>> sig = index.signature("satu dua tiga empat lima enam tujuh")
    >>> index.add("a", sig)
    >>> index.best_match(index.signature("satu dua tiga empat lima enam delapan")).article_id
    'a'
    """

    def __init__(self, threshold: float, num_perm: int, shingle_size: int) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ConfigError(f"dedup threshold must be in (0, 1], got {threshold}")
        if num_perm < 16:
            raise ConfigError(f"dedup num_perm must be at least 16 for a usable estimate, got {num_perm}")
        if shingle_size < 1:
            raise ConfigError(f"dedup shingle_size must be >= 1, got {shingle_size}")
        from datasketch import MinHash, MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self._lsh = MinHashLSH(num_perm=num_perm, params=_bands(threshold, num_perm))
        self._sigs: dict[str, LeanMinHash] = {}
        # Drawing the random permutations costs ~5 ms per MinHash; they depend only on the
        # seed and num_perm, so draw them once and share them.
        self._permutations = MinHash(num_perm=num_perm, seed=1, scheme=SCHEME).permutations

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._sigs

    def signature(self, text: str) -> LeanMinHash:
        from datasketch import LeanMinHash, MinHash

        mh = MinHash(num_perm=self.num_perm, seed=1, scheme=SCHEME, permutations=self._permutations)
        mh.update_batch(list(shingles(text, self.shingle_size)))
        return LeanMinHash(mh)

    def to_bytes(self, sig: LeanMinHash) -> bytes:
        return np.asarray(sig.hashvalues, dtype="<u8").tobytes()

    def from_bytes(self, blob: bytes) -> LeanMinHash | None:
        """The stored signature, or None if it was made with another ``num_perm``."""
        from datasketch import LeanMinHash

        values = np.frombuffer(blob, dtype="<u8")
        if len(values) != self.num_perm:
            return None
        return LeanMinHash(seed=1, hashvalues=values.astype(np.uint64), scheme=SCHEME)

    def add(self, article_id: str, sig: LeanMinHash) -> None:
        if article_id in self._sigs:
            self.remove(article_id)
        self._lsh.insert(article_id, sig)
        self._sigs[article_id] = sig

    def remove(self, article_id: str) -> None:
        if article_id in self._sigs:
            self._lsh.remove(article_id)
            del self._sigs[article_id]

    def best_match(self, sig: LeanMinHash, exclude: Iterable[str] = ()) -> Match | None:
        """The indexed article most similar to ``sig`` at or above the threshold, if any."""
        skip = set(exclude)
        best: Match | None = None
        for cand in self._lsh.query(sig):
            if cand in skip:
                continue
            sim = float(sig.jaccard(self._sigs[cand]))
            if sim >= self.threshold and (
                best is None or sim > best.similarity or (sim == best.similarity and cand < best.article_id)
            ):
                best = Match(cand, sim)
        return best


def near_duplicate_pairs(
    items: Iterable[tuple[str, str]], threshold: float = 0.7, num_perm: int = 128, shingle_size: int = 5
) -> Iterator[tuple[str, str, float]]:
    """Stream ``(id, text)`` pairs; yield ``(copy_id, original_id, similarity)`` as the store would link them."""
    index = NearDuplicateIndex(threshold, num_perm, shingle_size)
    for article_id, text in items:
        sig = index.signature(text)
        match = index.best_match(sig)
        if match is None:
            index.add(article_id, sig)
        else:
            yield article_id, match.article_id, match.similarity
