"""Credits in the store and the web app: a writer or a source known only from an article's credits
(mention at -1, warta.readers.credits) is shown where an analyst looks for who wrote what, and
counts nowhere entities are ranked; a writer the text names counts once per text mention.

Every name, outlet and sentence here was invented for these tests.
"""

from __future__ import annotations

import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():  # starlette's TestClient (httpx-based) warns about a future rename
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from warta.article import Article, Entity, Quote, Span, Speaker
from warta.cluster.outlets import compare_outlets
from warta.readers import credits as reader_credits
from warta.readers.credits import add_credit_entities
from warta.store import Store
from warta.store import credits as store_credits
from warta.store import web_queries as wq
from warta.store.cluster_entities import main_entities, write_entities
from warta.store.queries import stats, top_entities
from warta.web import create_app
from warta.web.highlight import marks_from_contract, segments

WRITER = "PER:sekar-ayuningtyas"
AGENCY = "ORG:kantor-berita-lintas-selatan"
HEADMAN = "PER:wahyu-prasetyo"
VILLAGE = "LOC:karangsari"

# Three reports by the same invented writer; the wire agency is the source of the first two.
TEXTS = [
    "Banjir merendam Karangsari sejak Selasa pagi. Kepala desa Wahyu Prasetyo mengatakan ratusan warga "
    "sudah mengungsi ke balai desa.",
    "Air mulai surut di Karangsari pada Kamis. Wahyu Prasetyo meminta warga tidak pulang sebelum rumah "
    "dibersihkan.",
    'Dapur umum dibuka pada Rabu. "Antrean warga Karangsari mengular sejak subuh," kata Wahyu Prasetyo kepada '
    "wartawan.",
]


def _spans(text: str, piece: str) -> list[Span]:
    out, at = [], text.find(piece)
    while at >= 0:
        out.append(Span(at, at + len(piece), piece))
        at = text.find(piece, at + 1)
    return out


def _article(i: int, text: str, source: str | None, outlet: str) -> Article:
    """An article as the entities stage leaves it: text entities, then the credits added by
    warta.readers.credits (the real code, so the -1 mentions are exactly what ingest stores)."""
    art = Article(text=text, id=f"lapor-{i}", title=f"Laporan {i}", published=f"2026-03-0{i + 1}T08:00:00+07:00",
                  outlet=outlet, authors=["Sekar Ayuningtyas"], source=source)
    found = [Entity(ent_id, name, typ, _spans(text, name))  # what the text names, as the model would find it
             for ent_id, name, typ in ((VILLAGE, "Karangsari", "LOC"), (HEADMAN, "Wahyu Prasetyo", "PER"))
             if name in text]
    art.entities = add_credit_entities(art, found)
    if '"' in text:
        q0 = text.index('"')
        q1 = text.index('"', q0 + 1) + 1
        (spk,) = _spans(text, "Wahyu Prasetyo")
        art.quotes = [Quote(text[q0:q1], q0, q1, "direct", _spans(text, "kata")[0],
                            Speaker("Wahyu Prasetyo", HEADMAN, None, spk.start, spk.end))]
    return art


def reports() -> list[Article]:
    sources = ["Kantor Berita Lintas Selatan", "Kantor Berita Lintas Selatan", None]
    outlets = ["Kabar Lamuru", "Suara Tanjung", "Kabar Lamuru"]
    return [_article(i, t, s, o) for i, (t, s, o) in enumerate(zip(TEXTS, sources, outlets, strict=True))]


def quoted_writer() -> Article:
    """A fourth report in which the writer is named twice in the text (she tells what she saw)."""
    text = ("Sekar Ayuningtyas melihat sendiri tanggul Karangsari jebol pada Jumat malam. Menurut Sekar "
            "Ayuningtyas, air naik setinggi pinggang dalam satu jam.")
    return _article(3, text, None, "Suara Tanjung")


def _add_event(conn: sqlite3.Connection, event_id: str, story_id: str, article_ids: list[str]) -> None:
    """Stand-in for the clustering step's rows, then the store's own main-entity writer."""
    conn.execute("INSERT OR IGNORE INTO stories(id, title) VALUES (?, 'Banjir Karangsari')", (story_id,))
    conn.execute("INSERT INTO events(id, title, story_id) VALUES (?, 'Banjir', ?)", (event_id, story_id))
    conn.executemany("INSERT INTO article_events VALUES (?, ?)", [(a, event_id) for a in article_ids])
    write_entities(conn, "event", event_id, "SELECT article_id FROM article_events WHERE event_id = ?")
    write_entities(conn, "story", story_id, "SELECT ae.article_id FROM article_events ae JOIN events e "
                   "ON e.id = ae.event_id WHERE e.story_id = ?")


