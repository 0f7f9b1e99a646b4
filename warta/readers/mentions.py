"""Mentions for canonical entities: cleaned model spans plus what lookups and the text add.

1. :func:`clean_mentions` trims punctuation and titles from model spans and reads roles.
2. :func:`vote_labels` gives every mention of one surface form the label most of them got
   (the model may call "Purbaya" PER once and LOC once in an article).
3. :func:`lookup_mentions` finds country names, table abbreviations and organisations, and
   people of ``people.tsv`` that the model missed, and a country named at the end of a
   government body ("Kementerian Luar Negeri AS").
4. :func:`abbreviation_links` finds "Long Form (ABBR)" by the Schwartz & Hearst (2003)
   letter-matching rule and "Name (Nickname)"; it returns new mentions and links.
5. :func:`headed_names` finds names opened by an institution, place, event or legal-text head
   word ("Komisi II DPR", "Sidang Kabinet Paripurna", "UUD 1945"), which the model misses or
   has no label for (EVENT, MISC).
   :func:`warta.readers.anchored.role_anchored` (its own module) finds the person named right
   after a role that the model missed.
6. :func:`propagate` adds the other occurrences of forms already found (the model tags one
   "Kremlin" and misses the next), and of the parts of a person's name ("Ocon" after
   "Esteban Ocon"), so every mention is kept.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

from warta.readers.aliases import (
    abbreviation_tables,
    country_tables,
    find_abbreviation,
    find_country,
    people_table,
    place_table,
)
from warta.readers.roles import (
    HONORIFICS,
    ROLE_HEADS,
    role_before,
    strip_title,
)
from warta.readers.spans import ORG_SUFFIXES, repair


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    label: str  # PER / ORG / LOC from the model, GPE for countries, or the table's type
    source: str = "ner"  # ner | country | abbr | place | people | role | paren | headed | propagated
    role: str | None = None


_TRIM = "\"'“”‘’«»()[]{}.,;:!?"
# Bodies that speak for a country: "Kementerian Luar Negeri AS" also mentions the United States.
_GOV_HEADS: frozenset[str] = frozenset({
    "kementerian", "kemenlu", "kemlu", "kedutaan", "kedubes", "konsulat", "pemerintah", "presiden", "menteri",
    "militer", "tentara", "angkatan", "parlemen", "departemen", "duta", "delegasi", "kepolisian", "pasukan",
})
_ADMIN_HEADS: frozenset[str] = frozenset({"kabupaten", "kota", "provinsi", "kecamatan", "kelurahan", "desa"})
_STOP_PARTS: frozenset[str] = frozenset(ROLE_HEADS) | HONORIFICS | {"bin", "binti", "van", "de", "al", "el", "von"}


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < e2 and s2 < e for s2, e2 in spans)


def split_at_country(text: str, raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Undo two common model errors around country names inside ORG/LOC spans.

    * "Semenanjung Krimea Ukraina" (LOC): a country at the end of a place is an appositive →
      "Semenanjung Krimea" + "Ukraina".
    * "Kementerian Luar Negeri China Wang Wenbin" (ORG): a government body, its country, then
      two or more capitalised words → the body + the person named after it.
    """
    _, search = country_tables()
    out: list[tuple[int, int, str]] = []
    for start, end, label in raw:
        words = list(re.finditer(r"\S+", text[start:end]))
        done = False
        if label in {"LOC", "ORG"} and len(words) >= 2 and find_country(text[start:end]) is None:
            for i in range(1, len(words)):
                for j in range(i + 1, min(i + 4, len(words) + 1)):
                    form = text[start + words[i].start():start + words[j - 1].end()]
                    if form not in search:
                        continue
                    cs, ce = start + words[i].start(), start + words[j - 1].end()
                    rest = words[j:]
                    if label == "LOC" and not rest:
                        out += [(start, start + words[i - 1].end(), "LOC"), (cs, ce, "LOC")]
                        done = True
                    elif label == "ORG" and len(rest) >= 2 and words[0].group().lower() in _GOV_HEADS \
                            and all(w.group()[:1].isupper() for w in rest):
                        out += [(start, ce, "ORG"), (start + rest[0].start(), end, "PER")]
                        done = True
                    break
                if done:
                    break
        if not done:
            out.append((start, end, label))
    return out


