"""Word lists the quote reader decides with: reporting cues, role and organisation words.

Written from Indonesian newsroom usage (Kompas, detik, CNN Indonesia, Antara house styles)
and the KBBI senses of the verbs; never from the gold articles' strings. Everything is
lower-case; callers compare ``token.lower()``.
"""

from __future__ import annotations

import re
from functools import lru_cache

# --- reporting cues -----------------------------------------------------------------------

#: Bare stems that follow a direct quote ("…," kata X / "…," ujarnya). Each also takes -nya.
POST_CUE_STEMS: frozenset[str] = frozenset({
    "kata", "ujar", "ucap", "tutur", "ungkap", "jelas", "tambah", "imbuh", "sambung", "lanjut",
    "tegas", "terang", "papar", "pungkas", "tandas", "tukas", "sebut", "beber", "urai", "cetus",
    "seru", "jawab", "tanya", "tulis", "kenang", "kilah", "pinta", "harap", "imbau", "ajak",
    "klaim", "nilai", "timpal", "sahut", "bilang", "keluh", "kritik", "celetuk", "ingat", "aku",
    "tuding", "tepis", "sindir", "canda", "ungkit", "tutup", "urainya",
})
#: Stems only accepted with -nya after a quote, because bare they are ordinary words
#: ("aku" = I, "tutup" = closed, "ingat" = remember).
NYA_ONLY_STEMS: frozenset[str] = frozenset({"aku", "tutup", "ingat", "harap", "nilai", "tanya"})

#: Finite reporting verbs: "X mengatakan (bahwa) …", and after a quote ("…," X menambahkan).
SPEECH_VERBS: frozenset[str] = frozenset({
    "mengatakan", "menyatakan", "menegaskan", "menjelaskan", "menambahkan", "berkata", "menuturkan",
    "mengungkapkan", "mengungkap", "menyampaikan", "menerangkan", "memaparkan", "menandaskan",
    "menekankan", "menyebut", "menyebutkan", "menilai", "berujar", "mengimbuhkan", "melanjutkan",
    "menimpali", "berpendapat", "mengklaim", "mengaku", "mengakui", "membantah", "menyangkal",
    "menuding", "menuduh", "memperingatkan", "mengingatkan", "meminta", "mendesak", "mengimbau",
    "mengajak", "mengusulkan", "berharap", "memastikan", "meyakini", "menduga", "memperkirakan",
    "memprediksi", "mencatat", "menyoroti", "mengkritik", "mengeluhkan", "berjanji", "beralasan",
    "menganggap", "mengumumkan", "melaporkan", "menginformasikan", "mengamini", "mengapresiasi",
    "menanggapi", "menulis", "menjawab", "bertanya", "mengungkit", "menepis", "menyinggung",
    "mengisyaratkan", "menyarankan", "menjanjikan", "mengatakannya", "merasa", "menampik", "membenarkan",
    "mengonfirmasi", "mengkonfirmasi", "menyayangkan", "menyesalkan", "mengharapkan", "menginginkan",
    "mengutarakan", "mengemukakan", "bercerita", "menceritakan", "mengisahkan", "yakin", "optimistis",
    "beranggapan", "berpandangan", "memandang",
    # audit of unseen detik/IndoSum articles (2026-11-23): a colloquial "say" and "underline"
    "bilang", "menggarisbawahi",
})
#: Verbs that report speech only when a clause follows; a bare noun object is an action
#: ("menanggapi kritik", "menulis buku"), so these need "bahwa" or a comma after them.
NEEDS_CLAUSE: frozenset[str] = frozenset({"menanggapi", "menulis", "menjawab", "bertanya", "melaporkan",
                                          "mengumumkan", "menyinggung", "menyampaikan", "merasa", "bercerita",
                                          "menceritakan", "mengisahkan", "membenarkan", "mengonfirmasi",
                                          "mengkonfirmasi", "menginginkan", "mengharapkan"})
