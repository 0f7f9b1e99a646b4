"""The quantity reader and the number words, on sentences we wrote."""

from __future__ import annotations

import pytest

from warta.article import Article
from warta.pipeline import Pipeline
from warta.readers._numwords import number_to_words, parse_digits, words_to_number
from warta.readers.numbers import find_quantities


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "approximate"),
    [
        ("Sebanyak 1.500 orang mengungsi.", "1.500", 1500, "orang", False),
        ("Inflasi naik 2,5 persen tahun ini.", "2,5 persen", 2.5, "%", False),
        ("Ekonomi tumbuh 5,12% pada kuartal itu.", "5,12%", 5.12, "%", False),
        ("Negara rugi Rp 2,3 triliun akibat korupsi itu.", "Rp 2,3 triliun", 2_300_000_000_000, "IDR", False),
        ("Dana desa sebesar Rp500 juta cair pekan ini.", "Rp500 juta", 500_000_000, "IDR", False),
        ("Ia menerima suap US$ 3.000 dari kontraktor.", "US$ 3.000", 3000, "USD", False),
        ("Investasi itu bernilai 50 juta dolar AS.", "50 juta dolar AS", 50_000_000, "USD", False),
        ("Tiongkok menggelontorkan 10 miliar yuan.", "10 miliar yuan", 10_000_000_000, "CNY", False),
        ("Rusia membayar 200 juta rubel untuk gas itu.", "200 juta rubel", 200_000_000, "RUB", False),
        ("Nilai kontrak mencapai Rp 13 T.", "Rp 13 T", 13_000_000_000_000, "IDR", False),
        ("Pemerintah memantau delapan wilayah rawan.", "delapan", 8, "wilayah", False),
        ("Usia kakek itu sembilan puluh lima.", "sembilan puluh lima", 95, None, False),
        ("Panitia menyiapkan dua ratus lima puluh ribu kupon.", "dua ratus lima puluh ribu", 250_000, "kupon", False),
        ("Belasan rumah rusak diterjang angin.", "Belasan", 10, "rumah", True),
        ("Puluhan ribu tentara dikerahkan ke perbatasan.", "Puluhan ribu", 10_000, "tentara", True),
        ("Sekitar 125 ribu orang mengungsi.", "125 ribu", 125_000, "orang", True),
        ("Sekolah itu menampung 9.800an siswa.", "9.800an", 9800, "siswa", True),
        ("Ratusan warga berkumpul di alun-alun.", "Ratusan", 100, "warga", True),
        ("Tingkat kepuasan mencapai 64%.", "64%", 64, "%", False),
        ("Jalan itu sepanjang 12,5 km.", "12,5", 12.5, "km", False),
        ("Skor akhirnya nol untuk tim tamu.", "nol", 0, "untuk", False),
        ("Hanya 20-an orang yang datang.", "20-an", 20, "orang", True),
        ("Setengah juta warga mengungsi.", "Setengah juta", 500_000, "warga", False),
        ("Sebanyak 70%-nya sudah lunas.", "70%", 70, "%", False),
    ],
)
def test_quantity_forms(sentence: str, text: str, value: float, unit: str | None, approximate: bool) -> None:
    found = [q for q in find_quantities(sentence) if q.text == text]
    assert found, f"{text!r} not in {[q.text for q in find_quantities(sentence)]}"
    q = found[0]
    assert q.value == pytest.approx(value)
    if unit != "untuk":  # a function word after a bare number is not checked as a unit
        assert q.unit == unit
    assert q.approximate is approximate
    assert sentence[q.start:q.end] == q.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Aturan itu tercantum dalam Peraturan Presiden Nomor 54 Tahun 2024.",
        "Hakim merujuk UU No. 1/2023 tentang KUHP.",
        "Pesawat QZ8501 hilang kontak di atas laut.",
        "Penerbangan JT 610 jatuh di perairan Karawang.",
        "Mobil berpelat B 1234 XYZ itu ditilang.",
        "Ia adalah Presiden ke-2 republik itu.",
        "Menurut Pasal 31 ayat (3) UUD 1945, pendidikan adalah hak.",
        "Rapat digelar Senin (20/10/2025) pukul 10.00 WIB.",
        "Pabrik itu berdiri sejak 15 Desember 2021.",
        "Salah satu saksi menolak hadir.",
        "Ia satu-satunya pebalap yang finis.",
        "Pesawat Boeing 737 itu mendarat mulus.",
        "Ocon start dari posisi 17 di balapan itu.",
        "Dia pergi selama dua pekan.",
        "Kasus COVID-19 kembali naik di kota itu.",
        "Delegasi G20 tiba di Bali.",
    ],
)
def test_not_quantities(sentence: str) -> None:
    from warta.readers.time import find_times

    assert find_quantities(sentence, find_times(sentence, "2025-10-22")) == []


@pytest.mark.parametrize("sep", [".", " .", ")"])
def test_list_numbers_are_not_amounts(sep: str) -> None:
    text = f"Barang yang disita:\n1{sep} Mobil 7 unit\n2{sep} Emas 645 gram"
    assert [(q.text, q.unit) for q in find_quantities(text)] == [("7", "unit"), ("645", "gram")]


def test_stage_uses_times_from_the_pipeline() -> None:
    art = Article(text="Pada 15 Desember 2021, sebanyak 300 orang hadir selama 3 jam.", published="2025-10-22")
    out = Pipeline(["times", "quantities"])(art)
    assert [(q.text, q.value) for q in out.quantities] == [("300", 300)]
    assert out.annotated_by["quantities"] == "warta.quantities.v4"


