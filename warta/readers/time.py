"""The "times" stage: TIMEX3 time expressions, the publication date and the event date.

1. Recognise time expressions with compiled patterns (:mod:`warta.readers.timex.rules`).
2. Fix the document date: ``Article.published`` when the input or ingest gave one (never
   overridden); else the date line or dated dateline printed at the top of the text, read as
   ingest reads it (``published_source = "text"``); otherwise infer it
   from the text (``published_source = "inferred"``): a weekday with a day and month fixes
   the year (the most recent year up to today that fits: "Jumat (30 Desember)" → 2022, or
   the fitting year nearest the year the text names most), an explicit full date counts as
   it is, and the latest such date is the publication date; the title is tried last.
3. Normalise each expression against that date (:mod:`warta.readers.timex.normalise`).
4. Pick the event date: the first day named in the lead (see :func:`pick_event_date`).

>>> [(t.text, t.value) for t in find_times("Pada Senin (20/10/2025) pukul 10.00 WIB, rapat.", "2025-10-21")]
[('Senin (20/10/2025) pukul 10.00 WIB', '2025-10-20T10:00')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from warta.article import Article, TimeExpr
from warta.errors import FormatError
from warta.ingest.metadata import published_in_text
from warta.readers.timex.lexicon import month_names, weekday_names
from warta.readers.timex.normalise import Context, clock_value, day_of, is_reporting_date, normalise
from warta.readers.timex.rules import Piece, recognise
from warta.registry import register_stage

_FULL, _ABBR = month_names()
_WEEKDAYS = weekday_names()
_EXPLICIT = frozenset({"wd_paren", "date_full", "date_num"})
#: How far back a weekday + day + month may look for its year (news archives reach back
#: decades; without a year named in the text the most recent fitting year wins anyway).
_YEARS_BACK = 60
#: The lead: where a news story says when its happening took place. 600 characters is about
#: the first two paragraphs of a detik/Kompas article (read off detik-1k; not fitted to a score:
#: there is no gold event date, see `warta eval time --gold` for the consistency check).
_LEAD_CHARS = 600
#: News reports what happened recently or is about to: a day more than 45 days before (or 7
#: after) publication is background ("lahir 29 Mei 1995"), not the event. Chosen by reading
#: detik-1k leads, not fitted to a score.
_EVENT_WINDOW = (dt.timedelta(days=-45), dt.timedelta(days=7))


def parse_date(value: str | dt.date | None, item: str = "<article>") -> dt.date | None:
    """A date from an ISO 8601 date or date-time string (the contract's ``published``)."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise FormatError(f"published date {value!r} is not an ISO 8601 date", item=item) from exc


def _explicit_date(p: Piece, today: dt.date, near_year: int | None = None) -> dt.date | None:
    """The full date an explicit piece names, or None when its year cannot be known.

    A weekday with a day and month and no year fits one year in every 5-11; we take the one
    nearest ``near_year`` (the year the text mentions most), else the most recent up to today.
    """
    if p.rule in ("joined", "date_pod"):
        p = p.parts[0]
    if p.rule not in _EXPLICIT:
        return None
    g = p.m.groupdict()
    try:
        if g.get("iy"):
            return dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
        day = int(g.get("d") or g.get("d2"))
        name = (g.get("mn") or "").lower().rstrip(".")
        month = int(g["m"]) if g.get("m") else (_FULL.get(name) or _ABBR[name])
        year_text = g.get("y") or g.get("y2")
        if year_text:
            year = int(year_text)
            return dt.date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        return None
    head = g.get("head") or g.get("wd")
    weekday = _WEEKDAYS.get(head.lower()) if head else None
    if weekday is None:
        return None
    fitting = []
    for year in range(today.year, today.year - _YEARS_BACK, -1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        if cand <= today and cand.weekday() == weekday:
            fitting.append(cand)
    if not fitting:
        return None
    if near_year is None:
        return fitting[0]
    return min(fitting, key=lambda d: (abs(d.year - near_year), -d.year))


def _mentioned_year(pieces: list[Piece], today: dt.date) -> int | None:
    """The year a text names most often ("tahun 2017", "Maret 2017", "15/12/2017"), up to today's."""
    years: list[int] = []
    for p in pieces:
        base = p.parts[0] if p.rule in ("joined", "date_pod") else p
        g = base.m.groupdict()
        text = g.get("y") or g.get("y2") or g.get("iy")
        if text and len(text) == 4 and base.rule in ("year", "month", "quarter", "wd_paren", "date_full", "date_num"):
            if int(text) <= today.year:
                years.append(int(text))
    if not years:
        return None
    counts = Counter(years)
    return max(counts, key=lambda y: (counts[y], y))


def infer_published(text: str, today: dt.date | None = None, pieces: list[Piece] | None = None) -> dt.date | None:
    """The publication date a text implies: the latest full date it names, up to ``today``."""
    today = today or dt.date.today()
    pieces = recognise(text) if pieces is None else pieces
    near = _mentioned_year(pieces, today)
    dates = [d for p in pieces if (d := _explicit_date(p, today, near)) is not None and d <= today]
    return max(dates) if dates else None


#: Rules whose value counts from "now" (the document date), and so, inside a quotation, from
#: when the words were said: deictic words, and a day or month written without its year, which
#: takes the year nearest the speech date ("14 Februari" said in May 2024 is February 2024).
_DEICTIC = frozenset({"rel_day", "pod", "weekday", "eve", "rel_unit", "rel_n", "weekend", "wd_paren", "date_full",
                      "month", "day_only", "joined", "date_pod", "range_head", "quarter"})
_DAY_PIECES = frozenset({"wd_paren", "date_full", "date_num", "weekday", "rel_day", "day_only"})
# '"…kemarin…," kata Budi saat dihubungi, Sabtu (30/8/2025).': a quotation, then its attribution
_QUOTE = re.compile(r'["“](?P<q>[^"“”\n]{1,3000})["”](?P<att>[^"“\n]{0,200}?)(?:\.(?:\s|$)|\n|$)')
# "pukul 23.30 WIB, Selasa (21/10/2025)": a clock written before the day it belongs to
_CLOCK_THEN_DAY = re.compile(r"\s*,?\s*(?:(?:pada|hari)\s+){0,2}$")


def _speech_dates(text: str, pieces: list[Piece], ctx: Context) -> dict[int, dt.date]:
    """Piece index → the day its quotation was spoken, for deictic words inside a direct
    quotation whose attribution names that day ('"Kami siap sejak kemarin," kata Budi,
    Sabtu (30/8/2025).' — the speaker's "kemarin" is 29 August, whenever the article appeared)."""
    out: dict[int, dt.date] = {}
    if not any(p.rule in _DEICTIC for p in pieces) or ('"' not in text and "“" not in text):
        return out
    for qm in _QUOTE.finditer(text):
        inside = [i for i, p in enumerate(pieces) if p.rule in _DEICTIC and qm.start("q") <= p.start < qm.end("q")]
        if not inside:
            continue
        for p in pieces:
            if (qm.start("att") <= p.start < qm.end("att") and p.rule in _DAY_PIECES
                    and is_reporting_date(p.start, text)):
                _t, value = normalise(p, text, ctx.at(ctx.dct))
                if value and value[:4].isdigit() and len(value) >= 10:
                    spoken = dt.date.fromisoformat(value[:10])
                    out.update(dict.fromkeys(inside, spoken))
                break
    return out


def _written_years(pieces: list[Piece]) -> dict[tuple[int, int], int]:
    """(day, month) → year of every full date written with a four-digit year ("Rabu (15/5/2024)")."""
    out: dict[tuple[int, int], int] = {}
    for p in pieces:
        base = p.parts[0] if p.rule in ("joined", "date_pod") else p
        g = base.m.groupdict()
        year, day = g.get("y") or g.get("y2"), g.get("d") or g.get("d2")
        if base.rule not in _EXPLICIT or not year or len(year) != 4 or not day:
            continue
        name = (g.get("mn") or "").lower().rstrip(".")
        month = int(g["m"]) if g.get("m") else (_FULL.get(name) or _ABBR[name])
        out.setdefault((int(day), month), int(year))
    return out


def find_times(text: str, published: str | dt.date | None, pieces: list[Piece] | None = None) -> list[TimeExpr]:
    """Every time expression in ``text``, normalised against ``published`` (may be None)."""
    pieces = recognise(text) if pieces is None else pieces
    ctx = Context(dct=parse_date(published), years=_written_years(pieces))
    out: list[TimeExpr] = []
    spoken = _speech_dates(text, pieces, ctx)
    for i, p in enumerate(pieces):
        if i in spoken:  # the quotation's own "now"; a day it names still anchors later clock times
            quoted = ctx.at(spoken[i])
            ttype, value = normalise(p, text, quoted)
            ctx.anchor = quoted.anchor
        else:
            ttype, value = normalise(p, text, ctx)
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if (p.rule == "clock" and nxt is not None and (nxt.rule in _DAY_PIECES or nxt.rule == "date_pod")
                and _CLOCK_THEN_DAY.fullmatch(text, p.end, nxt.start)):
            day = day_of(nxt, text, ctx.at(ctx.dct))
            if day is not None:
                value = clock_value(p, day)
        # "lima hari seminggu", "dua kali sehari": a "se-" unit after a count is a frequency
        if (ttype == "DURATION" and p.m.groupdict().get("se") and i > 0 and out
                and re.fullmatch(r"\s*", text[pieces[i - 1].end:p.start]) and out[-1].type == "DURATION"):
            ttype = "SET"
        out.append(TimeExpr(text=text[p.start:p.end], start=p.start, end=p.end, type=ttype, value=value))
    return out


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def pick_event_date(times: list[TimeExpr], published: dt.date | None, text: str | None = None) -> str | None:
    """When the reported happening took place: the first day named in the lead (where news
    puts "Senin (20/10/2025)"), else the first day named anywhere, else the publication day."""
    days = [t for t in times if t.value and _DAY_VALUE.match(t.value) and t.type in ("DATE", "TIME")]
    if published is not None:
        low, high = published + _EVENT_WINDOW[0], published + _EVENT_WINDOW[1]
        days = [t for t in days if low <= dt.date.fromisoformat(t.value[:10]) <= high]  # type: ignore[index]
    lead = [t for t in days if t.start < _LEAD_CHARS]
    if text is not None:  # a day the happening took place beats the day a source was heard
        lead.sort(key=lambda t: is_reporting_date(t.start, text))
    for pool in (lead, days):
        if pool:
            return pool[0].value[:10]  # type: ignore[index]
    return published.isoformat() if published else None


@register_stage(
    "times",
    version="warta.times.v5",
    reads=("text",),
    adds=("times", "published", "published_source", "event_date"),
    uses=("title",),
)
class TimeReader:
    """Fills ``times``, ``event_date`` and, when the input had none, an inferred ``published``.

    ``today`` (ISO date) bounds the inferred publication date; it defaults to the real date
    and is a setting so that tests and re-runs of old data are reproducible.
    """

    def __init__(self, today: str | None = None) -> None:
        self.today = parse_date(today, item="[stages.times] today") if today else None

    def __call__(self, article: Article) -> Article:
        item = article.origin or article.id
        pieces = recognise(article.text)
        published = parse_date(article.published, item=item)
        if published is None and (printed := published_in_text(article.text)) is not None:
            # an article that did not come through ingest may still print its date line at the
            # top ("Selasa, 14 Januari 2025 07:55 WIB"); that beats the latest date in the text
            article.published, article.published_source = printed, "text"
            published = parse_date(printed, item=item)
        if published is None:
            today = self.today or dt.date.today()
            published = infer_published(article.text, today, pieces)
            if published is None and article.title:  # "Senin (20/10/2025), Rapat …" in a headline
                published = infer_published(article.title, today)
            if published is not None:
                article.published = published.isoformat()
                article.published_source = "inferred"
        article.times = find_times(article.text, published, pieces)
        article.event_date = pick_event_date(article.times, published, article.text)
        return article
