"""Boundary repairs for model spans, before they become mentions.

The NER model (trained on sentence-level corpora) makes a few boundary errors again and again
on news text; each repair below is a rule about Indonesian writing, not about any article:

1. :func:`trim_lowercase` — a name starts and ends with a capitalised word: a lowercase
   word at either edge is dropped ("kota Ambarawa" → "Ambarawa", "Kemenkeu selaku" →
   "Kemenkeu"); name particles (bin, van, de, al …) are kept inside a name but not at its edges.
2. :func:`split_sentences` — a span never crosses the end of a sentence ("Dewan. Selanjutnya"
   → "Dewan"); a dot after a title or an initial ("Prof. Budi", "M. Santoso") is no sentence end.
3. :func:`split_brackets` — "Organisasi Kesehatan Dunia (WHO)" in one span is the name and
   its abbreviation. :func:`split_coordination` — a place span "Bandung dan Garut" is two
   places (a country named with "dan", "Bosnia dan Herzegovina", stays whole); an
   organisation span is split only when one side is a known place ("Beijing dan Kota Ulan"
   tagged ORG), since "Kementerian Pendidikan dan Kebudayaan" is one name.
4. :func:`role_into_person` — a person span that starts with the tail of the role written
   before it ("Gubernur [Kaltim Sri Wahyuni]", "Kepala Staf [Kepresidenan Amir]") gives that
   tail back to the role: a place, country or table abbreviation, any acronym of three
   letters or more ("Menteri [ESDM Bahlil]"), or a derived noun of the ke-…-an / pe(r)-…-an
   shape (the field of the office: Kepresidenan, Pertahanan).
5. :func:`split_country_head` — a place span "<country> <Name>" is two names ("surat kabar
   Israel Ha'ir"), unless the second word makes a region of it ("Amerika Latin").
6. :func:`person_after_org` — an organisation span that runs into the person named after it
   ("Gubernur [BI Hendra Kusuma]" tagged ORG; "Ketua Fraksi X [DPR RI Ratna] [Sari
   Dewi]"): the leading acronyms, countries and table organisations stay the organisation,
   the capitalised words after them are the person (joined with a PER span right after).
"""

from __future__ import annotations

import re

from warta.readers.aliases import find_abbreviation, find_country, place_table
from warta.readers.roles import HONORIFICS, ministry_field, role_before

Raw = tuple[int, int, str]

# English and Indonesian words that close an organisation's name ("Amanah Foundation",
# "Cakra Racing"); the word before them is the organisation's short form.
ORG_SUFFIXES: frozenset[str] = frozenset({
    "International", "Internasional", "Racing", "Team", "FC", "Group", "Grup", "Corporation", "Corp", "Inc",
    "Ltd", "Airlines", "Airways", "Motors", "Foundation", "Institute", "Tbk", "Holdings", "Company",
    "Watch", "Agency", "Council", "Association", "University", "Network",
})

# Particles that may stand lowercase inside a name ("Osama bin Laden", "Robin van Persie").
_PARTICLES: frozenset[str] = frozenset({"bin", "binti", "van", "der", "den", "de", "da", "di", "dos", "von", "al",
                                        "el", "la", "le", "of", "and", "dan", "the", "y", "ibn"})
# Abbreviations written with a dot that do not end a sentence inside a name.
DOTTED: frozenset[str] = frozenset({h.rstrip(".") for h in HONORIFICS} | {
    "jend", "kol", "brig", "let", "mayj", "st", "jl", "no", "kab", "kec", "kel", "sdr", "moh", "muh", "mr", "mrs",
    "ms", "dra", "hj", "tgk", "ust", "letkol", "mgr", "pdt", "bpk", "sdri",
})
# The field of an office, as Indonesian derives it: ke-…-an (Kepresidenan, Keamanan, Kesehatan)
# and pe-/per-/pen-/pem-/peng-…-an (Pertahanan, Pendidikan, Pembangunan). Given names of this
# shape are rare; the rule only applies right after a role head, and one word must remain.
FIELD_NOUN = re.compile(r"^(?:Ke|Pe|Per|Pen|Pem|Peng|Peny)[a-z]{3,}an$")


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]


def _is_lower(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].islower()


