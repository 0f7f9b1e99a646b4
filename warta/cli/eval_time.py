"""``warta eval time``: score the time reader on IndoTimex (TempEval-3 style)."""

from __future__ import annotations

from pathlib import Path

import typer

from warta.cli._app import eval_app
from warta.errors import UsageError


@eval_app.command("time")
def eval_time(
    data: Path | None = typer.Option(None, help="IndoTimex folder, or the shared/data root (default: $WARTA_DATA)."),
    errors: bool = typer.Option(False, "--errors", help="Also list every missed, extra and wrongly valued expression."),
    published: bool = typer.Option(False, "--published", help="Also score publication-date inference on IndoSum."),
    gold: Path | None = typer.Option(None, help="shared/gold: also check event-date agreement on events-dev.jsonl."),
) -> None:
    """Score time recognition (relaxed/strict F1) and normalisation (value F1) on IndoTimex.

    With --published, also infer the publication date of IndoSum articles whose date is
    withheld and compare it with their crawl time.

    With --gold, also check that articles about the same happening get the same event date.

    Example: warta eval time --data ../shared/data/indotimex-kompas --published
    """
    from warta.config import default_data_dir
    from warta.evaluation.time import score_indotimex

    root = data or (Path(d) if (d := default_data_dir()) else None)
    if root is None:
        raise UsageError("IndoTimex not found: pass --data PATH (the indotimex-kompas folder)")
    res = score_indotimex(root)
    typer.echo(f"IndoTimex: {res.n_docs} documents, {res.n_gold} gold TIMEX3, {res.n_pred} predicted")
    for name, (p, r, f) in res.as_rows().items():
        typer.echo(f"{name:24s} P {100 * p:6.2f}  R {100 * r:6.2f}  F1 {100 * f:6.2f}")
    typer.echo("published (Mirza 2015): recognition F1 92.87, value F1 85.26")
    if published:
        from warta.evaluation.time import score_published_inference

        data_root = root if (root / "indosum-devfolds").is_dir() else root.parent
        pub = score_published_inference(data_root)
        typer.echo(f"publication date inferred for {pub.inferred}/{pub.articles} IndoSum articles (date withheld); "
                   f"within 2 days of the crawl time: {pub.exact}; day and month right: {pub.day_month}")
    if gold is not None:
        from warta.evaluation.time import score_event_date_agreement

        ev = score_event_date_agreement(gold)
        typer.echo(f"same-event article pairs: {ev.pairs}; same event date: {ev.event_same}; "
                   f"same publication date (baseline): {ev.published_same}")
    if errors:
        for line in res.errors:
            typer.echo(line)
