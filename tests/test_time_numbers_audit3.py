"""Rules added after the third audit of the time and quantity readers on unseen articles
(docs/time-and-numbers.md, "Audit on unseen articles, round 3"). Every sentence here is our own.

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


# --- times: ranges of durations and days joined by a word ---

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Masa jabatan sementara berlangsung 2 hingga 2,5 tahun.", [("2", "DURATION", "P2Y"),
                                                                   ("2,5 tahun", "DURATION", "P2.5Y")]),
        ("Jeda itu bisa (3-3,5 tahun) lamanya.", [("3", "DURATION", "P3Y"), ("3,5 tahun", "DURATION", "P3.5Y")]),
        ("Pembangunan jembatan butuh satu sampai dua tahun.", [("satu", "DURATION", "P1Y"),
                                                              ("dua tahun", "DURATION", "P2Y")]),
        ("Antrean mengular 4 sampai dengan 6 jam.", [("4", "DURATION", "PT4H"), ("6 jam", "DURATION", "PT6H")]),
        # a dash may count down ("between ten and seven years ago")
        ("Warga ingat 10-7 tahun yang lalu sungai masih jernih.",
         [("10", "DURATION", "P10Y"), ("7 tahun yang lalu", "DATE", "2018")]),
        # days: the lower end takes the month and year written after the upper one
        ("Pameran dibuka dari 3 hingga 5 Maret 2025 di alun-alun.",
         [("3", "DATE", "2025-03-03"), ("5 Maret 2025", "DATE", "2025-03-05")]),
    ],
)
def test_the_lower_end_of_a_range_joined_by_a_word(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _times(text) == expected


def test_the_lower_end_of_a_duration_range_is_not_a_quantity() -> None:
    assert _quantities("Kontrak diperpanjang 2 hingga 3 tahun untuk 40 pekerja.") == [("40", 40, "pekerja")]


def test_a_range_of_money_before_this_year_is_not_a_range_of_years() -> None:
    text = "Bantuan naik Rp 5 hingga 10 juta tahun ini."
    assert _times(text) == [("tahun ini", "DATE", "2025")]
    assert _quantities(text) == [("Rp 5", 5_000_000, "IDR"), ("10 juta", 10_000_000, "IDR")]


def test_a_range_joined_by_a_word_runs_upward() -> None:
    # "3 hingga 2 tahun" is no range: only "2 tahun" is a duration
    assert _times("Vonisnya turun dari 3 hingga 2 tahun.")[-1] == ("2 tahun", "DURATION", "P2Y")
    assert ("3", "DURATION", "P3Y") not in _times("Vonisnya turun dari 3 hingga 2 tahun.")


# --- times: the constitution and regulations named with a year ---

@pytest.mark.parametrize(
    "text",
    [
        "Hak itu dijamin Pasal 28 UUD NRI 1945 secara tegas.",
        "Pengurus wajib setia pada Undang-Undang Dasar Negara Republik Indonesia Tahun 1945 dan Pancasila.",
        "Camat menunggu petunjuk dalam Perwali 2025 yang baru diteken.",
    ],
)
def test_a_year_in_the_name_of_a_law_is_not_a_time(text: str) -> None:
    assert _times(text) == []


def test_a_year_beside_the_constitution_is_still_a_time() -> None:
    assert _times("Naskah Proklamasi 17 Agustus 1945 disimpan di arsip sejak tahun 1950.") == [
        ("17 Agustus 1945", "DATE", "1945-08-17"), ("tahun 1950", "DATE", "1950")]


# --- times: "lima tahunan" ---

def test_a_count_before_tahunan_is_how_often() -> None:
    text = "Partai sibuk menjelang hajatan lima tahunan itu."
    assert _times(text) == [("lima tahunan", "SET", "P5Y")]
    assert _quantities(text) == []
    assert _times("Rapat dua mingguan tetap digelar.") == [("dua mingguan", "SET", "P2W")]


def test_an_age_in_tahunan_is_a_duration_and_a_monthly_sum_is_no_count_of_months() -> None:
    assert _times("Anak berusia lima tahunan bermain di taman.") == [("lima tahunan", "DURATION", "P5Y")]
    assert _times("Ia menabung 50 ribu bulanan.") == [("bulanan", "SET", "P1M")]


# --- times: vague references ---

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aturan pemilu kedepan harus lebih sederhana.", [("kedepan", "DATE", "FUTURE_REF")]),
        ("Semoga kedepannya pelayanan membaik.", [("kedepannya", "DATE", "FUTURE_REF")]),
        ("Catatan ini berguna di kemudian hari.", [("kemudian hari", "DATE", "FUTURE_REF")]),
        ("Pedagang hari-hari ini mengeluh sepi.", [("hari-hari ini", "DATE", "PRESENT_REF")]),
        ("Program itu sudah beberapa waktu ini berjalan.", [("beberapa waktu ini", "DATE", "PAST_REF")]),
        # spatial "kedepan", "kemudian" + a named day, and "these two rounds" are not vague times
        ("Bek itu menendang bola kedepan gawang.", []),
        ("Kemudian hari Senin mereka pulang.", [("Senin", "DATE", "2025-10-20")]),
        ("Pemilihan dua waktu ini butuh biaya besar.", []),
    ],
)
def test_vague_references(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _times(text) == expected


# --- times: "silam", decades, lower-case weekdays ---

@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Konsol itu dirilis pada bulan November silam.", "2017-08-23", [("bulan November silam", "DATE", "2016-11")]),
        ("Kantor itu dibuka 27 September silam.", "2025-09-10", [("27 September silam", "DATE", "2024-09-27")]),
        ("Musik kota itu berjaya pada kurun 1950-1970-an.", DCT,
         [("1950", "DATE", "195"), ("1970-an", "DATE", "197")]),
        ("Tolong hari rabu hasilnya diumumkan.", DCT, [("rabu", "DATE", "2025-10-22")]),
        ("Pasar tutup pada hari minggu depan.", DCT, [("minggu depan", "DATE", "2025-10-26")]),
        ("Harga naik sejak minggu lalu.", DCT, [("minggu lalu", "DATE", "2025-W42")]),
    ],
)
def test_past_markers_decades_and_weekdays(text: str, published: str, expected: list[tuple[str, str, str]]) -> None:
    assert _times(text, published) == expected


# --- times: a day written again without its year, and dates inside an old quotation ---

def test_a_day_written_again_without_its_year_keeps_it() -> None:
    text = ("Sidang pertama digelar Selasa (14/5/2024). Hakim menunda putusan. Kuasa hukum hadir di "
            "pengadilan, Selasa (14/5).")
    assert _times(text) == [("Selasa (14/5/2024)", "DATE", "2024-05-14"), ("Selasa (14/5)", "DATE", "2024-05-14")]


def test_a_date_inside_a_quotation_counts_from_when_it_was_said() -> None:
    # said on 14 May 2024: the February it names is February 2024, not the one nearest publication
    text = ('Rapat anggaran digelar Selasa (14/5/2024). "Kalau kotak suara telat, 14 Februari kacau," '
            "kata Rudi kepada wartawan di Jakarta, Selasa (14/5).")
    assert ("14 Februari", "DATE", "2024-02-14") in _times(text)


# --- quantities ---

def test_a_price_per_unit() -> None:
    assert _quantities("Harga gabah naik dari Rp 5.500/kg menjadi Rp 6.000/kg.") == [
        ("Rp 5.500", 5500, "IDR"), ("Rp 6.000", 6000, "IDR")]
    assert _quantities("Bantuan Rp1,5 juta/bulan cair.") == [("Rp1,5 juta", 1_500_000, "IDR")]
    # a number before a slash is no amount without a currency: a case or file number
    assert _quantities("Perkara 77/PUU-XX/2023 diputus.") == []


def test_a_lower_case_number_word_after_an_acronym_counts() -> None:
    assert _quantities("Pemilihan memakai aturan satu KK satu suara.") == [("satu", 1, "KK"), ("satu", 1, "suara")]


@pytest.mark.parametrize(
    "text",
    [
        "Di satu sisi, harga beras turun.",
        "Pemilih bingung memilih banyak calon dalam satu waktu.",
        "Ia rekan satu tim sang kapten.",
        "Laga melawan rival satu kota berakhir imbang.",
        "Petugas memeriksa tas satu persatu.",
    ],
)
def test_idioms_with_satu_are_not_counts(text: str) -> None:
    assert _quantities(text) == []
