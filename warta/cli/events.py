"""``warta events``, ``warta stories``, ``warta timeline STORY``: events and stories in the store."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from warta.cli._app import app

DB_HELP = "Database file (default: warta.db or $WARTA_DB)."


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _open(db: Path | None, config: Path | None) -> Any:
    from warta.config import load_settings
    from warta.store import Store

    return Store.open(db, load_settings(config), create=False)


def _cell(row: dict[str, Any], col: str) -> str:
    value = row.get(col)
    if col == "entities":  # the first three main entities by name; all five, with ids, in --format jsonl
        return ", ".join(e["name"] for e in (value or [])[:3])
    return "" if value is None else str(value)[:90]


def _print(rows: list[dict[str, Any]], format: Format, columns: tuple[str, ...], title: str) -> None:
    if format is Format.jsonl:
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False))
        return
    table = Table(title=title)
    for col in columns:
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*(_cell(r, c) for c in columns))
    Console().print(table)


@app.command("events")
def events_command(
    story: str | None = typer.Option(None, help="Only the events of this story."),
    refresh: bool = typer.Option(False, help="Re-cluster all stored articles first (rewrites events and stories)."),
    update: bool = typer.Option(True, help="First place the stored articles that are in no event yet."),
    limit: int = typer.Option(50, help="At most this many events."),
    format: Format = typer.Option(Format.table, "--format", "-f"),
    db: Path | None = typer.Option(None, help=DB_HELP),
    config: Path | None = typer.Option(None, help="A warta.toml overriding the defaults."),
) -> None:
    """List the events in the store (latest first) with their titles, dates, sizes and main entities.

    Articles stored since the last placement are placed first (--no-update to only list);
    --refresh re-clusters everything instead.

    Example: warta events --refresh --db berita.db
    """
    from warta.errors import StoreError
    from warta.store.cluster_queries import list_events, refresh_clusters, update_clusters

    with _open(db, config) as store:
        if refresh:
            counts = refresh_clusters(store)
            typer.echo(f"clustered {counts['articles']} articles into {counts['events']} events, "
                       f"{counts['stories']} stories", err=True)
        elif update:
            try:
                counts = update_clusters(store)
            except StoreError as exc:  # e.g. a read-only file, or another writer holding it: still list
                typer.echo(f"warta: warning: new articles were not placed: {exc.message}", err=True)
                counts = {"refreshed": 0, "articles": 0}
            if counts["refreshed"]:
                typer.echo(f"clustered {counts['articles']} articles from scratch into {counts['events']} events, "
                           f"{counts['stories']} stories", err=True)
            elif counts["articles"]:
                typer.echo(f"placed {counts['articles']} new article(s): {counts['new_events']} new event(s), "
                           f"{counts['events']} event(s) and {counts['stories']} story(ies) updated"
                           + (f", {counts['late']} late" if counts["late"] else ""), err=True)
        rows = list_events(store, story, limit)
    _print(rows, format, ("id", "start_date", "end_date", "articles", "story_id", "title", "entities"),
           f"{len(rows)} event(s)")


@app.command("stories")
def stories_command(
    limit: int = typer.Option(50, help="At most this many stories."),
    format: Format = typer.Option(Format.table, "--format", "-f"),
    db: Path | None = typer.Option(None, help=DB_HELP),
    config: Path | None = typer.Option(None, help="A warta.toml overriding the defaults."),
) -> None:
    """List the stories in the store (latest first) with their date ranges, sizes and main entities.

    Example: warta stories --db berita.db --format jsonl
    """
    from warta.store.cluster_queries import list_stories

    with _open(db, config) as store:
        rows = list_stories(store, limit)
    _print(rows, format, ("id", "start_date", "end_date", "events", "articles", "title", "entities"),
           f"{len(rows)} story(ies)")


@app.command("timeline")
def timeline_command(
    story: str = typer.Argument(..., help="A story id (see `warta stories`)."),
    format: Format = typer.Option(Format.table, "--format", "-f"),
    db: Path | None = typer.Option(None, help=DB_HELP),
    config: Path | None = typer.Option(None, help="A warta.toml overriding the defaults."),
) -> None:
    """Show a story's events in the order they happened, with key quotes and numbers.

    Example: warta timeline s000001 --db berita.db
    """
    from warta.store.cluster_queries import story_timeline

    with _open(db, config) as store:
        res = story_timeline(store, story)
    if format is Format.jsonl:
        typer.echo(json.dumps(res, ensure_ascii=False))
        return
    console = Console()
    console.print(f"[bold]{res['story']['title']}[/bold]  ({res['story']['start_date']} – {res['story']['end_date']})")
    for ev in res["events"]:
        console.print(f"\n[bold]{ev['start_date'] or '?'}[/bold]  {ev['title']}  "
                      f"[dim]({len(ev['articles'])} article(s): {', '.join(ev['outlets'])})[/dim]")
        if ev["summary"]:
            console.print(f"  {ev['summary']}")
        for q in ev["quotes"]:
            console.print(f"  “{q['text']}” — {q['speaker'] or '?'}")
        if ev["numbers"]:
            console.print(f"  numbers: {', '.join(ev['numbers'])}")


@app.command("outlets")
def outlets_command(
    event: str = typer.Argument(..., help="An event id (see `warta events`)."),
    format: Format = typer.Option(Format.table, "--format", "-f"),
    db: Path | None = typer.Option(None, help=DB_HELP),
    config: Path | None = typer.Option(None, help="A warta.toml overriding the defaults."),
) -> None:
    """Compare the outlets that covered an event: when, what only each reported, their wording.

    Example: warta outlets e000042 --db berita.db
    """
    from warta.store.cluster_queries import event_outlets

    with _open(db, config) as store:
        res = event_outlets(store, event)
    if format is Format.jsonl:
        typer.echo(json.dumps(res, ensure_ascii=False))
        return
    console = Console()
    console.print(f"[bold]{res['event']['title']}[/bold]  ({res['event']['start_date']})")
    for o in res["outlets"]:
        console.print(f"\n[bold]{o['outlet']}[/bold]  {len(o['articles'])} article(s), {o['first']} – {o['last']}")
        for label, key in (("only here: quotes", "quotes"), ("only here: numbers", "numbers"),
                           ("only here: names", "names")):
            if o[key]:
                console.print(f"  {label}: " + "; ".join(o[key][:6]))
        if o["distinctive_terms"]:
            console.print("  wording: " + ", ".join(t for t, _ in o["distinctive_terms"]))