#: Cues that are also ordinary action verbs ("memastikan pasokan aman" = ensure): read as
#: speech only with a subject of their own, never after "dengan/untuk …" (manner, purpose) nor
#: as a verb coordinated inside someone's reported clause ("… adalah A, serta memastikan B").
ACTION_CUES: frozenset[str] = frozenset({"memastikan", "mencatat", "menyoroti", "mengapresiasi", "menanggapi"})
#: Words before a verb that make it a purpose, manner or means, not a finite reporting verb.
NONFINITE_MARKERS: frozenset[str] = frozenset({"dengan", "untuk", "guna", "demi", "agar", "supaya", "cara"})
#: Fronted passive cues: "Dijelaskan BRIN, mikroplastik …" = BRIN explained that ….
FRONTED_PASSIVE_CUES: frozenset[str] = frozenset({
    "dijelaskan", "disebutkan", "dikatakan", "ditegaskan", "diungkapkan", "dinyatakan", "disampaikan",
    "diterangkan", "dipaparkan", "dituturkan",
})
#: Verbs that may also follow a quote with the speaker before them: "…," Sahroni menambahkan.
INVERTED_VERBS: frozenset[str] = frozenset({
    "mengatakan", "menambahkan", "berkata", "menjelaskan", "menegaskan", "menuturkan", "menyatakan",
    "mengungkapkan", "menyampaikan", "menerangkan", "memaparkan", "menandaskan", "menekankan",
    "berujar", "mengimbuhkan", "melanjutkan", "menimpali", "menulis", "menjawab", "bertanya",
})
#: Passive reporting verbs of a sentence pointing back at the quote before it:
#: "Hal itu diungkapkan jaksa Irene Putri …", "Demikian disampaikan X."
BACKREF_VERBS: frozenset[str] = frozenset({
    "dikatakan", "disampaikan", "diungkapkan", "ditegaskan", "dijelaskan", "diutarakan", "dituturkan",
    "disebutkan", "dipaparkan", "diterangkan", "dinyatakan", "dikemukakan", "diucapkan", "ditambahkan",
})
#: Nouns that, with itu/ini/tersebut, name what was just said ("hal itu", "pernyataan tersebut").
BACKREF_NOUNS: frozenset[str] = frozenset({
    "hal", "pernyataan", "keterangan", "penjelasan", "informasi", "ucapan", "pendapat", "penilaian",
})
#: "Menurut X, …" and "…, menurut X."
ACCORDING: frozenset[str] = frozenset({"menurut", "menurutnya", "kata"})

#: A cue preceded by one of these is not reported speech ("tidak menyebutkan …").
NEGATIONS: frozenset[str] = frozenset({"tidak", "tak", "belum", "enggan", "bukan", "tanpa", "urung", "menolak"})

#: Adverbs between a subject and its verb ("X juga pun sempat mengatakan").
ADVERBS: frozenset[str] = frozenset({
    "juga", "pun", "hanya", "sudah", "telah", "akan", "kembali", "pernah", "lantas", "kemudian", "lalu",
    "bahkan", "sendiri", "justru", "tetap", "masih", "turut", "sempat", "sebelumnya", "pula", "lagi",
    "secara", "terpisah", "langsung", "sekaligus", "kerap", "sering", "selalu", "mengaku", "malah",
    "memang", "segera", "baru", "kini", "saat", "itu", "ini", "tersebut", "tadi", "terus", "hanyalah",
    "sebenarnya", "sesungguhnya", "rupanya", "ternyata", "senantiasa",
})

#: Discourse openers stripped before a subject ("Sementara itu, X mengatakan").
CONNECTORS: frozenset[str] = frozenset({
    "sementara", "namun", "selain", "sebelumnya", "kemudian", "lalu", "adapun", "di", "sisi", "lain",
    "dalam", "kesempatan", "itu", "ini", "tersebut", "terpisah", "secara", "meski", "demikian",
    "sedangkan", "padahal", "bahkan", "tak", "hanya", "sebaliknya", "karenanya", "oleh", "karena",
    "sebab", "saat", "ketika", "usai", "seusai", "setelah", "sebelum", "dikonfirmasi", "dihubungi",
    "ditemui", "terkait", "soal", "mengenai", "menanggapi", "hal", "pada", "kala", "tapi", "tetapi",
    "akan", "sehingga", "maka", "pun", "jadi", "dan", "juga", "lebih", "lanjut", "seraya", "sambil",
})

