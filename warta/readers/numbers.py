"""The "quantities" stage: numbers that measure something, with value, unit and approximation.

1. Find number expressions: digits with Indonesian separators ("1.500", "2,5"), number words
   ("delapan", "dua ratus ribu"), approximate counts ("puluhan ribu"), each with an optional
   currency before or after ("Rp 2,3 triliun", "US$ 3.000", "50 juta dolar AS", "10 yuan"), a
   scale word (ribu, juta, miliar, triliun) and a percent sign or "persen".
2. Drop what is not a measurement (GUIDELINES): anything inside a time expression, law and
   article numbers ("Nomor 54 Tahun 2024", "UU No. 1/2023", "Pasal 31"), flight and plate
   numbers ("QZ8501", "JT 610", "B 1234 XYZ"), ordinals ("ke-2"), numbers in names ("Boeing
   737"), and idioms ("salah satu", "satu-satunya").
3. Read the value and the unit: "%", an ISO 4217 code, or the counted noun that follows.

Currency names come from CLDR via babel ("Dolar Amerika Serikat", "Yuan Tiongkok"); the
table below adds the short forms news uses ("dolar AS", "yuan") that CLDR lacks.

>>> [(q.text, q.value, q.unit) for q in find_quantities("Dana Rp 2,3 triliun untuk 1.500 sekolah.")]
[('Rp 2,3 triliun', 2300000000000, 'IDR'), ('1.500', 1500, 'sekolah')]
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel.numbers import get_currency_name

from warta.article import Article, Quantity, TimeExpr
from warta.readers._numwords import (
    APPROX,
    BIG_SCALES,
    NUMBER_WORDS,
    NUMBER_WORDS_RE,
    as_number,
    parse_digits,
    words_to_number,
)
from warta.registry import register_stage

_CODES = ("USD", "IDR", "CNY", "RUB", "EUR", "JPY", "MYR", "SGD", "AUD", "GBP", "SAR", "KRW", "INR", "THB",
          "HKD", "PHP", "TRY", "CHF")
# Short forms used in Indonesian news that CLDR's full names ("Dolar Amerika Serikat") miss.
_SHORT_CURRENCY: dict[str, str] = {
    "dolar as": "USD", "dollar as": "USD", "dolar amerika": "USD", "dolar": "USD", "dollar": "USD",
    "rupiah": "IDR", "yuan": "CNY", "renminbi": "CNY", "rubel": "RUB", "euro": "EUR", "yen": "JPY",
    "ringgit": "MYR", "won": "KRW", "poundsterling": "GBP", "pound sterling": "GBP", "riyal": "SAR",
    "rupee": "INR", "baht": "THB", "peso": "PHP", "lira": "TRY", "franc": "CHF",
}
_SYMBOLS: dict[str, str] = {
    "rp": "IDR", "rp.": "IDR", "idr": "IDR", "us$": "USD", "usd": "USD", "$": "USD", "s$": "SGD", "sgd": "SGD",
    "rm": "MYR", "€": "EUR", "eur": "EUR", "£": "GBP", "¥": "JPY", "a$": "AUD", "hk$": "HKD",
}


@lru_cache(maxsize=1)
def currency_words() -> dict[str, str]:
    """Written currency names (lower case) → ISO 4217 code."""
    out = {get_currency_name(code, locale="id").lower(): code for code in _CODES}
    out.update(_SHORT_CURRENCY)
    return out


def _alt(words: object) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_QUANTITY = re.compile(
    rf"(?<![\w/.,\-])(?:(?P<sym>{_alt(_SYMBOLS)})\s?)?"
    rf"(?:(?P<dig>{_DIGITS})(?P<an>-?an)?|(?P<approx>{_alt(APPROX)})|(?P<half>setengah)(?=\s+(?:ribu|juta|miliar|triliun))"
    rf"|(?P<words>{NUMBER_WORDS_RE}))"
    rf"(?:\s*(?P<abbr>(?-i:[TM]))(?![\w])|\s+(?P<scale>{_alt(BIG_SCALES)})(?P<scale_an>an)?)?"
    rf"(?:\s*(?P<pct>%|persen))?"
    rf"(?:\s+(?P<cur>{_alt(currency_words())}))?"
    rf"(?![\w%/]|[.,]\d|-(?!nya\b)\w)",  # "70%-nya" is still 70%; "COVID-19", "2-1" are not amounts
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s+([a-z][a-z\-]*|[A-Z]{2,6}\b)")  # "siswa", or an acronym: "5.027 SPBU"
_APPROX_BEFORE = re.compile(
    r"(?:sekitar|kurang\s+lebih|hampir|lebih\s+dari|sedikitnya|setidaknya|sekira|kira-kira|±|~|nyaris|"
    r"mendekati|paling\s+sedikit)\s*$", re.IGNORECASE)
# Identifiers, not measurements: law/article numbers, ordinals, codes.
_ID_BEFORE = re.compile(
    r"(?:nomor|nomer|no\.?|nmr\.?|pasal|ayat|huruf|butir|uu|perppu|perpu|pp|perpres|perda|permen\w*|kepmen\w*|"
    r"keppres|inpres|tap|sk|ke-?|kode|seri|tipe|versi|nopol|rt\.?|rw\.?|km|jalur|gate|gerbang|lantai|kamar|"
    r"blok|kav\.?|kavling|halaman|hal\.?|bab|posisi|peringkat|urutan|urut|ranking|juara|tahun|tahap|babak|"
    r"gelombang|jilid|periode|kuartal|triwulan|semester|putaran|sesi|angkatan|edisi|level|tingkat|kelas|"
    r"golongan|eselon|roda|pukul|jam)\s*$", re.IGNORECASE)
# "1. Kendaraan …", "2) Logam mulia …": the numbers of a list, not amounts
_LIST_MARK = re.compile(r"(?:^|\n)[ \t]*\w{1,3}\s?[.)]$")  # "1)", "a." opening a list line
_LIST_ITEM = re.compile(r"[ \t\-•*]*")
_LAW_BEFORE = re.compile(r"(?:nomor|no\.?)\s*\d+\s*(?:tahun|/)\s*$", re.IGNORECASE)
_FLIGHT_OR_PLATE_BEFORE = re.compile(r"(?:\b[A-Z]{1,3}|\b[A-Z]\d)\s?-?\s*$")
_PLATE_AFTER = re.compile(r"^\s[A-Z]{1,3}\b")
_IDIOM = re.compile(r"salah\s+$|satu\s+per\s+$|^satu\s+(?:sama|per|pun)\b", re.IGNORECASE)
# Words after a number that are not the thing counted.
_NOT_UNITS = frozenset(
    "yang dan di ke dari untuk pada dengan atau itu ini juga tersebut sudah telah akan masih lebih tahun "
    "adalah ialah hingga sampai sebagai oleh karena bagi dalam para serta per saja pun lagi sedangkan namun "
    "tetapi sementara atau maupun bahwa jika kalau".split())


def _value(m: re.Match[str]) -> tuple[float | None, bool]:
    approx = bool(m.group("an") or m.group("approx") or m.group("scale_an"))
    if m.group("dig"):
        value = parse_digits(m.group("dig"))
    elif m.group("half"):  # "setengah juta": half a million
        value = 0.5
    elif m.group("approx"):
        value = float(APPROX[m.group("approx").lower()])
    else:
        words = words_to_number(m.group("words"))
        value = float(words) if words is not None else None
    if value is not None and m.group("scale"):
        value *= BIG_SCALES[m.group("scale").lower()]
    if value is not None and m.group("abbr"):  # "Rp 13 T", "Rp 22 M": triliun, miliar
        value *= 1e12 if m.group("abbr") == "T" else 1e9
    return value, approx


def _is_identifier(m: re.Match[str], text: str) -> bool:
    start, end = m.span()
    before = text[max(0, start - 25):start]
    if (_ID_BEFORE.search(before.rstrip(" (")) or _LAW_BEFORE.search(before) or _IDIOM.search(before)
            or _IDIOM.search(text[start:end + 12])):
        return True
    line_head = text[text.rfind("\n", 0, start) + 1:start]
    if _LIST_ITEM.fullmatch(line_head) and re.match(r"\s?[.)]", text[end:end + 2]):
        return True
    if m.group("abbr") and not m.group("sym"):
        return True  # "15 M" without a currency may be metres or a model name
    if m.group("sym") or m.group("cur") or m.group("pct") or m.group("scale"):
        return False  # money, percentages and scaled amounts are measurements
    # "QZ8501" is caught by the word boundary; "JT 610", "B 1234 XYZ" by capitals around it
    if _FLIGHT_OR_PLATE_BEFORE.search(before) or _PLATE_AFTER.match(text[end:end + 5]):
        return True
    # a number right after a capitalised word inside a sentence is part of a name: "Boeing 737"
    prev = re.search(r"(\S+)\s+$", before)
    if prev and prev.group(1)[:1].isupper() and prev.group(1).isalpha():
        head = before[: prev.start(1)].rstrip(" \t\"“'(")
        if head and head[-1] not in ".!?\n:" and not _LIST_MARK.search(head):
            return True
    # a capitalised number word inside a sentence is a name too ("Wali Songo", "Lima" the city)
    if m.group("words") and m.group("words")[0].isupper():
        head = before.rstrip(" \t\"“'(")
        if head and head[-1] not in ".!?\n:":
            return True
    return False


def _unit(m: re.Match[str], text: str) -> str | None:
    if m.group("pct"):
        return "%"
    if m.group("sym"):
        return _SYMBOLS[m.group("sym").lower()]
    if m.group("cur"):
        return currency_words()[" ".join(m.group("cur").lower().split())]
    nxt = _NEXT_WORD.match(text, m.end())
    if nxt and nxt.group(1) not in _NOT_UNITS:
        return nxt.group(1)
    return None


_TOKEN = re.compile(r"\w+|[$€£¥]")
_TRIGGERS = frozenset(w.lower() for w in NUMBER_WORDS | set(APPROX) | {"setengah"}) | frozenset(
    re.match(r"\w+|.", s).group() for s in _SYMBOLS)  # type: ignore[union-attr]


def _candidates(text: str) -> list[re.Match[str]]:
    """Matches of the quantity pattern tried only where a digit, number word or currency
    symbol starts (one pass over the words; a full regex scan was 5x slower on detik-1k)."""
    out = []
    for tok in _TOKEN.finditer(text):
        word = tok.group()
        low = word.lower()
        # "Rp500" is written without a space: the token starts with the symbol
        if word[0].isdigit() or low in _TRIGGERS or (low[:2] == "rp" and low[2:3].isdigit()):
            m = _QUANTITY.match(text, tok.start())
            if m is not None:
                out.append(m)
    return out


def find_quantities(text: str, times: list[TimeExpr] | None = None) -> list[Quantity]:
    """Every measuring number in ``text`` that is not inside one of ``times``."""
    if times is None:
        from warta.readers.timex.rules import recognise

        spans = [(p.start, p.end) for p in recognise(text)]
    else:
        spans = [(t.start, t.end) for t in times]
    out: list[Quantity] = []
    last_end = 0
    for m in _candidates(text):
        start, end = m.span()
        if start < last_end or any(s < end and start < e for s, e in spans) or _is_identifier(m, text):
            continue
        last_end = end
        value, approx = _value(m)
        if value is None:
            continue
        approx = approx or bool(_APPROX_BEFORE.search(text[max(0, start - 20):start]))
        out.append(Quantity(text=text[start:end], start=start, end=end, value=as_number(value),
                            unit=_unit(m, text), approximate=approx))
    return out


@register_stage("quantities", version="warta.quantities.v1", reads=("text",), adds=("quantities",), uses=("times",))
def read_quantities(article: Article) -> Article:
    """Fill ``Article.quantities``; uses the time expressions when the times stage ran."""
    times = article.times if "times" in article.annotated_by else None
    article.quantities = find_quantities(article.text, times)
    return article
