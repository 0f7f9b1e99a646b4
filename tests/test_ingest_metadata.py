"""Indonesian conventions read from bodies: bylines, credits, sources, initials, datelines, furniture.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.errors import EmptyInputError, TooLargeError
from warta.ingest.metadata import clean_body, is_furniture, make_article, parse_names, read_dateline

BODY = (
    "Pemerintah kota meresmikan taman baru di tepi sungai pada Senin pagi.\n\n"
    "Wali kota mengatakan taman itu terbuka untuk umum setiap hari."
)


# --- bylines and credits ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("oleh Li Mei dan Chen Qian", ["Li Mei", "Chen Qian"]),
        ("Oleh: Budi Santoso", ["Budi Santoso"]),
        ("OLEH Rina Wati, Agus Salim dan Dewi Lestari", ["Rina Wati", "Agus Salim", "Dewi Lestari"]),
        ("Penulis: Siti Aminah", ["Siti Aminah"]),
        ("Reporter : Ahmad bin Yusuf", ["Ahmad bin Yusuf"]),
        ("Laporan wartawan Kabarkota.com, Yohanes Sitompul", ["Yohanes Sitompul"]),
        ("By Jane Doe & John Roe", ["Jane Doe", "John Roe"]),
    ],
)
def test_leading_byline_becomes_authors_and_leaves_the_text(line: str, authors: list[str]) -> None:
    meta = clean_body(f"{line}\n\n{BODY}")
    assert meta.authors == authors
    assert meta.text == BODY


def test_laporan_wartawan_names_the_outlet() -> None:
    meta = clean_body(f"Laporan wartawan Kabarkota.com, Yohanes Sitompul\n\n{BODY}")
    assert meta.outlet == "Kabarkota.com"


@pytest.mark.parametrize(
    "sentence",
    [
        "Oleh karena itu, pemerintah menunda rencana pembangunan jembatan.",
        "Oleh Presiden, rencana itu disetujui dalam rapat kabinet kemarin.",
        "oleh-oleh khas daerah itu laris manis menjelang Lebaran",
        "Reporter: kami belum menerima jawaban dari pihak kementerian hingga berita ini diturunkan.",
    ],
)
def test_sentences_that_start_like_bylines_are_kept(sentence: str) -> None:
    meta = clean_body(f"{sentence}\n{BODY}")
    assert meta.authors == []
    assert meta.text.startswith(sentence)


def test_editor_lines_at_start_and_end() -> None:
    meta = clean_body(f"Editor: Rudi Hartono\n{BODY}\nPenulis: Maya Sari\nEditor: Tono Wijaya")
    assert meta.editors == ["Rudi Hartono", "Tono Wijaya"]
    assert meta.authors == ["Maya Sari"]
    assert meta.text == BODY


def test_parse_names_rejects_prose() -> None:
    assert parse_names("Li Mei dan Chen Qian") == ["Li Mei", "Chen Qian"]
    assert parse_names("karena hujan deras") is None
    assert parse_names("Budi yang datang terlambat") is None


# --- source lines and editor initials -----------------------------------------------------
@pytest.mark.parametrize(
    ("tail", "source"),
    [
        ("Sumber: Al-Jazeera", "Al-Jazeera"),
        ("Sumber : Reuters, AFP", "Reuters, AFP"),
        ("(Sumber: Kantor Berita Negara)", "Kantor Berita Negara"),
    ],
)
def test_source_line_at_the_end(tail: str, source: str) -> None:
    meta = clean_body(f"{BODY}\n{tail}")
    assert meta.source == source
    assert "Sumber" not in meta.text
    assert meta.text == BODY


def test_source_word_inside_a_sentence_is_not_a_source_line() -> None:
    text = f"{BODY}\nSumber: menurut warga, air sungai naik sejak pukul tiga sore dan terus bertambah tinggi."
    meta = clean_body(text)
    assert meta.source is None
    assert meta.text.endswith("bertambah tinggi.")


@pytest.mark.parametrize(
    ("ending", "editors"),
    [
        (" (sin)", ["sin"]),
        (" (ant/rdk)", ["ant", "rdk"]),
        (" (rdk/ant)", ["rdk", "ant"]),
        (" (has / has)", ["has"]),
        ("\n(ama)", ["ama"]),
    ],
)
def test_editor_initials_at_the_end(ending: str, editors: list[str]) -> None:
    meta = clean_body(BODY + ending)
    assert meta.editors == editors
    assert meta.text == BODY
    assert "(" not in meta.text


def test_parenthesis_inside_text_is_not_initials() -> None:
    text = "Gubernur meninjau lokasi banjir (foto terlampir) bersama warga.\nIa berjanji membantu (sic)"
    meta = clean_body(text)
    assert meta.editors == []  # "(sic)" does not follow a sentence end
    assert meta.text == text


# --- datelines ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("opening", "city", "outlet"),
    [
        ("JAKARTA, KOMPAS.com - Pemerintah", "JAKARTA", "KOMPAS.com"),
        ("Jakarta, CNN Indonesia -- Pemerintah", "Jakarta", "CNN Indonesia"),
        ("Jakarta, CNN Indonesia-- Pemerintah", "Jakarta", "CNN Indonesia"),
        ("MEDAN - Pemerintah", "MEDAN", None),
        ("Jakarta (ANTARA) - Pemerintah", "Jakarta", "ANTARA"),
        ("Kota Baru, Beritaku.id – Pemerintah", "Kota Baru", "Beritaku.id"),
        ("Suara.com - Pemerintah", None, "Suara.com"),
        ("Suara.com-Pemerintah", None, "Suara.com"),
        ("Jakarta, Indonesia - Pemerintah", "Jakarta", None),
        ("REPUBLIKA.CO.ID, JAKARTA -- Pemerintah", "JAKARTA", "REPUBLIKA.CO.ID"),
        ("TEMPO.CO, Jakarta - Pemerintah", "Jakarta", "TEMPO.CO"),
    ],
)
def test_datelines(opening: str, city: str | None, outlet: str | None) -> None:
    assert read_dateline(opening) == (city, outlet)
    meta = clean_body(opening + " kota meresmikan taman baru.")
    assert (meta.dateline, meta.outlet) == (city, outlet)
    assert meta.text.startswith(opening)  # the dateline stays in the first sentence


@pytest.mark.parametrize(
    ("opening", "city", "outlet", "date"),
    [
        ("SEMARANG, 3 Januari 2024 - Warga", "SEMARANG", None, "2024-01-03"),
        ("Medan, Rabu (15/12/2021) - Warga", "Medan", None, "2021-12-15"),
        ("Bandung, 15/12/2021 (ANTARA) - Warga", "Bandung", "ANTARA", "2021-12-15"),
    ],
)
def test_dated_dateline_gives_published_from_text(opening: str, city: str, outlet: str | None, date: str) -> None:
    art = make_article(opening + " kota merayakan tahun baru.", "x.txt", 1000)
    assert (art.dateline, art.outlet, art.published, art.published_source) == (city, outlet, date, "text")
    given = make_article(opening + " kota.", "x.txt", 1000, published="2024-02-01", published_source="input")
    assert (given.published, given.published_source) == ("2024-02-01", "input")


def test_impossible_date_in_dateline_is_ignored() -> None:
    art = make_article("Jakarta, 31/02/2021 - Warga kota merayakan tahun baru.", "x.txt", 1000)
    assert art.published is None


@pytest.mark.parametrize(
    "opening",
    [
        "Pemerintah kota meresmikan taman baru.",
        "Hubungan Rusia-Tiongkok makin erat.",
        "Kementerian Luar Negeri Republik Indonesia - yang dipimpin menteri baru - menyatakan sikap.",
        "Rabu (15/12/2021) - hari yang panjang bagi warga.",
    ],
)
def test_no_dateline(opening: str) -> None:
    assert read_dateline(opening) == (None, None)


# --- furniture ----------------------------------------------------------------------------
FURNITURE = [
    "SCROLL TO CONTINUE WITH CONTENT",
    "ADVERTISEMENT",
    "Advertisement",
    "Baca juga: Harga Cabai Naik Menjelang Hari Raya",
    "BACA JUGA: Tiga Tips Menabung untuk Pelajar",
    "Baca: Sejarah Taman Kota",
    "Simak Video 'Taman Baru di Tepi Sungai':",
    "Simak juga Video: Wali Kota Resmikan Taman",
    "Simak juga Video Wali Kota Tinjau Taman Baru",
    'Tonton juga video "Banjir di Kota Lama" di sini:',
    "Lihat juga: Foto-foto Taman Baru",
    "Lihat juga Video: Jalan Rusak di Pinggir Kota",
    "Saksikan Live DetikPagi:",
    "[Gambas:Video 20detik]",
    "(Foto: dok. Humas Pemkot)",
    "Ikuti berita terkini kami di Google News",
    "SIMAK JUGA : Klasemen Liga Terbaru",
    'Tonton juga "Wali Kota Resmikan Taman" di sini:',
    "Foto : Arsip Redaksi",
    "Baca selengkapnya di halaman berikutnya....",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_removed(line: str) -> None:
    assert is_furniture(line)
    meta = clean_body(f"Paragraf pertama berita ini.\n{line}\nParagraf kedua berita ini.")
    assert meta.text == "Paragraf pertama berita ini.\nParagraf kedua berita ini."
    assert line in meta.removed


@pytest.mark.parametrize(
    "line",
    [
        "Warga diminta membaca juga aturan baru sebelum mendaftar.",
        "Baca juga aturan lengkapnya di laman resmi pemerintah kota, kata dia.",
        "Simak video berikut untuk melihat suasana peresmian.",
        "Lihat juga bagaimana warga memanfaatkan taman itu setiap sore.",
        "Iklan rokok dilarang di sekitar sekolah, ADVERTISEMENT semacam itu akan ditertibkan.",
        "Scroll to continue with content adalah tulisan yang muncul di banyak situs berita, kata peneliti itu.",
    ],
)
def test_sentences_mentioning_furniture_words_are_kept(line: str) -> None:
    assert not is_furniture(line)
    assert clean_body(f"Paragraf pertama.\n{line}").text.endswith(line)


# --- properties ---------------------------------------------------------------------------
# Vocabulary with the trap words that furniture and credit patterns look for.
_WORDS = [
    "baca", "juga", "simak", "video", "tonton", "lihat", "oleh", "sumber", "editor", "penulis",
    "advertisement", "scroll", "iklan", "kota", "warga", "pemerintah", "mengatakan", "taman",
    "sungai", "presiden", "dan", "di", "ke", "yang", "itu", "ini", "tahun", "rapat", "jakarta",
]
_sentence = st.builds(
    lambda words: " ".join([words[0].capitalize(), *words[1:]]) + ".",
    st.lists(st.sampled_from(_WORDS), min_size=4, max_size=14),
)


@settings(max_examples=150, deadline=None)
@given(
    sentences=st.lists(_sentence, min_size=1, max_size=8),
    furniture=st.lists(st.sampled_from(FURNITURE), max_size=4),
    positions=st.lists(st.integers(min_value=0, max_value=8), max_size=4),
)
def test_cleaning_keeps_every_sentence_and_drops_only_furniture(
    sentences: list[str], furniture: list[str], positions: list[int]
) -> None:
    lines = list(sentences)
    for line, pos in zip(furniture, positions, strict=False):
        lines.insert(min(pos, len(lines)), line)
    meta = clean_body("\n".join(lines))
    assert [ln for ln in meta.text.split("\n") if ln.strip()] == sentences


@settings(max_examples=150, deadline=None)
@given(
    sentences=st.lists(_sentence, min_size=1, max_size=6),
    lead=st.sampled_from(["", "oleh Budi Santoso\n\n", "Penulis: Rina Wati\n"]),
    tail=st.sampled_from(["", " (sin)", "\nSumber: Antara", "\nSCROLL TO CONTINUE WITH CONTENT", " (ant/rdk)"]),
)
def test_cleaning_is_idempotent(sentences: list[str], lead: str, tail: str) -> None:
    once = clean_body(lead + "\n\n".join(sentences) + tail)
    twice = clean_body(once.text)
    assert twice.text == once.text
    assert twice.removed == []


# --- make_article ---------------------------------------------------------------------------
def test_make_article_limits_and_empty_bodies() -> None:
    with pytest.raises(TooLargeError, match="max_article_chars"):
        make_article("a" * 101, "x.txt", max_chars=100)
    with pytest.raises(EmptyInputError, match="furniture"):
        make_article("SCROLL TO CONTINUE WITH CONTENT\nADVERTISEMENT\n", "x.txt", max_chars=1000)


def test_make_article_repairs_mojibake_and_input_fields_win() -> None:
    art = make_article("oleh Budi Santoso\n\nRapat digelar di CafÃ© Kota.", "x", 1000, authors=["Ani"], title="Judul")
    assert art.text == "Rapat digelar di Café Kota."
    assert art.authors == ["Ani"]  # given by the input: kept over the byline
    assert "ingest_notes" in art.extra


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (BODY + " (Reuters)", "Reuters"),
        (BODY + " (Antara / AFP)", "Antara / AFP"),
        (BODY + " (Dok. Humas)", None),  # a photo credit
        (BODY[:-1] + " (Jokowi)", None),  # not after a sentence end: part of the sentence
    ],
)
def test_trailing_outlet_credit_is_read_but_kept(text: str, source: str | None) -> None:
    meta = clean_body(text)
    assert meta.source == source
    assert meta.text == text  # an organisation's name stays visible to the entity reader


def test_labelled_credit_after_the_first_paragraph() -> None:
    meta = clean_body(f"Paragraf pembuka berita.\n\nPenulis : Dwi Santoso\n\n{BODY}")
    assert meta.authors == ["Dwi Santoso"]
    assert meta.text == f"Paragraf pembuka berita.\n\n{BODY}"


@pytest.mark.parametrize("ending", [" (end)", " ( end )", "\n(*)"])
def test_wire_end_marks_are_removed_without_naming_an_editor(ending: str) -> None:
    meta = clean_body(BODY + ending)
    assert meta.text == BODY and meta.editors == []


def test_tokenised_source_line() -> None:
    meta = clean_body(f"{BODY}\n\nSumber : Kantor Berita .")
    assert meta.source == "Kantor Berita" and meta.text == BODY


@pytest.mark.parametrize(
    ("opening", "city", "outlet"),
    [
        ("Kabarkota - Pemerintah", "Kabarkota", None),
        ("Rimanews - Pemerintah", None, "Rimanews"),
        ("Paris Saint - Germain menang.", None, None),  # a tokenised hyphenated name, not a dateline
        ("LOS ANGELES - Pemerintah", "LOS ANGELES", None),
        ("JUARA.NET , TOKYO - Pasangan", "TOKYO", "JUARA.NET"),
    ],
)
def test_city_only_datelines(opening: str, city: str | None, outlet: str | None) -> None:
    assert read_dateline(opening) == (city, outlet)


_FRAGMENTS = [
    *"abc ABC.:()-/\n\"'", "Baca juga", "oleh ", "Sumber", "(sin)", "SCROLL TO CONTINUE WITH CONTENT", "Jakarta",
    " - ", "dan ", "(end)", "Penulis: ", "Budi ", "(Reuters)", "Simak video", "(ant/rdk)",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=60).map("".join))
def test_cleaning_arbitrary_text_is_idempotent(text: str) -> None:
    once = clean_body(text)
    assert clean_body(once.text).text == once.text


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Senin, 13 Januari 2025 - 13:05", "2025-01-13T13:05:00"),
        ("Selasa, 14 Januari 2025 07:55 WIB", "2025-01-14T07:55:00+07:00"),
        ("13/01/2025 08:15 WITA", "2025-01-13T08:15:00+08:00"),
        ("Diterbitkan 18 Oktober 2024, 07:00 WIT", "2024-10-18T07:00:00+09:00"),
        ("Kamis, 6 Feb 2025", "2025-02-06"),
    ],
)
def test_publication_time_line_under_the_title(line: str, iso: str) -> None:
    art = make_article(f"oleh Budi Santoso\n\n{line}\n\nSAMARINDA, KABARUJI.id - Warga mengungsi.", "x.txt", 1000)
    assert (art.published, art.published_source) == (iso, "text")
    assert art.text == "SAMARINDA, KABARUJI.id - Warga mengungsi."
    assert (art.dateline, art.outlet, art.authors) == ("SAMARINDA", "KABARUJI.id", ["Budi Santoso"])


def test_a_sentence_starting_with_a_date_is_not_a_time_line() -> None:
    text = "Senin, 13 Januari 2025 menjadi hari yang panjang bagi warga."
    art = make_article(text, "x.txt", 1000)
    assert art.text == text and art.published is None


def test_multi_word_outlet_in_dateline() -> None:
    assert read_dateline("Samarinda, Kabar Uji -- Warga") == ("Samarinda", "Kabar Uji")
    assert read_dateline("Kuala Lumpur, Malaysia - Warga") == ("Kuala Lumpur", None)


def test_outlet_blurb_at_the_end_is_removed() -> None:
    blurb = "KabarUji.id adalah portal berita teknologi . Kamu bisa menjadi anggota komunitas kami secara gratis ."
    meta = clean_body(f"{BODY}\n\nSumber : Kantor Berita .\n\n{blurb}")
    assert meta.text == BODY and meta.source == "Kantor Berita"
    assert clean_body(f"{blurb}\n\n{BODY}").text.startswith(blurb)  # only as the closing paragraph


@pytest.mark.parametrize("ending", [" (hyg / end)", "\n(hyg/end)"])
def test_end_mark_inside_initials_is_not_an_editor(ending: str) -> None:
    meta = clean_body(BODY + ending)
    assert meta.text == BODY and meta.editors == ["hyg"]


# --- furniture versus content (issue #3: names lost through ingest) -------------------------
def test_a_video_plug_naming_other_people_goes_but_every_story_line_stays() -> None:
    # the plug links another report (its names are not this article's); the story's own lines,
    # one of them about a video, all stay for the readers
    story = (
        "Bupati Lamuru Hendra Saputra meninjau tanggul yang jebol, Selasa.\n"
        'Video amatir warga memperlihatkan air setinggi dada. "Kami mengungsi sejak subuh," kata Sari Lestiani.\n'
        "Simak video berikut untuk melihat suasana pengungsian."
    )
    plug = 'Tonton juga video "Gubernur Rudi Hartawan Resmikan Pasar Apung" di sini:'
    meta = clean_body(f"{story}\n\n{plug}")
    assert meta.text == story
    assert meta.removed == [plug]


@pytest.mark.parametrize(
    "line",
    ["Lihat juga Video Warga Lamuru Mengungsi, Sampai Kapan?", "Simak juga Video Pasar Apung Sungai Lamuru Dibuka!"],
)
def test_a_video_plug_whose_title_is_a_question_or_exclamation_is_furniture(line: str) -> None:
    assert is_furniture(line)
    assert not is_furniture("Simak video berikut untuk melihat suasana peresmian.")
