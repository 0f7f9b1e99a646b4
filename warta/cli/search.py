"""``warta search``: full-text search over the stored articles."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from warta.cli._app import app
from warta.config import load_settings
from warta.store import SearchHit, Store

# Private snippet markers: they cannot occur in stored text, so highlighting is unambiguous.
_OPEN, _CLOSE = "\x02", "\x03"


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"


@app.command()
def search(
    query: str = typer.Argument(..., help='Words, "exact phrases", AND/OR/NOT, prefix*, title:word.'),
    db: Path | None = typer.Option(None, help="Database file (default: warta.db or $WARTA_DB)."),
    limit: int = typer.Option(10, min=1, help="How many hits to show."),
    offset: int = typer.Option(0, min=0, help="Skip this many hits (paging)."),
    outlet: str | None = typer.Option(None, help="Only this outlet (case-insensitive)."),
    since: str | None = typer.Option(None, help="Only articles published on or after this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, help="Only articles published on or before this date (YYYY-MM-DD)."),
    include_duplicates: bool = typer.Option(False, help="Also show near-duplicate copies of other articles."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table, or jsonl (snippet marks [hits])."),
    config: Path | None = typer.Option(None, help="A warta.toml overriding the defaults."),
) -> None:
    """Search stored articles, best match first (near-duplicate copies are left out unless asked for).

    Example: warta search '"Bank Indonesia" suku bunga' --since 2024-01-01 --limit 5
    """
    marks = (_OPEN, _CLOSE) if format is Format.table else ("[", "]")
    with Store.open(db, load_settings(config), create=False) as store:
        hits = store.search(query, limit=limit, offset=offset, outlet=outlet, since=since, until=until,
                            include_duplicates=include_duplicates, marks=marks)
    if format is Format.jsonl:
        for hit in hits:
            typer.echo(json.dumps(hit.to_dict(), ensure_ascii=False))
        return
    print_hits(hits, f"{len(hits)} hit(s) for {query!r}")


def highlight(snippet: str) -> Text:
    """A snippet with the private markers turned into bold text."""
    text = Text()
    for i, piece in enumerate(snippet.replace(_CLOSE, _OPEN).split(_OPEN)):
        text.append(piece, style="bold yellow" if i % 2 else "")
    return text


def print_hits(hits: list[SearchHit], title: str, console: Console | None = None) -> None:
    table = Table(title=title, show_lines=True)
    for col in ("id", "published", "outlet", "title / snippet"):
        table.add_column(col, overflow="fold")
    for hit in hits:
        body = Text(hit.title or "(untitled)", style="bold") + Text("\n") + highlight(hit.snippet)
        table.add_row(hit.id, (hit.published or "")[:10], hit.outlet or "", body)
    (console or Console()).print(table)
