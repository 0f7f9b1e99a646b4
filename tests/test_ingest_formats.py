"""Each input kind: plain text, JSON Lines, stdin, HTML, RSS, Atom, feed URLs.

All articles are written for these tests.
"""

from __future__ import annotations

import io
import itertools
import json
import sys
import threading
import tracemalloc
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from warta.article import Article, Reject
from warta.ingest import read_inputs
from warta.ingest.html import html_to_text
from warta.ingest.text import split_title

PARA1 = "JAKARTA, WARTAUJI.com - Pemerintah kota meresmikan taman baru di tepi sungai pada Senin (4/3/2024) pagi."
PARA2 = "Wali kota mengatakan taman itu akan terbuka untuk umum setiap hari mulai pukul enam pagi hingga malam."
PARA3 = "\u201cKami ingin warga punya tempat bersantai yang teduh,\u201d kata wali kota kepada wartawan."


def _read(paths: list[str | Path]) -> list[Article | Reject]:
    return list(read_inputs([str(p) for p in paths]))


def _only_article(items: list[Article | Reject]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


# --- plain text -----------------------------------------------------------------------------
def test_text_file_with_title_byline_dateline_and_initials(tmp_path: Path) -> None:
    path = tmp_path / "berita.txt"
    path.write_text(
        f"Taman Baru di Tepi Sungai\n\noleh Budi Santoso dan Rina Wati\n\n{PARA1}\n\n"
        f"SCROLL TO CONTINUE WITH CONTENT\n{PARA2}\n\nBaca juga: Judul Lain\n\n{PARA3} (ant/rdk)\n",
        encoding="utf-8",
    )
    art = _only_article(_read([path]))
    assert art.title == "Taman Baru di Tepi Sungai"
    assert art.authors == ["Budi Santoso", "Rina Wati"]
    assert art.editors == ["ant", "rdk"]
    assert (art.dateline, art.outlet) == ("JAKARTA", "WARTAUJI.com")
    assert art.text == f"{PARA1}\n\n{PARA2}\n\n{PARA3}"
    assert art.origin == str(path)
    assert art.id == art.content_hash[:16]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Judul\n\nIsi.", "Judul"),
        ("Judul\r\n\r\nIsi.", "Judul"),
        ("Bukan judul\nkarena tidak ada baris kosong.", None),
        ("Kalimat pertama ini berakhir dengan titik.\n\nParagraf kedua.", None),
        ("oleh Budi Santoso\n\nIsi berita.", None),
        ("MEDAN - Warga berkumpul\n\nIsi berita.", None),
        ("Satu baris saja", None),
    ],
)
def test_title_rule(text: str, title: str | None) -> None:
    assert split_title(text)[0] == title


# --- JSON Lines -----------------------------------------------------------------------------
def _jsonl(tmp_path: Path, lines: list[str], name: str = "a.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_fields_and_origin(tmp_path: Path) -> None:
    obj = {
        "id": "uji-1", "title": "Taman Baru", "text": f"{PARA1}\n{PARA2}", "published": "2024-03-04T08:00:00+07:00",
        "outlet": "Warta Uji", "url": "https://contoh.test/taman", "authors": ["Budi Santoso"],
    }
    path = _jsonl(tmp_path, [json.dumps(obj), json.dumps({"text": PARA3, "id": 7})])
    first, second = _read([path])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.title, first.outlet, first.url) == ("uji-1", "Taman Baru", "Warta Uji", obj["url"])
    assert (first.published, first.published_source) == ("2024-03-04T08:00:00+07:00", "input")
    assert first.authors == ["Budi Santoso"] and first.dateline == "JAKARTA"
    assert first.origin == f"{path}:1"
    assert (second.id, second.origin, second.published_source) == ("7", f"{path}:2", None)


