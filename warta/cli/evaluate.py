"""``warta eval gold``: score the whole reader pipeline on the dev gold set."""

from __future__ import annotations

from pathlib import Path

import typer

from warta.cli._app import eval_app
from warta.errors import UsageError


@eval_app.command("gold")
def eval_gold(
    gold: Path | None = typer.Option(None, help="The shared/gold folder (default: ../shared/gold)."),
    stages: str | None = typer.Option(None, help="Comma-separated stage names (default: from settings)."),
    raw: bool = typer.Option(
        False, "--raw",
        help="Give each article's raw text to the readers, without ingest cleaning (default: through "
             "ingest, as `warta analyze` does and the gold README scores).",
    ),
) -> None:
    """Score quotes, speakers, times, quantities and entity grouping on the dev gold set.

    By default the articles go through ingest exactly as `warta analyze dev/articles.jsonl`
    reads them (the gold README's scoring path); --raw scores the readers on the raw texts.

    Example: warta eval gold --gold ../shared/gold
    """
    from warta.evaluation.gold import default_gold_root, score_gold

    root = gold or default_gold_root()
    if root is None:
        raise UsageError("gold set not found: pass --gold PATH (the shared/gold folder)")
    res = score_gold(root, [s.strip() for s in stages.split(",")] if stages else None, ingest=not raw)
    typer.echo(f"path: {'raw texts, no ingest' if raw else 'through ingest (warta analyze)'}")
    for name, values in res.items():
        label = "P/R/F1" if len(values) == 3 else "recall"
        typer.echo(f"{name:28s} {label:7s} " + " ".join(f"{v:.3f}" for v in values))
