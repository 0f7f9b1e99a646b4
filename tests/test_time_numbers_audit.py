"""Rules added after the audit of the time and quantity readers on unseen articles
(docs/time-and-numbers.md, "Audit on unseen articles"). Every sentence here is our own.

The document date is Wednesday 2025-10-22 unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from warta.readers.numbers import find_quantities
from warta.readers.time import find_times

DCT = "2025-10-22"


def _times(text: str, published: str = DCT) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in find_times(text, published)]


def _quantities(text: str) -> list[tuple[str, int | float, str | None, bool]]:
    return [(q.text, q.value, q.unit, q.approximate) for q in find_quantities(text)]


# --- times ---

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two years joined by a dash are a range: two expressions, like "20-28 Agustus"
        ("Ia memimpin koperasi itu pada periode 2014-2019.", [("2014", "DATE", "2014"), ("2019", "DATE", "2019")]),
        ("Pengurus masa bakti 2020–2025 dilantik di aula desa.",
         [("2020", "DATE", "2020"), ("2025", "DATE", "2025")]),
        ("Pabrik gula itu beroperasi (1925-1942) sebelum dibongkar.",
         [("1925", "DATE", "1925"), ("1942", "DATE", "1942")]),
        # a school or budget year written as two years is one period
        ("Murid baru tahun ajaran 2024-2025 mulai masuk.", [("tahun ajaran 2024-2025", "DATE", "2024")]),
        ("Beasiswa berlaku untuk tahun 2024/2025 saja.", [("tahun 2024/2025", "DATE", "2024")]),
    ],
)
def test_year_ranges(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _times(text) == expected


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Pahlawan itu lahir pada 12 Maret 1888 di tepi sungai.", "12 Maret 1888", "1888-03-12"),
        ("Benteng itu selesai dibangun Agustus 1799 oleh kompeni.", "Agustus 1799", "1799-08"),
        ("Perang itu pecah pada tahun 1825 di pedalaman Jawa.", "tahun 1825", "1825"),
    ],
)
def test_years_before_1900_after_a_date_or_tahun(text: str, expr: str, value: str) -> None:
    assert (expr, "DATE", value) in _times(text)


def test_a_bare_number_before_1900_is_still_not_a_year() -> None:
    assert _times("Panitia menyiapkan 1850 kursi untuk tamu.") == []


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Kontrak kerja berlaku 2 (dua) tahun sejak ditandatangani.", "2 (dua) tahun", "P2Y"),
        ("Laporan wajib diserahkan paling lambat 14 (empat belas) hari kerja.", "14 (empat belas) hari", "P14D"),
        ("Kegiatan magang berlangsung selama 6 (enam) bulan.", "6 (enam) bulan", "P6M"),
    ],
)
def test_duration_with_its_number_spelled_in_brackets(text: str, expr: str, value: str) -> None:
    assert (expr, "DURATION", value) in _times(text)
    assert find_quantities(text, find_times(text, DCT)) == []  # the number belongs to the duration


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Klub itu gagal juara musim lalu dan menargetkan gelar musim depan.", "musim lalu", "PAST_REF"),
        ("Klub itu gagal juara musim lalu dan menargetkan gelar musim depan.", "musim depan", "FUTURE_REF"),
        ("Penyerang itu sudah mencetak sembilan gol musim ini.", "musim ini", "PRESENT_REF"),
        # "kemarin" here is last season, not yesterday
        ("Performa tim musim kemarin mengecewakan.", "musim kemarin", "PAST_REF"),
    ],
)
def test_season_of_a_sport(text: str, expr: str, value: str) -> None:
    assert (expr, "DATE", value) in _times(text)


def test_a_calendar_season_is_still_a_season() -> None:
    assert _times("Petani menanam padi pada musim hujan tahun ini.") == [("musim hujan tahun ini", "DATE", "2025-WI")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Wednesday 22 Oct: the Sunday meant is 19 Oct, its eve Saturday 18 Oct
        ("Warga bilang keributan itu terjadi Sabtu, malam Minggu, di dekat pasar.",
         [("Sabtu", "DATE", "2025-10-18"), ("malam Minggu", "TIME", "2025-10-18TNI")]),
        ("Ia terakhir terlihat malam Minggu lalu di terminal.", [("malam Minggu lalu", "TIME", "2025-10-18TNI")]),
        ("Ronda digelar Kamis atau malam Jumat kemarin.",
         [("Kamis", "DATE", "2025-10-16"), ("malam Jumat kemarin", "TIME", "2025-10-16TNI")]),
    ],
)
def test_malam_weekday_is_the_night_before(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _times(text) == expected


def test_a_weekday_with_a_comma_before_its_bracketed_date_is_one_expression() -> None:
    assert _times("Hal itu ia sampaikan di Medan, Kamis, (16/10/2025).") == [
        ("Kamis, (16/10/2025)", "DATE", "2025-10-16")]


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Harga beras terus naik beberapa waktu terakhir.", "beberapa waktu terakhir", "PAST_REF"),
        ("Nelayan pulang menjelang senja.", "senja", "2025-10-22TEV"),
        ("Petugas berjaga sejak fajar di pintu tol.", "fajar", "2025-10-22TMO"),
    ],
)
def test_vague_past_and_dawn_dusk(text: str, expr: str, value: str) -> None:
    assert any(t[0] == expr and t[2] == value for t in _times(text)), _times(text)


def test_fajar_as_a_name_is_not_a_time() -> None:
    assert _times("Sejak Fajar menjabat, kas desa membaik.") == []


# --- quantities ---

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kuliah berlangsung 2 (dua) semester di kampus itu.", [("2 (dua)", 2, "semester", False)]),
        ("Panitia menerima 15 (lima belas) proposal.", [("15 (lima belas)", 15, "proposal", False)]),
        # a bracketed scale word alone is not the number spelled out
        ("Dana yang diminta 700 (juta) itu belum cair.", [("700", 700, None, False)]),
    ],
)
def test_number_spelled_in_brackets_is_one_quantity(text: str, expected: list[tuple]) -> None:
    assert _quantities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # acronyms after a number are what is counted
        ("Bantuan disalurkan kepada 1.250 KPM dan 40 KK di desa itu.",
         [("1.250", 1250, "KPM", False), ("40", 40, "KK", False)]),
        ("Setiap desa punya satu TK dan dua SD.", [("satu", 1, "TK", False), ("dua", 2, "SD", False)]),
        ("Sebanyak 3.100 ASN ikut apel pagi.", [("3.100", 3100, "ASN", False)]),
        # a decimal after capitals is a measure, not part of a name
        ("Lulusan terbaik meraih IPK 3,85 dari kampus itu.", [("3,85", 3.85, None, False)]),
        # "N lebih <noun>": more than N, and the noun is what is counted
        ("Tiga juta lebih warga belum menerima bantuan.", [("Tiga juta", 3_000_000, "warga", True)]),
        ("Ada 200 lebih peserta yang mendaftar.", [("200", 200, "peserta", True)]),
        # a negation is not a unit
        ("Kalau satu tidak hadir, rapat ditunda.", [("satu", 1, None, False)]),
        # a dateline's dash opens the sentence: a capitalised number word there is a count
        ("MEDAN (Warta) – Dua warga terluka akibat ledakan tabung gas.", [("Dua", 2, "warga", False)]),
    ],
)
def test_counts_now_read(text: str, expected: list[tuple]) -> None:
    assert _quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tim itu akhirnya masuk 10 besar nasional.",  # a rank
        "Daftar sekolah:\n1.\u2060 \u2060SMAN 8 Harapan Bangsa, Medan\n2. SMKN 3, Padang",  # names behind a word joiner
        "Lihat Jurnal Sejarah Lokal Vol. 4 No. 2 terbitan kampus.",  # a journal volume
        "Tahun baru 1447 H dirayakan warga kampung.",  # a Hijri year
        "Pesawat Boeing 737 itu mendarat di Kupang.",  # still a name
        "Penerbangan JT 610 sempat tertunda.",  # still a flight number
    ],
)
def test_identifiers_are_not_quantities(text: str) -> None:
    assert _quantities(text) == []


def test_counted_acronym_after_a_party_name_stays_a_count() -> None:
    assert _quantities("PDIP 110 kursi, sisanya dibagi partai lain.") == [("110", 110, "kursi", False)]


def test_volume_of_trade_is_still_an_amount() -> None:
    assert _quantities("Tiket kereta itu terjual dengan volume 100 persen.") == [("100 persen", 100, "%", False)]