def clean_mentions(text: str, raw: list[tuple[int, int, str]]) -> list[Mention]:
    out = []
    for start, end, label in split_at_country(text, repair(text, raw)):
        while start < end and (text[start] in _TRIM or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in _TRIM.replace(".", "") or text[end - 1].isspace()):
            end -= 1
        if end <= start:
            continue
        start, end, inner_role = strip_title(text, start, end)
        role = (role_before(text, start) or inner_role) if label == "PER" else None
        out.append(Mention(start, end, text[start:end], label, "ner", role))
    return out


def vote_labels(mentions: list[Mention]) -> None:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.source == "ner":
            votes[m.text.casefold()][m.label] += 1
    people = people_table()
    for m in mentions:
        v = votes.get(m.text.casefold())
        if m.text.casefold() in people:
            m.label = "PER"  # our table of people outranks the model
        elif m.label == "PER" and m.text in place_table():
            m.label = "LOC"  # so does our table of places ("Sumut" tagged PER)
        elif m.label == "PER" and len(m.text) >= 4 and (entry := find_abbreviation(m.text)) is not None \
                and entry.type != "PER":
            m.label = entry.type  # and of bodies, platforms and laws ("Instagram" tagged PER); not
            # short capitals, which may be a person's initials
        elif v and m.source == "ner":
            m.label = v.most_common(1)[0][0]


@cache
def _lookup_pattern() -> re.Pattern[str]:
    _, search = country_tables()
    by_abbr, _ = abbreviation_tables()
    forms = set(search) | set(by_abbr) | {e for a in by_abbr.values() for e in a.expansions}
    forms |= {f"{a}{sep}RI" for a, e in by_abbr.items() if e.type == "ORG" for sep in " -"}  # "DPR RI", "MPR-RI"
    forms |= set(place_table())
    forms |= {name for name in people_forms()}
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    events = "|".join(re.escape(a) for a, e in by_abbr.items() if e.type == "EVENT")
    # "Pilkada 2018" is a form of the Pilkada entity
    return re.compile(rf"(?<!\w)(?:(?:{events})\s+(?:19|20)\d\d|{alts}){_END}")


