"""``warta eval cluster`` and ``warta eval summary``: clustering and summary quality on real data."""

from __future__ import annotations

from pathlib import Path

import typer

from warta.cli._app import eval_app
from warta.errors import UsageError


@eval_app.command("cluster")
def eval_cluster(
    gold: Path | None = typer.Option(None, help="The shared/gold folder (default: ../shared/gold)."),
    tune: bool = typer.Option(False, help="Refit the decision models and report cross-validation."),
    train: str = typer.Option("own", help="With --tune: fit on 'own' (warta/data/cluster_train), 'dev' or 'own+dev'."),
    data: Path | None = typer.Option(None, help="The indosum-devfolds folder (default: $WARTA_DATA/indosum-devfolds)."),
    event_c: float | None = typer.Option(None, help="With --tune: L2 strength C of the event model (default EVENT_C)."),
    story_c: float | None = typer.Option(None, help="With --tune: L2 strength C of the story model (default STORY_C)."),
    folds: str = typer.Option("story", help="With --tune: cross-validate by 'story' (5 folds) or by labelled 'month'."),
) -> None:
    """Score events and stories on events-dev.jsonl: B-cubed and pairwise P/R/F1 (gate: pairwise F1).

    With --tune, fit the two decision models on --train (by default our own labelled months,
    so dev stays held out) and print them, the cross-validation on the training set (--folds)
    and the score on dev.

    Example: warta eval cluster --gold ../shared/gold --tune --train own
    """
    from warta.config import default_data_dir
    from warta.evaluation.cluster import EVENT_C, STORY_C, evaluate
    from warta.evaluation.cluster import tune as tune_models
    from warta.evaluation.gold import default_gold_root

    root = gold or default_gold_root()
    if root is None:
        raise UsageError("gold set not found: pass --gold PATH (the shared/gold folder)")
    header = f"{'':26s} {'B3 P':>6s} {'B3 R':>6s} {'B3 F1':>6s} {'pw P':>6s} {'pw R':>6s} {'pw F1':>6s} gold pred"
    if tune:
        folder = data or (Path(d) / "indosum-devfolds" if (d := default_data_dir()) else None)
        res = tune_models(root, train=train, indosum=folder, event_c=event_c if event_c is not None else EVENT_C,
                          story_c=story_c if story_c is not None else STORY_C, folds_by=folds)
        typer.echo(f"EVENT_MODEL = {res['event_model']}\nSTORY_MODEL = {res['story_model']}")
        typer.echo(f"fit on {train!r}: {res['n_train']} articles")
        dev_row = "dev (held out)" if res["dev_held_out"] else "dev (in the fit)"
        cv_row = f"{train} CV by {folds}"
        rows = {f"{train} (fit on all)": res["fit"], cv_row: res["cv_pooled"], dev_row: res["dev"]}
        # A few dozen gold event pairs: one link moves a fold by tens of points, so show the spread.
        for level in ("event", "story"):
            per_fold = " ".join(f"{f[level][5]:.3f}" for f in res["cv_folds"])
            typer.echo(f"CV pairwise F1 per {folds} fold, {level}: {per_fold}")
        # Recall: were missed same-event pairs never candidates, or candidates the model rejected?
        causes = res["cv_miss_causes"]
        typer.echo(f"CV same-event pairs ({sum(causes.values())}): "
                   + ", ".join(f"{name} {n}" for name, n in causes.items()))
    else:
        out = evaluate(root)
        rows = {"system": out["system"], "all singletons": out["singletons"]}
    typer.echo(header)
    for name, levels in rows.items():
        for level, v in levels.items():
            counts = f" {int(v[6]):4d} {int(v[7]):4d}" if len(v) > 6 else ""
            typer.echo(f"{name + ' ' + level:26s} " + " ".join(f"{x:6.3f}" for x in v[:6]) + counts)


@eval_app.command("summary")
def eval_summary(
    data: Path | None = typer.Option(None, help="The indosum-devfolds folder (default: $WARTA_DATA/indosum-devfolds)."),
    limit: int = typer.Option(0, help="Score only the first N articles (0: all)."),
) -> None:
    """ROUGE-1/2/L F1 of the extractive summariser on IndoSum's single-document summaries.

    Example: warta eval summary --data ../shared/data/indosum-devfolds
    """
    from warta.config import default_data_dir
    from warta.evaluation.rouge import evaluate_indosum

    folder = data or (Path(d) / "indosum-devfolds" if (d := default_data_dir()) else None)
    if folder is None or not folder.is_dir():
        raise UsageError("IndoSum dev folds not found: pass --data PATH (the indosum-devfolds folder)")
    res = evaluate_indosum(folder, limit or None)
    for name, value in res.items():
        typer.echo(f"{name:12s} {value:.4f}" if isinstance(value, float) else f"{name:12s} {value}")