def test_jsonl_bad_lines_are_rejected_with_line_numbers(tmp_path: Path) -> None:
    good = json.dumps({"text": PARA2})
    lines = [
        good,                                      # 1 ok
        '{"text": "tidak ditutup"',                # 2 malformed
        "",                                        # 3 blank: skipped silently
        json.dumps({"title": "Tanpa isi"}),        # 4 missing text
        json.dumps({"text": "   "}),               # 5 empty text
        json.dumps({"text": 42}),                  # 6 wrong type
        json.dumps({"text": PARA1, "authors": "Budi"}),          # 7 ok: one author as a string
        json.dumps({"text": PARA1, "authors": [1, 2]}),          # 8 wrong type
        json.dumps({"text": PARA1, "published": "kemarin"}),     # 9 not ISO 8601
        json.dumps({"text": PARA1, "title": ["a"]}),             # 10 wrong type
        json.dumps(["bukan", "objek"]),            # 11 not an object
        good,                                      # 12 ok
    ]
    items = _read([_jsonl(tmp_path, lines)])
    got = [(i.line, i.code) if isinstance(i, Reject) else "ok" for i in items]
    assert got == [
        "ok", (2, "W103"), (4, "W101"), (5, "W101"), (6, "W103"), "ok", (8, "W103"), (9, "W103"), (10, "W103"),
        (11, "W103"), "ok",
    ]
    reasons = {i.line: i.reason for i in items if isinstance(i, Reject)}
    assert "malformed JSON" in reasons[2]
    assert "missing required field 'text'" in reasons[4]
    assert "'text' must be a string" in reasons[6]
    assert "ISO 8601" in reasons[9]
    assert all(isinstance(i, Reject) and i.item == str(tmp_path / "a.jsonl") for i in items if isinstance(i, Reject))


@pytest.mark.parametrize(
    ("content", "code", "reason"),
    [(b"", "W101", "empty"), (b"\n\n  \n", "W101", "empty"), (b"\x1f\x8b\x08\x00" + bytes(100), "W102", "gzip")],
)
def test_empty_or_binary_jsonl_is_one_reject(tmp_path: Path, content: bytes, code: str, reason: str) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(content)
    (rej,) = _read([path])
    assert isinstance(rej, Reject) and (rej.code, rej.line) == (code, None) and reason in rej.reason


def test_jsonl_invalid_utf8_line_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_bytes(
        json.dumps({"text": PARA1}).encode() + b"\n" + b'{"text": "\x81\x8d\x01\x02\x03\x81\x8d"}\n'
        + json.dumps({"text": PARA2}).encode() + b"\n"
    )
    items = _read([path])
    assert [type(i).__name__ for i in items] == ["Article", "Reject", "Article"]
    assert isinstance(items[1], Reject) and items[1].line == 2 and items[1].code == "W102"


def test_jsonl_is_streamed_not_loaded_whole(tmp_path: Path) -> None:
    path = tmp_path / "besar.jsonl"
    line = json.dumps({"text": PARA2 + " " + PARA3}) + "\n"
    with path.open("w", encoding="utf-8") as fh:
        fh.writelines(itertools.repeat(line, 100_000))
    assert path.stat().st_size > 20_000_000
    tracemalloc.start()
    try:
        stream = read_inputs([str(path)])
        first = list(itertools.islice(stream, 50))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(first) == 50 and all(isinstance(a, Article) for a in first)
    assert first[-1].origin == f"{path}:50"
    assert peak < 5_000_000, f"peak {peak:,} bytes: the 20 MB file looks loaded whole"


# --- stdin ----------------------------------------------------------------------------------
def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"\n" + json.dumps({"text": PARA1}).encode() + b"\n{rusak\n" + json.dumps({"text": PARA2}).encode()
    _stdin(monkeypatch, data)
    items = list(read_inputs(["-"]))
    assert [i.origin if isinstance(i, Article) else (i.item, i.line) for i in items] == [
        "<stdin>:2", ("<stdin>", 3), "<stdin>:4",
    ]


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, f"\nTaman Baru\n\n{PARA1}\n{PARA2}\n".encode())
    art = _only_article(list(read_inputs(["-"])))
    assert art.title == "Taman Baru" and art.origin == "<stdin>" and art.text == f"{PARA1}\n{PARA2}"


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"")
    (rej,) = list(read_inputs(["-"]))
    assert isinstance(rej, Reject) and rej.item == "<stdin>" and rej.code == "W101"


