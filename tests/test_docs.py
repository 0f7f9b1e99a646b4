"""Keep the documentation true to the code.

- docs/cli.md has a section for every command and sub-command of the Typer app, and each
  section names every option (and argument) of its command;
- docs/configuration.md names every key of warta/default.toml and every environment
  variable the package reads;
- every relative link in docs/*.md and README.md points at a file that exists;
- every ``$ warta ...`` line in a code block names a real command and only its options.

The checkers are plain functions so that the tests at the end can show they do fail on a
page that is wrong (a check that cannot fail checks nothing).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import click
import pytest
import typer

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PACKAGE = ROOT / "warta"
CLI_PAGE = DOCS / "cli.md"
CONFIG_PAGE = DOCS / "configuration.md"
# a click command, from the click package or the copy Typer vendors (typer._click)
Command = Any

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_HEADING_COMMAND = re.compile(r"`warta ([a-z0-9][a-z0-9 -]*?)(?: [A-Z\[<].*)?`")
_FENCE = re.compile(r"^\s*(```|~~~)")
# [text](target) and ![alt](target); the target ends at whitespace or ")"
_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_ENV_READ = re.compile(
    r"""(?:os\.environ\.get|os\.getenv|os\.environ\.setdefault)\(\s*["']([A-Z][A-Z0-9_]*)["']"""
    r"""|os\.environ\[\s*["']([A-Z][A-Z0-9_]*)["']\s*\]"""
    r"""|envvar\s*=\s*["']([A-Z][A-Z0-9_]*)["']"""
)


# --- the command tree ----------------------------------------------------------------------
@cache
def commands() -> dict[str, Command]:
    """``"analyze"``, ``"train ner"`` … → the click command (groups walked recursively)."""
    import warta.cli

    warta.cli._load_commands()
    root = typer.main.get_command(warta.cli._app.app)
    out: dict[str, Command] = {}

    def walk(group: Command, prefix: str) -> None:
        for name, cmd in getattr(group, "commands", {}).items():
            path = f"{prefix} {name}".strip()
            out[path] = cmd
            if is_group(cmd):
                walk(cmd, path)

    walk(root, "")
    return out


def is_group(cmd: object) -> bool:
    # duck-typed: Typer 0.2x builds its commands on a vendored click (``typer._click``), so
    # its groups and options are not instances of the ``click`` package's classes
    return hasattr(cmd, "commands")


def is_option(param: object) -> bool:
    return getattr(param, "param_type_name", None) == "option"


def required_words(cmd: Command) -> list[str]:
    """What a command's section must mention: each option's long names (``--no-x`` forms of a
    boolean flag excepted) and each argument's name in capitals (``INPUTS``)."""
    words: list[str] = []
    for param in cmd.params:
        if is_option(param):
            if "--help" in param.opts:
                continue
            longs = [o for o in param.opts if o.startswith("--")]
            words.extend(longs or param.opts)
        elif getattr(param, "param_type_name", None) == "argument" and param.name:
            words.append(param.name.upper())
    return words


# --- markdown helpers ----------------------------------------------------------------------
def outside_code(text: str) -> str:
    """The page without its fenced code blocks (links inside code are examples, not links)."""
    keep: list[str] = []
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            keep.append(line)
    return "\n".join(keep)


def code_lines(text: str) -> list[str]:
    """Every line inside a fenced code block."""
    out: list[str] = []
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            out.append(line)
    return out


def command_sections(page: str) -> dict[str, str]:
    """Command path → its section (from its heading to the next heading of the same or a
    higher level). A heading documents a command when it holds `` `warta PATH ...` ``."""
    lines = page.splitlines()
    heads: list[tuple[int, int, str | None]] = []  # (line index, level, command path)
    fenced = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced:
            continue
        m = _HEADING.match(line)
        if m:
            cm = _HEADING_COMMAND.search(m.group(2))
            heads.append((i, len(m.group(1)), cm.group(1).strip() if cm else None))
    sections: dict[str, str] = {}
    for n, (start, level, path) in enumerate(heads):
        if path is None:
            continue
        end = next((s for s, lv, _ in heads[n + 1:] if lv <= level), len(lines))
        sections[path] = "\n".join(lines[start:end])
    return sections


def cli_problems(page: str, cmds: dict[str, Command]) -> list[str]:
    """Commands without a section, and options or arguments their section does not name."""
    sections = command_sections(page)
    problems: list[str] = []
    for path, cmd in sorted(cmds.items()):
        section = sections.get(path)
        if section is None:
            problems.append(f"`warta {path}` has no section (a heading holding `warta {path}`)")
            continue
        for word in required_words(cmd):
            if not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", section):
                problems.append(f"`warta {path}`: {word} is not mentioned in its section")
    return problems


def default_keys(toml_text: str) -> list[str]:
    """Dotted names of every key in a TOML document; an empty table counts as a key itself."""
    keys: list[str] = []

    def walk(table: dict[str, object], prefix: str) -> None:
        for key, value in table.items():
            name = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict):
                if value:
                    walk(value, name)
                else:
                    keys.append(name)
            else:
                keys.append(name)

    walk(tomllib.loads(toml_text), "")
    return keys


