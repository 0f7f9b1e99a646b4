"""The training and evaluation plumbing end to end on a tiny corpus written here (seconds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.evaluation.ner import evaluate_ner
from warta.training.corpora import CORPUS_FILES
from warta.training.ner import train_ner
from warta.training.vectors import save_vectors_model, train_vectors

SENTS = [
    [("Budi", "B-PERSON"), ("Santoso", "I-PERSON"), ("tinggal", "O"), ("di", "O"), ("Surabaya", "B-LOCATION")],
    [("Rapat", "O"), ("Komisi", "B-ORGANIZATION"), ("Yudisial", "I-ORGANIZATION"), ("selesai", "O")],
    [("Siti", "B-PERSON"), ("pergi", "O"), ("ke", "O"), ("Medan", "B-LOCATION"), ("kemarin", "B-TIME")],
]
# test files: one sentence also in the training files (decontamination must drop it) and a new one
TEST = [SENTS[0], [("Dewi", "B-PERSON"), ("mengajar", "O"), ("di", "O"), ("Bogor", "B-LOCATION")]]


def _write(path: Path, sents: list[list[tuple[str, str]]], sep: str = "\t") -> None:
    path.write_text("\n\n".join("\n".join(f"{w}{sep}{t}" for w, t in s) for s in sents) + "\n", encoding="utf-8")


@pytest.fixture()
def tiny_data(tmp_path: Path) -> Path:
    for corpus, files in CORPUS_FILES.items():
        (tmp_path / corpus).mkdir()
        for split, name in files.items():
            sents = TEST if split == "test" else SENTS
            tags = [[(w, t.replace("PERSON", "PER").replace("LOCATION", "LOC").replace("ORGANIZATION", "ORG"))
                     for w, t in s] for s in sents]
            if corpus == "idner-news-2k":
                (tmp_path / corpus / name).write_text(
                    "\r\n\r\n".join("\r\n".join(f"{w} X {t}" for w, t in s) for s in tags) + "\r\n", encoding="utf-8")
            else:
                _write(tmp_path / corpus / name.format(fold=1), sents)
    return tmp_path


def test_train_then_evaluate_tiny(tiny_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "model"
    res = train_ner(tiny_data, out, seed=1, max_steps=2, vectors=False)
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["labels"]["ner"] == ["PER", "ORG", "LOC"]
    assert meta["warta"]["decontaminated"] is True and meta["warta"]["seed"] == 1
    # step-based stopping by default: the run is reproducible and says so
    assert meta["warta"]["stopped_by"] == "max_steps (2)" and meta["warta"]["max_steps"] == 2
    assert meta["warta"]["reproducible"] is True
    # the training sentence that is also a test sentence was dropped from every corpus
    assert set(res.train_sentences.values()) == {2}
    results = evaluate_ner(out, tiny_data)
    assert [r.corpus for r in results] == list(CORPUS_FILES)
    assert all(r.leaked == 0 for r in results)


def test_vectors_from_raw_text(tmp_path: Path) -> None:
    (tmp_path / "indosum-devfolds").mkdir()
    (tmp_path / "nlpid-postag").mkdir()
    para = [["Presiden", "bertemu", "menteri", "di", "Jakarta", "."], ["Menteri", "pulang", "ke", "Bandung", "."]]
    lines = [json.dumps({"id": f"{i}-x", "paragraphs": [para]}) for i in range(5)]
    (tmp_path / "indosum-devfolds" / "dev.01.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "nlpid-postag" / "dataset_postag.txt").write_text("Presiden\tNNP\npulang\tVB\n\n", encoding="utf-8")
    words, vec = train_vectors(tmp_path, None, vocab=50, dims=3)
    assert "presiden" in words and vec.shape == (len(words), 3)
    assert abs(float((vec[0] ** 2).sum()) - 1.0) < 1e-4
    model = save_vectors_model(words, vec, tmp_path / "vec")
    assert (model / "vocab").is_dir()


def test_same_seed_same_steps_same_model(tiny_data: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    train_ner(tiny_data, a, seed=3, max_steps=4, vectors=False)
    train_ner(tiny_data, b, seed=3, max_steps=4, vectors=False)
    assert (a / "ner" / "model").read_bytes() == (b / "ner" / "model").read_bytes()


def test_cross_validate_trains_by_steps_and_caches(tiny_data: Path, tmp_path: Path) -> None:
    import numpy as np

    from warta.evaluation.ner import cross_validate

    work = tmp_path / "cv"
    work.mkdir()
    # the fold-independent vectors are cached in work/vectors; a tiny table stands in for them
    save_vectors_model(["budi", "surabaya"], np.eye(2, 3, dtype="float32"), work / "vectors")
    res = cross_validate(tiny_data, work, folds=(1,), max_steps=2)
    assert [(r.corpus, r.split, r.leaked) for r in res] == [("indolem-ner-ui", "test.01", 0)]
    meta = work / "fold-1" / "meta.json"
    info = json.loads(meta.read_text(encoding="utf-8"))["warta"]
    assert info["stopped_by"] == "max_steps (2)" and info["static_vectors"]
    before = meta.stat().st_mtime_ns
    cross_validate(tiny_data, work, folds=(1,), max_steps=2)  # resumes: nothing retrained
    assert meta.stat().st_mtime_ns == before


def test_config_overrides_reach_the_saved_model(tiny_data: Path, tmp_path: Path) -> None:
    from spacy.util import load_config

    out = tmp_path / "narrow"
    width = {"components.ner.model.tok2vec.embed.width": 24, "components.ner.model.tok2vec.encode.width": 24}
    train_ner(tiny_data, out, seed=0, max_steps=2, vectors=False, overrides=width)
    tok2vec = load_config(out / "config.cfg")["components"]["ner"]["model"]["tok2vec"]
    assert tok2vec["embed"]["width"] == 24 and tok2vec["encode"]["width"] == 24
    # without overrides the shipped architecture (ner.cfg) is used
    train_ner(tiny_data, tmp_path / "default", seed=0, max_steps=2, vectors=False)
    assert load_config(tmp_path / "default" / "config.cfg")["components"]["ner"]["model"]["tok2vec"]["embed"][
        "width"] == 128
