"""``warta eval quotes``: quote detection and quote+speaker P/R/F1 on the dev gold set."""

from __future__ import annotations

from pathlib import Path

import typer

from warta.cli._app import eval_app
from warta.errors import UsageError


@eval_app.command("quotes")
def eval_quotes(
    gold: Path | None = typer.Option(None, help="The shared/gold folder (default: ../shared/gold)."),
    errors: bool = typer.Option(False, "--errors", help="Also list missed, spurious and wrong-speaker quotes."),
    coref: Path | None = typer.Option(
        None, help="A data folder holding coin-coref-id/ (e.g. ../shared/data): also check pronoun resolution."
    ),
) -> None:
    """Score quote detection and quote+speaker attribution with shared/gold/score.py.

    Example: warta eval quotes --gold ../shared/gold --errors
    """
    from warta.evaluation.gold import default_gold_root
    from warta.evaluation.quotes import quote_errors, score_coref_pronouns, score_quotes

    root = gold or default_gold_root()
    if root is None:
        raise UsageError("gold set not found: pass --gold PATH (the shared/gold folder)")
    scores, skipped = score_quotes(root)
    for label, res in scores.items():
        for measure, (p, r, f) in res.items():
            typer.echo(f"{label:18s} {measure:14s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if skipped:
        typer.echo(skipped)
    if errors:
        for art in quote_errors(root):
            for g in art.missed:
                typer.echo(f"{art.id}\tMISSED\t{g['kind']}\t{g['text'][:100]}\t{g['speaker']}")
            for q in art.spurious:
                name = (q.get("speaker") or {}).get("name")
                typer.echo(f"{art.id}\tSPURIOUS\t{q['kind']}\t{q['text'][:100]}\t{name}")
            for g, q in art.wrong_speaker:
                name = (q.get("speaker") or {}).get("name")
                typer.echo(f"{art.id}\tSPEAKER\t{g['text'][:60]}\tgold={g['speaker']}\tours={name}")
    if coref is not None:
        res2 = score_coref_pronouns(coref)
        typer.echo(
            f"coin-coref dev: {int(res2['pronoun_quotes'])} quotes with a pronoun/clitic speaker, "
            f"{int(res2['checked'])} checkable, antecedent in the right chain: {res2['accuracy']:.3f}"
        )
