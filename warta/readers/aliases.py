"""Alias tables behind canonical entities: countries, abbreviations, well-known people.

* Countries: every ISO 3166-1 alpha-2 code pycountry knows, named by CLDR through babel in
  Indonesian (``Tiongkok``, ``Rusia``, ``Amerika Serikat``) and English (``China``), plus
  pycountry's official and common names, plus ``data/aliases/countries.tsv`` for informal
  names CLDR lacks (``Cina``, ``RRT``, ``AS``, ``Korsel``). The display name is CLDR English
  (``China``, ``Russia``, ``United States``), the id ``GPE:<code>``.
* Abbreviations: ``data/aliases/abbreviations.tsv`` (``KPK`` ↔ ``Komisi Pemberantasan
  Korupsi``); the abbreviation gives the stable id (``ORG:kpk``). ``organisations.tsv`` (news
  outlets and agencies) has the same layout and joins the same table.
* Places: Indonesia's provinces and islands (pycountry) and ``places.tsv`` (big cities), so
  datelines and common places are found even when the model misses them.
* People: ``data/aliases/people.tsv``, unambiguous nicknames (``Jokowi`` → Joko Widodo) so an
  article that only says "Jokowi" gets the same id as one that says "Joko Widodo".

Tables load once per process (``functools.cache``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from warta.errors import ConfigError

_PAREN = re.compile(r"\s*\(([^)]*)\)")


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str  # CLDR English short name, e.g. "China"

    @property
    def id(self) -> str:
        return f"GPE:{self.code}"


@dataclass(frozen=True, slots=True)
class Abbreviation:
    abbr: str
    type: str
    expansions: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.type}:{slugify(self.abbr)}"


def slugify(name: str) -> str:
    """``"Dmitry Peskov"`` → ``"dmitry-peskov"``; accents folded, punctuation dropped."""
    import unicodedata

    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-") or "x"


def _rows(filename: str, min_fields: int) -> list[list[str]]:
    text = files("warta").joinpath("data", "aliases", filename).read_text(encoding="utf-8")
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < min_fields:
            raise ConfigError(f"{filename}:{n}: expected {min_fields} tab-separated fields, got {line!r}")
        rows.append([f.strip() for f in fields])
    return rows


def _cldr_variants(name: str) -> list[str]:
    """``"Myanmar (Burma)"`` → ``["Myanmar", "Burma"]``; ``"Côte d’Ivoire"`` also with ``'``."""
    out = [_PAREN.sub("", name).strip(), *_PAREN.findall(name)]
    out += [v.replace("’", "'") for v in out if "’" in v]
    return [v for v in out if v]


@cache
def country_tables() -> tuple[dict[str, Country], dict[str, Country]]:
    """(surface form → country) for lookups of NER mentions (any case-folded form), and the
    subset used to *find* mentions in running text (Indonesian CLDR names and our table only;
    English names such as "Chad" or "Jordan" are too often people's names to search for)."""
    import pycountry
    from babel import Locale

    id_names, en_names = Locale("id").territories, Locale("en").territories
    by_code: dict[str, Country] = {}
    lookup: dict[str, Country] = {}
    search: dict[str, Country] = {}
    for pc in pycountry.countries:
        code = pc.alpha_2
        en = _cldr_variants(en_names.get(code, pc.name))[0].removesuffix(" SAR China")  # Hong Kong, Macao
        country = by_code[code] = Country(code, en)
        for form in _cldr_variants(id_names.get(code, "")):
            search[form] = country
        for form in [en, *_cldr_variants(en_names.get(code, "")), pc.name, getattr(pc, "common_name", ""),
                     getattr(pc, "official_name", "")]:
            if form:
                lookup.setdefault(form.casefold(), country)
    for code, alias in _rows("countries.tsv", 2):
        if code not in by_code:
            raise ConfigError(f"countries.tsv: {code!r} is not an ISO 3166-1 alpha-2 code")
        search[alias] = by_code[code]
    for form, country in search.items():
        lookup[form.casefold()] = country  # Indonesian and our table win over English collisions
    return lookup, search


def find_country(form: str) -> Country | None:
    """The country a surface form names (case-insensitive), or None."""
    lookup, _ = country_tables()
    return lookup.get(form.casefold().strip())


@cache
def abbreviation_tables() -> tuple[dict[str, Abbreviation], dict[str, Abbreviation]]:
    """(abbreviation → entry, case-sensitive) and (case-folded expansion → entry)."""
    by_abbr: dict[str, Abbreviation] = {}
    by_long: dict[str, Abbreviation] = {}
    # peoples.tsv has the same layout: a people is looked up, typed (MISC) and given its id like
    # an organisation of the table
    for abbr, typ, longs, *_ in _rows("abbreviations.tsv", 3) + _rows("organisations.tsv", 3) + _rows(
            "peoples.tsv", 3):
        if typ not in {"PER", "ORG", "LOC", "GPE", "EVENT", "MISC"}:
            raise ConfigError(f"abbreviations.tsv: bad type {typ!r} for {abbr!r}")
        entry = Abbreviation(abbr, typ, tuple(x.strip() for x in longs.split("|") if x.strip()))
        by_abbr[abbr] = entry
        for x in entry.expansions:
            by_long[x.casefold()] = entry
    return by_abbr, by_long


def find_abbreviation(form: str) -> Abbreviation | None:
    """Entry for an abbreviation (exact case) or one of its expansions (any case)."""
    by_abbr, by_long = abbreviation_tables()
    return by_abbr.get(form.strip()) or by_long.get(form.casefold().strip())


@cache
def place_table() -> dict[str, str]:
    """Surface form (case-sensitive) → canonical name of Indonesian provinces, islands and cities:
    pycountry's ID subdivisions plus ``places.tsv``."""
    import pycountry

    out: dict[str, str] = {}
    for sub in pycountry.subdivisions.get(country_code="ID") or []:
        out[sub.name] = sub.name
    for name, *rest in _rows("places.tsv", 1):
        out[name] = name
        for form in (rest[0].split("|") if rest else []):
            if form.strip():
                out[form.strip()] = name
    return out


@cache
def people_table() -> dict[str, str]:
    """alias or canonical name (case-folded) → canonical name."""
    out: dict[str, str] = {}
    for name, aliases, *_ in _rows("people.tsv", 2):
        out[name.casefold()] = name
        for a in aliases.split("|"):
            if a.strip():
                out[a.strip().casefold()] = name
    return out
