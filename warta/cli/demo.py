"""``warta demo``: ingest the bundled sample articles and show what Warta found."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from warta.api import ingest as ingest_inputs
from warta.article import INGEST_FIELDS, Article
from warta.cli._app import app
from warta.cli._common import progress, report_reject
from warta.cli.search import print_hits
from warta.cli.stats import print_stats
from warta.config import Settings, load_settings
from warta.registry import get_stage
from warta.store import Store, queries

# Article files among the samples (the folder also holds labels and a README).
SAMPLE_SUFFIXES = (".txt", ".jsonl", ".html", ".htm", ".xml")
# Searched when no reader found any entity: a topic the bundled samples are known to cover.
FALLBACK_QUERY = "banjir"
PROBE_TEXT = 'Menteri Keuangan Sri Rahayu mengatakan, "Inflasi turun 2,5 persen," di Jakarta pada Senin (3/2/2025).'


def available_stages(settings: Settings) -> tuple[list[str], list[str]]:
    """The configured stages that work here, and the others with the reason.

    Each stage is built and tried on a short sentence we wrote: a reader whose model is not
    trained or installed yet must not turn every sample into a reject.
    """
    ok: list[str] = []
    skipped: list[str] = []
    have = set(INGEST_FIELDS)
    probe = Article(PROBE_TEXT, title="Uji coba")
    for name in settings.pipeline:
        try:
            spec = get_stage(name)
            if set(spec.reads) - have:
                skipped.append(f"{name} (needs {sorted(set(spec.reads) - have)})")
                continue
            result = spec.build(**settings.stages.get(name, {}))(probe)
        except Exception as exc:  # any failure means "not usable here"; say which and why
            skipped.append(f"{name} ({type(exc).__name__}: {exc})")
            continue
        if isinstance(result, Article):
            probe = result
        ok.append(name)
        have |= set(spec.adds)
    return ok, skipped


@app.command()
def demo(
    db: Path = typer.Option(Path("warta-demo.db"), help="Database to fill (kept, so you can search it after)."),
    config: Path | None = typer.Option(None, help="A warta.toml overriding the defaults."),
) -> None:
    """Ingest and cluster the bundled sample articles; show stats, top entities, speakers and a search.

    Example: warta demo --db demo.db
    """
    console = Console()
    settings = load_settings(config)
    stages, skipped = available_stages(settings)
    if skipped:
        console.print("[yellow]skipping stages not available here:[/] " + escape("; ".join(skipped)))
    with as_file(files("warta").joinpath("data", "samples")) as folder:
        paths = sorted(str(p) for p in Path(folder).rglob("*") if p.suffix in SAMPLE_SUFFIXES)
        report = ingest_inputs(
            paths, db=db, config=config, stages=stages, progress=lambda items: progress(items, "ingesting samples")
        )
    for reject in report.rejects:
        report_reject(reject)
    console.print(
        f"[bold]{db}[/]: {report.new} new, {report.updated} updated, {report.unchanged} already stored, "
        f"{report.near_duplicates} "
        f"near-duplicate(s), {report.duplicates} exact duplicate(s), {report.rejected} rejected "
        f"(stages: {', '.join(stages) or 'none'})"
    )
    with Store.open(db, settings, create=False) as store:
        from warta.store.cluster_queries import update_clusters

        # ingest placed the new articles already (cluster.place_on_ingest); this places any
        # left queued (setting off, or an older store) without re-clustering the rest
        update_clusters(store)
        print_stats(store.stats(), console)
        n_events, n_stories, n_placed = store.conn.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM stories), "
            "(SELECT count(*) FROM article_events)").fetchone()
        console.print(f"Clustered {n_placed} articles into {n_events} events "
                      f"and {n_stories} stories (warta stories --db {db})")
        entities = queries.top_entities(store.conn, limit=10)
        speakers = queries.top_speakers(store.conn, limit=10)
        _print_rows(console, "Top entities", entities, ("name", "type", "articles", "mentions"))
        _print_rows(console, "Most-quoted speakers", speakers, ("name", "quotes", "articles"))
        query = next((e["name"] for e in entities if e["type"] != "MISC"), FALLBACK_QUERY)
        print_hits(store.search(query, limit=5, marks=("\x02", "\x03")), f"Search: {query!r}", console)
    console.print(f"Explore further: warta search 'kata kunci' --db {db}   |   warta stats --db {db}")


def _print_rows(console: Console, title: str, rows: list[dict[str, object]], cols: tuple[str, ...]) -> None:
    if not rows:
        console.print(f"[dim]{title}: none found (the stage that finds them may not be available)[/]")
        return
    table = Table(title=title)
    for col in cols:
        table.add_column(col, justify="right" if col in ("articles", "mentions", "quotes") else "left")
    for row in rows:
        table.add_row(*(str(row[c]) if row[c] is not None else "" for c in cols))
    console.print(table)