def env_vars_read(package: Path) -> set[str]:
    """Environment variables named by ``os.environ`` / ``os.getenv`` / Typer ``envvar=`` in the package."""
    found: set[str] = set()
    for path in package.rglob("*.py"):
        for m in _ENV_READ.finditer(path.read_text(encoding="utf-8")):
            found.add(next(g for g in m.groups() if g))
    return found


def config_problems(page: str, keys: list[str], env: set[str]) -> list[str]:
    problems = [f"setting `{k}` of default.toml is not documented" for k in keys if f"`{k}`" not in page]
    problems += [f"environment variable {v} is not documented" for v in sorted(env) if f"`{v}`" not in page]
    return problems


def broken_links(page: Path) -> list[str]:
    """Relative links of ``page`` whose target file does not exist."""
    bad: list[str] = []
    for target in _LINK.findall(outside_code(page.read_text(encoding="utf-8"))):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("#"):
            continue  # http:, mailto:, an anchor on the same page
        path = target.split("#", 1)[0].split("?", 1)[0]
        if not (page.parent / path).exists():
            bad.append(f"{page.name}: link to {target} (no such file)")
    return bad


def shell_problems(text: str, cmds: dict[str, Command], where: str) -> list[str]:
    """``$ warta ...`` lines in code blocks: the command exists and every ``--option`` is its own."""
    problems: list[str] = []
    for line in code_lines(text):
        s = line.strip()
        if not s.startswith("$ warta"):
            continue
        words = s[2:].split("#", 1)[0].split()[1:]  # after "warta", comment dropped
        path = ""
        for word in words:
            candidate = f"{path} {word}".strip()
            if candidate in cmds:
                path = candidate
                if not is_group(cmds[path]):
                    break
            else:
                break
        if not path or is_group(cmds[path]):
            problems.append(f"{where}: `{s}` names no command")
            continue
        known = {o for p in cmds[path].params if is_option(p) for o in p.opts + p.secondary_opts}
        for word in words:
            opt = word.split("=", 1)[0]
            if opt.startswith("--") and opt not in known:
                problems.append(f"{where}: `{s}`: `warta {path}` has no option {opt}")
    return problems


def doc_pages() -> list[Path]:
    pages = sorted(DOCS.glob("*.md"))
    readme = ROOT / "README.md"  # written by the lead; checked once it exists
    return pages + ([readme] if readme.is_file() else [])


# --- the checks ----------------------------------------------------------------------------
def test_command_tree_is_walked() -> None:
    cmds = commands()
    # the walk reaches both top-level commands and the sub-commands of the groups
    assert {"analyze", "ingest", "search"} <= set(cmds)
    assert any(p.startswith("train ") for p in cmds) and any(p.startswith("eval ") for p in cmds)


def test_cli_page_documents_every_command_and_option() -> None:
    problems = cli_problems(CLI_PAGE.read_text(encoding="utf-8"), commands())
    assert not problems, "docs/cli.md is out of date:\n" + "\n".join(problems)


