"""Streaming event/story clustering on small article sets written for these tests."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from warta.article import Article
from warta.cluster import StreamClusterer, cluster_articles, stream_order
from warta.cluster.features import Featurizer, SparseVec, centroid, names, strip_dateline, tokens
from warta.cluster.stream import WindowIndex


def art(id: str, published: str | None, text: str, outlet: str = "kabar", title: str | None = None) -> Article:
    return Article(text=text, id=id, published=published, outlet=outlet, title=title)


FLOOD = [
    art("banjir-1", "2024-02-10T08:00:00+07:00", outlet="kabar harian",
        text="Banjir bandang melanda Kabupaten Sukamaju pada Sabtu pagi setelah Sungai Cikaret meluap. "
             "Bupati Sukamaju Rahmat Hidayat mengatakan 300 rumah terendam dan 1.200 warga mengungsi ke "
             "balai desa. Badan Penanggulangan Bencana Daerah Sukamaju mengerahkan perahu karet untuk "
             "mengevakuasi warga yang terjebak banjir bandang di Desa Cikaret."),
    art("banjir-2", "2024-02-10T11:30:00+07:00", outlet="warta kota",
        text="Sebanyak 1.200 warga Desa Cikaret mengungsi akibat banjir bandang yang menerjang Kabupaten "
             "Sukamaju. Sungai Cikaret meluap setelah hujan deras semalaman, kata Bupati Rahmat Hidayat. "
             "BPBD Sukamaju mengerahkan perahu karet dan dapur umum bagi pengungsi banjir bandang."),
    art("banjir-3", "2024-02-11T09:00:00+07:00", outlet="suara pagi",
        text="Bupati Sukamaju Rahmat Hidayat meninjau pengungsi banjir bandang di balai Desa Cikaret. "
             "Banjir bandang akibat luapan Sungai Cikaret merendam 300 rumah warga Kabupaten Sukamaju. "
             "Ia meminta BPBD Sukamaju menambah perahu karet dan dapur umum untuk warga yang mengungsi."),
]
MATCH = art("bola-1", "2024-02-10T22:00:00+07:00", outlet="kabar harian",
            text="Persikota Raya menang 3-1 atas Garuda Selatan di Stadion Manggala dalam lanjutan Liga Nusantara. "
                 "Pelatih Persikota Raya, Bambang Sutejo, memuji penyerang Yusuf Arema yang mencetak dua gol. "
                 "Kemenangan itu membawa Persikota Raya ke puncak klasemen Liga Nusantara.")
PHONE = art("ponsel-1", "2024-02-11T10:00:00+07:00", outlet="warta kota",
            text="Produsen ponsel Telefonika meluncurkan seri Nebula X dengan baterai 6.000 mAh dan kamera 200 "
                 "megapiksel di Jakarta. Direktur Telefonika Indonesia, Clara Wibisono, menyebut Nebula X dijual "
                 "mulai Rp4 juta. Ponsel Nebula X hadir dalam tiga pilihan warna.")

# Two summit calls of the same two leaders a year apart: one story, two events.
SUMMIT_2021 = art("ktt-2021", "2021-12-15T18:00:00+07:00", outlet="kabar harian",
                  text="Presiden Rusia Vladimir Putin dan Presiden China Xi Jinping menggelar panggilan video pada "
                       "Rabu untuk membahas hubungan Rusia dan China. Kremlin menyebut Putin dan Xi Jinping membahas "
                       "kerja sama energi, perdagangan, dan ketegangan dengan NATO. Xi Jinping menyebut Putin "
                       "sahabat lama dan berjanji memperdalam kemitraan strategis Rusia dan China.")
SUMMIT_2022 = art("ktt-2022", "2022-12-30T19:00:00+07:00", outlet="suara pagi",
                  text="Vladimir Putin kembali menggelar panggilan video dengan Xi Jinping pada Jumat. Putin "
                       "mengatakan kerja sama militer Rusia dan China menempati posisi khusus, sementara Xi Jinping "
                       "menyatakan China siap memperkuat kemitraan strategis dengan Rusia. Putin juga mengundang "
                       "Xi Jinping berkunjung ke Rusia dan membahas ekspor energi Rusia ke China.")


def _by_id(articles: list[Article]) -> dict[str, tuple[str, str]]:
    return {a.article_id: (a.event, a.story) for a in cluster_articles(articles)}


def test_same_event_articles_share_an_event() -> None:
    out = _by_id([*FLOOD, MATCH, PHONE])
    assert out["banjir-1"][0] == out["banjir-2"][0] == out["banjir-3"][0]


def test_different_events_stay_apart() -> None:
    out = _by_id([*FLOOD, MATCH, PHONE])
    events = {out["banjir-1"][0], out["bola-1"][0], out["ponsel-1"][0]}
    assert len(events) == 3
    assert out["bola-1"][1] != out["banjir-1"][1]


def test_story_links_events_a_year_apart() -> None:
    out = _by_id([SUMMIT_2021, *FLOOD, MATCH, PHONE, SUMMIT_2022])
    assert out["ktt-2021"][0] != out["ktt-2022"][0]
    assert out["ktt-2021"][1] == out["ktt-2022"][1]
    assert out["ktt-2021"][1] != out["banjir-1"][1]


def test_every_article_gets_one_assignment_in_publication_order() -> None:
    shuffled = [PHONE, FLOOD[2], MATCH, FLOOD[0], FLOOD[1]]
    order = [a.id for a in stream_order(shuffled)]
    assert order == ["banjir-1", "banjir-2", "bola-1", "banjir-3", "ponsel-1"]
    assert [a.article_id for a in cluster_articles(shuffled)] == order


def test_undated_articles_go_last_and_are_still_clustered() -> None:
    undated = art("banjir-x", None, FLOOD[1].text.replace("Sebanyak", "Kini"))
    assignments = cluster_articles([undated, *FLOOD])
    assert assignments[-1].article_id == "banjir-x"
    assert assignments[-1].event == assignments[0].event


def test_state_is_bounded_by_the_windows() -> None:
    clusterer = StreamClusterer(event_window=2.0, story_window=30.0)
    start = date(2024, 1, 1)
    for day in range(120):
        clusterer.add(art(f"a{day}", (start + timedelta(days=day)).isoformat(),
                          f"Laporan harian nomor {day} tentang cuaca Kota Lestari dan Pelabuhan Sentosa {day}."))
    assert len(clusterer.articles) <= 4
    assert len(clusterer.events) <= 40


def test_window_index_forgets_old_postings_and_caps_length() -> None:
    times = {"old": 0.0, "mid": 5.0, "new": 6.0, "newest": 6.6}
    index = WindowIndex(window=3.0, time_of=times.get, max_postings=2)
    index.add("old", [1, 2])
    index.add("mid", [1])
    index.add("new", [1, 2])
    assert index.query([1, 2], now=6.5, limit=10)[0] == "new"
    assert "old" not in index.query([1, 2], now=6.5, limit=10)
    index.add("newest", [1])
    assert set(index.query([1], now=6.7, limit=10)) == {"new", "newest"}
    del times["new"]  # forgotten by the clusterer: dropped from the postings
    assert index.query([2], now=6.7, limit=10) == []
    index.add("late", [3])
    times["late"] = 7.0
    index.sweep(now=20.0)  # terms whose newest key expired go, queried or not
    assert index.postings == {}


def test_features_normalise_indonesian_text() -> None:
    assert strip_dateline("Jakarta, Kabar Harian -- Banjir melanda.") == "Banjir melanda."
    toks = tokens("Pelatihnya mengatakan bahwa tim akan menang 3 kali")
    assert "pelatih" in toks and "bahwa" not in toks and "3" not in toks
    found = names(art("n", None, "Kemarin Bupati Rahmat Hidayat datang. Dia bertemu Clara di Sukamaju."))
    assert {"rahmat", "hidayat", "clara", "sukamaju"} <= set(found)
    assert "kemarin" not in found and "dia" not in found


def test_vectors_are_unit_length_and_idf_grows_with_the_stream() -> None:
    feat = Featurizer(background=False)
    a = feat(FLOOD[0])
    b = feat(FLOOD[1])
    c = feat(PHONE)
    assert abs(a.text.dot(a.text) - 1.0) < 1e-5
    assert a.text.dot(b.text) > 0.2 > a.text.dot(c.text)
    assert feat.terms.n_docs == 3
    mid = centroid([a.text, b.text])
    assert mid.dot(a.text) > a.text.dot(b.text)
    assert SparseVec.empty().dot(a.text) == 0.0


def test_background_table_warm_starts_the_idf() -> None:
    from warta.cluster.background import load_background

    prior = load_background()
    assert prior is not None, "warta/data/cluster_df.npz is missing: run `warta train cluster-df`"
    warm = Featurizer()
    warm(FLOOD[0])
    assert warm.terms.n_docs == prior[1] + 1 > 1000
    # a common word ("warga") weighs less than a rare name ("cikaret") once the prior is in
    common, rare = (warm.terms._hv.transform([[w]]).indices[0] for w in ("warga", "cikaret"))
    idf = warm.terms.idf(np.array([common, rare]))
    assert idf[0] < idf[1]


def test_numbers_keep_quantities_and_scores_but_not_years_dates_or_digits() -> None:
    from warta.cluster.features import mentioned_numbers

    found = mentioned_numbers("Sebanyak 22 orang tewas, Rabu (3/5/2024). Kerugian Rp4,9 miliar pada 2024; "
                              "skor 1-1, inflasi 3,5 persen, 7 rumah rusak, 1.200 warga mengungsi.")
    assert found == {"22", "49", "1-1", "35", "1200"}
    a, b = (Featurizer(background=False)(x) for x in FLOOD[:2])
    assert "1200" in a.numbers & b.numbers  # both reports give the same toll


def test_event_pair_features_count_shared_numbers() -> None:
    from warta.cluster.model import EVENT_FEATURES, EVENT_MODEL, event_pair_features

    feat = Featurizer(background=False)
    a, b, c = feat(FLOOD[0]), feat(FLOOD[1]), feat(PHONE)
    same = event_pair_features(b, a, a.text, a.time)
    other = event_pair_features(c, a, a.text, a.time)
    k = EVENT_FEATURES.index("log_shared_numbers")
    assert len(same) == len(EVENT_FEATURES) == len(EVENT_MODEL.weights)
    assert same[k] > 0.0 == other[k]
    assert EVENT_MODEL.prob(same) > EVENT_MODEL.prob(other)


def test_first_date_is_the_date_the_lead_gives() -> None:
    from warta.cluster.features import first_date

    text = ("Persikota Raya menjamu Garuda Selatan, Sabtu (22/7). Pada pertemuan terakhir, 3 Mei lalu, "
            "Persikota kalah. Laga berikutnya digelar Rabu (26/7).")
    assert first_date(text) == "22/7"
    assert first_date("Pertandingan digelar 5 Agustus di Stadion Manggala, bukan (9/8).") == "5/8"
    assert first_date("Tidak ada tanggal di kalimat ini.") is None


def test_event_pair_features_compare_lead_dates() -> None:
    from warta.cluster.model import EVENT_FEATURES, event_pair_features

    feat = Featurizer(background=False)
    preview = feat(art("pra", "2024-07-20", "Persikota Raya menjamu Garuda Selatan, Sabtu (22/7), di Manggala."))
    report = feat(art("hasil", "2024-07-22", "Persikota Raya menang 2-0 atas Garuda Selatan, Sabtu (22/7)."))
    next_match = feat(art("lanjut", "2024-07-24", "Garuda Selatan menjamu Bintang Timur, Rabu (26/7), usai kalah."))
    k = EVENT_FEATURES.index("same_first_date")
    assert event_pair_features(report, preview, preview.text, preview.time)[k] == 1.0
    assert event_pair_features(next_match, report, report.text, report.time)[k] == 0.0


def test_indosum_records_become_contract_inputs() -> None:
    from warta.evaluation.cluster_train import detokenize, id_month, published

    paras = [[["Jakarta", ",", "Kabar", "Harian", "-", "-", "Banjir", "melanda", "Desa", "Cikaret", ",",
               "Sabtu", "(", "22", "/", "7", ")", "."], ["\"", "Kami", "siaga", ",", "\"", "kata", "Rahmat", "."]],
             [["Tanggul", "sepanjang", "1.200", "meter", "jebol", "(", "e", "-", "KTP", "tak", "terkait", ")", "."]]]
    text = detokenize(paras)
    assert text.startswith("Jakarta, Kabar Harian -- Banjir melanda Desa Cikaret, Sabtu (22/7).")
    assert '"Kami siaga," kata Rahmat.' in text
    assert text.endswith("\n\nTanggul sepanjang 1.200 meter jebol (e-KTP tak terkait).")
    cnn = {"id": "1500000000-banjir", "source_url": "http://www.cnnindonesia.com/nasional/20170714093000-20-1/banjir/"}
    assert published(cnn) == "2017-07-14T09:30:00+07:00"
    assert published({"id": "1500000000-a", "source_url": "http://poskotanews.com/2017/07/13/banjir/"}) == "2017-07-13"
    # no date in the URL: the day of the id's timestamp in WIB (1500000000 = 2017-07-14 02:40 UTC)
    assert published({"id": "1500000000-a", "source_url": "https://kumparan.com/banjir"}) == "2017-07-14"
    assert id_month("1500000000-a") == "2017-07"


def test_bundled_cluster_labels_are_well_formed() -> None:
    from warta.evaluation.cluster_train import id_month, label_files, read_labels

    files = label_files()
    assert files, "warta/data/cluster_train has no label files"
    for path in files:
        labels = read_labels(path)
        assert len(labels) > 200, path
        # a file is one whole month of IndoSum, named after it
        assert {id_month(i) for i in labels} == {path.stem.removeprefix("indosum-")}, path
        events: dict[str, str] = {}
        for event, story in labels.values():  # an event belongs to one story
            assert events.setdefault(event, story) == story, (path, event)


def test_training_set_reads_labels_and_texts_and_names_what_is_wrong(tmp_path: Path) -> None:
    import json

    from warta.errors import UsageError
    from warta.evaluation.cluster import month_folds, training_set
    from warta.evaluation.cluster_train import load_training_set, read_labels

    folds = tmp_path / "indosum-devfolds"
    folds.mkdir()
    recs = [{"id": f"150000000{i}-berita-{i}", "source": "kabar harian", "source_url": "https://kabar.example/x",
             "paragraphs": [[["Banjir", "melanda", "Desa", "Cikaret", "nomor", str(i), "."]]]} for i in range(3)]
    (folds / "dev.01.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    labels = tmp_path / "indosum-2017-07.jsonl"
    labels.write_text("".join(json.dumps({"id": r["id"], "event": "e1", "story": "s1"}) + "\n" for r in recs[:2]),
                      encoding="utf-8")
    got = load_training_set(folds, [labels])
    assert [(g.article.id, g.event, g.story) for g in got] == [(recs[0]["id"], "e1", "s1"), (recs[1]["id"], "e1", "s1")]
    assert got[0].article.published == "2017-07-14" and got[0].article.outlet == "kabar harian"

    labels.write_text(json.dumps({"id": "1500009999-hilang", "event": "e", "story": "s"}) + "\n", encoding="utf-8")
    with pytest.raises(UsageError, match="1500009999-hilang"):
        load_training_set(folds, [labels])
    labels.write_text('{"id": "x", "event": "e"}\n', encoding="utf-8")
    with pytest.raises(UsageError, match=r"indosum-2017-07.jsonl:1"):
        read_labels(labels)
    with pytest.raises(UsageError, match="unknown training set"):
        training_set("bulan-lain", [], folds)
    with pytest.raises(UsageError, match="at least two labelled months"):
        month_folds(got)


def test_miss_causes_tell_candidates_from_decisions() -> None:
    from dataclasses import replace

    from warta.cluster.model import EVENT_MODEL, STORY_MODEL
    from warta.evaluation.cluster import GoldArticle, featurize, miss_causes

    late = art("banjir-4", "2024-02-20T09:00:00+07:00", outlet="kabar harian",
               text="Sepuluh hari setelah banjir bandang, warga Desa Cikaret di Kabupaten Sukamaju kembali ke "
                    "rumah. Bupati Rahmat Hidayat meminta BPBD Sukamaju memperbaiki tanggul Sungai Cikaret.")
    # Gold as a test would have it: the flood reports and the late article are one event (the late
    # one is outside the 4-day window); the match and the phone launch are labelled one event
    # although they share no word, so the index never offers one for the other.
    gold = [GoldArticle(a, "banjir", "s-banjir") for a in (*FLOOD, late)]
    gold += [GoldArticle(MATCH, "campur", "s-campur"), GoldArticle(PHONE, "campur", "s-campur")]
    feats = featurize([g.article for g in gold])
    causes = miss_causes(gold, feats, EVENT_MODEL, STORY_MODEL)
    assert causes["found"] == 3  # the three flood reports
    assert causes["out of window"] == 3  # the late article against each of them
    assert causes["not a candidate"] == 1  # the phone launch against the match
    # A model that never links: the flood reports are candidates it turns down.
    never = replace(EVENT_MODEL, threshold=1.1)
    causes = miss_causes(gold, feats, never, STORY_MODEL)
    assert causes["found"] == 0
    assert causes["candidate, started a new event"] == 3
    assert sum(causes.values()) == 7
