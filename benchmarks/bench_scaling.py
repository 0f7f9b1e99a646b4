"""Throughput of the batch executors: serial vs local processes vs a Dask LocalCluster.

Reads real IndoSum articles by path (``$WARTA_DATA/indosum-devfolds``), detokenized into a
temporary JSON Lines file by ``bench_pipeline.write_input`` (imported, not copied), and runs
``warta.batch.run(read_inputs([file]), executor=...)`` on them with the default pipeline.
Each configuration runs in a fresh Python process, so each pays its own start-up (imports,
spawning workers, every worker loading the models) the way a real batch job does:

- ``serial``      ``Pipeline.pipe`` in one process;
- ``local:W:C``   ``LocalExecutor`` with W spawned worker processes and chunks of C articles;
- ``dask:W:C``    ``DaskExecutor`` on a LocalCluster of W worker processes (1 thread each).

Reported per configuration: total wall time and articles/s including start-up, time to the
first result (≈ start-up: spawning workers, every worker loading the models), and the steady
rate over the last two thirds of the results (every worker long since warm).

    python benchmarks/bench_scaling.py --data $WARTA_DATA --n 300
    python benchmarks/bench_scaling.py --n 300 --configs local:2:4,local:2:16,local:2:64   # chunk size

Results go to ``benchmarks/results/scaling-YYYYMMDD-HHMM.json`` and ``.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_pipeline import RESULTS, machine, write_input  # noqa: E402  (a sibling script, not a package)


def parse_config(config: str) -> tuple[str, int | None, int]:
    """``serial`` | ``local:W:C`` | ``dask:W:C`` → (executor, workers, chunk size)."""
    from warta.batch import CHUNK_SIZE

    parts = config.split(":")
    if parts[0] == "serial":
        return "serial", None, CHUNK_SIZE
    if parts[0] not in ("local", "dask") or len(parts) > 3:
        raise SystemExit(f"bad configuration {config!r}: use serial, local:W[:C] or dask:W[:C]")
    workers = int(parts[1]) if len(parts) > 1 else 2
    chunk = int(parts[2]) if len(parts) > 2 else CHUNK_SIZE
    return parts[0], workers, chunk


def run_worker(config: str, input_path: Path, stages: list[str]) -> dict[str, Any]:
    """Run one configuration over ``input_path`` in this (fresh) process."""
    t0 = time.perf_counter()
    import warta.batch
    from warta.article import Reject
    from warta.ingest import read_inputs

    executor, workers, chunk = parse_config(config)
    n_ok = n_bad = 0
    stamps: list[float] = []  # when each result arrived
    for item in warta.batch.run(read_inputs([str(input_path)]), stages=stages or None, executor=executor,
                                workers=workers, chunk_size=chunk):
        stamps.append(time.perf_counter() - t0)
        if isinstance(item, Reject):
            n_bad += 1
        else:
            n_ok += 1
    total = time.perf_counter() - t0
    # Steady rate: over the last two thirds of the results, when every worker has long
    # finished loading its models (results arrive a chunk at a time, so the window is wide).
    start = len(stamps) // 3
    span = stamps[-1] - stamps[start] if len(stamps) > start + 1 else 0.0
    steady = (len(stamps) - 1 - start) / span if span > 0 else None
    return {"config": config, "executor": executor, "workers": workers or 1, "chunk_size": chunk,
            "articles": n_ok, "rejected": n_bad, "seconds": total, "first_result_s": stamps[0] if stamps else total,
            "steady_rate": steady}


def spawn(config: str, input_path: Path, stages: list[str]) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", config, "--input", str(input_path),
           "--stages", ",".join(stages)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return {"config": config, "error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def table(results: list[dict[str, Any]]) -> str:
    rows = ["| configuration | articles | rejected | first result s | total s | articles/s (total) "
            "| articles/s (steady, last 2/3) | speed-up vs serial (total) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    base = next((r for r in results if r.get("executor") == "serial" and "error" not in r), None)
    for r in results:
        if "error" in r:
            rows.append(f"| {r['config']} | error: {r['error']} |  |  |  |  |  |  |")
            continue
        rate = r["articles"] / r["seconds"]
        steady = r["steady_rate"] or float("nan")
        speed = f"{base['seconds'] / r['seconds']:.2f}x" if base else ""
        rows.append(f"| {r['config']} | {r['articles']} | {r['rejected']} | {r['first_result_s']:.1f} "
                    f"| {r['seconds']:.1f} | {rate:.2f} | {steady:.2f} | {speed} |")
    return "\n".join(rows) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=None, help="the shared data folder (default: $WARTA_DATA)")
    ap.add_argument("--n", type=int, default=300, help="number of IndoSum articles (max 3463)")
    ap.add_argument("--configs", default="serial,local:2,dask:2",
                    help="comma-separated: serial, local:W[:C], dask:W[:C] (W workers, C articles a chunk)")
    ap.add_argument("--stages", default="", help="comma-separated stages (default: the settings' pipeline)")
    ap.add_argument("--out", type=Path, default=RESULTS, help="folder for the JSON and markdown results")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--input", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    stages = [s for s in args.stages.split(",") if s]

    if args.worker:
        print(json.dumps(run_worker(args.worker, args.input, stages)))
        return

    from warta.config import default_data_dir, load_settings

    data = args.data or (Path(d) if (d := default_data_dir()) else None)
    if data is None or not (data / "indosum-devfolds").is_dir():
        raise SystemExit("IndoSum not found: pass --data DIR (the folder holding indosum-devfolds) or set WARTA_DATA")
    stages = stages or load_settings().pipeline
    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    for c in configs:
        parse_config(c)
    # The machine may be shared: record its load, since other processes slow every figure down.
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        input_path = Path(tmp) / "indosum.jsonl"
        n_articles, n_words = write_input(data, args.n, input_path)
        print(f"{n_articles} IndoSum articles, {n_words:,} words; stages: {', '.join(stages)}", file=sys.stderr)
        results = []
        for config in configs:
            print(f"running {config} ...", file=sys.stderr)
            results.append(spawn(config, input_path, stages))
            print(f"  {json.dumps(results[-1])}", file=sys.stderr)
    load_end = os.getloadavg()
    now = dt.datetime.now(dt.UTC)
    info = machine()
    report = {"date": now.isoformat(timespec="seconds"), "machine": info,
              "load_average_1m": {"start": round(load_start[0], 2), "end": round(load_end[0], 2)},
              "data": "IndoSum dev folds 1-5", "articles": n_articles, "words": n_words, "stages": stages,
              "results": results}
    md = (f"# Batch executor scaling {now:%Y-%m-%d %H:%M} UTC\n\n"
          f"{n_articles} IndoSum articles ({n_words:,} words), stages: {', '.join(stages)}; machine: "
          f"{info['cpus']} CPUs, {info['cpu']}, Python {info['python']}; 1-minute load average "
          f"{load_start[0]:.1f} at start, {load_end[0]:.1f} at end (a shared, loaded machine).\n\n" + table(results))
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"scaling-{now:%Y%m%d-%H%M}"
    stem.with_suffix(".json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    stem.with_suffix(".md").write_text(md, encoding="utf-8")
    print(md)
    print(f"written {stem}.json and {stem}.md", file=sys.stderr)


if __name__ == "__main__":
    main()
