"""Throughput and peak memory of ingest, each reader stage, the whole pipeline and the store.

Reads real articles from IndoSum (``$WARTA_DATA/indosum-devfolds/dev.0[1-5].jsonl``, by
path; 3,463 unique articles from 10 outlets, 2016-2018). IndoSum stores each article as
tokenized paragraphs, so each one is detokenized with sacremoses (the Moses detokenizer)
into plain text and written to a temporary JSON Lines file, which every run reads through
Warta's own ingest. Each configuration runs in a fresh Python process so its peak memory
(``VmHWM``) and its set-up time (model loading) are its own:

- ``ingest``    ``warta.ingest.read_inputs`` on the JSON Lines file (no stage);
- ``stage:X``   ingest + ``warta.pipeline.Pipeline([X])`` for each stage of the default pipeline;
- ``pipeline``  ingest + the default pipeline, also timing each stage inside it;
- ``store``     ``warta.api.ingest`` into a new SQLite file (ingest + pipeline + dedup + store).

A stage that cannot run yet (its module does not import, or it raises ConfigError /
MissingExtraError, e.g. its model is not trained) is reported as skipped with the reason.

    python benchmarks/bench_pipeline.py --data $WARTA_DATA --n 1000

Results go to ``benchmarks/results/pipeline-YYYYMMDD-HHMM.json`` and ``.md`` (a table).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from warta.article import Article

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


# ---------------------------------------------------------------------------- data

def iter_indosum(folder: Path) -> Iterator[dict[str, Any]]:
    """Unique IndoSum articles (the 5 dev folds overlap a little), in file order."""
    from warta.errors import UsageError
    from warta.training.indosum import iter_indosum as read

    try:
        yield from read(folder)
    except UsageError as exc:
        raise SystemExit(f"{exc.message}; point --data at the shared data folder") from exc


def detokenize_article(rec: dict[str, Any], detok: Any) -> dict[str, Any]:
    """An IndoSum record as a contract input line: paragraphs of detokenized sentences."""
    paragraphs = [" ".join(detok.detokenize(sent) for sent in para) for para in rec["paragraphs"]]
    return {
        "id": rec["id"],
        "text": "\n\n".join(p for p in paragraphs if p.strip()),
        "outlet": rec.get("source"),
        "url": rec.get("source_url"),
    }


def write_input(data: Path, n: int, out: Path) -> tuple[int, int]:
    """Write ``n`` detokenized articles to ``out``; returns (articles, words)."""
    try:
        from sacremoses import MosesDetokenizer
    except ImportError as exc:
        raise SystemExit("this benchmark needs sacremoses: pip install sacremoses") from exc
    detok = MosesDetokenizer(lang="id")
    count = words = 0
    with out.open("w", encoding="utf-8") as fh:
        for rec in iter_indosum(data / "indosum-devfolds"):
            if count >= n:
                break
            art = detokenize_article(rec, detok)
            fh.write(json.dumps(art, ensure_ascii=False) + "\n")
            count += 1
            words += len(art["text"].split())
    return count, words


# ---------------------------------------------------------------------------- worker (one config per process)

def _peak_rss_mb() -> float:
    """This process's peak resident memory.

    VmHWM (Linux) is per address space and starts afresh at exec; ru_maxrss is the fallback
    but on Linux a child inherits the parent's high-water mark at fork.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# Our own sentence, used to warm stages up (load models) before timing.
WARMUP = ('Kepala BPBD Manado Stevanus Lumingkewas mengatakan 1.200 rumah rusak akibat gempa, Rabu (5/3/2025). '
          '"Kami bergerak cepat," ujarnya di Manado.')


def usable_stages() -> tuple[list[str], dict[str, str]]:
    """Default-pipeline stages that can run now, and why the others cannot."""
    from warta.article import Article
    from warta.config import load_settings
    from warta.errors import ConfigError, MissingExtraError
    from warta.pipeline import Pipeline
    from warta.registry import get_stage

    probe = "Menteri Keuangan Laila Pohan mengatakan inflasi turun menjadi 2,1 persen, Senin (3/2/2025)."
    chosen: list[str] = []
    skipped: dict[str, str] = {}
    for name in load_settings().pipeline:
        try:
            get_stage(name)
            pipe = Pipeline([*chosen, name])
            pipe(Article(text=probe, title="Probe"))
        except (ImportError, ConfigError, MissingExtraError) as exc:
            skipped[name] = str(exc)
            continue
        chosen.append(name)
    return chosen, skipped


