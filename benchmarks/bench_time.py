"""Speed of the time and number readers against dateparser's ``search_dates`` on real articles.

Reads detik-1k (``$WARTA_DATA/detik-1k-entity-summ/data_berita.csv``, real detik.com articles
from 2025) by path, runs on the same articles:

- Warta's "times" stage (recognise + normalise + publication/event date),
- Warta's "times" + "quantities" stages,
- ``dateparser.search.search_dates(text, languages=["id"])``,

and prints articles per second for each and the speed-up. The issue asks for >= 10x.

    python benchmarks/bench_time.py --limit 200
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path

from warta.article import Article
from warta.config import default_data_dir
from warta.readers.numbers import read_quantities
from warta.readers.time import TimeReader


def load_detik(data: Path, limit: int) -> list[Article]:
    path = data / "detik-1k-entity-summ" / "data_berita.csv"
    csv.field_size_limit(sys.maxsize)
    out: list[Article] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            month, day, rest = row["tanggal"].split("/", 2)
            year = rest.split()[0]
            out.append(Article(text=row["isi_berita"], title=row["judul"],
                               published=f"{int(year):04d}-{int(month):02d}-{int(day):02d}"))
            if len(out) >= limit:
                break
    return out


def rate(fn: Callable[[Article], object], articles: list[Article], repeat: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for art in articles:
            fn(art)
    return repeat * len(articles) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--limit", type=int, default=200, help="articles to run on (dateparser is slow)")
    args = parser.parse_args()
    if args.data is None:
        sys.exit("no data folder: pass --data ../shared/data or set WARTA_DATA")
    articles = load_detik(args.data, args.limit)
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} detik-1k articles, {chars / len(articles):.0f} characters on average")

    reader = TimeReader()
    ours = rate(reader, articles, repeat=3)

    def both(a: Article) -> None:
        a = reader(a)
        a.annotated_by["times"] = "bench"  # as the pipeline records it: quantities reuse the times
        read_quantities(a)

    ours_both = rate(both, articles, repeat=3)

    from dateparser.search import search_dates

    search_dates(articles[0].text[:200], languages=["id"])  # load dateparser's locale data first
    theirs = rate(lambda a: search_dates(a.text, languages=["id"]), articles)
    print(f"warta times stage            {ours:10.1f} articles/s")
    print(f"warta times + quantities     {ours_both:10.1f} articles/s")
    print(f"dateparser search_dates (id) {theirs:10.1f} articles/s")
    print(f"speed-up (times stage)       {ours / theirs:10.1f}x")
    print(f"speed-up (times + quantities){ours_both / theirs:10.1f}x")


if __name__ == "__main__":
    main()
