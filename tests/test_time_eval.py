"""The IndoTimex reader and scorer, on a TimeML document we wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.errors import UsageError
from warta.evaluation.time import find_corpus, parse_tml, score_indotimex

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test-1</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="2014-12-29"
 functionInDocument="CREATION_TIME">Senin, 29 Desember 2014</TIMEX3></DCT>
<TITLE>Uji</TITLE>
<TEXT>
Tim SAR &amp; relawan berangkat <TIMEX3 tid="t1" type="DATE" value="2014-12-28">kemarin</TIMEX3>.
Pencarian berlangsung <TIMEX3 tid="t2" type="DURATION" value="P7D">7 hari</TIMEX3> dan diulang setiap pekan.
</TEXT>
</TimeML>
"""


def test_parse_tml_strips_markup_and_keeps_offsets(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_bytes(TML.replace("\n", "\r\n").encode("cp1252"))
    doc = parse_tml(path)
    assert doc.dct == "2014-12-29"
    assert "Tim SAR & relawan" in doc.text and "<" not in doc.text
    assert [(g.text, g.type, g.value) for g in doc.gold] == [("kemarin", "DATE", "2014-12-28"),
                                                             ("7 hari", "DURATION", "P7D")]
    for g in doc.gold:
        assert doc.text[g.start:g.end] == g.text


def test_score_counts_extra_and_missed(tmp_path: Path) -> None:
    (tmp_path / "doc.tml").write_text(TML, encoding="utf-8")
    res = score_indotimex(tmp_path)
    assert (res.n_gold, res.n_pred) == (2, 3)  # "setiap pekan" is a SET the gold left out
    assert res.relaxed == pytest.approx((2 / 3, 1.0, 0.8))
    assert res.value == pytest.approx((2 / 3, 1.0, 0.8))
    assert any("EXTRA 'setiap pekan'" in e for e in res.errors)


def test_missing_corpus_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no IndoTimex"):
        find_corpus(tmp_path)
    (tmp_path / "bad.tml").write_text("<TimeML></TimeML>", encoding="utf-8")
    with pytest.raises(UsageError, match="not an IndoTimex TimeML file"):
        parse_tml(tmp_path / "bad.tml")


def test_event_date_agreement_counts_pairs(tmp_path: Path) -> None:
    import json

    from warta.evaluation.time import score_event_date_agreement

    rows = [
        {"id": "a", "text": "Gempa mengguncang Padang, Senin (20/10/2025).", "published": "2025-10-20", "event": "e1"},
        {"id": "b", "text": "Gempa Senin (20/10/2025) merusak rumah warga.", "published": "2025-10-21", "event": "e1"},
        {"id": "c", "text": "Harga cabai naik.", "published": "2025-10-21", "event": "e2"},
    ]
    (tmp_path / "events-dev.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    res = score_event_date_agreement(tmp_path)
    assert (res.pairs, res.event_same, res.published_same) == (1, 1, 0)
    with pytest.raises(UsageError, match=r"events-dev\.jsonl"):
        score_event_date_agreement(tmp_path / "missing")


def test_published_inference_reads_one_indosum_fold(tmp_path: Path) -> None:
    import json

    from warta.evaluation.time import score_published_inference

    folds = tmp_path / "indosum-devfolds"
    folds.mkdir()
    # ids start with the crawl time: 1508284800 is 2017-10-18 00:00 UTC
    rows = [
        {"id": "1508284800-banjir", "paragraphs": [[["Banjir", "melanda", "Bekasi", ",", "Selasa", "(", "17/10/2017",
                                                     ")", "."]]]},
        # no year: the most recent Tuesday 17 October before "today" is in 2023, so only day and month are right
        {"id": "1508284800-gempa", "paragraphs": [[["Gempa", "terasa", "Selasa", "(", "17/10", ")", "."]]]},
        {"id": "1508284800-cabai", "paragraphs": [[["Harga", "cabai", "naik", "."]]]},
    ]
    (folds / "dev.01.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (folds / "dev.02.jsonl").write_text(json.dumps(rows[2] | {"id": "1508284800-lain"}) + "\n", encoding="utf-8")
    res = score_published_inference(tmp_path)  # dev.01 only
    assert (res.articles, res.inferred, res.exact, res.day_month) == (3, 2, 1, 2)
    with pytest.raises(UsageError, match="indosum-devfolds"):
        score_published_inference(tmp_path / "missing")
