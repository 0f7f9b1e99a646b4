"""Names found by how Indonesian news writes them, where the model often misses them.

Each finder returns new :class:`~warta.readers.mentions.Mention` objects that overlap no
mention already found. The patterns are conventions of the language and of news writing,
written for Warta, not names taken from any article:

* :func:`suffixed_names` — a capitalised name closed by an organisation word ("Amanah
  Foundation", "Cakra Racing", "Garuda Airlines"): an ORG, and its first word alone is a
  short form of it ("Amanah"); :func:`relabel_suffixed` makes a model span of that shape ORG.
* :func:`ministry_words` — one-word ministry names are built on "Kemen-"/"Kemenko-"
  ("Kemenparekraf", "Kemenkumham"): an ORG (the common words "Kemenangan", "Kemenyan" are not).
* :func:`described_names` — a lowercase descriptor then a capitalised name: "kantor berita
  Sinar Pagi", "surat kabar Kompas", "harian Republika", "majalah Tempo", "stasiun televisi X".
* :func:`the_west` — "Barat" capitalised on its own is the West, a political region
  ("negara-negara Barat", "tekanan dari Barat"), not part of a place name.
"""

from __future__ import annotations

import re

from warta.readers.mentions import Mention
from warta.readers.spans import ORG_SUFFIXES

_SUFFIXED = re.compile(
    r"(?<![\w-])((?:[A-Z][\w'’\-]*\s+){1,3}(?:" + "|".join(sorted(ORG_SUFFIXES)) + r"))(?![\w-])"
)
_MINISTRY = re.compile(r"(?<![\w-])(Kemen(?:ko)?[a-z]{2,}(?:[A-Z]{1,4})?)(?![\w-])")
_NOT_MINISTRY: frozenset[str] = frozenset({"kemenangan", "kemenyan", "kementerian", "kemenakan", "kemenangannya"})
_DESCRIBED = re.compile(
    r"(?<![\w-])(?:kantor berita|surat kabar|harian|majalah|tabloid|stasiun televisi|stasiun radio|media)"
    r"\s+([A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2})(?=\s+[a-z]|\s*[,.;:!?)\"”]|$)"
)
_WEST = re.compile(r"(?<![\w-])Barat(?=\s+[a-z]|\s*[,.;:!?)\"”]|$)")
# "di sebelah Barat kota": a direction written with a capital, not the West
_DIRECTION_BEFORE: frozenset[str] = frozenset({
    "sebelah", "arah", "bagian", "sisi", "penjuru", "mata", "wilayah", "kawasan", "daerah", "zona", "pantai", "pesisir",
    "angin", "ujung",
})


