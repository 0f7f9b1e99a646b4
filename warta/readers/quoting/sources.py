"""Source phrases: who is speaking, as written ("Juru bicara Kremlin Dmitry Peskov", "dia",
"-nya", "seorang juru bicara Kementerian Luar Negeri AS", "Pemerintah Ukraina").

:func:`parse_source` reads one noun phrase from a token position and splits it into a role
(titles, offices, organisations and places before the name) and a name (the capitalised
words after them that are none of those). A phrase with no name is a role-only description,
an organisation or a group. Pronouns and clitics come back as ``pronoun`` for the resolver.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from warta.readers.quoting.lexicon import (
    ADVERBS,
    ALWAYS_COMPLEMENT,
    ANAPHORS,
    CLAUSE_OPENERS,
    COMPLEMENT_HEADS,
    CONNECTORS,
    DETERMINERS,
    DOCUMENT_HEADS,
    GROUP_HEADS,
    NAME_PARTICLES,
    PHRASE_STOPS,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_WORDS,
    SINGULAR_HEADS,
    SPEECH_VERBS,
    WEEKDAYS_MONTHS,
    is_place_or_org_word,
    territory_words,
)
from warta.readers.quoting.text import Token

SourceKind = Literal["name", "org", "role", "group", "pronoun", "anaphor"]

# Lower-case words allowed inside a role or organisation ("Duta Besar Rusia untuk PBB").
_NP_LINKS = frozenset({"untuk", "dari", "bidang", "urusan", "se", "dan"})
# Role words that only modify a role ("Direktur Utama", "Pelaksana Tugas"): a phrase they
# open ("Tugas tim pemantau") is not a description of a person.
_ROLE_MODIFIERS = frozenset({"besar", "utama", "umum", "harian", "khusus", "tugas", "eksekutif", "senior",
                             "pelaksana", "general", "head", "kuasa", "hukum"})
# Place types that form an office with a role word before them ("Kepala Desa", "Wali Kota").
_PLACE_TYPES = frozenset({"desa", "kota", "kabupaten", "provinsi", "kecamatan", "kelurahan", "dusun", "daerah"})
# Role words that are also common given names ("Gamal Imam Santoso", "Dimas Putra Wijaya"):
# inside a run of name words they are part of the name.
_NAME_LIKE_ROLES = frozenset({"imam", "putra", "raja", "ratu", "sultan", "pangeran"})
# A name is at most this many words; longer capitalised runs hold a role or organisation.
_MAX_NAME_WORDS = 5
# A phrase is at most this many tokens; beyond it we are reading a clause, not a source.
_MAX_PHRASE_TOKENS = 24


@dataclass(slots=True)
class Source:
    kind: SourceKind
    start: int  # the whole phrase as written
    end: int
    text: str
    name: str | None = None  # the name part, for kind "name"
    name_start: int | None = None
    name_end: int | None = None
    role: str | None = None  # role / description words before or after the name


def _is_acronym(tok: Token) -> bool:
    w = tok.text.replace("-", "")
    return len(w) >= 2 and w.isupper() and w.isalpha()


def name_word(tok: Token) -> bool:
    """A capitalised word that may be part of a personal name."""
    low = tok.low
    return (
        tok.is_cap
        and tok.is_word
        and not _is_acronym(tok)
        and not tok.text[:1].isdigit()
        and low not in ROLE_WORDS
        and low not in GROUP_HEADS
        and low not in WEEKDAYS_MONTHS
        and not is_place_or_org_word(low)
    )


def _np_word(toks: list[Token], j: int) -> bool:
    tok = toks[j]
    low = tok.low
    if not tok.is_word:
        return False
    if tok.is_cap or low in ROLE_WORDS:
        return low not in WEEKDAYS_MONTHS
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if low in _NP_LINKS or low in NAME_PARTICLES:
        return nxt is not None and nxt.is_cap and j > 0 and (toks[j - 1].is_cap or toks[j - 1].low in ROLE_WORDS)
    # a lower-case organisation word continues a role or organisation ("juru bicara kementerian
    # luar negeri"), never a person's name ("Saifullah lalu mengajukan")
    prev = toks[j - 1] if j > 0 else None
    return is_place_or_org_word(low) and prev is not None and (
        prev.low in ROLE_WORDS or is_place_or_org_word(prev.low) or _is_acronym(prev)
    )


def _phrase_end(toks: list[Token], i: int, limit: int) -> int:
    """Index after the last token of the noun phrase starting at ``i``."""
    j = i
    in_role = False  # the phrase so far holds a role or organisation word
    while j < limit and j - i < _MAX_PHRASE_TOKENS:
        tok = toks[j]
        if j > i and not in_role:
            prev = toks[j - 1].low
            in_role = prev in ROLE_WORDS or is_place_or_org_word(prev)
        if tok.text == "(":  # a parenthesised abbreviation inside a role: "Gubernur NTT (Nusa …)"
            close = next((k for k in range(j + 1, min(limit, j + 8)) if toks[k].text == ")"), None)
            if close is None or j == i:
                break
            j = close + 1
            continue
        if tok.text == "," and in_role:
            # a list inside an office's name: "Kepala Pusat Data, Informasi, dan Komunikasi"
            end = _list_end(toks, j, limit)
            if end > j:
                j = end
                continue
        if tok.low in ("dan", "serta", "&") and in_role and j > i and toks[j - 1].is_cap \
                and j + 1 < limit and toks[j + 1].is_cap:
            j += 1  # "Deputi Penindakan dan Eksekusi KPK"
            continue
        if tok.text == ",":
            # an appositive: "Duta Besar Rusia untuk PBB, Vassily Nebenzia, …"
            if j > i and j + 1 < limit and toks[j + 1].is_cap and toks[j + 1].low not in WEEKDAYS_MONTHS \
                    and toks[j + 1].low not in PHRASE_STOPS and _followed_by_np(toks, j + 1, limit) \
                    and (in_role or _has_role_word(toks, j + 1, limit)):
                # a bare name after a bare name is no appositive but the next clause's subject:
                # "… dengan Xi Jinping, Putin mengatakan …"
                j += 1
                continue
            break
        if tok.text == "." and j > i and toks[j - 1].is_cap \
                and (len(toks[j - 1].text) <= 3 or toks[j - 1].low in ROLE_WORDS) \
                and not _is_acronym(toks[j - 1]) and j + 1 < limit \
                and (toks[j + 1].is_cap or toks[j + 1].text == ",") and toks[j + 1].start - tok.end <= 1:
            j += 1  # initials and titles: "Dr. Dedy", "M. Santoso", "S.I.K., M.Si."
            continue
        if tok.text in "-–" and j > i and j + 1 < limit and toks[j + 1].is_cap \
                and toks[j - 1].end == tok.start and tok.end == toks[j + 1].start:  # "Rusia-AS", not "NET - X"
            j += 1
            continue
        if tok.low in PHRASE_STOPS and not tok.is_cap:
            break
        if not _np_word(toks, j):
            break
        j += 1
    return j


def _ends_in_parens(phrase: list[Token], part: list[Token]) -> bool:
    """Is the part's last word directly followed by "(" in the phrase (its acronym)?"""
    if not part:
        return False
    idx = next((n for n, t in enumerate(phrase) if t is part[-1]), None)
    return idx is not None and idx + 1 < len(phrase) and phrase[idx + 1].text == "("


