"""Command-line interface: ``warta COMMAND``. Each module here adds its commands to ``app``."""

from __future__ import annotations

import importlib
import pkgutil
import sys

from warta.cli._app import app
from warta.errors import WartaError


def _load_commands() -> None:
    for mod in pkgutil.iter_modules(__path__):
        if not mod.name.startswith("_"):
            importlib.import_module(f"{__name__}.{mod.name}")


def main() -> None:
    _load_commands()
    try:
        app()
    except WartaError as exc:  # the edge: a WartaError becomes one clear line and exit 2
        print(f"warta: error [{exc.code}]: {exc}", file=sys.stderr)
        raise SystemExit(2) from exc


__all__ = ["app", "main"]
