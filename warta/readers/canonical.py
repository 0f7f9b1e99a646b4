"""Canonical entities: group an article's mentions into entities with stable ids.

1. **Clean** each NER mention: titles and honorifics inside the span are cut off
   ("Presiden Joko Widodo" → "Joko Widodo"), and the role written before the name is kept
   (:mod:`warta.readers.roles`).
2. **Find** what the model missed, by lookup: country names (CLDR + our table), abbreviations
   of our table (KPK, DPR, ...) and parenthesised aliases right after a mention
   ("Komisi Pemberantasan Korupsi (KPK)", "Joko Widodo (Jokowi)"). Lookups never override
   or overlap a model span. Names opened by a head word ("Komisi II DPR", "Sidang Kabinet
   Paripurna") are found by :func:`warta.readers.mentions.headed_names`.
3. **Key** mentions: a country → ``GPE:<ISO code>``; a known abbreviation or its expansion →
   ``ORG:<abbr>``; otherwise the case-folded text. Equal keys are one entity.
4. **Link** short forms to full forms (union-find):

   * parenthesised aliases join the mention they follow, and so does a nickname opened by a word
     of address after a full name ("Saifullah Yusuf (Gus Ipul)", "… atau Cak Imin");
   * an acronym joins the name whose initials it spells (DJP → Direktorat Jenderal Pajak),
     also for the leading words only (GP Monako → Grand Prix Monako);
   * a person's short form ("Putin", "Xi") joins the full name that contains it; when two
     people share that part, it joins the one mentioned most recently before it (or the
     next one after, if none precedes): two people are never merged through a short form;
   * an organisation's prefix of two words or more, or of one distinctive word, joins the
     longer name ("Manor" → "Manor Racing"), and so does the name without its legal form or
     "Partai" ("Pos Indonesia" → "PT Pos Indonesia"); a place without its administrative head joins
     the full form ("Belu" → "Kabupaten Belu").
5. **Name** each entity: the CLDR English name for countries, the expansion for known
   abbreviations, otherwise the fullest form; ids are ``TYPE:slug(name)``, so the same name
   gets the same id in every article. Capitals and seats (Beijing, Kremlin, Istana) are not in
   the country table and stay their own entities.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from warta.article import Entity, Span
from warta.readers.aliases import (
    country_tables,
    find_abbreviation,
    find_country,
    people_table,
    place_table,
    slugify,
)
from warta.readers.anchored import role_anchored
from warta.readers.lexical import drop_common_words, ethnic_cues, lexical_names, nickname_links, relabel_suffixed
from warta.readers.mentions import (
    Mention,
    abbreviation_links,
    clean_mentions,
    headed_names,
    looks_abbrev,
    lookup_mentions,
    propagate,
    vote_labels,
)
from warta.readers.roles import appositive_role

# Words that head organisation and place names; a bare head ("Partai", "Kota") is not a short form.
_GENERIC_HEADS: frozenset[str] = frozenset({
    "partai", "kementerian", "komisi", "dewan", "badan", "majelis", "mahkamah", "pengadilan", "universitas",
    "institut", "sekolah", "rumah", "bank", "pt", "cv", "yayasan", "lembaga", "fraksi", "polda", "polres",
    "kejaksaan", "direktorat", "pemerintah", "pemkot", "pemkab", "pemprov", "tim", "klub", "gedung", "kantor",
    "kabinet", "united", "the", "persatuan", "perserikatan", "gerakan", "koalisi", "asosiasi", "ikatan",
    "undang-undang", "uu", "peraturan", "keputusan",  # "Undang-Undang" is not "Undang-Undang Dasar"
    "dinas", "polsek", "polresta", "sekretariat",  # "Garut" is not "Dinas … Garut"
})
_ADMIN_HEADS: tuple[str, ...] = (
    "kabupaten", "kab.", "kota", "provinsi", "kecamatan", "kelurahan", "desa", "pulau", "kepulauan", "teluk",
    "gunung", "danau", "sungai", "selat",
)
_LEGAL_FORMS: frozenset[str] = frozenset({"pt", "perum", "persero", "cv", "ud", "partai"})
_ACRONYM_SKIP: frozenset[str] = frozenset({"dan", "dari", "untuk", "bagi", "di", "ke", "the", "of", "and", "for", "&"})
# "DPR RI" is the DPR: a national body named with the country's initials keeps the body's id
_NATIONAL_SUFFIX = re.compile(r"(?:\s+(?:RI|Republik Indonesia)|-RI)$")
_YEAR = re.compile(r"\s+(?:19|20)\d\d$")  # "Pilkada 2018" is the Pilkada


def _words(s: str) -> list[str]:
    return s.split()


def _acronym(name: str) -> str:
    """Initials of the words: "Direktorat Jenderal Pajak" → "DJP"."""
    parts = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _ACRONYM_SKIP]
    return "".join(w[0] for w in parts if w[0].isalnum()).upper()  # "Formula 1" → "F1"


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _key(m: Mention) -> str:
    country = find_country(m.text)
    # a span the model called PER is a country only under an Indonesian or table name
    # ("Rusia" left after stripping "Presiden"), never under an English one ("Jordan", "Chad")
    if country is not None and (m.label != "PER" or m.text in country_tables()[1]):
        return country.id
    entry = find_abbreviation(_YEAR.sub("", _NATIONAL_SUFFIX.sub("", m.text)))
    if entry is not None and m.label != "PER":
        return entry.id
    place = place_table().get(m.text)
    if place is not None and m.label != "PER":
        return "T:" + place.casefold()  # "Jogja" is Yogyakarta
    return "T:" + " ".join(_words(m.text.casefold()))


def canonical_entities(text: str, raw: Iterable[tuple[int, int, str]]) -> list[Entity]:
    """Steps 1-5 for one article: model spans (start, end, label) → grouped :class:`Entity` list."""
    mentions = clean_mentions(text, relabel_suffixed(text, list(raw)))
    vote_labels(mentions)
    mentions += lookup_mentions(text, mentions)
    added, links = abbreviation_links(text, mentions)
    mentions += added
    # a long form found through its abbreviation replaces the model's pieces inside it
    longs = [(m.start, m.end) for m in added if " " in m.text]
    linked = {i for pair in links for i in pair}
    keep = [i for i, m in enumerate(mentions)
            if i in linked or not any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in longs)]
    renum = {old: new for new, old in enumerate(keep)}
    mentions = [mentions[i] for i in keep]
    links = [(renum[a], renum[b]) for a, b in links if a in renum and b in renum]
    heads = headed_names(text, mentions)
    mentions += heads
    mentions = _drop(mentions, links, _without_country_cut(text, mentions, heads))
    mentions += role_anchored(text, mentions)
    mentions += lexical_names(text, mentions)
    mentions = _drop(mentions, links, drop_common_words(text, mentions))
    # names found by their head word can carry a bracketed abbreviation too ("Tentara … (SPLA)")
    added, late = abbreviation_links(text, mentions)
    mentions += added
    links += late
    mentions += ethnic_cues(text, mentions)
    mentions += propagate(text, mentions)
    added, nick = nickname_links(text, mentions)  # "Saifullah Yusuf (Gus Ipul)"
    mentions += added
    links += nick
    people = [(m.start, m.end) for m in mentions if m.label == "PER"]
    for m in mentions:
        if m.label == "PER" and m.role is None:
            m.role = appositive_role(text, m.start, people)
    uf = _Union(len(mentions))
    keys = [_key(m) for m in mentions]
    first: dict[str, int] = {}
    for i, k in enumerate(keys):
        if mentions[i].label == "PER" and k.startswith("T:"):
            continue  # a person's short form may name two people: linked one by one below
        if k in first:
            uf.union(first[k], i)
        else:
            first[k] = i
    for a, b in links:
        uf.union(a, b)
    _link_acronyms(mentions, keys, uf)
    _link_short_forms(mentions, keys, uf)
    return _build(mentions, keys, uf)


def _without_country_cut(text: str, mentions: list[Mention], heads: list[Mention]) -> list[Mention]:
    """``mentions`` minus the model's pieces of a headed name that the piece cuts before its country.

    In "Kementerian Luar Negeri China" the country says whose ministry it is; the model's shorter
    "Kementerian Luar Negeri" would be keyed to Indonesia's own ministry (the table's ``ORG:kemlu``)
    and list a second, wrong organisation for the same words. Pieces ending elsewhere are kept
    ("DPR" in "Komisi II DPR" names another body).
    """
    cut: set[int] = set()
    for h in heads:
        for i, m in enumerate(mentions):
            if (m.source == "ner" and m.start == h.start and m.end < h.end
                    and (find_country(text[m.end:h.end].strip()) is not None
                         or text.startswith(" dan ", m.end))):  # "Ditjen Perlindungan [dan Jaminan Sosial]"
                cut.add(i)
    return [m for i, m in enumerate(mentions) if i not in cut]


def _drop(mentions: list[Mention], links: list[tuple[int, int]], kept: list[Mention]) -> list[Mention]:
    """Keep ``kept`` (a sub-list of ``mentions``, same order) and renumber ``links`` in place."""
    ids = {id(m) for m in kept}
    renum: dict[int, int] = {}
    for i, m in enumerate(mentions):
        if id(m) in ids:
            renum[i] = len(renum)
    links[:] = [(renum[a], renum[b]) for a, b in links if a in renum and b in renum]
    return kept


def _cluster_label(mentions: list[Mention], members: list[int]) -> str:
    votes = Counter(mentions[i].label for i in members if mentions[i].source == "ner")
    if not votes:
        votes = Counter(mentions[i].label for i in members)
    return votes.most_common(1)[0][0]


def _link_acronyms(mentions: list[Mention], keys: list[str], uf: _Union) -> None:
    longs: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if m.label != "PER" and len(_words(m.text)) >= 2:
            longs[_acronym(m.text)].append(i)
    for i, m in enumerate(mentions):
        if looks_abbrev(m.text) and keys[i].startswith("T:"):
            for j in longs.get(m.text.upper().replace(".", ""), [])[:1]:
                uf.union(j, i)
    # an acronym for the leading words: "GP Belgia" … "Grand Prix Belgia", "KTT ASEAN" …
    # "Konferensi Tingkat Tinggi ASEAN"
    by_form = {m.text: i for i, m in enumerate(mentions) if m.label != "PER"}
    for short, i in by_form.items():
        sw = short.split()
        if len(sw) < 2 or not looks_abbrev(sw[0]):
            continue
        for full, j in by_form.items():
            fw = full.split()
            k = len(fw) - len(sw) + 1
            if k >= 2 and fw[k:] == sw[1:] and _acronym(" ".join(fw[:k])) == sw[0].upper():
                uf.union(i, j)
                break


def _link_short_forms(mentions: list[Mention], keys: list[str], uf: _Union) -> None:
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[uf.find(i)].append(i)
    label = {root: _cluster_label(mentions, members) for root, members in groups.items()}
    forms: dict[str, list[int]] = defaultdict(list)  # distinct case-folded form → mention indices
    for i, key in enumerate(keys):
        if key.startswith("T:"):
            forms[key[2:]].append(i)
    people = people_table()
    places = {p.casefold() for p in place_table()}  # "Jakarta" never joins "Jakarta International Stadium"
    for short, idx in forms.items():
        lab = label[uf.find(idx[0])]
        sw = short.split()
        candidates: list[list[int]] = []
        cross: list[list[int]] = []  # same word, other label: used only when it is the one choice
        for full, jdx in forms.items():
            full_lab = label[uf.find(jdx[0])]
            if full == short:
                continue
            fw = full.split()
            if full_lab != lab:
                # the model may label a full name and its short form differently ("Vladimir Putin"
                # LOC … "Putin" PER): a first or last word still links when it is the only such
                # full form; the label vote settles the type
                if len(sw) == 1 and len(fw) >= 2 and sw[0] in (fw[0], fw[-1]) and short not in places \
                        and fw[0] not in _GENERIC_HEADS and fw[0] not in _ADMIN_HEADS:
                    cross.append(jdx)
                continue
            if _contains(fw, sw, lab) or (lab == "PER" and people.get(short) and people.get(short) == people.get(full)
                                          and len(fw) > len(sw)):
                candidates.append(jdx)
        if not candidates and len(cross) == 1:
            candidates = cross
        if not candidates and lab == "PER" and len(sw) == 1:
            candidates = _nickname_of(short, forms, label, uf)
        if not candidates:
            if lab == "PER":  # a full name (or an orphan short form): its repetitions are one person
                for i in idx[1:]:
                    uf.union(idx[0], i)
            continue
        for i in idx:
            uf.union(_nearest(mentions, i, candidates), i)


def _nickname_of(short: str, forms: dict[str, list[int]], label: dict[int, str], uf: _Union) -> list[list[int]]:
    """The one full name with a part that the short form begins ("Frans" … "Fransiskus"), if one.

    Indonesian news often calls a person by the first syllables of one name part. Only a
    short form of four letters or more that is clearly a cut (the part is at least four
    letters longer: "Budi" is its own name, not a cut of "Budiman"), only when no full name
    contains it as a whole word (checked by the caller), and only when exactly one person's
    name has such a part.
    """
    if len(short) < 4:
        return []
    found = [jdx for full, jdx in forms.items() if label[uf.find(jdx[0])] == "PER" and len(full.split()) >= 2
             and any(len(w) >= len(short) + 4 and w.startswith(short) for w in full.split())]
    return found if len(found) == 1 else []


def _contains(full: list[str], short: list[str], label: str) -> bool:
    n, k = len(full), len(short)
    if k >= n:
        return False
    if label == "PER":
        return any(full[s:s + k] == short for s in range(n - k + 1))
    if label == "LOC":
        return full[0] in _ADMIN_HEADS and full[1:] == short
    # organisations: a prefix of 2+ words, or of one distinctive word; the name without its legal
    # form or "Partai" ("Pos Indonesia" … "PT Pos Indonesia", "Golkar" … "Partai Golkar")
    if full[0] in _LEGAL_FORMS and full[1:] == short:
        return True
    return full[:k] == short and (k >= 2 or short[0] not in _GENERIC_HEADS)


def _nearest(mentions: list[Mention], i: int, candidates: list[list[int]]) -> int:
    """The candidate mentioned most recently before mention ``i``, else the next after it."""
    pos = mentions[i].start
    before = [(mentions[j].start, j) for c in candidates for j in c if mentions[j].start < pos]
    if before:
        return max(before)[1]
    return min((mentions[j].start, j) for c in candidates for j in c)[1]


def _build(mentions: list[Mention], keys: list[str], uf: _Union) -> list[Entity]:
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[uf.find(i)].append(i)
    entities = []
    for members in groups.values():
        members.sort(key=lambda i: mentions[i].start)
        special = next((keys[i] for i in members if not keys[i].startswith("T:")), None)
        label = _cluster_label(mentions, members)
        forms = [mentions[i].text for i in members]
        if special and special.startswith("GPE:"):
            country = find_country(next(mentions[i].text for i in members if keys[i] == special))
            assert country is not None
            ent_id, name, label = country.id, country.name, "GPE"
        elif special:
            entry = find_abbreviation(_YEAR.sub("", _NATIONAL_SUFFIX.sub(
                "", next(mentions[i].text for i in members if keys[i] == special))))
            assert entry is not None
            ent_id, name, label = entry.id, entry.expansions[0], entry.type
        else:
            name = _fullest(forms)
            if label == "ORG" and any(f in place_table() for f in forms):
                label = "LOC"  # a table place the model called ORG ("NTT"): places are LOC
            if label == "PER":
                name = people_table().get(name.casefold(), name)
            elif label == "LOC":
                name = place_table().get(name, name)  # "Jogja" → Yogyakarta
            ent_id = f"{label}:{slugify(name)}"
        seen: set[tuple[int, int]] = set()
        spans = []
        for i in members:
            m = mentions[i]
            if (m.start, m.end) not in seen:
                seen.add((m.start, m.end))
                spans.append(Span(m.start, m.end, m.text))
        role = next((mentions[i].role for i in members if mentions[i].role), None) if label == "PER" else None
        entities.append(Entity(id=ent_id, name=name, type=label, mentions=spans, role=role))  # type: ignore[arg-type]
    entities.sort(key=lambda e: e.mentions[0].start)
    return _merge_same_id(entities)


def _fullest(forms: list[str]) -> str:
    """Most words, then longest; an all-caps acronym only when nothing else is there.

    Ties (two spellings of one length, "Badan Pertanahan Nasional" and a typo of it) go to the
    form written most often, then the first written: never to set order, which changes with
    the process's hash seed and would give one entity two ids on two runs.
    """
    counts = Counter(forms)
    first = {f: i for i, f in reversed(list(enumerate(forms)))}
    return max(counts, key=lambda f: (not looks_abbrev(f), len(_words(f)), len(f), counts[f], -first[f]))


def _merge_same_id(entities: list[Entity]) -> list[Entity]:
    """Two groups that end up with one id (e.g. "Jokowi" and "Joko Widodo" apart) become one entity."""
    out: dict[str, Entity] = {}
    for e in entities:
        if e.id in out:
            kept = out[e.id]
            kept.mentions = sorted(kept.mentions + e.mentions, key=lambda s: s.start)
            kept.role = kept.role or e.role
        else:
            out[e.id] = e
    return list(out.values())
