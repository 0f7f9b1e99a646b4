"""The language stage: ISO 639-1 codes, "und" for scraps, Indonesian preferred over Malay.

All paragraphs were written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.article import Article
from warta.pipeline import Pipeline
from warta.readers import language as lang
from warta.readers.language import detect_language, get_detector, spelling_marks

INDONESIAN = (
    "Pemerintah kota Bandung mengumumkan bahwa seluruh sekolah akan kembali dibuka pada bulan depan. "
    "Wali kota mengatakan keputusan itu diambil karena jumlah kasus terus menurun dalam dua pekan terakhir.\n"
    "Ia menambahkan, orang tua tidak perlu membayar biaya tambahan, yaitu ongkos transportasi akan "
    "ditanggung sepenuhnya oleh dinas pendidikan. Anggaran sebesar Rp 50 miliar sudah disetujui DPRD pekan lalu."
)
MALAY = (
    "Kerajaan Malaysia hari ini mengumumkan bahawa semua sekolah di negeri itu akan dibuka semula pada bulan "
    "hadapan. Menteri Pendidikan berkata keputusan itu dibuat kerana jumlah kes jangkitan semakin menurun.\n"
    "Beliau menambah, ibu bapa tidak perlu membayar sebarang yuran tambahan, iaitu kos pengangkutan akan "
    "ditanggung sepenuhnya oleh kementerian. Wang peruntukan sebanyak RM50 juta telah diluluskan minggu lepas."
)
# Indonesian news prose on a Malaysian topic: the kind of text lingua alone calls Malay.
INDONESIAN_ABOUT_MALAYSIA = (
    "Sidang lanjutan kasus penganiayaan pekerja migiran asal Nusa Tenggara Timur digelar di Kuala Lumpur, "
    "Malaysia, hari ini. Terdakwa tiba di ruang sidang dengan pengawalan ketat polisi setempat.\n"
    "Jaksa penuntut meminta hakim menggabungkan perkara tersebut dengan kasus lain karena para saksinya sama. "
    "Kuasa hukum terdakwa mengatakan bahwa kliennya tidak bersalah dan siap membuktikannya di pengadilan."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (INDONESIAN, "id"),
        (INDONESIAN_ABOUT_MALAYSIA, "id"),
        (MALAY, "ms"),
        ("The city government announced on Monday that all schools will reopen next month, after cases fell.", "en"),
        ("雅加达市政府周一宣布，所有学校将于下个月重新开放，因为新增病例连续两周下降。", "zh"),
        ("أعلنت حكومة المدينة يوم الاثنين أن جميع المدارس ستعيد فتح أبوابها الشهر المقبل.", "ar"),
        ("De gemeente maakte maandag bekend dat alle scholen volgende maand weer opengaan.", "nl"),
    ],
)
def test_detects_iso_639_1(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   ", "Halo dunia", "12345 67890", "SCROLL"])
def test_short_text_is_und(text: str) -> None:
    assert detect_language(text) == "und"


def test_one_odd_paragraph_does_not_decide_the_article() -> None:
    odd = "Artinya: Yā ayyuhallażīna āmanū iżā tadāyantum bidainin ilā ajalim musamman."
    text = f"{INDONESIAN}\n{odd}\n{INDONESIAN}"
    assert detect_language(text) == "id"


def test_spelling_marks() -> None:
    assert spelling_marks("Dia berkata bahawa wang itu hilang kerana dicuri.") == (0, 3)
    assert spelling_marks("Dia berkata bahwa uang itu hilang karena dicuri.") == (3, 0)


def test_detector_is_built_once() -> None:
    assert get_detector() is get_detector()
    assert lang._detector is not None


def test_stage_in_a_pipeline() -> None:
    pipeline = Pipeline(["language"])
    art = pipeline(Article(text=INDONESIAN, title="Sekolah Dibuka Lagi"))
    assert art.language == "id"
    assert art.annotated_by == {"language": "warta.language.v1"}
    assert Article(text="Pendek").to_contract()["language"] == "und"


@pytest.mark.data
def test_real_indonesian_news_is_id(data_dir: Path) -> None:
    """IndoSum articles are all Indonesian; lingua alone called ~0.2% of them Malay."""
    path = data_dir / "indosum-devfolds" / "dev.01.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    codes = []
    with path.open(encoding="utf-8") as fh:
        for _, line in zip(range(300), fh, strict=False):
            obj = json.loads(line)
            codes.append(detect_language("\n".join(" ".join(" ".join(s) for s in p) for p in obj["paragraphs"])))
    assert codes.count("id") / len(codes) >= 0.99
