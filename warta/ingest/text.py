"""Plain-text articles: an optional title line, then the body.

The contract: the first line is the title when a blank line follows it. Two guards keep a
first *paragraph* from becoming a title in files whose paragraphs are all separated by blank
lines: a title is at most ``_TITLE_MAX_CHARS`` long and does not end like a sentence (with a
full stop), and a byline or dateline is never a title.
"""

from __future__ import annotations

from warta.article import Article
from warta.ingest.metadata import is_furniture, make_article, parse_names, read_dateline

# Indonesian headlines run to ~150 characters (longest title in detik-1k: 146); 250 leaves
# room for long ones while a typical opening paragraph (300+) stays body text.
_TITLE_MAX_CHARS = 250


def split_title(text: str) -> tuple[str | None, str]:
    """``(title, body)``; title is None when the first line is not followed by a blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    stripped = text.lstrip("\n \t")
    first, sep, rest = stripped.partition("\n")
    if not sep:
        return None, text
    first = first.strip()
    if not first or rest.split("\n", 1)[0].strip():
        return None, text
    if len(first) > _TITLE_MAX_CHARS or first.endswith(".") or is_furniture(first):
        return None, text
    lowered = first.lower()
    if lowered.startswith(("oleh ", "by ")) and parse_names(first.split(None, 1)[1]):
        return None, text
    if read_dateline(first) != (None, None):
        return None, text
    return first, rest


def read_text(text: str, item: str, max_chars: int, note: str | None = None) -> Article:
    """One article from a plain-text document (a ``.txt`` file or plain text on stdin)."""
    title, body = split_title(text)
    article = make_article(body, item, max_chars, title=title, origin=item)
    if note:
        article.extra.setdefault("ingest_notes", []).append(note)
    return article
