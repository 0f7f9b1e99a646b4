"""Load test of the web app: 50 concurrent clients against a local uvicorn for a bounded time.

1. Builds a store from real articles (IndoSum, ``$WARTA_DATA/indosum-devfolds``, via
   ``bench_pipeline.write_input``) through ``warta.api.ingest`` with the reader stages that
   can run here, then clusters them (``warta.store.cluster_queries.refresh_clusters``;
   skipped, with the reason, if clustering fails). ``--db PATH`` reuses an existing store.
2. Starts ``warta serve`` (one uvicorn process, 127.0.0.1, free port) in a subprocess so
   the load generator does not share the server's interpreter.
3. Runs ``--clients`` httpx.AsyncClient loops for ``--seconds``; each picks a request from
   a mix of pages and API calls (dashboard, search with facets, article, entity, story,
   lists with offsets) and records its latency; any non-2xx status or transport error is
   an error.

    python benchmarks/bench_web.py --data $WARTA_DATA --n 1000 --clients 50 --seconds 20

Results go to ``benchmarks/results/web-YYYYMMDD-HHMM.json`` and ``.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import numpy as np

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))


def build_store(data: Path, n: int, db: Path) -> dict[str, Any]:
    from bench_pipeline import usable_stages, write_input

    from warta.api import ingest

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "indosum.jsonl"
        count, words = write_input(data, n, src)
        stages, skipped = usable_stages()
        t0 = time.perf_counter()
        report = ingest([str(src)], db=db, stages=stages)
        took = time.perf_counter() - t0
    info: dict[str, Any] = {"articles_in": count, "words": words, "stages": stages, "stages_skipped": skipped,
                            "ingest_seconds": round(took, 1), "ingest": {k: v for k, v in report.to_dict().items()
                                                                          if k not in ("rejects", "db")}}
    try:
        info["clusters"] = store_clusters(db)
    except Exception as exc:  # clustering is another team's moving part; the load test goes on without it
        info["clusters"] = f"skipped: {type(exc).__name__}: {exc}"
    return info


def store_clusters(db: Path) -> dict[str, int]:
    """Events and stories through the store's own clustering step."""
    from warta.store import Store
    from warta.store.cluster_queries import refresh_clusters

    with Store.open(db) as store:
        return refresh_clusters(store)


