"""Ingest: turn paths, directories, feed URLs and standard input into Articles.

:func:`read_inputs` is the one entry point (``warta.analyze`` and ``warta analyze`` use it).
It streams, in input order:

1. each input is expanded (:func:`warta.ingest.sources.iter_sources`): directories are
   walked recursively in sorted order, hidden files skipped;
2. each source is read by its kind: ``.jsonl`` line by line (:mod:`.jsonl`), ``.txt``
   (:mod:`.text`), ``.html``/``.htm`` (:mod:`.html`), ``.xml``/``.rss``/``.atom`` and URLs
   (:mod:`.feeds`; a URL serving an HTML page is read as a page); other files are sniffed
   (feed, HTML, JSON Lines, or plain text when they have no extension) or rejected;
3. every body goes through the Indonesian cleaning of :mod:`.metadata`.

An item that cannot be read is yielded as a :class:`~warta.article.Reject` (item, line,
reason, code) and the stream goes on; nothing here raises for one bad input.
"""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from warta.article import Article, Reject
from warta.config import Settings, load_settings
from warta.errors import DecodeError, FormatError, InputError, TooLargeError
from warta.ingest.feeds import looks_like_feed, read_feed
from warta.ingest.html import read_html
from warta.ingest.jsonl import iter_lines, read_jsonl
from warta.ingest.sources import (
    STDIN,
    Source,
    binary_kind,
    decode,
    iter_sources,
    read_limited,
    read_stream_limited,
)
from warta.ingest.text import read_text

__all__ = ["read_inputs"]

log = logging.getLogger(__name__)

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
KNOWN = ", ".join(sorted(JSONL_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES))
# A page or feed fetched over HTTP gets this long; slow servers are an input error, not a hang.
HTTP_TIMEOUT_S = 30.0


def read_inputs(inputs: Sequence[str], settings: Settings | None = None) -> Iterator[Article | Reject]:
    """Stream Articles and Rejects from files, directories, http(s) feed URLs and ``-`` (stdin)."""
    settings = settings or load_settings()
    for source in iter_sources(inputs):
        if isinstance(source, InputError):
            yield _reject(source)
            continue
        try:
            yield from _read_source(source, settings)
        except InputError as exc:
            yield _reject(exc)
        except Exception as exc:  # a parser bug on one input must not end the batch; say which input
            log.exception("unexpected error reading %s", source.name)
            yield Reject(item=source.name, reason=f"unexpected error: {type(exc).__name__}: {exc}", code="W100")


def _reject(exc: InputError) -> Reject:
    log.debug("rejected %s", exc)
    return Reject(item=exc.item, reason=exc.reason, code=exc.code, line=exc.line)


def _read_source(source: Source, settings: Settings) -> Iterator[Article | Reject]:
    limit, max_chars = settings.max_file_bytes, settings.max_article_chars
    if source.kind == "stdin":
        yield from _read_stdin(sys.stdin.buffer, settings)
        return
    if source.kind == "url":
        data, content_type = _fetch(source.name, limit)
        text, note = decode(data, source.name)
        low = text.lstrip()[:4096].lower()
        # the content decides; servers often label feeds text/html or text/plain
        is_page = not looks_like_feed(low) and ("html" in content_type or "<html" in low or "<!doctype html" in low)
        if is_page:
            yield _noted(read_html(text, source.name, max_chars, url=source.name), note)
        else:
            yield from read_feed(data, source.name, max_chars)
        return
    assert source.path is not None
    suffix = source.suffix
    if suffix in JSONL_SUFFIXES:
        try:
            fh = source.path.open("rb")
        except PermissionError as exc:
            raise InputError(f"permission denied: {exc.strerror or exc}", source.name) from exc
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror or exc}", source.name) from exc
        with fh:
            kind = binary_kind(fh.read(8192))  # one reason for a binary file, not one per line
            if kind is not None:
                raise DecodeError(f"binary file ({kind}), not JSON Lines", source.name)
            fh.seek(0)
            yield from _jsonl(fh, source.name, settings)
        return
    data = read_limited(source.path, source.name, limit)
    if suffix in FEED_SUFFIXES:
        decode(data, source.name)  # binary and empty files get the same clear reasons as other kinds
        yield from read_feed(data, source.name, max_chars)
        return
    text, note = decode(data, source.name)
    if suffix in TEXT_SUFFIXES:
        yield read_text(text, source.name, max_chars, note)
    elif suffix in HTML_SUFFIXES:
        yield read_html(text, source.name, max_chars, note=note)
    else:
        yield from _sniffed(data, text, note, source, settings)


