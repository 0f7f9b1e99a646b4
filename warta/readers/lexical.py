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
* :func:`outlet_channels` — a portal's channel glued to its name ("detikNews", "kumparanBISNIS").
* :func:`nickname_links` — a nickname opened by a word of address right after a full name
  ("Saifullah Yusuf (Gus Ipul)"); :func:`ethnic_cues` — peoples after "etnis"/"suku".
* :func:`the_west` — "Barat" capitalised on its own is the West, a political region
  ("negara-negara Barat", "tekanan dari Barat"), not part of a place name.
"""

from __future__ import annotations

import re
from functools import cache

from warta.readers.aliases import find_abbreviation, find_country, people_table, place_table
from warta.readers.mentions import Mention, _overlaps
from warta.readers.roles import ADDRESS_WORDS
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
    """A model LOC/PER span ending in an organisation word is an ORG ("Cakra Racing" as LOC),
    and so is a one-word "Kemen…" ministry name the model took for a person ("Kemensos")."""
    out = []
    for s, e, label in raw:
        words = text[s:e].split()
        last = words[-1] if words else ""
        suffixed = len(words) >= 2 and last in ORG_SUFFIXES
        ministry = len(words) == 1 and _MINISTRY.fullmatch(last) is not None \
            and last.lower() not in _NOT_MINISTRY and not last.lower().startswith("kementer")
        out.append((s, e, "ORG" if label != "ORG" and (suffixed or ministry) else label))
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


# The channels of the big portals are written glued to the portal's name ("dikutip dari detikNews",
# "detikFinance", "kumparanBISNIS"): each is an organisation (a desk of the outlet). detik's
# channels are listed (its topic and regional desks, as the portal names them), so that a
# channel glued to the next word by lost spacing ("detikJabarmenyusuri") is not taken whole.
_DETIK_CHANNELS = (
    "News", "Finance", "Sport", "Sepakbola", "Oto", "Inet", "Hot", "Health", "Travel", "Food", "Edu", "Hikmah",
    "Properti", "Pop", "Sore", "Pagi", "Jabar", "Jateng", "Jatim", "Jogja", "Bali", "Sumut", "Sumbagsel",
    "Sulsel", "Kalimantan",
)
_CHANNEL = re.compile(rf"(?<![\w.])(?:detik(?:{'|'.join(_DETIK_CHANNELS)})|kumparan[A-Z]{{3,}})(?!\w)")


def outlet_channels(text: str, taken: list[Mention]) -> list[Mention]:
    spans = [(m.start, m.end) for m in taken]
    out = []
    for m in _CHANNEL.finditer(text):
        if _free(m.start(), m.end(), spans):
            spans.append(m.span())
            out.append(Mention(m.start(), m.end(), m.group(), "ORG", "described"))
        else:  # the model's span of exactly the channel may have another label ("detikNews" as PER)
            for t in taken:
                if (t.start, t.end) == m.span():
                    t.label = "ORG"
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
    for finder in (suffixed_names, ministry_words, described_names, outlet_channels, the_west):
        found += finder(text, taken + found)
    return found


_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*|[\"“]\s*)$")
# Abstract nouns by their borrowed suffixes ("Russophobia", "Islamofobia", "Zionisme",
# "Globalisasi"): capitalised by some writers, never a person's name.
_ABSTRACT = re.compile(r"(?:phobia|fobia|isme|ism|isasi)$", re.IGNORECASE)
_TABLE_SOURCES = frozenset({"country", "abbr", "place", "people", "paren"})
# Verbal morphology of Indonesian (active me-/mem-/men-/meng-/meny-, ber-, passive di-, ter-;
# causative -kan, and -nya; not per-, which opens nouns and names: "Perancis", "Pertamina"):
# "Memasuki babak kedua", "Berdasarkan data", "Dilansir dari".
# A name opening a sentence rarely has this shape AND seven letters AND an Indonesian ending
# (a vowel other than -o, one final consonant, or -ng) AND only native letters (no z/q/x/v,
# no doubled letter other than aa/ii/gg/kk/nn): "Dimas", "Meng" are too short, "Bernard" ends
# in a consonant cluster, "Menezes" has a z, "Terrell" a double r. ("Mendes" is the short title
# of the village minister, a role word of roles.py, dropped as a bare role.) The bounds were
# checked on the 1,000 IndoSum + 1,000 detik-1k articles of docs/entities.md (2026-11-23):
# every one of the 110 ids the opening-word rules drop there is an ordinary word.
_VERB_PREFIX = re.compile(r"^(?:mem[bpf]|men[cdjtz]|meng[aeiougkh]|meny[aeiou]|mem?[aeiou]|men[aeiou]"
                          r"|me[lrwy]|ber|di|ter)[a-z]{3,}$")
_VERB_SUFFIX = re.compile(r"^[a-z]{4,}(?:kan|nya)$")
_INDONESIAN_END = re.compile(r"(?:[aeiu]|[aeiou][kmnhlrstp]|ng)$")  # -o: "Diponegoro"
_FOREIGN = re.compile(r"[zqxv]|([bcdfhjlmprstwy])\1|ee|oo|uu")
# Words that open a sentence or a link line in news text (imperatives, caption words,
# connectives), written for Warta: "Lihat juga Video …", "Yuk, simak …", "Alhasil, …".
_OPENERS: frozenset[str] = frozenset({
    "lihat", "baca", "simak", "saksikan", "tonton", "klik", "yuk", "ayo", "mari", "foto", "video", "ilustrasi",
    "sumber",
    # connectives that open a sentence and are missing from spaCy's Indonesian stop words
    "alhasil", "jelang", "sayang", "kendati", "selepas", "sembari", "kemarin", "lantaran", "seiring", "pasca",
    "maklum", "sehubungan", "berkat",
})
# Religious interjections, capitalised wherever they stand ("…, Alhamdulillah sudah selesai"): never a name.
_INTERJECTIONS: frozenset[str] = frozenset({
    "alhamdulillah", "insyaallah", "insya allah", "astaghfirullah", "masyaallah", "subhanallah", "bismillah",
})
_NEXT_LOWER = re.compile(r"^,?\s+[a-z]")
_BYLINE_BEFORE = re.compile(r"[.!?\"”]\s*\($")
_BYLINE_AFTER = re.compile(r"^\)\s*(?:\n|$)")


def _verb_shaped(word: str) -> bool:
    w = word.lower()
    if len(w) < 7 or not w.isalpha() or not _INDONESIAN_END.search(w) or _FOREIGN.search(w):
        return False
    return _VERB_PREFIX.match(w) is not None or _VERB_SUFFIX.match(w) is not None


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.id.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _capitalised_mid_sentence(text: str, word: str) -> bool:
    """The article writes the word capitalised where no sentence starts ("kata Dimas"): a name."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
        if not _SENTENCE_START.search(text[max(0, m.start() - 3):m.start()]):
            return True
    return False


