"""NER corpus readers, tag harmonisation and span scoring, on tiny files written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.errors import FormatError, UsageError
from warta.evaluation.ner import Scores, score_spans
from warta.training.corpora import harmonise, read_conll, sentence_key, split_path, tags_to_spans


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("O", ("O", None)),
        ("B-PERSON", ("B", "PER")),
        ("I-ORGANISATION", ("I", "ORG")),
        ("B-ORGANIZATION", ("B", "ORG")),
        ("B-PLACE", ("B", "LOC")),
        ("I-LOCATION", ("I", "LOC")),
        ("B-TIME", ("O", None)),
        ("I-QUANTITY", ("O", None)),
        ("B-PER", ("B", "PER")),
    ],
)
def test_harmonise(tag: str, expected: tuple[str, str | None]) -> None:
    assert harmonise(tag) == expected


def test_harmonise_rejects_unknown_tags() -> None:
    with pytest.raises(ValueError, match="unknown tag"):
        harmonise("B-ANIMAL")


def test_tags_to_spans_handles_stray_inside_tags_and_dropped_types() -> None:
    tags = ["B-PERSON", "I-PERSON", "O", "I-LOCATION", "B-TIME", "I-TIME", "B-ORG", "B-ORG", "I-ORG"]
    assert tags_to_spans(tags) == [(0, 2, "PER"), (3, 4, "LOC"), (6, 7, "ORG"), (7, 9, "ORG")]


def test_read_conll_both_layouts(tmp_path: Path) -> None:
    tsv = tmp_path / "a.tsv"
    tsv.write_text("Budi\tB-PERSON\nke\tO\nSurabaya\tB-LOCATION\n\nIa\tO\npulang\tO\n", encoding="utf-8")
    spaced = tmp_path / "b.txt"
    spaced.write_bytes(b"Rapat PROPN O\r\nDPR PROPN B-ORG\r\n\r\n")
    a = list(read_conll(tsv))
    assert [s.words for s in a] == [("Budi", "ke", "Surabaya"), ("Ia", "pulang")]
    assert a[0].spans == ((0, 1, "PER"), (2, 3, "LOC"))
    b = list(read_conll(spaced))
    assert b[0].words == ("Rapat", "DPR") and b[0].spans == ((1, 2, "ORG"),)


def test_read_conll_names_file_and_line_of_a_bad_row(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("Budi\tB-PERSON\nrusak\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad\.tsv:2"):
        list(read_conll(bad))


def test_split_path_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown NER corpus"):
        split_path(tmp_path, "nope", "test")
    with pytest.raises(UsageError, match="missing corpus file"):
        split_path(tmp_path, "indolem-ner-ui", "test", 2)


def test_sentence_key_ignores_case_and_punctuation() -> None:
    assert sentence_key(("Budi", ",", "PULANG", ".")) == sentence_key(("budi", "pulang"))


def test_score_spans_exact_match_micro_and_per_type() -> None:
    gold = [{(0, 2, "PER"), (3, 4, "LOC")}, {(1, 2, "ORG")}]
    pred = [{(0, 2, "PER"), (3, 4, "ORG")}, {(1, 2, "ORG"), (4, 5, "PER")}]
    micro, per = score_spans(gold, pred)
    assert (micro.tp, micro.fp, micro.fn) == (2, 2, 1)
    assert per["LOC"].f == 0.0 and per["PER"].p == 0.5 and per["ORG"].r == 1.0
    assert Scores().f == 0.0