# --- HTML -----------------------------------------------------------------------------------
PAGE = f"""<!DOCTYPE html><html lang="id"><head><title>Taman Baru di Tepi Sungai | Warta Uji</title>
<meta name="author" content="Budi Santoso; Rina Wati">
<meta property="article:published_time" content="2024-03-04T08:00:00+07:00">
<meta property="og:site_name" content="Warta Uji"><meta property="og:title" content="Taman Baru di Tepi Sungai">
<link rel="canonical" href="https://contoh.test/taman"></head>
<body><nav><a href="/">Beranda</a> | <a href="/kota">Kota</a></nav>
<article><h1>Taman Baru di Tepi Sungai</h1><p>{PARA1}</p><p>SCROLL TO CONTINUE WITH CONTENT</p><p>{PARA2}</p>
<p>Baca juga: Harga Cabai Naik</p><p>{PARA3}</p></article>
<footer>Hak cipta Warta Uji. Semua hak dilindungi.</footer></body></html>"""


def test_html_page(tmp_path: Path) -> None:
    path = tmp_path / "taman.html"
    path.write_text(PAGE, encoding="utf-8")
    art = _only_article(_read([path]))
    assert art.title == "Taman Baru di Tepi Sungai"
    assert art.authors == ["Budi Santoso", "Rina Wati"]
    # the hour and the UTC offset of article:published_time are kept (trafilatura alone gives the day)
    assert (art.published, art.published_source) == ("2024-03-04T08:00:00+07:00", "html")
    assert art.outlet == "Warta Uji" and art.url == "https://contoh.test/taman"
    assert art.text == f"{PARA1}\n{PARA2}\n{PARA3}"
    assert "Beranda" not in art.text and "Hak cipta" not in art.text


def test_html_date_from_htmldate_when_trafilatura_has_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    real = trafilatura.bare_extraction

    def without_date(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        doc = real(*args, **kwargs)  # type: ignore[arg-type]
        doc.date = None
        return doc

    monkeypatch.setattr(trafilatura, "bare_extraction", without_date)
    page = PAGE.replace('<meta property="article:published_time" content="2024-03-04T08:00:00+07:00">', "")
    page = page.replace("<footer>", "<footer>Diterbitkan 2024-03-05. ")
    path = tmp_path / "taman.htm"
    path.write_text(page, encoding="utf-8")
    art = _only_article(_read([path]))
    assert (art.published, art.published_source) == ("2024-03-05", "html")


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><div></div></body></html>",
        "<<<>>> <p <div ><//",
        "<html><head><script>var x = 1;</script></head></html>",
    ],
)
def test_broken_or_empty_html_is_rejected(tmp_path: Path, markup: str) -> None:
    path = tmp_path / "rusak.html"
    path.write_text(markup, encoding="utf-8")
    (rej,) = _read([path])
    assert isinstance(rej, Reject) and rej.item == str(path) and rej.code in ("W101", "W103")


def test_html_fragment_to_text() -> None:
    frag = "<p>Satu <b>dua</b></p><p>Tiga<br>empat</p><!-- komentar --><script>x()</script>"
    assert html_to_text(frag) == "Satu dua\nTiga\nempat"


# --- feeds ----------------------------------------------------------------------------------
RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Warta Uji</title><link>https://contoh.test/</link><description>Berita uji</description>
<item><title>Taman Baru</title><link>https://contoh.test/1</link><guid>uji-1</guid>
<pubDate>Mon, 04 Mar 2024 08:00:00 +0700</pubDate><dc:creator>Budi Santoso</dc:creator>
<description><![CDATA[<p>{PARA1}</p><p>{PARA2}</p>]]></description></item>
<item><title>Hanya Judul</title><link>https://contoh.test/2</link></item>
<item><title>Jalan Baru</title><link>https://contoh.test/3</link><description>{PARA3}</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Warta Atom</title><id>urn:uji</id>
<updated>2024-03-04T09:00:00+07:00</updated>
<entry><title>Taman Baru</title><id>urn:uji:1</id><link href="https://contoh.test/a1"/>
<updated>2024-03-04T09:00:00+07:00</updated><author><name>Rina Wati</name></author>
<content type="html">&lt;p&gt;{PARA1}&lt;/p&gt;&lt;p&gt;{PARA2}&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_feed_with_a_broken_entry(tmp_path: Path) -> None:
    path = tmp_path / "kota.rss"
    path.write_text(RSS, encoding="utf-8")
    items = _read([path])
    assert [type(i).__name__ for i in items] == ["Article", "Reject", "Article"]
    first, rej, third = items
    assert isinstance(first, Article) and isinstance(rej, Reject) and isinstance(third, Article)
    assert (first.id, first.title, first.outlet, first.url) == ("uji-1", "Taman Baru", "Warta Uji", "https://contoh.test/1")
    assert (first.published, first.published_source) == ("2024-03-04T08:00:00+07:00", "input")
    assert first.authors == ["Budi Santoso"]
    assert first.text == f"{PARA1}\n{PARA2}"
    assert first.origin == f"{path}#1"
    assert rej.item == str(path) and rej.reason.startswith("entry 2:")
    assert third.text == PARA3


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "kota.atom"
    path.write_text(ATOM, encoding="utf-8")
    art = _only_article(_read([path]))
    assert (art.id, art.outlet, art.authors) == ("urn:uji:1", "Warta Atom", ["Rina Wati"])
    assert art.published == "2024-03-04T09:00:00+07:00"
    assert art.text == f"{PARA1}\n{PARA2}"


