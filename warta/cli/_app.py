"""The Typer application every command module registers on.

Commands live one per module in this package (``analyze.py``, ``ingest.py`` …) and are
thin: parse arguments, call the Python API, print. ``warta.cli.main`` imports every module
here, so adding a command is adding a file.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="warta",
    help="Warta: news intelligence for Indonesian news.\n\nExample: warta analyze artikel.txt --format jsonl",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
train_app = typer.Typer(help="Train Warta's models from real corpora.", no_args_is_help=True)
eval_app = typer.Typer(help="Evaluate Warta on real gold data (quality gates).", no_args_is_help=True)
app.add_typer(train_app, name="train")
app.add_typer(eval_app, name="eval")