def _sniffed(
    data: bytes, text: str, note: str | None, source: Source, settings: Settings
) -> Iterator[Article | Reject]:
    """A file with an unknown extension: read it when its content says what it is."""
    head = text.lstrip()[:4096]
    low = head.lower()
    if head.startswith("<") and looks_like_feed(head):
        yield from read_feed(data, source.name, settings.max_article_chars)
    elif head.startswith("<") and ("<html" in low or "<!doctype html" in low):
        yield read_html(text, source.name, settings.max_article_chars, note=note)
    elif head.startswith("{") and _first_line_is_json_object(head):
        yield from _jsonl(io.BytesIO(data), source.name, settings)
    elif source.suffix == "":
        yield read_text(text, source.name, settings.max_article_chars, note)
    else:
        raise FormatError(
            f"unknown file type {source.suffix!r} and the content is not a feed, HTML or JSON Lines "
            f"(expected one of {KNOWN})",
            source.name,
        )


def _first_line_is_json_object(head: str) -> bool:
    import json

    try:
        return isinstance(json.loads(head.split("\n", 1)[0]), dict)
    except ValueError:
        return False


def _jsonl(fh: BinaryIO, name: str, settings: Settings) -> Iterator[Article | Reject]:
    lines = iter_lines(fh, settings.max_file_bytes)
    yield from read_jsonl(lines, name, settings.max_file_bytes, settings.max_article_chars)


def _read_stdin(fh: BinaryIO, settings: Settings) -> Iterator[Article | Reject]:
    """Standard input holds JSON Lines or one plain-text article; the first non-blank line decides."""
    limit = settings.max_file_bytes
    buffered: list[tuple[int, bytes | None]] = []
    lines = iter_lines(fh, limit)
    for lineno, raw in lines:
        buffered.append((lineno, raw))
        if raw is None or raw.strip():
            break
    first = next((raw for _, raw in reversed(buffered) if raw is not None and raw.strip()), b"")
    if first.lstrip(b"\xef\xbb\xbf \t").startswith(b"{"):

        def replay() -> Iterator[tuple[int, bytes | None]]:
            yield from buffered
            yield from lines

        # each article's origin is "<stdin>:N", as for a named JSON Lines file
        yield from read_jsonl(replay(), STDIN, limit, settings.max_article_chars)
        return
    head = b"".join(raw for _, raw in buffered if raw is not None)
    if any(raw is None for _, raw in buffered):
        raise FormatError("standard input starts with a line over the size limit", STDIN)
    data = head + read_stream_limited(fh, STDIN, max(limit - len(head), 0))
    text, note = decode(data, STDIN)
    yield read_text(text, STDIN, settings.max_article_chars, note)


def _noted(article: Article, note: str | None) -> Article:
    if note:
        article.extra.setdefault("ingest_notes", []).append(note)
    return article


def _fetch(url: str, limit: int) -> tuple[bytes, str]:
    """The body of ``url`` (at most ``limit`` bytes) and its content type."""
    import httpx

    from warta import __version__

    try:
        with httpx.Client(
            follow_redirects=True, timeout=HTTP_TIMEOUT_S, headers={"User-Agent": f"warta/{__version__}"}
        ) as client, client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise InputError(f"HTTP {resp.status_code} {resp.reason_phrase}", url)
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise TooLargeError(f"response is over the limit of {limit:,} bytes (ingest.max_file_bytes)", url)
                chunks.append(chunk)
            return b"".join(chunks), resp.headers.get("content-type", "").lower()
    except httpx.HTTPError as exc:
        raise InputError(f"cannot fetch URL: {type(exc).__name__}: {exc}", url) from exc
