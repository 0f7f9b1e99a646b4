"""The ``entities`` stage with the bundled model, and ``warta entities`` over a store.

Sentences are written for these tests. Assertions are about what the canonical layer must
guarantee whatever the model predicts (offsets, ids, countries found by lookup), plus the
clearest names a working PER/ORG/LOC model must find.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.article import Article, Entity, Span
from warta.errors import ConfigError
from warta.pipeline import Pipeline
from warta.readers.entities import EntityReader, extract_entities
from warta.readers.ner import load_model

TEXT = (
    "JAKARTA - Presiden Joko Widodo bertemu Perdana Menteri Jepang Fumio Kishida di Istana Merdeka, Jakarta, "
    "pada Senin. Jokowi mengatakan kerja sama dengan Jepang akan diperluas. Kishida juga dijadwalkan "
    "mengunjungi kantor Komisi Pemberantasan Korupsi (KPK). Pemerintah China dan warga Rusia ikut menyimak."
)


@pytest.fixture(scope="module")
def ents() -> list[Entity]:
    return extract_entities(TEXT)


def test_offsets_are_exact_and_ids_typed(ents: list[Entity]) -> None:
    assert ents
    for e in ents:
        assert e.id.split(":", 1)[0] == e.type
        for m in e.mentions:
            assert TEXT[m.start:m.end] == m.text


def test_countries_abbreviations_and_people(ents: list[Entity]) -> None:
    by_id = {e.id: e for e in ents}
    assert {"GPE:JP", "GPE:CN", "GPE:RU", "ORG:kpk"} <= set(by_id)
    assert {m.text for m in by_id["ORG:kpk"].mentions} == {"Komisi Pemberantasan Korupsi", "KPK"}
    jokowi = by_id["PER:joko-widodo"]
    assert {"Joko Widodo", "Jokowi"} <= {m.text for m in jokowi.mentions}
    assert jokowi.role == "Presiden"


def test_stage_in_pipeline_and_batch_pipe() -> None:
    pipe = Pipeline(["entities"])
    art = pipe(Article(text=TEXT))
    assert art.annotated_by["entities"] == "warta.entities.v4"
    reader = EntityReader(batch_size=2)
    texts = [TEXT, "Warga Tiongkok dan RRT.", TEXT]
    out = list(reader.pipe(Article(text=t) for t in texts))
    assert [a.text for a in out] == texts
    assert [e.id for e in out[0].entities] == [e.id for e in art.entities]
    assert [e.id for e in out[1].entities] == ["GPE:CN"]


def test_empty_text_gives_no_entities() -> None:
    assert extract_entities("") == []


def test_missing_model_is_a_clear_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="warta train ner"):
        load_model(str(tmp_path / "nothing-here"))


def test_contract_round_trip_keeps_roles_and_mentions(ents: list[Entity]) -> None:
    art = Article(text=TEXT, entities=ents)
    back = Article.from_contract(json.loads(json.dumps(art.to_contract())))
    assert back.entities == ents
    assert all(isinstance(m, Span) for e in back.entities for m in e.mentions)


def test_entities_command_lists_stored_entities(tmp_path: Path) -> None:
    import warta.cli
    from warta.cli._app import app
    from warta.store import Store

    db = tmp_path / "w.db"
    with Store.open(db) as store:
        other = ("TOKYO - Pemerintah Jepang menyambut kunjungan itu. Menurut juru bicara kabinet, Jepang dan "
                 "Indonesia akan menandatangani perjanjian baru tahun depan di Tokyo.")
        for text in (TEXT, other):
            art = Article(text=text, title="Uji")
            art.entities = extract_entities(text)
            store.add(art)
    warta.cli._load_commands()
    res = CliRunner().invoke(app, ["entities", "--db", str(db), "--format", "jsonl", "--type", "GPE"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    ids = {r["id"]: r for r in rows}
    assert ids["GPE:JP"]["articles"] == 2 and ids["GPE:JP"]["mentions"] == 4
    assert all(r["type"] == "GPE" for r in rows)
