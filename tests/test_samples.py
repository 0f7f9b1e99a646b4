"""The bundled sample corpus (warta/data/samples): complete, labelled, consistent, and our own.

The corpus is the gold for tests of clustering and metadata on our own data, so these tests
check that every article is labelled, that the labels agree with the text (dates, weekdays,
the near-duplicate pair), and that no sample text was copied from the shared real data.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import feedparser
import pytest
import trafilatura

from warta.config import load_settings

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
BULAN_PENDEK = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]  # Monday first, as date.weekday()
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


def _load_corpus(articles_dir: Path) -> dict[str, dict[str, Any]]:
    """Every article in the corpus, keyed as labels.json keys them, with title, text and format."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(articles_dir.iterdir()):
        if path.suffix == ".txt":
            title, blank, body = path.read_text(encoding="utf-8").split("\n", 2)
            assert title.strip() and not blank.strip(), f"{path.name}: expected a title line then a blank line"
            out[path.name] = {"title": title, "text": body, "format": "txt"}
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                rec = json.loads(line)
                out[f"{path.name}#{rec['id']}"] = {**rec, "format": "jsonl"}
        elif path.suffix == ".html":
            html = path.read_text(encoding="utf-8")
            meta = trafilatura.extract_metadata(html)
            text = trafilatura.extract(html) or ""
            out[path.name] = {"title": meta.title, "text": text, "format": "html", "meta": meta}
        elif path.suffix == ".xml":
            feed = feedparser.parse(str(path))
            assert not feed.bozo, f"{path.name}: malformed feed: {feed.get('bozo_exception')}"
            for entry in feed.entries:
                out[f"{path.name}#{entry.id}"] = {
                    "title": entry.title, "text": _TAG.sub(" ", entry.content[0].value), "format": "rss",
                    "entry": entry,
                }
        else:
            pytest.fail(f"unexpected file in the sample corpus: {path.name}")
    return out


@pytest.fixture(scope="module")
def articles_dir(samples_dir: Path) -> Path:
    return samples_dir / "articles"


