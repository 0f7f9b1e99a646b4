"""Rules added after the second audit of the time and quantity readers on unseen articles
(docs/time-and-numbers.md, "Audit on unseen articles, round 2"). Every sentence here is our own.

The document date is Wednesday 2025-10-22 unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from warta.readers.numbers import find_quantities
from warta.readers.time import find_times

DCT = "2025-10-22"


def _times(text: str, published: str = DCT) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in find_times(text, published)]


def _quantities(text: str) -> list[tuple[str, int | float, str | None]]:
    return [(q.text, q.value, q.unit) for q in find_quantities(text)]


# --- times: months named together ---

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of bare months: each is a month, even without "bulan" or a year
        ("Subsidi pupuk dibayar untuk Agustus, September, dan Oktober.",
         [("Agustus", "DATE", "2025-08"), ("September", "DATE", "2025-09"), ("Oktober", "DATE", "2025-10")]),
        # a range of months shares the year written after the last one
        ("Panen raya berlangsung Maret-Mei 2024 di lereng gunung.",
         [("Maret", "DATE", "2024-03"), ("Mei 2024", "DATE", "2024-05")]),
        ("Kuota solar dikurangi sejak Februari hingga April 2025.",
         [("Februari", "DATE", "2025-02"), ("April 2025", "DATE", "2025-04")]),
        # "bulan" stays with the first month; a year after "di" holds for the whole list
        ("Pasar malam dibuka pada bulan Juni, Juli, Agustus di 2019 saja.",
         [("bulan Juni", "DATE", "2019-06"), ("Juli", "DATE", "2019-07"), ("Agustus", "DATE", "2019-08"),
          ("2019", "DATE", "2019")]),
        # "lalu" / "mendatang" after the last month: the others lie in the same year, before it
        ("Iuran naik pada Juni dan Agustus lalu.", [("Juni", "DATE", "2025-06"), ("Agustus lalu", "DATE", "2025-08")]),
        ("Rapat dewan digelar Oktober dan Desember mendatang.",
         [("Oktober", "DATE", "2025-10"), ("Desember mendatang", "DATE", "2025-12")]),
    ],
)
def test_months_named_together(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _times(text) == expected


def test_a_list_of_months_without_a_year_lies_in_one_year() -> None:
    # in an October article, "Desember-Januari" runs into next year; the list as a whole is
    # put where it lies nearest the document date
    assert _times("Musim liburan Desember-Januari selalu ramai.") == [
        ("Desember", "DATE", "2025-12"), ("Januari", "DATE", "2026-01")]


def test_a_lone_bare_month_name_is_still_not_a_time() -> None:
    # a single capitalised month word may be a name ("Juli" the person); only lists count
    assert _times("Kata Juli, warung itu sudah tutup.") == []


def test_a_month_with_tahun_depan_is_one_expression() -> None:
    assert _times("Pemilihan kepala desa digelar Mei tahun depan.") == [("Mei tahun depan", "DATE", "2026-05")]
    assert _times("Jembatan itu ambruk pada Maret tahun lalu.") == [("Maret tahun lalu", "DATE", "2024-03")]
    assert _times("Kontrak diteken 5 Januari tahun ini.") == [("5 Januari tahun ini", "DATE", "2025-01-05")]


def test_a_range_of_quarters_is_two_quarters() -> None:
    assert _times("Target dihitung untuk triwulan II-IV saja.") == [
        ("triwulan II", "DATE", "2025-Q2"), ("IV", "DATE", "2025-Q4")]
    # a quarter and its year joined by a dash stay one expression
    assert _times("Laba kuartal III-2024 turun.") == [("kuartal III-2024", "DATE", "2024-Q3")]


# --- times: other patterns ---

@pytest.mark.parametrize(
    "text",
    [
        "Beras adalah makanan sehari-hari warga desa itu.",  # everyday, not one day
        "Bola dioper jauh ke depan gawang lawan.",  # in space
        "Massa berkumpul ke depan kantor bupati.",
    ],
)
def test_not_times(text: str) -> None:
    assert _times(text) == []


def test_plural_units_are_vague() -> None:
    assert _times("Anggaran desa di tahun-tahun mendatang harus dihemat.") == [
        ("tahun-tahun mendatang", "DATE", "FUTURE_REF")]
    assert _times("Harga cabai naik pada bulan-bulan terakhir.") == [("bulan-bulan terakhir", "DATE", "PAST_REF")]


def test_dinihari_written_as_one_word() -> None:
    assert _times("Gempa terasa pada Selasa (21/10/2025) dinihari tadi.") == [
        ("Selasa (21/10/2025) dinihari tadi", "TIME", "2025-10-21TNI")]


def test_a_clock_before_its_day_with_a_part_of_day() -> None:
    assert _times("Api padam pukul 03.00 Selasa (21/10) dinihari.") == [
        ("pukul 03.00", "TIME", "2025-10-21T03:00"), ("Selasa (21/10) dinihari", "TIME", "2025-10-21TNI")]


def test_century_relative_to_the_document_date() -> None:
    assert _times("Kota itu hancur dalam perang pada abad lalu.") == [("abad lalu", "DATE", "19")]
    assert _times("Suhu bumi terus naik pada abad ini.") == [("abad ini", "DATE", "20")]


def test_once_every_n_units_is_a_set() -> None:
    assert _times("Data penerima diperbarui per enam bulan sekali.") == [("per enam bulan sekali", "SET", "P6M")]


# --- quantities ---

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # identifier words count only as whole words: "dipukul" is not "pukul", "sebab" not "bab",
        # "tetap" not "tap", "tajam" not "jam"
        ("Satpam itu dipukul tiga kali oleh tamu.", [("tiga", 3, "kali")]),
        ("Sebab 4 rumah roboh, jalan ditutup.", [("4", 4, "rumah")]),
        ("Suku bunga acuan tetap 6,5%.", [("6,5%", 6.5, "%")]),
        ("Saham bank itu naik tajam 3,2 persen.", [("3,2 persen", 3.2, "%")]),
        # fractions written as words
        ("Hampir seperempat warga desa bekerja di kota.", [("seperempat", 0.25, "warga")]),
        ("Separuh lahan sawah terendam banjir.", [("Separuh", 0.5, "lahan")]),
        ("Dua pertiga anggota dewan hadir.", [("Dua pertiga", 2 / 3, "anggota")]),
    ],
)
def test_quantities(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert _quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Bantuan diberikan kepada keluarga di desil 1 hingga 4 saja.",  # a range of deciles
        "Keluarga di desil 1- 3 DTKS mendapat beras.",
        "Ketentuan itu diatur Pasal 5 sampai 7 peraturan desa.",
        "Tuan rumah unggul pada menit 54 lewat sundulan.",  # a match minute
        "Menu sarapan yang satu ini mudah dibuat.",  # "this one", an idiom
        "Surat itu bernomor 12 tahun 2024.",
        "Ia dijerat Pasal 2junctoPasal 18 undang-undang itu.",  # words glued by lost spacing
    ],
)
def test_not_quantities(text: str) -> None:
    assert _quantities(text) == []
