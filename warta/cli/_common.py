"""Helpers shared by commands: reporting rejects, exit codes, progress bars."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from warta.article import Article, Reject

err_console = Console(stderr=True, highlight=False)

T = TypeVar("T", Article, Reject)

# Exit codes, as in the contract: 0 all good, 1 some inputs rejected, 2 usage / nothing readable.
EXIT_OK, EXIT_SOME_REJECTED, EXIT_NOTHING = 0, 1, 2


def report_reject(reject: Reject) -> None:
    """One line on stderr per rejected item: file(:line): reason [code]."""
    print(f"warta: rejected {reject} [{reject.code}]", file=sys.stderr)


def exit_code(n_ok: int, n_rejected: int) -> int:
    if n_ok == 0 and n_rejected > 0:
        return EXIT_NOTHING
    return EXIT_SOME_REJECTED if n_rejected else EXIT_OK


def progress(items: Iterable[T], description: str, show: bool | None = None) -> Iterator[T]:
    """Wrap a stream in a rich progress bar on stderr (shown only on a terminal by default)."""
    if show is None:
        show = sys.stderr.isatty()
    if not show:
        yield from items
        return
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as bar:
        task = bar.add_task(description, total=None)
        for item in items:
            yield item
            bar.advance(task)
