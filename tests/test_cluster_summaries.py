"""Summaries, titles and outlet comparison on articles written for these tests."""

from __future__ import annotations

from collections import Counter

import numpy as np

from warta.article import Article, Quantity
from warta.cluster.outlets import compare_outlets, fightin_words
from warta.cluster.summaries import lexrank, main_names, rank, summarise, title_for

DOC = [
    "Gempa bermagnitudo 6,1 mengguncang Kota Lestari pada Selasa pagi dan merusak ratusan rumah warga.",
    "Badan Geofisika mencatat gempa berpusat di laut dengan kedalaman 10 kilometer di selatan Kota Lestari.",
    "Wali Kota Lestari meminta warga tetap tenang dan menjauhi bangunan yang retak akibat gempa.",
    "Sementara itu, harga cabai di pasar tradisional terpantau stabil sepanjang pekan ini.",
    "Gempa yang mengguncang Kota Lestari pada Selasa pagi itu merusak ratusan rumah warga.",
]


def test_lexrank_is_a_distribution_favouring_central_nodes() -> None:
    sim = np.array([[1.0, 0.5, 0.5], [0.5, 1.0, 0.0], [0.5, 0.0, 1.0]])
    scores = lexrank(sim)
    assert abs(scores.sum() - 1.0) < 1e-6
    assert scores[0] > scores[1] and abs(scores[1] - scores[2]) < 1e-9


def test_rank_prefers_central_lead_sentences_and_skips_repeats() -> None:
    picked = rank([DOC], k=2)
    texts = [s.text for s in picked]
    assert texts[0] == DOC[0]
    assert DOC[4] not in texts  # a near-copy of the first sentence: MMR leaves it out
    assert DOC[3] not in texts  # off-topic


def test_multi_document_summary_draws_on_several_articles_once_per_fact() -> None:
    a = Article(text=" ".join(DOC[:3]), id="a")
    b = Article(text=DOC[4] + " Sebanyak 200 warga mengungsi ke lapangan Kota Lestari setelah gempa.", id="b")
    summary = summarise([a, b], k=3)
    assert len(summary) == 3
    assert not (DOC[0] in summary and DOC[4] in summary)
    assert any("mengungsi" in s for s in summary)


def test_titles_and_names_come_from_the_articles() -> None:
    a = Article(text=" ".join(DOC), id="a", title="Gempa Guncang Kota Lestari, Ratusan Rumah Rusak")
    b = Article(text=DOC[1], id="b", title="Gempa di Kota Lestari Berpusat di Laut")
    assert title_for([a, b]) in {a.title, b.title}
    assert title_for([Article(text=DOC[0], id="c")]).startswith("Gempa bermagnitudo 6,1")
    assert "Lestari" in main_names([a, b])


def test_summaries_of_empty_input_are_empty() -> None:
    assert rank([[]]) == []
    assert summarise([Article(text="Ya.", id="x")]) == []
    assert title_for([]) == ""


def test_fightin_words_finds_each_outlets_wording() -> None:
    one = Counter({"invasi": 6, "rusia": 5, "ukraina": 5})
    two = Counter({"operasi": 6, "militer": 6, "khusus": 6, "rusia": 5, "ukraina": 5})
    prior = one + two
    assert fightin_words(one, two, prior)[0][0] == "invasi"
    assert {t for t, _ in fightin_words(two, one, prior)[:3]} == {"operasi", "militer", "khusus"}


def test_outlet_comparison_names_exclusive_quotes_numbers_and_terms() -> None:
    base = "Pasukan Rusia memasuki wilayah Ukraina timur pada Kamis. Kota Harkiv diserang sejak pagi. "
    a = Article(id="x1", outlet="Kabar Harian", published="2022-02-24T08:00:00+07:00",
                text=base * 2 + "Invasi itu dikecam banyak negara. Invasi besar ini menewaskan 57 orang. "
                "\"Kami akan bertahan sampai akhir,\" kata Wali Kota Harkiv.")
    b = Article(id="y1", outlet="Suara Pagi", published="2022-02-24T10:00:00+07:00",
                text=base * 2 + "Moskow menyebutnya operasi militer khusus. Operasi militer khusus itu "
                "dijelaskan Kremlin kepada wartawan di Moskow.")
    b2 = Article(id="y2", outlet="Suara Pagi", published="2022-02-25T09:00:00+07:00",
                 text="Kremlin menegaskan operasi militer khusus berjalan sesuai rencana di Ukraina.",
                 quantities=[Quantity("3 hari", 10, 16, 3.0, "hari")])
    out = {c.outlet: c for c in compare_outlets([b, a, b2])}
    assert list(out) == ["Kabar Harian", "Suara Pagi"]  # by first coverage
    kabar, suara = out["Kabar Harian"], out["Suara Pagi"]
    assert suara.articles == ["y1", "y2"] and suara.first < suara.last
    assert kabar.quotes == ["Kami akan bertahan sampai akhir,"]
    assert "57 orang" in kabar.numbers and "3 hari" in suara.numbers
    assert "kremlin" in suara.names and "kremlin" not in kabar.names
    assert "invasi" in [t for t, _ in kabar.distinctive_terms]
    assert any("operasi" in t for t, _ in suara.distinctive_terms)


def test_single_outlet_has_no_exclusives() -> None:
    only = compare_outlets([Article(id="z", outlet="Kabar", text="\"Kutipan yang cukup panjang,\" katanya. 5 orang.")])
    assert only[0].quotes == [] and only[0].distinctive_terms == []
