"""``warta stats``: what the store holds."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from warta.api import stats as store_stats
from warta.cli._app import app
from warta.config import load_settings
from warta.store import Store, queries


class Format(StrEnum):
    table = "table"
    json = "json"


@app.command()
def stats(
    db: Path | None = typer.Option(None, help="Database file (default: warta.db or $WARTA_DB)."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table, or json."),
    rejects: int = typer.Option(0, min=0, help="Also list this many of the most recently seen rejects."),
    config: Path | None = typer.Option(None, help="A warta.toml overriding the defaults."),
) -> None:
    """Show counts: articles, duplicates, rejects by code, outlets, languages, dates, annotations.

    Example: warta stats --db warta.db --rejects 10
    """
    data = store_stats(db, config)
    if rejects:
        with Store.open(db, load_settings(config), create=False) as store:
            data["recent_rejects"] = queries.rejects(store.conn, rejects)
    if format is Format.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print_stats(data)


def print_stats(data: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    pub = data["published"]
    overview = Table(title="Store", show_header=False)
    overview.add_column("what")
    overview.add_column("count", justify="right")
    rows = [
        ("articles", data["articles"]),
        ("near-duplicates (linked, not counted)", data["near_duplicates"]),
        ("exact duplicates seen", data["exact_duplicates"]),
        ("rejected items", data["rejects"]),
        ("published", f"{(pub['first'] or '-')[:10]} … {(pub['last'] or '-')[:10]} ({pub['unknown']} unknown)"),
        ("entities (distinct)", data["entities"]),
        ("entity mentions", data["mentions"]),
        ("quotes", data["quotes"]),
        ("time expressions", data["times"]),
        ("quantities", data["quantities"]),
        ("events / stories", f"{data['events']} / {data['stories']}"),
    ]
    for name, value in rows:
        overview.add_row(name, str(value))
    console.print(overview)
    for key, title, column in (
        ("outlets", "Outlets", "outlet"), ("languages", "Languages", "language"),
        ("rejects_by_code", "Rejects by code", "code"),
    ):
        if data[key]:
            table = Table(title=title)
            table.add_column(column)
            table.add_column("count", justify="right")
            for name, count in data[key].items():
                table.add_row(name, str(count))
            console.print(table)
    if data.get("recent_rejects"):
        table = Table(title="Recent rejects")
        for col in ("item", "stage", "code", "reason", "seen"):
            table.add_column(col, overflow="fold")
        for r in data["recent_rejects"]:
            where = f"{r['item']}:{r['line']}" if r["line"] is not None else r["item"]
            table.add_row(where, r["stage"] or "", r["code"], r["reason"], f"{r['count']}x, last {r['last_seen']}")
        console.print(table)
