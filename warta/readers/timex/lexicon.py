"""Indonesian calendar words for the time reader.

Month and weekday names come from CLDR (via babel) and dateparser's Indonesian locale
data, which also knows the older spellings ("Pebruari", "Nopember", "Ahad"); the small
tables below add what neither has (the news abbreviations "Agt", "Agus", "Sept" and the
apostrophe spelling "Jum'at") and the TIMEX3 codes for units, parts of day and seasons.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale
from dateparser.data.date_translation_data import id as _dp_id

_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
_DAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# What babel and dateparser lack (seen in Indonesian news headers and datelines).
_EXTRA_MONTHS: dict[str, int] = {"agt": 8, "agus": 8, "sept": 9, "nop": 11, "peb": 2}
_EXTRA_DAYS: dict[str, int] = {"jum'at": 4, "jum’at": 4}


@lru_cache(maxsize=1)
def month_names() -> tuple[dict[str, int], dict[str, int]]:
    """(full names, abbreviations) → month number, lower-cased."""
    loc = Locale("id")
    full: dict[str, int] = {}
    abbr: dict[str, int] = {}
    for num, name in loc.months["format"]["wide"].items():
        full[name.lower()] = num
    for num, name in loc.months["format"]["abbreviated"].items():
        abbr[name.lower().rstrip(".")] = num
    for num, key in enumerate(_MONTH_KEYS, start=1):
        for name in _dp_id.info.get(key, []):
            low = name.lower()
            # "dj…" is the pre-1972 spelling; two-letter forms ("Ag") are ordinary syllables.
            if not low.isalpha() or low.startswith("dj") or len(low) < 3:
                continue
            (full if len(low) > 4 else abbr)[low] = num
    abbr.update(_EXTRA_MONTHS)
    for name in full:
        abbr.pop(name, None)
    return full, abbr


@lru_cache(maxsize=1)
def weekday_names() -> dict[str, int]:
    """Weekday name → ISO weekday index 0 (Monday) … 6 (Sunday), lower-cased; full names only
    (the 3-letter abbreviations "Sen", "Sel", "Min" are ordinary words in running text)."""
    loc = Locale("id")
    out = {name.lower(): num for num, name in loc.days["format"]["wide"].items()}
    for num, key in enumerate(_DAY_KEYS):
        for name in _dp_id.info.get(key, []):
            if len(name) > 3 and name.isalpha():
                out[name.lower()] = num
    out.update(_EXTRA_DAYS)
    return out


def alternation(names: object) -> str:
    """A regex alternation of the names, longest first (so "Jumat" beats "Jum")."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))  # type: ignore[call-overload]


