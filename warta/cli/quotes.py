"""``warta quotes``: who said what in the stored articles, and the most-quoted speakers."""

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
def quotes(
    speaker: str | None = typer.Option(None, help="Only this speaker: part of a name, or an entity id."),
    since: str | None = typer.Option(None, help="Only articles published on or after this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, help="Only articles published on or before this date (YYYY-MM-DD)."),
    outlet: str | None = typer.Option(None, help="Only this outlet (case-insensitive)."),
    top: bool = typer.Option(False, "--top", help="List the most-quoted speakers with counts per outlet instead."),
    limit: int = typer.Option(20, min=1, help="How many quotes (or speakers with --top) to show."),
    db: Path | None = typer.Option(None, help="Database file (default: warta.db or $WARTA_DB)."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table, or jsonl (one object per line)."),
    config: Path | None = typer.Option(None, help="A warta.toml overriding the defaults."),
) -> None:
    """Show stored quotes with their speakers, or the most-quoted speakers over a period (--top).

    Example: warta quotes --top --since 2025-10-01 --db warta.db
    """
    from warta.store import Store
    from warta.store.quote_queries import find_quotes, most_quoted

    with Store.open(db, load_settings(config), create=False) as store:
        if top:
            counts = most_quoted(store.conn, since=since, until=until, outlet=outlet, speaker=speaker, limit=limit)
            rows = [c.to_dict() for c in counts]
        else:
            rows = find_quotes(store.conn, speaker=speaker, since=since, until=until, outlet=outlet, limit=limit)
    if format is Format.jsonl:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} {'speaker(s)' if top else 'quote(s)'}")
    if top:
        for col in ("speaker", "entity", "quotes", "articles", "per outlet"):
            table.add_column(col, overflow="fold")
        for r in rows:
            per = ", ".join(f"{o} {n}" for o, n in r["outlets"].items())
            table.add_row(r["name"], r["entity"] or "", str(r["quotes"]), str(r["articles"]), per)
    else:
        for col in ("published", "outlet", "speaker", "kind", "quote"):
            table.add_column(col, overflow="fold")
        for r in rows:
            who = r["speaker"] or "?"
            if r["role"] and r["role"] != who:
                who += f" ({r['role']})"
            table.add_row((r["published"] or "")[:10], r["outlet"] or "", who, r["kind"], r["text"])
    Console().print(table)
