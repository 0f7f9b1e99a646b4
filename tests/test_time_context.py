"""The time reader where context decides a value: quotations, captions, clocks written before
their day, bare parts of day, quarters and centuries. Sentences written for these tests.

The document date is Wednesday 2025-10-22 unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from warta.readers.time import find_times
from warta.readers.timex.normalise import in_caption

DCT = "2025-10-22"


def _values(text: str, published: str | None = DCT) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in find_times(text, published)]


# --- a quotation counts "kemarin" from the day it was spoken ---

def test_quoted_kemarin_counts_from_the_day_the_words_were_said() -> None:
    text = '"Tim kami sudah turun sejak kemarin," kata Rina saat dihubungi, Sabtu (18/10/2025).'
    assert _values(text)[0] == ("kemarin", "DATE", "2025-10-17")


def test_quoted_besok_with_curly_quotes_and_the_story_keeps_the_article_date() -> None:
    text = "“Besok kami berangkat ke Ambon,” ujar Dedi di Makassar, Jumat (17/10/2025). Rombongan tiba kemarin."
    got = {t.text: t.value for t in find_times(text, DCT)}
    assert got["Besok"] == "2025-10-18"
    assert got["kemarin"] == "2025-10-21"  # outside the quotation: the article's "kemarin"


def test_quotation_without_a_dated_attribution_uses_the_article_date() -> None:
    text = 'Hujan turun lagi. "Hari ini sungai meluap," kata seorang warga.'
    assert ("Hari ini", "DATE", "2025-10-22") in _values(text)


def test_quoted_weekday_resolves_from_the_speech_day() -> None:
    # said on Monday 13 October: "Jumat lalu" is 10 October, not the Friday before the article
    text = '"Kami sudah melapor Jumat lalu," ucap Sari kepada wartawan, Senin (13/10/2025).'
    assert _values(text)[0] == ("Jumat lalu", "DATE", "2025-10-10")


# --- a clock written before its day ---

@pytest.mark.parametrize(
    "text",
    [
        "Pada pukul 23.30 WIB, Selasa (14/10/2025), gempa mengguncang Sumbawa.",
        "Gempa mengguncang Sumbawa pukul 23.30 WIB pada Selasa (14/10/2025).",
    ],
)
def test_clock_before_its_day_takes_that_day(text: str) -> None:
    assert ("pukul 23.30 WIB", "TIME", "2025-10-14T23:30") in _values(text)


def test_clock_in_the_next_sentence_does_not_take_the_following_day() -> None:
    text = "Rapat selesai pukul 22.00 WIB. Selasa (14/10/2025) rapat dilanjutkan."
    assert ("pukul 22.00 WIB", "TIME", "2025-10-22T22:00") in _values(text)


# --- photo captions do not move the story's day ---

def test_caption_date_is_not_the_anchor_for_later_times() -> None:
    text = ("Kapal berangkat Minggu (12/10/2025) pukul 15.00 WIB.\n"
            "ANTARA FOTO / BUDI SANTOSO Petugas memeriksa perahu, Senin (13/10/2025).\n"
            "Ketika malam tiba, ombak makin tinggi. Pukul 23.00 kapal berbalik.")
    got = _values(text)
    assert ("Senin (13/10/2025)", "DATE", "2025-10-13") in got
    assert ("malam", "TIME", "2025-10-12TNI") in got
    assert ("Pukul 23.00", "TIME", "2025-10-12T23:00") in got


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("AFP PHOTO / JOHN DOE Warga mengungsi, Senin (13/10/2025).", True),
        ("KOMPAS.com/SITI AMINAH Suasana pasar, Senin (13/10/2025).", True),
        ("Budi / Ani datang, Senin (13/10/2025).", False),
        ("Siswa SMA/SMK libur, Senin (13/10/2025).", False),
    ],
)
def test_in_caption(line: str, caption: bool) -> None:
    assert in_caption(line.index("Senin"), line) is caption


# --- parts of day after a temporal word ---

@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Kapal berlayar Minggu (12/10/2025). Ketika malam tiba, angin kencang.", "malam", "2025-10-12TNI"),
        ("Warga antre sejak pagi di depan kantor pos.", "pagi", "2025-10-22TMO"),
        ("Hujan turun hingga sore di Bogor.", "sore", "2025-10-22TAF"),
        ("Semakin malam, pengunjung bertambah.", "malam", "2025-10-22TNI"),
    ],
)
def test_part_of_day_after_a_temporal_word(text: str, expr: str, value: str) -> None:
    assert (expr, "TIME", value) in _values(text)


@pytest.mark.parametrize(
    "text",
    [
        "Keluarga itu makan malam bersama.",
        "Pasar malam dibuka di alun-alun.",
        "Pada malam Minggu jalanan padat.",
        "Ucapan selamat pagi terdengar dari kelas.",
        "Pada malam tahun baru kembang api dinyalakan.",
    ],
)
def test_part_of_day_inside_a_name_or_phrase_is_not_a_time(text: str) -> None:
    assert [t for t in find_times(text, DCT) if t.type == "TIME"] == []


# --- quarters, halves and centuries ---

@pytest.mark.parametrize(
    ("text", "expr", "value", "published"),
    [
        ("Ekonomi tumbuh 5 persen pada kuartal III 2025.", "kuartal III 2025", "2025-Q3", DCT),
        ("Penjualan naik pada triwulan kedua tahun ini.", "triwulan kedua tahun ini", "2025-Q2", DCT),
        ("Laba semester I turun tajam.", "semester I", "2025-H1", DCT),
        ("Realisasi anggaran hingga kuartal III-2024 lambat.", "kuartal III-2024", "2024-Q3", DCT),
        ("Ekspor kuartal lalu melemah.", "kuartal lalu", "2025-Q3", DCT),
        ("Ekspor kuartal depan diperkirakan naik.", "kuartal depan", "2026-Q1", DCT),
        # a February article: "kuartal IV" without a year is the one just ended
        ("Data kuartal IV menunjukkan perlambatan.", "kuartal IV", "2025-Q4", "2026-02-10"),
        ("Benteng itu dibangun pada abad ke-17.", "abad ke-17", "16", DCT),
        ("Tantangan abad XXI berbeda.", "abad XXI", "20", DCT),
    ],
)
def test_quarters_halves_and_centuries(text: str, expr: str, value: str, published: str) -> None:
    assert (expr, "DATE", value) in _values(text, published)


def test_date_followed_by_nanti_is_the_coming_one() -> None:
    assert _values("Undian digelar 5 Januari nanti.")[0] == ("5 Januari nanti", "DATE", "2026-01-05")


def test_tadi_malam_is_last_night() -> None:
    assert _values("Gudang itu terbakar tadi malam.")[0] == ("tadi malam", "TIME", "2025-10-21TNI")
    assert _values("Tadi pagi hujan turun.")[0] == ("Tadi pagi", "TIME", "2025-10-22TMO")


def test_a_day_named_inside_a_quotation_anchors_its_clock_times() -> None:
    text = ('"Air naik sejak kemarin sore jam 16.00 WIB," kata Joko saat dihubungi, Senin (20/10/2025). '
            "Ketinggian air mencapai satu meter.")
    got = _values(text)
    assert ("kemarin sore", "TIME", "2025-10-19TAF") in got
    assert ("jam 16.00 WIB", "TIME", "2025-10-19T16:00") in got


def test_a_students_semester_is_not_a_half_year() -> None:
    assert [t.text for t in find_times("Ia mahasiswa semester 3 di Bandung.", DCT)] == []


# --- parts of day written with "hari": definite forms take a day, the bare form stays generic ---

@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Menteri mengumumkan hasil rapat sore hari ini.", "sore hari ini", "2025-10-22TAF"),
        ("Pada pagi hari ini harga cabai turun.", "pagi hari ini", "2025-10-22TMO"),
        # "-nya" and "itu" point back at the day being told
        ("Tanggul jebol pada Senin (20/10/2025). Malam harinya warga mengungsi.", "Malam harinya",
         "2025-10-20TNI"),
        ("Rombongan tiba Sabtu (18/10/2025). Pada sore hari itu mereka rapat.", "sore hari itu", "2025-10-18TAF"),
        # a habit, not a day: "sore hari" alone names no date
        ("Banyak pengajian dimulai pada sore hari.", "sore hari", "XXXX-XX-XXTAF"),
    ],
)
def test_part_of_day_with_hari(text: str, expr: str, value: str) -> None:
    assert (expr, "TIME", value) in _values(text)


# --- "dalam hitungan jam": a vague amount of the units named ---

@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Dalam hitungan jam, jalan itu kembali dibuka.", "hitungan jam", "PTXH"),
        ("Semua berubah dalam hitungan menit dan jam.", "hitungan menit dan jam", "PTXHXM"),
        ("Stok beras habis dalam hitungan hari.", "hitungan hari", "PXD"),
        ("Tiket terjual dalam hitungan detik.", "hitungan detik", "PTXS"),
        ("Pembangunan selesai dalam hitungan minggu atau bulan.", "hitungan minggu atau bulan", "PXMXW"),
    ],
)
def test_vague_count_of_time_units(text: str, expr: str, value: str) -> None:
    assert (expr, "DURATION", value) in _values(text)


@pytest.mark.parametrize(
    "text", ["Hitungan suara ulang selesai malam ini.", "Cuti dihitung menurut hitungan hari kerja."]
)
def test_hitungan_without_a_time_unit_is_not_a_duration(text: str) -> None:
    assert [t for t in find_times(text, DCT) if t.type == "DURATION"] == []
