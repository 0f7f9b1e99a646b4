"""Contract v1: `warta analyze` output is valid against shared/contract/analysis.schema.json.

Checked through both front ends (``warta.api.analyze`` and the CLI via typer's CliRunner) on
our sample corpus and on the seed articles, with every span's offsets checked against the text.

Readers are written in parallel, so the pipeline under test is the default one minus any stage
that is not usable *yet*: a stage whose module does not import, whose order is unsatisfiable
without a missing stage, or that raises ConfigError / MissingExtraError (e.g. its model is not
trained). Any other failure of a stage is kept in, so a broken reader fails these tests. As
readers land, the tests cover them automatically.
"""

from __future__ import annotations

import functools
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from warta.article import Article, Reject
from warta.config import load_settings
from warta.errors import ConfigError, MissingExtraError
from warta.pipeline import Pipeline
from warta.readers.credits import CREDIT_FIELDS, NOT_IN_TEXT
from warta.registry import get_stage

jsonschema = pytest.importorskip("jsonschema")
log = logging.getLogger(__name__)

# A probe article we wrote, to see whether a stage can run at all (a model may be missing).
PROBE = Article(
    text='Menteri Keuangan Laila Pohan mengatakan inflasi Januari 2025 turun menjadi 2,1 persen. '
         '"Kami optimistis," kata Laila di Jakarta, Senin (3/2/2025).',
    id="probe",
    title="Inflasi turun",
)


@functools.cache
def usable_stages() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(stages to test, stages left out with the reason), in the default pipeline's order."""
    chosen: list[str] = []
    skipped: list[str] = []
    for name in load_settings().pipeline:
        try:
            get_stage(name)
            pipeline = Pipeline([*chosen, name])
        except (ImportError, ConfigError) as exc:  # not written yet, or needs a stage that is missing
            skipped.append(f"{name}: {exc}")
            continue
        try:
            pipeline(Article.from_contract(PROBE.to_contract()))
        except (ConfigError, MissingExtraError) as exc:  # e.g. model not trained yet
            skipped.append(f"{name}: {exc}")
            continue
        chosen.append(name)
    return tuple(chosen), tuple(skipped)


def _shared_dir() -> Path:
    env = os.environ.get("WARTA_DATA")
    return Path(env).parent if env else Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="module")