def trim_lowercase(text: str, span: Raw) -> Raw | None:
    start, end, label = span
    words = _words(text, start, end)
    if not any(not _is_lower(text[s:e]) for s, e in words):
        return span  # an all-lowercase brand ("detikcom", "kumparan") is kept as the model found it
    while words and _is_lower(text[words[0][0]:words[0][1]]):
        words = words[1:]
    while words and _is_lower(text[words[-1][0]:words[-1][1]]):
        words = words[:-1]
    if not words:
        return None
    return words[0][0], words[-1][1], label


# Function words that open a sentence, capitalised there, which the model sometimes takes into
# the name after them ("Adalah Eden Hazard yang …", "Sementara Rina Kusuma …"). Conjunctions,
# prepositions, copulas and discourse markers only: no word here begins an Indonesian name
# (unlike "Bulan", "Baru" or "Ibu", which the spaCy stop list also holds).
_OPENING_FUNCTION_WORDS: frozenset[str] = frozenset({
    "adalah", "ialah", "yaitu", "yakni", "namun", "tapi", "tetapi", "sementara", "sedangkan", "menurut",
    "bahkan", "bagi", "untuk", "oleh", "dari", "dengan", "pada", "kepada", "meski", "meskipun", "walau",
    "walaupun", "jika", "kalau", "bila", "apabila", "sejak", "ketika", "setelah", "sebelum", "selain",
    "termasuk", "seperti", "hingga", "sampai", "karena", "sebab", "maka", "kemudian", "atau", "bahwa", "agar",
    "supaya", "tanpa", "nah", "adapun", "saat", "usai",
})  # not "Di", "Dan", "Yang", "Lalu", "Demi": they begin names (Di Maria, Dan Brown, Yang Jiechi,
# Lalu Zohri, Demi Moore)


def trim_opening_word(text: str, span: Raw) -> Raw:
    """Drop a capitalised function word that opens a span of 2+ words: "Adalah Eden Hazard" → "Eden Hazard"."""
    start, end, label = span
    words = _words(text, start, end)
    if len(words) >= 2 and text[words[0][0]:words[0][1]].lower() in _OPENING_FUNCTION_WORDS \
            and not _is_lower(text[words[1][0]:words[1][1]]):
        return words[1][0], end, label
    return span


def trim_dashes(text: str, span: Raw) -> Raw | None:
    """A dash the model took in at an edge ("Ridwan Kamil - Daniel …" tagged "Ridwan Kamil -") is cut."""
    start, end, label = span
    m = re.fullmatch(r"([-–—]\s+)?(.*?)(\s+[-–—])?", text[start:end], re.S)
    if m is None or not m.group(2):
        return None
    return start + m.start(2), start + m.end(2), label


def split_place_comma(text: str, span: Raw) -> list[Raw]:
    """A place span "Gedung KPK, Jakarta" or "Hotel X, Jakarta Selatan" is two places.

    Only places: an organisation's name may hold a comma ("Badan Meteorologi, Klimatologi dan
    Geofisika"). Both parts must start with a capital.
    """
    start, end, label = span
    if label != "LOC" or ", " not in text[start:end]:
        return [span]
    out: list[Raw] = []
    s = start
    for m in re.finditer(r", (?=[A-Z])", text[start:end]):
        out.append((s, start + m.start(), label))
        s = start + m.end()
    out.append((s, end, label))
    if any(not text[a:b][:1].isupper() for a, b, _ in out):
        return [span]
    return out


def split_sentences(text: str, span: Raw) -> list[Raw]:
    start, end, label = span
    out: list[Raw] = []
    s = start
    for m in re.finditer(r"(\w+)[.!?]\s+(?=[A-Z])", text[start:end]):
        word = m.group(1)
        if len(word) < 3 or word.isupper() or word.lower() in DOTTED:
            continue  # an initial ("M."), an acronym or a title, not the end of a sentence
        out.append((s, start + m.start(1) + len(word), label))
        s = start + m.end()
    out.append((s, end, label))
    # the piece after a sentence end is one capitalised word that opens a new sentence
    # ("Selanjutnya"): the model ran on into it, it names nothing
    return [out[0]] + [p for p in out[1:] if len(_words(text, p[0], p[1])) > 1]


