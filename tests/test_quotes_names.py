"""Speaker names: a place or organisation ending the role stays in the role, and short forms
resolve to the right full name. Sentences written for these tests."""

from __future__ import annotations

from warta.article import Entity, Span, Speaker
from warta.readers.quotes import find_quotes
from warta.readers.quoting.places import article_places, leading_place, region_words
from warta.readers.quoting.text import tokens


def _speakers(text: str, entities: list[Entity] | None = None) -> list[Speaker]:
    return [q.speaker for q in find_quotes(text, entities) if q.speaker is not None]


def _mention(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


# --- role split ----------------------------------------------------------------------------

def test_region_table_has_provinces_and_their_abbreviations() -> None:
    words = region_words()
    assert {"kalimantan", "sulawesi", "gorontalo", "kaltim", "sulteng", "jatim", "dki", "jogja"} <= words
    assert "barat" not in words  # a compass word alone is no region


def test_a_regency_the_article_names_as_a_place_ends_the_role() -> None:
    text = ("Banjir merendam tiga desa di Kabupaten Lembata sejak Senin.\n"
            "Kepala BPBD Lembata Sri Wahyuni mengatakan warga sudah dievakuasi.")
    assert article_places(tokens(text)) == {"lembata"}
    (spk,) = _speakers(text)
    assert (spk.name, spk.role) == ("Sri Wahyuni", "Kepala BPBD Lembata")
    assert text[spk.start:spk.end] == "Sri Wahyuni"


def test_without_the_place_elsewhere_the_name_is_kept_whole() -> None:
    # the same run with no sign that "Lembata" is a place: it may be a name, so it stays
    text = "Kepala BPBD Lembata Sri Wahyuni mengatakan warga sudah dievakuasi."
    (spk,) = _speakers(text)
    assert spk.name == "Lembata Sri Wahyuni"


def test_a_place_entity_opening_the_name_span_goes_to_the_role() -> None:
    text = "Kepala BPBD Sikka Maria Goreti mengatakan jalan ke pelabuhan putus."
    ent = Entity(id="LOC:sikka", name="Sikka", type="LOC", mentions=[_mention(text, "Sikka")])
    (spk,) = _speakers(text, [ent])
    assert (spk.name, spk.role) == ("Maria Goreti", "Kepala BPBD Sikka")


def test_a_person_entity_ending_the_span_leaves_the_prefix_to_the_role() -> None:
    text = "Ketua Koperasi Tani Makmur Yosef Dasi mengatakan harga pupuk naik."
    ent = Entity(id="PER:yosef-dasi", name="Yosef Dasi", type="PER", mentions=[_mention(text, "Yosef Dasi")])
    (spk,) = _speakers(text, [ent])
    assert (spk.name, spk.role, spk.entity) == ("Yosef Dasi", "Ketua Koperasi Tani Makmur", "PER:yosef-dasi")


def test_a_one_word_person_mention_does_not_cut_a_full_name() -> None:
    toks = [t for t in tokens("Hendra Wiratama") if t.is_word]
    ent = Entity(id="PER:wiratama", name="Wiratama", type="PER", mentions=[Span(7, 15, "Wiratama")])
    assert leading_place(toks, set(), [ent], after_role=True) == 0


def test_a_place_word_without_a_role_before_it_stays_in_the_name() -> None:
    toks = [t for t in tokens("Jambi Saputra") if t.is_word]
    assert leading_place(toks, set(), [], after_role=False) == 0
    assert leading_place(toks, set(), [], after_role=True) == 1


def test_wali_kota_is_an_office_not_a_place_before_the_name() -> None:
    text = "“Anggaran sudah cukup,” kata Wali Kota Dian Permata."
    assert article_places(tokens(text)) == set()
    (spk,) = _speakers(text)
    assert (spk.name, spk.role) == ("Dian Permata", "Wali Kota")


def test_an_entity_name_that_took_in_the_role_neither_renames_nor_links() -> None:
    text = ("Warga Kabupaten Lembata mulai mengungsi.\n"
            "Kepala BPBD Lembata Sri Wahyuni mengatakan warga sudah dievakuasi.\n"
            "“Dapur umum sudah dibuka,” kata Sri.")
    short = text.index("Sri.")
    ent = Entity(id="PER:lembata-sri-wahyuni", name="Lembata Sri Wahyuni", type="PER",
                 mentions=[_mention(text, "Lembata Sri Wahyuni"), Span(short, short + 3, "Sri")])
    spks = _speakers(text, [ent])
    assert [(s.name, s.role, s.entity) for s in spks] == [("Sri Wahyuni", "Kepala BPBD Lembata", None)] * 2


# --- short forms ---------------------------------------------------------------------------

def test_a_short_form_resolves_to_the_full_name_and_a_short_entity_is_not_linked() -> None:
    text = ("Gubernur Bank Indonesia Pratama Adiwijaya mengatakan inflasi terkendali.\n"
            "Pratama juga mengatakan suku bunga tidak berubah.")
    start = text.index("Pratama juga")
    ent = Entity(id="PER:pratama", name="Pratama", type="PER", mentions=[Span(start, start + 7, "Pratama")])
    for ents in (None, [ent]):
        spks = _speakers(text, ents)
        assert [(s.name, s.entity) for s in spks] == [("Pratama Adiwijaya", None)] * 2


def test_an_ambiguous_short_form_takes_the_most_recent_person() -> None:
    text = ("Gubernur Bank Indonesia Pratama Adiwijaya mengatakan inflasi terkendali.\n"
            "Pratama juga mengatakan suku bunga tidak berubah.\n"
            "Ekonom Yoga Pratama menilai keputusan itu tepat.\n"
            "“Pasar sudah menduganya,” kata Pratama.")
    names = [s.name for s in _speakers(text)]
    assert names == ["Pratama Adiwijaya", "Pratama Adiwijaya", "Yoga Pratama", "Yoga Pratama"]


def test_two_officials_joined_by_dan_are_both_known_names() -> None:
    text = ("Menteri Luar Negeri RI Ratna Wulandari dan Menteri Luar Negeri Malaysia Aziz Rahman "
            "bertemu di Kuala Lumpur.\n"
            "Kunjungan Ratna ke Malaysia berlangsung dua hari.\n"
            "“Kami sepakat mempercepat perundingan batas laut,” kata Ratna.")
    assert [s.name for s in _speakers(text)] == ["Ratna Wulandari"]


def test_a_role_never_runs_over_a_paragraph_break() -> None:
    text = ("Baca juga: Petani Kopi Menanti Hujan Pertama\n\n"
            "Kepala Dinas Pertanian Yudha Prakoso mengatakan benih sudah dibagikan. "
            "Menurut Yudha, panen diperkirakan mundur sebulan.")
    spks = _speakers(text)
    assert spks and all((s.name, s.role) == ("Yudha Prakoso", "Kepala Dinas Pertanian") for s in spks)


def test_a_first_name_tagged_as_a_place_stays_in_the_name() -> None:
    text = ("“Permohonan ditolak,” ucap Hakim Konstitusi Wahyu Pranoto.\n"
            "Wahyu menjelaskan, saksi tidak melihat langsung pemberian uang.")
    start = text.index("Wahyu")
    ents = [Entity(id="LOC:wahyu", name="Wahyu", type="LOC", mentions=[Span(start, start + 5, "Wahyu")])]
    spks = _speakers(text, ents)
    assert [(s.name, s.role) for s in spks] == [("Wahyu Pranoto", "Hakim Konstitusi")] * 2
