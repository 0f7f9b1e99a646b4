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
    FRACTIONS,
    NUMBER_WORDS,
    NUMBER_WORDS_RE,
    as_number,
    parse_digits,
    words_to_number,
)
from warta.registry import register_stage

_CODES = ("USD", "IDR", "CNY", "RUB", "EUR", "JPY", "MYR", "SGD", "AUD", "GBP", "SAR", "KRW", "INR", "THB",
          "HKD", "PHP", "TRY", "CHF")
# Codes written after an amount; not "TRY", "PHP", "SAR", "INR"..., which read as words.
_CODES_AFTER = ("USD", "IDR", "EUR", "SGD", "JPY", "CNY", "RUB", "MYR", "AUD", "GBP")
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
    """Written currency names (lower case) → ISO 4217 code; also the codes of the main
    currencies, which business news writes after the amount ("5 juta USD")."""
    out = {get_currency_name(code, locale="id").lower(): code for code in _CODES}
    out.update(_SHORT_CURRENCY)
    out.update({code.lower(): code for code in _CODES_AFTER})
    return out


def _alt(words: object) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_QUANTITY_BODY = (
    rf"(?:(?P<sym>{_alt(_SYMBOLS)})\s?)?"
    # "2 (dua) semester": formal texts spell the number out in brackets after its digits
    rf"(?:(?P<dig>{_DIGITS})(?P<an>-?an)?(?P<spelled>\s*\((?!\s*(?:{_alt(BIG_SCALES)})\s*\))\s*{NUMBER_WORDS_RE}\s*\))?|(?P<approx>{_alt(APPROX)})|(?P<frac>{_alt(FRACTIONS)})|(?P<half>setengah)(?=\s+(?:ribu|juta|miliar|triliun))"
    rf"|(?P<words>{NUMBER_WORDS_RE}))"
    rf"(?:\s*(?P<abbr>(?-i:[TM]))(?![\w])|\s+(?P<scale>{_alt(BIG_SCALES)})(?P<scale_an>an)?)?"
    rf"(?:\s*(?P<pct>%|persen))?"
    rf"(?:\s+(?P<cur>{_alt(currency_words())}))?"
    rf"(?![\w%]|[.,]\d|-(?!nya\b)\w|:\d)"  # "70%-nya" is still 70%; "COVID-19", "2-1", "1:3" are not amounts
    # a slash ends an amount only as a price per unit ("Rp 2.250/kg"); "15/10", "135/PUU" are no amounts
    rf"(?(sym)(?!/(?![a-z]{{1,12}}\b))|(?!/))"
)
_QUANTITY = re.compile(rf"(?<![\w/.,\-:]){_QUANTITY_BODY}", re.IGNORECASE)
# The upper end of a range: "15 orang" in "10-15 orang", right after the dash.
_RANGE_END = re.compile(rf"(?<![\w/.,:]){_QUANTITY_BODY}", re.IGNORECASE)
# The lower end and the joint: "10-", "Rp 2-", "antara 10 hingga", "dua sampai dengan".
_RANGE_HEAD = re.compile(
    rf"(?<![\w/.,\-:])(?:(?P<sym>{_alt(_SYMBOLS)})\s?)?(?:(?P<dig>{_DIGITS})(?P<dash>\s?[-–]\s?)(?=\d)"
    rf"|(?P<num>{_DIGITS}|{NUMBER_WORDS_RE})\s+(?P<join>hingga|sampai(?:\s+dengan)?|s\.\s?d\.?|s/d|dan)\s+)",
    re.IGNORECASE)
# "kalah 1-3 atas Jepang", "disikat 0-3 saat bertandang": a score, not a range. A dash between
# bare numbers is a range only when a counted noun follows (not one of these words) and no
# word of a match result comes before.
_SCORE_WORDS = frozenset({"atas", "kontra", "melawan", "lawan", "vs", "saat", "ketika", "kala", "usai", "setelah",
                          "sebelum", "menjelang", "lewat", "melalui", "tanpa", "berkat"})
