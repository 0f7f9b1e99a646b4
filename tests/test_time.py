"""The time reader on sentences we wrote, one per form the issue lists.

The document date is Wednesday 2025-10-22 (ISO week 43) unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from warta.article import Article, Reject
from warta.errors import FormatError
from warta.pipeline import Pipeline
from warta.readers.time import TimeReader, find_times, infer_published, pick_event_date

DCT = "2025-10-22T09:00:00+07:00"


def _one(sentence: str, expr: str, published: str | None = DCT) -> tuple[str, str | None]:
    times = find_times(sentence, published)
    hits = [t for t in times if expr in t.text or t.text in expr]
    assert hits, f"{expr!r} not found in {[t.text for t in times]}"
    return hits[0].type, hits[0].value


@pytest.mark.parametrize(
    ("sentence", "expr", "ttype", "value"),
    [
        # absolute dates
        ("Jembatan itu diresmikan pada 15 Desember 2021 oleh bupati.", "15 Desember 2021", "DATE", "2021-12-15"),
        ("Surat itu bertanggal 15/12/2021 dan sudah diterima.", "15/12/2021", "DATE", "2021-12-15"),
        ("Banjir melanda desa itu pada Rabu (15/10) sore tadi.", "Rabu (15/10)", "TIME", "2025-10-15TAF"),
        ("Ketua panitia hadir Rabu (15/10) di balai kota.", "Rabu (15/10)", "DATE", "2025-10-15"),
        ("Gempa terasa Rabu, 15 Oktober 2025 pukul 10.23 WIB di Padang.",
         "Rabu, 15 Oktober 2025 pukul 10.23 WIB", "TIME", "2025-10-15T10:23"),
        ("Sidang dibuka Senin (20/10/2025) di Jakarta.", "Senin (20/10/2025)", "DATE", "2025-10-20"),
        ("Lomba lari digelar Minggu (12/10 / 2025) pagi.", "Minggu (12/10 / 2025) pagi", "TIME", "2025-10-12TMO"),
        # weekday references
        ("Tim itu tiba di Makassar Senin lalu.", "Senin lalu", "DATE", "2025-10-20"),
        ("Hasil tes akan diumumkan Jumat ini.", "Jumat ini", "DATE", "2025-10-24"),
        ("Wali kota meninjau pasar pada Kamis.", "Kamis", "DATE", "2025-10-16"),
        ("Rapat berikutnya akan digelar pada Jumat.", "Jumat", "DATE", "2025-10-24"),
        ("Ia kembali ke kantor Jumat pekan lalu.", "Jumat pekan lalu", "DATE", "2025-10-17"),
        # relative expressions
        ("Warga melapor ke polisi kemarin.", "kemarin", "DATE", "2025-10-21"),
        ("Hujan deras turun hari ini.", "hari ini", "DATE", "2025-10-22"),
        ("Tim akan berangkat besok.", "besok", "DATE", "2025-10-23"),
        ("Acara puncak digelar lusa.", "lusa", "DATE", "2025-10-24"),
        ("Kapal itu tenggelam dua hari lalu.", "dua hari lalu", "DATE", "2025-10-20"),
        ("Kebijakan baru berlaku pekan depan.", "pekan depan", "DATE", "2025-W44"),
        ("Harga cabai naik pekan lalu.", "pekan lalu", "DATE", "2025-W42"),
        ("Ekspor turun bulan lalu.", "bulan lalu", "DATE", "2025-09"),
        ("Anggaran itu dibahas tahun depan.", "tahun depan", "DATE", "2026"),
        ("Proyek selesai akhir tahun ini.", "akhir tahun ini", "DATE", "2025"),
        ("Pabrik itu dibangun awal 2023.", "awal 2023", "DATE", "2023"),
        ("Kedua pemimpin akan bertemu pada musim semi tahun depan.", "musim semi tahun depan", "DATE", "2026-SP"),
        ("Pemilu digelar tahun 2024 lalu.", "tahun 2024", "DATE", "2024"),
        ("Panen raya dimulai bulan Maret lalu.", "bulan Maret lalu", "DATE", "2025-03"),
        ("Sehari kemudian, Ahad (5/10), ia pulang.", "Ahad (5/10)", "DATE", "2025-10-05"),
        # parts of day and clock times with zones
        ("Kebakaran terjadi pagi ini di pasar.", "pagi ini", "TIME", "2025-10-22TMO"),
        ("Kapal merapat Kamis (16/10) malam.", "Kamis (16/10) malam", "TIME", "2025-10-16TNI"),
        ("Pesawat mendarat pukul 08.30 WITA.", "pukul 08.30 WITA", "TIME", "2025-10-22T08:30"),
        ("Upacara dimulai pukul 07.00 WIT di Jayapura.", "pukul 07.00 WIT", "TIME", "2025-10-22T07:00"),
        ("Ia tiba pukul 8 malam.", "pukul 8 malam", "TIME", "2025-10-22T20:00"),
        ("Pasar ramai kemarin sore.", "kemarin sore", "TIME", "2025-10-21TAF"),
        # durations, sets and vague references
        ("Ia mengabdi selama 20 tahun di desa itu.", "20 tahun", "DURATION", "P20Y"),
        ("Antrean hanya berlangsung 15 menit.", "15 menit", "DURATION", "PT15M"),
        ("Pencarian dilanjutkan dua pekan.", "dua pekan", "DURATION", "P2W"),
        ("Korban ditemukan delapan hari setelah kapal tenggelam.", "delapan hari", "DURATION", "P8D"),
        ("Perjalanan itu memakan satu setengah jam.", "satu setengah jam", "DURATION", "PT1.5H"),
        ("Ia menunggu setengah hari.", "setengah hari", "DURATION", "PT12H"),
        ("Kerusuhan itu terjadi bertahun-tahun.", "bertahun-tahun", "DURATION", "PXY"),
        ("Festival itu diadakan setiap tahun.", "setiap tahun", "SET", "P1Y"),
        ("Obat diminum tiga kali sehari.", "tiga kali sehari", "SET", "P1D"),
        ("Pasar kaget buka setiap Senin.", "setiap Senin", "SET", "XXXX-WXX-1"),
        ("Saat ini harga beras stabil.", "Saat ini", "DATE", "PRESENT_REF"),
        ("Kasus serupa terjadi beberapa waktu lalu.", "beberapa waktu lalu", "DATE", "PAST_REF"),
        ("Program ini akan diperluas ke depan.", "ke depan", "DATE", "FUTURE_REF"),
        ("Mereka bekerja sama dalam setahun mendatang.", "setahun mendatang", "DURATION", "P1Y"),
        # regressions: a count owns its unit; scales are not counts; "lalu" stays with its date
        ("Pria 47 tahun itu ditangkap polisi.", "47 tahun", "DURATION", "P47Y"),
        ("Anggaran Rp 5 juta tahun ini disetujui.", "tahun ini", "DATE", "2025"),
        ("Ia datang pada 2 Oktober lalu.", "2 Oktober lalu", "DATE", "2025-10-02"),
        ("Usaha itu lesu sejak tahun 1980-an.", "tahun 1980-an", "DATE", "198"),
        ("Ia tiba Senin dini hari.", "Senin dini hari", "TIME", "2025-10-20TNI"),
        ("Kapal berangkat pada Minggu selepas ashar.", "Minggu selepas ashar", "TIME", "2025-10-19TAF"),
        ("Harga naik sejak akhir Desember.", "akhir Desember", "DATE", "2025-12"),
        ("Kontrak diteken 30 Oktober lalu.", "30 Oktober lalu", "DATE", "2024-10-30"),
        ("Proyek dimulai pada Juni 2026 mendatang.", "Juni 2026 mendatang", "DATE", "2026-06"),
        ("Petugas mengecek tekanan setiap 5 menit.", "setiap 5 menit", "SET", "PT5M"),
        # ranges: the first number takes the unit or month of the second
        ("Antrean hanya 2-3 menit.", "2", "DURATION", "PT2M"),
        ("Antrean hanya 2-3 menit.", "3 menit", "DURATION", "PT3M"),
        ("Pameran digelar 20 - 28 Agustus 2017.", "20", "DATE", "2017-08-20"),
    ],
)
def test_forms(sentence: str, expr: str, ttype: str, value: str) -> None:
    assert _one(sentence, expr) == (ttype, value)


@pytest.mark.parametrize(
    "sentence",
    [
        "Aturan itu tercantum dalam Peraturan Presiden Nomor 54 Tahun 2024 tentang pangan.",
        "Hakim merujuk UU No. 1/2023 tentang KUHP.",
        "Menurut Pasal 31 ayat (3) UUD 1945, negara wajib membiayai pendidikan.",
        "Salah satu pembicara, Wang Mei, memuji acara itu.",
        "Dulu desa ini sepi, sebelumnya hanya ada sawah.",
        "Pemenang lomba diminta maju ke depan panggung.",
        "Kami libur setiap minggu ketika sekolah tutup.",  # a SET, checked below; no DATE 'minggu'
    ],
)
def test_not_times(sentence: str) -> None:
    times = find_times(sentence, DCT)
    assert all(t.type == "SET" for t in times), [(t.text, t.value) for t in times]


def test_minggu_is_week_in_lower_case_and_sunday_capitalised() -> None:
    assert _one("Harga naik minggu lalu.", "minggu lalu") == ("DATE", "2025-W42")
    assert _one("Atlet itu tiba pada Minggu malam.", "Minggu malam") == ("TIME", "2025-10-19TNI")


def test_day_month_without_year_takes_the_nearest_year() -> None:
    # a January article talking about 15 December means the December just past
    assert _one("Remaja itu ditahan sejak 15 Desember.", "15 Desember", "2018-01-18") == ("DATE", "2017-12-15")
    assert _one("Sidang dijadwalkan tanggal 31 Januari.", "31 Januari", "2018-01-18") == ("DATE", "2018-01-31")


def test_weekday_corrects_a_mistyped_year() -> None:
    assert _one("Rapat digelar Senin (20/10/2026).", "Senin (20/10/2026)", "2025-10-20") == ("DATE", "2025-10-20")


def test_weekday_corrects_a_mistyped_month_only_near_the_article() -> None:
    assert _one("Balapan digelar Minggu (7/4).", "Minggu (7/4)", "2017-05-08") == ("DATE", "2017-05-07")
    # 22/11/2016 was a Tuesday: no neighbouring month fits "Rabu", so the date stays as written
    assert _one("Ia bicara Rabu (22/11).", "Rabu (22/11)", "2016-11-23") == ("DATE", "2016-11-22")


def test_clock_time_takes_the_day_last_mentioned() -> None:
    text = "Kapal itu hilang Minggu (12/10/2025). Kontak terakhir terjadi pukul 06.12 WIB."
    assert _one(text, "pukul 06.12 WIB") == ("TIME", "2025-10-12T06:12")


def test_reporting_date_is_not_the_day_of_the_event() -> None:
    text = ("Kapal itu hilang Minggu (12/10/2025). \"Kami terus mencari,\" kata Budi di Jakarta, Selasa (14/10/2025). "
            "Kontak terakhir terjadi pukul 06.12 WIB.")
    assert _one(text, "pukul 06.12 WIB") == ("TIME", "2025-10-12T06:12")
    lead = "\"Kami terus mencari,\" kata Budi di Jakarta, Selasa (14/10/2025). Kapal itu hilang Minggu (12/10/2025)."
    assert pick_event_date(find_times(lead, DCT), dt.date(2025, 10, 22), lead) == "2025-10-12"


def test_unknown_document_date_gives_partial_or_null_values() -> None:
    times = {t.text: t.value for t in find_times("Pada 30 Desember ia datang, kemarin ia pulang.", None)}
    assert times == {"30 Desember": "XXXX-12-30", "kemarin": None}


def test_spans_index_the_text() -> None:
    text = "Pada Senin (20/10/2025) pukul 10.00 WIB, rapat berlangsung 2 jam."
    for t in find_times(text, DCT):
        assert text[t.start:t.end] == t.text


# --- publication and event dates ---

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Pada Jumat (30 Desember), kedua presiden bertemu lewat video.", "2022-12-30"),
        ("Rabu (15/12/2021) lalu, kedua pemimpin berbicara.", "2021-12-15"),
        ("Pameran dibuka 3 Maret 2019 dan ditutup 10 Maret 2019.", "2019-03-10"),
        ("Kedua pemimpin berbicara panjang soal energi.", None),
    ],
)
def test_infer_published(text: str, published: str | None) -> None:
    got = infer_published(text, TODAY)
    assert (got.isoformat() if got else None) == published


def test_a_year_named_in_the_text_picks_among_fitting_years() -> None:
    # 27 March was a Monday in 2017 and in 2023: the text's "tahun 2017" decides
    text = "Rapat anggaran tahun 2017 digelar Senin (27/3) di Jakarta."
    assert infer_published(text, TODAY) == dt.date(2017, 3, 27)
    assert infer_published("Rapat digelar Senin (27/3) di Jakarta.", TODAY) == dt.date(2023, 3, 27)


def test_stage_infers_published_and_marks_it() -> None:
    art = Article(text="Pada Jumat (30 Desember), kedua presiden bertemu. Tahun depan mereka bertemu lagi.")
    out = TimeReader(today="2026-11-22")(art)
    assert (out.published, out.published_source) == ("2022-12-30", "inferred")
    assert {t.text: t.value for t in out.times}["Tahun depan"] == "2023"
    assert out.event_date == "2022-12-30"


def test_stage_reads_the_title_when_the_body_has_no_date() -> None:
    art = Article(text="Warga berkumpul di alun-alun kemarin.", title="Rabu (15/12/2021): warga berkumpul")
    out = TimeReader(today="2026-11-22")(art)
    assert (out.published, out.published_source) == ("2021-12-15", "inferred")
    assert out.times[0].value == "2021-12-14"


def test_stage_keeps_an_input_date() -> None:
    art = Article(text="Gempa terjadi kemarin.", published="2025-10-22T08:00:00+07:00", published_source="input")
    out = TimeReader()(art)
    assert (out.published, out.published_source) == ("2025-10-22T08:00:00+07:00", "input")
    assert out.event_date == "2025-10-21"


def test_event_date_prefers_the_lead() -> None:
    text = ("Jakarta - Polisi menangkap dua tersangka pada Senin (20/10/2025).\n\n" + "Kasus itu panjang. " * 40
            + "Sidang pertama digelar 5 Agustus 2024.")
    times = find_times(text, DCT)
    assert pick_event_date(times, dt.date(2025, 10, 22)) == "2025-10-20"
    assert pick_event_date([], dt.date(2025, 10, 22)) == "2025-10-22"
    # a birth date in the lead is background, not the happening
    old = find_times("Penyanyi yang lahir 29 Mei 1995 itu tampil Sabtu (18/10/2025).", DCT)
    assert pick_event_date(old, dt.date(2025, 10, 22)) == "2025-10-18"
    assert pick_event_date([], None) is None


def test_bad_published_date_rejects_only_that_article() -> None:
    bad = Article(text="Rapat digelar kemarin.", id="bad-1", published="kemarin sore")
    good = Article(text="Rapat digelar kemarin.", id="good-1", published="2025-10-22")
    with pytest.raises(FormatError, match="not an ISO 8601 date"):
        TimeReader()(Article(text="x", published="31/12/2025"))
    out = list(Pipeline(["times"]).pipe([bad, good]))
    assert isinstance(out[0], Reject) and "published date" in out[0].reason and out[0].code == "W103"
    assert isinstance(out[1], Article) and out[1].times[0].value == "2025-10-21"
    assert out[1].annotated_by["times"] == "warta.times.v5"


def test_output_matches_the_contract_schema() -> None:
    import json
    from pathlib import Path

    jsonschema = pytest.importorskip("jsonschema")
    schema_path = Path(__file__).resolve().parents[2] / "shared" / "contract" / "analysis.schema.json"
    if not schema_path.is_file():
        pytest.skip("shared/contract not found beside the checkout")
    art = Article(text="Pada Jumat (30 Desember), 64% warga dan Rp 2,3 triliun dana, setiap tahun, 20 tahun.")
    out = Pipeline(["times", "quantities"])(art)
    assert out.times and out.quantities
    jsonschema.validate(out.to_contract(), json.loads(schema_path.read_text(encoding="utf-8")))