def people_forms() -> set[str]:
    """Names and nicknames of people.tsv as written (case-sensitive forms for the lookup)."""
    from importlib.resources import files

    out = set()
    for line in files("warta").joinpath("data", "aliases", "people.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, aliases = line.partition("\t")
            out |= {name.strip(), *(a.strip() for a in aliases.split("|") if a.strip())}
    return out


_YEAR = re.compile(r"\s+(?:19|20)\d\d$")
# a form ends at a non-word; a hyphen ends it before a capital ("Suara.com-Pascal",
# "Rusia-Ukraina") but not before a suffix ("Rusia-nya"); it may start right after a hyphen
# ("anti-Amerika")
_END = r"(?!\w|-[a-z])"


def lookup_mentions(text: str, taken: list[Mention]) -> list[Mention]:
    spans = [(m.start, m.end) for m in taken]
    gov = [(m.start, m.end) for m in taken if m.label != "PER" and m.text.split()[0].casefold() in _GOV_HEADS]
    out = []
    for m in _lookup_pattern().finditer(text):
        form = m.group()
        country = find_country(form)
        inside_gov = country is not None and any(s < m.start() and m.end() == e for s, e in gov)
        # a table form may swallow model pieces ("DK PBB" over "PBB"), never cut a model span
        crossing = any(m.start() < e and s < m.end() and not (m.start() <= s and e <= m.end()) for s, e in spans)
        if crossing and not inside_gov:
            continue
        if country is not None:
            out.append(Mention(m.start(), m.end(), form, "GPE", "country"))
        elif (entry := find_abbreviation(_YEAR.sub("", form.removesuffix(" RI").removesuffix("-RI")))) is not None:
            out.append(Mention(m.start(), m.end(), form, entry.type, "abbr"))
        elif form in place_table():
            out.append(Mention(m.start(), m.end(), form, "LOC", "place"))
        elif form.casefold() in people_table():
            out.append(Mention(m.start(), m.end(), form, "PER", "people", role_before(text, m.start())))
    if out:  # model spans strictly inside a table form give way to it
        found = [(m.start, m.end) for m in out if m.source == "abbr" or " " in m.text]
        taken[:] = [t for t in taken if not any(s <= t.start and t.end <= e and (s, e) != (t.start, t.end)
                                                for s, e in found)]
        spans = [(t.start, t.end) for t in taken]
        out = [m for m in out if not any((m.start, m.end) == sp for sp in spans)]
    return out


_PAREN = re.compile(r"\(\s*([^()\n]{1,40}?)\s*\)")
_CONNECTORS = frozenset({"dan", "dari", "untuk", "bagi", "di", "ke", "the", "of", "and", "for", "&", "pada", "atas"})
# lowercase words that may stand inside a name ("Hubungan Keuangan antara Pemerintah Pusat dan
# Daerah", "Tour de Singkarak", "Return on Advertising Spend")
_NAME_PARTICLES = _CONNECTORS | {
    "antara", "dengan", "tentang", "terhadap", "serta", "atau", "dalam", "oleh", "de", "da", "del", "della", "di",
    "van", "von", "der", "den", "la", "le", "bin", "binti", "on", "in", "at", "to", "with", "by", "a", "an",
}


def looks_abbrev(s: str) -> bool:
    """"KPK", "DPRD", "F1", "PDI-P": short, one word, capitals (or a capital and a digit)."""
    upper = sum(c.isupper() for c in s)
    return 2 <= len(s) <= 12 and " " not in s and s[0].isupper() and (upper >= 2 or any(c.isdigit() for c in s))


def long_form(words: list[str], abbr: str) -> int | None:
    """Schwartz & Hearst: index of the first of ``words`` that, with those after it, spells ``abbr``.

    Every letter of the abbreviation must occur, in order, in the long form, and its first
    letter must start a word. The shortest such long form wins; it may have at most
    ``len(abbr) + 5`` words (their limit is ``min(|A| + 5, 2|A|)``).
    """
    letters = [c.lower() for c in abbr if c.isalnum()]
    if not letters:
        return None
    limit = min(len(letters) + 5, 2 * len(letters))
    # first choice: the words' initials spell it exactly ("Komisi Pemberantasan Korupsi (KPK)")
    for first in range(len(words) - 1, max(-1, len(words) - 1 - limit), -1):
        initials = [w[0].lower() for w in words[first:] if w.lower() not in _CONNECTORS and w[0].isalnum()]
        if initials == letters and words[first][:1].isupper():
            return first
    for first in range(len(words) - 1, max(-1, len(words) - 1 - limit), -1):
        cand = words[first:]
        if cand[0].lower() in _CONNECTORS or not cand[0][:1].isupper():
            continue
        if _spells(" ".join(cand).lower(), letters):
            return first
    return None


def _spells(long: str, letters: list[str]) -> bool:
    li = len(long) - 1
    for k in range(len(letters) - 1, -1, -1):
        ch = letters[k]
        while li >= 0 and (long[li] != ch or (k == 0 and li > 0 and long[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return False
        li -= 1
    return True


def _is_lower_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].islower()


def abbreviation_links(text: str, mentions: list[Mention]) -> tuple[list[Mention], list[tuple[int, int]]]:
    """New mentions and (index, index) links for "Long Form (ABBR)" and "Name (Nickname)"."""
    index = {(m.start, m.end): i for i, m in enumerate(mentions)}
    ends = {m.end: i for i, m in enumerate(mentions)}
    added: list[Mention] = []
    links: list[tuple[int, int]] = []

    def get(s: int, e: int, label: str, source: str) -> int:
        if (s, e) in index:
            return index[(s, e)]
        added.append(Mention(s, e, text[s:e], label, source))
        index[(s, e)] = len(mentions) + len(added) - 1
        return index[(s, e)]

    for pm in _PAREN.finditer(text):
        inner = pm.group(1)
        s_in = pm.start(1)
        before = text[:pm.start()].rstrip()
        prev = ends.get(len(before))
        if prev is not None and mentions[prev].label in {"PER", "LOC"} and " " not in inner and inner[:1].isupper() \
                and inner[:1] == mentions[prev].text[:1] and not looks_abbrev(inner) \
                and (mentions[prev].label == "PER" or (find_country(inner) is None and inner not in place_table())):
            # "Joko Widodo (Jokowi)"; a place and its other spelling, "Kotaraja (Koetaradja)" (a known
            # place in brackets names the region around it instead: "Sleman (Yogyakarta)")
            label = mentions[prev].label
            links.append((prev, get(s_in, s_in + len(inner), label, "paren")))
            continue
        if not looks_abbrev(inner):
            continue
        chunk_start = max(0, pm.start() - 160)
        chunk = text[chunk_start:pm.start()]
        cut = max((m.end() for m in re.finditer(r"[.,;:!?\"“”()\n]", chunk)), default=0)
        words = list(re.finditer(r"\S+", chunk[cut:]))
        first = long_form([w.group() for w in words], inner)
        if first is None:
            if prev is not None and mentions[prev].label == "ORG" and find_country(inner) is None \
                    and inner[0].lower() in {w[0].lower() for w in mentions[prev].text.split()}:
                # an organisation's name translated into Indonesian keeps its original acronym:
                # "Tentara Pembebasan Rakyat Selatan (SPLA)", "Organisasi Kesehatan Dunia (WHO)"
                links.append((prev, get(s_in, s_in + len(inner), "ORG", "paren")))
            continue
        ls = chunk_start + cut + words[first].start()
        le = chunk_start + cut + words[-1].end()
        # the letter rule takes the shortest long form; a name head right before it belongs to
        # the name ("Perkumpulan Doktor Ilmu Kepolisian Indonesia (DIKPI)")
        if (head := _HEAD_BEFORE.search(text, max(0, ls - 30), ls)) is not None:
            ls = head.start()
        if prev is not None and mentions[prev].start == ls and mentions[prev].end == le:
            label = mentions[prev].label
        else:
            inside = [m for m in mentions if ls <= m.start and m.end <= le and m.label != "GPE"]
            label = Counter(m.label for m in inside).most_common(1)[0][0] if inside else "ORG"
            if label == "PER" and len(inner) > 1:
                label = "ORG"
        if find_country(text[ls:le]) is not None:
            continue
        exact = prev is not None and (mentions[prev].start, mentions[prev].end) == (ls, le)
        if not exact and any(_is_lower_word(w) for w in text[ls:le].split()[1:] if w.lower() not in _NAME_PARTICLES):
            # "Jumlah pasien diabetes melitus (DM)", "fasilitas kesehatan tingkat pertama (FKTP)":
            # letters spelled by lowercase words make a term, not a name (the model's own span
            # of exactly those words is trusted)
            continue
        links.append((get(ls, le, label, "paren"), get(s_in, s_in + len(inner), label, "paren")))
    return added, links


def propagate(text: str, mentions: list[Mention]) -> list[Mention]:
    """Other occurrences of found forms, and person-name parts, that no mention covers yet."""
    spans = [(m.start, m.end) for m in mentions]
    forms: dict[str, str] = {}
    for m in mentions:
        if len(m.text) >= 2:
            forms.setdefault(m.text, "GPE" if m.source == "country" else m.label)
        words = m.text.split()
        if m.label == "LOC" and len(words) >= 2 and words[0].lower() in _ADMIN_HEADS:
            forms.setdefault(" ".join(words[1:]), "LOC")  # "Belu" after "Kabupaten Belu"
        if m.label == "ORG" and len(words) == 2 and words[1] in ORG_SUFFIXES and words[0][:1].isupper() \
                and find_country(words[0]) is None and words[0] not in place_table():
            forms.setdefault(words[0], "ORG")  # "Amanah" after "Amanah Foundation"
        if m.label == "PER" and m.source in {"ner", "role", "people", "paren"} and len(words) >= 2:
            for part in m.text.split():
                if len(part) >= 3 and part[0].isupper() and part.lower() not in _STOP_PARTS \
                        and find_country(part) is None and find_abbreviation(part) is None:
                    forms.setdefault(part, "PER")
    if not forms:
        return []
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    out = []
    for m in re.finditer(rf"(?<!\w)(?:{alts}){_END}", text):
        if not _overlaps(m.start(), m.end(), spans):
            spans.append((m.start(), m.end()))
            label = forms[m.group()]
            out.append(Mention(m.start(), m.end(), m.group(), label, "country" if label == "GPE" else "propagated",
                               role_before(text, m.start()) if label == "PER" else None))
    return out


# Head words that open a proper name in Indonesian ("Komisi II DPR", "Penjara Ofer", "Sidang
# Kabinet Paripurna"): the capitalised words after one are the rest of the name. Written for
# Warta from Indonesian naming practice (institutions, facilities, events, legal texts), not
# from any article; the model (trained on PER/ORG/LOC corpora) misses many such names and
# never tags events.
_NAME_HEADS: dict[str, str] = {
    **dict.fromkeys((
        "Kementerian", "Kemenko", "Komisi", "Fraksi", "Badan", "Dewan", "Majelis", "Mahkamah", "Pengadilan",
        "Kejaksaan", "Kepolisian", "Polda", "Polres", "Polresta", "Polrestabes", "Polsek", "Kodam", "Korem",
        "Kodim", "Ditjen", "Partai", "Universitas", "Institut", "Politeknik", "Akademi", "Fakultas", "Sekolah",
        "Kampus",
        "Yayasan", "Lembaga", "Perkumpulan", "Persatuan", "Perhimpunan", "Ikatan", "Asosiasi", "Himpunan",
        "Serikat", "Koalisi", "Aliansi", "Komite", "Konsulat", "Kedutaan", "Direktorat", "Dinas", "Sekretariat",
        "Pasukan", "Tentara", "Angkatan", "Satgas", "Bank", "PT", "Perum", "Kantor Berita", "Palang Merah",
    ), "ORG"),
    **dict.fromkeys((
        "Kantor", "Penjara", "Lapas", "Rutan", "Bandara", "Pelabuhan", "Stasiun", "Terminal", "Jalan", "Gedung",
        "Masjid", "Gereja", "Pura", "Candi", "Pantai", "Gunung", "Sungai", "Danau", "Pulau", "Selat", "Teluk",
        "Taman", "TMP", "Stadion", "Museum", "Monumen", "Rumah Sakit", "RSUD", "RSUP",
    ), "LOC"),
    **dict.fromkeys((
        "Piala", "KTT", "Festival", "Konferensi", "Kongres", "Muktamar", "Munas", "Musyawarah", "Sidang",
        "Sarasehan", "Forum", "Olimpiade", "Kejuaraan", "Turnamen", "Grand Prix", "GP", "Perang", "Pekan",
        "Seminar", "Lokakarya", "Simposium", "Pameran",
    ), "EVENT"),
    **dict.fromkeys(("UU", "UUD", "Undang-Undang", "Peraturan", "Hadiah Nobel", "Nobel"), "MISC"),
}
_HEAD_START = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(h) for h in sorted(_NAME_HEADS, key=len, reverse=True)) + r")(?= [A-Z0-9])"
)
# one more word of the name: capitalised (Roman numerals and acronyms too), or a year/number
# for events and legal texts ("UUD 1945", "Piala Dunia 2026"); the words are joined by one space
_HEAD_BEFORE = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(h) for h in sorted(_NAME_HEADS, key=len, reverse=True)) + r") $"
)
_NEXT_WORD = re.compile(r" ([A-Z][\w\-]*(?:['’]\w+)*|\d{1,4}(?!\w|[.,/]\d))")
_AND = re.compile(r" dan(?= [A-Z][a-z])")
_AND_STOP = frozenset({"Pemkab", "Pemkot", "Pemprov", "Pemda", "Pemerintah", "Pasal", "Ayat", "Perpres", "Perppu"})
_LAW_NUMBER = re.compile(r" No\. ?\d{1,4}(?![\w.,/])")
_HEAD_FIRST = frozenset(h.split()[0] for h in _NAME_HEADS)
_MAX_WORDS = 9  # "Forum Koordinasi Pembangunan Wilayah Berbasis Tata Ruang Bali-Nusra" is 8 words
# military and police ranks the role lexicon lacks: "Angkatan Laut Laksamana Ade Supandi" names
# the navy, then its chief
_ROLE_START = frozenset(h.split()[0] for h in ROLE_HEADS) | {
    "laksamana", "laksma", "laksda", "laksdya", "marsekal", "marsma", "marsda", "marsdya", "brigadir", "bripka",
    "briptu", "bripda", "akp", "sersan", "serka", "serda", "kopral", "pratu", "prada",
}