def split_brackets(text: str, span: Raw) -> list[Raw]:
    """ "Organisasi Kesehatan Dunia (WHO)" as one span → the name and its abbreviation."""
    start, end, label = span
    m = re.search(r"\s*\(\s*([^()]+?)\s*\)?$", text[start:end])
    if m is None or m.start() == 0:
        return [span]
    outer = (start, start + m.start(), label)
    inner = m.group(1)
    # only an acronym in brackets is another name of the same thing ("(WHO)"); a legal form
    # or a place ("(Persero)", "(Serpong)") is dropped from the name
    if sum(c.isupper() for c in inner) >= 2 and " " not in inner:
        return [outer, (start + m.start(1), start + m.end(1), label)]
    return [outer]


def split_coordination(text: str, span: Raw, loc_forms: set[str]) -> list[Raw]:
    start, end, label = span
    if label not in {"LOC", "ORG"} or find_country(text[start:end]) is not None:
        return [span]
    m = re.search(r"\s+dan\s+(?=[A-Z])", text[start:end])
    if m is None or not text[start:start + m.start()][:1].isupper():
        return [span]
    left, right = text[start:start + m.start()], text[start + m.end():end]
    # an organisation name may hold "dan" ("Kementerian Pendidikan dan Kebudayaan"): split it
    # only when one side is a place in its own right (a table place, a country, or a place
    # the model found alone elsewhere in the article: "Beijing dan Kota Ulan")
    if label == "ORG" and not any(side in loc_forms or side in place_table() or find_country(side) is not None
                                  for side in (left, right)):
        return [span]
    return [(start, start + m.start(), label), (start + m.end(), end, label)]


def _describes_place_or_body(word: str) -> bool:
    w = word.strip(",.")
    return find_country(w) is not None or find_abbreviation(w) is not None or w in place_table()


# words that make a country name a region or another name ("Amerika Latin", "Inggris Raya")
_QUALIFIERS: frozenset[str] = frozenset({
    "Utara", "Selatan", "Barat", "Timur", "Tengah", "Tenggara", "Raya", "Latin", "Daya", "Laut",
    "Darat", "Udara", "Baru", "Lama", "Kuno", "Modern", "Daily", "Today", "Herald", "Times", "Post",
})


def split_country_head(text: str, span: Raw) -> list[Raw]:
    """A place span "<country> <Name>" is an appositive: "surat kabar Israel Ha'ir" → two."""
    start, end, label = span
    words = _words(text, start, end)
    if label != "LOC" or len(words) != 2 or find_country(text[start:end]) is not None:
        return [span]
    first, second = (text[s:e] for s, e in words)
    if find_country(first) is None or second in _QUALIFIERS or second in ORG_SUFFIXES or not second[:1].isupper() \
            or second.isupper():
        return [span]
    return [(words[0][0], words[0][1], "LOC"), (words[1][0], words[1][1], "LOC")]


# An acronym of three letters or more right after a role names the office's body or field
# ("Menteri [ESDM] Bahlil …", "Dirut [PLN] …" when not in our table); a person's initials
# are two letters ("HM") or dotted.
OFFICE_ACRONYM = re.compile(r"^[A-Z]{3,6}(?:-[A-Z]{1,4})?$")


def role_into_person(text: str, span: Raw) -> Raw | None:
    start, end, label = span
    if label != "PER" or (role := role_before(text, start)) is None:
        return span
    words = _words(text, start, end)
    k = ministry_field(role, [text[s:e] for s, e in words])  # "Menteri [Sosial Saifullah Yusuf]"
    while k < len(words) - 1:
        w = text[words[k][0]:words[k][1]]
        if not (_describes_place_or_body(w) or FIELD_NOUN.match(w) or OFFICE_ACRONYM.match(w)):
            break
        k += 1
    if k and k == len(words) - 1:
        last = text[words[k][0]:words[k][1]]
        if re.search(rf"(?<![\w-]){re.escape(last.lower())}(?![\w-])", text):
            return None  # "Kepala Bagian [Pengadaan Alat]": what is left is a common word
    return (words[k][0], end, label) if k else span


def _org_like(word: str) -> bool:
    w = word.strip(",.")
    return (len(w) >= 2 and w.isupper()) or _describes_place_or_body(w)


