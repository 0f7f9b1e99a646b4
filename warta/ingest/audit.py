"""Audit the cleaner on real articles: what it removes, and what metadata it reads.

    python -m warta.ingest.audit ../shared/gold/dev/articles.jsonl

prints, over all inputs, how many articles were read or rejected, each distinct removed
line (shortened) with its count, and how often authors, editors, source, dateline and outlet
were found. Use it after changing :mod:`warta.ingest.metadata` to check that only furniture
and credits go.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from warta.article import Article, Reject
from warta.ingest import read_inputs

_QUOTED = re.compile(r"(['\"“‘]).*$")


@dataclass
class Audit:
    articles: int = 0
    rejects: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    reject_reasons: Counter[str] = field(default_factory=Counter)


def audit(items: Iterable[Article | Reject]) -> Audit:
    """Tally what ingest removed and read over a stream of ingested items."""
    result = Audit()
    for item in items:
        if isinstance(item, Reject):
            result.rejects += 1
            result.reject_reasons[item.reason[:80]] += 1
            continue
        result.articles += 1
        for line in item.extra.get("removed_lines", []):
            # group "Simak juga Video 'title':" lines by their fixed part
            result.removed[_QUOTED.sub(r"\1…", line.strip())[:70]] += 1
        for name in ("authors", "editors", "source", "dateline", "outlet"):
            if getattr(item, name):
                result.found[name] += 1
    return result


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="files or directories, as for `warta analyze`")
    parser.add_argument("--top", type=int, default=40, help="how many distinct removed lines to list")
    args = parser.parse_args(argv)
    res = audit(read_inputs(args.inputs))
    print(f"articles: {res.articles}  rejected: {res.rejects}")
    for reason, n in res.reject_reasons.most_common(10):
        print(f"  rejected {n:6d}  {reason}")
    print(f"removed lines: {sum(res.removed.values())} ({len(res.removed)} distinct)")
    for line, n in res.removed.most_common(args.top):
        print(f"  {n:6d}  {line}")
    print("metadata found: " + ", ".join(f"{k} {v}" for k, v in sorted(res.found.items())))


if __name__ == "__main__":
    main()
