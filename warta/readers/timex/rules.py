"""Recognition: compiled patterns that find Indonesian time expressions.

Each :class:`Rule` is one compiled regular expression with a name (the normaliser keys on
it) and an optional ``check`` that vetoes a match from its context (a law number, the word
"minggu" meaning "week"). :func:`recognise` runs every rule, keeps the longest
non-overlapping matches, then joins a date with a clock time or part of day that follows
it ("Rabu (15/10) pukul 08.30 Wita", "Kamis (16/10) malam") into one TIME piece.

Plain ``re`` is used rather than spaCy's Matcher: the patterns are character-level
(“28/8 / 2016”, “08.30”) and the whole reader runs in well under a millisecond per article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from warta.readers._numwords import NUMBER_WORDS, NUMBER_WORDS_RE, words_to_number
from warta.readers.timex.lexicon import (
    PARTS_OF_DAY,
    SE_UNITS,
    SEASONS,
    SPORT_SEASONS,
    UNITS,
    VAGUE_DURATIONS,
    VAGUE_REFS,
    alternation,
    month_names,
    weekday_names,
)

_FULL, _ABBR = month_names()
WD = alternation(weekday_names())
MF = alternation(_FULL)
MON = rf"(?:{MF}|(?:{alternation(_ABBR)})\.?)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])"
MNUM = r"(?:1[0-2]|0?[1-9])"
YEAR = r"(?:19\d\d|20\d\d)"
# A year written after a day and month or after "tahun" may be older ("12 Maret 1888", "tahun
# 1830"); a bare 4-digit number before 1900 is far more often an amount, so only YEAR is bare.
OLD_YEAR = r"(?:1[0-8]\d\d|19\d\d|20\d\d)"
# "2 (dua) tahun": formal texts spell a number out in brackets after its digits
SPELLED = rf"(?:\s*\(\s*{NUMBER_WORDS_RE}\s*\))?"
NUM = rf"(?:\d+(?:,\d+)?|{NUMBER_WORDS_RE}|beberapa)"
UNIT = alternation(UNITS)
SE = alternation(SE_UNITS)
# "fajar" (dawn) and "senja" (dusk) count only in lower case: "Fajar" is a common given name
_LOWER_ONLY_POD = ("fajar", "senja")
POD = alternation(p for p in PARTS_OF_DAY if p not in _LOWER_ONLY_POD) + f"|(?-i:{'|'.join(_LOWER_ONLY_POD)})"
REL = r"(?:yang\s+lalu|lalu|kemarin|ini|depan|mendatang|berikutnya|sebelumnya|silam|nanti)"
_B = r"(?<![\w/.,])"  # left edge: not inside a word, number or date
_E = r"(?![\w])"  # right edge


@dataclass(slots=True)
class Piece:
    """One recognised expression: where it is, which rule found it, and its match."""

    start: int
    end: int
    rule: str
    m: re.Match[str]
    parts: list[Piece] = field(default_factory=list)  # for joined date + clock / part of day
    pod: str | None = None  # a part of day written after a date ("Selasa sore")
    #: groups the normaliser reads instead of the match's own: the year a list of months
    #: shares ("Oktober-Desember 2025"), the second quarter of "triwulan II-IV"
    alt: dict[str, str] | None = None


Check = Callable[[re.Match[str], str], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    check: Check | None = None


def _c(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4):pos].rstrip(" \t\"“'(")
    return not before or before[-1] in ".!?\n:"


def _week_not_weekday(m: re.Match[str], text: str) -> bool:
    """'minggu lalu' is 'last week'; 'Minggu lalu' mid-sentence is 'last Sunday' (weekday rule)."""
    word = m.group("u")
    if word.lower() == "minggu" and _HARI_BEFORE.search(text, max(0, m.start() - 6), m.start()):
        return False  # "hari minggu depan" is next Sunday
    return not (word == "Minggu" and not _sentence_initial(text, m.start("u")))


_HARI_BEFORE = re.compile(r"\bhari\s+$", re.IGNORECASE)


def _weekday_not_week(m: re.Match[str], text: str) -> bool:
    """'minggu' in lower case is the week; 'Minggu lalu' at a sentence start is 'last week'."""
    word = m.group("wd")
    if word[0].islower():  # "hari rabu", "hari minggu": after "hari" the name is the day, in any case
        return bool(_HARI_BEFORE.search(text, max(0, m.start() - 6), m.start()))
    if word.lower() == "minggu" and m.group("rel") and _sentence_initial(text, m.start()):
        return m.group("rel").lower().startswith(("pekan", "minggu"))
    return True


_LAW_BEFORE = _c(r"(?:nomor|no\.?|nomer|uu|perpres|pp|perda|permen\w*|kepmen\w*)\s*\d+[a-z]?\s*(?:tahun|thn\.?|/)?\s*$")
_NOT_A_YEAR_AFTER = _c(
    r"^\s*(?:%|persen|orang|unit|ton|kg|km|meter|m2|personel|rumah|ekor|hektare|ha|jiwa|kali|buah|lembar|"
    r"batang|kursi|suara|siswa|peserta|pasien|kasus|warga|pekerja|karyawan|anggota|butir|paket|titik|mdpl|"
    r"kaki|mil|liter|barel|dolar|rupiah|rp|kilometer|kilogram|gram|ribu|juta|miliar|triliun)\b"
)
# words after which a 4-digit number is an amount or an identifier ("UUD 1945" names the
# constitution, "sebanyak 2000" counts); "dari", "hingga", "sekitar" are not here because
# years follow them just as often ("dari 2010 hingga 2015").
_NOT_A_YEAR_BEFORE = _c(r"(?:rp\.?|us\$|\$|sebanyak|sejumlah|nomor|no\.?|pasal|ayat|kode|seri|total|capai|mencapai|"
                        r"uud|uu|perppu|undang-undang(?:\s+dasar)?|"
                        # a regulation named by its year: "merujuk pada Perwali 2025", "Perpres 2020"
                        r"\bper(?:wali|wako|bup|gub|da|pres|kap|pol|ma|men\w*)|keppres|inpres|kepmen\w*)\s*$")
# the constitution's name, however it is written out: "UUD NRI 1945", "Undang-Undang Dasar Negara
# Republik Indonesia Tahun 1945" (GUIDELINES: "UUD 1945" is a name, not a time)
_CONSTITUTION_BEFORE = _c(r"(?:\bUUD|Undang-Undang\s+Dasar)(?:\s+(?:NRI|RI|Negara|Republik|Indonesia))*"
                          r"\s+(?:Tahun\s+)?$")


def _not_law(m: re.Match[str], text: str) -> bool:
    """'Nomor 54 Tahun 2024', 'UU No. 1/2023' name a law, they are not times (GUIDELINES)."""
    return not _LAW_BEFORE.search(text[max(0, m.start() - 30):m.start()])


def _year_check(m: re.Match[str], text: str) -> bool:
    if not _not_law(m, text) or _CONSTITUTION_BEFORE.search(text, max(0, m.start("y") - 70), m.start("y")):
        return False
    bare = not re.match(r"(?:tahun|awal|akhir|pertengahan|penghujung|medio)", m.group(0), re.I)
    if bare:
        if _NOT_A_YEAR_AFTER.match(text[m.end():m.end() + 15]):
            return False
        if _NOT_A_YEAR_BEFORE.search(text[max(0, m.start() - 15):m.start()]):
            return False
    return True


def _month_check(m: re.Match[str], text: str) -> bool:
    """A bare month name is too often a name ("Wang Mei"): it needs "bulan", a year, "lalu"…
    or a preposition before it."""
    return bool(m.group("prep") or m.group("bulan") or m.group("y") or m.group("rel") or m.group("yrel"))


# what joins the months of a list: "Oktober, November, dan Desember", "Januari-Maret", "Juni hingga Juli"
_MONTH_SEP = (r"(?:\s*,\s*(?:(?:dan|serta|atau|hingga|sampai)\s+)?|\s*[-–]\s*"
              r"|\s+(?:dan|serta|atau|hingga|sampai(?:\s+dengan)?|s\.d\.?|s/d)\s+)")


# a count right before ("47", "dua", "puluh"); not a scale ("Rp 5 juta tahun ini" is this year)
_NUMBER_BEFORE = _c(r"(?:\d|\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belas|"
                    r"puluh|ratus|seratus|beberapa))\s*$")


def _unit_not_counted(m: re.Match[str], text: str) -> bool:
    """'pria 47 tahun itu': the unit belongs to a count ("47 tahun"), not to "tahun itu"."""
    return not _NUMBER_BEFORE.search(text[max(0, m.start() - 20):m.start()])


# "umpan ke depan gawang", "dibawa ke depan kantor": "ke depan" before a place is in space
_PLACE_AFTER = _c(r"\s+(?:gawang|pintu|rumah|gedung|kantor|istana|kelas|panggung|kamera|layar|meja|mata|cermin|mimbar|"
                  r"podium|barisan|pagar|gerbang|markas|mapol\w*|polres\w*|balai|masjid|jalan)\b")
# "maju ke depan" is forward in space, not in time
_SPATIAL = _c(r"\b(?:maju|melangkah|bergerak|berjalan|lari|berlari|menghadap|condong|jatuh|terdorong|didorong|"
              r"tampil|muncul|duduk|berdiri)\s+$")


_IN_BEFORE = _c(r"\b(?:di|pada)\s+$")


def _vague_check(m: re.Match[str], text: str) -> bool:
    """'ke depan' / 'kedepan' after a verb of motion or before a place is in space ("maju ke
    depan", "ke depan gawang"); "kemudian hari" is the future only as "di kemudian hari"."""
    v = m.group("v").lower()
    if v.startswith("waktu") and not _unit_not_counted(m, text):
        return False  # "pemilu dua waktu ini": these two rounds, not "now"
    if v == "kemudian hari":
        return bool(_IN_BEFORE.search(text, max(0, m.start() - 10), m.start()))
    if not v.startswith("ke"):
        return True
    return not (_SPATIAL.search(text, max(0, m.start() - 20), m.start()) or _PLACE_AFTER.match(text, m.end()))


def _period_check(m: re.Match[str], text: str) -> bool:
    """A year has two halves: "mahasiswa semester 3" counts a student's terms, not a half-year."""
    q = (m.group("q") or "").lower()
    return m.group("kind").lower() != "semester" or q in ("", "i", "ii", "1", "2", "pertama", "kedua")


# "Sabtu, malam Minggu", "Sabtu atau malam Minggu": the eve set beside the day it belongs to
_WEEKDAY_BEFORE = _c(rf"\b(?:{WD})\s*(?:,|atau|alias)\s*$")


def _one_eve(m: re.Match[str], text: str) -> bool:
    """'malam Minggu' names one night when something marks it: "lalu", "kemarin", or the
    weekday written beside it; bare ("pada malam Minggu jalanan padat") it is as often the
    habitual Saturday night, and is left alone."""
    if not (m.group("wd")[0].isupper() and m.group(0)[0].islower()):
        return False
    return bool(m.group("rel") or _WEEKDAY_BEFORE.search(text, max(0, m.start() - 20), m.start()))


def _clock_check(m: re.Match[str], text: str) -> bool:
    """'jam' is also the unit hour: 'jam 10' needs minutes, a zone or a part of day."""
    if m.group(0).lower().startswith("jam"):
        return bool(m.group("mi") or m.group("tz") or m.group("pod"))
    return True


def _duration_check(m: re.Match[str], text: str) -> bool:
    """Not an ordinal ('ke-3 hari') and not a law/section number."""
    before = text[max(0, m.start() - 8):m.start()].lower()
    # "kehidupan sehari-hari" (everyday life), "dua hari-an": a reduplicated or suffixed unit
    if text[m.end():m.end() + 1] == "-":
        return False
    if before.endswith(("ke-", "ke ")) or re.search(r"(?:nomor|no\.?|pasal|ayat)\s*$", before):
        return False
    # "juta tahun" in "Rp 5 juta tahun ini": number words that do not make a number
    n = m.groupdict().get("n")
    if n and n[0].isalpha() and n.lower() != "beberapa" and words_to_number(n) is None:
        return False
    # "08 derajat 50 menit" is a coordinate (minutes of arc), not a duration
    if re.search(r"(?:derajat|°)\s*$", text[max(0, m.start() - 10):m.start()], re.I):
        return False
    # "Nomor 54 Tahun 2024": a number, "tahun" and a year is a law reference, not 54 years
    return _not_law(m, text) and not _LAW_YEAR_AFTER.match(text, m.end())


_LAW_YEAR_AFTER = _c(rf"\s+{YEAR}\b")


_SCALES = ("ribu", "juta", "miliar", "milyar", "triliun")


def _counted_adjective(m: re.Match[str]) -> bool:
    """'lima tahunan' (every five years) needs a whole count: "50 ribu bulanan" is a monthly sum."""
    n = m.group("n6")
    return n is None or n[0].isdigit() or (words_to_number(n) is not None and not n.lower().endswith(_SCALES))


# what joins the two ends of a range: a dash, "hingga", "sampai (dengan)", "s.d."
_RANGE_JOIN = r"(?:\s*[-–]\s*|\s+(?:hingga|sampai(?:\s+dengan)?|s\.d\.?|s/d)\s+)"
_RANGE_NUM = rf"(?:\d+(?:,\d+)?(?![\d.])|{NUMBER_WORDS_RE})"


def _range_check(m: re.Match[str], text: str) -> bool:
    """The lower end of a range of durations is a duration when its upper end is a plain count
    of the unit ("Rp 5 hingga 10 juta tahun ini" is money, not years)."""
    if not _not_law(m, text):
        return False
    if m.group("n") is None:
        return True
    low, high = (float(x.replace(",", ".")) if x[0].isdigit() else words_to_number(x) for x in m.group("n", "hi"))
    if low is None or high is None or m.group("hi").lower().endswith(_SCALES):
        return False
    # joined by a word the range runs upward; a dash may count down ("10-7 tahun yang lalu")
    if not low < high and not re.match(r"\s*[-–]", text[m.end("n"):m.end("n") + 3]):
        return False
    return text[m.end("u"):m.end("u") + 1] != "-" and not _LAW_YEAR_AFTER.match(text, m.end("u"))


# the units a "hitungan" (count) of time is measured in; lower-case "minggu" is the week here
_COUNT_UNIT = r"(?:detik|menit|jam|hari|pekan|minggu|bulan|tahun)"


RULES: tuple[Rule, ...] = (
    # Senin (20/10/2025), Minggu (28/8 / 2016), Jumat (30 Desember), kemarin (15/6)
    Rule("wd_paren", _c(
        rf"{_B}(?P<head>{WD}|kemarin|besok|hari\s+ini|lusa)\s*,?\s*\(\s*(?:(?P<d>{DAY})\s*[/\-.]\s*(?P<m>{MNUM})"
        rf"(?:\s*[/\-.]\s*(?P<y>{YEAR}|\d\d))?|(?P<d2>{DAY})\s+(?P<mn>{MON})(?:\s+(?P<y2>{YEAR}))?)\s*\)")),
    # Rabu, 15 Desember 2021 / tanggal 15 Desember / 8 Mar 2014
    Rule("date_full", _c(
        rf"{_B}(?:(?P<wd>{WD})\s*,?\s+)?(?:(?:tanggal|tgl\.?)\s+)?(?P<d>{DAY})\s+(?P<mn>{MON})"
        rf"(?:\s*,?\s+(?P<y>{OLD_YEAR})|\s+(?P<yrel>tahun\s+(?:ini|lalu|depan|mendatang|kemarin)))?"
        rf"(?:\s+(?:yang\s+lalu|lalu|silam|mendatang|nanti|kemarin))?{_E}"), _not_law),
    # 15/12/2021, Rabu 15-12-2021, 2021-12-15
    Rule("date_num", _c(
        rf"{_B}(?:(?P<wd>{WD})\s*,?\s*)?(?:(?P<d>{DAY})\s?(?P<sep>[/\-])\s?(?P<m>{MNUM})\s?(?P=sep)\s?(?P<y>{YEAR})"
        rf"|(?P<iy>{YEAR})-(?P<im>{MNUM})-(?P<id>{DAY}))(?![\d/])"), _not_law),
    # tanggal 24 (kemarin): a day of the current month
    Rule("day_only", _c(rf"{_B}(?:tanggal|tgl\.?)\s+(?P<d>{DAY})(?!\s*[/\-.]?\s*\d)(?!\s+{MON}){_E}"), _not_law),
    # November 2014, bulan Maret lalu, Juni lalu, pada Maret
    Rule("month", _c(
        rf"{_B}(?:(?P<prep>pada|sejak|hingga|sampai|akhir|awal|pertengahan|medio|selama|per)\s+)?"
        rf"(?:(?P<bulan>bulan)\s+)?(?P<mn>{MF})(?:\s+(?P<y>{OLD_YEAR})(?:\s+(?:lalu|silam|mendatang|ini))?"
        rf"|\s+(?P<yrel>tahun\s+(?:ini|lalu|depan|mendatang|kemarin))"
        rf"|\s+(?P<rel>yang\s+lalu|lalu|silam|ini|depan|mendatang|kemarin))?"
        rf"{_E}"), _month_check),
    # Oktober, November, dan Desember / Januari-Maret / Oktober hingga Desember 2025: months
    # named together are months even without "bulan" or a year (split into one piece each)
    Rule("month_list", _c(rf"{_B}(?:(?:awal|akhir|pertengahan|medio)\s+)?(?:bulan\s+)?(?:{MF})(?:{_MONTH_SEP}(?:{MF}))+"
                          rf"(?:\s+{OLD_YEAR})?(?:\s+(?:yang\s+lalu|lalu|silam|ini|depan|mendatang|kemarin|"
                          rf"tahun\s+(?:ini|lalu|depan|mendatang|kemarin)))?{_E}")),
    # tahun 2014, 1988 lalu, tahun ajaran 2017-2018, awal 2023
    Rule("year", _c(
        rf"{_B}(?:(?P<mod>awal|akhir|pertengahan|penghujung|medio)\s+)?(?:tahun(?:\s+(?:ajaran|anggaran|fiskal))?\s+)?"
        rf"(?P<y>{YEAR}|(?<=tahun\s)1[0-8]\d\d)(?:\s*(?P<ysep>[-–/])\s*(?P<y2>{YEAR}))?(?:\s+(?:ini|lalu|silam|mendatang))?(?![\w%]|[.,]\d)"),
        _year_check),
    # tahun 1980-an, tahun 80-an: a decade
    Rule("decade", _c(rf"{_B}(?:tahun\s+(?:(?P<yy>[1-9]0)|(?P<y>(?:19|20)\d0))|(?P<y2>(?:19|20)\d0))\s?-?an{_E}"),
         _not_law),
    # pekan lalu, tahun depan, akhir tahun ini, bulan lalu
    Rule("rel_unit", _c(
        rf"{_B}(?:(?P<mod>awal|akhir|pertengahan|penghujung)\s+)?(?P<u>pekan|minggu|bulan|tahun)\s+(?P<rel>{REL}){_E}"),
        lambda m, text: _week_not_weekday(m, text) and _unit_not_counted(m, text)),
    Rule("weekend", _c(rf"{_B}akhir\s+(?:pekan|minggu)(?:\s+(?P<rel>ini|lalu|depan|kemarin|mendatang))?{_E}")),
    # minggu ketiga Juli
    Rule("week_of_month", _c(
        rf"{_B}(?:minggu|pekan)\s+(?:ke-?\s*)?(?P<ord>pertama|kedua|ketiga|keempat|kelima|terakhir|[1-5])\s+"
        rf"(?:bulan\s+)?(?P<mn>{MF})(?:\s+(?P<y>{YEAR}))?{_E}")),
    # musim semi tahun depan
    Rule("season", _c(
        rf"{_B}musim\s+(?P<s>{alternation(SEASONS)})(?:\s+(?:tahun\s+)?(?P<rel>ini|lalu|depan|mendatang)"
        rf"|\s+(?:tahun\s+)?(?P<y>{YEAR}))?{_E}")),
    # musim lalu, musim depan: a season of a league or competition (a calendar season names its kind)
    Rule("sport_season", _c(rf"{_B}musim\s+(?P<rel>{alternation(SPORT_SEASONS)}){_E}")),
    # malam Minggu: the night before that day (Saturday night), not the Sunday itself
    Rule("eve", _c(rf"{_B}malam\s+(?P<wd>{WD})(?:\s+(?P<rel>lalu|kemarin|ini|depan|mendatang|nanti|besok))?{_E}"),
         lambda m, text: _one_eve(m, text)),
    # dua hari lalu, tiga minggu kemudian, setahun mendatang, delapan tahun terakhir
    Rule("rel_n", _c(
        rf"{_B}(?:(?P<n>{NUM}){SPELLED}(?:\s+(?P<half>setengah))?\s+(?P<u>{UNIT})|(?P<se>{SE}))\s+"
        rf"(?P<rel>yang\s+lalu|lalu|silam|sebelumnya|kemudian|setelahnya|berikutnya|lagi|mendatang|ke\s*depan|"
        rf"terakhir|belakangan){_E}"), _duration_check),
    # 20 tahun, dua pekan, setengah detik, satu setengah jam, 2,5 jam, sehari
    Rule("duration", _c(
        rf"{_B}(?:(?P<n>{NUM}){SPELLED}(?:\s+(?P<half>setengah))?\s+(?P<u>{UNIT})|(?P<hf>setengah)\s+(?P<u2>{UNIT})"
        rf"|(?P<se>{SE}))(?:\s+(?P<n2>\d+|{NUMBER_WORDS_RE})\s+(?P<u3>{UNIT}))?{_E}"), _duration_check),
    # the first half of a range takes its unit or month from the second: "2-3 menit", "2 hingga 2,5
    # tahun", "satu sampai dua tahun", "20-28 Agustus", "1 hingga 3 Mei"
    Rule("range_head", _c(
        rf"{_B}(?:(?P<n>{_RANGE_NUM})(?={_RANGE_JOIN}(?P<hi>{_RANGE_NUM})\s+(?P<u>{UNIT}){_E})"
        rf"|(?P<d>{DAY})(?={_RANGE_JOIN}{DAY}\s+(?P<mn>{MON})(?:\s+(?P<y>{YEAR}))?{_E}))"), _range_check),
    # tahun-tahun berikutnya, bulan-bulan terakhir: the years to come, recent months (plural, vague)
    Rule("vague_plural", _c(rf"{_B}(?P<u>tahun|bulan|minggu|pekan|hari)-(?P=u)\s+(?P<rel>berikutnya|mendatang|"
                            rf"ke\s+depan|depan|sebelumnya|lalu|terakhir|belakangan|silam|ini){_E}")),
    Rule("vague_duration", _c(rf"{_B}(?P<v>{alternation(VAGUE_DURATIONS)}){_E}(?!\s+(?:ini|kemudian)\b)")),
    # dalam hitungan jam, hitungan menit dan jam: "a matter of hours (and minutes)", a vague amount
    Rule("vague_count", _c(
        rf"{_B}hitungan\s+(?P<units>{_COUNT_UNIT}(?:\s*(?:,|dan|atau)\s*{_COUNT_UNIT}){{0,2}}){_E}"
        rf"(?!\s+(?:kerja|kalender)\b)")),
    # setiap tahun, per hari, mingguan, tiga kali seminggu, setiap Senin
    Rule("set", _c(
        rf"{_B}(?:(?:setiap|tiap|saban)\s+(?P<u>hari|pekan|minggu|bulan|tahun|{WD}|pagi|siang|sore|malam)"
        rf"|(?:setiap|tiap)\s+(?P<n4>\d+|{NUMBER_WORDS_RE})\s+(?P<u4>{UNIT})(?:\s+sekali)?"
        rf"|per\s+(?P<n5>\d+|{NUMBER_WORDS_RE})\s+(?P<u5>{UNIT})\s+sekali"
        rf"|per\s+(?P<u2>hari|pekan|minggu|bulan|tahun|jam)|(?P<adj>harian|mingguan|bulanan|tahunan)"
        # "pemilu lima tahunan": held every five years
        rf"|(?P<n6>\d+|{NUMBER_WORDS_RE})\s+(?P<adj2>harian|mingguan|bulanan|tahunan)"
        rf"|(?P<n>\d+|{NUMBER_WORDS_RE})\s+kali\s+(?:dalam\s+)?(?:se|satu\s+)(?P<u3>hari|pekan|minggu|bulan|tahun))"
        rf"(?P<nya>nya)?{_E}"), lambda m, text: _counted_adjective(m)),
    # Senin, Jumat pekan lalu, Selasa sore (the part of day is joined later)
    Rule("weekday", _c(
        rf"{_B}(?P<wd>{WD})(?:\s+(?P<rel>pekan\s+lalu|minggu\s+lalu|pekan\s+depan|minggu\s+depan|lalu|kemarin|ini|"
        rf"depan|mendatang|nanti|besok))?{_E}"), _weekday_not_week),
    # pukul 08.30 Wita, jam 06.00 WIB pagi, 16.00 WIB
    Rule("clock", _c(
        rf"{_B}(?:(?:pukul|jam|pk\.?)\s+(?P<h>2[0-4]|[01]?\d)(?:[.:](?P<mi>[0-5]\d))?"
        rf"|(?P<h2>2[0-4]|[01]?\d)[.:](?P<mi2>[0-5]\d)(?=\s+(?:WIB|WITA|WIT)\b))"
        rf"(?:\s*(?:-|–|sampai|hingga|s\.d\.?|s/d)\s*(?:2[0-4]|[01]?\d)(?:[.:][0-5]\d)?)?"
        rf"(?:\s+(?P<tz>WIB|WITA|WIT|waktu\s+setempat|GMT|UTC))?(?:\s+(?P<pod>{POD}))?{_E}"), _clock_check),
    # tadi malam, pagi ini, kemarin sore, malam hari, sore hari ini, pagi harinya, semalam, dini hari
    Rule("pod", _c(
        rf"{_B}(?:(?P<pre>tadi|kemarin|besok|nanti)\s+(?P<p1>{POD})|(?P<p2>{POD})\s+(?P<post>hari\s+ini|hari\s+itu|ini|tadi|nanti|itu|harinya|hari)"
        rf"|(?P<semalam>semalam)|rembang\s+(?P<p3>petang)|(?P<p4>dini\s+hari|dinihari|tengah\s+malam)){_E}")),
    # kemarin, hari ini, besok, lusa, hari itu, keesokan harinya
    Rule("rel_day", _c(
        rf"{_B}(?P<w>kemarin\s+lusa|kemarin|hari\s+ini|besok(?:nya)?|esok(?:\s+hari(?:nya)?)?|keesokan\s+harinya|lusa|"
        rf"hari\s+itu|tahun\s+itu|bulan\s+itu|tahun\s+ini|bulan\s+ini|pekan\s+ini|minggu\s+ini){_E}"),
        _unit_not_counted),
    # kuartal III 2025, triwulan kedua tahun ini, semester I: quarters and halves of a year
    Rule("quarter", _c(
        rf"{_B}(?P<kind>kuartal|triwulan|semester)\s+(?:(?:ke-?\s*)?(?P<q>(?-i:IV|III|II|I)|pertama|kedua|ketiga|"
        rf"keempat|[1-4])(?:\s*[-–]\s*(?P<q2>(?-i:IV|III|II|I)|[1-4])(?![\w/-]))?(?:\s*[-/]\s*(?P<y2>{YEAR})|\s+(?:tahun\s+)?(?:(?P<y>{YEAR})|(?P<rel>ini|lalu|depan|mendatang)))?"
        rf"|(?P<rel2>lalu|ini|depan|mendatang|sebelumnya|berikutnya)){_E}"), _period_check),
    # abad ke-19, abad XXI: a century (TIMEX3 writes the 1800s as "18")
    Rule("century", _c(rf"{_B}abad\s+(?:ke-?\s*(?P<n>[1-9]\d?)|(?P<r>(?-i:[XVI]{{1,6}}))"
                       rf"|(?P<rel>lalu|silam|ini|depan|mendatang))(?:\s+(?:Masehi|M))?{_E}")),
    # ketika malam tiba, hingga pagi, semakin malam: a part of the day being narrated
    Rule("pod_bare", _c(
        rf"{_B}(?P<prep>pada|ketika|saat|waktu|menjelang|jelang|hingga|sampai|sejak|semakin|kian)\s+"
        rf"(?P<p>{POD}){_E}(?!\s+(?:tahun|minggu|pekan|ini|itu|tadi|nanti|harinya|(?-i:[A-Z])))")),
    Rule("vague", _c(rf"{_B}(?P<v>{alternation(VAGUE_REFS)}){_E}"), lambda m, text: _vague_check(m, text)),
)

_DAY_RULES = frozenset({"wd_paren", "date_full", "date_num", "weekday", "rel_day", "day_only"})
# A clock joins the date before it across spaces (and "sekitar"); across a comma only when the
# date is itself written with commas ("Rabu, 15 Oktober 2025, pukul 08.30", GUIDELINES), since
# "Rabu (31/12/2014), pukul 05.00" and "esok hari pada pukul 05.00" are two expressions in
# IndoTimex.
_JOIN_CLOCK = _c(r"\s+(?:sekitar\s+)?$")
_JOIN_CLOCK_COMMA = _c(r"\s*,\s*(?:sekitar\s+)?$")
# A deictic word right after a date belongs to it: "Minggu (28/12/2014) kemarin".
_TRAIL = _c(r"\s+(?:kemarin|lalu|yang\s+lalu|silam|ini|itu|tadi|mendatang|nanti)(?![\w])")


def _first_words(*groups: object) -> frozenset[str]:
    """The lower-cased first word (as ``\\w+`` splits it) of every phrase in the groups."""
    out: set[str] = set()
    for group in groups:
        for phrase in group:  # type: ignore[attr-defined]
            word = re.match(r"\w+", phrase.lower())
            if word:
                out.add(word.group())
    return frozenset(out)


_WDS = _first_words(weekday_names())
_MONTHS = frozenset(_FULL)
_NUMS = _first_words(NUMBER_WORDS, SE_UNITS, ["beberapa", "setengah"])
_PODS = _first_words(PARTS_OF_DAY)
_MODS = frozenset({"awal", "akhir", "pertengahan", "penghujung", "medio"})
#: Which words a rule's match can start with (``None`` = a digit). Recognition tries a rule only
#: where its first word occurs: one pass over the words instead of ~20 regex scans of the text
#: (measured 10x faster on detik-1k, see benchmarks/bench_time.py).
_TRIGGERS: dict[str, tuple[frozenset[str], bool]] = {
    "wd_paren": (_WDS | {"kemarin", "besok", "hari", "lusa"}, False),
    "date_full": (_WDS | {"tanggal", "tgl"}, True),
    "date_num": (_WDS, True),
    "day_only": (frozenset({"tanggal", "tgl"}), False),
    "month": (_MONTHS | {"pada", "sejak", "hingga", "sampai", "selama", "per", "bulan"} | _MODS, False),
    "month_list": (_MONTHS | {"bulan"} | _MODS, False),
    "vague_plural": (frozenset({"tahun", "bulan", "minggu", "pekan", "hari"}), False),
    "year": (_MODS | {"tahun"}, True),
    "decade": (frozenset({"tahun"}), True),
    "rel_unit": (_MODS | {"pekan", "minggu", "bulan", "tahun"}, False),
    "weekend": (frozenset({"akhir"}), False),
    "week_of_month": (frozenset({"minggu", "pekan"}), False),
    "season": (frozenset({"musim"}), False),
    "sport_season": (frozenset({"musim"}), False),
    "eve": (frozenset({"malam"}), False),
    "rel_n": (_NUMS, True),
    "duration": (_NUMS, True),
    "vague_duration": (_first_words(VAGUE_DURATIONS), False),
    "vague_count": (frozenset({"hitungan"}), False),
    "range_head": (_NUMS, True),
    "set": (_NUMS | {"setiap", "tiap", "saban", "per", "harian", "mingguan", "bulanan", "tahunan"}, True),
    "weekday": (_WDS, False),
    "clock": (frozenset({"pukul", "jam", "pk"}), True),
    "pod": (_PODS | {"tadi", "kemarin", "besok", "nanti", "semalam", "rembang", "dini", "dinihari", "tengah"}, False),
    "rel_day": (frozenset({"kemarin", "hari", "besok", "besoknya", "esok", "keesokan", "lusa", "tahun", "bulan",
                           "pekan", "minggu"}), False),
    "vague": (_first_words(VAGUE_REFS), False),
    "quarter": (frozenset({"kuartal", "triwulan", "semester"}), False),
    "century": (frozenset({"abad"}), False),
    "pod_bare": (frozenset({"pada", "ketika", "saat", "waktu", "menjelang", "jelang", "hingga", "sampai", "sejak",
                            "semakin", "kian"}), False),
}
_BY_WORD: dict[str, list[tuple[int, Rule]]] = {}
_BY_DIGIT: list[tuple[int, Rule]] = []
for _prio, _rule in enumerate(RULES):
    _words, _digit = _TRIGGERS[_rule.name]
    for _w in _words:
        _BY_WORD.setdefault(_w, []).append((_prio, _rule))
    if _digit:
        _BY_DIGIT.append((_prio, _rule))
_WORD = re.compile(r"\w+")
_PREPOSITIONS = frozenset({"pada", "sejak", "hingga", "sampai", "selama", "per"})


def recognise(text: str) -> list[Piece]:
    """Non-overlapping time expressions in ``text``, in text order."""
    found: list[tuple[int, int, int, Piece]] = []
    for wm in _WORD.finditer(text):
        word = wm.group()
        rules = _BY_DIGIT if word[0].isdigit() else _BY_WORD.get(word.lower())
        if not rules:
            continue
        for prio, rule in rules:
            m = rule.pattern.match(text, wm.start())
            if m is None or m.end() == m.start() or (rule.check and not rule.check(m, text)):
                continue
            start = m.start()
            if rule.name == "month" and m.group("prep") and m.group("prep").lower() in _PREPOSITIONS:
                start = m.start("bulan") if m.group("bulan") else m.start("mn")  # "pada" is not part of it
            elif rule.name == "pod_bare":
                start = m.start("p")  # "ketika malam": the time is "malam"
            found.append((start, m.end(), prio, Piece(start, m.end(), rule.name, m)))
    # longest first, then rule order: "Rabu (15/10)" beats the bare weekday inside it
    found.sort(key=lambda t: (-(t[1] - t[0]), t[2], t[0]))
    taken: list[Piece] = []
    occupied = bytearray(len(text) + 1)
    for start, end, _prio, piece in found:
        if any(occupied[start:end]):
            continue
        occupied[start:end] = b"\x01" * (end - start)
        taken.append(piece)
    taken.sort(key=lambda p: p.start)
    return _join(text, [half for p in taken for half in _split(text, p)])


_YEAR_RULE = next(r for r in RULES if r.name == "year")
# a school, budget or fiscal year written as two years is one period ("tahun ajaran 2017-2018")
_ONE_PERIOD = _c(r"(?:ajaran|anggaran|fiskal|akademik|akademis)\s*$")
_DECADE_AFTER = _c(r"\s?-?an(?!\w)")


_MONTH_RULE = next(r for r in RULES if r.name == "month")
_MONTH_NAME = _c(rf"(?<!\w)(?:{MF})(?!\w)")
# a year after a list of months, joined by "di"/"pada": "September, Oktober, November di 2020"
_LIST_YEAR_AFTER = _c(rf"\s+(?:di|pada)\s+(?:tahun\s+)?(?P<y>{OLD_YEAR})(?!\w)")


def _split(text: str, p: Piece) -> list[Piece]:
    """One piece per expression of a range or list (see the rules below)."""
    if p.rule == "month_list":
        return _split_months(text, p)
    if p.rule == "quarter" and p.m.group("q2"):
        # "triwulan II-IV": the second and the fourth quarter, sharing the year written after them
        first = Piece(p.start, p.m.end("q"), "quarter", p.m)
        second = Piece(p.m.start("q2"), p.end, "quarter", p.m, alt={"q": p.m.group("q2")})
        return [first, second]
    return _split_year_range(text, p)


def _split_months(text: str, p: Piece) -> list[Piece]:
    """'Oktober, November, dan Desember 2025': one DATE per month. The months share the year
    written after the last one (or after "di"/"pada" right behind the list); without one,
    the normaliser picks one year for the whole list."""
    out: list[Piece] = []
    for nm in _MONTH_NAME.finditer(text, p.start, p.end):
        start = p.start if not out else nm.start()  # "bulan Oktober, …": "bulan" goes with the first
        m = _MONTH_RULE.pattern.match(text, start, p.end)
        if m is None or m.start("mn") != nm.start():
            continue
        out.append(Piece(m.start(), m.end(), "month", m))
    if len(out) < 2:
        return [p]
    # what is written once after the last month holds for all: "Juni dan Juli 2025 lalu",
    # "Oktober dan Desember mendatang", "Mei-Juni tahun lalu"
    last = out[-1].m
    months = ",".join(q.m.group("mn") for q in out)
    shared = {k: v for k in ("y", "yrel") if (v := last.group(k))}
    if not shared and (after := _LIST_YEAR_AFTER.match(text, p.end)):
        out[-1].alt = shared = {"y": after.group("y")}  # the last month has no year of its own here
    if not shared and last.group("rel"):  # the others lie in the year up to the last one
        shared = {"months": months, "listrel": last.group("rel")}
    for i, q in enumerate(out):
        if not shared:
            q.alt = {"months": months, "idx": str(i)}
        elif i < len(out) - 1:
            q.alt = shared
    return out


def _split_year_range(text: str, p: Piece) -> list[Piece]:
    """'1913-1919', 'periode 2019–2024': two years joined by a dash are a range, and a range is
    two expressions (as "20-28 Agustus" is); a slash ("2022/2023") or a school or fiscal year
    names one period and stays whole."""
    m = p.m
    if p.rule != "year" or not m.group("y2") or m.group("ysep") == "/" or _ONE_PERIOD.search(
            text, max(0, m.start("y") - 20), m.start("y")):
        return [p]
    if (m.group("y")[-1] == m.group("y2")[-1] == "0" and m.end() == m.end("y2")
            and (tail := _DECADE_AFTER.match(text, p.end))):
        # "kurun 1960-1990-an": from the sixties to the nineties, two decades
        return [Piece(p.start, m.end("y"), "decade", m, alt={"y": m.group("y")}),
                Piece(m.start("y2"), tail.end(), "decade", m, alt={"y": m.group("y2")})]
    first = _YEAR_RULE.pattern.match(text, p.start, m.end("y"))
    second = _YEAR_RULE.pattern.match(text, m.start("y2"))
    if first is None or second is None:
        return [p]
    return [Piece(p.start, first.end(), "year", first), Piece(second.start(), second.end(), "year", second)]


def _join(text: str, pieces: list[Piece]) -> list[Piece]:
    """Date + clock ("Rabu (15/10) pukul 08.30") and date + part of day ("Kamis (16/10) malam")."""
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        cur = pieces[i]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        gap = text[cur.end:nxt.start] if nxt is not None else ""
        if (nxt is not None and cur.rule in _DAY_RULES and not cur.parts
                and ((nxt.rule == "clock" and (_JOIN_CLOCK.match(gap) or (
                    "," in text[cur.start:cur.end] and _JOIN_CLOCK_COMMA.match(gap))))
                     or (nxt.rule == "pod" and nxt.m.group("p2") and not gap.strip()))):
            cur = Piece(cur.start, nxt.end, "joined", cur.m, [cur, nxt])
            i += 1
        elif cur.rule in _DAY_RULES and (tail := _POD_AFTER.match(text, cur.end)):
            cur = Piece(cur.start, tail.end(), "date_pod", cur.m, [cur], tail.group("pod"))
        i += 1
        if cur.rule in _DAY_RULES | {"joined", "date_pod"} and (trail := _TRAIL.match(text, cur.end)):
            cur.end = trail.end()
        while i < len(pieces) and pieces[i].start < cur.end:  # "kemarin", "dini hari" now belong to it
            i += 1
        out.append(cur)
    return out


_POD_AFTER = _c(rf"\s+(?:(?:selepas|usai|setelah|menjelang|sebelum|saat|waktu)\s+)?(?P<pod>{POD})"
                rf"(?:\s+(?:ini|itu|tadi|hari|harinya))?{_E}")