_SCORE_BEFORE = re.compile(
    r"(?:skor|menang|kalah|unggul|tertinggal|imbang|takluk|tumbang|dibantai|disikat|digasak|dipermalukan|"
    r"membungkam|menekuk|mengalahkan|melibas|menggasak|menundukkan|ditekuk|dikalahkan|agregat|hasil|laga)"
    r"(?:\s+\w+)?\s+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([a-z][a-z\-]*|[A-Z]{2,6}\b)")  # "siswa", or an acronym: "5.027 SPBU"
_APPROX_BEFORE = re.compile(
    r"(?:sekitar|kurang\s+lebih|hampir|lebih\s+dari|sedikitnya|setidaknya|sekira|kira-kira|±|~|nyaris|"
    r"mendekati|paling\s+sedikit)\s*$", re.IGNORECASE)
# Identifiers, not measurements: law/article numbers, ordinals, codes.
# (word-bounded: "dipukul dua kali" counts blows, it is not "pukul 2"; "sebab 3 orang" is no "bab 3";
# but a word glued to the one before it by lost spacing still counts: "3junctoPasal 18")
_ID_BEFORE = re.compile(
    r"(?:\b|(?<=(?-i:[a-z]))(?=(?-i:[A-Z])))(?:(?:ber)?nomor|nomer|no\.?|nmr\.?|pasal|ayat|huruf|butir|uu|perppu|perpu|pp|perpres|perda|permen\w*|kepmen\w*|"
    r"keppres|inpres|tap|sk|ke-?|kode|seri|tipe|versi|nopol|rt\.?|rw\.?|km|jalur|gate|gerbang|lantai|kamar|"
    r"blok|kav\.?|kavling|halaman|hal\.?|bab|posisi|peringkat|urutan|urut|ranking|juara|tahun|tahap|babak|"
    r"gelombang|jilid|periode|kuartal|triwulan|semester|putaran|sesi|angkatan|edisi|level|tingkat|kelas|"
    r"golongan|eselon|roda|pukul|jam|menit|desil|kuintil|persentil|vol\.?)\s*$", re.IGNORECASE)
# "1. Kendaraan …", "2) Logam mulia …": the numbers of a list, not amounts
_LIST_MARK = re.compile(r"(?:^|\n)[ \t]*\w{1,3}\s?[.)]$")  # "1)", "a." opening a list line
_LIST_ITEM = re.compile(r"[ \t\-•*]*")
_LAW_BEFORE = re.compile(r"(?:nomor|no\.?)\s*\d+\s*(?:tahun|/)\s*$", re.IGNORECASE)
_FLIGHT_OR_PLATE_BEFORE = re.compile(r"(?:\b[A-Z]{1,3}|\b[A-Z]\d)\s?-?\s*$")
# an era marker makes the number a year: "1447 H" (Hijri), "500 SM" (before the common era). (Two-
# and three-letter acronyms after a number are what is counted: "40 KK", "1.250 KPM", "10 TPS".)
_ERA_AFTER = re.compile(r"^\s(?:H|SM|M)\b")
# "masuk 10 besar": a rank (the top ten), not an amount
_RANK_AFTER = re.compile(r"^\s+besar\b", re.IGNORECASE)
# zero-width characters pasted from chat apps sit between list marks and words ("1.\u2060 SMKN 3")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
# "salah satu", "satu per satu", "program yang satu ini" (this one): idioms, not counts
# "di satu sisi" (on the one hand), "dalam satu waktu" (at once); after a word for a companion
# or rival "satu" is "the same": "rekan satu tim", "teman satu sekolah", "rival satu kota"
_IDIOM = re.compile(r"salah\s+$|satu\s+per\s+$|^satu\s+(?:sama|per|persatu|pun|pintu|atap|ini|sisi|waktu)\b",
                    re.IGNORECASE)