@pytest.fixture()
def store() -> Iterator[Store]:
    with Store.open(":memory:") as s:
        for art in reports():
            s.add(art)
        _add_event(s.conn, "ev-banjir", "st-banjir", ["lapor-0", "lapor-1", "lapor-2"])
        yield s


def test_store_constants_follow_the_reader() -> None:
    assert store_credits.NOT_IN_TEXT == reader_credits.NOT_IN_TEXT
    assert set(store_credits.CREDIT_ROLES) == set(reader_credits.CREDIT_FIELDS)


def test_credit_mentions_round_trip_through_the_store(store: Store) -> None:
    for art in reports():
        stored = store.get(art.id)
        assert stored.entities == art.entities
        writer = next(e for e in stored.entities if e.id == WRITER)
        assert writer.mentions == [Span(-1, -1, "Sekar Ayuningtyas")] and writer.role == "penulis"
    # the credits are stored entities of the article, but not places in its text
    assert stats(store.conn)["mentions"] == sum(len(_spans(t, n)) for t in TEXTS
                                                for n in ("Karangsari", "Wahyu Prasetyo"))


def test_writer_and_source_are_not_top_entities(store: Store) -> None:
    top = top_entities(store.conn, limit=10)
    assert [r["id"] for r in top] == [HEADMAN, VILLAGE] or [r["id"] for r in top] == [VILLAGE, HEADMAN]
    assert {r["articles"] for r in top} == {3}
    assert WRITER not in {r["id"] for r in top_entities(store.conn, limit=10, type="PER")}


def test_writer_and_source_are_not_main_entities_of_an_event(store: Store) -> None:
    for kind, key in (("event", "ev-banjir"), ("story", "st-banjir")):
        ids = [e["id"] for e in main_entities(store.conn, kind, [key])[key]]
        assert ids and WRITER not in ids and AGENCY not in ids, (kind, ids)
    detail = wq.event_detail(store.conn, "ev-banjir")
    assert {e["id"] for e in detail["entities"]} == {HEADMAN, VILLAGE}
    assert {e["id"] for e in detail["event"]["entities"]} == {HEADMAN, VILLAGE}


def test_a_writer_named_in_the_text_counts_once_per_text_mention(store: Store) -> None:
    art = quoted_writer()
    writer = next(e for e in art.entities if e.id == WRITER)
    assert len(writer.mentions) == 2 and all(m.start >= 0 for m in writer.mentions)
    store.add(art)
    row = next(r for r in top_entities(store.conn, limit=10) if r["id"] == WRITER)
    assert (row["articles"], row["mentions"]) == (1, 2)  # not the three reports she only signed
    _add_event(store.conn, "ev-tanggul", "st-banjir", ["lapor-3"])
    main = {e["id"]: e for e in main_entities(store.conn, "event", ["ev-tanggul"])["ev-tanggul"]}
    assert (main[WRITER]["articles"], main[WRITER]["mentions"]) == (1, 2)
    listed = {r["id"]: r for r in wq.list_entities(store.conn, wq.PageArgs(limit=10))["items"]}
    assert (listed[WRITER]["articles"], listed[WRITER]["credited"]) == (1, 4)


def test_entity_list_ranks_by_the_text_and_keeps_writers_reachable(store: Store) -> None:
    items = wq.list_entities(store.conn, wq.PageArgs(limit=10))["items"]
    assert [r["id"] for r in items[:2]] in ([HEADMAN, VILLAGE], [VILLAGE, HEADMAN])
    by_id = {r["id"]: r for r in items}
    assert (by_id[WRITER]["articles"], by_id[WRITER]["credited"]) == (0, 3)
    assert (by_id[AGENCY]["articles"], by_id[AGENCY]["credited"]) == (0, 2)
    assert by_id[HEADMAN]["credited"] == 0
    found = wq.list_entities(store.conn, wq.PageArgs(), q="Sekar")["items"]
    assert [r["id"] for r in found] == [WRITER]


def test_writer_page_lists_what_she_wrote(store: Store) -> None:
    detail = wq.entity_detail(store.conn, WRITER, wq.PageArgs())
    assert detail["named_in"] == 0 and detail["credited"] == {"penulis": 3, "sumber": 0}
    arts = detail["articles"]["items"]
    assert {a["id"] for a in arts} == {"lapor-0", "lapor-1", "lapor-2"}
    assert {a["credited_as"] for a in arts} == {"penulis"}
    # what she covers: the texts' entities, never the agency that only credits two of them
    assert {c["id"] for c in detail["co_occurring"]} == {HEADMAN, VILLAGE}
    items = wq.timeline(store.conn, entity=WRITER)["items"]
    assert [(i["id"], i["credited_as"]) for i in items] == [(f"lapor-{k}", "penulis") for k in range(3)]
    # search by entity finds her articles (the entity page's "search its articles" link)
    assert wq.search(store.conn, wq.PageArgs(), entity=WRITER)["total"] == 3