@pytest.mark.parametrize(
    ("words", "value"),
    [("nol", 0), ("sebelas", 11), ("dua belas", 12), ("sembilan puluh", 90), ("seratus satu", 101),
     ("seribu", 1000), ("dua ribu lima", 2005), ("satu juta", 1_000_000), ("dua juta seratus ribu", 2_100_000)],
)
def test_words_to_number(words: str, value: int) -> None:
    assert words_to_number(words) == value


@pytest.mark.parametrize("words", ["dua tiga", "ribu", "belas", "puluh dua", "dua seribu", "kucing"])
def test_words_that_are_not_numbers(words: str) -> None:
    assert words_to_number(words) is None


@pytest.mark.parametrize(("digits", "value"), [("1.500", 1500), ("2,5", 2.5), ("1.500.000,25", 1500000.25),
                                                ("07", 7), ("08.30", None), ("1,2,3", None)])
def test_parse_digits(digits: str, value: float | None) -> None:
    assert parse_digits(digits) == value


def test_number_to_words_range() -> None:
    with pytest.raises(ValueError, match="supports"):
        number_to_words(-1)
    assert number_to_words(0) == "nol"
    assert number_to_words(1_100_000) == "satu juta seratus ribu"


def test_docstring_examples() -> None:
    import doctest

    import warta.readers._numwords
    import warta.readers.numbers
    import warta.readers.time

    for module in (warta.readers._numwords, warta.readers.numbers, warta.readers.time):
        assert doctest.testmod(module).failed == 0, module.__name__


# --- ranges: two quantities, the lower end borrowing the unit and scale written once ---

@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Sebanyak 10-15 orang terluka dalam tabrakan itu.", ("10", 10, "orang"), ("15", 15, "orang")),
        ("Inflasi diperkirakan antara 10 hingga 15 persen.", ("10", 10, "%"), ("15 persen", 15, "%")),
        ("Kerugian pabrik ditaksir Rp 2-3 miliar.", ("Rp 2", 2_000_000_000, "IDR"),
         ("3 miliar", 3_000_000_000, "IDR")),
        ("Sekitar 20–30 ribu buruh berunjuk rasa.", ("20", 20_000, "buruh"), ("30 ribu", 30_000, "buruh")),
        ("Ekspor tumbuh 4-5% tahun ini.", ("4", 4, "%"), ("5%", 5, "%")),
        ("Dua hingga tiga nelayan belum kembali.", ("Dua", 2, "nelayan"), ("tiga", 3, "nelayan")),
        ("Antara 100 dan 200 rumah terendam banjir.", ("100", 100, "rumah"), ("200", 200, "rumah")),
        ("Hibah itu senilai US$ 1-2 juta.", ("US$ 1", 1_000_000, "USD"), ("2 juta", 2_000_000, "USD")),
        ("Sebanyak 3 s.d. 5 unit bus rusak.", ("3", 3, "unit"), ("5", 5, "unit")),
        ("Panen mencapai 1.500-2.000 ton.", ("1.500", 1500, "ton"), ("2.000", 2000, "ton")),
    ],
)
def test_ranges(sentence: str, low: tuple[str, float, str], high: tuple[str, float, str]) -> None:
    got = [(q.text, q.value, q.unit) for q in find_quantities(sentence)]
    assert got == [low, high]
    assert all(q.approximate for q in find_quantities(sentence))
    for q in find_quantities(sentence):
        assert sentence[q.start:q.end] == q.text


def test_a_change_from_one_figure_to_another_is_not_approximate() -> None:
    got = [(q.text, q.value, q.unit, q.approximate) for q in find_quantities("Bunga naik dari 5 hingga 7 persen.")]
    assert got == [("5", 5, "%", False), ("7 persen", 7, "%", False)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Skor akhir 2-1 untuk tuan rumah.",
        "Indonesia kalah 1-3 atas Jepang.",
        "Tim tamu dibantai 0-3 saat bertandang.",
        "Persija kalah 1-2 dari klub itu.",
        "Pesawat Boeing 737-800 itu mendarat.",
        "Hubungi 0812-3456-7890 untuk informasi.",
        "Pasal 5-7 mengatur sanksi itu.",
        "Bantuan menyasar warga desil 1-4 saja.",
        "Perbandingannya 1:3 untuk tim tamu.",
    ],
)
def test_not_ranges(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_two_counts_joined_by_dan_are_not_a_range() -> None:
    got = [(q.text, q.unit, q.approximate) for q in find_quantities("Ia membeli 100 kertas dan 200 lembar plastik.")]
    assert got == [("100", "kertas", False), ("200", "lembar", False)]


def test_a_time_range_is_not_a_quantity() -> None:
    from warta.readers.time import find_times

    text = "Antrean hanya 2-3 menit, pameran 20-22 Oktober 2025."
    assert find_quantities(text, find_times(text, "2025-10-22")) == []


def test_ke_before_money_is_a_fall_to_an_amount_not_an_ordinal() -> None:
    got = [(q.text, q.value, q.unit) for q in find_quantities("Harga minyak turun ke 60 dolar AS per barel.")]
    assert got == [("60 dolar AS", 60, "USD")]
    assert find_quantities("Ia menjadi ketua ke 3 organisasi itu.") == []


def test_currency_code_after_the_amount() -> None:
    got = [(q.text, q.value, q.unit) for q in find_quantities("Ekspor itu bernilai 5 juta USD, impornya 3 miliar IDR.")]
    assert got == [("5 juta USD", 5_000_000, "USD"), ("3 miliar IDR", 3_000_000_000, "IDR")]