_SAME_AFTER = re.compile(r"\b(?:teman|rekan|kawan|musuh|rival|seteru|saudara|tetangga|sahabat)\s+$", re.IGNORECASE)
# "pola satu arah", "kerja sama dua arah": one-way, two-way; but "dari dua arah" counts directions
_ONE_WAY = re.compile(r"(?:satu|dua)\s+arah\b", re.IGNORECASE)
_TOWARDS = re.compile(r"\b(?:dari|ke|di|berbagai|segala)\s+$", re.IGNORECASE)
# Words after a number that are not the thing counted.
_NOT_UNITS = frozenset(
    "yang dan di ke dari untuk pada dengan atau itu ini juga tersebut sudah telah akan masih lebih tahun "
    "adalah ialah hingga sampai sebagai oleh karena bagi dalam para serta per saja pun lagi sedangkan namun "
    "tetapi sementara atau maupun bahwa jika kalau tidak tak bukan belum pernah bisa dapat harus".split())


def _value(m: re.Match[str]) -> tuple[float | None, bool]:
    approx = bool(m.group("an") or m.group("approx") or m.group("scale_an"))
    if m.group("dig"):
        value = parse_digits(m.group("dig"))
    elif m.group("half"):  # "setengah juta": half a million
        value = 0.5
    elif m.group("frac"):  # "seperempat penduduk": a quarter of them
        value = FRACTIONS[" ".join(m.group("frac").lower().split())]
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
    """Law, list, flight or plate number, ordinal, or part of a name (also for a range head,
    which has only the ``sym`` group of the amount's)."""
    start, end = m.span()
    g = m.groupdict()
    before = text[max(0, start - 25):start]
    rest = before.rstrip(" (")
    # "ke-2" is an ordinal, but "turun ke 60 dolar AS" is a fall to an amount
    to_amount = (rest[-3:].lower() in (" ke", "\nke") and before[-1:].isspace()
                 and bool(g.get("sym") or g.get("cur") or g.get("pct") or g.get("scale")))
    if ((_ID_BEFORE.search(rest) and not to_amount) or _LAW_BEFORE.search(before) or _IDIOM.search(before)
            or _IDIOM.search(text[start:end + 12])
            or (text[start:end].lower() == "satu" and _SAME_AFTER.search(before))
            or (_ONE_WAY.match(text, start) and not _TOWARDS.search(before))):
        return True
    line_head = text[text.rfind("\n", 0, start) + 1:start]
    if _LIST_ITEM.fullmatch(line_head) and re.match(r"\s?[.)]", text[end:end + 2]):
        return True
    if g.get("abbr") and not g.get("sym"):
        return True  # "15 M" without a currency may be metres or a model name
    if g.get("sym") or g.get("cur") or g.get("pct") or g.get("scale"):
        return False  # money, percentages and scaled amounts are measurements
    after = text[end:end + 8]
    if _RANK_AFTER.match(after) or _ERA_AFTER.match(after):
        return True
    # a decimal is a measure even after capitals ("IPK 3,85"): codes and names use whole numbers
    if "," in (g.get("dig") or ""):
        return False
    # "QZ8501" is caught by the word boundary; "JT 610", "B 1234 XYZ" by the capitals before it
    before = before.translate(_INVISIBLE)
    prev = re.search(r"(\S+)\s+$", before)
    # codes and names write their numbers in digits: a lower-case number word after an acronym
    # counts ("ketentuan satu KK satu suara", "satu ketua RT satu suara")
    if g.get("words") and g["words"][0].islower() and prev and prev.group(1).isupper():
        return False
    if _FLIGHT_OR_PLATE_BEFORE.search(before):
        return True
    # a number right after a capitalised word inside a sentence is part of a name: "Boeing 737"
    if prev and prev.group(1)[:1].isupper() and prev.group(1).isalpha():
        head = before[: prev.start(1)].rstrip(" \t\"“'(")
        if head and head[-1] not in ".!?\n:" and not _LIST_MARK.search(head):
            return True
        # an acronym and a number open a name even at a sentence or list start ("SMKN 3
        # Padang", "1. SMPN 4, Bogor") unless a counted noun follows ("PDIP 128 kursi")
        if len(prev.group(1)) >= 2 and prev.group(1).isupper() and not re.match(r"\s+[a-z]", after):
            return True
    # a capitalised number word inside a sentence is a name too ("Wali Songo", "Lima" the city);
    # a dateline's dash opens the first sentence ("BOGOR (Warta) – Tiga warga …")
    if g.get("words") and g.get("words")[0].isupper():
        head = before.rstrip(" \t\"“'(")
        if head and head[-1] not in ".!?\n:–—-":
            return True
    return False


