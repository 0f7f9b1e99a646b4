"""Speed of the entities stage (NER model + canonical entities) on real detik.com articles.

Reads detik-1k (``$WARTA_DATA/detik-1k-entity-summ/data_berita.csv``) by path, loads the
model once (timed apart), then runs ``EntityReader.pipe`` (batched ``nlp.pipe``) and prints
articles/s, words/s and how the time splits between the model and the canonical layer.

    python benchmarks/bench_entities.py --limit 200
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

from warta.article import Article
from warta.config import default_data_dir
from warta.readers.canonical import canonical_entities
from warta.readers.entities import EntityReader
from warta.readers.ner import load_model, ner_spans


def load_texts(data: Path, limit: int) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with open(data / "detik-1k-entity-summ" / "data_berita.csv", encoding="utf-8", newline="") as fh:
        return [row["isi_berita"] for _, row in zip(range(limit), csv.DictReader(fh), strict=False)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=default_data_dir())
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()
    texts = load_texts(Path(args.data), args.limit)
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    nlp = load_model()
    load_s = time.perf_counter() - t0
    canonical_entities(texts[0], [])  # build the lookup tables once
    t0 = time.perf_counter()
    out = list(EntityReader(batch_size=args.batch_size).pipe(Article(text=t) for t in texts))
    total = time.perf_counter() - t0
    t0 = time.perf_counter()
    spans = list(ner_spans(nlp, texts, args.batch_size))
    model_s = time.perf_counter() - t0
    n_ent = sum(len(a.entities) for a in out)
    print(f"{len(texts)} articles, {words} words, {n_ent} entities; cpus={os.cpu_count()} "
          f"load={os.getloadavg()[0]:.1f}")
    print(f"model load {load_s:.1f} s")
    print(f"entities stage: {len(texts) / total:.1f} articles/s, {words / total:.0f} words/s "
          f"(model alone {model_s:.1f} s of ~{total:.1f} s; canonical layer ~{max(total - model_s, 0):.1f} s)")
    assert len(spans) == len(texts)


if __name__ == "__main__":
    main()
