"""``warta ingest``: read, analyse and store articles (idempotent and resumable)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer

from warta.batch import ingest as batch_ingest
from warta.cli._app import app
from warta.cli._common import exit_code, progress, report_reject


class Format(StrEnum):
    text = "text"
    json = "json"


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(..., help="Files, directories, feed URLs, or - for standard input."),
    db: Path | None = typer.Option(None, help="Database file (default: warta.db or $WARTA_DB)."),
    stages: str | None = typer.Option(None, help="Comma-separated stage names (default: from settings)."),
    config: Path | None = typer.Option(None, help="A warta.toml overriding the defaults."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text: one summary line; json: the report."),
    executor: str = typer.Option("serial", help="serial, local (worker processes here) or dask."),
    workers: int | None = typer.Option(None, help="Worker processes for local/dask (default: CPUs)."),
    address: str | None = typer.Option(None, help="Dask scheduler, e.g. tcp://host:8786 (default: a local cluster)."),
) -> None:
    """Analyse articles and store them; re-running skips what is already stored.

    Duplicates are linked to the stored original; rejected items are listed on stderr
    (file:line: reason) and recorded in the database. Exit code 0 all stored, 1 some
    rejected, 2 nothing readable.

    Example: warta ingest berita/ feed.xml --db warta.db  (add --executor local to use every core)
    """
    stage_list = [s.strip() for s in stages.split(",") if s.strip()] if stages else None
    report = batch_ingest(
        inputs, db=db, config=config, stages=stage_list, progress=lambda items: progress(items, "ingesting"),
        executor=executor, workers=workers, address=address,
    )
    for reject in report.rejects:
        report_reject(reject)
    if format is Format.json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        typer.echo(
            f"{report.db}: {report.new} new, {report.updated} updated, {report.unchanged} unchanged, "
            f"{report.duplicates} exact duplicate(s), {report.near_duplicates} near-duplicate(s), "
            f"{report.rejected} rejected"
        )
    raise typer.Exit(exit_code(report.stored, report.rejected))
