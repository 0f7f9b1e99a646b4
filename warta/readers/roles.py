"""Titles and roles around names: "Juru bicara Kremlin Dmitry Peskov" → role + name.

Indonesian news puts a person's role right before the name, capitalised, with no comma:
"Presiden Rusia Vladimir Putin", "Menteri Luar Negeri Retno Marsudi", "kata juru bicara
Kremlin Dmitry Peskov". :func:`role_before` reads that role back from the text before a name;
:func:`strip_title` removes a title the NER model kept inside a name span.

The lexicon is ours (common Indonesian news roles); a role must start with one of its heads,
so an ordinary capitalised word before a name ("Jakarta Joko") is never taken for a role.
"""

from __future__ import annotations

import re

# Role heads, longest first when matching. Lowercase; matched case-insensitively.
ROLE_HEADS: tuple[str, ...] = tuple(sorted({
    "presiden", "wakil presiden", "wapres", "perdana menteri", "pm", "menteri", "menko", "wakil menteri",
    "wamen", "juru bicara", "jubir", "ketua", "wakil ketua", "ketua umum", "ketum", "sekretaris jenderal",
    "sekjen", "sekretaris", "direktur", "direktur utama", "dirut", "direktur jenderal", "dirjen",
    "direktur eksekutif", "kepala", "kapolri", "wakapolri", "kapolda", "kapolres", "kapolresta", "kapolsek",
    "kabareskrim", "kadiv humas", "kabid humas", "kasi humas", "panglima", "kasad", "kasal", "kasau",
    "gubernur", "wakil gubernur", "wagub", "bupati", "wakil bupati", "wali kota", "walikota", "wakil wali kota",
    "camat", "lurah", "kepala desa", "anggota", "duta besar", "dubes", "hakim", "hakim ketua", "jaksa",
    "jaksa agung", "jaksa penuntut umum", "pengacara", "kuasa hukum", "kanselir", "raja", "ratu", "pangeran",
    "putra mahkota", "paus", "pelatih", "kapten", "pemain", "pebalap", "petinju", "atlet", "ceo", "pendiri",
    "komisaris", "komisaris utama", "rektor", "dekan", "dosen", "guru besar", "pengamat", "peneliti", "analis",
    "ekonom", "senator", "legislator", "politikus", "politisi", "aktivis", "koordinator", "manajer",
    "penasihat", "staf khusus", "bendahara", "pemimpin", "pemimpin tertinggi", "komandan", "jenderal",
    "kolonel", "letnan", "mayor", "brigjen", "mayjen", "letjen", "irjen", "komjen", "kombes",
    "akbp", "kompol", "iptu", "aiptu", "ipda", "wakil", "mantan", "eks", "calon", "capres", "cawapres",
    "kepala staf", "kepala negara", "kepala pemerintahan", "imam besar", "uskup", "uskup agung", "syekh",
    "ulama", "tokoh", "pakar", "ahli", "kepala bidang", "kepala bagian", "kepala dinas", "kepala badan",
    "kepala suku", "pemilik", "bos", "presdir", "chairman", "founder", "co-founder", "gelandang", "penyerang",
    "bek", "kiper", "striker", "tersangka", "terdakwa", "terpidana", "saksi", "asisten", "sekretaris daerah",
    "sekda", "inspektur jenderal", "kepala pusat",
    # not "deputi" nor "plt"/"pelaksana tugas": the capitalised field or office after them ("Deputi
    # Bidang Keluarga Sejahtera", "Plt Deputi Penindakan") would be read as a name when no person follows
    # ministers by the short titles news uses ("Mendikbud Ratih Kumalasari", "Menlu Ratna")
    "mendikbud", "mendikbudristek", "mendikdasmen", "mendikti", "mendiktisaintek", "mendagri", "menlu",
    "menkeu", "menkes", "menhan", "menag", "menpora", "mensos", "menaker", "menkominfo", "menkomdigi",
    "menkumham", "menkum", "mendes", "menparekraf", "menpar", "menpan", "menpan-rb", "mensesneg", "menperin",
    "mendag", "mentan", "menhub", "menpupr", "menteri pupr", "menko polhukam", "menko perekonomian",
    "menko pmk", "menko marves", "seskab", "wamenlu", "wamenkeu",
    # ranks the list above lacks (navy, air force, police)
    "laksamana", "laksma", "laksda", "laksdya", "marsekal", "marsma", "marsda", "marsdya", "brigadir", "bripka",
    "briptu", "bripda", "akp", "ajun komisaris", "sersan", "kopral",
    # army ranks by their usual short forms ("Letkol Teddy"), and the members of state commissions
    # ("Komisioner Komnas HAM …"): both stand right before a name in news text
    "letkol", "lettu", "letda", "serma", "serka", "sertu", "serda", "pelda", "peltu", "aipda", "komisioner",
}, key=lambda h: (-len(h), h)))