#: Words that end a speaker phrase after a cue ("kata Sahroni saat dihubungi", "ujar Tun, …").
PHRASE_STOPS: frozenset[str] = frozenset({
    "saat", "ketika", "kepada", "di", "dalam", "pada", "usai", "seusai", "setelah", "sebelum",
    "melalui", "lewat", "via", "seperti", "sebagaimana", "sambil", "seraya", "dengan", "yang", "kala",
    "sewaktu", "selepas", "sesudah", "menjelang", "jelang", "dikutip", "dilansir", "mengutip", "sebagai",
    "tatkala", "kemarin", "hari", "pekan", "tadi", "sore", "pagi", "siang", "malam", "dini",
    "menanggapi", "terkait", "soal", "mengenai", "tentang", "atas", "bersama", "dan", "serta", "juga",
    "lagi", "pula", "pun", "kepadaku", "baru",
})

#: Words that open a clause and are capitalised only because they start the sentence; never
#: the first word of a name ("Jika Xi Jinping …").
CLAUSE_OPENERS: frozenset[str] = frozenset({
    "jika", "apabila", "bila", "kalau", "karena", "agar", "supaya", "sehingga", "meskipun", "walaupun",
    "ketika", "setelah", "sebelum", "bahkan", "namun", "tetapi", "tapi", "atau", "yang", "maka",
    "akhirnya", "sedangkan", "padahal", "andai", "seandainya", "sejak", "selama", "begitu", "sebab",
})
#: A noun phrase after one of these is not the sentence's subject ("Bagi Yudhoyono, …").
PREPOSITIONS: frozenset[str] = frozenset({
    "bagi", "untuk", "dengan", "dari", "oleh", "kepada", "pada", "di", "ke", "dalam", "menurut", "tentang",
    "terhadap", "sejak", "hingga", "sampai", "atas", "soal", "mengenai", "terkait", "seperti", "antara",
    "selain", "berdasarkan", "melalui", "lewat",
})
#: Heads of a description of one person ("seorang pejabat", "sumber lain", "jaksa"): a later
#: "ia" can refer to them. Other group heads ("warga", "para demonstran") are plural.
SINGULAR_HEADS: frozenset[str] = frozenset({
    "sumber", "pejabat", "saksi", "pengamat", "analis", "ekonom", "peneliti", "jaksa", "hakim",
    "pengacara", "korban", "petugas", "polisi", "komentator", "pensiunan",
})
#: Written sources: "Menurut penelitian X", "laporan X menyebutkan", "…," tulis laporan itu.
DOCUMENT_HEADS: frozenset[str] = frozenset({
    "laporan", "studi", "penelitian", "dokumen", "makalah", "jurnal", "rilis", "siaran", "surat",
    "unggahan", "temuan", "investigasi",
})
PRONOUNS: frozenset[str] = frozenset({"ia", "dia", "beliau", "mereka", "ianya", "dirinya", "pihaknya"})
#: Words that open a group/collective source ("para demonstran", "warga", "pihaknya").
GROUP_HEADS: frozenset[str] = frozenset({
    "warga", "para", "pihak", "masyarakat", "petugas", "polisi", "aparat", "pengunjuk", "demonstran",
    "massa", "mahasiswa", "buruh", "nelayan", "petani", "pedagang", "korban", "keluarga", "saksi",
    "pengamat", "analis", "ekonom", "ahli", "peneliti", "pejabat", "sumber", "pemerintah", "otoritas",
    "kepolisian", "militer", "tentara", "relawan", "penduduk", "tim", "panitia", "pengelola",
    "manajemen", "orang", "sejumlah", "beberapa", "banyak", "pengacara", "jaksa", "hakim", "berbagai",
    "kelompok", "organisasi", "lembaga", "komentator", "kalangan",
    # occupations written before a name with a lower-case modifier ("penyanyi beken X")
    "pemerhati", "pakar", "praktisi", "penyanyi", "pelantun", "musisi", "aktris", "aktor", "artis",
    "presenter", "komedian", "pengusaha", "dokter", "penulis", "ilmuwan",
}) | DOCUMENT_HEADS
#: Determiners dropped from the front of a source description.
DETERMINERS: frozenset[str] = frozenset({"seorang", "sang", "si", "salah", "satu"})
#: Trailing anaphors: "Ketua partai itu mengatakan" refers back to someone already named.
ANAPHORS: frozenset[str] = frozenset({"itu", "tersebut", "ini"})

# --- roles, titles, organisations, places ---------------------------------------------------

