"""HTML pages: trafilatura finds the article body and its metadata.

1. :func:`trafilatura.bare_extraction` gives the main text (navigation, footers and
   comments left out) and the title, author, date, site name and canonical URL.
2. :func:`htmldate.find_date` gives the publication date-time with its UTC offset; it is
   used when it falls on trafilatura's day (trafilatura keeps only the day), and when
   trafilatura finds no date (htmldate also reads URL patterns and visible dates).
3. The body then goes through the same Indonesian cleaning as every other format
   (:mod:`warta.ingest.metadata`): furniture lines, bylines, datelines, editor initials.

Feed entries carry HTML fragments rather than pages; :func:`html_to_text` turns those into
paragraph text with lxml, keeping one paragraph per line.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any

from warta.article import Article
from warta.errors import FormatError
from warta.ingest.metadata import make_article

log = logging.getLogger(__name__)

_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|\||\band\b|\bdan\b)\s*")


def split_authors(value: str | None) -> list[str]:
    """trafilatura joins several authors with "; "; feeds and pages also use "," and "dan"."""
    if not value:
        return []
    return list(dict.fromkeys(a.strip() for a in _AUTHOR_SPLIT.split(value) if a.strip()))


def read_html(html: str, item: str, max_chars: int, url: str | None = None, note: str | None = None) -> Article:
    """One article from an HTML page; FormatError when no article text can be found."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True
        )
    except Exception as exc:  # lxml/trafilatura raise assorted errors on garbage markup
        raise FormatError(f"cannot parse HTML: {type(exc).__name__}: {exc}", item) from exc
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise FormatError("no article text found in the HTML page", item)
    meta: dict[str, Any] = {
        "title": getattr(doc, "title", None),
        "author": getattr(doc, "author", None),
        "date": getattr(doc, "date", None),
        "sitename": getattr(doc, "sitename", None),
        "url": getattr(doc, "url", None) or url,
    }
    title = (meta["title"] or "").strip() or None
    if title:
        # trafilatura keeps the <h1> headline as the first line of the text when it sits
        # inside <article>; it is the title, not body
        first, _, rest = text.partition("\n")
        if first.strip() == title and rest.strip():
            text = rest
    timed = _find_date(html, url)
    day = meta["date"] or (timed[:10] if timed else None)
    published = _precise_date(day, timed) if day else None
    article = make_article(
        text,
        item,
        max_chars,
        title=title,
        published=published,
        published_source="html" if published else None,
        outlet=(meta["sitename"] or "").strip() or None,
        url=meta["url"],
        authors=split_authors(meta["author"]) or None,
        origin=item,
    )
    if note:
        article.extra.setdefault("ingest_notes", []).append(note)
    return article


def _find_date(html: str, url: str | None) -> str | None:
    """The page's publication date-time (htmldate) in ISO 8601, with its UTC offset when the
    page gives one (``article:published_time``, JSON-LD, ``<time datetime>``)."""
    from htmldate import find_date

    try:
        found = find_date(html, url=url, original_date=True, outputformat=_HTMLDATE_TIME)
    except Exception as exc:  # htmldate is a best-effort fallback; a page without a date is fine
        log.debug("htmldate failed: %s", exc)
        return None
    if not found:
        return None
    try:
        return datetime.strptime(found, _HTMLDATE_TIME).isoformat()
    except ValueError:  # no offset given: a local time, kept without one
        try:
            return datetime.strptime(found, _HTMLDATE_TIME[:-2]).isoformat()
        except ValueError:
            return None


# htmldate's output format for a date-time; %z gives "+0800", turned into ISO "+08:00" above
_HTMLDATE_TIME = "%Y-%m-%dT%H:%M:%S%z"


def _precise_date(day: str, timed: str | None) -> str:
    """trafilatura gives the publication *day*; htmldate's date-time of the same day is kept
    instead because it carries the hour and the UTC offset (WIB/WITA matter for "which day").
    Midnight without an offset is what htmldate prints for a page that gives only a day."""
    if timed and timed[:10] == day[:10] and not (timed.endswith("T00:00:00") and len(day) == 10):
        return timed
    return day


_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article", "pre"}
)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one block element per line."""
    import lxml.html
    from lxml import etree

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el: Any) -> None:
        if not isinstance(el.tag, str):  # comments and processing instructions: only their tail is text
            return
        tag = el.tag
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCK_TAGS:
            parts.append("\n")

    walk(root)
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in "".join(parts).split("\n")]
    return "\n".join(ln for ln in lines if ln)