# Military and police ranks: always followed by a name, often a one-word one ("Jenderal Sutanto").
RANKS: frozenset[str] = frozenset({
    "jenderal", "kolonel", "letnan", "mayor", "brigjen", "mayjen", "letjen", "irjen", "komjen", "kombes", "akbp",
    "kompol", "iptu", "aiptu", "ipda", "laksamana", "laksma", "laksda", "laksdya", "marsekal", "marsma", "marsda",
    "marsdya", "brigadir", "bripka", "briptu", "bripda", "akp", "sersan", "kopral", "letkol", "lettu", "letda",
    "serma", "serka", "sertu", "serda", "pelda", "peltu", "aipda",
})

# Words of address that open a public figure's nickname ("Gus Ipul", "Cak Imin", "Kang Emil",
# "Bung Karno"); news gives such a nickname right after the full name.
ADDRESS_WORDS: tuple[str, ...] = ("Gus", "Cak", "Kang", "Bang", "Bung", "Mas", "Mbak", "Ning", "Neng", "Buya",
                                  "Abah", "Uda", "Daeng")

# Honorifics: dropped from a name, not a role.
HONORIFICS: frozenset[str] = frozenset({
    "pak", "bu", "bapak", "ibu", "mbak", "mas", "bang", "sdr", "sdr.", "saudara", "saudari", "tuan", "nyonya",
    "dr", "dr.", "prof", "prof.", "h", "h.", "hj", "hj.", "kh", "kh.", "ir", "ir.", "drs", "drs.", "sang",
})

# Lowercase words that may sit inside a role ("juru bicara", "menteri luar negeri", "wali kota").
ROLE_WORDS: frozenset[str] = frozenset(w for h in ROLE_HEADS for w in h.split()) | {
    "dan", "bidang", "urusan", "untuk", "luar", "dalam", "negeri", "umum", "besar", "tinggi", "agung",
    "utama", "koordinator", "kabinet", "partai", "fraksi", "komisi", "negara", "pusat", "daerah", "provinsi",
    "kota", "kabupaten", "se", "hukum", "humas", "tim", "nasional",
    # the corps after a rank ("Kolonel Laut", "Brigjen Pol", "Ajun Komisaris Besar Polisi", "Kolonel Chk")
    "laut", "udara", "pol", "polisi", "chk", "kum", "inf", "cpm", "satu", "dua",  # … "Brigadir Satu"
}
_HEAD_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(h) for h in ROLE_HEADS) + r")(?![\w-])", re.IGNORECASE)
_BOUNDARY = re.compile(r"[.,;:!?\"“”‘’'()\[\]\n\-–—]")
_WINDOW = 120  # characters looked back for a role; long enough for "Menteri Koordinator Bidang ... Kewilayahan"


def _is_role_word(word: str) -> bool:
    w = word.strip()
    if not w or not any(c.isalpha() for c in w):
        return False
    return w[0].isupper() or w.lower() in ROLE_WORDS


def role_before(text: str, start: int) -> str | None:
    """The role written right before a name starting at ``start`` (no comma between), or None."""
    window = text[max(0, start - _WINDOW):start]
    cut = max((m.end() for m in _BOUNDARY.finditer(window)), default=0)
    chunk = window[cut:]
    if chunk and not chunk[-1].isspace():  # the name is glued to a word: not a role position
        return None
    words = list(re.finditer(r"\S+", chunk))
    first = len(words)
    while first > 0 and _is_role_word(words[first - 1].group()):
        first -= 1
    if first == len(words):
        return None
    span_start = words[first].start()
    head = _HEAD_RE.search(chunk, span_start)
    if head is None:
        return None
    # the head must start a word inside the run of role words
    role = chunk[head.start():].strip()
    return role or None


