"""Shared helpers for the web tests: a small store written by hand (no tests in this module).

The articles are sentences we wrote ourselves. Two of them carry script/HTML injection in
every free-text field, so every page that shows them proves it escapes them. Events and
stories are written with SQL, standing in for the clustering step's output.
"""

from __future__ import annotations

import sqlite3
from html.parser import HTMLParser
from pathlib import Path

from warta.article import Article, Entity, Quantity, Quote, Span, Speaker, TimeExpr
from warta.store import Store

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_ATTR = '"><img src=x onerror=alert(1)>'
PAYLOADS = (XSS_SCRIPT, XSS_ATTR)
# what must never appear raw in HTML: the tags themselves, unescaped
RAW_MARKERS = ("<script>alert", "<img src=x")


def _span(text: str, piece: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return Span(start, start + len(piece), piece)


def annotated(text: str, *, title: str, published: str, outlet: str, speaker: str, speaker_id: str | None,
              place: str, authors: list[str] | None = None, url: str | None = None) -> Article:
    """An article with one place entity, one speaker entity, one quote, one date and one quantity."""
    q0 = text.index('"')
    q1 = text.index('"', q0 + 1) + 1
    spk = _span(text, speaker)
    ents = [Entity(f"LOC:{place.lower()}", place, "LOC", [_span(text, place)])]
    if speaker_id:
        ents.append(Entity(speaker_id, speaker, "PER", [spk]))
    cue = _span(text, "kata")
    date = _span(text, "Senin")
    qty = _span(text, "40 sentimeter")
    return Article(
        text=text, title=title, published=published, outlet=outlet, authors=authors or [], url=url,
        entities=ents,
        quotes=[Quote(text[q0:q1], q0, q1, "direct", cue, Speaker(speaker, speaker_id, "warga", spk.start, spk.end))],
        times=[TimeExpr(date.text, date.start, date.end, "DATE", published[:10])],
        quantities=[Quantity(qty.text, qty.start, qty.end, 40.0, "cm")],
        annotated_by={"quotes": "test.v1"},
    )


def sample_articles() -> list[Article]:
    arts = [
        annotated(
            'Banjir merendam Tepian pada Senin pagi. "Air naik 40 sentimeter dalam satu jam," kata Wulan Sari '
            "di posko pengungsian.",
            title="Banjir merendam Tepian", published="2025-01-13T08:00:00+07:00", outlet="Kabar Tepian",
            speaker="Wulan Sari", speaker_id="PER:wulan-sari", place="Tepian", url="https://example.org/banjir",
        ),
        annotated(
            'Hujan deras sejak Senin membuat sungai meluap. "Kami sudah mengungsikan warga sejak 40 sentimeter '
            'air masuk rumah," kata Wulan Sari kepada wartawan di Tepian.',
            title="Sungai meluap di Tepian", published="2025-01-14T09:30:00+07:00", outlet="Warta Timur",
            speaker="Wulan Sari", speaker_id="PER:wulan-sari", place="Tepian",
        ),
        annotated(
            f'Warga Lembang berkumpul pada Senin malam {XSS_SCRIPT}. "Tanggul setinggi 40 sentimeter {XSS_ATTR} '
            f'sudah retak," kata Budi Hartono {XSS_SCRIPT}.',
            title=f"Tanggul retak {XSS_ATTR} {XSS_SCRIPT}", published="2025-02-03T10:00:00+07:00",
            outlet=f"Outlet {XSS_SCRIPT}{XSS_ATTR}", speaker="Budi Hartono", speaker_id=None, place="Lembang",
            authors=[f"Penulis {XSS_ATTR}", XSS_SCRIPT], url="javascript:alert(1)",
        ),
    ]
    # plain articles without annotations: volume and lists, and a page of results to paginate
    for k in range(25):
        arts.append(Article(
            text=f"Laporan harian nomor {k} tentang cuaca dan banjir di kawasan pesisir, ditulis untuk uji coba.",
            title=f"Laporan cuaca {k}", published=f"2025-01-{k + 1:02d}", outlet=("Kabar Tepian", "Warta Timur")[k % 2],
        ))
    return arts


def add_clusters(db: Path, arts: list[Article]) -> None:
    """One story with two events over the first three articles, the XSS article included."""
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO stories VALUES ('story-banjir', ?, '2025-01-13', '2025-02-03', ?)",
                     (f"Banjir Tepian {XSS_ATTR}", f"Ringkasan {XSS_SCRIPT} banjir di Tepian."))
        conn.execute("INSERT INTO events VALUES ('ev-1', 'Banjir 13 Januari', '2025-01-13', '2025-01-14', "
                     "'story-banjir', NULL)")
        conn.execute("INSERT INTO events VALUES ('ev-2', ?, '2025-02-03', '2025-02-03', 'story-banjir', ?)",
                     (f"Tanggul {XSS_SCRIPT}", XSS_ATTR))
        conn.executemany("INSERT INTO article_events VALUES (?, ?)",
                         [(arts[0].id, "ev-1"), (arts[1].id, "ev-1"), (arts[2].id, "ev-2")])


def build_db(path: Path) -> list[Article]:
    arts = sample_articles()
    with Store.open(path) as store:
        for a in arts:
            store.add(a)
    add_clusters(path, arts)
    return arts


def empty_db(path: Path) -> Path:
    Store.open(path).close()
    return path


class _Audit(HTMLParser):
    """Collects what would execute in a page: inline scripts, event-handler attributes, script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "script" and not names.get("src"):
            self.problems.append("inline <script>")
        if tag in ("img", "iframe", "object", "embed"):
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action") and value and value.strip().lower().startswith(
                    ("javascript:", "data:")):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("src", "href") and value and value.startswith(("http://", "https://", "//")) and tag in (
                    "script", "link"):
                self.problems.append(f"external asset {value}")


def audit_html(html: str) -> list[str]:
    """Everything in ``html`` that would run script or load an external asset (empty when safe)."""
    parser = _Audit()
    parser.feed(html)
    parser.close()
    return parser.problems
