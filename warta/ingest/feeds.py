"""RSS and Atom feeds (files or URLs): each entry becomes an article.

feedparser reads RSS 0.9x/1.0/2.0 and Atom, tolerating malformed XML ("bozo" feeds): when
such a feed still yields entries they are used, and the parse problem is logged. An entry
that has no text (no content and no summary) becomes a Reject naming the feed and the
entry's index (1-based); the other entries go on. Entry HTML is turned into paragraph text
(:func:`warta.ingest.html.html_to_text`) before the Indonesian cleaning.
"""

from __future__ import annotations

import calendar
import logging
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from warta.article import Article, Reject
from warta.errors import EmptyInputError, FormatError, InputError
from warta.ingest.html import html_to_text, split_authors
from warta.ingest.metadata import make_article
from warta.ingest.outlets import site_name

log = logging.getLogger(__name__)


def looks_like_feed(head: str) -> bool:
    """Sniff the first kilobytes of a document for an RSS/Atom/RDF root element."""
    low = head[:4096].lower()
    return "<rss" in low or "<feed" in low or "<rdf:rdf" in low


def parse_date(entry: Any) -> str | None:
    """The entry's publication time as ISO 8601, keeping the feed's UTC offset when it gives one."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw).isoformat()  # RSS: RFC 822 dates
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw.strip()).isoformat()  # Atom: RFC 3339
        except ValueError:
            pass
        parsed: time.struct_time | None = entry.get(f"{key}_parsed")
        if parsed:  # feedparser's own parse of odd formats, normalised to UTC
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat()
    return None


def entry_text(entry: Any) -> str:
    """The longest of the entry's contents and summary, as plain text."""
    candidates: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        candidates.append((content.get("value") or "", content.get("type") or "text/html"))
    summary = entry.get("summary")
    if summary:
        detail = entry.get("summary_detail") or {}
        candidates.append((summary, detail.get("type") or "text/html"))
    texts = [html_to_text(value) if "html" in ctype else value.strip() for value, ctype in candidates]
    return max(texts, key=len, default="")


def _entry_article(entry: Any, index: int, name: str, outlet: str | None, max_chars: int) -> Article:
    text = entry_text(entry)
    if not text.strip():
        raise EmptyInputError(f"entry {index}: no text (the entry has no content and no summary)", name)
    authors = [a.get("name", "").strip() for a in entry.get("authors") or [] if a.get("name")]
    if not authors:
        authors = split_authors(entry.get("author"))
    published = parse_date(entry)
    title = entry.get("title")
    try:
        return make_article(
            text,
            name,
            max_chars,
            id=entry.get("id") or None,
            title=title.strip() if isinstance(title, str) and title.strip() else None,
            published=published,
            published_source="input" if published else None,
            outlet=outlet,
            url=entry.get("link") or None,
            authors=authors or None,
            origin=f"{name}#{index}",
        )
    except InputError as exc:
        raise type(exc)(f"entry {index}: {exc.reason}", name) from exc


def read_feed(data: bytes, name: str, max_chars: int) -> Iterator[Article | Reject]:
    """Articles (and Rejects for broken entries) from a feed document's bytes."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise FormatError(f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}", name)
        raise EmptyInputError("feed has no entries", name)
    if parsed.get("bozo"):
        log.warning("%s: malformed feed, reading the %d entries found: %s", name, len(parsed.entries),
                    parsed.get("bozo_exception"))
    # the site's name, not its tagline: "Berita Kini - Berita Terkini" → "Berita Kini"
    outlet = site_name(parsed.feed.get("title"), parsed.feed.get("link"))
    for index, entry in enumerate(parsed.entries, start=1):
        try:
            yield _entry_article(entry, index, name, outlet, max_chars)
        except InputError as exc:
            yield Reject(item=exc.item, reason=exc.reason, code=exc.code)