def appositive_role(text: str, start: int, people: list[tuple[int, int]]) -> str | None:
    """The role set off by a comma before a name: "ungkap Deputi Statistik Sosial BPS, Ateng Hartono".

    News often writes "<role>, <name>," as an apposition. The role is read as
    :func:`role_before` reads it, ending at the comma; it is refused when a person's name
    (``people``: spans of the article's person mentions) lies inside it, since "Ketua KPK Agus
    Rahardjo, Basaria Panjaitan" lists two people and the first one's role is not the second's.
    """
    comma = text.rfind(",", max(0, start - 3), start)
    if comma < 0 or text[comma + 1:start].strip():
        return None
    role = role_before(text[:comma] + " ", comma + 1)
    if role is None:
        return None
    role_start = comma - len(role)
    if any(s < comma and e > role_start for s, e in people):
        return None
    return role


# A minister's role names the ministry's field right after "Menteri" ("Menteri Sosial Saifullah
# Yusuf", "Wakil Menteri Pertanian …"): the field is whatever follows "Kementerian" in a ministry of
# our abbreviation table. Without this, a field that is an ordinary adjective ("Sosial", "Agama")
# reads as the first word of the name.
_MINISTER = re.compile(r"(?:^|\s)(?:menteri|wamen)$", re.IGNORECASE)


def ministry_field(role: str, words: list[str]) -> int:
    """How many of ``words`` (the words after ``role``) name the ministry of a minister's role.

    ``ministry_field("Menteri", ["Sosial", "Saifullah", "Yusuf"])`` → 1, since "Kementerian Sosial"
    is a ministry of our table (the first words of one count too: "Menteri Komunikasi Rudiantara").
    At least one word is always left for the name.
    """
    if not _MINISTER.search(role.strip()):
        return 0
    from warta.readers.aliases import abbreviation_tables

    by_long = abbreviation_tables()[1]
    for k in range(len(words) - 1, 0, -1):
        field = "kementerian " + " ".join(w.strip(",.") for w in words[:k]).casefold()
        # the whole name, or its first words ("Menteri Komunikasi …" for "Kementerian Komunikasi dan …")
        if any(e.type == "ORG" and (long == field or long.startswith(field + " ")) for long, e in by_long.items()):
            return k
    return 0


def strip_title(text: str, start: int, end: int) -> tuple[int, int, str | None]:
    """Narrow a name span that starts with titles/honorifics; returns (start, end, stripped role)."""
    span = text[start:end]
    role_parts: list[str] = []
    pos = 0
    while True:
        rest = span[pos:]
        m = _HEAD_RE.match(rest)
        word_m = re.match(r"\S+", rest)
        if m and (len(rest) == m.end() or rest[m.end()].isspace()):
            role_end = pos + m.end()
            # the words after a head that only describe the role ("Luar Negeri", "Rusia", "KPK")
            # belong to the role, not the name
            while True:
                nxt = re.match(r"\s+(\S+)", span[role_end:])
                if not nxt or not _describes_role(nxt.group(1)) or role_end + nxt.end() >= len(span):
                    break
                role_end += nxt.end()
            rest = span[role_end:].split()
            for word in rest[:ministry_field(span[pos:role_end], rest)]:  # "Menteri Sosial …"
                role_end = span.index(word, role_end) + len(word)
            role_parts.append(span[pos:role_end])
            pos = _skip_space(span, role_end)
            continue
        if word_m and word_m.group().lower() in HONORIFICS:
            pos = _skip_space(span, pos + word_m.end())
            continue
        break
    if pos == 0 or pos >= len(span):
        return start, end, None
    return start + pos, end, (" ".join(role_parts) or None)


def _describes_role(word: str) -> bool:
    from warta.readers.aliases import find_abbreviation, find_country

    return word.lower() in ROLE_WORDS or find_country(word) is not None or find_abbreviation(word) is not None


def _skip_space(s: str, i: int) -> int:
    while i < len(s) and s[i].isspace():
        i += 1
    return i
