"""Readable outlet names for outlets that ingest finds in a text or a feed.

An outlet named by the *input* (a JSON Lines ``outlet`` field, an HTML page's site name) is
kept as given. An outlet that ingest reads itself gets a readable name by this rule:

1. **Known outlets** (:data:`KNOWN_OUTLETS`): the token is looked up by its *key* — lower
   case, the web suffix (``.com``, ``.co.id``, ``.id`` …) dropped, only letters and digits —
   so ``WARTANUSANTARA.id``, ``wartanusantara.id`` and ``Warta Nusantara`` are one outlet.
   The table holds wire abbreviations and all-capital domains that no rule can spell out
   (``KBN`` → ``Kantor Berita Nusa``, ``RADARSELATAN.ID`` → ``Radar Selatan``).
2. **CamelCase domains** are spelled out: ``SuaraTimur.co.id`` → ``Suara Timur`` (the
   capitals mark the word breaks; only Capitalised words of three letters or more, so
   ``SINDOnews.com`` and ``detikNews`` stay as written).
3. Anything else stays **as written** (``KOMPAS.com``, ``Liputan6.com``, ``ANTARA``): the
   domain is how those outlets name themselves, and guessing word breaks in ``BERITAJATIM``
   would be wrong as often as right.

A feed's title often carries a tagline ("Berita Kini - Berita Terkini", "Kabar Uji | Berita
Hari Ini"): :func:`site_name` keeps the part before the first " - " / " | " / " – "; a feed
without a title is named by its channel link's domain.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: key (see :func:`outlet_key`) → display name. The first block is the invented outlets of
#: Warta's bundled sample corpus (warta/data/samples/README.md), whose datelines print them as
#: all-capital domains or a wire abbreviation; the second, real outlets whose domains join an
#: acronym to a word, which the CamelCase rule below leaves as written.
KNOWN_OUTLETS: dict[str, str] = {
    "wartanusantara": "Warta Nusantara",
    "radarselatan": "Radar Selatan",
    "suaratimur": "Suara Timur",
    "jurnalpagi": "Jurnal Pagi",
    "kabarharian": "Kabar Harian",
    "beritakini": "Berita Kini",
    "kbn": "Kantor Berita Nusa",
    "kantorberitanusa": "Kantor Berita Nusa",
    # real outlets
    "cnnindonesia": "CNN Indonesia",
    "cnbcindonesia": "CNBC Indonesia",
    "idntimes": "IDN Times",
    "jawapos": "Jawa Pos",
}

_WEB_SUFFIX = re.compile(r"\.(?:co\.id|or\.id|go\.id|web\.id|my\.id|com|co|id|net|org|news|info)$", re.I)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
# a word break inside CamelCase: "SuaraTimur" → "Suara|Timur"
_CAMEL_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# a name made only of Capitalised words of 3+ letters: "SuaraTimur", "JurnalPagi". Acronym
# joins are ambiguous ("CNNIndonesia" but "SINDOnews"), so they stay as written unless the
# table knows them; so do typos and brands written otherwise ("JUARa", "detikNews", "KompasTV").
_CAMEL_WORDS = re.compile(r"(?:[A-Z][a-z0-9]{2,}){2,}")
_TAGLINE = re.compile(r"\s+(?:-|–|—|\|)\s+")


def outlet_key(token: str) -> str:
    """What two spellings of one outlet share: ``"WARTANUSANTARA.id"`` → ``"wartanusantara"``."""
    name = token.strip()
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name, flags=re.I)
    name = _WEB_SUFFIX.sub("", name.split("/", 1)[0])
    return _NOT_ALNUM.sub("", name.lower())


def outlet_name(token: str | None) -> str | None:
    """The readable name of an outlet token read from a text or feed (rule in the module docstring)."""
    if token is None or not token.strip():
        return None
    token = token.strip()
    known = KNOWN_OUTLETS.get(outlet_key(token))
    if known is not None:
        return known
    stem = _WEB_SUFFIX.sub("", token) if "." in token else ""
    if _CAMEL_WORDS.fullmatch(stem):
        return _CAMEL_BREAK.sub(" ", stem)
    return token


def site_name(title: str | None, link: str | None = None) -> str | None:
    """A feed's outlet: its title without a tagline, else its link's domain (readable as above)."""
    if isinstance(title, str) and title.strip():
        head = _TAGLINE.split(title.strip(), maxsplit=1)[0].strip()
        return outlet_name(head or title)
    if isinstance(link, str) and link.strip():
        host = urlsplit(link.strip()).hostname or ""
        host = re.sub(r"^www\.", "", host)
        return outlet_name(host) if host else None
    return None
