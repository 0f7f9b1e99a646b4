"""Indonesian numbers: number words ("dua ratus lima puluh ribu") and digits with Indonesian
separators ("1.500" is fifteen hundred, "2,5" is two and a half). Shared by the time reader
(durations such as "delapan hari") and the quantity reader.

>>> words_to_number("dua ratus lima puluh ribu")
250000
>>> number_to_words(1_250)
'seribu dua ratus lima puluh'
>>> parse_digits("1.500,75")
1500.75
"""

from __future__ import annotations

import re

#: Units 0-9 and the single words for 10 and 11 (the "se-" forms are handled by the parser).
UNITS: dict[str, int] = {
    "nol": 0, "kosong": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
    "tujuh": 7, "delapan": 8, "sembilan": 9,
}
#: Words that are a whole number by themselves ("se-" = one).
SPECIAL: dict[str, int] = {
    "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000, "sejuta": 1_000_000,
    "semiliar": 1_000_000_000, "setriliun": 1_000_000_000_000,
}
#: Multipliers written after a number: "dua belas", "tiga puluh", "lima ratus".
SMALL_SCALES: dict[str, int] = {"belas": 10, "puluh": 10, "ratus": 100}
#: Big scales that close a group: "dua ratus ribu", "1,5 juta".
BIG_SCALES: dict[str, int] = {
    "ribu": 1000, "rb": 1000, "juta": 1_000_000, "jt": 1_000_000, "miliar": 1_000_000_000,
    "milyar": 1_000_000_000, "triliun": 1_000_000_000_000,
}
#: Approximate counts: "puluhan" = tens of, read as the scale itself (the gold guidelines:
#: "puluhan ribu" → 10000, approximate).
APPROX: dict[str, int] = {
    "belasan": 10, "puluhan": 10, "ratusan": 100, "ribuan": 1000, "jutaan": 1_000_000,
    "miliaran": 1_000_000_000, "triliunan": 1_000_000_000_000,
}

#: Fractions written as words: "seperempat penduduk" is a quarter of them. ("setengah" is read
#: only before a scale, "setengah juta": alone it is mostly an idiom, "setengah hati".)
FRACTIONS: dict[str, float] = {
    "seperempat": 0.25, "sepertiga": 1 / 3, "separuh": 0.5, "tiga perempat": 0.75, "dua pertiga": 2 / 3,
}

NUMBER_WORDS: frozenset[str] = frozenset(UNITS) | frozenset(SPECIAL) | frozenset(SMALL_SCALES) | frozenset(BIG_SCALES)

_ALT = "|".join(sorted(NUMBER_WORDS - {"rb", "jt", "kosong"}, key=len, reverse=True))
#: A run of number words ("dua ratus lima puluh ribu"); case-insensitive, word-bounded.
NUMBER_WORDS_RE = rf"(?:(?:{_ALT})(?:\s+(?:{_ALT}))*)"

_DIGITS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$")


def words_to_number(text: str) -> int | None:
    """The value of a run of Indonesian number words, or None when it is not one.

    Reads left to right keeping a group below 1000 (``current``) and a total of closed big
    groups, the way the words are spoken: "dua ratus lima puluh ribu tiga" = (200+50)·1000 + 3.
    """
    tokens = text.lower().split()
    if not tokens:
        return None
    total, current, last_unit = 0, 0, None
    for tok in tokens:
        if tok in UNITS:
            if last_unit is not None:  # "dua tiga" is not a number
                return None
            last_unit = UNITS[tok]
        elif tok in ("belas", "puluh", "ratus"):
            if last_unit is None:
                return None
            if tok == "belas":
                current += 10 + last_unit
            else:
                current += last_unit * SMALL_SCALES[tok]
            last_unit = None
        elif tok in SPECIAL:
            if last_unit is not None:
                return None
            value = SPECIAL[tok]
            if value >= 1000:  # "seribu", "sejuta": a big scale with an implicit "one"
                if current:
                    return None
                total += value
            else:  # "sepuluh", "sebelas", "seratus"
                current += value
        elif tok in BIG_SCALES:
            group = current + (last_unit or 0)
            if group == 0:
                return None
            total += group * BIG_SCALES[tok]
            current, last_unit = 0, None
        else:
            return None
    return total + current + (last_unit or 0)


_UNIT_NAMES = {v: k for k, v in UNITS.items() if k != "kosong"}


def _below_thousand(n: int) -> list[str]:
    out: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        out.append("seratus")
    elif hundreds:
        out += [_UNIT_NAMES[hundreds], "ratus"]
    if rest == 10:
        out.append("sepuluh")
    elif rest == 11:
        out.append("sebelas")
    elif 12 <= rest <= 19:
        out += [_UNIT_NAMES[rest - 10], "belas"]
    elif rest >= 20:
        tens, units = divmod(rest, 10)
        out += [_UNIT_NAMES[tens], "puluh"]
        if units:
            out.append(_UNIT_NAMES[units])
    elif rest:
        out.append(_UNIT_NAMES[rest])
    return out


def number_to_words(n: int) -> str:
    """Indonesian words for 0 <= n < 10**15 (inverse of :func:`words_to_number`)."""
    if n < 0 or n >= 10**15:
        raise ValueError(f"number_to_words supports 0..10**15-1, got {n}")
    if n == 0:
        return "nol"
    out: list[str] = []
    for scale, name in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (1000, "ribu")):
        group, n = divmod(n, scale)
        if group == 1 and scale == 1000:
            out.append("seribu")
        elif group:
            out += [*_below_thousand(group), name]
    out += _below_thousand(n)
    return " ".join(out)


def parse_digits(text: str) -> float | None:
    """A number written with Indonesian separators: "1.500" → 1500, "2,5" → 2.5, "1.500,75".

    A dot followed by exactly three digits groups thousands; a comma is the decimal mark.
    Returns None for anything else (e.g. "08.30", which is a clock time, not a number).
    """
    text = text.strip()
    if not _DIGITS.match(text):
        return None
    return float(text.replace(".", "").replace(",", "."))


def as_number(value: float) -> int | float:
    """An int when the value is whole (so JSON shows 1500, not 1500.0)."""
    return int(value) if float(value).is_integer() else value