def test_configuration_page_documents_every_setting_and_env_var() -> None:
    keys = default_keys((PACKAGE / "default.toml").read_text(encoding="utf-8"))
    env = env_vars_read(PACKAGE)
    assert "pipeline.stages" in keys and {"WARTA_DB", "WARTA_CONFIG"} <= env  # the scans find something
    problems = config_problems(CONFIG_PAGE.read_text(encoding="utf-8"), keys, env)
    assert not problems, "docs/configuration.md is out of date:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", doc_pages(), ids=lambda p: p.name)
def test_relative_links_point_at_existing_files(page: Path) -> None:
    assert not broken_links(page), "\n".join(broken_links(page))


@pytest.mark.parametrize("page", doc_pages(), ids=lambda p: p.name)
def test_shell_examples_name_existing_commands(page: Path) -> None:
    problems = shell_problems(page.read_text(encoding="utf-8"), commands(), page.name)
    assert not problems, "\n".join(problems)


def test_docs_index_lists_every_page() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    missing = [p.name for p in DOCS.glob("*.md") if p.name != "index.md" and f"]({p.name})" not in index]
    assert not missing, f"docs/index.md does not link {missing}"


# --- the checkers fail on wrong pages --------------------------------------------------------
def _fake_commands() -> dict[str, Command]:
    @click.command()
    @click.argument("inputs", nargs=-1)
    @click.option("--db")
    @click.option("--dry-run/--no-dry-run", default=False)
    def ingest(inputs: tuple[str, ...], db: str | None, dry_run: bool) -> None: ...

    group = click.Group("train", commands={"ner": click.Command("ner", params=[click.Option(["--seed"])])})
    return {"ingest": ingest, "train": group, "train ner": group.commands["ner"]}


def test_cli_checker_catches_missing_commands_and_options() -> None:
    page = "# CLI\n\n## `warta ingest INPUTS...`\n\n`--db` only.\n\n## `warta train ner`\n\n`--seed`\n"
    problems = cli_problems(page, _fake_commands())
    assert any("--dry-run" in p for p in problems)
    assert any("`warta train` has no section" in p for p in problems)
    assert not any("--seed" in p or "--db" in p or "INPUTS" in p for p in problems)
    # an option named only in another command's section does not count for this one
    moved = "## `warta ingest INPUTS...`\n\n`--dry-run`\n\n## `warta train`\n\n## `warta train ner`\n\n--db --seed\n"
    assert cli_problems(moved, _fake_commands()) == ["`warta ingest`: --db is not mentioned in its section"]


def test_config_checker_catches_undocumented_keys_and_env_vars(tmp_path: Path) -> None:
    keys = default_keys('[store]\npath = "x.db"\n[stages]\n')
    assert keys == ["store.path", "stages"]
    (tmp_path / "m.py").write_text('import os\nos.environ.get("WARTA_X")\nos.getenv("WARTA_Y")\n', encoding="utf-8")
    env = env_vars_read(tmp_path)
    assert env == {"WARTA_X", "WARTA_Y"}
    assert len(config_problems("`store.path` `stages` `WARTA_X`", keys, env)) == 1


def test_link_and_shell_checkers_catch_mistakes(tmp_path: Path) -> None:
    (tmp_path / "there.md").write_text("x", encoding="utf-8")
    page = tmp_path / "p.md"
    page.write_text("[ok](there.md#a) [web](https://x.org) [bad](missing.md)\n```\n[in code](nope.md)\n```\n",
                    encoding="utf-8")
    assert [b.endswith("missing.md (no such file)") for b in broken_links(page)] == [True]
    cmds = _fake_commands()
    text = "```\n$ warta ingest a.txt --db x.db\n$ warta train ner --seed 1\n$ warta ingst a\n$ warta train\n" \
           "$ warta ingest a --bogus\n```\n"
    problems = shell_problems(text, cmds, "p.md")
    assert len(problems) == 3 and "--bogus" in problems[2]

