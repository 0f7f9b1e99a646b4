"""``warta eval ner``: span-level F1 of the NER model on the corpora's test splits."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from warta.cli._app import eval_app
from warta.errors import UsageError


@eval_app.command("ner")
def eval_ner_cmd(
    data: Path | None = typer.Option(None, "--data", help="The shared/data folder (default: $WARTA_DATA)."),
    model: Path | None = typer.Option(None, "--model", help="A spaCy model directory (default: the bundled one)."),
    fold: int = typer.Option(1, "--fold", help="IndoLEM fold whose test split is scored (the model's training fold)."),
    cv: Path | None = typer.Option(None, "--cv", help="Run the 5-fold IndoLEM protocol, caching fold models here "
                                                      "(trains 5 models: slow)."),
    cv_steps: int | None = typer.Option(None, "--cv-steps", help="Training steps per fold model with --cv "
                                                              "(default: the config's max_steps)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Score exact-match spans (micro P/R/F1 and macro F1 over types) on each NER test split.

    Example: warta eval ner --data ../shared/data
    Example: warta eval ner --data ../shared/data --cv /tmp/ner-cv --cv-steps 1500
    """
    from warta.config import default_data_dir
    from warta.evaluation.ner import cross_validate, evaluate_ner, format_results, mean_f
    from warta.training.ner import DEFAULT_MODEL_DIR

    data_dir = data or (Path(d) if (d := default_data_dir()) else None)
    if data_dir is None or not data_dir.is_dir():
        raise UsageError("corpora not found: pass --data PATH (the shared/data folder) or set WARTA_DATA")
    if cv is not None:
        from warta.evaluation.gold import default_gold_root

        results = []
        for corpus in ("indolem-ner-ui", "indolem-ner-ugm"):
            # The fold models are shared: the second corpus reuses the cached ones.
            results += cross_validate(data_dir, cv, corpus, max_steps=cv_steps, gold_dir=default_gold_root())
    else:
        path = model or DEFAULT_MODEL_DIR
        if not (path / "meta.json").is_file():
            raise UsageError(f"no spaCy model at {path}: train one with `warta train ner` or pass --model")
        results = evaluate_ner(path, data_dir, fold=fold)
    if as_json:
        typer.echo(json.dumps([r.as_dict() for r in results], indent=2))
        return
    typer.echo(format_results(results))
    if cv is not None:
        for corpus in ("indolem-ner-ui", "indolem-ner-ugm"):
            rs = [r for r in results if r.corpus == corpus]
            typer.echo(f"{corpus}: mean micro F1 over {len(rs)} folds = {mean_f(rs) * 100:.2f}")