def _opening_word(text: str, m: Mention) -> bool:
    """A sentence-opening word of the language (stop word, verb, imperative) the model took for a name.

    Only when the next word is lowercase ("Memasuki babak kedua", "Demi menghindari"), since a
    common word is never followed by the rest of a name, or when a listed word is set off by a
    comma or colon ("Alhasil, …"); and never when the article uses the word as a name mid-sentence.
    """
    word = m.text
    w = word.lower()
    listed = w in _OPENERS or w in _stop_words()
    if not (listed or _verb_shaped(word)):
        return False
    # a listed word set off by a comma or colon is a connective or caption label whatever
    # follows ("Alhasil, Barcelona …", "Foto: Antara"); a verb-shaped word before a colon may
    # be a speaker's name in an interview ("Dimitri: Saya …")
    if not (_NEXT_LOWER.search(text[m.end:m.end + 3]) or (listed and text[m.end:m.end + 1] in ",:")):
        return False
    return not _capitalised_mid_sentence(text, word)


def _byline(text: str, m: Mention) -> bool:
    """A one-word name alone in brackets that closes a paragraph is the writer's byline ("(Tri)")."""
    return _BYLINE_BEFORE.search(text[max(0, m.start - 3):m.start]) is not None \
        and _BYLINE_AFTER.match(text[m.end:m.end + 3]) is not None