def validator() -> Any:
    path = _shared_dir() / "contract" / "analysis.schema.json"
    if not path.is_file():
        pytest.skip(f"contract schema not found at {path}")
    schema = json.loads(path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@pytest.fixture(scope="module")
def stages() -> list[str]:
    chosen, skipped = usable_stages()
    for reason in skipped:
        log.warning("contract tests run without stage %s", reason)
    return list(chosen)


@pytest.fixture(scope="module")
def sample_articles(samples_dir: Path) -> Path:
    return samples_dir / "articles"


def _spans(obj: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for ent in obj["entities"]:
        for m in ent["mentions"]:
            if m["start"] == m["end"] == NOT_IN_TEXT:
                # a credit that ingest moved out of the text (warta.readers.credits): its text must be
                # in the field the entity's role names (authors, editors, source)
                field = CREDIT_FIELDS.get(ent.get("role") or "")
                value = obj.get(field) if field else None
                assert value and m["text"] in value, f"{obj['id']}: entity {ent['id']} mention not in the text: {m}"
                continue
            yield f"entity {ent['id']} mention", m
    for q in obj["quotes"]:
        yield "quote", q
        if q.get("cue"):
            yield "quote cue", q["cue"]
        spk = q.get("speaker") or {}
        if spk.get("start") is not None and spk.get("end") is not None:
            assert 0 <= spk["start"] <= spk["end"] <= len(obj["text"]), f"speaker span out of range: {spk}"
    for t in obj["times"]:
        yield "time", t
    for n in obj["quantities"]:
        yield "quantity", n


def check_contract(obj: dict[str, Any], validator: Any) -> None:
    """Schema-valid, and every span's text is exactly text[start:end]."""
    errors = sorted(validator.iter_errors(obj), key=lambda e: list(e.path))
    assert not errors, f"{obj.get('id')}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    text = obj["text"]
    for what, span in _spans(obj):
        assert 0 <= span["start"] <= span["end"] <= len(text), f"{obj['id']}: {what} out of range: {span}"
        assert text[span["start"]:span["end"]] == span["text"], (
            f"{obj['id']}: {what} {span['text']!r} != text[{span['start']}:{span['end']}] "
            f"{text[span['start']:span['end']]!r}"
        )


def _via_api(inputs: list[str], stages: list[str]) -> list[Article | Reject]:
    pytest.importorskip("warta.ingest", reason="warta.ingest is not written yet")
    from warta.api import analyze

    return list(analyze(inputs, stages=stages))


def _via_cli(inputs: list[str], stages: list[str]) -> tuple[int, list[dict[str, Any]], str]:
    pytest.importorskip("warta.ingest", reason="warta.ingest is not written yet")
    if not stages:
        pytest.skip("no usable stage yet; `--stages ''` would mean the default pipeline")
    import warta.cli

    warta.cli._load_commands()
    result = CliRunner().invoke(
        warta.cli.app, ["analyze", *inputs, "--format", "jsonl", "--stages", ",".join(stages)]
    )
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    objs = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, objs, result.stderr


@pytest.fixture(scope="module")
def samples_api(sample_articles: Path, stages: list[str]) -> list[Article | Reject]:
    return _via_api([str(sample_articles)], stages)


@pytest.fixture(scope="module")
def seeds_api(seeds_dir: Path, stages: list[str]) -> list[Article | Reject]:
    return _via_api([str(seeds_dir)], stages)


def test_api_samples_match_contract(samples_api: list[Article | Reject], samples_dir: Path, stages: list[str],
                                    validator: Any) -> None:
    rejects = [str(i) for i in samples_api if isinstance(i, Reject)]
    assert not rejects
    labels = json.loads((samples_dir / "labels.json").read_text(encoding="utf-8"))
    assert len(samples_api) == len(labels["articles"])
    ids = [a.id for a in samples_api if isinstance(a, Article)]
    assert len(set(ids)) == len(ids), "article ids must be unique"
    for art in samples_api:
        assert isinstance(art, Article)
        assert set(stages) <= set(art.annotated_by), art.annotated_by
        check_contract(json.loads(json.dumps(art.to_contract(), ensure_ascii=False)), validator)


def test_api_seeds_match_contract(seeds_api: list[Article | Reject], seeds_dir: Path, validator: Any) -> None:
    assert not [str(i) for i in seeds_api if isinstance(i, Reject)]
    assert len(seeds_api) == len(list(seeds_dir.glob("*.txt")))
    for art in seeds_api:
        assert isinstance(art, Article)
        check_contract(art.to_contract(), validator)


# The CLI is checked on one file of each format (the API test covers every article), to keep it fast.
CLI_SAMPLE_FILES = ("berita.jsonl", "beritakini_banjir.html", "feed_beritakini.xml", "menlu_jurnalpagi.txt",
                    "kereta_kabarharian.txt")


def test_cli_samples_match_contract(sample_articles: Path, samples_api: list[Article | Reject], stages: list[str],
                                    validator: Any) -> None:
    code, objs, stderr = _via_cli([str(sample_articles / name) for name in CLI_SAMPLE_FILES], stages)
    assert code == 0, stderr
    assert len(objs) == 5 + 1 + 3 + 2  # jsonl lines, the page, the feed items, two .txt
    for obj in objs:
        check_contract(obj, validator)
    # The CLI prints what the API returns (same ingest, same pipeline).
    by_id = {a.id: a.to_contract() for a in samples_api if isinstance(a, Article)}
    for obj in objs:
        assert obj["id"] in by_id
        assert obj == json.loads(json.dumps(by_id[obj["id"]], ensure_ascii=False))


def test_cli_seeds_match_contract(seeds_dir: Path, stages: list[str], validator: Any) -> None:
    code, objs, stderr = _via_cli([str(seeds_dir)], stages)
    assert code == 0, stderr
    assert len(objs) == len(list(seeds_dir.glob("*.txt")))
    for obj in objs:
        check_contract(obj, validator)


def test_pipeline_on_samples_without_ingest(sample_articles: Path, stages: list[str], validator: Any) -> None:
    """Readers alone (no ingest): raw .txt bodies, page furniture and bylines left in, stay contract-valid."""
    pipeline = Pipeline(stages)
    n = 0
    for path in sorted(sample_articles.glob("*.txt"))[::3]:  # a third of them: the API test covers all
        title, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        out = list(pipeline.pipe([Article(text=body, title=title, origin=str(path))]))
        assert len(out) == 1 and isinstance(out[0], Article), f"{path.name}: {out[0]}"
        check_contract(out[0].to_contract(), validator)
        n += 1
    assert n >= 8


def test_check_contract_catches_bad_offsets(validator: Any) -> None:
    """The offset check itself must be able to fail."""
    obj = Article(text="Harga naik 64% pekan lalu.", id="x").to_contract()
    obj["quantities"] = [{"text": "64%", "start": 10, "end": 13, "value": 64.0, "unit": "%"}]
    with pytest.raises(AssertionError, match="quantity"):
        check_contract(obj, validator)
    obj["quantities"][0].update(start=11, end=14)
    check_contract(obj, validator)
    obj["quantities"][0]["unit"] = 5
    with pytest.raises(AssertionError, match="unit"):
        check_contract(obj, validator)


def test_check_contract_accepts_only_real_credit_mentions(validator: Any) -> None:
    """A mention outside the text is allowed only for a credit that the named field holds."""
    obj = Article(text="Banjir merendam dua desa.", id="x", authors=["Rina Wati"]).to_contract()
    credit = {"start": -1, "end": -1, "text": "Rina Wati"}
    obj["entities"] = [{"id": "PER:rina-wati", "name": "Rina Wati", "type": "PER", "role": "penulis",
                        "mentions": [credit]}]
    check_contract(obj, validator)
    obj["entities"][0]["role"] = None
    with pytest.raises(AssertionError, match="not in the text"):
        check_contract(obj, validator)
    obj["entities"][0].update(role="penulis", mentions=[{**credit, "text": "Agus Salim"}])
    with pytest.raises(AssertionError, match="not in the text"):
        check_contract(obj, validator)
