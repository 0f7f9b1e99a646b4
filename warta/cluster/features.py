"""Article features for streaming clustering: hashed TF-IDF with a streaming IDF, and names.

Nothing here is ever refit over the whole collection: terms are hashed into a fixed space
(scikit-learn's ``HashingVectorizer``) and document frequencies are counted as articles
arrive, so an article's vector is computed once, from what was known when it arrived.

Text is normalised lightly for Indonesian: casefolded, Indonesian stop words removed
(spaCy's list), the clitic ``-nya`` stripped from long words, the outlet's dateline
boilerplate ("Jakarta, CNN Indonesia --") dropped. The title and lead count twice because
they name the happening; page noise tends to sit at the end.

Names are a second, sharper signal: entity ids when the entity reader ran, otherwise
capitalised words that do not start a sentence (a good proxy for names in Indonesian news).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

from warta.article import Article

#: Size of the hashed term space. 2**20 buckets keep collisions rare for a news vocabulary of
#: a few hundred thousand terms, while the DF table stays at 4 MB.
N_FEATURES = 2**20
#: Terms kept per article vector, and per event/story centroid. Measured on events-dev with
#: the same models: article vectors cut to 80 terms gave events pairwise F1 0.596, to 200
#: (or 1,000) 0.644, so articles keep 200 (they live only for the event window). Centroids,
#: kept for the whole story window, are cut to 80: 80 vs 200 changed story F1 by 0.004.
MAX_TERMS = 200
CENTROID_TERMS = 80
MAX_NAMES = 30

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)
_CAP_WORD = re.compile(r"(?<![\w.])([A-Z][\w'’-]+)")
_SENT_END = re.compile(r"[.!?\"”:]\s*$")
# "Jakarta, CNN Indonesia -- ", "Rimanews - ", "JAKARTA, KOMPAS.com - ": an outlet's prefix,
# identical across its articles and so a false similarity between unrelated ones.
_DATELINE = re.compile(r"^\s*[^\n]{0,60}?\s[-–—]{1,2}\s")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")

# Words capitalised for reasons other than being names: days, months, sentence-ish openers
# and newsroom furniture. Kept short on purpose; IDF weighting handles the rest.
_NOT_NAMES = frozenset(
    """senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli
    agustus september oktober november desember baca juga foto video sumber editor jakarta
    indonesia cnn kumparan merdeka rimanews dilansir menurut namun selain meski kini""".split()
)


def _stopwords() -> frozenset[str]:
    from spacy.lang.id.stop_words import STOP_WORDS  # a plain word list; no model is loaded

    return frozenset(STOP_WORDS)


STOPWORDS = _stopwords()


def normalise_token(tok: str) -> str:
    # "-nya" is a clitic ("pelatihnya" = "his coach"); stripping it from words of 6+ letters
    # merges those forms without touching short words that merely end in "nya" (e.g. "tanya").
    if len(tok) >= 7 and tok.endswith("nya"):
        return tok[:-3]
    return tok


def tokens(text: str) -> list[str]:
    """Content tokens: casefolded words, no stop words, no bare numbers, ``-nya`` stripped."""
    out = []
    for m in _WORD.finditer(text.casefold()):
        tok = m.group(0)
        if len(tok) < 2 or tok in STOPWORDS or tok.isdigit():
            continue
        out.append(normalise_token(tok))
    return out


def strip_dateline(text: str) -> str:
    return _DATELINE.sub("", text, count=1)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_SPLIT.split(text) if s and s.strip()]


def lead(article: Article, n_sentences: int = 2) -> str:
    """Title plus the first sentences of the body: where news names its happening."""
    body = sentences(strip_dateline(article.text))[:n_sentences]
    return " ".join(([article.title] if article.title else []) + body)


def names(article: Article) -> list[str]:
    """Names the article mentions: entity ids if the entity reader ran, else capitalised words."""
    if article.entities:
        from warta.readers.credits import is_credit_only

        # a byline writer or credited agency known only from the metadata is not what the
        # article is about: a desk's writers would link unrelated events
        return [e.id.casefold() for e in article.entities if not is_credit_only(e)]
    text = (article.title or "") + "\n" + strip_dateline(article.text)
    found: list[str] = []
    for m in _CAP_WORD.finditer(text):
        before = text[max(0, m.start() - 3) : m.start()]
        if not before.strip() or _SENT_END.search(before):
            continue  # sentence-initial: capitalised by grammar, not because it is a name
        word = normalise_token(m.group(1).casefold())
        if word in STOPWORDS or word in _NOT_NAMES or len(word) < 3:
            continue
        found.append(word)
    return found


_MONTHS = {m: i for i, m in enumerate(
    "januari februari maret april mei juni juli agustus september oktober november desember".split(), 1)}
# "(3/5)", "(3/5/2017)", "3 Mei 2017": how Indonesian news dates the happening it reports.
_DATE_SLASH = re.compile(r"\((?:[A-Za-z]+,?\s*)?(\d{1,2})/(\d{1,2})(?:/\d{2,4})?\)")
_DATE_WORDS = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)


def mentioned_dates(text: str) -> frozenset[str]:
    """Day/month dates written in the text, as "d/m" strings (years are often left out)."""
    found = {f"{int(d)}/{int(m)}" for d, m in _DATE_SLASH.findall(text) if 1 <= int(m) <= 12}
    found |= {f"{int(d)}/{_MONTHS[m.casefold()]}" for d, m in _DATE_WORDS.findall(text)}
    return frozenset(found)


def first_date(text: str) -> str | None:
    """The first day/month date written in the text ("d/m"), or None.

    Indonesian news dates its happening in the lead ("..., Sabtu (22/7)"); later dates are
    background (the previous match, the next hearing). Two reports of one happening share it
    even when their other dates differ; two matches of one tournament do not.
    """
    hits = [(m.start(), f"{int(m.group(1))}/{int(m.group(2))}") for m in _DATE_SLASH.finditer(text)
            if 1 <= int(m.group(2)) <= 12]
    hits += [(m.start(), f"{int(m.group(1))}/{_MONTHS[m.group(2).casefold()]}") for m in _DATE_WORDS.finditer(text)]
    return min(hits)[1] if hits else None


# Quantities an article reports: "22 orang", "Rp4,9 miliar", "skor 1-1", "3,5 persen". Two
# reports of one happening repeat its figures; different happenings of one story (the next
# match, the next examination) bring new ones. Years and day/month dates are left out (a
# story shares its year; dates have their own feature); single digits are too common.
_NUMBER = re.compile(r"(?<![\d/.,])(\d+(?:[.,]\d+)*(?:-\d+)?)(?![\w/])")


def mentioned_numbers(text: str) -> frozenset[str]:
    """Numbers and scores written in the text, separators dropped (years and one-digit numbers left out)."""
    text = _DATE_SLASH.sub(" ", text)
    out = set()
    for m in _NUMBER.finditer(text):
        raw = m.group(1).rstrip(".,")
        if "-" in raw:  # a score or a range: kept whole, "1-1" is a fact of one match
            out.add(raw)
            continue
        digits = re.sub(r"[.,]", "", raw)
        if len(digits) < 2 or (len(digits) == 4 and digits[:2] in ("19", "20")):
            continue
        out.add(digits)
    return frozenset(out)


def parse_time(value: str | None) -> float | None:
    """An ISO date or date-time as days since the epoch (UTC), or None."""
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp() / 86400.0


def article_time(article: Article) -> float | None:
    """The article's place in time: publication, else the Time reader's event date.

    Publication first because the decision models were tuned on publication times (the dev
    gold has no event dates); the event date places undated articles such as the seeds.
    """
    return parse_time(article.published) or parse_time(article.event_date)


@dataclass(slots=True)
class SparseVec:
    """A unit-length sparse vector: sorted hashed indices and their weights."""

    idx: np.ndarray  # int32, sorted
    val: np.ndarray  # float32

    def dot(self, other: SparseVec) -> float:
        # searchsorted on the sorted indices: ~5x faster than np.intersect1d at these sizes,
        # and no per-vector dict (a dict per stored vector would cost ~6 KB each at scale).
        a, b = (self, other) if len(self.idx) <= len(other.idx) else (other, self)
        if len(a.idx) == 0 or len(b.idx) == 0:
            return 0.0
        pos = np.searchsorted(b.idx, a.idx)
        pos[pos == len(b.idx)] = 0
        hit = b.idx[pos] == a.idx
        return float(np.dot(a.val[hit], b.val[pos[hit]]))

    @classmethod
    def empty(cls) -> SparseVec:
        return cls(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))


def truncate(vec: SparseVec, keep: int = CENTROID_TERMS) -> SparseVec:
    """The ``keep`` heaviest terms of a vector, renormalised (the vector itself if it is short)."""
    return vec if len(vec.idx) <= keep else _unit(vec.idx, vec.val.astype(np.float64), keep)


def _unit(idx: np.ndarray, val: np.ndarray, keep: int) -> SparseVec:
    if len(val) > keep:
        top = np.argpartition(-val, keep)[:keep]
        idx, val = idx[top], val[top]
    order = np.argsort(idx)
    idx, val = idx[order].astype(np.int32), val[order].astype(np.float32)
    norm = float(np.linalg.norm(val))
    return SparseVec(idx, val / norm) if norm > 0 else SparseVec.empty()


def centroid(vectors: list[SparseVec], keep: int = CENTROID_TERMS, weights: list[float] | None = None) -> SparseVec:
    """Normalised (weighted) sum of unit vectors, truncated to the ``keep`` heaviest terms."""
    if not vectors:
        return SparseVec.empty()
    idx = np.concatenate([v.idx for v in vectors])
    val = np.concatenate([v.val * (weights[i] if weights else 1.0) for i, v in enumerate(vectors)])
    uniq, inv = np.unique(idx, return_inverse=True)
    summed = np.zeros(len(uniq), dtype=np.float64)
    np.add.at(summed, inv, val)
    return _unit(uniq, summed, keep)


class StreamingTfidf:
    """Hashed TF-IDF whose document frequencies grow as articles arrive (never refit)."""

    def __init__(self, n_features: int = N_FEATURES) -> None:
        self.n_features = n_features
        self.df = np.zeros(n_features, dtype=np.int32)
        self.n_docs = 0
        self._hv = HashingVectorizer(
            analyzer=lambda toks: toks, n_features=n_features, alternate_sign=False, norm=None,
        )

    def _counts(self, toks: list[str]) -> tuple[np.ndarray, np.ndarray]:
        row = self._hv.transform([toks])
        return row.indices.astype(np.int64), row.data.astype(np.float64)

    def add(self, toks: list[str], extra: list[str] = (), keep: int = MAX_TERMS) -> SparseVec:  # type: ignore[assignment]
        """Count the document, then return its vector (``extra`` tokens add weight, e.g. the lead)."""
        idx, cnt = self._counts(list(toks) + list(extra))
        if len(idx) == 0:
            self.n_docs += 1
            return SparseVec.empty()
        self.n_docs += 1
        self.df[idx] += 1
        return self._weigh(idx, cnt, keep)

    def vector(self, toks: list[str], keep: int = MAX_TERMS) -> SparseVec:
        """The vector of a text under the current statistics, without counting it."""
        idx, cnt = self._counts(toks)
        return self._weigh(idx, cnt, keep) if len(idx) else SparseVec.empty()

    def _weigh(self, idx: np.ndarray, cnt: np.ndarray, keep: int) -> SparseVec:
        # Smooth IDF as in scikit-learn's TfidfTransformer, sublinear TF: long articles that
        # repeat a word do not drown the words that distinguish them.
        idf = np.log((1.0 + self.n_docs) / (1.0 + self.df[idx])) + 1.0
        return _unit(idx, (1.0 + np.log(cnt)) * idf, keep)

    def idf(self, idx: np.ndarray) -> np.ndarray:
        return np.log((1.0 + self.n_docs) / (1.0 + self.df[idx])) + 1.0


@dataclass(slots=True)
class ArticleFeatures:
    """What the clusterer keeps of one article."""

    id: str
    time: float | None
    outlet: str | None
    text: SparseVec
    names: SparseVec
    lead: SparseVec = field(default_factory=lambda: SparseVec.empty())
    dates: frozenset[str] = frozenset()  # day/month dates the text mentions ("3/5")
    numbers: frozenset[str] = frozenset()  # quantities and scores the text mentions
    first_date: str | None = None  # the first day/month date the text mentions ("22/7")


class Featurizer:
    """Turns articles into :class:`ArticleFeatures`, updating the streaming statistics."""

    def __init__(self, n_features: int = N_FEATURES, background: bool = True) -> None:
        self.terms = StreamingTfidf(n_features)
        self.names = StreamingTfidf(n_features)
        if background and n_features == N_FEATURES:
            from warta.cluster.background import load_background

            prior = load_background()
            if prior is not None:
                self.terms.df, self.terms.n_docs = prior[0].copy(), prior[1]

    def __call__(self, article: Article) -> ArticleFeatures:
        body = tokens(strip_dateline(article.text))
        head = tokens(lead(article))
        text_vec = self.terms.add(body, extra=head)
        name_vec = self.names.add(names(article), keep=MAX_NAMES)
        body_text = strip_dateline(article.text)
        return ArticleFeatures(article.id, article_time(article), (article.outlet or "").casefold() or None,
                               text_vec, name_vec, self.terms.vector(head), mentioned_dates(article.text),
                               mentioned_numbers(body_text), first_date(body_text))


def day_gap(a: float | None, b: float | None) -> float:
    """Days between two times; unknown times count as the same day (the stream's "now")."""
    if a is None or b is None:
        return 0.0
    return abs(a - b)


def log_gap(a: float | None, b: float | None) -> float:
    return math.log1p(day_gap(a, b))


class Probe:
    """A new article's vectors spread into dense buffers, so its dot product with any stored
    vector is one gather (~5x faster than the sparse merge; the clusterer scores ~300 dots
    per article). Buffers are reused: :meth:`load` clears the previous article's entries."""

    def __init__(self, n_features: int = N_FEATURES) -> None:
        self._bufs = {k: np.zeros(n_features, dtype=np.float32) for k in ("text", "names", "lead")}
        self._loaded: dict[str, np.ndarray] = {}

    def load(self, feats: ArticleFeatures) -> Probe:
        for kind, vec in (("text", feats.text), ("names", feats.names), ("lead", feats.lead)):
            buf = self._bufs[kind]
            old = self._loaded.get(kind)
            if old is not None:
                buf[old] = 0.0
            buf[vec.idx] = vec.val
            self._loaded[kind] = vec.idx
        return self

    def _dot(self, kind: str, vec: SparseVec) -> float:
        return float(self._bufs[kind][vec.idx] @ vec.val) if vec.idx.size else 0.0

    def text(self, vec: SparseVec) -> float:
        return self._dot("text", vec)

    def names(self, vec: SparseVec) -> float:
        return self._dot("names", vec)

    def lead(self, vec: SparseVec) -> float:
        return self._dot("lead", vec)