def request_mix(db: Path, seed: int = 7) -> list[str]:
    """URLs a reader would ask for, drawn from what the store holds."""
    rnd = random.Random(seed)
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles WHERE duplicate_of IS NULL")]
        outlets = [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")]
        ents = [r[0] for r in conn.execute("SELECT entity_id FROM article_entities GROUP BY entity_id "
                                           "ORDER BY count(*) DESC LIMIT 50")]
        speakers = [r[0] for r in conn.execute("SELECT coalesce(speaker_entity, speaker_name) FROM quotes "
                                               "WHERE has_speaker GROUP BY 1 ORDER BY count(*) DESC LIMIT 50")]
        stories = [r[0] for r in conn.execute("SELECT id FROM stories LIMIT 100")]
    words = ["banjir", "presiden", "pemerintah", "jakarta", "ekonomi", "sepak bola", "polisi", "harga", "menteri",
             "gempa", '"bank indonesia"', "pemilu", "korupsi", "pendidikan", "kesehatan*"]
    urls: list[str] = []
    for _ in range(2000):
        kind = rnd.random()
        if kind < 0.10:
            urls.append(rnd.choice(["/", "/api/dashboard"]))
        elif kind < 0.35:
            q = httpx.QueryParams({"q": rnd.choice(words)})
            if outlets and rnd.random() < 0.4:
                q = q.set("outlet", rnd.choice(outlets))
            if speakers and rnd.random() < 0.2:
                q = q.set("speaker", rnd.choice(speakers))
            urls.append(rnd.choice(["/search", "/api/search"]) + "?" + str(q))
        elif kind < 0.65:
            urls.append(rnd.choice(["/articles/", "/api/articles/"]) + rnd.choice(ids))
        elif kind < 0.75:
            urls.append(f"/articles?offset={rnd.randrange(0, max(1, len(ids) - 20))}")
        elif kind < 0.85 and (ents or speakers):
            urls.append("/entities/" + httpx.URL("/" + rnd.choice(ents + speakers)).raw_path.decode()[1:])
        elif kind < 0.95 and stories:
            urls.append(rnd.choice(["/stories/", "/api/stories/"]) + rnd.choice(stories))
        else:
            urls.append(rnd.choice(["/entities", "/quotes", "/stories", "/events", "/api/stats"]))
    return urls


async def load(base: str, urls: list[str], clients: int, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    per_kind: dict[str, list[float]] = {}
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(i: int) -> None:
        rnd = random.Random(i)
        async with httpx.AsyncClient(base_url=base, timeout=30.0, limits=limits) as http:
            while time.perf_counter() < deadline:
                url = rnd.choice(urls)
                t0 = time.perf_counter()
                try:
                    r = await http.get(url)
                    ok = 200 <= r.status_code < 300
                    if not ok:
                        errors[f"HTTP {r.status_code} {url}"] += 1
                except httpx.HTTPError as exc:
                    ok = False
                    errors[f"{type(exc).__name__} {url}"] += 1
                took = time.perf_counter() - t0
                latencies.append(took)
                parts = [p for p in url.split("?")[0].split("/") if p]
                kind = ("api/" if parts[:1] == ["api"] else "") + ((parts[1:] if parts[:1] == ["api"] else parts)
                                                                   or ["dashboard"])[0]
                per_kind.setdefault(kind if ok else "error", []).append(took)

    t0 = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(clients)))
    wall = time.perf_counter() - t0
    ms = np.array(latencies) * 1000

    def pct(a: np.ndarray) -> dict[str, float]:
        return {f"p{q}": round(float(np.percentile(a, q)), 1) for q in (50, 95, 99)} | {
            "max": round(float(a.max()), 1)}

    return {
        "requests": len(latencies), "errors": sum(errors.values()), "error_kinds": dict(errors.most_common(10)),
        "seconds": round(wall, 1), "rps": round(len(latencies) / wall, 1), "latency_ms": pct(ms),
        "by_kind": {k: {"n": len(v)} | pct(np.array(v) * 1000) for k, v in sorted(per_kind.items())},
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(db: Path, port: int) -> subprocess.Popen[bytes]:
    code = f"from warta.web import serve; serve({str(db)!r}, host='127.0.0.1', port={port}, log_level='warning')"
    proc = subprocess.Popen([sys.executable, "-c", code])
    for _ in range(200):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with {proc.returncode}")
        time.sleep(0.1)
    proc.terminate()
    raise SystemExit("the server did not answer /api/health within 20 s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default_data = Path(os.environ.get("WARTA_DATA", HERE.parents[1] / "shared" / "data"))
    ap.add_argument("--data", type=Path, default=default_data)
    ap.add_argument("--n", type=int, default=1000, help="articles to ingest (IndoSum)")
    ap.add_argument("--db", type=Path, help="use this store; built there first if it does not exist (kept)")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=20.0)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        info: dict[str, Any] = {}
        db = args.db or Path(tmp) / "bench.db"
        if not db.exists():
            print(f"building a store from {args.n} IndoSum articles …", file=sys.stderr)
            info = build_store(args.data, args.n, db)
        urls = request_mix(db)
        port = free_port()
        proc = serve(db, port)
        try:
            # one pass to warm page templates and SQLite's cache, as a running server would be
            asyncio.run(load(f"http://127.0.0.1:{port}", urls, 5, 2.0))
            result = asyncio.run(load(f"http://127.0.0.1:{port}", urls, args.clients, args.seconds))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    with sqlite3.connect(":memory:") as mem:
        sqlite_version = mem.execute("select sqlite_version()").fetchone()[0]
    out = {"when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "clients": args.clients,
           "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "sqlite": sqlite_version},
           "store": info, **result}
    RESULTS.mkdir(exist_ok=True)
    stem = RESULTS / f"web-{dt.datetime.now():%Y%m%d-%H%M}"
    stem.with_suffix(".json").write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    lat = result["latency_ms"]
    lines = [
        f"# Web load test ({out['when']})", "",
        f"{args.clients} concurrent clients, {result['seconds']} s, one uvicorn process on 127.0.0.1, "
        f"{out['machine']['cpus']} CPUs shared with the load generator.", "",
        "| requests | req/s | errors | p50 ms | p95 ms | p99 ms | max ms |", "|---|---|---|---|---|---|---|",
        f"| {result['requests']} | {result['rps']} | {result['errors']} | {lat['p50']} | {lat['p95']} | "
        f"{lat['p99']} | {lat['max']} |", "", "| endpoint | n | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|",
    ]
    lines += [f"| {k} | {v['n']} | {v['p50']} | {v['p95']} | {v['p99']} |" for k, v in result["by_kind"].items()]
    stem.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"\nstore: {json.dumps(info, ensure_ascii=False)}\nwritten: {stem}.json / .md")
    if result["errors"]:
        print(f"ERRORS: {result['error_kinds']}", file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
