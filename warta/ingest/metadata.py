"""Indonesian news conventions read from an article body, whatever format it came in.

:func:`clean_body` runs these steps on the body text and returns a :class:`BodyMeta`:

1. normalise line ends (``\\r\\n``/``\\r`` → ``\\n``) and drop a stray BOM;
2. drop page-furniture lines ("SCROLL TO CONTINUE WITH CONTENT", "ADVERTISEMENT",
   "Baca juga: …", "Simak juga Video '…':", "[Gambas:Video …]", …) and read labelled credit
   lines ("Penulis: …", "Reporter: …", "Editor: …") wherever they stand. A line goes only
   when the *whole* line matches a known pattern; a sentence that merely contains "baca"
   or "video" is never dropped (tests check this property with Hypothesis);
3. read leading metadata lines: bylines ("oleh Li Mei dan Chen Qian"),
   "Laporan wartawan Kompas.com, …", and publication-time lines under the title
   ("Selasa, 14 Januari 2025 07:55 WIB" → ``published``, with the WIB/WITA/WIT offset);
4. read trailing metadata lines: "Sumber: Al-Jazeera", editor initials at the very end
   ("(sin)", "(ant/rdk)", "(has / has)"), wire end marks ("(end)"), and an outlet credit
   such as "(Reuters)" (read as the source but kept in the text);
5. read the dateline at the start of the body ("JAKARTA, KOMPAS.com -",
   "Jakarta (ANTARA) -", "MEDAN -", "Suara.com -", "REPUBLIKA.CO.ID, JAKARTA --"; a dated one,
   "Cilacap, Jumat (25/4/2025) -", also gives ``published``; a weekday is never the city). The
   dateline stays in the text: it is part of the first sentence as printed, and later readers
   (entities) see the outlet's name there;
6. collapse the blank lines left behind.

Metadata lines (steps 3-4) are removed from the text; their content goes to the
:class:`~warta.article.Article` fields by :func:`apply_body`, where an outlet token read from
the text gets its readable name (:func:`warta.ingest.outlets.outlet_name`:
``WARTANUSANTARA.id`` → ``Warta Nusantara``); an outlet given by the input is kept as given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ftfy import fix_encoding

from warta.article import Article
from warta.errors import EmptyInputError, TooLargeError
from warta.ingest.outlets import outlet_name

# A furniture line is short: the longest real one in detik-1k (a "Simak juga Video '…':"
# line with a long video title) is ~190 characters; real paragraphs that open the same way
# are longer. 250 leaves margin without letting a paragraph through.
_FURNITURE_MAX_CHARS = 250

_QUOTES = "\"'“”‘’"
_FURNITURE_ALWAYS = [
    re.compile(r"^SCROLL TO CONTINUE WITH CONTENT$", re.I),
    re.compile(r"^ADVERTISEMENT$", re.I),
    re.compile(r"^(?:ARTIKEL\s+)?BERSAMBUNG\s+DI\s+BAWAH\s+INI$", re.I),
    re.compile(r"^baca(?:\s+(?:juga|pula|selengkapnya))?\s*:", re.I),
    re.compile(r"^(?:simak|tonton|lihat)\s+(?:juga|pula)\s*:", re.I),
    re.compile(r"^baca\s+selengkapnya\b", re.I),
    # photo credits on their own line: "Foto : Shutterstock" (no sentence inside)
    re.compile(r"^(?:foto|gambar|ilustrasi)\s*:\s*[^.!?]{1,60}$", re.I),
    re.compile(r"^lihat\s+juga\s*(?::|…|\.\.\.)", re.I),
    re.compile(r"^\[\s*Gambas\s*:[^\]]*\]$", re.I),
    re.compile(r"^\((?:foto|gambar|ilustrasi|video|sumber foto)\s*:[^()]*\)$", re.I),
    # subscription plugs: "Dapatkan update berita pilihan … Grup Telegram", "Ikuti kami di Google News"
    re.compile(r"^(?:dapatkan|ikuti|gabung|follow)\b.*\b(?:google news|telegram|whatsapp|wa channel)\b", re.I),
]
# "Simak/Tonton/Lihat/Saksikan (juga) video …" is furniture when it reads as a link label:
# it has a colon or a quoted video title, or does not end with a full stop (a video title often
# ends with "?" or "!": "Lihat juga Video Warga Mengungsi, Sampai Kapan?"). "Simak video
# berikut." at the end of a real paragraph is kept.
_VIDEO_PLUG = re.compile(
    r"^(?:simak|tonton|lihat|saksikan)(?:(?:\s+(?:juga|pula))?\s+(?:video|live\s*detik\w*|foto)\b|\s+(?:juga|pula)\b)",
    re.I,
)


def is_furniture(line: str) -> bool:
    """True when the whole (stripped) line is page furniture, never for a real sentence."""
    s = line.strip()
    if not s or len(s) > _FURNITURE_MAX_CHARS:
        return False
    if any(p.search(s) for p in _FURNITURE_ALWAYS):
        return True
    if _VIDEO_PLUG.match(s):
        return ":" in s or any(q in s for q in _QUOTES) or not s.endswith(".")
    return False


# --- names -------------------------------------------------------------------------------
# lowercase particles that occur inside Indonesian/Arabic/Dutch personal names
_NAME_PARTICLES = frozenset({"bin", "binti", "van", "der", "den", "de", "al", "el", "von", "da"})
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.\-]*|[A-Z]\.)$")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bdan\b)\s*")
_INITIALS = re.compile(r"^[a-z]{2,5}(?:\s*/\s*[a-z]{2,5})*$")
_MAX_NAME_TOKENS = 6


def parse_names(value: str) -> list[str] | None:
    """``"Li Mei dan Chen Qian"`` → ``["Li Mei", "Chen Qian"]``; None when it is not a list of names."""
    names = [n.strip() for n in _NAME_SPLIT.split(value.strip())]
    # a byline may end with a full stop ("oleh Budi Santoso."); an initial keeps its own ("Budi S.")
    names = [n[:-1] if n.endswith(".") and len(n.split()[-1]) > 2 else n for n in names if n]
    if not names:
        return None
    for name in names:
        tokens = name.split()
        if not 1 <= len(tokens) <= _MAX_NAME_TOKENS:
            return None
        if not _NAME_TOKEN.match(tokens[0]):
            return None
        if not all(_NAME_TOKEN.match(t) or t in _NAME_PARTICLES for t in tokens):
            return None
    return names


def _parse_credit(value: str) -> list[str] | None:
    """A credit value: names, or editor initials ("rdk", "ant/rdk")."""
    v = value.strip()
    if _INITIALS.match(v):
        return [p.strip() for p in v.split("/")]
    return parse_names(v)


# --- credit lines ------------------------------------------------------------------------
_BYLINE = re.compile(r"^(?:oleh|by)\s*:?\s+(?P<names>.+?)\s*$", re.I)
_AUTHOR_LABEL = re.compile(
    r"^(?:penulis|reporter|wartawan|kontributor|pewarta|koresponden)\s*:\s*(?P<names>.+?)\s*$", re.I
)
_EDITOR_LABEL = re.compile(r"^(?:editor(?:\s+bahasa)?|penyunting|redaktur|penyelaras)\s*:\s*(?P<names>.+?)\s*$", re.I)
_LAPORAN = re.compile(
    r"^(?i:laporan\s+(?:wartawan|reporter|koresponden|jurnalis))\s+"
    r"(?:(?P<outlet>[\w.]+\.\w+|[A-Z][\w.]*)\s*,?\s+)?(?P<names>.+?)\s*$"
)
_END_MARK = re.compile(r"(?:(?<=[.!?\"”’')])|^)\s*\(\s*(?:end|selesai|\*)\s*\)\s*$", re.I)
_SOURCE_LINE = re.compile(r"^\(?\s*(?:sumber|source)\s*:\s*(?P<src>[^()]{2,80}?)\s*\)?\s*$", re.I)
_CREDIT_MAX_CHARS = 120
_SOURCE_MAX_WORDS = 8
# editor initials closing the last paragraph: "… 64%. (sin)", "… (ant/rdk)", "(has / has)"
_TRAILING_INITIALS = re.compile(r"(?:(?<=[.!?\"”’')])|^)\s*\(\s*(?P<ini>[a-z]{2,5}(?:\s*/\s*[a-z]{2,5})*)\s*\)\s*$")


# the outlet's closing self-description: "DailySocial.id adalah portal berita startup dan inovasi
# teknologi . Kamu bisa menjadi member …" (322 IndoSum articles end with it)
_OUTLET_BLURB = re.compile(
    r"^[A-Z][\w]*\.(?i:id|com|co\.id|net)\s+adalah\s+(?:portal|situs|media)\s+(?:berita|informasi)\b"
)
# wire end marks that share the initials' shape: "(end)", "(hyg/end)"
_NOT_INITIALS = frozenset({"end", "selesai"})


def _split_initials(value: str) -> list[str]:
    return [i for i in dict.fromkeys(p.strip() for p in value.split("/")) if i not in _NOT_INITIALS]


_INITIALS_LINE = re.compile(r"^\(\s*(?P<ini>[a-z]{2,5}(?:\s*/\s*[a-z]{2,5})*)\s*\)$")
_TRAILING_SOURCE = re.compile(
    r"(?<=[.!?\"”’])\s*\((?P<src>[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*)?(?:\s*/\s*[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*)?)*)\)\s*$"
)


@dataclass(slots=True)
class BodyMeta:
    """What :func:`clean_body` read from a body, and the body without the metadata lines."""

    text: str
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    source: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date from a dated dateline
    removed: list[str] = field(default_factory=list)  # every line removed, for audits


def _labelled_credit(s: str, meta: BodyMeta) -> bool:
    """"Penulis: …" / "Editor: …" lines, read into ``meta``; False when the line is not one."""
    if len(s) > _CREDIT_MAX_CHARS:
        return False
    m = _AUTHOR_LABEL.match(s)
    if m and (names := _parse_credit(m["names"])):
        meta.authors.extend(n for n in names if n not in meta.authors)
        return True
    m = _EDITOR_LABEL.match(s)
    if m and (names := _parse_credit(m["names"])):
        meta.editors.extend(n for n in names if n not in meta.editors)
        return True
    return False


def _credit(line: str, meta: BodyMeta, *, leading: bool) -> bool:
    """Read one credit line into ``meta``; False when the line is not one."""
    s = line.strip()
    if len(s) > _CREDIT_MAX_CHARS:
        return False
    m = _BYLINE.match(s)
    if m and (names := parse_names(m["names"])):
        meta.authors.extend(n for n in names if n not in meta.authors)
        return True
    if leading:
        stamp = read_timestamp_line(s)
        if stamp is not None:
            meta.published = meta.published or stamp
            return True
        m = _LAPORAN.match(s)
        if m and (names := parse_names(m["names"])):
            meta.authors.extend(n for n in names if n not in meta.authors)
            if m["outlet"] and meta.outlet is None:
                meta.outlet = m["outlet"]
            return True
    else:
        m = _SOURCE_LINE.match(s)
        # a final full stop is allowed ("Sumber : Google ." in tokenised corpora), not a sentence
        src = m["src"].strip().rstrip(" .") if m else ""
        if src and len(src.split()) <= _SOURCE_MAX_WORDS and "." not in src.replace(".com", "").replace(".id", ""):
            meta.source = meta.source or src
            return True
        m = _INITIALS_LINE.match(s)
        if m:
            meta.editors.extend(i for i in _split_initials(m["ini"]) if i not in meta.editors)
            return True
    return False


# How many non-blank lines at each end may be credits: detik/Kompas put "Penulis:",
# "Editor:" and "Sumber:" on up to three closing lines; four leaves one spare.
_EDGE_LINES = 4


def _strip_edges(lines: list[str], meta: BodyMeta) -> list[str]:
    start, seen = 0, 0
    while start < len(lines) and seen < _EDGE_LINES:
        if not lines[start].strip():
            start += 1
            continue
        if not _credit(lines[start], meta, leading=True):
            break
        meta.removed.append(lines[start])
        start += 1
        seen += 1
    body, seen = lines[start:], 0
    # from the end: credit lines ("Sumber: …", "(sin)"), then initials or wire end marks closing
    # the last paragraph ("… 64%. (sin)", "… (end)"), repeated until none is left so that a
    # second cleaning finds nothing more (idempotence)
    while True:
        while body and not body[-1].strip():
            body.pop()
        if not body:
            break
        last = body[-1]
        if seen < _EDGE_LINES and (_credit(last, meta, leading=False) or _OUTLET_BLURB.match(last.strip())):
            meta.removed.append(last)
            body.pop()
            seen += 1
            continue
        m = _END_MARK.search(last) or _TRAILING_INITIALS.search(last)
        if not m:
            break
        if m.re is _TRAILING_INITIALS:
            meta.editors[:0] = [i for i in _split_initials(m["ini"]) if i not in meta.editors]
        meta.removed.append(m.group(0).strip())
        body[-1] = last[: m.start()].rstrip()
    if body and meta.source is None:
        # "… posisi buncit. (Motorsport)", "(Antara / Reuters)": a credit to the outlet the story
        # came from. Read as the source but kept in the text: unlike editor initials it names a
        # real organisation, which the entity reader should still see (dev gold marks it).
        m = _TRAILING_SOURCE.search(body[-1])
        if m and not m["src"].lower().startswith(("dok", "foto", "ist")):  # photo credits, not sources
            meta.source = m["src"].strip()
    return body


# --- datelines ---------------------------------------------------------------------------
_SEP = r"(?:\s*(?:--|—|–)\s*|\s+-\s*|\s*-\s+)"
_CITY = r"(?P<city>[A-Z][A-Za-z'’]+(?:[ .][A-Z][A-Za-z'’]+){0,2})"
# MEDAN -   /   Jakarta -
_CITY_ONLY = re.compile(rf"^{_CITY}{_SEP}")
_DATELINE_PATTERNS = [
    # REPUBLIKA.CO.ID, JAKARTA --   /   TEMPO.CO, Jakarta -   (outlet first)
    re.compile(rf"^(?P<outlet>[A-Z][\w]*\.(?i:co\.id|com|co|id|net|org))\s*,\s*{_CITY}{_SEP}"),
    # JAKARTA, KOMPAS.com -   /   Jakarta, CNN Indonesia --
    re.compile(rf"^{_CITY}\s*,\s*(?P<outlet>[A-Za-z][\w.]*(?:\s[A-Z][\w.]*){{0,2}}){_SEP}"),
    # Jakarta (ANTARA) -
    re.compile(rf"^{_CITY}\s*\(\s*(?P<outlet>[A-Za-z][\w.]*(?:\s[A-Z][\w.]*){{0,2}})\s*\){_SEP}"),
    # Suara.com -   /   Suara.com-Pascal …  (an outlet domain alone)
    re.compile(r"^(?P<outlet>[A-Z][\w]*\.(?i:com|co\.id|co|id|net|org)(?:/\w+)?)\s*(?:--|—|–|-)\s*"),
    _CITY_ONLY,
]
# Outlets named in datelines; a word after "City," that is none of these and not written like
# a domain or in capitals (e.g. "Jakarta, Indonesia -") is not taken as an outlet.
_KNOWN_OUTLETS = (
    "cnn indonesia", "antara", "kompas", "detik", "tempo", "republika", "okezone", "tribun", "liputan6",
    "bisnis", "kontan", "viva", "sindonews", "merdeka", "suara", "beritasatu", "inews", "kumparan",
    "tirto", "jawapos", "jpnn", "media indonesia", "cnbc indonesia", "idn times", "rri", "voa", "rimanews",
    "juara", "bolasport", "dailysocial",
)


def _is_outlet(name: str) -> bool:
    """Domains, names in capitals, known outlets, and multi-word names ("Kabar Harian"); a single
    Title Case word after "City," is more often a country ("Kuala Lumpur, Malaysia -")."""
    return "." in name or name.isupper() or name.lower().startswith(_KNOWN_OUTLETS) or len(name.split()) > 1


def read_dateline(first_line: str) -> tuple[str | None, str | None]:
    """``(city, outlet)`` from the opening of the first paragraph, each None when absent."""
    for pat in _DATELINE_PATTERNS:
        m = pat.match(first_line)
        if not m:
            continue
        groups = m.groupdict()
        city, outlet = groups.get("city"), groups.get("outlet")
        if city is not None and city.lower() in _WEEKDAY_NAMES:
            continue  # "Senin, 13 Januari 2025 - 13:05" is a date line: a weekday is never a city
        if outlet is not None and not _is_outlet(outlet):
            if city is None:
                continue
            outlet = None
        if pat is _CITY_ONLY:
            if city.lower().startswith(_KNOWN_OUTLETS):  # "Rimanews - …" names the outlet
                return None, city
            # "MEDAN -", "Jakarta -", "LOS ANGELES -"; a Title Case pair before a dash is more often a
            # hyphenated name split by tokenising ("Paris Saint - Germain") than a city
            if not city.isupper() and len(city.split()) > 1:
                continue
        elif city is not None and not city.isupper() and len(city.split()) > 2:
            continue  # "Kementerian Luar Negeri - …" is a sentence, not a city dateline
        return city, outlet
    return None, None


_WEEKDAY = r"(?:Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu|Ahad)"
_WEEKDAY_NAMES = frozenset({"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad"})
# JAKARTA, 15 Desember 2021 -   /   Medan, Rabu (15/12/2021) -   /   Bandung, 15/12/2021 (ANTARA) -
_DATED_DATELINE = re.compile(
    rf"^{_CITY}\s*,\s*(?:{_WEEKDAY}\s*,?\s*)?\(?(?P<date>\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{1,2}}\s+[A-Za-z]{{3,9}}\.?\s+\d{{4}})\)?"
    rf"(?:\s*\(\s*(?P<outlet>[A-Za-z][\w.]*(?:\s[A-Z][\w.]*){{0,2}})\s*\))?{_SEP}"
)


_MONTHS = (
    r"(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|january|february|"
    r"march|may|june|july|august|october|december|jan|feb|mar|apr|jun|jul|agu|agt|ags|aug|sept|sep|okt|oct|nov|"
    r"des|dec)\.?"
)
# A line that only says when the article was published, as outlets print it under the title:
# "Senin, 13 Januari 2025 - 13:05", "Selasa, 14 Januari 2025 07:55 WIB", "13/01/2025 08:15 WITA",
# "Diterbitkan 18 Oktober 2024, 07:00 WITA".
_TIMESTAMP_LINE = re.compile(
    rf"^(?:(?:diterbitkan|dipublikasikan|dipublikasi|terbit|published)\s*:?\s*)?(?:{_WEEKDAY}\s*,?\s*)?"
    rf"(?P<date>\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:\s*[,\-–—|]?\s*(?:pukul\s+)?(?P<time>\d{1,2}[:.]\d{2})(?:[:.]\d{2})?\s*(?P<zone>WIB|WITA|WIT)?)?\s*$",
    re.I,
)
# Indonesia's three time zones
_ZONES = {"WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00"}


def _parse_day(text: str) -> str | None:
    """ISO date of "15 Desember 2021", "15/12/2021" or "2021-12-15" (day first), None if impossible."""
    import dateparser

    parsed = dateparser.parse(
        text, languages=["id", "en"], settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date().isoformat() if parsed is not None else None


def read_timestamp_line(line: str) -> str | None:
    """ISO date or date-time from a publication-time line, with the WIB/WITA/WIT offset when given."""
    m = _TIMESTAMP_LINE.match(line.strip())
    if not m:
        return None
    day = _parse_day(m["date"])
    if day is None or not m["time"]:
        return day
    hour, minute = (int(x) for x in re.split(r"[:.]", m["time"]))
    if hour > 23 or minute > 59:
        return day
    zone = _ZONES.get((m["zone"] or "").upper(), "")
    return f"{day}T{hour:02d}:{minute:02d}:00{zone}"


def read_dated_dateline(first_line: str) -> tuple[str, str | None, str] | None:
    """``(city, outlet, ISO date)`` when the dateline carries a full date, else None."""
    m = _DATED_DATELINE.match(first_line)
    if not m or m["city"].lower() in _WEEKDAY_NAMES:
        return None
    day = _parse_day(m["date"])
    if day is None:
        return None
    outlet = m["outlet"] if m["outlet"] and _is_outlet(m["outlet"]) else None
    return m["city"], outlet, day


_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def clean_body(text: str) -> BodyMeta:
    """Split a raw body into clean text and the metadata it carried (see the module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    meta = BodyMeta(text="")
    lines: list[str] = []
    for line in text.split("\n"):
        # labelled credits ("Penulis : Dwi Widijatmiko") are unambiguous on a line of their own,
        # and some outlets print them after the first paragraph
        if is_furniture(line) or _labelled_credit(line.strip(), meta):
            meta.removed.append(line)
        else:
            lines.append(line)
    lines = _strip_edges(lines, meta)
    first = next((line.strip() for line in lines if line.strip()), "")
    dated = read_dated_dateline(first)
    if dated is not None:
        city, outlet, day = dated
        meta.published = meta.published or day
    else:
        city, outlet = read_dateline(first)
    meta.dateline = city
    meta.outlet = meta.outlet or outlet
    meta.text = _BLANKS.sub("\n\n", "\n".join(lines)).strip()
    return meta


def published_in_text(text: str) -> str | None:
    """The publication date (ISO) printed at the top of a raw body: a date line under the title
    or a dated dateline, read exactly as ingest reads it; None when the text prints none.
    For articles that reach the readers without going through ingest (the ``times`` stage)."""
    return clean_body(text).published


def make_article(raw_text: str, item: str, max_chars: int, line: int | None = None, **fields: Any) -> Article:
    """Clean ``raw_text`` and build the Article (input ``fields`` win over what the text says).

    Raises TooLargeError over ``max_chars`` and EmptyInputError when no text is left.
    """
    if len(raw_text) > max_chars:
        raise TooLargeError(
            f"article text is {len(raw_text):,} characters, over the limit of {max_chars:,} (ingest.max_article_chars)",
            item,
            line,
        )
    # UTF-8 read as Windows-1252 somewhere upstream ("CafÃ©") is common in scraped news; ftfy
    # undoes exactly that and leaves correct text alone
    fixed = fix_encoding(raw_text)
    meta = clean_body(fixed)
    if not meta.text:
        raise EmptyInputError("no article text (empty, or only page furniture and credits)", item, line)
    fields = {k: v for k, v in fields.items() if v is not None}
    if isinstance(fields.get("title"), str):
        fields["title"] = fix_encoding(fields["title"])
    article = apply_body(Article(text=meta.text, **fields), meta)
    if fixed != raw_text:
        article.extra.setdefault("ingest_notes", []).append("repaired mis-decoded characters (mojibake)")
    return article


def apply_body(article: Article, meta: BodyMeta) -> Article:
    """Put what :func:`clean_body` read onto ``article``; values given by the input win."""
    article.text = meta.text
    if not article.authors:
        article.authors = list(meta.authors)
    article.editors = list(dict.fromkeys([*article.editors, *meta.editors]))
    article.source = article.source or meta.source
    article.dateline = article.dateline or meta.dateline
    # the input's outlet is kept as given; one read from the text gets its readable name
    article.outlet = article.outlet or outlet_name(meta.outlet)
    if article.published is None and meta.published is not None:
        article.published, article.published_source = meta.published, "text"
    if meta.removed:
        article.extra.setdefault("removed_lines", []).extend(meta.removed)
    return article
