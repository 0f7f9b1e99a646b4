"""``warta entities``: the canonical entities of the stored articles, with mention counts."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from warta.cli._app import app
from warta.config import load_settings


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"


@app.command()
def entities(
    type: str | None = typer.Option(None, "--type", "-t", help="Only this type: PER, ORG, LOC, GPE, EVENT, MISC."),
    limit: int = typer.Option(30, min=1, help="How many entities to show (most articles first)."),
    db: Path | None = typer.Option(None, help="Database file (default: warta.db or $WARTA_DB)."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table, or jsonl (one object per line)."),
    config: Path | None = typer.Option(None, help="A warta.toml overriding the defaults."),
) -> None:
    """List stored entities by the number of articles naming them, with their mention counts.

    Example: warta entities --type PER --limit 20 --db warta.db
    """
    from warta.store import Store
    from warta.store.queries import top_entities

    with Store.open(db, load_settings(config), create=False) as store:
        rows = top_entities(store.conn, limit=limit, type=type.upper() if type else None)
    if format is Format.jsonl:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} entit{'y' if len(rows) == 1 else 'ies'}")
    for col in ("id", "name", "type", "articles", "mentions"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["id"], r["name"], r["type"], str(r["articles"]), str(r["mentions"]))
    Console().print(table)
