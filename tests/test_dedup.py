"""Near-duplicate detection: syndicated copies link to their original, other stories do not."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from warta.article import Article
from warta.config import load_settings
from warta.errors import ConfigError
from warta.store import Store
from warta.store.dedup import NearDuplicateIndex, shingles

# An agency story (written for this test), a syndicated copy of it with the outlet's own
# dateline, credit line and a few edited words, and another story on the same topic.
ORIGINAL = (
    "SAMARINDA, KABAR KITA - Banjir merendam sedikitnya 1.500 rumah di tujuh kelurahan di Kota Samarinda, "
    "Kalimantan Timur, setelah Sungai Karang Mumus meluap pada Minggu malam. Kepala Badan Penanggulangan "
    "Bencana Daerah (BPBD) Samarinda, Rina Sulistyo, mengatakan ketinggian air di beberapa titik mencapai "
    "satu setengah meter. Sebanyak 3.200 warga mengungsi ke masjid, sekolah dan balai kelurahan terdekat. "
    '"Kami sudah menurunkan 20 perahu karet dan membuka empat dapur umum," kata Rina di posko utama, Senin. '
    "Pemerintah kota menetapkan status tanggap darurat selama 14 hari dan meminta warga di bantaran sungai "
    "tetap waspada karena hujan deras diperkirakan masih turun hingga akhir pekan. Dinas Sosial menyalurkan "
    "beras, mi instan, selimut dan obat-obatan ke seluruh titik pengungsian. Sejumlah ruas jalan utama, "
    "termasuk Jalan Pahlawan dan Jalan Antasari, tidak dapat dilalui kendaraan roda dua. PLN memadamkan "
    "listrik di kawasan yang terendam untuk mencegah korban tersengat arus."
)
SYNDICATED = (
    ORIGINAL.replace("SAMARINDA, KABAR KITA -", "Samarinda (Suara Timur) --")
    .replace("sedikitnya", "setidaknya")
    .replace("terdekat", "di sekitar lokasi")
    + " (ant/sut)"
)
SAME_TOPIC = (
    "SAMARINDA, SUARA TIMUR - Ribuan warga Samarinda mulai kembali ke rumah mereka setelah banjir surut pada "
    "Kamis. Mereka membersihkan lumpur setebal belasan sentimeter yang menutupi lantai dan perabot. Wali Kota "
    "Samarinda meminta dinas kebersihan mengerahkan truk untuk mengangkut sampah sisa banjir. BPBD mencatat "
    "tidak ada korban jiwa, tetapi kerugian ditaksir mencapai miliaran rupiah. Warga berharap pemerintah "
    "segera mengeruk Sungai Karang Mumus agar banjir serupa tidak terulang setiap musim hujan. Pengamat tata "
    "kota menilai alih fungsi lahan di hulu sungai memperparah banjir dalam lima tahun terakhir."
)


@pytest.fixture()
def store() -> Store:
    return Store.open(":memory:", load_settings())


def test_syndicated_copy_links_to_original(store: Store) -> None:
    orig = store.add(Article(ORIGINAL, title="Banjir rendam 1.500 rumah di Samarinda", outlet="Kabar Kita"))
    copy = store.add(Article(SYNDICATED, title="1.500 Rumah di Samarinda Terendam Banjir", outlet="Suara Timur"))
    assert orig.status == "new"
    assert copy.status == "near-duplicate" and copy.duplicate_of == orig.id
    assert copy.similarity is not None and copy.similarity >= store.settings.dedup_threshold
    # linked, not counted: the copy is stored but left out of counts and search by default
    assert store.stats()["articles"] == 1 and store.stats()["near_duplicates"] == 1
    assert [h.id for h in store.search("perahu karet")] == [orig.id]
    assert {h.id for h in store.search("perahu karet", include_duplicates=True)} == {orig.id, copy.id}
    assert store.duplicate_of(copy.id) == orig.id


def test_other_story_on_same_topic_is_not_a_duplicate(store: Store) -> None:
    store.add(Article(ORIGINAL, title="Banjir rendam 1.500 rumah di Samarinda"))
    other = store.add(Article(SAME_TOPIC, title="Banjir surut, warga Samarinda bersih-bersih"))
    assert other.status == "new" and other.duplicate_of is None


def test_dedup_works_across_runs(tmp_db: Path) -> None:
    with Store.open(tmp_db, load_settings()) as first_run:
        orig = first_run.add(Article(ORIGINAL, title="Banjir"))
    # a new process: the LSH index is rebuilt from the signatures stored in the database
    with Store.open(tmp_db, load_settings()) as second_run:
        assert len(second_run.index) == 1
        copy = second_run.add(Article(SYNDICATED, title="Banjir juga"))
    assert copy.duplicate_of == orig.id


def test_signatures_remade_when_dedup_settings_change(tmp_db: Path) -> None:
    with Store.open(tmp_db, load_settings()) as s:
        orig = s.add(Article(ORIGINAL, title="Banjir"))
    other = replace(load_settings(), dedup_num_perm=64, dedup_shingle_size=4)
    with Store.open(tmp_db, other) as s:
        copy = s.add(Article(SYNDICATED, title="Banjir juga"))
        blob = s.conn.execute("SELECT minhash FROM articles WHERE id = ?", (orig.id,)).fetchone()[0]
    assert copy.duplicate_of == orig.id
    assert len(blob) == 64 * 8


def test_copy_of_a_copy_links_to_the_original(store: Store) -> None:
    orig = store.add(Article(ORIGINAL, id="asli"))
    store.add(Article(SYNDICATED, id="salinan-1"))
    again = store.add(Article(SYNDICATED.replace("(ant/sut)", "(ant/rs)"), id="salinan-2"))
    assert again.duplicate_of == orig.id


def test_shingles_are_normalised_word_ngrams() -> None:
    assert shingles("Banjir  BESAR di Samarinda", 2) == {b"banjir besar", b"besar di", b"di samarinda"}
    assert shingles("Banjir", 5) == {b"banjir"}
    assert shingles("", 5) == set()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"threshold": 0.0}, "threshold"), ({"num_perm": 4}, "num_perm"), ({"shingle_size": 0}, "shingle_size")],
)
def test_index_checks_its_arguments(kwargs: dict[str, float], message: str) -> None:
    args = {"threshold": 0.7, "num_perm": 128, "shingle_size": 5, **kwargs}
    with pytest.raises(ConfigError, match=message):
        NearDuplicateIndex(**args)  # type: ignore[arg-type]


@pytest.mark.data
def test_no_links_between_distinct_real_articles(data_dir: Path) -> None:
    """IndoSum holds no duplicate articles: at the configured threshold nothing may be linked.

    (Full measurement, with detik-1k and edited copies: ``python -m warta.store.dedup_eval``.)
    """
    from warta.store.dedup import near_duplicate_pairs
    from warta.store.dedup_eval import _real_articles

    path = data_dir / "indosum-devfolds" / "dev.01.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    s = load_settings()
    arts = ((aid, text) for aid, _, text in _real_articles([str(path)]))
    assert list(near_duplicate_pairs(arts, s.dedup_threshold, s.dedup_num_perm, s.dedup_shingle_size)) == []
