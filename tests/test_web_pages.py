"""Pages: each renders, equals its JSON twin, shows empty states; highlighting by offsets; charts."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from test_web_support import build_db, empty_db

from warta.article import Article
from warta.web import create_app
from warta.web.charts import bar_list, fill_gaps, time_chart
from warta.web.highlight import Mark, marks_from_contract, segments


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, list[Article]]]:
    path = tmp_path_factory.mktemp("webpages") / "warta.db"
    arts = build_db(path)
    with TestClient(create_app(path)) as c:
        yield c, arts


def _twins(arts: list[Article]) -> list[tuple[str, str]]:
    a = arts[0].id
    return [
        ("/", "/api/dashboard"), ("/articles?limit=5&offset=5", "/api/articles?limit=5&offset=5"),
        (f"/articles/{a}", f"/api/articles/{a}"), ("/search?q=banjir&outlet=Kabar+Tepian",
                                                   "/api/search?q=banjir&outlet=Kabar+Tepian"),
        ("/entities?type=LOC", "/api/entities?type=LOC"), ("/entities/PER:wulan-sari", "/api/entities/PER:wulan-sari"),
        ("/quotes?speaker=PER:wulan-sari", "/api/quotes?speaker=PER:wulan-sari"), ("/events", "/api/events"),
        ("/events/ev-1", "/api/events/ev-1"), ("/stories", "/api/stories"),
        ("/stories/story-banjir", "/api/stories/story-banjir"),
    ]


def test_every_page_renders_and_equals_its_json_twin(site: tuple[TestClient, list[Article]]) -> None:
    client, arts = site
    for page, api in _twins(arts):
        html = client.get(page)
        assert html.status_code == 200, page
        assert html.headers["content-type"].startswith("text/html")
        # the page links to its twin, and ?format=json on the page is the twin itself
        twin = re.search(r'<a class="json" href="([^"]+)"', html.text)
        assert twin, page
        assert client.get(twin.group(1).replace("&amp;", "&")).json() == client.get(api).json(), page
        sep = "&" if "?" in page else "?"
        assert client.get(page + sep + "format=json").json() == client.get(api).json(), page


def test_dashboard_shows_charts_and_rankings(site: tuple[TestClient, list[Article]]) -> None:
    client, _ = site
    html = client.get("/").text
    # one column per day from 1 January to 3 February, the days without articles drawn as zeros
    assert html.count('<rect class="col"') == 34 and html.count('data-value="0"') == 8
    assert "Wulan Sari" in html and 'href="/entities/PER:wulan-sari"' in html
    assert 'href="/articles?outlet=Kabar%20Tepian"' in html
    assert 'href="/stories/story-banjir"' in html


def test_article_page_highlights_every_kind(site: tuple[TestClient, list[Article]]) -> None:
    client, arts = site
    html = client.get(f"/articles/{arts[0].id}").text
    for cls in ("hl-entity", "hl-quote", "hl-speaker", "hl-cue", "hl-time", "hl-quantity"):
        assert f'class="{cls}' in html or f" {cls}" in html, cls
    assert 'data-entity="PER:wulan-sari"' in html and 'data-quote="0"' in html
    text = re.search(r'<div class="text" id="article-text">(.*?)</div>', html, re.S)
    assert text
    plain = re.sub(r"<[^>]+>", "", text.group(1)).replace("&#34;", '"')
    assert plain == arts[0].text, "highlighting must not add, drop or reorder text"


def test_story_page_has_timeline_events_outlets_summary(site: tuple[TestClient, list[Article]]) -> None:
    client, _ = site
    html = client.get("/stories/story-banjir").text
    for heading in ("Summary", "Timeline", "Events", "Outlet comparison", "Quotes", "Coverage over time"):
        assert f"<h2>{heading}</h2>" in html, heading
    assert html.index('href="/events/ev-1"') < html.index('href="/events/ev-2"')
    assert "Ringkasan &lt;script&gt;" in html


def test_search_page_has_facets_and_filter_chips(site: tuple[TestClient, list[Article]]) -> None:
    client, _ = site
    html = client.get("/search?q=sentimeter&speaker=PER:wulan-sari").text
    assert "2 results" in html and "<mark>" in html
    assert 'class="chip">speaker: PER:wulan-sari' in html
    assert 'href="/search?q=sentimeter"' in html  # removing the speaker chip
    bad = client.get('/search?q="unclosed')
    assert bad.status_code == 400 and "unbalanced" in bad.text and "<form" in bad.text


def test_pager_links_walk_the_list(site: tuple[TestClient, list[Article]]) -> None:
    client, _ = site
    html = client.get("/articles?limit=10").text
    assert "1–10 of 28" in html and 'href="/articles?limit=10&amp;offset=10"' in html and 'rel="prev"' not in html
    last = client.get("/articles?limit=10&offset=20").text
    assert "21–28 of 28" in last and 'rel="next"' not in last and 'offset=10"' in last


def test_errors_render_as_pages(site: tuple[TestClient, list[Article]]) -> None:
    client, _ = site
    r = client.get("/stories/nope")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"] and "W404" in r.text
    assert client.get("/stories/nope?format=json").json()["error"]["code"] == "W404"
    assert client.get("/articles?limit=0").status_code == 422


def test_api_reference_page_lists_endpoints(site: tuple[TestClient, list[Article]]) -> None:
    client, _ = site
    html = client.get("/api").text
    for path in ("/api/search", "/api/stories/{story_id}", "/api/ingest"):
        assert f"<code>{path}</code>" in html


def test_empty_store_shows_empty_states(tmp_path: Path) -> None:
    with TestClient(create_app(empty_db(tmp_path / "empty.db"))) as c:
        assert "No articles stored yet." in c.get("/").text
        assert "No stories yet." in c.get("/stories").text
        assert "No events yet." in c.get("/events").text
        assert "No entities yet." in c.get("/entities").text
        assert "No quotes match." in c.get("/quotes").text
        assert "Type words to search" in c.get("/search").text
        assert "Nothing found." in c.get("/search?q=banjir").text


def test_article_without_annotations_says_readers_have_not_run(site: tuple[TestClient, list[Article]]) -> None:
    client, arts = site
    html = client.get(f"/articles/{arts[5].id}").text
    assert "No quotes found" in html and "No entities found" in html and "No time expressions found" in html


# ---------------------------------------------------------------- highlighting


def test_segments_split_overlaps_into_flat_pieces() -> None:
    text = 'Kata "Sri pergi Senin" tadi.'
    marks = [Mark("quote", 5, 22, "q", "0"), Mark("entity", 6, 9, "Sri (PER)", "PER:sri"),
             Mark("time", 16, 21, "DATE")]
    segs = segments(text, marks)
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.classes) for s in segs] == [
        ("Kata ", ""), ('"', "hl-quote"), ("Sri", "hl-entity hl-quote"), (" pergi ", "hl-quote"),
        ("Senin", "hl-quote hl-time"), ('"', "hl-quote"), (" tadi.", ""),
    ]
    assert segs[2].entity == "PER:sri" and segs[2].quote == "0"


def test_segments_ignore_offsets_outside_the_text() -> None:
    segs = segments("abc", [Mark("entity", -1, 2, ""), Mark("entity", 1, 9, ""), Mark("time", 2, 2, ""),
                            Mark("time", 2, 1, "")])
    assert [(s.text, s.marks) for s in segs] == [("abc", [])]


@given(st.text(max_size=40), st.lists(st.tuples(st.integers(-5, 45), st.integers(-5, 45)), max_size=8))
def test_segments_always_rebuild_the_text(text: str, spans: list[tuple[int, int]]) -> None:
    marks = [Mark("entity", a, b, "x") for a, b in spans]
    segs = segments(text, marks)
    assert "".join(s.text for s in segs) == text
    for s in segs:
        assert s.text
        for m in s.marks:
            assert 0 <= m.start < m.end <= len(text)


def test_marks_from_contract_reads_every_annotation(site: tuple[TestClient, list[Article]]) -> None:
    _, arts = site
    kinds = sorted({m.kind for m in marks_from_contract(arts[0].to_contract())})
    assert kinds == ["cue", "entity", "quantity", "quote", "speaker", "time"]


# ---------------------------------------------------------------- charts


def test_time_chart_geometry() -> None:
    chart = time_chart([{"date": "2025-01-01", "count": 2}, {"date": "2025-01-02", "count": 4},
                        {"date": None, "count": 9}])
    assert [c.label for c in chart.columns] == ["2025-01-01", "2025-01-02"]
    assert [c.value for c in chart.columns] == [2, 4] and chart.ymax == 4
    tall, short = chart.columns[1], chart.columns[0]
    assert tall.h == pytest.approx(2 * short.h) and tall.y + tall.h == pytest.approx(chart.base)
    assert short.x < tall.x and time_chart([]).empty
    many = time_chart([{"date": f"d{i}", "count": 1} for i in range(100)], max_ticks=8)
    assert len(many.ticks) <= 8


def test_fill_gaps_makes_time_continuous() -> None:
    days = fill_gaps([{"date": "2025-02-02", "count": 3}, {"date": "2025-01-30", "count": 1}])
    assert [(d["date"], d["count"]) for d in days] == [("2025-01-30", 1), ("2025-01-31", 0), ("2025-02-01", 0),
                                                       ("2025-02-02", 3)]
    long = fill_gaps([{"date": "2024-10-17", "count": 1}, {"date": "2024-10-20", "count": 1},
                      {"date": "2025-08-19", "count": 3}])
    assert long[0] == {"date": "2024-10", "count": 2} and long[-1] == {"date": "2025-08", "count": 3}
    assert len(long) == 11
    assert [m["date"] for m in fill_gaps([{"date": "2024-12", "count": 1}, {"date": "2025-01", "count": 1}])] == [
        "2024-12", "2025-01"]
    assert fill_gaps([{"date": "kemarin", "count": 1}]) == [{"date": "kemarin", "count": 1}]
    years = fill_gaps([{"date": "1970-01-01", "count": 1}, {"date": "2018-05-02", "count": 5}])
    assert len(years) == 49 and years[0] == {"date": "1970", "count": 1} and years[-1]["count"] == 5
    assert len(time_chart(years).columns) == 49 and time_chart(years).bucket == "year"
    assert time_chart(long).bucket == "month" and time_chart(days).bucket == "day"


def test_bar_list_scales_and_quotes_links() -> None:
    bars = bar_list([{"name": "A & B", "id": "ORG:a/b", "count": 4}, {"name": "C", "id": "x y", "count": 1}],
                    href="/entities/{id}")
    assert [b.pct for b in bars] == [100.0, 25.0]
    assert bars[0].href == "/entities/ORG:a%2Fb" and bars[1].href == "/entities/x%20y"
    assert bar_list([]) == []