def _list_end(toks: list[Token], j: int, limit: int) -> int:
    """After ``toks[j] == ","``: the end of ", B, dan C" when a coordinated list follows, else ``j``."""
    k = j
    while k < limit and toks[k].text == ",":
        m = k + 1
        if m < limit and toks[m].low in ("dan", "serta"):
            m += 1
            n = m
            while n < limit and toks[n].is_cap and toks[n].is_word:
                n += 1
            return n if n > m else j
        n = m
        while n < limit and toks[n].is_cap and toks[n].is_word:
            n += 1
        if n == m:
            return j
        if n < limit and toks[n].low in ("dan", "serta"):
            e = n + 1
            while e < limit and toks[e].is_cap and toks[e].is_word:
                e += 1
            return e if e > n + 1 else j
        k = n
    return j


def _has_role_word(toks: list[Token], j: int, limit: int) -> bool:
    """Does the capitalised run from ``j`` hold a role, place or organisation word?"""
    k = j
    while k < limit and (toks[k].is_cap or toks[k].low in ROLE_WORDS) and toks[k].is_word:
        if toks[k].low in ROLE_WORDS or is_place_or_org_word(toks[k].low):
            return True
        k += 1
    return False


def _followed_by_np(toks: list[Token], j: int, limit: int) -> bool:
    k = j
    while k < limit and (toks[k].is_cap or toks[k].low in ROLE_WORDS) and toks[k].is_word:
        k += 1
    if k + 1 < limit and toks[k].text == "," and toks[k + 1].low in ("dan", "serta", "atau"):
        return False  # a list ("Pendidikan Tinggi, Sains, dan Teknologi"), not an appositive
    return k - j >= 1 and (k >= limit or toks[k].text in ",." or toks[k].low in ADVERBS
                           or toks[k].low in SPEECH_VERBS or toks[k].low in PHRASE_STOPS)


def _name_like_role(part: list[Token], k: int) -> bool:
    """A title that is also a given name, between two name words: "Gamal Imam Santoso"."""
    return (part[k].low in _NAME_LIKE_ROLES and 0 < k < len(part) - 1 and part[k].is_cap
            and name_word(part[k - 1]) and name_word(part[k + 1]))


