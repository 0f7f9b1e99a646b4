"""People named right after a role that the model missed: "Juru bicara Kremlin Dmitry Peskov".

Indonesian news writes a person's role, capitalised, right before the name. After the role
head (:data:`warta.readers.roles.ROLE_HEADS`) the words that describe the role are skipped —
role words, countries, table bodies, places, the field of an office ("Kepresidenan"), the
ministry of a minister ("Menteri Sosial") and words inside an organisation already found — and
the two or three capitalised words left are the name (:func:`role_anchored`). Moved out of
:mod:`warta.readers.mentions` (2026-11-23) to keep that module small.
"""

from __future__ import annotations

import re

from warta.readers.aliases import find_abbreviation, find_country
from warta.readers.mentions import _NAME_HEADS, _TRIM, Mention, _overlaps
from warta.readers.roles import (
    ADDRESS_WORDS,
    HONORIFICS,
    RANKS,
    ROLE_HEADS,
    ROLE_WORDS,
    ministry_field,
    role_before,
)
from warta.readers.spans import DOTTED, FIELD_NOUN, OFFICE_ACRONYM

_ORG_HEADS: frozenset[str] = frozenset({
    "partai", "komisi", "fraksi", "kementerian", "badan", "dewan", "majelis", "lembaga", "kabinet", "universitas",
    "tim", "klub", "pt", "bank", "yayasan", "pengadilan", "mahkamah", "direktorat", "dinas", "kantor",
})
_CAP = r"[A-Z][\w'’.\-]*"
_ROLE_NAME = re.compile(
    rf"(?<!\w)(?P<head>(?i:{'|'.join(re.escape(h) for h in ROLE_HEADS)}))\s+(?P<run>{_CAP}(?:\s+{_CAP}){{0,6}})"
    rf"(?=\s+[a-z]|\s*[,.;:!?)\"”]|$"
    # or a bracket with the person's age, nickname or initials ("… Yusuf (Gus Ipul)", "(52)", "(BRT)"),
    # not an office's short name ("Kepala Seksi Intelijen (Kasi Intel)")
    rf"|\s+\((?=\s*(?:\d{{1,3}}\s*\)|(?:{'|'.join(ADDRESS_WORDS)})\s|[A-Z]{{2,4}}\s*\))))",
)


def role_anchored(text: str, taken: list[Mention]) -> list[Mention]:
    """People the model missed right after a role: "Juru bicara Kremlin Dmitry Peskov mengatakan".

    After the role head, words that describe the role (role words, countries, table
    organisations, places, the field of the office such as "Kepresidenan", and words inside
    an ORG/LOC already found: "juru bicara Kementerian Luar Negeri China Liu Jianwei") are
    skipped; the two or three capitalised words left before a lowercase word or punctuation
    are the name; after a military or police rank one word is enough ("Jenderal Sutanto,").
    The name ends at the end of a sentence ("anggota Dewan. Selanjutnya" names nobody).
    """
    spans = [(m.start, m.end) for m in taken]
    org_forms = {m.text for m in taken if m.label in {"ORG", "LOC", "GPE"}}
    org_spans = [(m.start, m.end) for m in taken if m.label in {"ORG", "LOC", "GPE", "EVENT", "MISC"}]
    out = []
    for m in _ROLE_NAME.finditer(text):
        if not m.group("head")[0].isalpha():
            continue
        base = m.start("run")
        words = list(re.finditer(r"\S+", m.group("run")))
        for k, w in enumerate(words):
            stem = w.group().rstrip(".!?")
            # (an acronym ends a sentence too: "anggota G20. Prabowo menyebut"; an initial "M." does not)
            if stem != w.group() and len(stem) >= 2 and stem.lower() not in DOTTED | _LEGAL_DOTTED:
                words = words[:k + 1]  # a sentence ends after this word
                break

        i = ministry_field(m.group("head"), [w.group() for w in words])  # "Menteri [Sosial] Saifullah …"
        while i < len(words) and _skipped(words[i], base, org_forms, org_spans):
            i += 1
        name = words[i:]
        if any((w.group().lower() in _ORG_HEADS or _NAME_HEADS.get(w.group()) == "ORG")
               and not _inside(w, base, org_spans) for w in words):
            continue  # "Ketua Umum Partai Sejahtera Baru": the capitals name the party, not a person
        prev = words[i - 1].group().strip(_TRIM) if i else m.group("head")
        rank_at = base + words[i - 1].start() if i else m.start("head")
        # one word is a name after a rank ("Jenderal Sutanto") or after the field of an office
        # ("Kepala Staf Kepresidenan Harjono,"), unless the article also writes it lowercase
        one = len(name) == 1 and len(name[0].group().strip(_TRIM)) >= 3 \
            and ((prev.lower() in RANKS and not _title_rank(text, rank_at))
                 or FIELD_NOUN.match(prev) is not None) \
            and re.search(rf"(?<![\w-]){re.escape(name[0].group().strip(_TRIM).lower())}(?![\w-])", text) is None
        if not (2 <= len(name) <= 3 or one):
            continue
        if any(w.group().lower() in ROLE_WORDS for w in name):
            continue
        if all(_lowercase_in(text, w.group().strip(_TRIM)) for w in name) \
                or _FIELD_GOES_ON.match(text, base + name[-1].end()):
            continue  # common words, or the field of an office: "Komisioner Manajemen Strategis dan Logistik OJK …"
        s = base + name[0].start()
        e = base + name[-1].end()
        while e > s and text[e - 1] in _TRIM:
            e -= 1
        if _overlaps(s, e, spans):
            _widen_last_name(text, taken, s, e)
            continue
        spans.append((s, e))
        out.append(Mention(s, e, text[s:e], "PER", "role", role_before(text, s)))
    return out


