"""`warta quotes` over the store, the quote queries, and the COIN reader of the pronoun check."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.article import Article
from warta.errors import UsageError
from warta.pipeline import Pipeline
from warta.store import Store
from warta.store.quote_queries import find_quotes, most_quoted

ARTICLES = [
    ("“Kami siap membantu,” kata Budi Santoso.\nBudi juga mengatakan harga beras akan turun.", "detik", "2025-10-01"),
    ("Menurut Budi Santoso, pasar induk dibuka besok pagi.", "kompas", "2025-10-05"),
    ("“Kabar itu tidak benar,” ujar Siti Aminah.", "kompas", "2025-09-01"),
]


def _fill(store: Store) -> None:
    pipeline = Pipeline(["quotes"])
    for text, outlet, day in ARTICLES:
        store.add(pipeline(Article(text=text, outlet=outlet, published=day)))


@pytest.fixture()
def store() -> Iterator[Store]:
    with Store.open(":memory:") as s:
        _fill(s)
        yield s


def test_find_quotes_filters_by_speaker_and_date(store: Store) -> None:
    rows = find_quotes(store.conn, speaker="budi")
    assert {r["speaker"] for r in rows} == {"Budi Santoso"} and len(rows) == 3
    assert [r["published"] for r in rows] == sorted((r["published"] for r in rows), reverse=True)
    assert [r["speaker"] for r in find_quotes(store.conn, until="2025-09-30")] == ["Siti Aminah"]
    assert find_quotes(store.conn, speaker="100%_") == []  # LIKE wildcards are literal


def test_most_quoted_counts_per_outlet(store: Store) -> None:
    top = most_quoted(store.conn)
    assert [(s.name, s.quotes, s.articles) for s in top] == [("Budi Santoso", 3, 2), ("Siti Aminah", 1, 1)]
    assert top[0].outlets == {"detik": 2, "kompas": 1}
    assert [s.name for s in most_quoted(store.conn, since="2025-10-02")] == ["Budi Santoso"]


@pytest.mark.parametrize("kwargs", [{"since": "2025-13-01"}, {"since": "2025-10-02", "until": "2025-10-01"}])
def test_bad_dates_are_usage_errors(store: Store, kwargs: dict[str, str]) -> None:
    with pytest.raises(UsageError):
        find_quotes(store.conn, **kwargs)


def test_quotes_command(tmp_db: Path) -> None:
    from warta.cli import _load_commands
    from warta.cli._app import app

    _load_commands()
    with Store.open(tmp_db) as s:
        _fill(s)
    runner = CliRunner()
    res = runner.invoke(app, ["quotes", "--top", "--db", str(tmp_db), "-f", "jsonl"])
    assert res.exit_code == 0, res.output
    assert '"name": "Budi Santoso"' in res.output and '"detik": 2' in res.output
    res = runner.invoke(app, ["quotes", "--speaker", "Siti", "--db", str(tmp_db)])
    assert res.exit_code == 0 and "Kabar itu tidak benar" in res.output


def test_coin_reader_rebuilds_text_and_chains(tmp_path: Path) -> None:
    from warta.evaluation.quotes import _docs

    tsv = tmp_path / "dev.tsv"
    rows = [
        ("Budi", "PROPER[1]"), ("datang", "_"), (".", "_"), ('"', "_"), ("Saya", "IDENT[1_2]|PRONOUN[2]"),
        ("senang", "_"), (",", "_"), ('"', "_"), ("ujar", "_"), ("nya", "IDENT[2_3]|PRONOUN[3]"), (".", "_"),
    ]
    lines = ["#Text=Budi datang ."] + [f"1-{i + 1}\t0-0\t{w}\t{lab}\t_" for i, (w, lab) in enumerate(rows)]
    tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (doc,) = list(_docs(tsv))
    assert "ujarnya." in doc.text and "datang." in doc.text
    k_budi, k_nya = 0, 9
    a, b = doc.token_spans[k_nya]
    assert doc.text[a:b] == "nya"
    assert doc.chains[k_budi] == doc.chains[k_nya]  # one chain through the IDENT links