class _Timed:
    """A stage wrapper adding its wall time to ``totals[name]``, for one call or one batch."""

    def __init__(self, fn: Any, name: str, totals: dict[str, float]) -> None:
        self.fn, self.name, self.totals = fn, name, totals
        if hasattr(fn, "pipe"):
            self.pipe = self._pipe

    def __call__(self, article: Article) -> Article:
        s = time.perf_counter()
        try:
            return self.fn(article)
        finally:
            self.totals[self.name] += time.perf_counter() - s

    def _pipe(self, articles: list[Article]) -> list[Article]:
        s = time.perf_counter()
        try:
            return list(self.fn.pipe(articles))
        finally:
            self.totals[self.name] += time.perf_counter() - s


def run_worker(config: str, input_path: Path | None, stages: list[str]) -> dict[str, Any]:
    """Run one configuration on ``input_path`` (``stages``: the usable default stages)."""
    if config == "probe":
        chosen, skipped = usable_stages()
        return {"config": config, "stages": chosen, "skipped": skipped}
    assert input_path is not None
    rss_start = _peak_rss_mb()
    t0 = time.perf_counter()
    import warta  # noqa: F401  (import cost counted in set-up)
    from warta.article import Article, Reject
    from warta.config import load_settings
    from warta.ingest import read_inputs
    from warta.pipeline import Pipeline

    settings = load_settings()
    result: dict[str, Any] = {"config": config}

    if config == "store":
        from warta.api import ingest

        Pipeline(stages, settings.stages)(Article(text=WARMUP, title="Pemanasan"))  # see below: warm-up
        setup = time.perf_counter() - t0
        with tempfile.TemporaryDirectory() as tmp:
            t1 = time.perf_counter()
            report = ingest([str(input_path)], db=Path(tmp) / "bench.db", stages=stages)
            elapsed = time.perf_counter() - t1
            db_mb = (Path(tmp) / "bench.db").stat().st_size / 1e6
        result.update(
            setup_s=setup, seconds=elapsed, articles=report.new + report.duplicates + report.near_duplicates
            + report.updated + report.unchanged, rejected=report.rejected, new=report.new,
            duplicates=report.duplicates, near_duplicates=report.near_duplicates, db_mb=round(db_mb, 2),
        )
    else:
        if config == "ingest":
            names: list[str] = []
        elif config == "pipeline":
            names = stages
        elif config.startswith("stage:"):
            names = [config.split(":", 1)[1]]
        else:
            raise SystemExit(f"unknown config {config!r}")
        pipeline = Pipeline(names, settings.stages)
        # Stages load their models lazily on first use; one warm-up article puts that cost in
        # set-up, so "run" is the steady-state rate a long batch sees.
        pipeline(Article(text=WARMUP, title="Pemanasan"))
        setup = time.perf_counter() - t0
        per_stage = {name: 0.0 for name in names}
        # Time each stage inside the pipeline by wrapping it; the wrapper costs ~1 µs and keeps
        # a stage's batch method (``pipe``), so batched stages are timed as the pipeline runs them.
        pipeline._built = [(spec, _Timed(fn, spec.name, per_stage)) for spec, fn in pipeline.stages]
        n_ok = n_bad = words = 0
        t1 = time.perf_counter()
        for item in pipeline.pipe(read_inputs([str(input_path)], settings)):
            if isinstance(item, Reject):
                n_bad += 1
            else:
                n_ok += 1
                words += len(item.text.split())
        elapsed = time.perf_counter() - t1
        result.update(setup_s=setup, seconds=elapsed, articles=n_ok, rejected=n_bad, words=words,
                      stage_seconds=per_stage)
    result.update(rss_start_mb=round(rss_start, 1), peak_rss_mb=round(_peak_rss_mb(), 1))
    return result


# ---------------------------------------------------------------------------- driver

def machine() -> dict[str, Any]:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9
    except (ValueError, OSError):
        mem_gb = None
    return {
        "cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu, "memory_gb": round(mem_gb, 1) if mem_gb else None, "python": platform.python_version(),
        "platform": platform.platform(),
    }


