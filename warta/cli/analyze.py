"""``warta analyze``: read articles, run the reader pipeline, print results. Stores nothing."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from warta.article import Article, Reject
from warta.batch import analyze as batch_analyze
from warta.cli._app import app
from warta.cli._common import exit_code, progress, report_reject


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"


@app.command()
def analyze(
    inputs: list[str] = typer.Argument(..., help="Files, directories, feed URLs, or - for standard input."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="jsonl: contract-v1 objects; table: summary."),
    stages: str | None = typer.Option(None, help="Comma-separated stage names (default: from settings)."),
    config: Path | None = typer.Option(None, help="A warta.toml overriding the defaults."),
    executor: str = typer.Option("serial", help="serial, local (worker processes here) or dask."),
    workers: int | None = typer.Option(None, help="Worker processes for local/dask (default: CPUs)."),
    address: str | None = typer.Option(None, help="Dask scheduler, e.g. tcp://host:8786 (default: a local cluster)."),
) -> None:
    """Analyse articles and print entities, quotes, times and quantities (stateless).

    Example: warta analyze berita/*.txt --format jsonl > hasil.jsonl
    """
    stage_list = [s.strip() for s in stages.split(",")] if stages else None
    n_ok = n_bad = 0
    rows: list[Article] = []
    items = batch_analyze(
        inputs, stages=stage_list, config=config, executor=executor, workers=workers, address=address
    )
    for item in progress(items, "analysing"):
        if isinstance(item, Reject):
            n_bad += 1
            report_reject(item)
            continue
        n_ok += 1
        if format is Format.jsonl:
            sys.stdout.write(json.dumps(item.to_contract(), ensure_ascii=False) + "\n")
        else:
            rows.append(item)
    if format is Format.table:
        _print_table(rows)
    raise typer.Exit(exit_code(n_ok, n_bad))


def _print_table(articles: list[Article]) -> None:
    table = Table(title=f"{len(articles)} article(s)")
    for col in ("id", "title", "published", "outlet", "authors", "lang", "ent", "quotes", "times", "qty"):
        table.add_column(col, overflow="fold")
    for a in articles:
        table.add_row(
            a.id, (a.title or "")[:60], a.published or "", a.outlet or a.source or "", ", ".join(a.authors),
            a.language or "", str(len(a.entities)), str(len(a.quotes)), str(len(a.times)), str(len(a.quantities)),
        )
    Console().print(table)
