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
) -> None:
    """Score quotes, speakers, times, quantities and entity grouping on the dev gold set.

    Example: warta eval gold --gold ../shared/gold
    """
    from warta.evaluation.gold import default_gold_root, score_gold

    root = gold or default_gold_root()
    if root is None:
        raise UsageError("gold set not found: pass --gold PATH (the shared/gold folder)")
    res = score_gold(root, [s.strip() for s in stages.split(",")] if stages else None)
    for name, values in res.items():
        label = "P/R/F1" if len(values) == 3 else "recall"
        typer.echo(f"{name:28s} {label:7s} " + " ".join(f"{v:.3f}" for v in values))
