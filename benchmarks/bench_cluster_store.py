"""Placing one new article into a store's events: does the cost grow with the store?

For each store size N (default 1,000 and 3,000), real IndoSum articles are replayed as in
``bench_cluster.py`` (publication times shifted to ``--per-day`` articles a day) and stored
without reader stages, then clustered once (``update_clusters`` on the empty state, which
is what ``warta events`` does on a new store). Then ``--new`` further articles of the same
stream arrive one at a time; each is stored and placed with ``update_clusters`` alone (what
``warta ingest`` does after storing one article). Reported per store size:

- the median time of one ``update_clusters`` call that places one article, and the part of
  it spent opening the saved state (``load_clusterer`` timed alone: meta and the IDF counts;
  everything else is read lazily while the article is placed);
- the rows of the state tables, and for comparison the time of a full ``refresh_clusters``.

    python benchmarks/bench_cluster_store.py --data $WARTA_DATA --n 1000 --n 3000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cluster import load_texts, replay

from warta.config import load_settings
from warta.store import Store
from warta.store.cluster_queries import refresh_clusters, update_clusters
from warta.store.cluster_state import load_clusterer


def _timed(fn, *args):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = fn(*args)
    return out, 1000 * (time.perf_counter() - t0)


def run(n: int, new: int, per_day: int, texts: list[tuple[str, str]], folder: Path) -> dict[str, object]:
    settings = load_settings()
    stream = list(replay(texts, n + new, per_day))
    db = folder / f"store-{n}.db"
    with Store.open(db, settings) as store:
        for art in stream[:n]:
            store.add(art)
        counts, build_ms = _timed(update_clusters, store)
        per_update, load_ms = [], []
        for art in stream[n:]:
            store.add(art)
            res, ms = _timed(update_clusters, store)
            assert res["articles"] == 1 and not res["refreshed"], res
            per_update.append(ms)
            _, ms = _timed(load_clusterer, store.conn)
            load_ms.append(ms)
        rows = {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("cluster_articles", "cluster_events", "cluster_postings", "cluster_df")}
        _, refresh_ms = _timed(refresh_clusters, store)
        events = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    med = statistics.median
    return {
        "n": n, "placed_one_at_a_time": new, "events": events, "first_placement_s": round(build_ms / 1000, 1),
        "update_ms_median": round(med(per_update), 1), "update_ms_min": round(min(per_update), 1),
        "update_ms_max": round(max(per_update), 1), "open_state_ms": round(med(load_ms), 1),
        "state_rows": rows, "full_refresh_s": round(refresh_ms / 1000, 1), "clustered": counts["articles"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, action="append", help="store size (repeatable); default 1000 and 3000")
    ap.add_argument("--new", type=int, default=15, help="articles then placed one at a time")
    ap.add_argument("--per-day", type=int, default=1500, help="articles per day")
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("WARTA_DATA", "../shared/data")))
    args = ap.parse_args()
    texts = load_texts(args.data)
    print(f"# {platform.python_version()}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.n or [1000, 3000]:
            print(json.dumps(run(n, args.new, args.per_day, texts, Path(tmp))), flush=True)


if __name__ == "__main__":
    main()