def _unit(m: re.Match[str], text: str) -> str | None:
    if m.group("pct"):
        return "%"
    if m.group("sym"):
        return _SYMBOLS[m.group("sym").lower()]
    if m.group("cur"):
        return currency_words()[" ".join(m.group("cur").lower().split())]
    nxt = _MORE_AFTER.match(text, m.end()) or _NEXT_WORD.match(text, m.end())
    if nxt and nxt.group(1) not in _NOT_UNITS:
        return nxt.group(1)
    return None


# "tiga juta lebih warga", "200 lebih peserta": "more than" written after the number, before
# what is counted (not a comparison: "dua kali lebih besar" has its unit before "lebih")
_MORE_AFTER = re.compile(r"\s+lebih\s+(?!(?:banyak|besar|kecil|tinggi|rendah|cepat|lambat|lama|murah|mahal|baik|"
                         r"buruk|dari|daripada|dulu|awal|lanjut)\b)([a-z][a-z\-]*)")


_TOKEN = re.compile(r"\w+|[$€£¥]")
_TRIGGERS = frozenset(w.lower() for w in NUMBER_WORDS | set(APPROX) | {"setengah"}) | frozenset(
    f.split()[0] for f in FRACTIONS) | frozenset(re.match(r"\w+|.", s).group() for s in _SYMBOLS)  # type: ignore[union-attr]


def _range(text: str, start: int, m_head: re.Match[str]) -> tuple[Quantity, Quantity] | None:
    """Both ends of a range ("10-15 orang", "Rp 2-3 miliar", "antara 10 hingga 15 persen"), or
    None. The lower end borrows what is written only once, after the upper end: the scale
    ("2" in "Rp 2-3 miliar" is two billion), the currency or percent, and the counted noun."""
    end_m = _RANGE_END.match(text, m_head.end())
    if end_m is None or end_m.group("approx") or end_m.group("an"):
        return None
    high, _ = _value(end_m)
    low_text = m_head.group("dig") or m_head.group("num")
    if low_text[0].isdigit():
        low = parse_digits(low_text)
    else:
        words = words_to_number(low_text)
        low = float(words) if words is not None else None
    if high is None or low is None:
        return None
    scaled = end_m.group("scale") or end_m.group("abbr")
    bare_high = high / (BIG_SCALES[end_m.group("scale").lower()] if end_m.group("scale") else
                        1e12 if end_m.group("abbr") == "T" else 1e9) if scaled else high
    if scaled and low < bare_high:  # "2-3 miliar"; but "1.500 hingga 2 ribu" already says 1.500
        low *= high / bare_high
    if not low < high:  # "2-1" is a score, "10 hingga 5" is a fall: not a range
        return None
    unit = _unit(end_m, text)
    if m_head.group("sym") and not (end_m.group("sym") or end_m.group("cur")):
        unit = _SYMBOLS[m_head.group("sym").lower()]  # "Rp 2-3 miliar": the symbol is written once
    before = text[max(0, start - 12):start].lower()
    between = "antara" in before.split()[-1:]
    if m_head.group("dash"):
        # a dash between bare digits is a score or a code unless a unit, scale or money follows
        has_unit = unit is not None and unit not in _SCORE_WORDS
        if (not (has_unit or scaled) or re.match(r"[-–/]\d", text[end_m.end():end_m.end() + 2])
                or (not scaled and not end_m.group("pct") and _SCORE_BEFORE.search(text, max(0, start - 30), start))):
            return None
    elif m_head.group("join").lower() == "dan" and not between:
        return None  # "10 dan 15 orang" lists two counts; "antara 10 dan 15 orang" is a range
    # a range is approximate: the count lies somewhere between its ends; "dari 5 hingga 7 persen"
    # may also be a change from one exact figure to another, so only a dash or "antara" says so
    approx = bool(m_head.group("dash")) or between or not before.rstrip().endswith("dari")
    approx = approx or bool(_APPROX_BEFORE.search(text[max(0, start - 20):start]))
    low_end = m_head.end("dig") if m_head.group("dig") else m_head.end("num")
    return (Quantity(text=text[start:low_end], start=start, end=low_end, value=as_number(low), unit=unit,
                     approximate=approx),
            Quantity(text=end_m.group(0), start=end_m.start(), end=end_m.end(), value=as_number(high), unit=unit,
                     approximate=approx))