def _split_role_name(part: list[Token]) -> tuple[list[Token], list[Token]]:
    """(role tokens, name tokens): the name is the trailing run of name words."""
    k = len(part)
    while k > 0 and (name_word(part[k - 1]) or (part[k - 1].low in NAME_PARTICLES and k < len(part))
                     or _name_like_role(part, k - 1)):
        k -= 1
    while k < len(part) and part[k].low in NAME_PARTICLES:
        k += 1
    name = part[k:]
    if len(name) > _MAX_NAME_WORDS:
        name = name[-_MAX_NAME_WORDS:]
    k = len(part) - len(name)
    # "Bupati Gresik Fandi Akhmad", "Kepala Desa Sukamaju Darto Wiyono": a word that takes a
    # proper-noun complement is followed by that complement before the name, so the first
    # word of a long run (or of any run after Desa/Kota/Universitas …) belongs to the role
    head = part[k - 1] if k > 0 else None
    # "Desa", "Partai" capitalised name a particular village or party, but after a role word
    # they make an office ("Wali Kota", "Kepala Desa") that may be followed by the name at once
    always = head is not None and head.low in ALWAYS_COMPLEMENT and head.is_cap \
        and not (head.low in _PLACE_TYPES and k >= 2 and part[k - 2].low in ROLE_WORDS)
    if head is not None and name and head.low in COMPLEMENT_HEADS and (len(name) >= 3 or (len(name) == 2 and always)):
        name = name[1:]
        k += 1
    return part[:k], name


def _span_text(text: str, toks: list[Token]) -> tuple[int, int, str]:
    a, b = toks[0].start, toks[-1].end
    return a, b, text[a:b]


