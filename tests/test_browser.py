"""Browser tests: Playwright drives Debian's chromium against a live ``uvicorn`` server.

The store holds the bundled sample corpus (annotated by the real readers that can run here,
clustered by the store's ``refresh_clusters``) plus an article carrying script injection.
Screenshots go to ``artifacts/screenshots/``. Skipped, with the reason, when
``/usr/bin/chromium`` or the ``playwright`` package is missing; never downloads a browser.
"""

from __future__ import annotations

import copy
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_web_support import PAYLOADS, sample_articles

from warta.article import Article

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api", reason="the 'playwright' package is not installed "
                               "(pip install playwright; the browser is Debian's chromium, never downloaded)")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)",
                allow_module_level=True)


def _annotated_samples(samples: Path) -> tuple[list[Article], list[str]]:
    """The sample corpus through every default reader that works here, and those readers' names.

    The UI is under test, not the readers: a reader whose model is not trained yet (or that
    fails on a sample) is left out, so the pages show whatever exists, as they must.
    """
    from warta.config import load_settings
    from warta.ingest import read_inputs
    from warta.pipeline import Pipeline

    arts = [a for a in read_inputs([str(samples / "articles")]) if isinstance(a, Article)]
    usable: list[str] = []
    for name in load_settings().pipeline:
        try:
            spec, stage = Pipeline([*usable, name]).stages[-1]
            done = [stage(copy.deepcopy(a)) for a in arts]
        except Exception:  # a reader that cannot run here is skipped, whatever the reason
            continue
        for a in done:
            a.annotated_by[spec.name] = spec.version
        arts, usable = done, [*usable, name]
    return arts, usable


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> Iterator[dict[str, Any]]:
    import uvicorn

    from warta.store import Store
    from warta.store.cluster_queries import refresh_clusters
    from warta.web import create_app

    db = tmp_path_factory.mktemp("browser") / "warta.db"
    arts, stages = _annotated_samples(samples_dir)
    xss = sample_articles()[2]  # payloads in title, text, outlet, authors, url and speaker
    with Store.open(db) as store:
        for a in [*arts, xss]:
            store.add(a)
        refresh_clusters(store)  # the store's own clustering step: events, stories, summaries
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "db": db, "xss": xss, "stages": stages}
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.dialogs = []  # every alert()/confirm() that fires: an injected script ran
    pg.errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    ctx.close()


def test_dashboard_then_story_then_article(server: dict[str, Any], page: Any) -> None:
    base = server["url"]
    page.goto(base + "/")
    assert page.locator("h1").inner_text() == "Dashboard"
    assert page.locator("figure.chart rect.col").count() > 0, "volume chart drawn"
    assert page.locator("ol.bars li").count() >= 3
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)

    page.locator('section.card:has(h2:text("Stories")) a[href^="/stories/"]').first.click()
    page.wait_for_url("**/stories/*")
    for heading in ("Summary", "Timeline", "Outlet comparison"):
        assert page.locator(f"h2:text-is('{heading}')").count() == 1
    page.screenshot(path=str(SHOTS / "story.png"), full_page=True)

    page.locator("ol.timeline a[href^='/articles/']").first.click()
    page.wait_for_url("**/articles/*")
    text = page.locator("#article-text")
    assert text.inner_text().strip()
    assert page.locator("#article-text .hl-quote").count() > 0, "quotes highlighted"
    assert page.locator("#article-text .hl-time").count() > 0, "time expressions highlighted"
    # pointing at a quote in the side list marks it in the text (the one script's job)
    page.locator("ol.quotes li").first.hover()
    assert page.locator("#article-text .hl-quote.on").count() > 0
    page.screenshot(path=str(SHOTS / "article.png"), full_page=True)
    assert page.dialogs == [] and page.errors == []


def test_search_for_a_speaker(server: dict[str, Any], page: Any) -> None:
    with sqlite3.connect(server["db"]) as conn:
        speaker = conn.execute("SELECT speaker_name FROM quotes WHERE has_speaker GROUP BY speaker_name "
                               "ORDER BY count(*) DESC, speaker_name LIMIT 1").fetchone()[0]
    page.goto(server["url"] + "/search")
    page.fill("form.search input[name=q]", f'"{speaker}"')
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_url("**/search?*")
    assert page.locator("ol.hits li").count() > 0
    # the speaker facet (an entity facet may carry the same name)
    facet = page.locator(f'.facets a[href*="speaker="]:text-is("{speaker}")')
    assert facet.count() >= 1, f"{speaker} offered as a speaker facet"
    facet.first.click()
    page.wait_for_url("**speaker=*")
    assert page.locator(".chip").first.inner_text().startswith("speaker:")
    page.screenshot(path=str(SHOTS / "search_speaker.png"), full_page=True)
    page.locator("ol.hits a.title").first.click()
    page.wait_for_url("**/articles/*")
    page.locator("ol.quotes a").filter(has_text=speaker).first.click()
    page.wait_for_url("**/entities/*")
    # the entity may be named otherwise ("Pratama"); the page says whom its quotes were attributed to
    assert speaker in page.locator("h1").inner_text() + page.locator("p.meta").first.inner_text()
    page.screenshot(path=str(SHOTS / "speaker.png"), full_page=True)
    assert page.dialogs == [] and page.errors == []


def test_injected_scripts_never_run(server: dict[str, Any], page: Any) -> None:
    base, xss = server["url"], server["xss"]
    urls = [f"/articles/{xss.id}", "/", "/articles", "/search?q=tanggul", "/quotes", "/entities/Budi Hartono",
            "/stories", "/events", "/search?q=" + PAYLOADS[1]]
    with sqlite3.connect(server["db"]) as conn:
        ev = conn.execute("SELECT event_id FROM article_events WHERE article_id = ?", (xss.id,)).fetchone()[0]
        st = conn.execute("SELECT story_id FROM events WHERE id = ?", (ev,)).fetchone()[0]
    urls += [f"/events/{ev}", f"/stories/{st}"]
    for url in urls:
        page.goto(base + url)
        page.wait_for_load_state("load")
        assert page.locator("img").count() == 0, url
    page.goto(base + f"/articles/{xss.id}")
    assert PAYLOADS[0] in page.locator("h1").inner_text() + page.locator("#article-text").inner_text()
    assert page.locator("a:text-is('original')").count() == 0  # a javascript: URL is shown, never linked
    page.screenshot(path=str(SHOTS / "xss_article.png"), full_page=True)
    assert page.dialogs == [], f"an injected script ran: {page.dialogs}"
