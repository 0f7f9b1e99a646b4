"""``warta train cluster-semantic``: build the clusterer's semantic space (LSA) from IndoSum."""

from __future__ import annotations

from pathlib import Path

import typer

from warta.cli._app import train_app


@train_app.command("cluster-semantic")
def train_cluster_semantic(
    data: Path | None = typer.Option(None, help="The indosum-devfolds folder (default: $WARTA_DATA/indosum-devfolds)."),
    out: Path = typer.Option(..., help="Where to write the space (an .npz file; none is bundled)."),
    dims: int | None = typer.Option(None, help="Dimensions of the space (default: DIMS in training/semantic.py)."),
    seed: int = typer.Option(0, help="Random seed of the truncated SVD (same data and seed, same file)."),
    paragraphs: bool = typer.Option(False, help="Also count each paragraph as a document."),
) -> None:
    """Fit a latent semantic space (TruncatedSVD over the clusterer's hashed TF-IDF) for experiments.

    IndoSum articles from 15 April to 15 June 2017 are left out, as for the background IDF table,
    so the May 2017 dev gold takes no part. The shipped models use no semantic space
    (docs/clustering.md, fifth pass).

    Example: warta train cluster-semantic --data ../shared/data/indosum-devfolds --out /tmp/semantic.npz
    """
    from warta.config import default_data_dir
    from warta.errors import UsageError
    from warta.training.semantic import DIMS, build_semantic

    folder = data or (Path(d) / "indosum-devfolds" if (d := default_data_dir()) else None)
    if folder is None or not folder.is_dir():
        raise UsageError("IndoSum dev folds not found: pass --data PATH (the indosum-devfolds folder)")
    if dims is not None and not 2 <= dims <= 512:
        raise UsageError(f"--dims must be between 2 and 512, got {dims}")
    res = build_semantic(folder, out, dims=dims or DIMS, seed=seed, paragraphs=paragraphs)
    typer.echo(f"{res['documents']} documents, {res['terms']} terms, {res['dims']} dimensions -> {out}")
