"""``warta cluster``: group articles into events and stories (stateless; stores nothing)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from warta.article import Article, Reject
from warta.cli._app import app, train_app
from warta.cli._common import exit_code, progress, report_reject


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"


@app.command("cluster")
def cluster_command(
    inputs: list[str] = typer.Argument(..., help="Files, directories, feed URLs, or - for standard input."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="jsonl: {id, event, story} per article."),
    stages: str = typer.Option(
        "", help="Reader stages to run first, comma-separated (e.g. times). The shipped decision models "
        "were tuned without any: names come from capitalised words, time from `published`."),
    config: Path | None = typer.Option(None, help="A warta.toml overriding the defaults."),
) -> None:
    """Cluster articles, in publication order, into events and stories.

    Example: warta cluster berita.jsonl --format jsonl > klaster.jsonl
    """
    from warta.api import analyze
    from warta.cluster import cluster_articles, date_undated

    stage_list = [s.strip() for s in stages.split(",") if s.strip()]
    articles: list[Article] = []
    n_bad = 0
    for item in progress(analyze(inputs, stages=stage_list or None, config=config) if stage_list
                         else _read(inputs, config), "reading"):
        if isinstance(item, Reject):
            n_bad += 1
            report_reject(item)
        else:
            articles.append(item)
    articles = date_undated(articles)  # undated articles get an event date from the Time reader
    assignments = cluster_articles(articles)
    if format is Format.jsonl:
        for a in assignments:
            sys.stdout.write(json.dumps({"id": a.article_id, "event": a.event, "story": a.story}) + "\n")
    else:
        by_id = {a.id: a for a in articles}
        table = Table(title=f"{len(articles)} article(s), {len({a.event for a in assignments})} event(s), "
                      f"{len({a.story for a in assignments})} story(ies)")
        for col in ("story", "event", "id", "published", "outlet", "title / lead"):
            table.add_column(col, overflow="fold")
        for a in sorted(assignments, key=lambda x: (x.story, x.event)):
            art = by_id[a.article_id]
            table.add_row(a.story, a.event, a.article_id, art.published or "", art.outlet or "",
                          (art.title or art.text)[:70])
        Console().print(table)
    raise typer.Exit(exit_code(len(articles), n_bad))


def _read(inputs: list[str], config: Path | None) -> list[Article | Reject]:
    from warta.config import load_settings
    from warta.ingest import read_inputs

    return list(read_inputs(inputs, load_settings(config)))


@train_app.command("cluster-df")
def train_cluster_df(
    data: Path | None = typer.Option(None, help="The indosum-devfolds folder (default: $WARTA_DATA/indosum-devfolds)."),
    out: Path | None = typer.Option(None, help="Where to write the table (default: the bundled warta/data file)."),
) -> None:
    """Count the background document frequencies that warm-start the clusterer's streaming IDF.

    Example: warta train cluster-df --data ../shared/data/indosum-devfolds
    """
    from importlib.resources import files

    from warta.cluster.background import BACKGROUND_FILE, build_background
    from warta.config import default_data_dir
    from warta.errors import UsageError

    folder = data or (Path(d) / "indosum-devfolds" if (d := default_data_dir()) else None)
    if folder is None or not folder.is_dir():
        raise UsageError("IndoSum dev folds not found: pass --data PATH (the indosum-devfolds folder)")
    target = out or Path(str(files("warta").joinpath("data", BACKGROUND_FILE)))
    n = build_background(folder, target)
    typer.echo(f"counted {n} articles -> {target}")