# Words that open or close an organisation's own name: a run starting with one ("PT Sinar
# Abadi", "Bank …") is a company, and a tail holding one ("Fraksi Hanura") is no person.
_ORG_WORDS: frozenset[str] = frozenset({
    "pt", "cv", "tbk", "persero", "bank", "partai", "fraksi", "komisi", "kementerian", "badan", "dewan", "majelis",
    "kabinet", "koperasi", "yayasan", "lembaga", "universitas", "institut", "sekolah", "tim", "klub", "grup",
    "dinas", "kantor", "polda", "polres", "kejaksaan", "pengadilan", "direktorat", "satgas", "perum", "ud",
})


def _person_tail(text: str, start: int, end: int, words: list[tuple[int, int]]) -> int | None:
    """Index of the first word of a person's name after an organisation part, or None.

    The organisation part is acronyms, countries, places and table bodies, at least one of
    them from a table ("BI", "DPR RI", "KPK"), and does not open with a company or
    institution word ("PT Sinar Abadi Makmur" is one company); the tail is one to four
    title-case words, none an organisation word, a table form or a place qualifier ("Jawa
    Barat" is one place).
    """
    whole = text[start:end]
    if find_country(whole) is not None or find_abbreviation(whole) is not None or whole in place_table():
        return None
    first = text[words[0][0]:words[0][1]].lower().strip(".")
    if first in _ORG_WORDS:
        return None
    k, table = 0, False
    while k < len(words):
        # a table body of two words or more ("Komnas HAM Saurlin P Siagian")
        j = next((j for j in range(len(words) - 1, k + 1, -1)
                  if find_abbreviation(text[words[k][0]:words[j - 1][1]]) is not None), None)
        if j is not None:
            k, table = j, True
        elif _org_like(text[words[k][0]:words[k][1]]):
            table = table or _describes_place_or_body(text[words[k][0]:words[k][1]])
            k += 1
        else:
            break
    rest = [text[s:e] for s, e in words[k:]]
    if not k or not 1 <= len(rest) <= 4 or not table:
        return None
    # an initial inside the name is one capital ("Saurlin P Siagian")
    if not all(w[:1].isupper() and (not w.isupper() or len(w.rstrip(".")) == 1) and w.lower() not in _ORG_WORDS
               and w not in ORG_SUFFIXES and w not in _QUALIFIERS and not _describes_place_or_body(w) for w in rest):
        return None
    return k


def person_after_org(text: str, spans: list[Raw]) -> list[Raw]:
    """Split "ORG-part + person" spans; a person span right after absorbs the person part."""
    per_at = {s: (s, e, lab) for s, e, lab in spans if lab == "PER"}
    out: list[Raw] = []
    absorbed: set[int] = set()
    for start, end, label in spans:
        words = _words(text, start, end)
        k = _person_tail(text, start, end, words) if label in {"ORG", "LOC"} and len(words) >= 2 else None
        if k is None:
            out.append((start, end, label))
            continue
        nxt = re.match(r" (?=\S)", text[end:end + 2])
        follower = per_at.get(end + 1) if nxt else None
        if follower is not None:
            out.append((start, words[k - 1][1], label))
            out.append((words[k][0], follower[1], "PER"))
            absorbed.add(follower[0])
        elif len(words) - k >= 2 and role_before(text, start) is not None:
            out.append((start, words[k - 1][1], label))
            out.append((words[k][0], end, "PER"))
        else:
            out.append((start, end, label))
    return [sp for sp in out if not (sp[2] == "PER" and sp[0] in absorbed and sp in per_at.values())]


def repair(text: str, raw: list[Raw]) -> list[Raw]:
    """All repairs, in order, over one article's model spans."""
    out: list[Raw] = []
    loc_forms = {text[s:e] for s, e, lab in raw if lab == "LOC"}
    for span in raw:
        for piece in split_sentences(text, span):
            trimmed = trim_lowercase(text, piece)
            if trimmed is None or (trimmed := trim_dashes(text, trimmed)) is None:
                continue
            trimmed = trim_opening_word(text, trimmed)
            for part in (p for c in split_place_comma(text, trimmed) for p in split_brackets(text, c)):
                for piece2 in split_coordination(text, part, loc_forms):
                    out += [r for p in split_country_head(text, piece2) if (r := role_into_person(text, p))]
    return person_after_org(text, sorted(out))