def parse_source(
    text: str,
    toks: list[Token],
    i: int,
    limit: int | None = None,
    *,
    evidence: frozenset[str] | set[str] = frozenset(),
    sentence_initial: bool = False,
) -> tuple[Source | None, int]:
    """The source phrase starting at ``toks[i]`` and the index after it (``i`` when none).

    ``evidence`` holds lower-cased words seen capitalised in mid-sentence somewhere in the
    article: a sentence-initial capitalised word is taken as a name only when it is there
    (so "Sahroni mengatakan" is a source and "Kebijakan itu menegaskan" is not).
    """
    limit = len(toks) if limit is None else limit
    j = i
    while j < limit and toks[j].low in DETERMINERS:
        j += 1
    if j >= limit:
        return None, i
    first = toks[j]
    if first.low in CLAUSE_OPENERS or first.low in CONNECTORS or first.low in PREPOSITIONS:
        return None, i  # "Jika Xi Jinping …": the phrase starts after the opener
    second_is_name = j + 1 < limit and name_word(toks[j + 1])
    if (sentence_initial and first.is_cap and not second_is_name and first.low not in evidence
            and first.low not in ROLE_WORDS
            and first.low not in GROUP_HEADS and first.low not in PRONOUNS and not _is_acronym(first)
            and not is_place_or_org_word(first.low, loose=False)):
        return None, i  # capitalised only because it opens the sentence: "Kebijakan itu …"
    if first.low in PRONOUNS:
        return Source("pronoun", first.start, first.end, first.text), j + 1
    named_after = j + 1 < limit and toks[j + 1].is_cap and first.low in ROLE_WORDS  # "jaksa Irene Putri"
    if first.low in GROUP_HEADS and not named_after and (not first.is_cap or (sentence_initial and j == i)):
        k = j + 1
        while k < limit and k - j < 4 and toks[k].is_word and not toks[k].is_cap and toks[k].low not in PHRASE_STOPS \
                and toks[k].low not in ADVERBS and toks[k].low not in SPEECH_VERBS and toks[k].low not in ANAPHORS:
            k += 1
        end = _phrase_end(toks, k, limit) if k < limit and toks[k].is_cap else k
        a, b, s = _span_text(text, toks[j:end])
        if end > k and first.low in DOCUMENT_HEADS:
            # "penelitian Universitas Cendana", "laporan Lembaga X": the named body wrote it,
            # unless a person is named after its office ("laporan Kepala Dinas X Budi Santoso")
            office, person = _split_role_name(toks[k:end])
            if not office or len(person) < 2:
                oa, ob, os_ = _span_text(text, toks[k:end])
                return Source("org", oa, ob, os_, role=text[a:toks[k - 1].end]), end
        if end > k:
            # "Pengamat ekonomi Faisal Rahman": a described person with a name
            role_toks, name_toks = _split_role_name(toks[j:end])
            if name_toks and role_toks:
                na, nb, ns = _span_text(text, name_toks)
                return Source("name", a, b, s, name=ns, name_start=na, name_end=nb,
                              role=_span_text(text, role_toks)[2]), end
        plural = (j > i and toks[i].low not in ("seorang", "sang", "si")) or first.low not in SINGULAR_HEADS
        return named_appositive(text, toks, Source("group" if plural else "role", a, b, s, role=s), end, limit)
    end = _phrase_end(toks, j, limit)
    if end == j:
        return None, i
    phrase = toks[j:end]
    parts: list[list[Token]] = [[]]
    org_marked: set[int] = set()  # parts whose last words are followed by "(ACRONYM)"
    depth = 0
    for n, t in enumerate(phrase):
        if t.text == "(":
            depth += 1
            if n + 2 < len(phrase) and _is_acronym(phrase[n + 1]) and phrase[n + 2].text == ")":
                org_marked.add(len(parts) - 1)  # "Lembaga Penjamin Simpanan (LPS)": an organisation
        elif t.text == ")":
            depth -= 1
        elif t.text == "," and depth == 0:
            parts.append([])
        elif depth == 0:
            parts[-1].append(t)
    if end < limit and toks[end].text == "(" and end + 2 < limit and _is_acronym(toks[end + 1]) \
            and toks[end + 2].text == ")":
        org_marked.add(len(parts) - 1)
    keep = [n for n, p in enumerate(parts) if p]
    org_marked = {keep.index(n) for n in org_marked if n in keep}
    parts = [parts[n] for n in keep]
    a, b, s = _span_text(text, phrase)
    splits = [([*part], []) if n in org_marked and _ends_in_parens(phrase, part) else _split_role_name(part)
              for n, part in enumerate(parts)]
    # an appositive that is a bare name wins: "Duta Besar Rusia untuk PBB, Vassily Nebenzia"
    order = sorted(range(len(parts)), key=lambda n: (bool(splits[n][0]), n))
    for n in order:
        role_toks, name_toks = splits[n]
        if not name_toks:
            continue
        others = [p for m, p in enumerate(parts) if m != n]
        role_bits = []
        if role_toks:
            role_bits.append(text[role_toks[0].start:role_toks[-1].end])
        # a bare country is no role: "mitranya dari China, Xi Jinping, …" gives Xi no role "China"
        role_bits += [text[p[0].start:p[-1].end] for p in others
                      if not all(t.low in territory_words() for t in p if t.is_word)]
        na, nb, ns = _span_text(text, name_toks)
        return Source("name", a, b, s, name=ns, name_start=na, name_end=nb, role=", ".join(role_bits) or None), end
    anaphoric = end < limit and toks[end].low in ANAPHORS
    head = phrase[0].low
    if anaphoric and ((head in ROLE_WORDS and head not in _ROLE_MODIFIERS) or head in GROUP_HEADS):
        a2, b2, s2 = _span_text(text, toks[j:end + 1])
        return Source("anaphor", a2, b2, s2, role=s), end + 1
    if head in ROLE_WORDS and head not in _ROLE_MODIFIERS:
        return named_appositive(text, toks, Source("role", a, b, s, role=s), end, limit)
    if all(t.is_cap or is_place_or_org_word(t.low) or t.low in _NP_LINKS or not t.is_word for t in phrase):
        if sentence_initial and len(phrase) == 1 and phrase[0].low not in evidence and not _is_acronym(phrase[0]):
            return None, i
        return Source("org", a, b, s), end
    return None, i


# How far past a role-only phrase its appositive name may come ("kata Pimpinan sendra tari
# Ramayana RBP, Dahanan saat ditemui"): role descriptions in news run to about six words.
_APPOSITIVE_WINDOW = 6


def named_appositive(text: str, toks: list[Token], src: Source, nxt: int, limit: int) -> tuple[Source, int]:
    """A role-only source followed, after a few lower-case words, by ", Name": the named person."""
    if src.kind not in ("role", "group"):
        return src, nxt
    k = nxt
    while k < limit and k - nxt < _APPOSITIVE_WINDOW and toks[k].is_word and toks[k].low not in PHRASE_STOPS:
        k += 1
    if k + 1 >= limit or toks[k].text != ",":
        return src, nxt
    e = k + 1
    while e < limit and name_word(toks[e]):
        e += 1
    if e == k + 1 or e - k - 1 > _MAX_NAME_WORDS or (e < limit and toks[e].is_word and toks[e].low not in PHRASE_STOPS):
        return src, nxt
    name_toks = toks[k + 1:e]
    na, nb, ns = _span_text(text, name_toks)
    role = text[src.start:toks[k - 1].end]
    return Source("name", src.start, nb, text[src.start:nb], name=ns, name_start=na, name_end=nb, role=role), e


def is_person_like(src: Source) -> bool:
    """Names and role descriptions can be "ia/dia/-nya"; organisations and groups cannot."""
    return src.kind in ("name", "role", "anaphor")