def _candidates(text: str) -> list[re.Match[str]]:
    """Matches of the quantity pattern or of a range head, tried only where a digit, number
    word or currency symbol starts (one pass over the words; a full regex scan was 5x slower
    on detik-1k)."""
    out = []
    for tok in _TOKEN.finditer(text):
        word = tok.group()
        low = word.lower()
        # "Rp500" is written without a space: the token starts with the symbol
        if word[0].isdigit() or low in _TRIGGERS or (low[:2] == "rp" and low[2:3].isdigit()):
            m = _RANGE_HEAD.match(text, tok.start()) or _QUANTITY.match(text, tok.start())
            if m is not None:
                out.append(m)
    return out


def find_quantities(text: str, times: list[TimeExpr] | None = None) -> list[Quantity]:
    """Every measuring number in ``text`` that is not inside one of ``times``; a range gives
    two quantities, its lower and upper end, with the same unit."""
    if times is None:
        from warta.readers.timex.rules import recognise

        spans = [(p.start, p.end) for p in recognise(text)]
    else:
        spans = [(t.start, t.end) for t in times]
    out: list[Quantity] = []
    last_end = 0
    for m in _candidates(text):
        start, end = m.span()
        if start < last_end:
            continue
        if m.re is _RANGE_HEAD:
            pair = _range(text, start, m)
            if pair is not None and not any(s < pair[1].end and start < e for s, e in spans):
                last_end = pair[1].end
                if not _is_identifier(m, text):
                    out.extend(pair)
                # "desil 1 hingga 4", "Pasal 5-7": both ends of a range of identifiers are identifiers
                continue
            m = _QUANTITY.match(text, start)  # not a range: read the first number alone
            if m is None:
                continue
            start, end = m.span()
        if any(s < end and start < e for s, e in spans) or _is_identifier(m, text):
            continue
        last_end = end
        value, approx = _value(m)
        if value is None:
            continue
        approx = approx or bool(_APPROX_BEFORE.search(text[max(0, start - 20):start])) or bool(
            _MORE_AFTER.match(text, end))
        out.append(Quantity(text=text[start:end], start=start, end=end, value=as_number(value),
                            unit=_unit(m, text), approximate=approx))
    return out


@register_stage("quantities", version="warta.quantities.v4", reads=("text",), adds=("quantities",), uses=("times",))
def read_quantities(article: Article) -> Article:
    """Fill ``Article.quantities``; uses the time expressions when the times stage ran."""
    times = article.times if "times" in article.annotated_by else None
    article.quantities = find_quantities(article.text, times)
    return article
