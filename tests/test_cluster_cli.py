"""``warta cluster`` over JSON Lines written for the test: contract output, rejects, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.test_cluster import FLOOD, MATCH, PHONE
from warta.cli import _load_commands, app


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _rows(output: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_cluster_jsonl_follows_the_contract(tmp_path: Path) -> None:
    arts = [*FLOOD, MATCH, PHONE]
    src = _write(tmp_path / "in.jsonl", [json.dumps({"id": a.id, "text": a.text, "published": a.published,
                                                    "outlet": a.outlet}) for a in arts])
    _load_commands()
    res = CliRunner().invoke(app, ["cluster", str(src), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = _rows(res.output)
    assert {r["id"] for r in rows} == {a.id for a in arts}
    assert all(set(r) == {"id", "event", "story"} for r in rows)
    by_id = {r["id"]: r for r in rows}
    assert by_id["banjir-1"]["event"] == by_id["banjir-3"]["event"] != by_id["bola-1"]["event"]


def test_a_bad_line_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.jsonl", [json.dumps({"id": "ok", "text": FLOOD[0].text}), "{not json"])
    _load_commands()
    res = CliRunner().invoke(app, ["cluster", str(src), "--format", "jsonl"])
    assert res.exit_code == 1
    assert [r["id"] for r in _rows(res.stdout)] == ["ok"]
    assert "in.jsonl:2" in res.stderr


def test_table_output(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.jsonl", [json.dumps({"id": a.id, "text": a.text, "published": a.published})
                                         for a in FLOOD])
    _load_commands()
    res = CliRunner().invoke(app, ["cluster", str(src)])
    assert res.exit_code == 0 and "1 event(s)" in res.output
