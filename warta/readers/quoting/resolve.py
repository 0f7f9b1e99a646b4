"""Turn a source as written into the speaker the reader understands.

- short forms → the fullest form of the name in the article ("Wang" → "Wang Wenbin",
  "Melki" → "Emanuel Melkiades Laka Lena" through the first-name prefix);
- a role-only description → the name that role is given elsewhere in the article
  ("juru bicara Kremlin" → "Dmitry Peskov" when "Juru bicara Kremlin Dmitry Peskov"
  occurs), else the description itself;
- pronouns, clitics and role anaphors ("ia", "-nya", "Ketua partai itu") → the most recent
  person-like source before them (the centring heuristic newsrooms write for);
- when the entities stage ran, the speaker is mapped to the entity whose mention it
  overlaps (or whose mention text it equals), and takes that entity's id, and its canonical
  name when that is fuller.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from warta.article import Entity, Speaker
from warta.readers.quoting.lexicon import (
    CLAUSE_OPENERS,
    CONNECTORS,
    PREPOSITIONS,
    ROLE_WORDS,
    is_place_or_org_word,
)
from warta.readers.quoting.places import article_places, leading_place, region_words
from warta.readers.quoting.sources import Source, is_person_like, parse_source
from warta.readers.quoting.text import Token

# A short form matches a longer name's word when it is a prefix of it of at least this many
# letters ("Melki" → "Melkiades"): shorter prefixes ("Su", "Ad") match too many names.
_MIN_PREFIX = 4


def _words(name: str) -> list[str]:
    return [w.lower() for w in name.replace(",", " ").split()]


@dataclass(slots=True)
class Salient:
    pos: int
    speaker: Speaker
    person: bool


class Resolver:
    """Per-article name index built from every source-like phrase in the text."""

    def __init__(self, text: str, toks: list[Token], evidence: set[str], entities: list[Entity]) -> None:
        self.text = text
        self.toks = toks
        self.starts = [t.start for t in toks]
        self.entities = entities
        self.places = article_places(toks)
        self.names: list[str] = []  # full-name candidates in order of first appearance
        self.name_pos: dict[str, list[int]] = {}  # where each full-name candidate is written
        self.role_of: dict[str, str] = {}
        self.name_of_role: dict[str, str] = {}
        self.weak: set[str] = set()  # names only written with a sentence-initial first word
        self.lower_words = {t.text for t in toks if t.is_word and t.text.islower()}
        # a phrase never runs over a paragraph break (a heading or "Baca juga" line before it)
        para_end = [len(toks)] * len(toks)
        nxt = len(toks)
        for k in range(len(toks) - 1, -1, -1):
            para_end[k] = nxt
            if k and "\n" in text[toks[k - 1].end:toks[k].start]:
                nxt = k
        i = 0
        while i < len(toks):
            prev_np = i > 0 and toks[i - 1].is_word and (toks[i - 1].is_cap or toks[i - 1].low in ROLE_WORDS) \
                and toks[i - 1].low not in PREPOSITIONS and toks[i - 1].low not in CONNECTORS \
                and toks[i - 1].low not in CLAUSE_OPENERS and para_end[i - 1] > i
            if prev_np or not ((toks[i].is_cap and toks[i].is_word) or toks[i].low in ROLE_WORDS) \
                    or toks[i].low in PREPOSITIONS or toks[i].low in CONNECTORS:
                i += 1
                continue
            initial = i == 0 or toks[i - 1].text in ".!?\"“”" or "\n" in text[toks[i - 1].end:toks[i].start]
            src, nxt = parse_source(text, toks, i, para_end[i], evidence=evidence, sentence_initial=initial)
            # "Kunjungan Ratna ke …": a first word capitalised only at sentence starts may be an
            # ordinary word; such a name only counts when no better-attested one fits
            weak_at = toks[i].start if initial and toks[i].low not in evidence else None
            self._index(src, weak_at)
            # "Menlu RI Ratna Wulandari dan Menlu Tiongkok Zhao Lianfeng": one phrase to the
            # parser (offices join with "dan"), two people; index the first one too
            conj = next((d for d in range(i + 1, nxt) if toks[d].low in ("dan", "serta")), None)
            if conj is not None:
                self._index(parse_source(text, toks, i, conj, evidence=evidence, sentence_initial=initial)[0], weak_at)
            i += 1  # also index the names inside a phrase ("… Setan Merah, Andy Cole")
        self._index_entities()
        self.names.sort(key=lambda n: min(self.name_pos[n]))
        self.salient: list[Salient] = []

    def _index(self, src: Source | None, weak_at: int | None = None) -> None:
        """Note a name phrase; ``weak_at`` is the start of a sentence-initial word never seen
        capitalised elsewhere, which makes a name starting there weak."""
        if src is None or src.kind != "name" or not src.name:
            return
        weak = weak_at is not None and src.name_start == weak_at
        src = self.split_place(src)
        name = src.name or ""
        if weak and name not in self.names:
            self.weak.add(name)
        elif not weak:
            self.weak.discard(name)
        if name not in self.names:
            self.names.append(name)
        self.name_pos.setdefault(name, []).append(src.name_start if src.name_start is not None else src.start)
        if src.role and name not in self.role_of:
            self.role_of[name] = src.role
        if src.role:
            self.name_of_role.setdefault(src.role.lower().strip(" .,"), name)

    def _index_entities(self) -> None:
        """The entities stage's people are name candidates too (the parser may have read their
        mention inside a longer phrase); a leading role or place word the NER took into the
        name ("Kaltim Sri Rahayuningsih") is left out."""
        for ent in self.entities:
            if ent.type != "PER" or " - " in ent.name or "," in ent.name:
                continue  # "John Legend - Chrissy Teigen": two people in one mention
            words = ent.name.split()
            k = 0
            while k < len(words) - 1 and _not_a_name_word(words[k].lower(), self.places):
                k += 1
            name = " ".join(words[k:])
            if len(words) - k < 2 or not ent.mentions:
                continue  # a one-word entity adds nothing a short form does not already say
            if name not in self.names:
                self.names.append(name)
            self.weak.discard(name)
            self.name_pos.setdefault(name, []).extend(m.start for m in ent.mentions)

    # -- names --------------------------------------------------------------------------
    def split_place(self, src: Source) -> Source:
        """Move a place or organisation that ends the role out of the name ("Wali Kota
        Samarinda Hendra Wiratama" → role "Wali Kota Samarinda", name "Hendra Wiratama")."""
        if src.kind != "name" or src.name_start is None or src.name_end is None:
            return src
        lo = bisect_left(self.starts, src.name_start)
        hi = bisect_left(self.starts, src.name_end)
        name = [t for t in self.toks[lo:hi] if t.is_word]
        cut = leading_place(name, self.places, self.entities, after_role=src.start < src.name_start)
        if cut == 0:
            return src
        prefix = self.text[name[0].start:name[cut - 1].end]
        na, nb = name[cut].start, src.name_end
        before = self.text.rfind(src.role, src.start, src.name_start) if src.role else -1
        if src.role and before >= 0:
            # the role was written before the name: it now runs to the place ("warga, Haji")
            role = self.text[before:name[cut - 1].end]
        else:
            role = f"{prefix}, {src.role}" if src.role else prefix
        return replace(src, name=self.text[na:nb], name_start=na, name_end=nb, role=role)

    def fullest(self, name: str, pos: int | None = None, organisation: bool = False) -> str:
        """The fullest form in the article of a (short) name; when the short form fits two
        different people ("Pratama" in "Pratama Adiwijaya" and "Yoga Pratama"), the one
        written most recently before ``pos``. An ``organisation`` (the entities stage tagged
        the name so) is never lengthened by a weak, sentence-initial word ("Status Telkom")."""
        short = _words(name)
        fits = [cand for cand in self.names if len(_words(cand)) > len(short) and all(
            any(w == s or (len(s) >= _MIN_PREFIX and w.startswith(s)) for w in _words(cand)) for s in short)]
        # a weak form whose extra first word the article also writes in lower case is a common
        # noun opening a sentence ("Satelit Telkom 1 mengalami …" beside "satelit lain")
        fits = [c for c in fits if c not in self.weak or (not organisation and _words(c)[0] not in self.lower_words)]
        if not fits:
            return name
        fits = [c for c in fits if c not in self.weak] or fits
        # drop forms contained in a fuller one ("Hadi Santoso" inside "Hadi Santoso Wibowo")
        people = [c for c in fits if not any(set(_words(c)) < set(_words(o)) for o in fits)]
        if len(people) == 1 or pos is None:
            return max(people, key=lambda c: len(_words(c)))

        def last_before(cand: str) -> int:
            return max((p for p in self.name_pos.get(cand, []) if p <= pos), default=-1)

        best = max(people, key=last_before)
        return best if last_before(best) >= 0 else people[0]

    def entity_for(self, start: int | None, end: int | None, name: str, person: bool) -> Entity | None:
        """The entity whose mention overlaps the speaker's span, else whose name or mention is the
        speaker's name; only PER entities for people and never PER for organisations, so a weak
        NER tag cannot turn a minister into a place."""
        low = name.lower()
        fits = [e for e in self.entities if (e.type == "PER") == person]
        for ent in fits:
            for m in ent.mentions:
                if start is not None and end is not None and m.start < end and start < m.end:
                    return ent
        for ent in fits:
            if ent.name.lower() == low or any(m.text.lower() == low for m in ent.mentions):
                return ent
        return None

    def speaker(self, src: Source) -> Speaker | None:
        """The speaker for an explicit (non-pronoun) source."""
        if src.kind == "name" and src.name:
            src = self.split_place(src)
            org = any(e.type != "PER" and any((m.start, m.end) == (src.name_start, src.name_end) for m in e.mentions)
                      for e in self.entities)
            name = self.fullest(src.name or "", src.name_start, organisation=org)
            role = src.role or self.role_of.get(name) or self.role_of.get(src.name)
            spk = Speaker(name=name, role=role, start=src.name_start, end=src.name_end)
        elif src.kind in ("role", "anaphor"):
            desc = src.role or src.text
            if src.kind == "anaphor":
                # "Anggota AJI ini": the person just spoken of, whatever other member the
                # article also named with that role
                return None
            named = self.named_for_role(desc)
            spk = Speaker(name=self.fullest(named, src.start) if named else desc, role=desc,
                          start=src.start, end=src.end)
        elif src.kind == "group":
            # "jaksa" after "jaksa Irene Putri": the description names someone given earlier
            named = self.named_for_role(src.text)
            spk = Speaker(name=self.fullest(named, src.start) if named else src.text, role=src.text if named else None,
                          start=src.start, end=src.end)
        elif src.kind == "org":
            spk = Speaker(name=src.text, start=src.start, end=src.end)
        else:
            return None
        if src.kind in ("role", "anaphor", "group") and spk.name == (src.role or src.text):
            if src.kind == "group":  # "Pemerintah Ukraina": a body the entities stage may know
                spk.entity = self.body_entity(spk)
            return spk  # an unnamed description is no person
        person = src.kind in ("name", "role", "anaphor")
        ent = self.entity_for(spk.start, spk.end, spk.name, person)
        if ent is not None and person and not self._same_person_name(spk, ent):
            ent = None
        if ent is not None:
            spk.entity = ent.id
            # the canonical name replaces ours only when it is a fuller form of it ("Widodo" →
            # "Joko Widodo"), never a different or shorter one
            if set(_words(spk.name)) < set(_words(ent.name)):
                spk.name = ent.name
            spk.role = spk.role or ent.role
        return spk

    def body_entity(self, spk: Speaker) -> str | None:
        """The entity a speaking body is: an organisation whose mention is the speaker's span
        ("Pemerintah China" tagged ORG), else, for a government ("Pemerintah Ukraina"), the
        country named in it, since a government speaks as its country."""
        if spk.start is None or spk.end is None:
            return None
        inside = [(e, m) for e in self.entities if e.type != "PER" for m in e.mentions
                  if spk.start <= m.start and m.end <= spk.end]
        exact = [e for e, m in inside if (m.start, m.end) == (spk.start, spk.end)]
        if exact:
            return exact[0].id
        if spk.name.split()[0].lower() == "pemerintah":
            countries = {e.id for e, _ in inside if e.type == "GPE"}
            if len(countries) == 1:
                return countries.pop()
        return None

    def _same_person_name(self, spk: Speaker, ent: Entity) -> bool:
        """May the speaker take this PER entity's id? Not when the entity's canonical name is
        only a short form of the speaker's ("PER:pratama" for "Pratama Adiwijaya": that id
        groups every "Pratama" of the corpus under a first name), nor when it took in the end
        of the role ("Kaltim Sri Rahayuningsih" for "Kepala BPBD Kaltim Sri Rahayuningsih"):
        stores list speakers under their entity's name, so a wrong name would be shown."""
        ours, theirs = _words(spk.name), _words(ent.name)
        if set(theirs) < set(ours):
            return False
        role_words = set(_words(spk.role or ""))
        return not any(w in role_words or _not_a_name_word(w, self.places) for w in theirs if w not in ours)

    def named_for_role(self, desc: str) -> str | None:
        """The name given this role in the article: exact role, else a role it abbreviates
        ("Kapolresta" for "Kapolresta Bogor Kota Kombes Pol. Eko Prasetyo")."""
        low = desc.lower().strip(" .,")
        if low in self.name_of_role:
            return self.name_of_role[low]
        words = low.split()
        for role, name in self.name_of_role.items():
            rwords = role.replace(",", " ").split()
            if rwords[: len(words)] == words:
                return name
        return None

    # -- context ----------------------------------------------------------------------
    def note(self, pos: int, speaker: Speaker, person: bool) -> None:
        self.salient.append(Salient(pos, speaker, person))

    def recent(self, pos: int, person: bool = True) -> Speaker | None:
        """The latest salient speaker before ``pos`` (a person when ``person``)."""
        best: Salient | None = None
        for s in self.salient:
            if s.pos < pos and (s.person or not person) and (best is None or s.pos >= best.pos):
                best = s
        if best is None and person:
            return self.recent(pos, person=False)
        return best.speaker if best else None

    def last_named(self, pos: int, since: int) -> Speaker | None:
        """The person whose name was written last in [since, pos) when nobody spoke or opened a
        sentence before: "… visi Presiden Budi Santoso …. Ia menekankan …"."""
        people = {e.name for e in self.entities if e.type == "PER"}
        best: tuple[int, str] | None = None
        for name, where in self.name_pos.items():
            # only someone the article shows is a person: written with a title or office
            # ("Presiden Budi"), or a person to the entities stage; never a place ("Pegunungan X")
            role = self.role_of.get(name) or ""
            if name in self.weak or not (name in people or any(w in ROLE_WORDS for w in _words(role))):
                continue
            for p in where:
                if since <= p < pos and (best is None or p > best[0]):
                    best = (p, name)
        if best is None:
            return None
        name = best[1]
        return Speaker(name=name, role=self.role_of.get(name))

    def following(self, pos: int) -> Speaker | None:
        after = [s for s in self.salient if s.pos > pos]
        return min(after, key=lambda s: s.pos).speaker if after else None


def _not_a_name_word(low: str, places: set[str]) -> bool:
    """A role, title, region or organisation word, which the NER sometimes takes into a name."""
    return low in ROLE_WORDS or low in region_words() or low in places or is_place_or_org_word(low, loose=False)


def person_like(src: Source) -> bool:
    return is_person_like(src)
