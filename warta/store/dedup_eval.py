"""Measure near-duplicate linking on real articles (how ``[dedup] threshold`` was chosen).

    python -m warta.store.dedup_eval $WARTA_DATA/indosum-devfolds/dev.0*.jsonl \\
        $WARTA_DATA/detik-1k-entity-summ/data_berita.csv

Reads the corpora by path (never copied into the repo). For each threshold it prints how
many links the store would make between the distinct articles (ideally only real copies),
with their exact shingle Jaccard, and the share of edited copies of real articles (new
dateline and credit line, a share of the words replaced) that get linked back to their
original. Results are quoted in :mod:`warta.store.dedup`.
"""

from __future__ import annotations

import csv
import json
import random
import sys
from collections.abc import Iterator

from warta.store.dedup import NearDuplicateIndex, near_duplicate_pairs, shingles

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
EDIT_SHARES = (0.0, 0.02, 0.05, 0.10)
SAMPLE = 300  # edited copies per threshold; enough for a +-3 point estimate of the linked share


def _real_articles(paths: list[str]) -> Iterator[tuple[str, str, str]]:
    """(id, outlet, text) of each unique article in IndoSum JSONL or detik-1k CSV files."""
    seen: set[str] = set()
    for path in paths:
        with open(path, encoding="utf-8", newline="") as fh:
            if path.endswith(".csv"):  # detik-1k: id, judul, tautan, tanggal, isi_berita, ...
                rows = ((r["id"], "detik", r["isi_berita"]) for r in csv.DictReader(fh))
            else:  # IndoSum: tokenised paragraphs; tokens joined with spaces
                rows = (
                    (rec["id"], rec.get("source", ""),
                     "\n".join(" ".join(" ".join(sent) for sent in para) for para in rec["paragraphs"]))
                    for rec in map(json.loads, fh)
                )
            for aid, outlet, text in rows:
                if aid not in seen:
                    seen.add(aid)
                    yield aid, outlet, text


def _jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a, 5), shingles(b, 5)
    return len(sa & sb) / max(1, len(sa | sb))


def _edited_copy(text: str, share: float, rng: random.Random) -> str:
    """A syndicated-style copy: new dateline and outlet, and ``share`` of the words replaced."""
    words = text.split()
    for i in rng.sample(range(len(words)), int(len(words) * share)):
        words[i] = rng.choice(["juga", "itu", "tersebut", "pun", "lalu", "kemarin"])
    return "SURABAYA, Warta.com - " + " ".join(words) + " (ant)"


def main(argv: list[str] | None = None) -> None:
    """Measure the threshold on real articles: links between distinct articles (should be ~0)
    and the share of edited copies of real articles that get linked (should be high)."""
    paths = list(sys.argv[1:] if argv is None else argv)
    if not paths:
        raise SystemExit("usage: python -m warta.store.dedup_eval INDOSUM.jsonl... [detik.csv]")
    arts = list(_real_articles(paths))
    outlets = {aid: outlet for aid, outlet, _ in arts}
    texts = {aid: text for aid, _, text in arts}
    rng = random.Random(13)
    sample = rng.sample(arts, min(SAMPLE, len(arts)))
    print(f"{len(arts)} unique real articles; edited copies made from {len(sample)} of them")
    for threshold in THRESHOLDS:
        pairs = list(near_duplicate_pairs(((a, t) for a, _, t in arts), threshold=threshold))
        cross = sum(outlets[a] != outlets[b] for a, b, _ in pairs)
        index = NearDuplicateIndex(threshold, 128, 5)
        for aid, _, text in arts:
            index.add(aid, index.signature(text))
        linked = []
        for share in EDIT_SHARES:
            hits = 0
            for aid, _, text in sample:
                m = index.best_match(index.signature(_edited_copy(text, share, rng)))
                hits += m is not None and m.article_id == aid
            linked.append(f"{share:.0%} edited: {hits / len(sample):.1%}")
        exact = [_jaccard(texts[a], texts[b]) for a, b, _ in pairs]
        print(f"threshold {threshold:.1f}: {len(pairs)} links between distinct articles ({cross} across outlets; "
              f"{sum(j >= 0.95 for j in exact)} with exact Jaccard >= 0.95, lowest exact Jaccard "
              f"{min(exact, default=1.0):.2f}); edited copies linked to their original: " + ", ".join(linked))
        for copy, orig, sim in [p for p, j in zip(pairs, exact, strict=True) if j < 0.95][:8]:
            print(f"    {sim:.2f} {outlets[copy]}:{copy[:50]} -> {outlets[orig]}:{orig[:50]}")
            print(f"         {texts[copy][:100]!r}\n         {texts[orig][:100]!r}")


if __name__ == "__main__":
    main()
