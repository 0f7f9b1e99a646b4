"""REST API: endpoints, pagination, the one JSON error shape, read-only by default, ingest."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():  # starlette's TestClient (httpx-based) warns about a future rename
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from test_web_support import build_db, empty_db

from warta.article import Article
from warta.errors import StoreError, WartaError
from warta.web import create_app

TOKEN = "s3cret-test-token"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Article]]:
    path = tmp_path_factory.mktemp("webapi") / "warta.db"
    return path, build_db(path)


@pytest.fixture(scope="module")
def client(db: tuple[Path, list[Article]]) -> Iterator[TestClient]:
    with TestClient(create_app(db[0], token=None), raise_server_exceptions=False) as c:
        yield c


def assert_error_shape(body: dict, code: str, type_: str) -> None:
    """The one JSON error shape: {"error": {"code", "type", "message", ...context}}."""
    assert set(body) == {"error"}
    err = body["error"]
    assert {"code", "type", "message"} <= set(err)
    assert err["code"] == code and err["type"] == type_
    assert isinstance(err["message"], str) and err["message"]


# ---------------------------------------------------------------- error shape


def test_unknown_endpoint_is_404_in_the_error_shape(client: TestClient) -> None:
    r = client.get("/api/no-such-thing")
    assert r.status_code == 404
    assert_error_shape(r.json(), "W404", "NotFoundError")


def test_unknown_id_is_404_naming_the_id(client: TestClient) -> None:
    for url in ("/api/articles/nope", "/api/stories/nope", "/api/events/nope", "/api/entities/PER:nobody"):
        r = client.get(url)
        assert r.status_code == 404, url
        assert_error_shape(r.json(), "W404", "NotFoundError")
        assert "nope" in r.json()["error"]["message"] or "nobody" in r.json()["error"]["message"]


@pytest.mark.parametrize("url", ["/api/articles?limit=0", "/api/articles?limit=101", "/api/articles?offset=-1",
                                 "/api/articles?limit=abc", "/api/volume?bucket=year"])
def test_invalid_parameters_are_422_in_the_error_shape(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 422
    body = r.json()
    assert_error_shape(body, "W400", "UsageError")
    assert body["error"]["details"], "the validation problems are listed"


@pytest.mark.parametrize("url", ["/api/articles?date_from=13-01-2025", "/api/search?q=%22unclosed",
                                 "/api/search?q=" + "banjir+" * 100,
                                 "/api/timeline", "/api/quotes?date_to=yesterday"])
def test_usage_errors_are_400_in_the_error_shape(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 400
    assert_error_shape(r.json(), "W400", "UsageError")


def test_a_crash_is_500_in_the_error_shape_without_internals(db: tuple[Path, list[Article]]) -> None:
    app = create_app(db[0])

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret internal detail /etc/passwd")

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/boom")
    assert r.status_code == 500
    assert_error_shape(r.json(), "W000", "WartaError")
    assert "secret" not in r.text and "RuntimeError" in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_warta_errors_keep_their_code_and_context(db: tuple[Path, list[Article]]) -> None:
    app = create_app(db[0])

    @app.get("/api/store-down")
    def store_down() -> None:
        raise StoreError("database is locked", path="x.db")

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/store-down")
    assert r.status_code == 500
    assert r.json() == StoreError("database is locked", path="x.db").to_dict()
    assert issubclass(StoreError, WartaError)


def test_missing_database_is_a_clear_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database at"):
        create_app(tmp_path / "absent.db")


# ---------------------------------------------------------------- endpoints


def test_articles_paginate_without_gaps_or_repeats(client: TestClient) -> None:
    first = client.get("/api/articles?limit=10").json()
    total = first["total"]
    assert total == 28 and first["offset"] == 0 and first["next_offset"] == 10 and first["prev_offset"] is None
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get(f"/api/articles?limit=10&offset={offset}").json()
        seen += [a["id"] for a in page["items"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == total
    dates = [a["published"] for a in client.get("/api/articles?limit=100").json()["items"]]
    assert dates == sorted(dates, reverse=True)


def test_articles_filter_by_outlet_and_dates(client: TestClient) -> None:
    page = client.get("/api/articles", params={"outlet": "Warta Timur", "limit": 100}).json()
    assert page["total"] == 13 and {a["outlet"] for a in page["items"]} == {"Warta Timur"}
    feb = client.get("/api/articles", params={"date_from": "2025-02", "date_to": "2025-02"}).json()
    assert [a["title"][:13] for a in feb["items"]] == ["Tanggul retak"]
    jan = client.get("/api/articles", params={"date_to": "2025-01", "limit": 100}).json()
    assert jan["total"] == 27  # "2025-01" includes 31 January, any hour


def test_article_is_the_contract_object_plus_links(client: TestClient, db: tuple[Path, list[Article]]) -> None:
    art = db[1][0]
    body = client.get(f"/api/articles/{art.id}").json()
    contract = art.to_contract()
    for key, value in contract.items():
        assert body[key] == value, key
    assert body["events"][0]["id"] == "ev-1" and body["events"][0]["story_id"] == "story-banjir"


def test_search_with_facets(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "sentimeter"}).json()
    assert body["total"] == 3
    assert {f["value"] for f in body["facets"]["outlet"]} >= {"Kabar Tepian", "Warta Timur"}
    speakers = {f["value"]: f["count"] for f in body["facets"]["speaker"]}
    assert speakers["PER:wulan-sari"] == 2 and speakers["Budi Hartono"] == 1
    hit = body["items"][0]
    assert any(p["hit"] and p["text"].lower() == "sentimeter" for p in hit["snippet"])
    # each facet narrows the results
    assert client.get("/api/search", params={"q": "sentimeter", "speaker": "PER:wulan-sari"}).json()["total"] == 2
    assert client.get("/api/search", params={"q": "sentimeter", "entity": "LOC:lembang"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "sentimeter", "outlet": "Warta Timur"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "sentimeter", "date_from": "2025-01-14",
                                             "date_to": "2025-01-31"}).json()["total"] == 1
    # FTS operators typed by a user do not break the query
    assert client.get("/api/search", params={"q": "banjir AND (Tepian OR e-KTP)"}).status_code == 200


def test_search_without_words_browses_with_facets(client: TestClient) -> None:
    body = client.get("/api/search", params={"speaker": "Budi Hartono"}).json()
    assert body["total"] == 1 and body["items"][0]["title"].startswith("Tanggul")


def test_entities_speakers_and_quotes(client: TestClient) -> None:
    ents = client.get("/api/entities").json()
    assert ents["items"][0]["id"] == "LOC:tepian" and ents["items"][0]["articles"] == 2
    wulan = client.get("/api/entities/PER:wulan-sari").json()
    assert wulan["quote_count"] == 2 and wulan["articles"]["total"] == 2
    assert [c["id"] for c in wulan["co_occurring"]] == ["LOC:tepian"]
    assert [p["date"] for p in wulan["quotes_over_time"]] == ["2025-01-13", "2025-01-14"]
    # a speaker with no entity id is found by name
    assert client.get("/api/entities/Wulan Sari").json()["key"] == "PER:wulan-sari"  # a name finds its entity
    budi = client.get("/api/entities/Budi Hartono").json()
    assert budi["entity"] is None and budi["quote_count"] == 1
    quotes = client.get("/api/quotes", params={"speaker": "PER:wulan-sari"}).json()
    assert quotes["total"] == 2
    about = client.get("/api/quotes", params={"entity": "LOC:tepian"}).json()
    assert about["total"] == 0  # "Tepian" is outside both quotes
    period = client.get("/api/quotes", params={"date_from": "2025-02-01"}).json()
    assert [q["speaker_name"] for q in period["items"]] == ["Budi Hartono"]


def test_events_stories_timeline(client: TestClient, db: tuple[Path, list[Article]]) -> None:
    arts = db[1]
    stories = client.get("/api/stories").json()
    assert stories["total"] == 1 and stories["items"][0]["articles"] == 3 and stories["items"][0]["events"] == 2
    story = client.get("/api/stories/story-banjir").json()
    assert [e["id"] for e in story["events"]] == ["ev-1", "ev-2"]
    assert {o["outlet"] for o in story["outlets"]} == {"Kabar Tepian", "Warta Timur", arts[2].outlet}
    kinds = [(it["kind"], it["id"]) for it in story["timeline"]]
    assert kinds == [("event", "ev-1"), ("article", arts[0].id), ("article", arts[1].id), ("event", "ev-2"),
                     ("article", arts[2].id)]
    assert client.get("/api/timeline", params={"story": "story-banjir"}).json()["items"] == story["timeline"]
    event = client.get("/api/events/ev-1").json()
    assert event["story"]["id"] == "story-banjir" and len(event["articles"]) == 2
    assert client.get("/api/events", params={"story": "story-banjir"}).json()["total"] == 2
    ent_tl = client.get("/api/timeline", params={"entity": "PER:wulan-sari"}).json()["items"]
    assert [it["id"] for it in ent_tl] == [arts[0].id, arts[1].id]


def test_stats_dashboard_health_openapi(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 28 and stats["quotes"] == 3 and stats["stories"] == 1
    dash = client.get("/api/dashboard").json()
    assert dash["counts"]["articles"] == 28 and dash["volume"]["bucket"] == "day"
    assert dash["top_speakers"][0]["key"] == "PER:wulan-sari"
    assert client.get("/api/health").json() == {"status": "ok", "articles": 28, "read_only": True}
    schema = client.get("/api/openapi.json").json()
    for path in ("/api/articles", "/api/search", "/api/entities", "/api/quotes", "/api/events", "/api/stories",
                 "/api/timeline", "/api/stats", "/api/ingest"):
        assert path in schema["paths"], path


def test_empty_database_gives_empty_lists_not_errors(tmp_path: Path) -> None:
    with TestClient(create_app(empty_db(tmp_path / "empty.db"))) as c:
        for url in ("/api/dashboard", "/api/articles", "/api/search?q=banjir", "/api/entities", "/api/quotes",
                    "/api/events", "/api/stories", "/api/stats"):
            assert c.get(url).status_code == 200, url
        assert c.get("/api/articles").json()["items"] == []


# ---------------------------------------------------------------- read-only and ingest


def test_server_is_read_only_without_a_token(client: TestClient) -> None:
    r = client.post("/api/ingest", content=b"Judul\n\nIsi berita.", headers={"content-type": "text/plain"})
    assert r.status_code == 403
    assert_error_shape(r.json(), "W403", "AuthError")
    assert "WARTA_TOKEN" in r.json()["error"]["message"]
    # other write methods do not exist at all
    assert client.delete("/api/articles/x").status_code == 405
    assert client.put("/api/articles/x").status_code == 405


@pytest.fixture()
def writable(tmp_path: Path) -> Iterator[TestClient]:
    path = empty_db(tmp_path / "w.db")
    # ``language`` only: the ingest path is under test here, not the readers (tested elsewhere)
    with TestClient(create_app(path, token=TOKEN, stages=["language"]), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", TOKEN])
def test_ingest_needs_the_right_bearer_token(writable: TestClient, header: str | None) -> None:
    headers = {"content-type": "text/plain"} | ({"authorization": header} if header else {})
    r = writable.post("/api/ingest", content=b"Judul\n\nIsi berita.", headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert_error_shape(r.json(), "W403", "AuthError")
    assert writable.get("/api/articles").json()["total"] == 0


def test_ingest_upload_stores_articles_and_reports_rejects(writable: TestClient) -> None:
    auth = {"authorization": f"Bearer {TOKEN}"}
    jsonl = (
        '{"id": "a1", "title": "Pasar baru dibuka", "text": "Pasar baru di pusat kota dibuka pada Senin pagi '
        'oleh wali kota.", "outlet": "Kabar Kota", "published": "2025-03-03"}\n'
        "not json at all\n"
    )
    r = writable.post("/api/ingest", content=jsonl.encode(), headers=auth | {"content-type": "application/x-ndjson"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["new"] == 1 and body["rejected"] == 1
    assert body["rejects"][0]["item"].startswith("<upload>") and "/tmp" not in r.text
    assert writable.get("/api/articles/a1").json()["outlet"] == "Kabar Kota"
    r = writable.post("/api/ingest", content=b"Judul\n\nIsi.", headers=auth | {"content-type": "image/png"})
    assert r.status_code == 400 and "content type" in r.json()["error"]["message"]
    r = writable.post("/api/ingest", content=b"", headers=auth | {"content-type": "text/plain"})
    assert r.status_code == 400


def test_ingest_url_refuses_loopback_before_fetching(writable: TestClient) -> None:
    auth = {"authorization": f"Bearer {TOKEN}"}
    for url in ("http://127.0.0.1:9/feed.xml", "http://localhost/", "http://[::1]/", "http://169.254.169.254/latest",
                "file:///etc/passwd"):
        r = writable.post("/api/ingest", json={"url": url}, headers=auth)
        assert r.status_code == 422, url
        assert_error_shape(r.json(), "W105", "UnsafeURLError")
    r = writable.post("/api/ingest", json={"nothing": 1}, headers=auth)
    assert r.status_code == 400



def test_warta_serve_names_a_missing_database(tmp_path: Path) -> None:
    import subprocess
    import sys

    missing = tmp_path / "none.db"
    code = "import sys; from warta.cli import main; sys.argv = ['warta', 'serve', '--db', sys.argv[1]]; main()"
    proc = subprocess.run([sys.executable, "-c", code, str(missing)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert f"no database at {missing}" in proc.stderr and "W300" in proc.stderr


def test_cached_aggregates_follow_new_data(tmp_path: Path) -> None:
    from warta.store import Store

    path = empty_db(tmp_path / "c.db")
    with TestClient(create_app(path)) as c:
        assert c.get("/api/dashboard").json()["counts"]["articles"] == 0
        assert c.get("/api/dashboard").json()["counts"]["articles"] == 0  # served from the cache
        with Store.open(path) as store:  # another process ingesting while the server runs
            store.add(Article(text="Sebuah berita baru tentang pasar ikan di pelabuhan.", title="Pasar ikan"))
        assert c.get("/api/dashboard").json()["counts"]["articles"] == 1
        assert c.get("/").text.count("Pasar ikan") == 1


def test_ingest_url_fetches_when_private_addresses_are_allowed(tmp_path: Path) -> None:
    import functools
    import http.server
    import threading

    site = tmp_path / "site"
    site.mkdir()
    (site / "berita.jsonl").write_text(
        '{"id": "u1", "title": "Jembatan baru", "text": "Jembatan baru di tepi sungai diresmikan pada Selasa.", '
        '"outlet": "Kabar Sungai", "published": "2025-03-04"}\n', encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/berita.jsonl"
    try:
        path = empty_db(tmp_path / "u.db")
        auth = {"authorization": f"Bearer {TOKEN}"}
        with TestClient(create_app(path, token=TOKEN, stages=["language"], allow_private_urls=False)) as c:
            assert c.post("/api/ingest", json={"url": url}, headers=auth).status_code == 422
        with TestClient(create_app(path, token=TOKEN, stages=["language"], allow_private_urls=True)) as c:
            r = c.post("/api/ingest", json={"url": url}, headers=auth)
            assert r.status_code == 200, r.text
            assert r.json()["new"] == 1 and r.json()["url"] == url
            assert c.get("/api/articles/u1").json()["outlet"] == "Kabar Sungai"
    finally:
        httpd.shutdown()


def test_an_older_store_is_migrated_and_a_foreign_file_refused(tmp_path: Path) -> None:
    import sqlite3

    from warta.store.migrations import LATEST, MIGRATIONS, schema_version

    old = tmp_path / "old.db"
    with sqlite3.connect(old) as conn:
        conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    conn.close()
    with TestClient(create_app(old)) as c:
        assert c.get("/api/articles").json()["total"] == 0
    with sqlite3.connect(old) as conn:
        assert schema_version(conn) == LATEST
    conn.close()
    junk = tmp_path / "notes.db"
    junk.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError, match=r"notes\.db"):
        create_app(junk)
