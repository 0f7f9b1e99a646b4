"""`warta ingest / search / stats / demo` end to end, on articles written in the tests.

Stage lists are kept fast (`--stages language`, or a sleeping test stage) so these tests
do not depend on the speed or readiness of the heavier readers.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import warta.cli
from warta.cli._app import app
from warta.errors import UsageError
from warta.store import Store

warta.cli._load_commands()
runner = CliRunner()

ARTICLES = {
    "banjir.txt": "Banjir Rendam Kampung Nelayan\n\nHujan deras sejak Sabtu malam membuat sungai meluap dan "
    "merendam ratusan rumah di kampung nelayan. Warga mengungsi ke balai desa dan masjid.\n",
    "pasar.txt": "Harga Cabai Naik Jelang Lebaran\n\nPedagang di pasar induk menyebut harga cabai rawit naik dua kali "
    "lipat dalam sepekan karena pasokan dari petani berkurang akibat cuaca buruk.\n",
    "kereta.txt": "Jadwal Kereta Berubah\n\nOperator kereta mengubah jadwal perjalanan selama perbaikan jembatan "
    "di lintas selatan. Penumpang diminta memeriksa jadwal baru sebelum berangkat.\n",
}
JSONL = (
    json.dumps({"id": "j1", "title": "Sekolah Baru Dibuka", "text": "Pemerintah daerah membuka sekolah dasar baru "
                "di desa terpencil yang selama ini tidak memiliki sekolah.", "outlet": "Warta Desa",
                "published": "2025-03-01"}) + "\n"
    + "{ini bukan json\n"
)


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "berita.jsonl").write_text(JSONL, encoding="utf-8")
    return folder


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, without the timestamps that record when a row was last seen."""
    with Store.open(db, create=False) as store:
        out = {}
        for table in store.table_counts():
            cur = store.conn.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2')
            keep = [i for i, c in enumerate(cur.description) if c[0] not in ("first_seen", "last_seen", "updated")]
            out[table] = [tuple(row[i] for i in keep) for row in cur]
        return out


def test_ingest_reports_and_rerun_changes_nothing(tmp_path: Path) -> None:
    corpus, db = write_corpus(tmp_path / "berita"), tmp_path / "w.db"
    first = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--stages", "language"])
    assert first.exit_code == 1, first.output  # one bad JSONL line: some rejected
    assert "4 new" in first.stdout and "1 rejected" in first.stdout
    assert "berita.jsonl:2" in first.stderr and "W103" in first.stderr
    before = dump(db)
    assert len(before["articles"]) == 4 and len(before["rejects"]) == 1

    again = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--stages", "language", "-f", "json"])
    report = json.loads(again.stdout)
    assert (report["new"], report["unchanged"], report["rejected"]) == (0, 4, 1)
    after = dump(db)
    assert {t: len(r) for t, r in after.items()} == {t: len(r) for t, r in before.items()}
    # the reject row is the same row, seen once more
    assert [r[:-1] for r in after["rejects"]] == [r[:-1] for r in before["rejects"]]
    assert after["rejects"][0][-1] == before["rejects"][0][-1] + 1
    assert {t: r for t, r in after.items() if t != "rejects"} == {t: r for t, r in before.items() if t != "rejects"}


