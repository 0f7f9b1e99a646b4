"""Indirect and mixed quotes: reported clauses with an explicit source and a reporting cue.

Forms read, one sentence at a time (words inside quotation marks are never cues):

- ``X [juga|pun|…] mengatakan / menegaskan / menilai / … (kepada wartawan) (bahwa) CLAUSE``
  — X is the noun phrase right before the cue (after discourse openers such as
  "Sementara itu,"); coordinated cues share it (``X menyangkal A dan mengatakan B``).
- ``Menurut X, CLAUSE`` / ``Menurutnya, CLAUSE`` / ``CLAUSE, menurut X.``
- ``CLAUSE, kata X.`` and ``A, kata X, CLAUSE`` with no quotation marks.
- ``Hal itu diungkapkan X`` / ``X menyampaikan hal tersebut``: a back-reference, which gives
  X the quote before it (see ``SentenceResult.backref``) and is not itself a quote.

When the clause is a quotation (``X mengatakan, "…"``) the cue and source belong to that
direct quote instead; when the clause holds a quoted fragment it is a *mixed* quote.
Negated cues ("tidak menyebutkan") and cues whose left side is not a source ("Hal itu
menegaskan") report nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from warta.readers.quoting.direct import Candidate, clitic_source, cue_stem
from warta.readers.quoting.lexicon import (
    ACTION_CUES,
    ADVERBS,
    ANAPHORS,
    BACKREF_NOUNS,
    BACKREF_VERBS,
    CONNECTORS,
    DOCUMENT_HEADS,
    FRONTED_PASSIVE_CUES,
    GROUP_HEADS,
    NEEDS_CLAUSE,
    NEGATIONS,
    NONFINITE_MARKERS,
    ORG_WORDS,
    PHRASE_STOPS,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_WORDS,
    SPEECH_VERBS,
)
from warta.readers.quoting.marks import MarkSpan
from warta.readers.quoting.sources import Source, name_word, parse_source
from warta.readers.quoting.text import Token

# Clause boundaries left of a cue: its subject starts after the last of these.
_BOUNDARIES = frozenset({
    "dan", "serta", "sedangkan", "sementara", "bahwa", ";", "tetapi", "namun", "mana", "meskipun", "walaupun",
    "karena", "jika", "agar", "supaya", "padahal", "sehingga", "apabila", "bila", "-", "–", "—",
})
# "bahwa" this many tokens after the cue still opens the clause ("mengatakan kepada
# wartawan di Jakarta bahwa …"); further away it belongs to a nested clause.
_BAHWA_WINDOW = 8
# Phrase stops that continue a clause rather than open an adjunct ("…, tutur X, juga telah …").
_NOT_ADJUNCT = frozenset({"juga", "pun", "lagi", "pula", "dan", "serta", "baru"})
# Words that open a predicate right after a clause's subject ("kunjungan ini *akan* …").
_AUXILIARIES = frozenset({
    "akan", "telah", "sudah", "sedang", "masih", "tidak", "tak", "belum", "bisa", "dapat", "harus", "perlu",
    "mampu", "ingin", "mau", "siap", "juga", "terus", "tetap", "merupakan", "adalah", "menjadi",
})
# Indonesian verb prefixes (meN-, ber-, di-, ter-): a word of six letters or more opening so,
# right after the subject, is taken as the predicate.
_VERB_PREFIXES = ("me", "ber", "di", "ter")
# Objects that make "mencatat" mean "achieve", not "note": "mencatat rekor/kemenangan".
_ACHIEVEMENTS = frozenset({
    "prestasi", "rekor", "kemenangan", "kekalahan", "sejarah", "gol", "poin", "skor", "hasil", "laba",
    "kerugian", "keuntungan", "penjualan", "catatan", "waktu",
})
# Fewest words of reported content. Real reported clauses can be this short ("rencananya untuk
# menyerang" in the dev gold has three; "X membantah tuduhan itu" two); one word is almost
# always a bare object ("X menyebut Jakarta").
MIN_CONTENT_WORDS = 2


@dataclass(slots=True)
class PreAttribution:
    """A cue and source before a quotation: ``X mengatakan, "…"``."""

    cue: Token
    source: Source | None
    coordinated: bool = False


@dataclass(slots=True)
class SentenceResult:
    quotes: list[Candidate] = field(default_factory=list)
    # mark.open -> attribution; key -1: "X berkata:" ending the sentence, for the quotation after it
    pre: dict[int, PreAttribution] = field(default_factory=dict)
    backref: Source | None = None  # "Hal itu diungkapkan X": X said the quote before this sentence


def _strip_end(text: str, a: int, b: int) -> tuple[int, int]:
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:!?)"):
        if text[b - 1] == ")" and "(" in text[a:b]:
            break
        b -= 1
    while a < b and (text[a].isspace() or text[a] in ",:;-–—"):
        a += 1
    return a, b


class SentenceReader:
    """Reads the reported speech of one sentence."""

    def __init__(
        self, text: str, toks: list[Token], marks: list[MarkSpan], evidence: set[str],
        in_quote: list[bool] | None = None,
    ) -> None:
        self.text = text
        self.toks = toks  # the sentence's tokens
        self.marks = marks  # every mark span of the article
        self.evidence = evidence
        self.in_quote = in_quote if in_quote is not None else [
            any(m.open <= t.start < m.outer_end for m in marks) for t in toks
        ]

    # -- subjects ---------------------------------------------------------------------
    def _subject(self, k: int, lo: int) -> tuple[Source | None, bool]:
        """The source phrase left of the cue at ``k``; (None, True) when there is no subject."""
        toks = self.toks
        # the subject never reaches back into a quotation: "“…,” kata X, seraya menambahkan …"
        lo = max([lo] + [c + 1 for c in range(lo, k) if self.in_quote[c]])
        j = k
        while j > lo and toks[j - 1].low in ADVERBS and toks[j - 1].low not in ANAPHORS and not toks[j - 1].is_cap:
            j -= 1
        if j > lo and toks[j - 1].low in ("seraya", "sambil", "sembari"):
            # a participle sharing the subject of the clause before it: resolved from context
            return Source("pronoun", toks[j - 1].start, toks[j - 1].start, ""), False
        if j == lo:
            return None, True
        if j - lo >= 2 and toks[j - 1].low == "yang" and toks[j - 2].text == ",":
            # "…, pemerintah China, yang menyatakan …": the noun phrase before the comma
            return self._np_before(j - 2, lo), False
        # the subject starts at the clause start, after an opener ("Sementara itu,"), or after a
        # comma that ends a fronted adjunct ("Seraya menyeru …, Amnesty mengatakan"); the first
        # start from which the words up to the cue read as one noun phrase wins
        starts = [lo] + [c + 1 for c in range(lo, j) if toks[c].text == ","]
        if toks[lo].low in PREPOSITIONS and toks[lo].low != "menurut":
            # a fronted adjunct closed by a demonstrative and no comma: "Pada pertemuan itu Google
            # berjanji …", "Dalam kesempatan tersebut Menteri X mengatakan …"
            dem = next((c for c in range(lo + 1, min(j - 1, lo + 6)) if toks[c].low in ANAPHORS), None)
            if dem is not None and toks[dem + 1].is_cap:
                starts.insert(1, dem + 1)
        for start in starts:
            if toks[start].low in PREPOSITIONS and toks[start].low != "menurut":
                continue  # a fronted adjunct ("Selain MBG, Ribka mengajak …"), not the subject
            while start < j and toks[start].low in CONNECTORS and toks[start].low not in PRONOUNS \
                    and not (toks[start].is_cap and toks[start].low in self.evidence):
                start += 1
            if start >= j:
                if start == lo or all(t.low in CONNECTORS or not t.is_word for t in toks[lo:j]):
                    return None, True
                continue
            src = self._np_at(start, j, initial=toks[start].start == toks[0].start)
            if src is not None:
                return src, False
        return self._name_before(j, lo), False

    def _name_before(self, j: int, lo: int) -> Source | None:
        """A full name right before the cue after a description the lexicon does not know:
        "Pemerhati otomotif sekaligus pembalap reli Budi Santoso menilai …". Only a name of two
        words or more after a lower-case word that opens no clause."""
        toks = self.toks
        b = j
        while b > lo and toks[b - 1].text == ",":
            b -= 1
        a = b
        while a > lo and name_word(toks[a - 1]):
            a -= 1
        if b - a < 2 or a == lo or a - lo > 12:
            return None
        before = toks[a - 1]
        if before.is_cap or not before.is_word or before.low in PREPOSITIONS or before.low in PHRASE_STOPS \
                or before.low in _BOUNDARIES or before.low in CONNECTORS or before.low in SPEECH_VERBS:
            return None
        if any(t.low in PREPOSITIONS or t.low in ("yang", "dan", "serta") or not t.is_word for t in toks[lo:a]):
            return None
        src, nxt = parse_source(self.text, toks, a, b, evidence=self.evidence)
        if src is None or src.kind != "name" or nxt != b:
            return None
        role = self.text[toks[lo].start:toks[a - 1].end]
        return Source("name", toks[lo].start, toks[b - 1].end, self.text[toks[lo].start:toks[b - 1].end],
                      name=src.name, name_start=src.name_start, name_end=src.name_end, role=role)

    def _np_at(self, start: int, j: int, initial: bool) -> Source | None:
        """A source phrase filling toks[start:j], allowing adjuncts after it ("X saat dihubungi")."""
        toks = self.toks
        stop = next((c for c in range(start + 1, j) if toks[c].low in PHRASE_STOPS and not toks[c].is_cap
                     and not self._inside_name(c)), j)
        src, nxt = parse_source(self.text, toks, start, stop, evidence=self.evidence, sentence_initial=initial)
        if src is None:
            return None
        # what is left must be adverbs or academic degrees ("…, S.I.K., M.Si., menjelaskan")
        rest = [t for t in toks[nxt:stop] if t.text not in ",.()" and t.low not in ADVERBS
                and not (t.is_cap and len(t.text) <= 3)]
        if rest:
            return None  # a clause, not a noun phrase, before the cue
        if stop < j:
            tail = toks[stop:j]
            ends_anaphor = tail[-1].low in ANAPHORS
            if toks[stop].low == "yang" and not ends_anaphor and toks[j - 1].text != ",":
                return None  # "… upaya X yang bermaksud mengkritik": the cue belongs to a relative clause
            if ends_anaphor and src.kind in ("role", "group"):
                # "pemimpin yang tinggal dalam pengasingan itu menegaskan": someone named before
                return Source("anaphor", src.start, tail[-1].end, self.text[src.start:tail[-1].end], role=src.role)
        return src

    def _np_before(self, end: int, lo: int) -> Source | None:
        toks = self.toks
        start = end
        while start > lo and toks[start - 1].is_word and (toks[start - 1].is_cap or toks[start - 1].low in GROUP_HEADS
                                                         or toks[start - 1].low in ROLE_WORDS):
            start -= 1
        if start == end:
            return None
        src, nxt = parse_source(self.text, toks, start, end, evidence=self.evidence)
        return src if src is not None and nxt == end else None

    # -- content ----------------------------------------------------------------------
    def _content_start(self, k: int) -> int:
        toks = self.toks
        for c in range(k + 1, min(len(toks), k + 1 + _BAHWA_WINDOW)):
            if toks[c].low == "bahwa" and not self.in_quote[c]:
                return c + 1
            if toks[c].text in ".;" or toks[c].low in SPEECH_VERBS:
                break
        c = k + 1
        while c < len(toks) and toks[c].text in ",:-–—":
            c += 1
        return c

    def _quote_at(self, pos: int) -> MarkSpan | None:
        return next((m for m in self.marks if m.open <= pos <= m.start), None)

    def read(self) -> SentenceResult:
        res = SentenceResult()
        toks, text = self.toks, self.text
        n = len(toks)
        if not n:
            return res
        sent_end = toks[-1].end
        res.backref = self._passive_backref()
        if res.backref is not None:
            return res
        lo = 0  # token index where the current clause starts
        last_src: Source | None = None
        open_quote: Candidate | None = None  # an earlier cue's content, running to the sentence end
        k = 0
        while k < n:
            tok = toks[k]
            low = tok.low
            if self.in_quote[k]:
                k += 1
                continue
            if low in _BOUNDARIES and not self._inside_name(k):
                lo = k + 1
                k += 1
                continue
            if not tok.is_word:
                k += 1
                continue
            if low in ("menurut", "menurutnya") and open_quote is None:
                got = self._according(k, res)
                if got is not None:
                    return got
            if low in SPEECH_VERBS and k > 0 and toks[k - 1].low in NEGATIONS and open_quote is None:
                # "X tidak menyebutkan A dan mengatakan B": no quote, but X is the subject of B
                neg_src, _ = self._subject(k - 1, lo)
                last_src = neg_src or last_src
                k += 1
                continue
            is_cue = low in SPEECH_VERBS
            if is_cue and low in NEEDS_CLAUSE:
                is_cue = k + 1 < n and (toks[k + 1].low in ("bahwa", "agar", "supaya") or toks[k + 1].text in ",:"
                                        or (low == "menyampaikan" and self._clause_follows(k)))
            if is_cue and low in ACTION_CUES and k > 0 and toks[k - 1].low in NONFINITE_MARKERS:
                is_cue = False  # "… dengan memastikan pasokan aman": the means of an action
            if k == 0 and low in FRONTED_PASSIVE_CUES and open_quote is None:
                got = self._fronted_passive(k, res)
                if got is not None:
                    return got
            if not is_cue:
                if cue_stem(low) and not self._after_quote(k):
                    before = self._cue_before_quote(k)
                    if before is not None:
                        res.pre[before[0]] = PreAttribution(tok, before[1])
                        k += 1
                        continue
                if (open_quote is None and k > 0 and toks[k - 1].text == "," and cue_stem(low)
                        and not self._after_quote(k)):
                    tail = self._tail_attribution(k, res)
                    if tail is not None:
                        return tail
                k += 1
                continue
            src, empty = self._subject(k, lo)
            coordinated = False
            if open_quote is None and src is None and empty and last_src is not None and lo > 0 \
                    and toks[lo - 1].low in ("dan", "serta"):
                src, coordinated = last_src, True
            if open_quote is not None:
                # inside an earlier cue's content: only a coordinated cue starts a new quote
                # ("X menyangkal A dan mengatakan B", "… dan Putin mengatakan B")
                if lo == 0 or toks[lo - 1].low not in ("dan", "serta", ";", "sedangkan", "sementara") \
                        or (low in ACTION_CUES and src is None):
                    # "… adalah menjembatani A, serta memastikan B": an action inside the clause
                    k += 1
                    continue
                if src is None and empty:
                    src, coordinated = last_src, True
                if src is None:
                    k += 1
                    continue
                a, b = _strip_end(text, open_quote.start, toks[lo - 1].start)
                open_quote.end = b
                if len(text[open_quote.start:b].split()) < MIN_CONTENT_WORDS:
                    res.quotes.remove(open_quote)
                open_quote = None
            if src is None or (low == "mencatat" and k + 1 < n and toks[k + 1].low in _ACHIEVEMENTS):
                # "Budi sempat mencatat prestasi …" (achieved), unlike "BMKG mencatat adanya …"
                k += 1
                continue
            c0 = self._content_start(k)
            if c0 + 1 < n and toks[c0].low in BACKREF_NOUNS and toks[c0 + 1].low in ANAPHORS:
                res.backref = src  # "Hamid menyampaikan hal tersebut karena …": not a new quote
                return res
            if c0 >= n:
                if text[tok.end:sent_end].strip().endswith(":"):
                    res.pre[-1] = PreAttribution(tok, src)  # "X berkata:" before a quoted paragraph
                k += 1
                continue
            m = self._quote_at(toks[c0].start)
            if m is not None and m.outer_end >= _strip_end(text, toks[c0].start, sent_end)[1] - 1:
                res.pre[m.open] = PreAttribution(tok, src, coordinated)
                last_src = src
                k = c0
                continue
            a, b = _strip_end(text, toks[c0].start, sent_end)
            if len(text[a:b].split()) >= MIN_CONTENT_WORDS:
                kind = "mixed" if any(a <= mk.start and mk.end <= b + 1 for mk in self.marks) else "indirect"
                cand = Candidate(kind, a, b, cue=tok, source=src)
                res.quotes.append(cand)
                open_quote = cand
                last_src = src
            k = c0
        return res

    def _located_appositive(self, src: Source, k: int) -> tuple[Source, int]:
        """"ahli gizi di New York, Robin DeCicco, …": a description with its place, then the
        person's name between commas; (that person, the index after the name's comma)."""
        toks = self.toks
        c = k + 1
        while c < len(toks) and toks[c].is_cap and toks[c].is_word:
            c += 1
        if c == k + 1 or c + 1 >= len(toks) or toks[c].text != ",":
            return src, k
        name, nxt = parse_source(self.text, toks, c + 1, evidence=self.evidence)
        if name is None or name.kind != "name" or name.role or nxt >= len(toks) or toks[nxt].text != ",":
            return src, k
        role = self.text[src.start:toks[c - 1].end]
        return Source("name", src.start, name.end, self.text[src.start:name.end], name=name.name,
                      name_start=name.name_start, name_end=name.name_end, role=role), nxt

    def _inside_name(self, k: int) -> bool:
        """Is the "dan"/"serta" at ``k`` inside an institution's name ("Badan Riset dan Inovasi
        Nasional", "Divisi Operasi, IT dan Services PT X") rather than between two clauses?"""
        toks = self.toks
        if toks[k].low not in ("dan", "serta") or k == 0 or k + 1 >= len(toks):
            return False
        prev, nxt = toks[k - 1], toks[k + 1]
        if not (prev.is_cap and nxt.is_cap and prev.is_word and nxt.is_word):
            return False
        # organisation words only: "Ukraina dan Putin" are two subjects, not one name
        return prev.low in ORG_WORDS or nxt.low in ORG_WORDS or (prev.text.isupper() and len(prev.text) >= 2)

    def _clause_follows(self, k: int) -> bool:
        """Does a clause, not a noun object, follow the cue at ``k``? "menyampaikan kunjungan ini
        memberi …" (a subject ending in a demonstrative, a pronoun or a name, then a verb) is
        reported speech; "menyampaikan apresiasi atas …" and "menyampaikan rencana mempercepat
        …" are not."""
        toks = self.toks
        subj_end = None
        for p in range(k + 1, min(len(toks), k + 5)):
            t = toks[p]
            if not t.is_word or t.low in PREPOSITIONS or t.low in PHRASE_STOPS:
                break
            if t.low in ANAPHORS or (t.low in PRONOUNS and p == k + 1):
                subj_end = p + 1
                break
        if subj_end is None:
            # a capitalised subject: "menyampaikan Pemerintah akan …"
            p = k + 1
            while p < len(toks) and toks[p].is_cap and toks[p].is_word:
                p += 1
            subj_end = p if p > k + 1 else None
        if subj_end is None or subj_end >= len(toks):
            return False
        verb = toks[subj_end].low
        return verb in _AUXILIARIES or (len(verb) > 5 and verb.startswith(_VERB_PREFIXES))

    def _fronted_passive(self, k: int, res: SentenceResult) -> SentenceResult | None:
        """"Dijelaskan BRIN, mikroplastik dapat …": a passive cue opening the sentence, then the
        source and a comma, then what the source said."""
        toks, text = self.toks, self.text
        src, nxt = parse_source(text, toks, k + 1, evidence=self.evidence)
        if src is None or src.kind == "pronoun" or nxt >= len(toks) - 1 or toks[nxt].text != ",":
            return None
        a, b = _strip_end(text, toks[nxt + 1].start, toks[-1].end)
        if len(text[a:b].split()) < MIN_CONTENT_WORDS + 1 or any(self.in_quote[nxt + 1:]):
            return None
        res.quotes.append(Candidate("indirect", a, b, cue=toks[k], source=src))
        return res

    def _passive_backref(self) -> Source | None:
        """"Hal itu diungkapkan (oleh) X …" / "Demikian disampaikan X": X said what came before."""
        toks = self.toks
        i = 0
        while i < len(toks) and (toks[i].low in CONNECTORS or toks[i].text == ",") \
                and toks[i].low not in BACKREF_NOUNS and toks[i].low != "demikian":
            i += 1
        if i < len(toks) and toks[i].low in ("demikian", "begitu"):
            i += 1
        elif i + 1 < len(toks) and toks[i].low in BACKREF_NOUNS and toks[i + 1].low in ANAPHORS:
            i += 2
        else:
            return None
        while i < len(toks) and toks[i].low in ADVERBS:
            i += 1
        if i >= len(toks) or toks[i].low not in BACKREF_VERBS:
            return None
        i += 1
        if i < len(toks) and toks[i].low == "oleh":
            i += 1
        src, _ = parse_source(self.text, toks, i, evidence=self.evidence)
        return src if src is not None and src.kind != "pronoun" else None

    def _cue_before_quote(self, k: int) -> tuple[int, Source | None] | None:
        """"Kata X: “…”" / "Pada saat itu, kata X, “…”": (the quotation's mark, X)."""
        toks = self.toks
        stem = cue_stem(toks[k].low)
        if stem is None:
            return None
        if stem[1]:
            src: Source | None = clitic_source(toks[k])
            nxt = k + 1
        else:
            src, nxt = parse_source(self.text, toks, k + 1, evidence=self.evidence)
            if src is None:
                return None
        if nxt < len(toks) and toks[nxt].text in ",:":
            nxt += 1
        if nxt < len(toks):
            m = self._quote_at(toks[nxt].start)
            if m is not None and m.open >= toks[k].end:
                return m.open, src
        return None

    def _after_quote(self, k: int) -> bool:
        """Is the token right after a closing quotation mark (a direct quote's attribution)?"""
        before = self.toks[k - 1].start
        return any(m.close is not None and m.outer_end <= before and before - m.outer_end <= 2 for m in self.marks) \
            or any(m.close is None and 0 <= before - m.end <= 2 for m in self.marks)

    def _tail_attribution(self, k: int, res: SentenceResult) -> SentenceResult | None:
        """"CLAUSE, kata X." and "A, kata X, CLAUSE" without quotation marks."""
        toks, text = self.toks, self.text
        n = len(toks)
        tok = toks[k]
        stem = cue_stem(tok.low)
        assert stem is not None
        if stem[1]:
            src: Source | None = clitic_source(tok)
            nxt = k + 1
        else:
            src, nxt = parse_source(text, toks, k + 1, evidence=self.evidence)
        if src is None or any(self.in_quote):
            return None
        before = _strip_end(text, toks[0].start, toks[k - 1].start)
        n_before = len(text[before[0]:before[1]].split())
        after: tuple[int, int] | None = None
        c = nxt + 1 if nxt < n and toks[nxt].text == "," else nxt
        if c < n and toks[c].is_word:
            after = _strip_end(text, toks[c].start, toks[-1].end)
            n_after = len(text[after[0]:after[1]].split())
            # "Tugas tim ini, tambahnya, memastikan …": the clause after the attribution is the
            # content unless it is an adjunct of the attribution ("kata X saat dihubungi")
            adjunct = toks[c].low in PHRASE_STOPS and toks[c].low not in _NOT_ADJUNCT and n_before >= 3
            if n_after < 3 or adjunct:
                after = None
        span = after or (before if n_before >= MIN_CONTENT_WORDS else None)
        if span is None or (after is None and c < n and toks[c].is_word and toks[c].low not in PHRASE_STOPS):
            return None
        res.quotes.append(Candidate("indirect", span[0], span[1], cue=tok, source=src))
        return res

    def _according(self, k: int, res: SentenceResult) -> SentenceResult | None:
        """"Menurut X, CLAUSE" and "CLAUSE, menurut X"."""
        toks, text = self.toks, self.text
        tok = toks[k]
        n = len(toks)
        if tok.low == "menurutnya":
            src: Source | None = clitic_source(tok)
            nxt = k + 1
        else:
            src, nxt = parse_source(text, toks, k + 1, evidence=self.evidence)
        if src is None:
            return None
        if src.kind in ("group", "role") and nxt < n and toks[nxt].low in ("di", "dari"):
            src, nxt = self._located_appositive(src, nxt)
        # "Menurut X," opens the sentence, follows an opener ("Sebab menurutnya"), or follows a
        # fronted adjunct ending in a comma ("Terkait kondisi alutsista, menurut Hadi …")
        # (or follows a period the writer left no space after: "kebuntuan.Menurutnya, …")
        leading = all(not t.is_word or t.low in CONNECTORS for t in toks[:k]) or toks[k - 1].text in ",."
        if leading and nxt < n and toks[nxt].low == "yang":
            # "Menurut X yang … dengan Idan, CLAUSE": the relative clause describes X
            nxt = next((c for c in range(nxt, n) if toks[c].text == ","), n)
        if leading and nxt < n:
            c = nxt + 1 if toks[nxt].text == "," else nxt
            if c < n and (toks[nxt].text == "," or toks[c].is_word):
                m = self._quote_at(toks[c].start)
                if m is not None:
                    res.pre[m.open] = PreAttribution(tok, src)
                    return res
                written = src.kind in ("group", "org") or src.text.split()[0].lower() in DOCUMENT_HEADS
                if written and any(
                        t.low in SPEECH_VERBS and t.low not in NEEDS_CLAUSE for t in toks[c + 1:c + 5]):
                    # "Menurut laporan Reuters, Google mengaku …": the clause names its own speaker
                    return None
                a, b = _strip_end(text, toks[c].start, toks[-1].end)
                if len(text[a:b].split()) >= MIN_CONTENT_WORDS + (0 if toks[nxt].text == "," else 1):
                    kind = "mixed" if any(a <= mk.start and mk.end <= b + 1 for mk in self.marks) else "indirect"
                    res.quotes.append(Candidate(kind, a, b, cue=tok, source=src))
                    return res
        if k > 0 and toks[k - 1].text == "," and (nxt >= n or toks[nxt].text in ".!?"):
            a, b = _strip_end(text, toks[0].start, toks[k - 1].start)
            if len(text[a:b].split()) >= MIN_CONTENT_WORDS and not any(self.in_quote[:k]):
                res.quotes.append(Candidate("indirect", a, b, cue=tok, source=src))
                return res
        return None