#: Words of a role or title before a name ("Juru bicara Kremlin Dmitry Peskov").
ROLE_WORDS: frozenset[str] = frozenset({
    "presiden", "wakil", "wapres", "menteri", "menko", "mendagri", "menlu", "menkeu", "ketua", "kepala",
    "gubernur", "wagub", "bupati", "wabup", "wali", "walikota", "wawali", "direktur", "dirut", "juru",
    "bicara", "jubir", "sekretaris", "sekjen", "sesmenko", "kapolri", "wakapolri", "kapolda", "kapolres",
    "kapolresta", "kapolrestabes", "kapolsek", "kasi", "kasat", "kasubdit", "kabid", "kadiv", "karo",
    "humas", "panglima", "komandan", "danrem", "dandim", "pangdam", "kasad", "kasal", "kasau", "jaksa",
    "hakim", "anggota", "pengamat", "ekonom", "analis", "peneliti", "dosen", "guru", "besar", "profesor",
    "dekan", "rektor", "duta", "dubes", "perdana", "raja", "ratu", "pangeran", "putra", "mahkota",
    "sultan", "camat", "lurah", "kades", "pelatih", "kapten", "manajer", "ceo", "cfo", "pendiri",
    "pimpinan", "pemimpin", "penasihat", "penasehat", "staf", "staff", "khusus", "ahli", "deputi",
    "asisten", "kuasa", "pengacara", "advokat", "koordinator", "plt", "pj", "pjs", "sekda", "kadis",
    "senator", "legislator", "politikus", "politisi", "aktivis", "ustaz", "ustadz", "kiai", "kyai",
    "pendeta", "uskup", "paus", "imam", "jenderal", "letjen", "mayjen", "brigjen", "kolonel", "kombes",
    "kombespol", "akbp", "kompol", "akp", "iptu", "ipda", "aiptu", "bripka", "marsekal", "laksamana",
    "irjen", "komjen", "kapuspen", "kabareskrim", "penyidik", "pak", "bu", "bapak", "ibu", "dr", "prof",
    "ir", "h", "hj", "kh", "drs", "sh", "mh", "tuan", "nyonya", "mantan", "eks", "calon", "kandidat",
    "bakal", "utama", "umum", "harian", "eksekutif", "senior", "pejabat", "petinggi", "komisioner",
    "inspektur", "kabag", "kasubbag", "kapendam", "kapenrem", "kadispen", "kadispenad", "penjabat",
    "pelaksana", "tugas", "pengurus", "bendahara", "wasekjen", "waketum", "ketum", "sekum", "owner",
    "pemilik", "founder", "chairman", "komisaris", "general", "manager", "head", "kapuskes", "kepsek",
    "ketua-ketua", "juru-bicara", "pol", "pensiunan", "perwakilan", "utusan", "narasumber", "komentator",
    "wartawan", "jurnalis", "kolumnis", "spokesperson", "sekjend", "kasubdis", "kasubag", "kanit", "kapolsekta",
    "ketuanya", "pemain", "striker", "gelandang", "bek", "kiper", "pembalap", "petenis", "atlet",
})
#: Words of an organisation's or a place's name ("Kementerian Luar Negeri", "Jawa Barat").
ORG_WORDS: frozenset[str] = frozenset({
    "kementerian", "kemenko", "kemenlu", "kemendagri", "kemenkeu", "kemenkes", "dewan", "badan", "komisi",
    "fraksi", "partai", "lembaga", "dinas", "direktorat", "jenderal", "kantor", "pengadilan", "kejaksaan",
    "kepolisian", "polri", "polda", "polres", "polresta", "polrestabes", "polsek", "tni", "pemerintah",
    "pemprov", "pemkab", "pemkot", "provinsi", "kabupaten", "kota", "universitas", "institut", "bank",
    "perusahaan", "pt", "tbk", "persero", "asosiasi", "organisasi", "yayasan", "majelis", "mahkamah",
    "bidang", "urusan", "luar", "dalam", "negeri", "keamanan", "nasional", "pertahanan", "keuangan",
    "koordinator", "infrastruktur", "pembangunan", "kewilayahan", "perhubungan", "pendidikan",
    "kebudayaan", "kesehatan", "agama", "sosial", "hukum", "ham", "perdagangan", "perindustrian",
    "pertanian", "kehutanan", "lingkungan", "hidup", "energi", "sumber", "daya", "mineral", "kelautan",
    "perikanan", "pariwisata", "ekonomi", "kreatif", "tenaga", "kerja", "perencanaan", "investasi",
    "daerah", "pusat", "rakyat", "perwakilan", "permusyawaratan", "umum", "pemilihan", "pemberantasan",
    "korupsi", "konstitusi", "agung", "tinggi", "negara", "sekretariat", "kabinet", "istana", "kremlin",
    "pentagon", "vatikan", "gedung", "putih", "senayan", "parlemen", "kongres", "senat", "pasukan",
    "angkatan", "darat", "laut", "udara", "markas", "besar", "divisi", "biro", "unit",
    "satuan", "tugas", "satgas", "bagian", "seksi", "subdit", "ditreskrimum", "ditreskrimsus",
    "reserse", "kriminal", "khusus", "lalu", "lintas", "kepala", "staf", "serikat", "persatuan",
    "perhimpunan", "ikatan", "himpunan", "gerakan", "front", "koalisi", "aliansi", "forum", "komite",
    "rumah", "sakit", "sekolah", "fakultas", "program", "studi", "jurusan", "dprd", "dpr", "dpd", "mpr",
    "uni", "perserikatan", "bangsa-bangsa", "bangsa", "liga", "klub", "tim", "timnas", "federasi",
    "survei", "riset", "kajian",
    "ltd", "inc", "corp", "llc", "plc", "gmbh", "limited", "corporation",  # company suffixes ("DBS Bank Ltd")
    "desa", "kelurahan", "kecamatan", "dusun", "kampung", "posko", "kedutaan", "konsulat", "misi", "delegasi",
    "golkar", "demokrat", "gerindra", "nasdem", "pdip",
    "perjuangan", "kebangkitan", "amanat", "keadilan", "sejahtera", "hanura", "perindo",
    "republik", "kerajaan", "kesultanan", "persekutuan", "federal", "dan", "&", "of", "the",
    "pemerintahan", "otoritas", "lapas", "rutan", "imigrasi", "bea", "cukai", "pajak", "kanwil",
    "regional", "wilayah", "cabang", "ranting", "dpp", "dpw", "dpc", "pengurus", "kemenag", "kemendikbud",
    "kementrian", "kemenhan", "kemenkumham", "kemenpan", "pupr", "otorita", "komando", "kodam", "korem",
    "kodim", "koramil", "polisi", "militer", "tentara", "tipikor", "jaksa",
    "penuntut", "kpk", "bnpb", "bpbd", "bmkg", "basarnas", "bpk", "bpkp", "ojk", "bi", "bps",
})
#: Indonesian regions and compass words that appear inside place names in roles.
PLACE_WORDS: frozenset[str] = frozenset({
    "barat", "timur", "utara", "selatan", "tengah", "tenggara", "daya", "raya", "jaya", "jawa",
    "sumatera", "sumatra", "kalimantan", "sulawesi", "papua", "bali", "maluku", "nusa", "aceh",
    "jakarta", "banten", "yogyakarta", "diy", "riau", "kepulauan", "jambi", "bengkulu", "lampung",
    "bangka", "belitung", "gorontalo", "ntt", "ntb", "dki", "kaltim", "kalbar", "kalsel", "kalteng",
    "kaltara", "sulsel", "sulut", "sulteng", "sultra", "sulbar", "jabar", "jateng", "jatim", "sumut",
    "sumbar", "sumsel", "kepri", "babel", "malut", "pegunungan", "surabaya", "bandung",
    "medan", "semarang", "makassar", "palembang", "denpasar", "depok", "bekasi", "bogor", "tangerang",
    "batam", "pekanbaru", "padang", "malang", "solo", "surakarta", "manado", "kupang", "mataram",
    "ambon", "jayapura", "pontianak", "banjarmasin", "balikpapan", "samarinda", "labuan", "bajo",
    "manggarai", "amerika", "eropa", "asia", "afrika", "timur-tengah", "as", "ri", "indonesia",
    "tiongkok", "china", "cina", "rrt", "rusia", "inggris", "prancis", "perancis", "jerman", "jepang",
    "korea", "india", "arab", "saudi", "israel", "palestina", "iran", "irak", "suriah", "turki",
    "ukraina", "malaysia", "singapura", "thailand", "filipina", "vietnam", "myanmar", "australia",
    "belanda", "italia", "spanyol", "mesir", "qatar", "kanada", "meksiko", "brasil", "pakistan",
    "bangladesh", "afghanistan", "afganistan", "yaman", "libanon", "lebanon", "yordania", "kuwait",
    "timor", "leste", "brunei", "kamboja", "laos", "selandia", "baru", "nato", "pbb", "asean", "eu",
    "washington", "moskow", "beijing", "london", "paris", "tokyo", "seoul", "teheran", "gaza",
    "yerusalem", "tepi", "kiev", "kyiv",
})