def test_ingest_nothing_readable_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "kosong.jsonl"
    bad.write_text("{rusak\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(bad), "--db", str(tmp_path / "w.db"), "--stages", "language"])
    assert result.exit_code == 2
    assert "kosong.jsonl:1" in result.stderr


def test_search_and_stats_commands(tmp_path: Path) -> None:
    corpus, db = write_corpus(tmp_path / "berita"), tmp_path / "w.db"
    runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--stages", "language"])

    table = runner.invoke(app, ["search", "sungai meluap", "--db", str(db)])
    assert table.exit_code == 0 and "Banjir Rendam Kampung Nelayan" in table.stdout
    lines = runner.invoke(app, ["search", "sekolah", "--db", str(db), "-f", "jsonl"]).stdout.splitlines()
    hits = [json.loads(line) for line in lines]
    assert [h["id"] for h in hits] == ["j1"] and "[sekolah]" in hits[0]["snippet"]
    assert runner.invoke(app, ["search", "sekolah", "--db", str(db), "--outlet", "lain", "-f", "jsonl"]).stdout == ""

    bad = runner.invoke(app, ["search", '"tak tertutup', "--db", str(db)])
    assert isinstance(bad.exception, UsageError) and "unbalanced double quote" in str(bad.exception)

    stats = json.loads(runner.invoke(app, ["stats", "--db", str(db), "-f", "json"]).stdout)
    assert stats["articles"] == 4 and stats["rejects_by_code"] == {"W103": 1}
    assert stats["languages"] == {"id": 4}
    shown = runner.invoke(app, ["stats", "--db", str(db), "--rejects", "5"])
    assert shown.exit_code == 0 and "Warta Desa" in shown.stdout
    assert "Recent rejects" in shown.stdout and "W103" in shown.stdout


def test_errors_become_one_line_and_exit_2(tmp_path: Path) -> None:
    """Through the real entry point: a WartaError is one clear line on stderr and exit code 2."""
    missing = subprocess.run(
        [sys.executable, "-c", "import warta.cli; warta.cli.main()", "search", "banjir", "--db",
         str(tmp_path / "tidak-ada.db")],
        capture_output=True, text=True, timeout=120,
    )
    assert missing.returncode == 2
    assert "no database at" in missing.stderr and "W300" in missing.stderr


def test_demo_with_a_fast_pipeline(tmp_path: Path) -> None:
    cfg = tmp_path / "warta.toml"
    cfg.write_text('[pipeline]\nstages = ["language"]\n', encoding="utf-8")
    db = tmp_path / "demo.db"
    result = runner.invoke(app, ["demo", "--db", str(db), "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    assert "Store" in result.stdout and "Search:" in result.stdout
    with Store.open(db, create=False) as store:
        assert store.stats()["articles"] >= 30  # the bundled samples


# -- kill and resume ---------------------------------------------------------------------------

N_ARTICLES = 250
_RUN = """
import sys, time
from warta.registry import register_stage
# A test stage slow enough that the kill lands mid-ingest.
register_stage("slowpoke", version="test.slow.v1", reads=("text",), adds=())(lambda a: (time.sleep(0.01), a)[1])
import warta.cli
sys.argv = ["warta", *sys.argv[1:]]
warta.cli.main()
"""


def _generated_corpus(folder: Path, n: int = N_ARTICLES) -> None:
    rng = random.Random(7)
    words = ("sungai pasar desa kota hujan harga sekolah jalan jembatan warga petani nelayan kapal pabrik listrik "
             "air beras ikan gunung pantai hutan kebun rumah kantor dinas bupati camat polisi guru murid").split()
    folder.mkdir()
    for i in range(n):
        body = " ".join(rng.choice(words) for _ in range(60))
        (folder / f"a{i:04d}.txt").write_text(f"Berita nomor {i}\n\nNomor {i}: {body}.\n", encoding="utf-8")


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_killed_ingest_resumes_and_stores_each_article_once(tmp_path: Path) -> None:
    corpus, db = tmp_path / "banyak", tmp_path / "w.db"
    _generated_corpus(corpus)
    cmd = [sys.executable, "-c", _RUN, "ingest", str(corpus), "--db", str(db), "--stages", "slowpoke", "-f", "json"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 120
    while _count(db) < 25 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    stored_before = _count(db)
    assert 0 < stored_before < N_ARTICLES, "the kill should land mid-ingest"

    resumed = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    report = json.loads(resumed.stdout)
    # everything committed before the kill is skipped; everything else is stored now
    assert (report["unchanged"], report["new"]) == (stored_before, N_ARTICLES - stored_before)
    with Store.open(db, create=False) as store:
        assert store.integrity_check() == ["ok"]
        origins = [r[0] for r in store.conn.execute("SELECT origin FROM articles")]
        assert len(origins) == len(set(origins)) == N_ARTICLES
        assert store.stats()["near_duplicates"] == 0


@pytest.mark.parametrize("fmt", ["table", "jsonl"])
def test_search_on_empty_store(tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "kosong.db"
    Store.open(db).close()
    result = runner.invoke(app, ["search", "apa saja", "--db", str(db), "-f", fmt])
    assert result.exit_code == 0


def test_two_concurrent_ingests_store_each_article_once(tmp_path: Path) -> None:
    corpus, db = tmp_path / "banyak", tmp_path / "w.db"
    _generated_corpus(corpus, n=60)
    cmd = [sys.executable, "-c", _RUN, "ingest", str(corpus), "--db", str(db), "--stages", "slowpoke", "-f", "json"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        reports.append(json.loads(out))
    # whichever process got there first stored it; the other found it stored
    assert sum(r["new"] for r in reports) == 60
    assert all(r["new"] + r["unchanged"] == 60 and r["rejected"] == 0 for r in reports)
    with Store.open(db, create=False) as store:
        assert store.table_counts()["articles"] == 60 and store.integrity_check() == ["ok"]
