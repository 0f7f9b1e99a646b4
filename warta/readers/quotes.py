"""The "quotes" stage: who said what — direct, indirect and mixed quotes with resolved speakers.

Steps (helpers in :mod:`warta.readers.quoting`):

1. ``marks``: pair quotation marks paragraph by paragraph (straight, curly, single,
   unbalanced, quotes that run on over several paragraphs).
2. ``text``: split sentences without ever splitting inside quotation marks.
3. ``indirect``: per sentence, reported clauses with a cue and a source (``X mengatakan
   bahwa …``, ``Menurut X, …``, ``…, kata X``), and cues that introduce a quotation
   (``X mengatakan, "…"``); quoted fragments inside a clause make it *mixed*.
4. ``direct``: keep the mark spans that are statements (attributed after or before, split
   by their attribution, or a quoted paragraph continuing the speaker); drop scare quotes,
   nicknames, titles, slogans and single terms.
5. ``resolve``: explicit sources first (fullest name in the article, role kept, entity id
   when the entities stage ran); then, in text order, pronouns, clitics ("-nya") and
   unattributed paragraphs take the most recent speaker or sentence subject.

Offsets index ``article.text``; a quote's ``text`` is the content without its marks.
Works without the entities stage; uses ``article.entities`` when present.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from warta.article import Article, Entity, Quote, Span, Speaker
from warta.readers.credits import is_credit_only
from warta.readers.quoting.direct import (
    Candidate,
    classify,
    cue_stem,
    post_attribution,
    strip_content,
)
from warta.readers.quoting.indirect import PreAttribution, SentenceReader
from warta.readers.quoting.lexicon import (
    BACKREF_VERBS,
    CLAUSE_OPENERS,
    CONNECTORS,
    PREPOSITIONS,
    PRONOUNS,
    SPEECH_VERBS,
)
from warta.readers.quoting.marks import MarkSpan, find_mark_spans, paragraphs
from warta.readers.quoting.resolve import Resolver
from warta.readers.quoting.sources import Source, is_person_like, parse_source
from warta.readers.quoting.text import Token, sentences, tokens
from warta.registry import register_stage

VERSION = "warta.quotes.v4"
# Leading tokens of a sentence searched for a comma after which its subject may start. Two
# fronted adjuncts ("Sementara itu, dari perspektif global, X") took 6-9 tokens in the unseen
# articles of the 2026-11-23 audit (docs/quotes.md); 12 leaves room, beyond it the comma is
# inside the predicate. Chosen by reading, not by a score.
_SUBJECT_WINDOW = 12
# A paragraph of at most this many words without final punctuation is a subheading: the
# audit's subheadings had 4-9 words, its shortest unpunctuated real sentence more than 15.
_MAX_HEADING_WORDS = 10
# Passive reporting verbs whose agent ("oleh X") is the person a sentence is about.
_PASSIVE_SPEECH = BACKREF_VERBS | {"ditekankan", "disoroti", "diakui", "dibenarkan", "diungkap"}


@dataclass(slots=True)
class _Event:
    pos: int
    cand: Candidate | None  # a quote to resolve, or None for a sentence subject
    source: Source | None


def _evidence(text: str, toks: list[Token], sents: list[tuple[int, int]]) -> set[str]:
    """Words seen capitalised where capitals are not forced (mid-sentence, not after a mark)."""
    starts = {a for a, _ in sents}
    out: set[str] = set()
    prev: Token | None = None
    for t in toks:
        if t.is_word and t.is_cap and t.start not in starts and not (prev and prev.text in "\"“‘'.!?:"):
            out.add(t.low)
        prev = t
    return out


def _slice(toks: list[Token], starts: list[int], a: int, b: int) -> tuple[int, int]:
    """Index range of the tokens inside [a, b) (``starts`` are the tokens' start offsets)."""
    lo = bisect_left(starts, a)
    hi = lo
    while hi < len(toks) and toks[hi].end <= b:
        hi += 1
    return lo, hi


class _Finder:
    def __init__(self, text: str, entities: list[Entity]) -> None:
        self.text = text
        self.marks: list[MarkSpan] = find_mark_spans(text)
        self.paras = paragraphs(text)
        self.toks = tokens(text)
        self.starts = [t.start for t in self.toks]
        self.sents = sentences(text, [(m.open, m.outer_end) for m in self.marks])
        self.evidence = _evidence(text, self.toks, self.sents)
        self.resolver = Resolver(text, self.toks, self.evidence, entities)
        # which tokens sit inside quotation marks (cues there are someone's words, not ours)
        self.in_quote = [False] * len(self.toks)
        for m in self.marks:
            lo, hi = _slice(self.toks, self.starts, m.open, m.outer_end)
            for k in range(lo, hi):
                self.in_quote[k] = True
        self.backrefs: list[tuple[int, Source]] = []  # (sentence start, source)
        self.groups: list[Source] = []  # groups opening a sentence ("Tim …"), for "mereka"

    def _para_of(self, pos: int) -> int:
        return next((n for n, (a, b) in enumerate(self.paras) if a <= pos <= b), -1)

    def find(self) -> list[Quote]:
        text = self.text
        cands: list[Candidate] = []
        pre: dict[int, PreAttribution] = {}
        events: list[_Event] = []
        for a, b in self.sents:
            lo, hi = _slice(self.toks, self.starts, a, b)
            stoks = self.toks[lo:hi]
            res = SentenceReader(text, stoks, self.marks, self.evidence, self.in_quote[lo:hi]).read()
            for c in res.quotes:
                c.para = self._para_of(c.start)
            cands.extend(res.quotes)
            for key, att in res.pre.items():
                if key == -1:  # "X berkata:" — the quotation opening right after this sentence
                    nxt = next((m for m in self.marks if m.open >= b and not text[b:m.open].strip()), None)
                    if nxt is not None:
                        pre[nxt.open] = att
                else:
                    pre[key] = att
            if res.backref is not None:
                events.append(_Event(res.backref.start, None, res.backref))
                self.backrefs.append((a, res.backref))
            subj = self._sentence_subject(stoks)
            if subj is not None:
                events.append(_Event(subj.start, None, subj))
        cands.extend(self._direct(pre, cands))
        for c in cands:
            events.append(_Event(self._anchor(c), c, c.source))
        return self._resolve(events)

    def _sentence_subject(self, stoks: list[Token]) -> Source | None:
        """The person opening a sentence ("Putri juga mengajak …"): context for a later "ia"."""
        if not stoks or self._heading(stoks):
            return None  # "Mimpi Hijau di Tengah Tekanan Global": a subheading names nobody
        agent = self._passive_agent(stoks)
        if agent is not None:
            return agent
        # after openers and fronted adjuncts: "Sementara itu, …", "Sementara itu, dari sisi
        # pasar, Budi Santoso, analis …, menyampaikan …"; never after a reporting verb, whose
        # clause is reported content ("Ia menjelaskan, dalam konteks itu, Bawaslu …")
        starts = [0]
        comma = next((k for k, t in enumerate(stoks[:6]) if t.text == ","), None)
        if comma is not None and not any(t.low in SPEECH_VERBS or cue_stem(t.low) for t in stoks[1:comma]):
            # (a verb opening the sentence is a participle clause: "Menganggap itu mahal, Budi …")
            starts.append(comma + 1)
            starts.extend(self._later_starts(stoks, comma))
        if stoks[0].low in ("menurut", "menurutnya"):
            return None  # "Menurut dia, Yudhoyono …": the subject after it is reported content
        for i in starts:
            while i < len(stoks) and stoks[i].low in CONNECTORS and stoks[i].low not in self.evidence:
                i += 1
            if i >= len(stoks) or not stoks[i].is_word or stoks[i].low in PREPOSITIONS \
                    or any(m.open <= stoks[i].start < m.outer_end for m in self.marks):
                continue
            src, nxt = parse_source(self.text, stoks, i, evidence=self.evidence, sentence_initial=True)
            if src is not None and src.kind == "group" and nxt < len(stoks) and not stoks[nxt].is_cap:
                self.groups.append(src)  # "Tim mengidentifikasi …": for a later "mereka"
                continue
            if src is None or src.kind not in ("name", "role") or nxt >= len(stoks) or stoks[nxt].is_cap:
                continue
            return src
        return None

    def _later_starts(self, stoks: list[Token], first_comma: int) -> list[int]:
        """Subject starts after a second or third comma when the sentence opens with fronted
        adjuncts ("Sementara itu, dari sisi pasar, Budi Santoso, …"; "Saat ditanya soal itu di
        kantornya, Budi …"): the sentence opens with a connector or preposition, nobody is
        named as its subject before (no pronoun), and the start is a capitalised word, not a
        preposition ("…, di Gedung X, …"). Never after a reporting verb, whose clause is
        reported content ("Ia menjelaskan, dalam konteks itu, Bawaslu …")."""
        first = stoks[0].low
        if first not in CONNECTORS and first not in PREPOSITIONS and first not in CLAUSE_OPENERS:
            return []
        out: list[int] = []
        for k in range(first_comma + 1, min(len(stoks) - 1, _SUBJECT_WINDOW)):
            t = stoks[k]
            if t.low in SPEECH_VERBS or cue_stem(t.low) or t.low in PRONOUNS or t.low in ("menurut", "menurutnya"):
                break  # "…, menurut Hasto, Megawati turun tangan": reported content follows
            nxt = stoks[k + 1]
            if t.text == "," and nxt.is_cap and nxt.is_word and nxt.low not in PREPOSITIONS \
                    and nxt.low not in CONNECTORS:
                out.append(k + 1)
        return out

    def _heading(self, stoks: list[Token]) -> bool:
        """A subheading: a whole short paragraph with no final punctuation."""
        lo, hi = self.paras[self._para_of(stoks[0].start)]
        if stoks[0].start != lo or stoks[-1].end != len(self.text[:hi].rstrip()):
            return False
        words = [t for t in stoks if t.is_word]
        return stoks[-1].is_word and len(words) <= _MAX_HEADING_WORDS

    def _passive_agent(self, stoks: list[Token]) -> Source | None:
        """"A juga ditekankan oleh X, …": X is who the sentence is about, for a later "Ia"."""
        for k in range(len(stoks) - 2):
            if stoks[k].low in _PASSIVE_SPEECH and stoks[k + 1].low == "oleh":
                src, _ = parse_source(self.text, stoks, k + 2, evidence=self.evidence)
                if src is not None and src.kind == "name":
                    return src
        return None

    def _direct(self, pre: dict[int, PreAttribution], indirect: list[Candidate]) -> list[Candidate]:
        text = self.text
        out: list[Candidate] = []
        last: Candidate | None = None
        last_attr_end = -1
        for m in self.marks:
            lo, hi = self.paras[m.para]
            t0, t1 = _slice(self.toks, self.starts, lo, hi)
            ptoks = self.toks[t0:t1]
            post = post_attribution(text, ptoks, m, hi, self.evidence)
            att = pre.get(m.open)
            split = (last is not None and last.para == m.para and last_attr_end >= 0
                     and not text[last_attr_end:m.open].strip(" ,.:;"))
            status = classify(text, m, lo, bool(post or att or split))
            if status == "fragment":
                if not any(c.start <= m.start and m.end <= c.end + 1 for c in indirect):
                    orphan = self._orphan(m)
                    if orphan is not None:
                        out.append(orphan)
                continue
            if status != "quote" or any(c.start <= m.start < c.end for c in indirect):
                continue
            a, b = strip_content(text, m.start, m.end)
            if post is not None:
                cand = Candidate("direct", a, b, cue=post[0], source=post[1], para=m.para)
                last_attr_end = post[2]
            elif att is not None:
                cand = Candidate("direct", a, b, cue=att.cue, source=att.source, para=m.para)
                last_attr_end = -1
            elif split and last is not None:
                cand = Candidate("direct", a, b, cue=last.cue, inherit_from=last, para=m.para)
                last_attr_end = -1
            else:
                cand = Candidate("direct", a, b, para=m.para)
                last_attr_end = -1
            out.append(cand)
            last = cand
        return out

    def _orphan(self, m: MarkSpan) -> Candidate | None:
        """A sentence holding a quoted fragment of speech but no cue: mixed, same paragraph's speaker."""
        sent = next(((a, b) for a, b in self.sents if a <= m.open < b), None)
        if sent is None:
            return None
        a, b = sent
        while b > a and self.text[b - 1] in ".!? ":
            b -= 1
        return Candidate("mixed", a, b, para=m.para)

    def _anchor(self, c: Candidate) -> int:
        if c.source is not None:
            return c.source.start
        return c.start

    def _resolve(self, events: list[_Event]) -> list[Quote]:
        r = self.resolver
        speakers: dict[int, Speaker | None] = {}
        # 1. explicit sources, in any order: names, roles, organisations, groups
        for ev in events:
            src = ev.source
            if src is None or src.kind == "pronoun":
                continue
            spk = r.speaker(src)
            if spk is not None:
                r.note(ev.pos, spk, is_person_like(src))
                if ev.cand is not None:
                    speakers[id(ev.cand)] = spk
        # 2. in text order: pronouns, clitics, anaphors, split and unattributed quotes
        quotes: list[Quote] = []
        for ev in sorted(events, key=lambda e: e.pos):
            c = ev.cand
            if c is None:
                continue
            spk = speakers.get(id(c))
            if spk is None:
                if c.inherit_from is not None:
                    spk = speakers.get(id(c.inherit_from))
                elif c.source is not None:
                    plural = c.source.kind == "pronoun" and c.source.text.lower() == "mereka"
                    base = (self._recent_group(ev.pos) if plural else None) or r.recent(ev.pos, person=True) \
                        or (None if plural else r.last_named(ev.pos, self.paras[max(self._para_of(ev.pos) - 1, 0)][0]))
                    if base is not None:
                        spk = replace(base)
                        if c.source.text:
                            spk.start, spk.end = c.source.start, c.source.end
                        r.note(ev.pos, spk, True)
                elif c.kind == "mixed":
                    sal = [s for s in r.salient if s.pos < c.start and s.pos >= self.paras[c.para][0]]
                    if not sal:
                        continue  # a quoted fragment with nobody speaking in its paragraph
                    spk = replace(max(sal, key=lambda s: s.pos).speaker, start=None, end=None)
                else:
                    base = r.recent(ev.pos, person=False) or r.following(ev.pos)
                    spk = replace(base, start=None, end=None) if base is not None else None
                speakers[id(c)] = spk
            cue = Span(c.cue.start, c.cue.end, c.cue.text) if c.cue is not None else None
            quotes.append(Quote(self.text[c.start:c.end], c.start, c.end, c.kind, cue, spk))
        quotes.sort(key=lambda q: q.start)
        self._apply_backrefs(quotes, events)
        _share_entities(quotes)
        return _dedupe(quotes)

    def _recent_group(self, pos: int) -> Speaker | None:
        """"Menurut mereka": the latest group that opened a sentence or spoke before ``pos``."""
        best = max((g for g in self.groups if g.start < pos), key=lambda g: g.start, default=None)
        spoke = [s for s in self.resolver.salient if not s.person and s.pos < pos]
        last = max(spoke, key=lambda s: s.pos, default=None)
        if best is not None and (last is None or best.start > last.pos):
            return self.resolver.speaker(best)
        return last.speaker if last is not None else None

    def _apply_backrefs(self, quotes: list[Quote], events: list[_Event]) -> None:
        """"Hal itu diungkapkan X": the quote just before, unless it names its own person, is X's."""
        named = {(c.start, c.end) for e in events if (c := e.cand) is not None and c.source is not None
                 and c.source.kind == "name"}
        for sent_start, src in self.backrefs:
            spk = self.resolver.speaker(src)
            before = [q for q in quotes if q.end <= sent_start]
            if spk is None or not before:
                continue
            q = before[-1]
            if self._para_of(sent_start) - self._para_of(q.start) > 1 or (q.start, q.end) in named:
                continue
            q.speaker = replace(spk)


def _share_entities(quotes: list[Quote]) -> None:
    """One speaker, one entity id: quotes whose speaker was linked at one mention lend the id
    to the quotes of the same speaker written as a pronoun or a form the NER missed."""
    ids: dict[str, str] = {}
    for q in quotes:
        if q.speaker is not None and q.speaker.entity:
            ids.setdefault(q.speaker.name, q.speaker.entity)
    for q in quotes:
        if q.speaker is not None and not q.speaker.entity and q.speaker.name in ids:
            q.speaker.entity = ids[q.speaker.name]


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    for q in quotes:
        if out and q.start < out[-1].end:
            continue  # overlapping reading of the same words: keep the first (earlier start)
        out.append(q)
    return out


def find_quotes(text: str, entities: list[Entity] | None = None) -> list[Quote]:
    """Every quote in ``text``, with its cue and resolved speaker (offsets index ``text``).

    >>> [q.speaker.name for q in find_quotes('“Kami siap,” kata Budi Santoso.')]
    ['Budi Santoso']
    """
    if not text.strip():
        return []
    # an article's writer or source known only from its credits (warta.readers.credits) is not
    # in the text: never a speaker, nor a fuller form of a name said in the text
    return _Finder(text, [e for e in entities or [] if not is_credit_only(e)]).find()


@register_stage("quotes", version=VERSION, reads=("text",), adds=("quotes",), uses=("entities",))
def read_quotes(article: Article) -> Article:
    """Fill ``article.quotes`` (replacing any earlier ones)."""
    article.quotes = find_quotes(article.text, article.entities)
    return article
