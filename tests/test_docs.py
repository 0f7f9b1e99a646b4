"""Keep the documentation true to the code.

- docs/cli.md has a section for every command and sub-command of the Typer app, and each
  section names every option (and argument) of its command and shows an example;
- docs/configuration.md names every key of warta/default.toml, every setting of a built-in
  stage (``[stages.NAME]``) and every environment variable the package reads;
- every relative link in docs/*.md and README.md points at a file that exists (and at a
  heading that exists, for a link with an anchor);
- every ``warta ...`` command in a code block names a real command and only its options.

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
    """Commands without a section, options or arguments their section does not name, and
    sections without an example."""
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
        if not is_group(cmd) and not any(c == f"warta {path}" or c.startswith(f"warta {path} ")
                                         for c in shell_commands(section)):
            problems.append(f"`warta {path}`: its section has no example (a code block with `$ warta {path} ...`)")
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


def anchors(page: Path) -> set[str]:
    """GitHub's ids for the headings of a Markdown page: lower case, punctuation dropped,
    spaces to hyphens (``## Training: `warta train` `` → ``training-warta-train``)."""
    ids: set[str] = set()
    for line in outside_code(page.read_text(encoding="utf-8")).splitlines():
        m = _HEADING.match(line)
        if m:
            ids.add(re.sub(r"[^\w\- ]", "", m.group(2).strip().lower()).replace(" ", "-"))
    return ids


def broken_links(page: Path) -> list[str]:
    """Relative links of ``page`` whose target file, or heading anchor in a .md file, does not exist."""
    bad: list[str] = []
    for target in _LINK.findall(outside_code(page.read_text(encoding="utf-8"))):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
            continue  # http:, mailto:
        path, _, anchor = target.split("?", 1)[0].partition("#")
        dest = page.parent / path if path else page
        if not dest.exists():
            bad.append(f"{page.name}: link to {target} (no such file)")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
            bad.append(f"{page.name}: link to {target} (no such heading in {dest.name})")
    return bad


_SHELL_SPLIT = re.compile(r"\s*(?:;|&&|\|\|?)\s*")


def shell_commands(text: str) -> list[str]:
    """The ``warta ...`` commands in code blocks: lines starting ``$ warta`` or ``warta <word>``
    (not output such as ``warta: rejected …``), split at ``;``, ``&&`` and pipes, comments dropped."""
    out: list[str] = []
    for line in code_lines(text):
        s = line.strip()
        if s.startswith("$ "):
            s = s[2:]
        elif not re.match(r"warta [a-z]", s):
            continue  # output, or another program's command line
        for part in _SHELL_SPLIT.split(s.split(" #", 1)[0]):
            if re.match(r"warta [a-z]", part):
                out.append(part.strip())
    return out


def shell_problems(text: str, cmds: dict[str, Command], where: str) -> list[str]:
    """``$ warta ...`` lines in code blocks: the command exists and every ``--option`` is its own."""
    problems: list[str] = []
    for s in shell_commands(text):
        words = s.split()[1:]  # after "warta"
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


def stage_settings() -> list[str]:
    """``stages.NAME.PARAM`` for each constructor parameter of the built-in class stages."""
    import inspect

    from warta.registry import BUILTIN_MODULES, get_stage

    out: list[str] = []
    for name in BUILTIN_MODULES:
        spec = get_stage(name)
        if spec.is_class:
            out += [f"stages.{name}.{p}" for p in inspect.signature(spec.factory).parameters]
    return out


def test_configuration_page_documents_every_stage_setting() -> None:
    settings = stage_settings()
    assert "stages.times.today" in settings  # the scan finds something
    page = CONFIG_PAGE.read_text(encoding="utf-8")
    missing = [s for s in settings if f"`{s}`" not in page]
    assert not missing, f"docs/configuration.md does not document the stage settings {missing}"


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
    example = "```\n$ warta train ner --seed 1\n```\n"
    page = "# CLI\n\n## `warta ingest INPUTS...`\n\n`--db` only.\n\n## `warta train ner`\n\n`--seed`\n" + example
    problems = cli_problems(page, _fake_commands())
    assert any("--dry-run" in p for p in problems)
    assert any("`warta train` has no section" in p for p in problems)
    assert any("`warta ingest`: its section has no example" in p for p in problems)
    assert not any("--seed" in p or "--db" in p or "INPUTS" in p or "train ner`: its" in p for p in problems)
    # an option named only in another command's section does not count for this one
    moved = ("## `warta ingest INPUTS...`\n\n`--dry-run`\n```\nwarta ingest a.txt\n```\n\n## `warta train`\n\n"
             "## `warta train ner`\n\n--db --seed\n" + example)
    assert cli_problems(moved, _fake_commands()) == ["`warta ingest`: --db is not mentioned in its section"]


def test_config_checker_catches_undocumented_keys_and_env_vars(tmp_path: Path) -> None:
    keys = default_keys('[store]\npath = "x.db"\n[stages]\n')
    assert keys == ["store.path", "stages"]
    (tmp_path / "m.py").write_text('import os\nos.environ.get("WARTA_X")\nos.getenv("WARTA_Y")\n', encoding="utf-8")
    env = env_vars_read(tmp_path)
    assert env == {"WARTA_X", "WARTA_Y"}
    assert len(config_problems("`store.path` `stages` `WARTA_X`", keys, env)) == 1


def test_link_and_shell_checkers_catch_mistakes(tmp_path: Path) -> None:
    (tmp_path / "there.md").write_text("# A heading\n", encoding="utf-8")
    page = tmp_path / "p.md"
    page.write_text("# Top\n\n## Two words: `x`\n\n[ok](there.md) [web](https://x.org) [bad](missing.md)\n"
                    "[here](#two-words-x) [nowhere](#three) [far](there.md#gone)\n```\n[in code](nope.md)\n```\n",
                    encoding="utf-8")
    assert broken_links(page) == [
        "p.md: link to missing.md (no such file)",
        "p.md: link to #three (no such heading in p.md)",
        "p.md: link to there.md#gone (no such heading in there.md)",
    ]
    cmds = _fake_commands()
    text = (
        "```\n$ warta ingest a.txt --db x.db\n$ warta train ner --seed 1\n$ warta ingst a\n$ warta train\n"
        "warta ingest a --bogus\nwarta: rejected a.txt: empty\n"
        "$ cat a | warta ingest - && warta train ner --db x  # --x\n```\n"
    )
    problems = shell_problems(text, cmds, "p.md")
    assert len(problems) == 4 and "--bogus" in problems[2] and "`warta train ner` has no option --db" in problems[3]

