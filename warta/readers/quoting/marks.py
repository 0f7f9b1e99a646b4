"""Find quotation-mark spans in a text: straight, curly, single, unbalanced, multi-paragraph.

Marks are paired paragraph by paragraph (a quote never closes in a later paragraph; a quote
that runs on opens each new paragraph again and closes only at its end, which is how
Indonesian and English newsrooms write it). Within a paragraph:

1. Double marks (“ ” " „ « ») are read left to right with an open/closed state: while closed
   any double mark opens, while open any double mark closes. This also pairs the tokenised
   IndoSum style ``"… berlanjut, "ujar Tun`` and a writer's “…“ or ”…” slips.
2. A paragraph left open closes at its end (``unbalanced``), unless an attribution
   (``, kata X``) inside shows where the writer forgot the closing mark.
3. A closing mark with nothing open, after at least a few words, closes a quote that
   began at the paragraph start (the opening mark was dropped).
4. Single marks (‘ ’ ') pair outside double quotes; an apostrophe between letters
   (Jum'at, Qur’an) is not a mark.

The result is candidates only: whether a span is a statement or a scare quote, title or
nickname is decided in :mod:`warta.readers.quoting.direct`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = "\"“”„«»‟"
SINGLE_MARKS = "'‘’‚‛"
_DOUBLE_OPENERS = "“„«‟"
_DOUBLE_CLOSERS = "”»"

# ", kata X" / ". ujarnya" inside an unclosed quote: the writer forgot the closing mark there.
_MISSING_CLOSE = re.compile(
    r"[,.!?]\s+(?=(?:kata|ujar|ucap|tutur|ungkap|jelas|tambah|imbuh|sambung|lanjut|tegas|terang|papar|"
    r"pungkas|tandas)(?:nya)?\b)"
)
# A reporting cue right after a mark: `Saya setuju," kata X` shows the mark closes a quote.
_CUE_AFTER = re.compile(
    r"[\s,]*(?:kata|ujar|ucap|tutur|ungkap|jelas|tambah|imbuh|sambung|lanjut|tegas|terang|papar|pungkas|tandas)"
    r"(?:nya)?\b"
)
# Fewest words before a stray closing mark for it to close a quote that began at the paragraph
# start; fewer is more likely a closing scare quote whose opener was lost.
_MIN_WORDS_STRAY_CLOSE = 4


@dataclass(slots=True)
class MarkSpan:
    """One pair of quotation marks (or an unbalanced one) and the content between them."""

    open: int  # index of the opening mark, or of the paragraph start when it was missing
    close: int | None  # index of the closing mark; None when the quote runs to the paragraph end
    start: int  # content start (after the opening mark and spaces)
    end: int  # content end (before the closing mark and spaces)
    para: int  # paragraph number
    single: bool = False
    unbalanced: bool = False

    @property
    def outer_end(self) -> int:
        """Index just after the closing mark (or the content end when there is none)."""
        return self.close + 1 if self.close is not None else self.end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: news bodies put one paragraph per line."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _opens(text: str, i: int, lo: int) -> bool:
    """Context says an opening mark: start of paragraph or after space/bracket, before a non-space."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:/" or i == lo) and not after.isspace()


def _double_spans(text: str, lo: int, hi: int, para: int) -> list[MarkSpan]:
    spans: list[MarkSpan] = []
    open_at: int | None = None
    for i in range(lo, hi):
        ch = text[i]
        if ch not in DOUBLE_MARKS:
            continue
        if open_at is None:
            closing_shape = ch in _DOUBLE_CLOSERS or (
                ch == '"' and not _opens(text, i, lo) and not text[i - 1].isspace()
            )
            stray_close = closing_shape and _CUE_AFTER.match(text, i + 1) is not None
            if stray_close and not spans and _word_count(text, lo, i) >= _MIN_WORDS_STRAY_CLOSE:
                s, e = _trim(text, lo, i)
                spans.append(MarkSpan(lo, i, s, e, para, unbalanced=True))
                continue
            open_at = i
        else:
            s, e = _trim(text, open_at + 1, i)
            spans.append(MarkSpan(open_at, i, s, e, para))
            open_at = None
    if open_at is not None:
        end = hi
        m = _MISSING_CLOSE.search(text, open_at + 1, hi)
        if m:
            end = m.start()
        s, e = _trim(text, open_at + 1, end)
        if e > s:
            spans.append(MarkSpan(open_at, None, s, e, para, unbalanced=True))
    return spans


def _single_spans(text: str, lo: int, hi: int, para: int, taken: list[MarkSpan]) -> list[MarkSpan]:
    spans: list[MarkSpan] = []
    open_at: int | None = None
    for i in range(lo, hi):
        ch = text[i]
        if ch not in SINGLE_MARKS or _is_apostrophe(text, i):
            continue
        if any(sp.open <= i <= sp.outer_end for sp in taken):
            continue  # nested inside a double quote: part of that quote
        if open_at is None:
            if ch in "’'" and not _opens(text, i, lo):
                continue  # a closing mark or a trailing apostrophe (Abdullah') with nothing open
            open_at = i
        else:
            before = text[i - 1]
            if ch in "‘" and _opens(text, i, lo):
                open_at = i  # the earlier one was stray; start again here
                continue
            if before.isspace() and ch == "'":
                continue
            s, e = _trim(text, open_at + 1, i)
            spans.append(MarkSpan(open_at, i, s, e, para, single=True))
            open_at = None
    return spans


def _word_count(text: str, start: int, end: int) -> int:
    return len(re.findall(r"\w+", text[start:end]))


def find_mark_spans(text: str) -> list[MarkSpan]:
    """Every quotation-mark span in ``text``, in order (double and single, balanced or not)."""
    out: list[MarkSpan] = []
    for n, (lo, hi) in enumerate(paragraphs(text)):
        doubles = _double_spans(text, lo, hi, n)
        out.extend(doubles)
        out.extend(_single_spans(text, lo, hi, n, doubles))
    out.sort(key=lambda s: s.open)
    return out