#: Words followed by a proper-noun complement before a person's name ("Bupati Gresik …").
ALWAYS_COMPLEMENT: frozenset[str] = frozenset({
    "desa", "kabupaten", "kota", "provinsi", "universitas", "kelompok", "posko", "sekolah", "partai", "pt",
    "yayasan", "pesantren", "kecamatan", "kelurahan", "polres", "polda", "polresta", "polsek", "kodam",
    "korem", "kodim", "rs", "institut", "lembaga", "survei", "klub",
    "paguyuban", "komunitas", "koperasi", "gereja", "masjid",
})
COMPLEMENT_HEADS: frozenset[str] = ALWAYS_COMPLEMENT | frozenset({
    "bupati", "gubernur", "wali", "walikota", "kapolres", "kapolda", "kapolresta", "kapolsek", "camat",
    "lurah", "kades", "rektor", "pemkab", "pemkot", "dprd", "wabup", "wagub", "wawali", "danrem", "dandim",
    "pangdam", "kajari", "kajati", "sekda", "koordinator",
})
WEEKDAYS_MONTHS: frozenset[str] = frozenset({
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad", "januari",
    "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november",
    "desember",
})

#: Lower-case particles inside personal names ("Abdullah bin Zayed", "Robin van Persie").
NAME_PARTICLES: frozenset[str] = frozenset({
    "bin", "binti", "van", "von", "de", "der", "al", "el", "da", "di", "dos", "la", "le",
})


