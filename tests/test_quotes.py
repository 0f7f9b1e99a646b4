"""The quotes stage on sentences written for these tests: every form the issue lists.

Each case is (text, expected quotes), where an expected quote is (content, kind, speaker)
and the content is a substring of the text; offsets are checked against the text too.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.article import Article, Entity, Span
from warta.pipeline import Pipeline
from warta.readers.quotes import find_quotes

Expected = list[tuple[str, str, str | None]]

DIRECT: list[tuple[str, str, Expected]] = [
    ("curly", "“Kami siap membantu warga,” kata Budi Santoso.",
     [("Kami siap membantu warga", "direct", "Budi Santoso")]),
    ("straight", '"Harga beras akan turun bulan depan," ujar Menteri Perdagangan Rina Wulandari.',
     [("Harga beras akan turun bulan depan", "direct", "Rina Wulandari")]),
    ("single", "‘Kami tidak akan mundur,’ tegas Ketua Serikat Buruh Joko Prasetyo.",
     [("Kami tidak akan mundur", "direct", "Joko Prasetyo")]),
    ("tokenised IndoSum style", 'Dia datang. "Kami sudah bekerja keras sejak pagi, "ujar Tono Hartono.',
     [("Kami sudah bekerja keras sejak pagi", "direct", "Tono Hartono")]),
    ("unbalanced: opening mark missing",
     'Gubernur Sari Dewi meninjau lokasi banjir.\nKami akan membangun tanggul baru tahun ini," kata Sari.',
     [("Kami akan membangun tanggul baru tahun ini", "direct", "Sari Dewi")]),
    ("unbalanced: closing mark missing",
     'Warga berkumpul di balai desa.\n"Air sudah setinggi lutut sejak subuh, kata Andi Wijaya kepada wartawan.',
     [("Air sudah setinggi lutut sejak subuh", "direct", "Andi Wijaya")]),
    ("multi-sentence", "“Proyek ini penting. Kami akan selesaikan tahun depan,” kata Bupati Hasan Basri.",
     [("Proyek ini penting. Kami akan selesaikan tahun depan", "direct", "Hasan Basri")]),
    ("split by its attribution",
     "“Anggaran sudah cukup,” kata Wali Kota Dian Permata, “tetapi pelaksanaannya harus diawasi.”",
     [("Anggaran sudah cukup", "direct", "Dian Permata"),
      ("tetapi pelaksanaannya harus diawasi.", "direct", "Dian Permata")]),
    ("split, second part after a full stop",
     "“Jalan ini rusak parah,” kata Kepala Desa Wati Lestari. “Kami sudah melapor dua kali.”",
     [("Jalan ini rusak parah", "direct", "Wati Lestari"), ("Kami sudah melapor dua kali.", "direct", "Wati Lestari")]),
    ("quote first, speaker named only in the next paragraph's attribution",
     "“Kami belum menerima surat apa pun.\n“Kami akan menunggu sampai Senin,” kata Camat Bojong Asep Sunandar.",
     [("Kami belum menerima surat apa pun.", "direct", "Asep Sunandar"),
      ("Kami akan menunggu sampai Senin", "direct", "Asep Sunandar")]),
    ("attribution before, with colon",
     "Kepala Dinas Kesehatan Maya Lestari berkata: “Vaksin sudah tersedia di puskesmas.”",
     [("Vaksin sudah tersedia di puskesmas.", "direct", "Maya Lestari")]),
    ("attribution before, with comma", "Menurut Rudi Hartanto, “Pasar harus dibuka kembali minggu ini.”",
     [("Pasar harus dibuka kembali minggu ini.", "direct", "Rudi Hartanto")]),
    ("inverted attribution", "“Kami menolak rencana itu,” Ahmad Fauzi menambahkan.",
     [("Kami menolak rencana itu", "direct", "Ahmad Fauzi")]),
    ("clitic -nya resolves to the earlier speaker",
     "Direktur Utama PT Sinar Jaya Lukas Tan mengatakan penjualan naik.\n“Permintaan ekspor sangat kuat,” ujarnya.",
     [("penjualan naik", "indirect", "Lukas Tan"), ("Permintaan ekspor sangat kuat", "direct", "Lukas Tan")]),
    ("pronoun after the cue", "Nina Kartika hadir.\n“Saya senang sekali bisa datang ke sini,” kata dia.",
     [("Saya senang sekali bisa datang ke sini", "direct", "Nina Kartika")]),
    ("role description, then the name after a comma",
     "“Penonton terus bertambah setiap tahun,” kata pimpinan sanggar tari Melati, Darsono saat ditemui.",
     [("Penonton terus bertambah setiap tahun", "direct", "Darsono")]),
    ("attribution with the cue left out",
     "“Semua kementerian mendapat skor sedang,” Direktur Riset Lembaga Survei Nusantara Hari Prasetyo, dalam rilisnya.",
     [("Semua kementerian mendapat skor sedang", "direct", "Hari Prasetyo")]),
    ("short form to the fullest name",
     "Kapolres Bekasi AKBP Dimas Anggara menyebut pelaku sudah ditangkap.\n“Pelaku kami tahan,” kata Dimas.",
     [("pelaku sudah ditangkap", "indirect", "Dimas Anggara"), ("Pelaku kami tahan", "direct", "Dimas Anggara")]),
]

MULTI_PARAGRAPH: list[tuple[str, str, Expected]] = [
    ("continuation paragraph with no attribution",
     "“Kami sudah menyiapkan dua ribu relawan,” kata Koordinator Posko Banjir Tini Marlina.\n"
     "“Mereka akan bergantian menjaga dapur umum selama sepekan ke depan.”",
     [("Kami sudah menyiapkan dua ribu relawan", "direct", "Tini Marlina"),
      ("Mereka akan bergantian menjaga dapur umum selama sepekan ke depan.", "direct", "Tini Marlina")]),
    ("one quote over two paragraphs (first left open)",
     "Ketua Panitia Bima Sakti berbicara di depan peserta.\n"
     "“Acara ini terbuka untuk semua warga tanpa biaya apa pun.\n"
     "“Pendaftaran ditutup hari Jumat,” katanya.",
     [("Acara ini terbuka untuk semua warga tanpa biaya apa pun.", "direct", "Bima Sakti"),
      ("Pendaftaran ditutup hari Jumat", "direct", "Bima Sakti")]),
]

INDIRECT: list[tuple[str, str, Expected]] = [
    ("mengatakan bahwa", "Menteri Keuangan Sri Hartati mengatakan bahwa defisit anggaran masih terkendali.",
     [("defisit anggaran masih terkendali", "indirect", "Sri Hartati")]),
    ("menegaskan without bahwa", "Kapolda Metro Irjen Budi Gunawan menegaskan pelaku akan dihukum berat.",
     [("pelaku akan dihukum berat", "indirect", "Budi Gunawan")]),
    ("menjelaskan after an opener",
     "Sementara itu, Rektor Universitas Nusantara Ani Suryani menjelaskan kuliah tatap muka dimulai pekan depan.",
     [("kuliah tatap muka dimulai pekan depan", "indirect", "Ani Suryani")]),
    ("menilai", "Pengamat ekonomi Faisal Rahman menilai kenaikan harga cabai hanya sementara.",
     [("kenaikan harga cabai hanya sementara", "indirect", "Faisal Rahman")]),
    ("menyebut", "Wakil Ketua DPR Yusuf Hamdani menyebut rapat akan digelar tertutup.",
     [("rapat akan digelar tertutup", "indirect", "Yusuf Hamdani")]),
    ("mengungkapkan", "Kepala BPBD Rina Safitri mengungkapkan ratusan rumah terendam sejak semalam.",
     [("ratusan rumah terendam sejak semalam", "indirect", "Rina Safitri")]),
    ("Menurut X,", "Menurut Kepala Desa Sukamaju Darto Wiyono, jalan desa rusak sejak tahun lalu.",
     [("jalan desa rusak sejak tahun lalu", "indirect", "Darto Wiyono")]),
    ("Menurutnya,", "Ekonom Lina Marpaung hadir di diskusi itu. Menurutnya, inflasi akan turun pada kuartal depan.",
     [("inflasi akan turun pada kuartal depan", "indirect", "Lina Marpaung")]),
    ("…, menurut X.", "Harga gabah sudah naik dua kali, menurut Ketua Kelompok Tani Suparman.",
     [("Harga gabah sudah naik dua kali", "indirect", "Suparman")]),
    ("ia resolves to the last speaker",
     "Bupati Gresik Fandi Akhmad meresmikan pasar itu. Ia mengatakan pedagang tidak dipungut biaya sewa.",
     [("pedagang tidak dipungut biaya sewa", "indirect", "Fandi Akhmad")]),
    ("coordinated cues share the subject",
     "Kementerian Luar Negeri membantah tuduhan itu dan mengatakan semua prosedur sudah diikuti.",
     [("tuduhan itu", "indirect", "Kementerian Luar Negeri"),
      ("semua prosedur sudah diikuti", "indirect", "Kementerian Luar Negeri")]),
    ("role-only source keeps its description",
     "Seorang juru bicara Kementerian Pertahanan mengatakan latihan militer itu sudah direncanakan lama.",
     [("latihan militer itu sudah direncanakan lama", "indirect", "juru bicara Kementerian Pertahanan")]),
    ("organisation as source", "Bank Indonesia menyatakan cadangan devisa naik pada Oktober.",
     [("cadangan devisa naik pada Oktober", "indirect", "Bank Indonesia")]),
]

MIXED: list[tuple[str, str, Expected]] = [
    ("reported clause holding a quoted fragment",
     "Menteri Agama Nasrul Huda mengatakan kebijakan itu akan “memperkuat kerukunan antarumat beragama”.",
     [("kebijakan itu akan “memperkuat kerukunan antarumat beragama”", "mixed", "Nasrul Huda")]),
    ("scare quote inside a reported clause",
     "Juru bicara partai Dodi Irawan menyebut kritik itu “berlebihan” dan tidak berdasar.",
     [("kritik itu “berlebihan” dan tidak berdasar", "mixed", "Dodi Irawan")]),
]

NOT_QUOTES: list[tuple[str, str]] = [
    ("scare quote", "Polisi menyita ratusan botol miras “oplosan” di gudang itu."),
    ("nickname", "Penyanyi Rhoma “Si Raja Dangdut” Irama tampil di alun-alun kota."),
    ("title of a work", "Film “Laskar Pelangi Kembali” diputar di bioskop mulai Kamis."),
    ("slogan", "Spanduk bertuliskan “Jaga Kebersihan Kota Kita” dipasang di tiap gang."),
    ("single term", 'Jembatan "gantung" itu dibangun sejak zaman Belanda.'),
    ("heading in single quotes", "Warga berjaga di posko.\n‘Harapan baru’\nHujan turun lagi pada malam hari."),
    ("action, not speech", "Presiden Arif Rahman mengunjungi korban banjir di Demak."),
    ("negated cue", "Juru bicara itu tidak menyebutkan jumlah korban secara rinci."),
]


def _check(text: str, expected: Expected) -> None:
    quotes = find_quotes(text)
    got = [(q.text, q.kind, q.speaker.name if q.speaker else None) for q in quotes]
    for q in quotes:
        assert text[q.start:q.end] == q.text, "offsets must index the text exactly"
        if q.cue is not None:
            assert text[q.cue.start:q.cue.end] == q.cue.text
        if q.speaker is not None and q.speaker.start is not None and q.speaker.end is not None:
            assert 0 <= q.speaker.start <= q.speaker.end <= len(text)
    assert got == expected


@pytest.mark.parametrize(
    ("label", "text", "expected"), DIRECT + MULTI_PARAGRAPH, ids=[c[0] for c in DIRECT + MULTI_PARAGRAPH]
)
def test_direct_quote_forms(label: str, text: str, expected: Expected) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("label", "text", "expected"), INDIRECT, ids=[c[0] for c in INDIRECT])
def test_indirect_quote_forms(label: str, text: str, expected: Expected) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("label", "text", "expected"), MIXED, ids=[c[0] for c in MIXED])
def test_mixed_quotes(label: str, text: str, expected: Expected) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("label", "text"), NOT_QUOTES, ids=[c[0] for c in NOT_QUOTES])
def test_not_quotes(label: str, text: str) -> None:
    assert find_quotes(text) == []


def test_cue_inside_a_quote_is_not_a_new_quote() -> None:
    text = "“Kami sudah mengatakan bahwa pintu dialog selalu terbuka,” kata Ketua RW Agus Salim."
    quotes = find_quotes(text)
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in quotes] == [("direct", "Agus Salim")]


def test_role_kept_and_cue_span() -> None:
    text = "Juru bicara Kremlin Dmitri Volkov mengatakan pertemuan itu produktif."
    (q,) = find_quotes(text)
    assert q.speaker is not None and q.speaker.role == "Juru bicara Kremlin"
    assert q.cue is not None and q.cue.text == "mengatakan"
    assert text[q.speaker.start:q.speaker.end] == "Dmitri Volkov"  # type: ignore[index]


def test_a_name_after_a_name_and_comma_is_a_new_subject_not_a_role() -> None:
    # "…, Budi Hartono mengatakan": Budi starts the next clause; he is no role of Sari Dewi
    text = ("Menteri Perdagangan Budi Hartono bertemu dengan Sari Dewi, Budi mengatakan kerja sama "
            "akan diperluas. Sari Dewi menanggapi dengan mengatakan bahwa lembaganya siap.")
    quotes = find_quotes(text)
    assert [(q.speaker.name, q.speaker.role) for q in quotes if q.speaker] == \
        [("Budi Hartono", "Menteri Perdagangan"), ("Sari Dewi", None)]


def test_a_bare_country_before_a_name_is_not_its_role() -> None:
    text = ("Presiden Rusia Vladimir Petrov dan mitranya dari Kanada, Liam Carter, akan bertemu. "
            "Liam Carter bahkan menyebut Petrov sebagai sahabatnya.")
    (q,) = find_quotes(text)
    assert q.speaker is not None and (q.speaker.name, q.speaker.role) == ("Liam Carter", None)


def test_a_role_after_a_name_and_comma_is_still_an_appositive() -> None:
    text = "Sari Dewi, Direktur Utama PT Kereta Cepat, mengatakan jadwal uji coba tidak berubah."
    (q,) = find_quotes(text)
    assert q.speaker is not None and q.speaker.name == "Sari Dewi"
    assert q.speaker.role == "Direktur Utama PT Kereta Cepat"


def test_role_only_source_resolves_to_the_name_given_that_role() -> None:
    text = ("Kapolresta Malang Kota Kombes Rudi Santoso memimpin apel pagi itu.\n"
            "Kapolresta menambahkan, pengamanan dilakukan di tiga titik.")
    (q,) = find_quotes(text)
    assert q.speaker is not None and q.speaker.name == "Rudi Santoso"


def test_backward_reference_attributes_the_previous_quote() -> None:
    text = ("“Semua data sudah kami serahkan ke penyidik.”\n"
            "Hal itu disampaikan Kepala Biro Hukum Sinta Amelia di Jakarta, Senin.")
    (q,) = find_quotes(text)
    assert q.speaker is not None and q.speaker.name == "Sinta Amelia"


def test_opinion_back_reference_names_the_speaker_for_later_pronouns() -> None:
    text = ("Klub itu diyakini lebih mudah merekrut pemain bintang.\n"
            "Pendapat ini dikemukakan oleh mantan penyerang tim nasional, Bambang Pamungkas.\n"
            "“Semua klub sekarang bisa mengeluarkan banyak uang,” ujarnya.")
    (q,) = find_quotes(text)
    assert q.speaker is not None and q.speaker.name == "Bambang Pamungkas"


def test_entities_give_the_speaker_its_entity_id_and_canonical_name() -> None:
    text = "“Kerja sama ini saling menguntungkan,” kata Widodo."
    start = text.index("Widodo")
    ent = Entity(id="PER:joko-widodo", name="Joko Widodo", type="PER",
                 mentions=[Span(start, start + len("Widodo"), "Widodo")])
    (q,) = find_quotes(text, [ent])
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.entity) == ("Joko Widodo", "PER:joko-widodo")


def test_a_government_speaks_as_its_country_and_a_known_body_as_itself() -> None:
    text = ("Pemerintah Ukraina menuduh pasukan asing berkumpul di perbatasan. "
            "Pemerintah Kanada mengatakan pihaknya memantau situasi. "
            "Pemerintah daerah menyatakan sekolah tetap buka.")
    ua = text.index("Ukraina")
    ca = text.index("Pemerintah Kanada")
    ents = [Entity(id="GPE:UA", name="Ukraine", type="GPE", mentions=[Span(ua, ua + 7, "Ukraina")]),
            Entity(id="ORG:pemerintah-kanada", name="Pemerintah Kanada", type="ORG",
                   mentions=[Span(ca, ca + 17, "Pemerintah Kanada")]),
            Entity(id="GPE:CA", name="Canada", type="GPE", mentions=[Span(ca + 11, ca + 17, "Kanada")])]
    quotes = find_quotes(text, ents)
    assert [(q.speaker.name, q.speaker.entity) for q in quotes if q.speaker] == [
        ("Pemerintah Ukraina", "GPE:UA"), ("Pemerintah Kanada", "ORG:pemerintah-kanada"),
        ("Pemerintah daerah", None)]


def test_a_wrongly_typed_entity_does_not_rename_a_person() -> None:
    text = "Juru bicara Kementerian Luar Negeri Andi Wibowo mengatakan visa akan diperpanjang."
    start = text.index("Kementerian")
    end = text.index(" mengatakan")
    ent = Entity(id="ORG:x", name=text[start:end], type="ORG", mentions=[Span(start, end, text[start:end])])
    (q,) = find_quotes(text, [ent])
    assert q.speaker is not None and (q.speaker.name, q.speaker.entity) == ("Andi Wibowo", None)


def test_stage_runs_in_the_pipeline_without_entities() -> None:
    art = Article(text="“Kami siap,” ujar Lurah Siti Aminah.")
    out = Pipeline(["quotes"])(art)
    assert out.annotated_by["quotes"] == "warta.quotes.v4"
    assert [q.speaker.name for q in out.quotes if q.speaker] == ["Siti Aminah"]
    contract = out.to_contract()
    assert contract["quotes"][0]["speaker"]["name"] == "Siti Aminah"


@pytest.mark.parametrize("text", ["", "   \n ", "“", "”,", "\"\"\"", "kata", "Menurut ,", "‘’ ‘ ’ “ ” ' '"])
def test_degenerate_input_gives_no_quotes_and_no_error(text: str) -> None:
    for q in find_quotes(text):
        assert text[q.start:q.end] == q.text


_PIECES = ["“", "”", '"', "‘", "’", "'", ",", ".", "\n", " ", "kata", "ujarnya", "mengatakan", "bahwa", "Menurut",
           "Menurutnya", "Budi", "Santoso", "Ketua", "DPR", "ia", "dia", "itu", "harga", "naik", "tidak", "dan"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join))
def test_any_text_gives_quotes_whose_offsets_index_it(text: str) -> None:
    for q in find_quotes(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.kind in ("direct", "indirect", "mixed")
        if q.cue is not None:
            assert text[q.cue.start:q.cue.end] == q.cue.text


def test_quotes_validate_against_the_contract_schema() -> None:
    import json
    from pathlib import Path

    import jsonschema

    schema_path = Path(__file__).resolve().parents[2] / "shared" / "contract" / "analysis.schema.json"
    if not schema_path.is_file():
        pytest.skip("shared/contract not beside the checkout")
    text = ("Juru bicara Kremlin Dmitri Volkov mengatakan pertemuan itu produktif.\n"
            "“Kami puas,” tambahnya. Menurut dia, “kerja sama akan berlanjut”.")
    art = Pipeline(["quotes"])(Article(text=text))
    assert art.quotes
    jsonschema.validate(art.to_contract(), json.loads(schema_path.read_text(encoding="utf-8")))