def _widen_last_name(text: str, taken: list[Mention], s: int, e: int) -> None:
    """The model tagged only the last word(s) of the name after a role ("Menteri Sosial Saifullah
    [Yusuf]"): its one person span inside the name, ending with it, is widened in place."""
    inner = [m for m in taken if m.start < e and s < m.end]
    if len(inner) != 1 or inner[0].label != "PER" or inner[0].source != "ner" or not s < inner[0].start \
            or inner[0].end != e or " " in inner[0].text:
        return
    # the words taken in are a first name: not a title, corps or common word ("Pakar Komunikasi
    # Effendi …" — the model's own two-word span is trusted; "Ketua Panitia Aksi Amy")
    added = text[s:inner[0].start].split()
    if len(added) != 1:
        return  # "Analis [Mandiri Sekuritas] Hadiansyah": two words more may be a company
    w = added[0].strip(_TRIM).lower()
    if w in HONORIFICS or w in ROLE_WORDS or (len(w) < 2 and not added[0].isupper()) or _lowercase_in(text, w):
        return
    inner[0].start, inner[0].text, inner[0].role = s, text[s:e], role_before(text, s)


# a field of two parts and the body's acronym follow: the capitals before were the field, not a name
_FIELD_GOES_ON = re.compile(r" dan (?:[A-Z][a-z]+ ){1,3}[A-Z]{2,}\b")
_LEGAL_DOTTED = frozenset({"pt", "cv", "tbk", "ud"})  # "PT. Liga Indonesia Baru" goes on


def _lowercase_in(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None


def _title_rank(text: str, pos: int) -> bool:
    """ "Direktorat Jenderal", "Sekretaris Jenderal": the rank word is part of a title, not a rank."""
    before = re.search(r"(\S+)\s+$", text[max(0, pos - 40):pos])
    return before is not None and before.group(1).lower().startswith(("direkt", "sekretari", "inspektor"))


def _inside(w: re.Match[str], base: int, org_spans: list[tuple[int, int]]) -> bool:
    return any(s <= base + w.start() and base + w.end() <= e for s, e in org_spans)


def _skipped(w: re.Match[str], base: int, org_forms: set[str], org_spans: list[tuple[int, int]]) -> bool:
    """A word after a role head that describes the role, not the person."""
    inside = _inside(w, base, org_spans)
    return (w.group().lower() in ROLE_WORDS or _describes(w.group(), org_forms) or inside
            or FIELD_NOUN.match(w.group().strip(_TRIM)) is not None
            or OFFICE_ACRONYM.match(w.group().strip(_TRIM)) is not None)  # "Menteri ESDM Bahlil …"


def _describes(word: str, org_forms: set[str]) -> bool:
    w = word.strip(_TRIM)
    return find_country(w) is not None or find_abbreviation(w) is not None or w in org_forms
