"""Every CLI command documents itself with an example (the docs are part of the interface)."""

from __future__ import annotations

from typing import Any

import typer.main

import warta.cli
from warta.cli._app import app


def _commands(group: Any, prefix: str = "") -> list[tuple[str, Any]]:
    out = []
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):  # a sub-group (typer vendors its own click classes)
            out += _commands(cmd, f"{prefix}{name} ")
        else:
            out.append((prefix + name, cmd))
    return out


def test_every_command_has_help_with_an_example() -> None:
    warta.cli._load_commands()
    root = typer.main.get_command(app)
    commands = _commands(root)
    assert any(name == "analyze" for name, _ in commands)
    for name, cmd in commands:
        assert cmd.help and "Example:" in cmd.help, f"`warta {name}` help lacks an 'Example:' line"
