"""JSON Lines: one article object per line, read as a stream.

Lines are read one at a time (never the whole file), each limited to
``settings.max_file_bytes``; a longer line is skipped in chunks without being held in memory.
Every bad line becomes a :class:`~warta.article.Reject` naming the file and line number, and
reading goes on with the next line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, BinaryIO

from warta.article import Article, Reject
from warta.errors import EmptyInputError, FormatError, InputError, TooLargeError
from warta.ingest.metadata import make_article
from warta.ingest.sources import decode

# optional string fields of the contract's input object
_STR_FIELDS = ("title", "outlet", "url")
_SKIP_CHUNK = 1 << 20


def iter_lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line_number, bytes)`` per line; bytes is None for a line over ``limit`` (skipped unread)."""
    lineno = 0
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while True:  # drop the rest of the over-long line without keeping it
                chunk = fh.readline(_SKIP_CHUNK)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        yield lineno, raw


def check_published(value: Any, item: str, line: int | None) -> str | None:
    """The ``published`` value if it is an ISO 8601 date or date-time; FormatError otherwise."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise FormatError(f"field 'published' must be an ISO 8601 string, got {type(value).__name__}", item, line)
    try:
        datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise FormatError(
            f"field 'published' is not an ISO 8601 date or date-time: {value[:40]!r} (e.g. 2025-10-20T12:31:00+07:00)",
            item,
            line,
        ) from exc
    return value.strip()


def parse_object(obj: Any, item: str, line: int | None, max_chars: int, origin: str) -> Article:
    """Validate one decoded JSON value and build its Article."""
    if not isinstance(obj, dict):
        raise FormatError(f"expected a JSON object, got {type(obj).__name__}", item, line)
    text = obj.get("text")
    if text is None:
        raise EmptyInputError("missing required field 'text'", item, line)
    if not isinstance(text, str):
        raise FormatError(f"field 'text' must be a string, got {type(text).__name__}", item, line)
    if not text.strip():
        raise EmptyInputError("field 'text' is empty", item, line)
    fields: dict[str, Any] = {}
    for key in _STR_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise FormatError(f"field {key!r} must be a string or null, got {type(value).__name__}", item, line)
        fields[key] = (value.strip() or None) if isinstance(value, str) else None
    art_id = obj.get("id")
    # ids are often numbers in exported data; a number is taken as its decimal string
    if isinstance(art_id, bool) or (art_id is not None and not isinstance(art_id, str | int)):
        raise FormatError(f"field 'id' must be a string, got {type(art_id).__name__}", item, line)
    authors = obj.get("authors")
    if authors is not None:
        if isinstance(authors, str):
            authors = [authors]
        if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
            raise FormatError("field 'authors' must be a list of strings", item, line)
        authors = [a.strip() for a in authors if a.strip()]
    published = check_published(obj.get("published"), item, line)
    return make_article(
        text,
        item,
        max_chars,
        line,
        id=str(art_id) if art_id is not None and str(art_id) else None,
        published=published,
        published_source="input" if published else None,
        authors=authors or None,
        origin=origin,
        **fields,
    )


def read_jsonl(
    lines: Iterable[tuple[int, bytes | None]], item: str, max_line_bytes: int, max_chars: int
) -> Iterator[Article | Reject]:
    """Articles and Rejects from numbered raw lines (see :func:`iter_lines`)."""
    seen_text = False
    for lineno, raw in lines:
        try:
            if raw is None:
                raise TooLargeError(
                    f"line is over the limit of {max_line_bytes:,} bytes (ingest.max_file_bytes)", item, lineno
                )
            if lineno == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            seen_text = True
            text, note = decode(raw, item, lineno)
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                raise FormatError(f"malformed JSON: {exc.msg} (column {exc.colno})", item, lineno) from exc
            article = parse_object(obj, item, lineno, max_chars, f"{item}:{lineno}")
            if note:
                article.extra.setdefault("ingest_notes", []).append(note)
            yield article
        except InputError as exc:
            seen_text = True
            yield Reject(item=exc.item, reason=exc.reason, code=exc.code, line=exc.line)
    if not seen_text:
        exc = EmptyInputError("empty input (no JSON lines)", item)
        yield Reject(item=exc.item, reason=exc.reason, code=exc.code)