def _free(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return not any(s < e2 and s2 < e for s2, e2 in spans)


def _lowercase_elsewhere(text: str, word: str) -> bool:
    """A word that the same article also writes in lowercase is a common word, not a name."""
    return re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None


def relabel_suffixed(text: str, raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A model LOC/PER span ending in an organisation word is an ORG ("Cakra Racing" as LOC)."""
    out = []
    for s, e, label in raw:
        last = text[s:e].split()[-1] if text[s:e].split() else ""
        out.append((s, e, "ORG" if label != "ORG" and len(text[s:e].split()) >= 2 and last in ORG_SUFFIXES
                    else label))
    return out


def suffixed_names(text: str, taken: list[Mention]) -> list[Mention]:
    spans = [(m.start, m.end) for m in taken]
    out = []
    for m in _SUFFIXED.finditer(text):
        s, e = m.span(1)
        # a capitalised ordinary word opening the sentence is no part of the name
        # ("Kemudian Cakra Group"): the article writes it lowercase elsewhere
        while (lead := re.match(r"(\S+)\s+", text[s:e])) and len(text[s:e].split()) > 2 \
                and _lowercase_elsewhere(text, lead.group(1)):
            s += lead.end()
        words = text[s:e].split()
        if words[0] in ORG_SUFFIXES or _lowercase_elsewhere(text, words[0]) or not _free(s, e, spans):
            continue
        spans.append((s, e))
        out.append(Mention(s, e, text[s:e], "ORG", "suffix"))
    return out


def ministry_words(text: str, taken: list[Mention]) -> list[Mention]:
    spans = [(m.start, m.end) for m in taken]
    out = []
    for m in _MINISTRY.finditer(text):
        word = m.group(1)
        if word.lower() in _NOT_MINISTRY or word.lower().startswith("kementer") \
                or _lowercase_elsewhere(text, word) or not _free(*m.span(1), spans):
            continue
        spans.append(m.span(1))
        out.append(Mention(m.start(1), m.end(1), word, "ORG", "ministry"))
    return out


def described_names(text: str, taken: list[Mention]) -> list[Mention]:
    spans = [(m.start, m.end) for m in taken]
    out = []
    for m in _DESCRIBED.finditer(text):
        s, e = m.span(1)
        while e > s and text[e - 1] in ".,":
            e -= 1
        if not _free(s, e, spans):
            continue
        spans.append((s, e))
        out.append(Mention(s, e, text[s:e], "ORG", "described"))
    return out


def the_west(text: str, taken: list[Mention]) -> list[Mention]:
    spans = [(m.start, m.end) for m in taken]
    out = []
    for m in _WEST.finditer(text):
        before = re.search(r"(\S+)\s+$", text[max(0, m.start() - 40):m.start()])
        prev = before.group(1) if before else ""
        # after a capitalised word "Barat" ends a place name ("Jawa Barat", "Papua Barat")
        if not prev or not prev.rstrip(",").split("-")[-1].islower() or prev.lower() in _DIRECTION_BEFORE:
            continue
        if _free(m.start(), m.end(), spans):
            spans.append((m.start(), m.end()))
            out.append(Mention(m.start(), m.end(), "Barat", "LOC", "lexical"))
    return out


def lexical_names(text: str, taken: list[Mention]) -> list[Mention]:
    """All finders above, in order, each seeing what the earlier ones found."""
    found: list[Mention] = []
    for finder in (suffixed_names, ministry_words, described_names, the_west):
        found += finder(text, taken + found)
    return found


_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*|[\"“]\s*)$")
# Abstract nouns by their borrowed suffixes ("Russophobia", "Islamofobia", "Zionisme",
# "Globalisasi"): capitalised by some writers, never a person's name.
_ABSTRACT = re.compile(r"(?:phobia|fobia|isme|ism|isasi)$", re.IGNORECASE)
_TABLE_SOURCES = frozenset({"country", "abbr", "place", "people", "paren"})


def drop_common_words(text: str, mentions: list[Mention]) -> list[Mention]:
    """Remove one-word "names" that are ordinary words the model took for names.

    * A bare role word ("Terdakwa", "Ekonom", "Gubernur", "Jubir") names an office, not an
      entity: the person is named elsewhere, or not at all.
    * A capitalised word opening a sentence ("Harian", "Penyidik", "Utang") that the same
      article also writes in lowercase is a common word, unless it is part of a longer name
      found in the article ("Ratna" of "Ratna Sari Dewi") or comes from our tables.
    * A one-word "person" with an abstract-noun suffix ("Russophobia", "Zionisme").
    """
    from warta.readers.roles import ROLE_HEADS

    heads = frozenset(ROLE_HEADS)
    parts = {w for m in mentions if " " in m.text for w in m.text.split()}
    out = []
    for m in mentions:
        word = m.text
        single = " " not in word and not word.isupper() and m.source not in _TABLE_SOURCES
        if single and word.lower() in heads:
            continue
        if single and m.label == "PER" and _ABSTRACT.search(word):
            continue
        if single and word not in parts and _SENTENCE_START.search(text[max(0, m.start - 3):m.start]) \
                and _lowercase_elsewhere(text, word):
            continue
        out.append(m)
    return out
