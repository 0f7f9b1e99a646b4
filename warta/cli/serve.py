"""``warta serve``: the web UI and REST API over a store database."""

from __future__ import annotations

from pathlib import Path

import typer

from warta.cli._app import app


@app.command()
def serve(
    db: Path | None = typer.Option(None, "--db", help="The store database (default: settings, $WARTA_DB, warta.db)."),
    host: str = typer.Option("127.0.0.1", help="Address to listen on; 0.0.0.0 exposes it to the network."),
    port: int = typer.Option(8000, min=1, max=65535, help="TCP port."),
    token: str | None = typer.Option(
        None, envvar="WARTA_TOKEN", show_envvar=True,
        help="Bearer token enabling POST /api/ingest; without one the server is read-only.",
    ),
    allow_private_urls: bool = typer.Option(
        False, help="Let URL ingest fetch private, loopback and link-local addresses (e.g. an intranet feed).",
    ),
) -> None:
    """Serve the web UI and REST API (read-only unless a token is set) over a store.

    Example: warta serve --db demo.db --port 8000   # then open http://127.0.0.1:8000/
    """
    from warta.config import load_settings
    from warta.web import serve as run

    path = str(db) if db is not None else load_settings().db_path
    run(path, host=host, port=port, token=token, allow_private_urls=allow_private_urls)
