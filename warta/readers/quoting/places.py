"""Where a role ends and a name begins, with the article's own knowledge of places.

"Wali Kota Samarinda Hendra Wiratama", "Kepala BPBD Kaltim Sri Rahayuningsih": the role
ends with a place (or organisation) name and the capitalised run after it mixes both. The
phrase parser knows common place words; this module adds what only the article (or a
table) can tell:

- Indonesian provinces and regions from ISO 3166-2:ID (pycountry) and their newsroom
  abbreviations (Kaltim, Sulteng, Jatim, DKI …);
- names the article itself writes as places ("Kabupaten Sumbawa", "Kota Samarinda",
  "Pulau Sumbawa" make "Sumbawa" and "Samarinda" places everywhere in the article);
- LOC/GPE/ORG mentions of the entities stage that start where the candidate name starts;
- a PER mention of the entities stage that is a proper suffix of the candidate name.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from warta.article import Entity
from warta.readers.quoting.lexicon import ROLE_WORDS
from warta.readers.quoting.text import Token

#: Newsroom abbreviations of provinces (and DKI/DIY), which ISO 3166-2 does not list.
PROVINCE_ABBREVIATIONS: frozenset[str] = frozenset({
    "dki", "diy", "ntb", "ntt", "jabar", "jateng", "jatim", "jogja", "sumut", "sumbar", "sumsel", "kalbar",
    "kalsel", "kalteng", "kaltim", "kaltara", "sulsel", "sulut", "sulteng", "sultra", "sulbar", "kepri",
    "babel", "malut", "papbar", "pabar", "papsel", "papteng", "sumatra",
})
#: Words that make the capitalised name after them a place ("Kabupaten Sumbawa").
PLACE_TYPES: frozenset[str] = frozenset({
    "kabupaten", "kota", "provinsi", "pulau", "kecamatan", "kelurahan", "desa", "kampung", "dusun",
    "teluk", "selat", "gunung", "sungai", "danau", "kab", "kec", "kel",
})
# Compass and generic words of region names ("Jawa Barat", "Jakarta Raya"): alone they are
# also people's names (Raya, Tengah is not, but Barat/Utara as a first word is never a place).
_GENERIC = frozenset({"barat", "timur", "utara", "selatan", "tengah", "tenggara", "daya", "raya",
                      "kepulauan", "pengunungan", "pegunungan"})


@lru_cache(maxsize=1)
def region_words() -> frozenset[str]:
    """Lower-case words that name an Indonesian province or region on their own."""
    import pycountry

    words: set[str] = set(PROVINCE_ABBREVIATIONS)
    for sub in pycountry.subdivisions.get(country_code="ID") or []:
        words.update(w.lower() for w in sub.name.split())
    return frozenset(words - _GENERIC)


def article_places(toks: Sequence[Token]) -> set[str]:
    """Lower-case words the article writes as a place right after a place type word."""
    out: set[str] = set()
    for k, t in enumerate(toks[:-1]):
        # "Wali Kota Dian Permata", "Kepala Desa Wati": after a role word the type makes an
        # office, and the name after it is a person's
        if t.low in PLACE_TYPES and t.is_cap and not (k and toks[k - 1].low in ROLE_WORDS):
            nxt = toks[k + 1]
            if nxt.is_cap and nxt.is_word and nxt.start - t.end == 1:
                out.add(nxt.low)
    return out


def leading_place(
    name: Sequence[Token], places: set[str], entities: Sequence[Entity], *, after_role: bool
) -> int:
    """How many tokens at the start of a candidate ``name`` belong to the role before it.

    Always keeps one token for the name. Place words count only ``after_role`` (a bare
    "Samarinda Hendra" with no role before it may be a person named so); the entities
    stage's mentions count either way, a place/organisation mention only when two name
    words stay after it.
    """
    if len(name) < 2:
        return 0
    a, b = name[0].start, name[-1].end
    cut = 0
    # the entities stage: a place/organisation mention opening the span, or a person mention
    # closing it
    for ent in entities:
        for m in ent.mentions:
            if ent.type in ("LOC", "GPE", "ORG") and m.start == a and m.end < b:
                k = sum(1 for t in name if t.end <= m.end)
                # NER tags first names as places too ("Wahyu" LOC in "Hakim Wahyu Pranoto"):
                # trust it only when a full name (two words or more) is left after it
                if len(name) - k >= 2:
                    cut = max(cut, k)
            elif ent.type == "PER" and m.end == b and a < m.start and len(m.text.split()) >= 2:
                cut = max(cut, sum(1 for t in name if t.end <= m.start))
    if after_role:
        k = 0
        while k < len(name) - 1 and (name[k].low in region_words() or name[k].low in places):
            k += 1
        cut = max(cut, k)
    return min(cut, len(name) - 1)