def spawn(config: str, input_path: Path | None = None, stages: list[str] | None = None) -> dict[str, Any]:
    """Run one configuration in a fresh interpreter, so memory and set-up time are its own."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", config, "--stages", ",".join(stages or [])]
    if input_path is not None:
        cmd += ["--input", str(input_path)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return {"config": config, "error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def table(results: list[dict[str, Any]], words_total: int) -> str:
    rows = ["| configuration | articles | rejected | set-up s | run s | articles/s | words/s | peak RSS MB |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        if "error" in r:
            rows.append(f"| {r['config']} | error: {r['error']} |  |  |  |  |  |  |")
            continue
        words = r.get("words", words_total)
        rate = r["articles"] / r["seconds"] if r["seconds"] else float("inf")
        wrate = words / r["seconds"] if r["seconds"] else float("inf")
        rows.append(f"| {r['config']} | {r['articles']} | {r['rejected']} | {r['setup_s']:.1f} | {r['seconds']:.1f} "
                    f"| {rate:.1f} | {wrate:,.0f} | {r['peak_rss_mb']:.0f} |")
    pipe = next((r for r in results if r["config"] == "pipeline" and "error" not in r), None)
    if pipe and pipe.get("stage_seconds"):
        rows += ["", "Time per stage inside the default pipeline:", "",
                 "| stage | s | ms/article | share |", "|---|---:|---:|---:|"]
        total = sum(pipe["stage_seconds"].values()) or 1.0
        for name, sec in pipe["stage_seconds"].items():
            rows.append(f"| {name} | {sec:.1f} | {1000 * sec / max(pipe['articles'], 1):.1f} | {sec / total:.0%} |")
    return "\n".join(rows) + "\n"


def skipped_note(skipped: dict[str, str]) -> str:
    rows: list[str] = []
    if skipped:
        rows += ["", "Stages skipped (cannot run yet):", ""]
        rows += [f"- `{k}`: {v}" for k, v in skipped.items()]
    return "\n".join(rows) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=None, help="the shared data folder (default: $WARTA_DATA)")
    ap.add_argument("--n", type=int, default=1000, help="number of IndoSum articles (max 3463)")
    ap.add_argument("--configs", default=None,
                    help="comma-separated subset of: ingest, stage:NAME, pipeline, store (default: all)")
    ap.add_argument("--out", type=Path, default=RESULTS, help="folder for the JSON and markdown results")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--input", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--stages", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker:
        print(json.dumps(run_worker(args.worker, args.input, [s for s in args.stages.split(",") if s])))
        return

    from warta.config import default_data_dir

    data = args.data or (Path(d) if (d := default_data_dir()) else None)
    if data is None or not (data / "indosum-devfolds").is_dir():
        raise SystemExit("IndoSum not found: pass --data DIR (the folder holding indosum-devfolds) or set WARTA_DATA")
    probe = spawn("probe")
    if "error" in probe:
        raise SystemExit(f"cannot load the pipeline: {probe['error']}")
    stages, skipped = probe["stages"], probe["skipped"]
    configs = (args.configs.split(",") if args.configs
               else ["ingest", *(f"stage:{s}" for s in stages), "pipeline", "store"])

    # The machine may be shared: record its load, since other processes slow every figure down.
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        input_path = Path(tmp) / "indosum.jsonl"
        n_articles, n_words = write_input(data, args.n, input_path)
        print(f"{n_articles} IndoSum articles, {n_words:,} words; stages: {', '.join(stages)}"
              + (f"; skipped: {', '.join(skipped)}" if skipped else ""), file=sys.stderr)
        results = []
        for config in configs:
            print(f"running {config} ...", file=sys.stderr)
            results.append(spawn(config, input_path, stages))
            print(f"  {json.dumps(results[-1])}", file=sys.stderr)

    now = dt.datetime.now(dt.UTC)
    load_end = os.getloadavg()
    report = {"date": now.isoformat(timespec="seconds"), "machine": machine(),
              "load_average_1m": {"start": round(load_start[0], 2), "end": round(load_end[0], 2)},
              "data": "IndoSum dev folds 1-5",
              "articles": n_articles, "words": n_words, "stages": stages, "skipped": skipped, "results": results}
    md = (f"# Pipeline benchmark {now:%Y-%m-%d %H:%M} UTC\n\n"
          f"{n_articles} IndoSum articles ({n_words:,} words), machine: {report['machine']['cpus']} CPUs, "
          f"{report['machine']['cpu']}, Python {report['machine']['python']}; 1-minute load average "
          f"{load_start[0]:.1f} at start, {load_end[0]:.1f} at end.\n\n" + table(results, n_words)
          + skipped_note(skipped))
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"pipeline-{now:%Y%m%d-%H%M}"
    stem.with_suffix(".json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    stem.with_suffix(".md").write_text(md, encoding="utf-8")
    print(md)
    print(f"written {stem}.json and {stem}.md", file=sys.stderr)


if __name__ == "__main__":
    main()