@pytest.mark.parametrize(
    ("channel", "outlet"),
    [
        ("<title>Warta Uji - Berita Terkini Hari Ini</title><link>https://contoh.test/</link>", "Warta Uji"),
        ("<title>Kabar Uji | Kabar Terpercaya</title><link>https://contoh.test/</link>", "Kabar Uji"),
        ("<link>https://www.kabaruji.id/</link>", "kabaruji.id"),  # no title: the link's domain
        ("<title>Harian-Uji</title>", "Harian-Uji"),  # a hyphen inside a name is no tagline
    ],
)
def test_feed_outlet_is_the_site_name_without_tagline(tmp_path: Path, channel: str, outlet: str) -> None:
    feed = RSS.replace("<title>Warta Uji</title><link>https://contoh.test/</link>", channel)
    path = tmp_path / "kota.rss"
    path.write_text(feed, encoding="utf-8")
    first = _read([path])[0]
    assert isinstance(first, Article) and first.outlet == outlet


def test_html_page_with_only_a_day_keeps_the_day(tmp_path: Path) -> None:
    """No hour is made up: a page that gives only a day has the day as ``published``."""
    page = PAGE.replace('content="2024-03-04T08:00:00+07:00"', 'content="2024-03-04"')
    path = tmp_path / "taman.html"
    path.write_text(page, encoding="utf-8")
    art = _only_article(_read([path]))
    assert (art.published, art.published_source) == ("2024-03-04", "html")


def test_bozo_feed_still_yields_good_entries(tmp_path: Path) -> None:
    broken = RSS.replace("</channel></rss>", "<item><title>Putus") + " & <<"
    path = tmp_path / "rusak.xml"
    path.write_text(broken, encoding="utf-8")
    items = _read([path])
    assert any(isinstance(i, Article) and i.title == "Taman Baru" for i in items)


def test_xml_that_is_no_feed_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bukan.xml"
    path.write_text("<?xml version='1.0'?><catatan><isi>halo</isi></catatan>", encoding="utf-8")
    (rej,) = _read([path])
    assert isinstance(rej, Reject) and rej.item == str(path)


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[str, bytes]]] = {
        "/rss": ("application/rss+xml", RSS.encode()),
        "/page": ("text/html; charset=utf-8", PAGE.encode()),
        "/mislabelled": ("text/html", RSS.encode()),  # a feed served as text/html
    }

    def do_GET(self) -> None:
        if self.path not in self.routes:
            self.send_error(404)
            return
        ctype, body = self.routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize("route", ["/rss", "/mislabelled"])
def test_feed_url(server: str, route: str) -> None:
    items = list(read_inputs([f"{server}{route}"]))
    assert [type(i).__name__ for i in items] == ["Article", "Reject", "Article"]
    assert items[0].origin == f"{server}{route}#1"


def test_url_serving_a_page_and_a_missing_url(server: str) -> None:
    page, missing = list(read_inputs([f"{server}/page", f"{server}/hilang"]))
    assert isinstance(page, Article) and page.title == "Taman Baru di Tepi Sungai"
    assert isinstance(missing, Reject) and "HTTP 404" in missing.reason and missing.item == f"{server}/hilang"