@pytest.fixture(scope="module")
def labels(samples_dir: Path) -> dict[str, Any]:
    return json.loads((samples_dir / "labels.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus(articles_dir: Path) -> dict[str, dict[str, Any]]:
    return _load_corpus(articles_dir)


def test_corpus_size_and_formats(corpus: dict[str, dict[str, Any]]) -> None:
    assert len(corpus) >= 34
    formats = Counter(a["format"] for a in corpus.values())
    assert formats["txt"] >= 20
    assert 4 <= formats["jsonl"] <= 6
    assert formats["html"] == 1
    assert 2 <= formats["rss"] <= 3


def test_labels_cover_every_article_and_nothing_else(corpus: dict[str, Any], labels: dict[str, Any]) -> None:
    assert set(labels["articles"]) == set(corpus)


def test_outlets_events_and_stories(labels: dict[str, Any]) -> None:
    arts = labels["articles"]
    assert len({a["outlet"] for a in arts.values()}) >= 6
    per_event = Counter(a["event"] for a in arts.values())
    assert set(per_event) == set(labels["events"])
    assert len(per_event) >= 5
    assert all(n >= 3 for n in per_event.values()), per_event
    for key, art in arts.items():
        assert art["story"] == labels["events"][art["event"]]["story"], key
        assert art["story"] in labels["stories"], key
    # Each event is reported by 3+ different outlets, with different wording.
    for event in per_event:
        outlets = {a["outlet"] for a in arts.values() if a["event"] == event}
        assert len(outlets) >= 3, event
    # One story spans two events in two different years (like the seeds' 2021/2022 thread).
    years_by_story: dict[str, set[str]] = {}
    for ev in labels["events"].values():
        years_by_story.setdefault(ev["story"], set()).add(ev["date"][:4])
    assert any(len(years) >= 2 for years in years_by_story.values())


def test_lengths_in_journalistic_range(corpus: dict[str, Any]) -> None:
    for key, art in corpus.items():
        n = len(_WORD.findall(art["text"]))
        assert 200 <= n <= 500, f"{key}: {n} words"


def test_published_date_is_written_near_the_top(corpus: dict[str, Any], labels: dict[str, Any]) -> None:
    """A .txt has no metadata, so its labelled date must be readable from its first lines."""
    for key, art in corpus.items():
        if art["format"] != "txt":
            continue
        day = dt.date.fromisoformat(labels["articles"][key]["published"])
        forms = {
            f"{day.day}/{day.month}/{day.year}", f"{day.day:02d}/{day.month:02d}/{day.year}",
            f"{day.day} {BULAN[day.month - 1]} {day.year}", f"{day.day:02d} {BULAN_PENDEK[day.month - 1]} {day.year}",
            f"{day.day} {BULAN_PENDEK[day.month - 1]} {day.year}",
        }
        head = "\n".join(art["text"].splitlines()[:8])
        assert any(f in head for f in forms), f"{key}: none of {sorted(forms)} in its first lines"


def test_weekdays_agree_with_dates(corpus: dict[str, Any]) -> None:
    """'Senin (13/1/2025)' must be a Monday: the time reader infers years from weekdays."""
    pattern = re.compile(rf"\b({'|'.join(HARI)}),? \(?(\d{{1,2}})[/ ](\d{{1,2}}|{'|'.join(BULAN)})[/ ](\d{{4}})")
    checked = 0
    for key, art in corpus.items():
        for m in pattern.finditer(art["text"]):
            month = int(m[3]) if m[3].isdigit() else BULAN.index(m[3]) + 1
            day = dt.date(int(m[4]), month, int(m[2]))
            assert HARI[day.weekday()] == m[1], f"{key}: {m[0]!r} is a {HARI[day.weekday()]}"
            checked += 1
    assert checked >= 30


def test_structured_inputs_carry_their_metadata(corpus: dict[str, Any], labels: dict[str, Any]) -> None:
    for key, art in corpus.items():
        lab = labels["articles"][key]
        if art["format"] == "jsonl":
            assert {"id", "title", "published", "outlet", "url", "authors", "text"} <= set(art)
            assert dt.datetime.fromisoformat(art["published"]).utcoffset() is not None
            assert art["published"][:10] == lab["published"] and art["outlet"] == lab["outlet"]
        elif art["format"] == "html":
            assert art["meta"].date == lab["published"]
            assert art["meta"].sitename == lab["outlet"]
        elif art["format"] == "rss":
            entry = art["entry"]
            assert entry.link == lab["url"]
            assert dt.date(*entry.published_parsed[:3]).isoformat() == lab["published"]


def _shingles(text: str, size: int) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def _jaccard(a: set[Any], b: set[Any]) -> float:
    return len(a & b) / len(a | b)


def test_near_duplicate_pair_is_the_only_one(corpus: dict[str, Any], labels: dict[str, Any]) -> None:
    """The syndicated copy is above the configured dedup threshold; every other pair is far below."""
    settings = load_settings()
    sh = {k: _shingles(a["text"], settings.dedup_shingle_size) for k, a in corpus.items()}
    pairs = {frozenset((d["original"], d["copy"])) for d in labels["near_duplicates"]}
    assert pairs
    for a, b in itertools.combinations(sorted(corpus), 2):
        j = _jaccard(sh[a], sh[b])
        if frozenset((a, b)) in pairs:
            # margin over the threshold so MinHash's estimation error (~0.04 at 128 permutations) still links them
            assert j >= settings.dedup_threshold + 0.05, (a, b, j)
        else:
            assert j < settings.dedup_threshold / 2, (a, b, j)


def test_metadata_expectations_refer_to_real_text(corpus: dict[str, Any], labels: dict[str, Any]) -> None:
    """Expected authors / sources / datelines are spelled exactly as the article gives them."""
    for key, meta in labels["metadata"].items():
        art = corpus[key]
        if art["format"] == "jsonl":
            assert art["authors"] == meta["authors"], key
        elif art["format"] == "rss":
            assert art["entry"].author == "; ".join(meta["authors"]), key
        elif art["format"] == "html":
            assert art["meta"].author == "; ".join(meta["authors"]), key
        else:
            head, tail = art["text"][:400], art["text"][-300:]
            for name in meta.get("authors", []):
                assert name in head or name in tail, (key, name)
        if meta.get("source"):
            assert f"Sumber: {meta['source']}" in art["text"], key
        if meta.get("dateline"):
            assert meta["dateline"] in art["text"][:300], key


def test_no_text_copied_from_shared_data(corpus: dict[str, Any], seeds_dir: Path) -> None:
    """No 10-word run of any sample occurs in the seed articles or the dev gold articles.

    Ten words: shorter runs can be stock phrases ("sementara itu, juru bicara Kementerian Luar
    Negeri ..." matched an 8-word run of a gold article), longer ones would miss edited copies.
    """
    size = 10
    ours = set().union(*(_shingles(a["text"], size) for a in corpus.values()))
    theirs: set[tuple[str, ...]] = set()
    for path in seeds_dir.glob("*.txt"):
        theirs |= _shingles(path.read_text(encoding="utf-8"), size)
    gold = seeds_dir.parent / "gold" / "dev" / "articles.jsonl"
    if gold.is_file():
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                theirs |= _shingles(json.loads(line)["text"], size)
    assert theirs, "found no shared text to compare with"
    assert not ours & theirs


def test_ingest_reads_every_sample_without_rejects(articles_dir: Path, corpus: dict[str, Any]) -> None:
    ingest = pytest.importorskip("warta.ingest", reason="warta.ingest is not written yet")
    from warta.article import Reject

    items = list(ingest.read_inputs([str(articles_dir)], load_settings()))
    assert not [str(i) for i in items if isinstance(i, Reject)]
    assert len(items) == len(corpus)


def test_store_links_the_syndicated_copy_to_its_original(articles_dir: Path, labels: dict[str, Any],
                                                         tmp_path: Path) -> None:
    """Ingesting the corpus stores every article once and links exactly the labelled copy."""
    api = pytest.importorskip("warta.api")
    if not hasattr(api, "ingest"):
        pytest.skip("warta.api.ingest is not written yet")
    from warta.article import Article
    from warta.ingest import read_inputs
    from warta.store import Store

    db = tmp_path / "samples.db"
    pairs = labels["near_duplicates"]
    # The store keeps the first-seen text as the original, so the originals go in first (as they
    # would in a live feed: the copy is published hours later); no readers, dedup looks at text only.
    first = api.ingest([str(articles_dir / p["original"]) for p in pairs], db=db, stages=[])
    report = api.ingest([str(articles_dir)], db=db, stages=[])
    assert (first.new, first.near_duplicates) == (len(pairs), 0)
    assert (report.rejected, report.duplicates, report.unchanged) == (0, 0, len(pairs))
    assert report.near_duplicates == len(pairs)
    assert report.new == len(labels["articles"]) - 2 * len(pairs)
    ids = {Path(a.origin or "").name: a.id for a in read_inputs([str(articles_dir)]) if isinstance(a, Article)}
    with Store.open(db, load_settings(), create=False) as store:
        for pair in pairs:
            assert store.duplicate_of(ids[pair["copy"]]) == ids[pair["original"]]
            assert store.duplicate_of(ids[pair["original"]]) is None
