"""Streaming clustering at scale: per-article time and peak memory at 10k, 100k (1M) articles.

Real articles (IndoSum's dev folds, 3,463 articles from 10 outlets) are replayed in a loop
with publication times shifted so the stream runs at ``--per-day`` articles a day. Pass k
of the loop rewrites every content word w as w + a letter code of k ("banjir" -> "banjirzqb"),
stop words left alone: each pass has the real data's event structure and vocabulary
statistics, but no article of one pass resembles another pass's (a plain copy would join
the original's event and understate the number of events and terms kept in memory).
Reports time per article for each block of the stream (flat = cost does not grow with the
store) and the process's peak resident memory.

    python benchmarks/bench_cluster.py --n 10000 --n 100000
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from warta.article import Article
from warta.cluster import StreamClusterer
from warta.cluster.features import STOPWORDS


def load_texts(data_dir: Path) -> list[tuple[str, str]]:
    """(outlet, text) of every IndoSum article, each once (the project's one IndoSum reader)."""
    from warta.errors import UsageError
    from warta.training.indosum import iter_indosum

    try:  # one record at a time: holding the parsed corpus would add ~70 MB to the peak RSS measured
        return [(rec.get("source") or "unknown",
                 "\n".join(" ".join(tokens) for para in rec["paragraphs"] for tokens in para))
                for rec in iter_indosum(data_dir / "indosum-devfolds")]
    except UsageError as exc:
        sys.exit(f"{exc}; set WARTA_DATA")


_LETTERS = re.compile(r"[^\W\d_]+")


def _code(k: int) -> str:
    out = "zq"
    while k:
        k, r = divmod(k, 26)
        out += chr(ord("a") + r)
    return out


def relabel(text: str, k: int) -> str:
    """Pass k's version of a text: content words get the suffix of pass k."""
    if k == 0:
        return text
    suffix = _code(k)
    return _LETTERS.sub(lambda m: m.group(0) if m.group(0).casefold() in STOPWORDS else m.group(0) + suffix, text)


def replay(texts: list[tuple[str, str]], n: int, per_day: int) -> Iterator[Article]:
    start = datetime(2020, 1, 1, tzinfo=UTC)
    step = timedelta(days=1) / per_day
    for i in range(n):
        outlet, text = texts[i % len(texts)]
        yield Article(text=relabel(text, i // len(texts)), id=f"b{i}", outlet=outlet,
                      published=(start + step * i).isoformat())


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def run(n: int, per_day: int, texts: list[tuple[str, str]], blocks: int = 10) -> dict[str, object]:
    clusterer = StreamClusterer()
    block = max(1, n // blocks)
    times: list[float] = []
    t0 = t_block = time.perf_counter()
    for i, art in enumerate(replay(texts, n, per_day), 1):
        clusterer.add(art)
        if i % block == 0:
            now = time.perf_counter()
            times.append(1000 * (now - t_block) / block)
            t_block = now
            print(f"  {i:>9,d} articles  {times[-1]:.2f} ms/article  events in memory {len(clusterer.events):,d}  "
                  f"peak RSS {peak_rss_mb():.0f} MB", flush=True)
    total = time.perf_counter() - t0
    return {"n": n, "ms_per_article": 1000 * total / n, "first_block_ms": times[0], "last_block_ms": times[-1],
            "peak_rss_mb": peak_rss_mb(), "events_in_memory": len(clusterer.events)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, action="append", help="stream length (repeatable); default 10000")
    ap.add_argument("--per-day", type=int, default=1500, help="articles per day (Indonesian outlets: ~1-3k)")
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("WARTA_DATA", "../shared/data")))
    args = ap.parse_args()
    texts = load_texts(args.data)
    for n in args.n or [10_000]:
        print(f"n={n:,d} ({args.per_day}/day, {len(texts)} real articles replayed)")
        print("  " + json.dumps(run(n, args.per_day, texts)))


if __name__ == "__main__":
    main()
