"""Credits as entities (warta.readers.credits): the writers and the source that ingest moves out
of the text stay in the article's entity list.

Every name, outlet and sentence here was invented for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.article import Article, Entity, Span
from warta.cluster.features import names
from warta.readers.credits import NOT_IN_TEXT, add_credit_entities, credits_of, is_credit_only

TEXT = "Banjir merendam dua desa di tepi Sungai Lamuru sejak Selasa malam, kata warga."


def _by_id(entities: list[Entity]) -> dict[str, Entity]:
    return {e.id: e for e in entities}


def test_authors_become_people_with_a_mention_outside_the_text() -> None:
    art = Article(text=TEXT, authors=["Rina Wulandari", "Agus Pranata"])
    ents = _by_id(add_credit_entities(art, []))
    assert set(ents) == {"PER:rina-wulandari", "PER:agus-pranata"}
    rina = ents["PER:rina-wulandari"]
    assert (rina.name, rina.type, rina.role) == ("Rina Wulandari", "PER", "penulis")
    assert rina.mentions == [Span(NOT_IN_TEXT, NOT_IN_TEXT, "Rina Wulandari")]
    assert is_credit_only(rina)


def test_source_is_split_into_organisations_with_table_ids() -> None:
    art = Article(text=TEXT, source="Reuters, Harian Cahaya Timur dan Situs Kabar Lima")
    ents = add_credit_entities(art, [])
    assert [(e.id, e.type, e.role) for e in ents] == [
        ("ORG:reuters", "ORG", "sumber"),  # from the organisations table: one id in every article
        ("ORG:harian-cahaya-timur", "ORG", "sumber"),
        ("ORG:situs-kabar-lima", "ORG", "sumber"),
    ]
    assert [m.text for e in ents for m in e.mentions] == ["Reuters", "Harian Cahaya Timur", "Situs Kabar Lima"]


def test_a_credit_the_text_names_gets_real_mentions() -> None:
    text = "Tim SAR masih mencari dua nelayan yang hilang di perairan Teluk Sabi. (Warta Pesisir)"
    art = Article(text=text, source="Warta Pesisir")
    (ent,) = add_credit_entities(art, [])
    start = text.index("Warta Pesisir")
    assert ent.mentions == [Span(start, start + len("Warta Pesisir"), "Warta Pesisir")]
    assert not is_credit_only(ent)


def test_a_credit_already_found_in_the_text_is_not_doubled() -> None:
    text = "Wartawan senior Dedi Kurniawan menulis laporan itu dari Palu."
    start = text.index("Dedi Kurniawan")
    found = Entity("PER:dedi-kurniawan", "Dedi Kurniawan", "PER", [Span(start, start + 14, "Dedi Kurniawan")])
    ents = add_credit_entities(Article(text=text, authors=["Dedi Kurniawan"]), [found])
    assert len(ents) == 1 and ents[0].role == "penulis"
    assert ents[0].mentions == found.mentions
    # a role the text gives wins over the credit's
    found.role = "Wartawan senior"
    assert add_credit_entities(Article(text=text, authors=["Dedi Kurniawan"]), [found])[0].role == "Wartawan senior"


def test_a_credit_inside_a_longer_name_stays_outside_the_text() -> None:
    text = "Kantor Berita Sinar Nusa melaporkan gempa itu lebih dulu."
    org = Entity("ORG:kantor-berita-sinar-nusa", "Kantor Berita Sinar Nusa", "ORG",
                 [Span(0, 24, "Kantor Berita Sinar Nusa")])
    ents = add_credit_entities(Article(text=text, source="Sinar Nusa"), [org])
    assert ents[1].mentions == [Span(NOT_IN_TEXT, NOT_IN_TEXT, "Sinar Nusa")]


@pytest.mark.parametrize(
    "author", ["Tim Redaksi", "Admin", "redaksi@kabarlima.id", "KabarLima.com", "kami di lapangan"]
)
def test_desks_outlets_and_prose_are_not_people(author: str) -> None:
    assert credits_of(Article(text=TEXT, authors=[author])) == []


def test_editors_are_not_entities() -> None:
    art = Article(text=TEXT, editors=["Sri Handayani", "sin"])
    assert add_credit_entities(art, []) == []


def test_no_credits_no_new_entities() -> None:
    assert add_credit_entities(Article(text=TEXT), []) == []


def test_clustering_ignores_credits_known_only_from_metadata() -> None:
    river = Entity("LOC:sungai-lamuru", "Sungai Lamuru", "LOC", [Span(33, 46, "Sungai Lamuru")])
    art = Article(text=TEXT, authors=["Rina Wulandari"], source="Warta Pesisir")
    art.entities = add_credit_entities(art, [river])
    assert names(art) == ["loc:sungai-lamuru"]


def test_through_ingest_the_byline_and_source_line_are_entities(tmp_path: Path) -> None:
    from warta.api import analyze

    path = tmp_path / "banjir.txt"
    path.write_text(
        "Banjir di Lamuru\n\noleh Rina Wulandari dan Agus Pranata\n\n"
        "Bupati Lamuru Hendra Saputra meninjau dua desa yang terendam banjir pada Selasa.\n\n"
        "Sumber: Harian Cahaya Timur\n",
        encoding="utf-8",
    )
    (art,) = list(analyze([str(path)], stages=["entities"]))
    assert isinstance(art, Article)
    assert art.authors == ["Rina Wulandari", "Agus Pranata"] and art.source == "Harian Cahaya Timur"
    assert "Rina" not in art.text and "Sumber" not in art.text  # the text stays the article itself
    credits = {e.name: e.role for e in art.entities if e.role in ("penulis", "sumber")}
    assert credits == {"Rina Wulandari": "penulis", "Agus Pranata": "penulis", "Harian Cahaya Timur": "sumber"}
    for ent in art.entities:
        for m in ent.mentions:
            assert m.start == m.end == NOT_IN_TEXT or art.text[m.start:m.end] == m.text


QUOTE = ('Harga cabai di Pasar Lamuru naik dua kali lipat sejak pekan lalu. '
         '"Pasokan dari petani berkurang karena hujan," kata Budi, seorang pedagang.')


def test_a_writer_is_never_the_fuller_form_of_a_quoted_name() -> None:
    from warta.readers.quotes import find_quotes

    writer = Entity("PER:budi-santoso", "Budi Santoso", "PER", [Span(NOT_IN_TEXT, NOT_IN_TEXT, "Budi Santoso")],
                    role="penulis")
    (quote,) = find_quotes(QUOTE, [writer])
    assert quote.speaker is not None and quote.speaker.name == "Budi"


def test_a_writer_known_only_from_bylines_is_no_link_target_across_articles() -> None:
    from warta.config import load_settings
    from warta.store import Store
    from warta.store.entity_links import short_form_links

    with Store.open(":memory:", load_settings()) as store:
        byline = Article(text="Harga cabai naik di Pasar Lamuru.", title="Cabai naik", authors=["Budi Santoso"])
        byline.entities = add_credit_entities(byline, [])
        quoted = Article(text=QUOTE, title="Pedagang cabai")
        start = QUOTE.index("Budi")
        quoted.entities = [Entity("PER:budi", "Budi", "PER", [Span(start, start + 4, "Budi")])]
        for art in (byline, quoted):
            art.annotated_by = {"entities": "t.v1"}
            store.add(art)
        assert "PER:budi" not in short_form_links(store.conn)
        # the same writer named in a story is a full name like any other
        named = Article(text="Wartawan Budi Santoso meliput banjir.", title="Banjir")
        start = named.text.index("Budi Santoso")
        named.entities = [Entity("PER:budi-santoso", "Budi Santoso", "PER", [Span(start, start + 12, "Budi Santoso")])]
        named.annotated_by = {"entities": "t.v1"}
        store.add(named)
        assert short_form_links(store.conn) == {"PER:budi": "PER:budi-santoso"}
