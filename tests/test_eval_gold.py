"""``warta eval gold`` paths: through ingest (as ``warta analyze`` reads the file) or raw texts.

A small gold folder is built in a temporary directory from an article written for this test;
the real dev gold is scored by the gates (tests/test_gate_*.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from warta.evaluation.gold import analyse_gold

BODY = (
    "oleh Rina Wulandari\n\n"
    "Bupati Lamuru Hendra Saputra meninjau dua desa yang terendam banjir pada Selasa.\n\n"
    "SCROLL TO CONTINUE WITH CONTENT\n\n"
    "Warga mengungsi ke balai desa.\n\n"
    "Sumber: Harian Cahaya Timur"
)


def _gold_root(tmp_path: Path) -> Path:
    (tmp_path / "dev").mkdir()
    rec = {"id": "uji-1", "title": "Banjir di Lamuru", "text": BODY, "published": None, "outlet": None, "url": None}
    (tmp_path / "dev" / "articles.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    return tmp_path


def test_through_ingest_is_what_warta_analyze_prints(tmp_path: Path) -> None:
    (out,) = analyse_gold(_gold_root(tmp_path), ["language"])
    assert out["id"] == "uji-1"
    assert out["text"] == "Bupati Lamuru Hendra Saputra meninjau dua desa yang terendam banjir pada Selasa.\n\n" \
                          "Warga mengungsi ke balai desa."
    assert out["authors"] == ["Rina Wulandari"] and out["source"] == "Harian Cahaya Timur"


def test_raw_path_gives_the_readers_the_text_as_it_is(tmp_path: Path) -> None:
    (out,) = analyse_gold(_gold_root(tmp_path), ["language"], ingest=False)
    assert out["text"] == BODY and out["authors"] == [] and out["source"] is None