def test_other_pages_and_facets_leave_credits_out(store: Store) -> None:
    village = wq.entity_detail(store.conn, VILLAGE, wq.PageArgs())
    assert village["named_in"] == 3 and village["credited"] == {"penulis": 0, "sumber": 0}
    assert {c["id"] for c in village["co_occurring"]} == {HEADMAN}
    assert all(a["credited_as"] is None for a in village["articles"]["items"])
    facet = wq.search(store.conn, wq.PageArgs(), q="Karangsari")["facets"]["entity"]
    assert {f["value"] for f in facet} == {HEADMAN, VILLAGE}
    assert {e["id"] for e in wq.dashboard(store.conn)["top_entities"]} == {HEADMAN, VILLAGE}
    story = wq.story_detail(store.conn, "st-banjir")
    assert {e["id"] for e in story["entities"]} == {HEADMAN, VILLAGE}


def test_a_mention_at_minus_one_is_never_inside_a_quote(store: Store) -> None:
    assert wq.list_quotes(store.conn, wq.PageArgs(), entity=WRITER)["total"] == 0
    assert wq.list_quotes(store.conn, wq.PageArgs(), entity=VILLAGE)["total"] == 1  # named inside the quote


def test_article_lists_its_credits_and_highlights_only_the_text(store: Store) -> None:
    doc = wq.load_article(store.conn, "lapor-0")
    assert doc["authors"] == ["Sekar Ayuningtyas"] and doc["source"] == "Kantor Berita Lintas Selatan"
    assert [(c["id"], c["role"], c["in_text"]) for c in doc["credits"]] == [
        (WRITER, "penulis", False), (AGENCY, "sumber", False)]
    marks = marks_from_contract(doc)
    assert any(m.start == -1 for m in marks)  # the credit is in the contract object ...
    pieces = segments(doc["text"], marks)
    assert "".join(p.text for p in pieces) == doc["text"]  # ... and cuts nothing out of the text
    assert all(m.ref not in (WRITER, AGENCY) for p in pieces for m in p.marks)


def test_outlet_comparison_names_no_writer(store: Store) -> None:
    coverage = compare_outlets([store.get(f"lapor-{k}") for k in range(3)])
    everything = {n for c in coverage for n in c.names}
    assert WRITER.casefold() not in everything and AGENCY.casefold() not in everything


# ---------------------------------------------------------------- the web app on a file store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path: Path = tmp_path_factory.mktemp("credits") / "warta.db"
    with Store.open(path) as s:
        for art in reports():
            s.add(art)
        _add_event(s.conn, "ev-banjir", "st-banjir", ["lapor-0", "lapor-1", "lapor-2"])
    with TestClient(create_app(path, token=None), raise_server_exceptions=False) as c:
        yield c


def test_article_page_shows_credits_and_the_whole_text(client: TestClient) -> None:
    r = client.get("/articles/lapor-0")
    assert r.status_code == 200
    html = r.text
    assert "<h2>Credits</h2>" in html and 'href="/entities/PER%3Asekar-ayuningtyas"' in html
    assert 'data-entity="PER:sekar-ayuningtyas"' not in html  # no highlight, no side-list entry
    assert "Banjir merendam" in html and "ke balai desa." in html
    twin = client.get("/api/articles/lapor-0").json()
    assert twin == client.get("/articles/lapor-0?format=json").json()
    assert [c["id"] for c in twin["credits"]] == [WRITER, AGENCY]


def test_writer_page_and_lists_in_the_web_app(client: TestClient) -> None:
    page = client.get("/entities/PER:sekar-ayuningtyas")
    assert page.status_code == 200
    assert "wrote 3 articles" in page.text and page.text.count("wrote it") == 3
    api = client.get("/api/entities/PER:sekar-ayuningtyas").json()
    assert api["credited"]["penulis"] == 3 and api["articles"]["total"] == 3
    top = client.get("/api/dashboard").json()["top_entities"]
    assert WRITER not in {e["id"] for e in top}
    listed = client.get("/api/entities?limit=2").json()["items"]
    assert WRITER not in {e["id"] for e in listed}
    events = client.get("/api/events").json()["items"]
    assert all(WRITER not in {e["id"] for e in ev["entities"]} for ev in events)