#: Calendar units → (TIMEX3 designator, is a time-of-day unit needing "T").
UNITS: dict[str, tuple[str, bool]] = {
    "detik": ("S", True), "menit": ("M", True), "jam": ("H", True),
    "hari": ("D", False), "malam": ("D", False), "pekan": ("W", False), "minggu": ("W", False),
    "bulan": ("M", False), "tahun": ("Y", False), "dekade": ("DE", False), "windu": ("Y", False),
    "abad": ("CE", False),
}
#: "windu" is eight years; everything else counts one of itself.
UNIT_FACTOR: dict[str, int] = {"windu": 8}
#: The "se-" forms: "sehari" = one day.
SE_UNITS: dict[str, str] = {
    "sedetik": "detik", "semenit": "menit", "sejam": "jam", "sehari": "hari",
    "sepekan": "pekan", "seminggu": "minggu", "sebulan": "bulan", "setahun": "tahun", "sewindu": "windu",
    "seabad": "abad",
}
# ("semalam" is not here: in news it means "last night", a TIME, not "one night".)
#: Reduplicated "for ages" forms → TIMEX3 vague durations.
VAGUE_DURATIONS: dict[str, str] = {
    "bertahun-tahun": "PXY", "berbulan-bulan": "PXM", "berminggu-minggu": "PXW", "berpekan-pekan": "PXW",
    "berhari-hari": "PXD", "berjam-jam": "PTXH", "bermenit-menit": "PTXM", "berabad-abad": "PXCE",
    "puluhan tahun": "PXDE", "belasan tahun": "PXY", "ratusan tahun": "PXCE", "beberapa saat": "PXX",
    "sejenak": "PXX",
}
#: Parts of day → TIMEX3 codes (GUIDELINES: NI night, MO morning, AF afternoon, EV evening;
#: TIMEX3's MI is midday).
PARTS_OF_DAY: dict[str, str] = {
    "pagi": "MO", "siang": "AF", "sore": "AF", "petang": "EV", "malam": "NI", "dini hari": "NI",
    "dinihari": "NI",  # also written as one word ("Minggu dinihari tadi")
    "subuh": "MO", "tengah malam": "NI", "tengah hari": "MI",
    # the prayer times mark the day in Indonesian narration: "selepas ashar" is the afternoon
    "zuhur": "MI", "dzuhur": "MI", "lohor": "MI", "ashar": "AF", "asar": "AF", "magrib": "EV", "maghrib": "EV",
    "isya": "NI",
    # dawn and dusk ("menjelang senja", "saat fajar"); lower case only, "Fajar" is a common name
    "fajar": "MO", "senja": "EV",
}
#: Seasons → TIMEX3 season codes; the rainy season is the (northern) winter code, as IndoTimex does.
SEASONS: dict[str, str] = {
    "semi": "SP", "panas": "SU", "gugur": "FA", "dingin": "WI", "hujan": "WI", "penghujan": "WI",
    "kemarau": "SU",
}
#: Vague references. Deliberately absent, following GUIDELINES.md and the dev gold (IndoTimex
#: annotates them, our contract does not): "dulu", "sebelumnya", and the anaphoric "saat itu",
#: "ketika itu", "waktu itu", "saat yang sama", which point back at a time already mentioned.
VAGUE_REFS: dict[str, str] = {
    "saat ini": "PRESENT_REF", "sekarang": "PRESENT_REF", "sekarang ini": "PRESENT_REF",
    "saat sekarang ini": "PRESENT_REF", "kini": "PRESENT_REF", "dewasa ini": "PRESENT_REF",
    "masa kini": "PRESENT_REF", "sejauh ini": "PRESENT_REF", "hingga kini": "PRESENT_REF",
    "hingga saat ini": "PRESENT_REF", "sampai saat ini": "PRESENT_REF", "sampai sekarang": "PRESENT_REF",
    "hingga sekarang": "PRESENT_REF", "saat-saat ini": "PRESENT_REF", "waktu ini": "PRESENT_REF",
    "beberapa waktu lalu": "PAST_REF", "beberapa waktu yang lalu": "PAST_REF", "belakangan ini": "PAST_REF",
    "akhir-akhir ini": "PAST_REF", "baru-baru ini": "PAST_REF", "masa lalu": "PAST_REF",
    "beberapa waktu terakhir": "PAST_REF", "beberapa waktu belakangan": "PAST_REF", "beberapa waktu ini": "PAST_REF",
    "jauh-jauh hari": "PAST_REF", "tempo dulu": "PAST_REF",
    "ke depan": "FUTURE_REF", "ke depannya": "FUTURE_REF", "nanti": "FUTURE_REF", "nantinya": "FUTURE_REF",
    "masa depan": "FUTURE_REF", "kelak": "FUTURE_REF", "masa mendatang": "FUTURE_REF",
    "waktu dekat": "FUTURE_REF",
    # "kedepan" is the common one-word spelling of "ke depan"; "(di) kemudian hari" is "in time to
    # come" (the rule asks for "di"/"pada" before it: "kemudian hari Senin" is "then on Monday")
    "kedepan": "FUTURE_REF", "kedepannya": "FUTURE_REF", "kemudian hari": "FUTURE_REF",
}
#: A season of a sport or competition ("musim lalu", "musim depan"): its bounds are the
#: league's, not the calendar's, so TIMEX3 can only say past, present or future.
SPORT_SEASONS: dict[str, str] = {
    "lalu": "PAST_REF", "kemarin": "PAST_REF", "sebelumnya": "PAST_REF", "ini": "PRESENT_REF",
    "depan": "FUTURE_REF", "mendatang": "FUTURE_REF", "berikutnya": "FUTURE_REF",
}
