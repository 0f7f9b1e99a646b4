"""``warta train ner``: train the Indonesian NER model from the real corpora."""

from __future__ import annotations

import logging
from pathlib import Path

import typer

from warta.cli._app import train_app
from warta.errors import UsageError


@train_app.command("ner")
def train_ner_cmd(
    data: Path | None = typer.Option(None, "--data", help="The shared/data folder (default: $WARTA_DATA)."),
    output: Path | None = typer.Option(None, "--output", help="Model folder (default: warta/models/ner-id)."),
    seed: int = typer.Option(0, "--seed", help="Random seed (same seed, same data → same model)."),
    max_steps: int | None = typer.Option(None, "--max-steps", help="Override the config's training.max_steps "
                                                                   "(the default, reproducible stopping rule)."),
    max_minutes: float | None = typer.Option(None, "--max-minutes", help="Also stop after this many minutes "
                                                                        "(quick experiments only: not reproducible)."),
    vectors: bool = typer.Option(True, "--vectors/--no-vectors", help="Learn word vectors from raw text first."),
) -> None:
    """Train the PER/ORG/LOC model on the training splits of the four NER corpora (no test data).

    Example: warta train ner --data ../shared/data --output /tmp/ner-id --max-steps 4000
    """
    from warta.config import default_data_dir
    from warta.training.ner import DEFAULT_MODEL_DIR, train_ner

    data_dir = data or (Path(d) if (d := default_data_dir()) else None)
    if data_dir is None or not data_dir.is_dir():
        raise UsageError("corpora not found: pass --data PATH (the shared/data folder) or set WARTA_DATA")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    for name in ("warta.training.ner", "warta.training.vectors"):
        logging.getLogger(name).addHandler(handler)
        logging.getLogger(name).setLevel(logging.INFO)
    from warta.evaluation.gold import default_gold_root

    res = train_ner(data_dir, output or DEFAULT_MODEL_DIR, seed=seed, max_minutes=max_minutes, max_steps=max_steps,
                    vectors=vectors, gold_dir=default_gold_root())
    typer.echo(f"saved {res.output}: best dev ents F1 {res.best_dev_f:.4f} after {res.steps} steps "
               f"({res.minutes:.1f} min, stopped by {res.stopped_by})")