def drop_common_words(text: str, mentions: list[Mention]) -> list[Mention]:
    """Remove one-word "names" that are ordinary words the model took for names.

    * A bare role word ("Terdakwa", "Ekonom", "Gubernur", "Jubir") names an office, not an
      entity: the person is named elsewhere, or not at all.
    * A capitalised word opening a sentence ("Harian", "Penyidik", "Utang") that the same
      article also writes in lowercase is a common word, unless it is part of a longer name
      found in the article ("Ratna" of "Ratna Sari Dewi") or comes from our tables.
    * A one-word "person" with an abstract-noun suffix ("Russophobia", "Zionisme").
    * A word opening a sentence that is a stop word, an imperative or interjection, or has
      the shape of an Indonesian verb, followed by a lowercase word ("Memasuki babak kedua",
      "Demi menghindari", "Lihat juga"), unless the article uses it as a name mid-sentence.
    * A religious interjection ("Alhamdulillah") wherever it stands.
    * A one-word person alone in brackets closing a paragraph: a byline ("(Tri)").
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
                and (_lowercase_elsewhere(text, word) or _opening_word(text, m)):
            continue
        if m.text.lower() in _INTERJECTIONS:
            continue
        if single and m.label == "PER" and _byline(text, m):
            continue
        out.append(m)
    return out


# A public figure's nickname opens with a word of address (roles.ADDRESS_WORDS); news gives it
# right after the full name, in brackets or after "atau" ("Saifullah Yusuf (Gus Ipul)",
# "Muhaimin Iskandar atau Cak Imin").
# ("Dukung Susi atau Cak Imin?" offers a choice: after "atau" the sentence goes on or ends with a full stop)
_NICKNAME = re.compile(
    rf"\s*(?:\(\s*((?:{'|'.join(ADDRESS_WORDS)})\s+[A-Z][a-z]+)\s*\)"
    rf"|,?\s+atau\s+((?:{'|'.join(ADDRESS_WORDS)})\s+[A-Z][a-z]+)(?=\s+[a-z]|[,.;:]))"
)


def nickname_links(text: str, mentions: list[Mention]) -> tuple[list[Mention], list[tuple[int, int]]]:
    """A person's full name followed by a nickname with a word of address: the nickname is the person.

    Returns the nickname mentions that were not found yet and (full name, nickname) index pairs
    (indices past ``len(mentions)`` are the new mentions, in order). Only after a name of two
    words or more that is a person; a nickname crossing another mention is left alone.
    """
    index = {(m.start, m.end): i for i, m in enumerate(mentions)}
    added: list[Mention] = []
    links: list[tuple[int, int]] = []
    for i, m in enumerate(mentions):
        if m.label != "PER" or " " not in m.text or (n := _NICKNAME.match(text, m.end)) is None:
            continue
        s, e = n.span(1) if n.group(1) else n.span(2)
        j = index.get((s, e))
        if j is None:
            if not _free(s, e, [(o.start, o.end) for o in mentions + added]):
                continue
            added.append(Mention(s, e, text[s:e], "PER", "paren"))
            j = index[(s, e)] = len(mentions) + len(added) - 1
        links.append((i, j))
    return added, links


# "etnis Rohingya", "suku Baduy": the capitalised words after one of these name a people (MISC),
# whatever the model called them (it has no MISC and says LOC). Lower-case cues only: the
# capitalised "Suku Bunga" of a headline is the interest rate.
_ETHNIC_CUE = re.compile(r"(?<![\w-])(?:etnis|suku(?: bangsa)?) ([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?![\w-])")
_CALENDAR = frozenset({
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Januari", "Februari", "Maret", "April",
    "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember",
})


def ethnic_cues(text: str, mentions: list[Mention]) -> list[Mention]:
    """Peoples named after "etnis"/"suku": relabel their mentions MISC, add missed ones.

    The name is the one or two capitalised words after the cue, up to a country, a place of our
    tables or a day/month ("etnis Rohingya Myanmar" → Rohingya). Every mention with that text
    is relabelled, so the people is one MISC entity. Countries and table places are left alone
    ("suku Jawa" and the island stay one entity), as are names of the people and organisation
    tables.
    """
    spans = [(m.start, m.end) for m in mentions]
    names: set[str] = set()
    out = []
    for c in _ETHNIC_CUE.finditer(text):
        words: list[str] = []
        for w in c.group(1).split():
            if find_country(w) is not None or w in place_table() or w in _CALENDAR:
                break
            words.append(w)
        name = " ".join(words)
        if not name or name.casefold() in people_table() or name in place_table():
            continue
        if (entry := find_abbreviation(name)) is not None and entry.type != "MISC":
            continue
        names.add(name)
        start, end = c.start(1), c.start(1) + len(name)
        if not _overlaps(start, end, spans):
            spans.append((start, end))
            out.append(Mention(start, end, name, "MISC", "ethnic"))
    for m in mentions:
        if m.text in names and m.label != "GPE":
            m.label = "MISC"
    return out