@lru_cache(maxsize=1)
def territory_words() -> frozenset[str]:
    """Every word of every country/region name in Indonesian and English (from Babel's CLDR data).

    Lets a role like "Presiden Rusia" or "Menlu Selandia Baru" be told apart from the name after
    it without listing the world by hand.
    """
    from babel import Locale

    words: set[str] = set()
    for code in ("id", "en"):
        for name in Locale.parse(code).territories.values():
            parts = name.replace("(", " ").replace(")", " ").split()
            # "Saint Martin", "Pulau Christmas", "Marshall Islands": their words are also people's
            # names, so only plain names of at most three words contribute their words.
            if len(parts) > 3 or any(p.lower() in _ISLAND_WORDS for p in parts):
                continue
            words.update(w.lower() for w in parts if len(w) > 2)
    return frozenset(words - _NOT_PLACES)


_ISLAND_WORDS = frozenset({"saint", "st.", "santo", "pulau", "kepulauan", "island", "islands", "isle", "of", "sint"})
# Territory-name words that are far more often part of a person's name in the news.
_NOT_PLACES = frozenset({
    "dan", "and", "the", "jordan", "georgia", "chad", "man", "kong", "san", "tidak", "dikenal", "asing",
    "garcia", "diego", "salvador", "leone", "marino", "rica", "rico", "rika", "riko", "sierra", "costa",
    "kosta", "new", "city", "unknown", "region", "pseudo-accents", "pseudo-bidi", "sar", "sark", "verde",
    "cape", "dak", "aksen", "mali", "wallis", "tristan", "cunha", "victoria", "helena", "sri", "santa",
    "puerto", "lucia", "vincent",
})


# Indonesian institution names: ke-…-an nouns (Kementerian, Kepolisian, Kejaksaan, Kedutaan)
# and the Kemen-/Kem- short forms (Kemenkeu, Kemdikbud). Lengths keep names like Kemal out.
_INSTITUTION = re.compile(r"^(?:ke\w{5,}an|kem(?:en)?[a-z]{4,})$")


def is_place_or_org_word(low: str, loose: bool = True) -> bool:
    """Part of an organisation's or place's name. ``loose`` also accepts the ke-…-an / Kemen-
    shapes, which common nouns share (keterangan, kebijakan): use it only inside a phrase."""
    if low in ORG_WORDS or low in PLACE_WORDS or low in territory_words():
        return True
    return loose and bool(_INSTITUTION.match(low))
