"""`warta analyze` over ingest: exit codes, the seed articles, and the cleaner on real dev articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import warta.cli.analyze  # noqa: F401  (registers the command on the app)
from warta.article import Article
from warta.cli._app import app
from warta.ingest import read_inputs

ARTICLE = "Judul Uji\n\nWarga kota berkumpul di alun-alun untuk merayakan hari jadi kota yang ke-100.\n"


def _analyze(*inputs: str) -> tuple[int, list[dict], str]:
    result = CliRunner().invoke(app, ["analyze", *inputs, "--format", "jsonl", "--stages", "language"])
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return result.exit_code, rows, result.stderr


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "kosong.txt").write_bytes(b"")
    (tmp_path / "biner.txt").write_bytes(b"\x00\x01\x02\x03" * 20)
    return {name: str(tmp_path / name) for name in ("ok.txt", "kosong.txt", "biner.txt")}


def test_exit_0_when_everything_is_read(files: dict[str, str]) -> None:
    code, rows, _ = _analyze(files["ok.txt"])
    assert code == 0
    assert [(r["title"], r["language"]) for r in rows] == [("Judul Uji", "id")]


def test_exit_1_when_some_inputs_are_rejected(files: dict[str, str]) -> None:
    code, rows, err = _analyze(files["ok.txt"], files["kosong.txt"])
    assert code == 1 and len(rows) == 1
    assert f"rejected {files['kosong.txt']}: empty input" in err


def test_exit_2_when_nothing_is_readable(files: dict[str, str]) -> None:
    code, rows, err = _analyze(files["kosong.txt"], files["biner.txt"])
    assert code == 2 and rows == []
    assert "binary file" in err and "[W102]" in err


def test_seed_articles(seeds_dir: Path) -> None:
    """The seeds' byline, editor initials and credit line become metadata, not text.

    Expected values are read from the seed files themselves (never copied into the repo): the
    title is the first line, the byline the first line starting "oleh", the credit the last line.
    """
    paths = sorted(seeds_dir.glob("*.txt"))
    code, rows, _ = _analyze(*(str(p) for p in paths))
    assert code == 0
    by_file = dict(zip((p.name for p in paths), rows, strict=True))
    raw = {p.name: [ln.strip() for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()] for p in paths}

    first, lines = by_file["000_71806bb0fb44b958.txt"], raw["000_71806bb0fb44b958.txt"]
    byline = next(ln for ln in lines if ln.lower().startswith("oleh "))
    assert len(first["authors"]) == 2
    assert all(name in byline for name in first["authors"])
    assert first["title"] == lines[0]
    assert byline not in first["text"] and not first["text"].rstrip().endswith(")")
    assert first["editors"] and all(f"({e})" in lines[-1] for e in first["editors"])
    assert first["language"] == "id"

    second, lines = by_file["003_b388688086b5e244.txt"], raw["003_b388688086b5e244.txt"]
    credit = lines[-1]
    assert credit.startswith("Sumber:")
    assert second["source"] == credit.split(":", 1)[1].strip()
    assert "Sumber:" not in second["text"]
    assert second["text"].rstrip().endswith(".")


@pytest.mark.data
def test_cleaner_keeps_every_gold_annotation_of_the_dev_articles(gold_dir: Path) -> None:
    """Nothing the annotators marked (quotes, times, quantities) is removed as furniture or credit."""
    articles = [a for a in read_inputs([str(gold_dir / "dev" / "articles.jsonl")]) if isinstance(a, Article)]
    assert len(articles) >= 10
    checked = 0
    for art in articles:
        gold_path = gold_dir / "dev" / "gold" / f"{art.id}.json"
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for kind in ("quotes", "times", "quantities"):
            for ann in gold.get(kind, []):
                checked += 1
                assert ann["text"] in art.text, f"{art.id}: {kind} {ann['text']!r} was removed by the cleaner"
        for removed in art.extra.get("removed_lines", []):
            assert len(removed) <= 250, f"{art.id}: a long line was removed: {removed[:80]!r}"
    assert checked > 100


def test_stdin_through_the_cli() -> None:
    lines = json.dumps({"id": "a", "text": ARTICLE}) + "\n{rusak\n"
    result = CliRunner().invoke(app, ["analyze", "-", "--format", "jsonl", "--stages", "language"], input=lines)
    assert result.exit_code == 1
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["a"]
    assert "rejected <stdin>:2: malformed JSON" in result.stderr