def _joined_by_and(text: str, start: int, end: int) -> re.Match[str] | None:
    """The word after " dan " when "dan" goes on with the name begun at ``start`` and ending at ``end``.

    "Kementerian Kelautan dan Perikanan", "UU Perlindungan Saksi dan Korban": institution, event
    and law names hold "dan" between capitalised words. Not when another name starts after it (a
    head word, a government, a country, place or table body: "Badan X dan Bank Y", "Polres A dan
    Pemkab A", "UU ITE dan Pasal 27"), nor when the article writes the part before "dan" as a name
    of its own ("Sekolah Rakyat … Sekolah Rakyat dan Kopdes …" lists two).
    """
    d = _AND.match(text, end)
    w = _NEXT_WORD.match(text, d.end()) if d is not None else None
    if w is None:
        return None
    word = w.group(1)
    if word in _HEAD_FIRST or word in _AND_STOP or word.isdigit() or find_country(word) is not None \
            or find_abbreviation(word) is not None or word in place_table():
        return None
    if re.search(rf"(?<![\w-]){re.escape(text[start:end])}(?![\w-])(?! dan [A-Z])", text):
        return None
    return w


def headed_names(text: str, taken: list[Mention]) -> list[Mention]:
    """Names opened by an institution, facility, event or legal-text head word.

    The name runs over the capitalised words after the head and ends before a lowercase word,
    punctuation, a person the model found, or a role word, and right after a country
    ("Kementerian Luar Negeri China Wang Wenbin": the name ends at China). A found name inside
    a longer mention, or crossing one, is dropped; mentions inside it are kept (they name other
    entities: "DPR" in "Komisi II DPR").
    """
    spans = [(m.start, m.end) for m in taken]
    per_starts = {m.start for m in taken if m.label == "PER"}
    runs: list[tuple[int, int, str]] = []
    for h in _HEAD_START.finditer(text):
        label = _NAME_HEADS[h.group(1)]
        end, n = h.end(), 0
        after_org = False  # past a table organisation ("Fraksi PKS"), only acronyms and places follow
        before_and: int | None = None
        while n < _MAX_WORDS:
            if n and label == "MISC" and (num := _LAW_NUMBER.match(text, end)) is not None:
                end, n = num.end(), n + 1  # "Peraturan Menteri … No. 7 Tahun 2025"
                continue
            w = _NEXT_WORD.match(text, end)
            if w is None and n and label in {"ORG", "MISC"} and not after_org and before_and is None \
                    and (w := _joined_by_and(text, h.start(), end)) is not None:
                before_and = end
            if w is None:
                break
            word = w.group(1)
            if before_and is not None and w.start(1) > before_and + 5 and word in _HEAD_FIRST:
                end = before_and  # "Kementerian Koperasi dan Kelima Kementerian …": two names
                break
            # a role word ends the name before a person's title, but laws name offices ("Peraturan
            # Menteri Keuangan", "UU Perlindungan Saksi dan Korban")
            if w.start(1) in per_starts or (n and word.lower() in _ROLE_START and label != "MISC"):
                break
            if word.isdigit() and (label not in {"EVENT", "MISC"} or (n == 0 and label == "EVENT")):
                break  # "Forum 2025" is no name; "UUD 1945" is
            if after_org and not (word.isupper() or word.lower() in _ADMIN_HEADS or find_country(word) is not None):
                break  # "Fraksi Partai Golkar Muhammad Sarmuji": the name after the party is a person's
            end, n = w.end(), n + 1
            if (word.isdigit() and label == "EVENT") or find_country(word) is not None:
                break
            # past a table body (a party, a ministry), only acronyms and places; a table law or
            # budget goes on ("Konferensi Pers APBN Kita", "UU APBN 2025")
            after_org = after_org or ((entry := find_abbreviation(word)) is not None and entry.type != "MISC")
        if n:
            runs.append((h.start(), end, label))
    # The same name written alone elsewhere ("Fraksi Partai Hijau solid") shows where it ends
    # when a person's name follows it ("Ketua Fraksi Partai Hijau Sutrisno Adi"): title-case words
    # after a known shorter name are cut off (acronyms such as "DPR RI" are kept).
    known = {text[s:e] for s, e, _ in runs}
    out = []
    for s, end, label in runs:
        name = text[s:end]
        prefixes = [k for k in known if name.startswith(k + " ") and len(k.split()) >= 2]
        if prefixes:
            rest = name[len(max(prefixes, key=len)):].split()
            if all(w[:1].isupper() and not w.isupper() and find_country(w) is None for w in rest):
                end = s + len(max(prefixes, key=len))
        inside = any(s2 <= s and end <= e2 for s2, e2 in spans)
        crossing = any(s < e2 and s2 < end and not (s <= s2 and e2 <= end) for s2, e2 in spans)
        if inside or crossing:
            continue
        spans.append((s, end))
        out.append(Mention(s, end, text[s:end], label, "headed"))
    return out
