"""Security: untrusted article text is escaped on every page; the SSRF guard; tokens; headers."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from test_web_support import PAYLOADS, RAW_MARKERS, XSS_ATTR, audit_html, build_db

from warta.article import Article
from warta.web import create_app
from warta.web.app import http_url, make_templates
from warta.web.security import AuthError, UnsafeURLError, check_token, check_url, fetch_url, is_public_address


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, list[Article]]]:
    path = tmp_path_factory.mktemp("websec") / "warta.db"
    arts = build_db(path)
    with TestClient(create_app(path)) as c:
        yield c, arts


def _pages(arts: list[Article]) -> list[str]:
    bad = arts[2]  # the article carrying the payloads in title, text, outlet, authors, url, speaker
    return [
        "/", "/articles", f"/articles/{bad.id}", "/search?q=tanggul", "/search?q=sentimeter",
        f"/search?outlet={httpx.URL('', params={'o': bad.outlet}).params['o']}", "/entities", "/entities/Budi Hartono",
        "/quotes", "/events", "/events/ev-2", "/stories", "/stories/story-banjir",
        "/search?q=" + XSS_ATTR, "/quotes?speaker=" + XSS_ATTR, "/nope/" + XSS_ATTR,
    ]


def test_every_page_escapes_injected_markup(site: tuple[TestClient, list[Article]]) -> None:
    client, arts = site
    for url in _pages(arts):
        r = client.get(url)
        assert r.status_code in (200, 400, 404), (url, r.status_code)
        assert "text/html" in r.headers["content-type"]
        for marker in RAW_MARKERS:
            assert marker not in r.text, f"{url}: unescaped {marker!r}"
        assert audit_html(r.text) == [], url
    # and the payloads are shown to the reader as text, not dropped
    page = client.get(f"/articles/{arts[2].id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page


def test_javascript_urls_are_never_links(site: tuple[TestClient, list[Article]]) -> None:
    client, arts = site
    page = client.get(f"/articles/{arts[2].id}").text
    assert 'href="javascript:' not in page.lower()
    assert 'href="https://example.org/banjir"' in client.get(f"/articles/{arts[0].id}").text
    assert http_url("javascript:alert(1)") is None and http_url(" JavaScript:alert(1)") is None
    assert http_url("data:text/html,<b>") is None and http_url("https://a.b/c") == "https://a.b/c"


def test_json_twins_carry_payloads_as_data(site: tuple[TestClient, list[Article]]) -> None:
    client, arts = site
    r = client.get(f"/api/articles/{arts[2].id}")
    assert r.headers["content-type"].startswith("application/json")
    assert all(p in r.json()["text"] for p in PAYLOADS)


def test_security_headers_on_pages_and_api(site: tuple[TestClient, list[Article]]) -> None:
    client, _ = site
    for url in ("/", "/api/stats", "/nope"):
        h = client.get(url).headers
        assert "script-src 'self'" in h["content-security-policy"] and "'unsafe-inline'" not in h[
            "content-security-policy"]
        assert h["x-content-type-options"] == "nosniff"


def test_templates_autoescape_everything() -> None:
    env = make_templates()
    assert env.autoescape is True
    assert "&lt;b&gt;" in env.from_string("{{ x }}").render(x="<b>")


def test_pages_use_no_inline_script_or_external_asset(site: tuple[TestClient, list[Article]]) -> None:
    client, arts = site
    for url in ("/", f"/articles/{arts[0].id}", "/stories/story-banjir", "/search?q=banjir", "/api"):
        html = client.get(url).text
        assert audit_html(html) == [], url
        assert '<script src="/static/warta.js"' in html and "cdn" not in html.lower()
    assert client.get("/static/warta.js").status_code == 200
    assert client.get("/static/warta.css").status_code == 200


def test_the_audit_catches_what_it_should() -> None:
    # the checker above must be able to fail: feed it what an escaping bug would produce
    assert audit_html("<p><script>alert(1)</script></p>") == ["inline <script>"]
    assert audit_html('<p>"><img src=x onerror=alert(1)></p>') == ["<img> element", "<img onerror=…>"]
    assert audit_html('<a href=" javascript:alert(1)">x</a>') != []
    assert audit_html('<script src="https://cdn.example/x.js"></script>') == ["external asset https://cdn.example/x.js"]


# ---------------------------------------------------------------- token


def test_check_token() -> None:
    check_token("Bearer abc", "abc")
    check_token("bearer abc", "abc")
    with pytest.raises(AuthError) as exc:
        check_token("Bearer abc", None)
    assert exc.value.disabled
    for header in (None, "", "Bearer", "Bearer abd", "Token abc", "abc"):
        with pytest.raises(AuthError) as exc:
            check_token(header, "abc")
        assert not exc.value.disabled


# ---------------------------------------------------------------- SSRF guard


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1",
    "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1", "fe80::1%eth0",
])
def test_private_addresses_are_not_public(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_are_public(address: str) -> None:
    assert is_public_address(address)


def _resolver(table: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError("Name or service not known")
        return table[host]

    return resolve


def test_check_url_checks_every_resolved_address() -> None:
    resolve = _resolver({"news.example": ["93.184.216.34"], "mixed.example": ["93.184.216.34", "10.0.0.7"],
                         "intranet.example": ["192.168.0.10"]})
    assert check_url("https://news.example/feed", resolver=resolve) == ["93.184.216.34"]
    with pytest.raises(UnsafeURLError, match=r"10\.0\.0\.7"):
        check_url("https://mixed.example/", resolver=resolve)
    with pytest.raises(UnsafeURLError, match="allow-private-urls"):
        check_url("http://intranet.example/", resolver=resolve)
    assert check_url("http://intranet.example/", resolver=resolve, allow_private=True) == ["192.168.0.10"]
    with pytest.raises(UnsafeURLError, match="cannot resolve"):
        check_url("http://unknown.example/", resolver=resolve)
    for bad in ("ftp://news.example/x", "file:///etc/passwd", "news.example/x", "http:///x",
                "http://user:pw@news.example/"):
        with pytest.raises(UnsafeURLError):
            check_url(bad, resolver=resolve)


def test_fetch_follows_redirects_only_to_allowed_hosts() -> None:
    resolve = _resolver({"news.example": ["93.184.216.34"], "evil.example": ["93.184.216.35"],
                         "internal.example": ["127.0.0.1"]})
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.host == "evil.example":
            return httpx.Response(302, headers={"location": "http://internal.example/admin"})
        if request.url.path == "/moved":
            return httpx.Response(301, headers={"location": "/feed.xml"})
        return httpx.Response(200, content=b"<rss/>", headers={"content-type": "application/rss+xml"})

    transport = httpx.MockTransport(handler)
    got = fetch_url("https://news.example/moved", resolver=resolve, transport=transport)
    assert got.url == "https://news.example/feed.xml" and got.content == b"<rss/>"
    with pytest.raises(UnsafeURLError, match=r"internal\.example"):
        fetch_url("https://evil.example/", resolver=resolve, transport=transport)
    assert "http://internal.example/admin" not in seen, "the private hop must be refused before any request"


def test_fetch_limits_size_and_redirects() -> None:
    resolve = _resolver({"news.example": ["93.184.216.34"]})
    big = httpx.MockTransport(lambda r: httpx.Response(200, content=b"x" * 2000))
    with pytest.raises(Exception, match="larger than 1000 bytes"):
        fetch_url("https://news.example/", resolver=resolve, transport=big, max_bytes=1000)
    loop = httpx.MockTransport(lambda r: httpx.Response(302, headers={"location": "/again"}))
    with pytest.raises(Exception, match="redirects"):
        fetch_url("https://news.example/", resolver=resolve, transport=loop)
    gone = httpx.MockTransport(lambda r: httpx.Response(404))
    with pytest.raises(Exception, match="HTTP 404"):
        fetch_url("https://news.example/", resolver=resolve, transport=gone)


def test_xss_in_error_page_path_is_escaped(site: tuple[TestClient, list[Article]], tmp_path: Path) -> None:
    client, _ = site
    r = client.get("/entities/" + XSS_ATTR)
    assert r.status_code == 404 and "<img src=x" not in r.text
