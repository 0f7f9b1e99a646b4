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

from dataclasses import dataclass

from warta.article import Entity, Speaker
from warta.readers.quoting.lexicon import CLAUSE_OPENERS, CONNECTORS, PREPOSITIONS, ROLE_WORDS
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
        self.entities = entities
        self.names: list[str] = []  # full-name candidates in order of first appearance
        self.role_of: dict[str, str] = {}
        self.name_of_role: dict[str, str] = {}
        i = 0
        while i < len(toks):
            prev_np = i > 0 and toks[i - 1].is_word and (toks[i - 1].is_cap or toks[i - 1].low in ROLE_WORDS) \
                and toks[i - 1].low not in PREPOSITIONS and toks[i - 1].low not in CONNECTORS \
                and toks[i - 1].low not in CLAUSE_OPENERS
            if prev_np or not ((toks[i].is_cap and toks[i].is_word) or toks[i].low in ROLE_WORDS) \
                    or toks[i].low in PREPOSITIONS or toks[i].low in CONNECTORS:
                i += 1
                continue
            initial = i == 0 or toks[i - 1].text in ".!?\"“”" or "\n" in text[toks[i - 1].end:toks[i].start]
            src, _ = parse_source(text, toks, i, evidence=evidence, sentence_initial=initial)
            if src is not None and src.kind == "name" and src.name:
                if src.name not in self.names:
                    self.names.append(src.name)
                if src.role and src.name not in self.role_of:
                    self.role_of[src.name] = src.role
                if src.role:
                    self.name_of_role.setdefault(src.role.lower().strip(" .,"), src.name)
            i += 1  # also index the names inside a phrase ("… Setan Merah, Andy Cole")
        self.salient: list[Salient] = []

    # -- names --------------------------------------------------------------------------
    def fullest(self, name: str) -> str:
        short = _words(name)
        best = name
        for cand in self.names:
            words = _words(cand)
            if len(words) <= len(_words(best)):
                continue
            if all(any(w == s or (len(s) >= _MIN_PREFIX and w.startswith(s)) for w in words) for s in short):
                best = cand
        return best

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
            name = self.fullest(src.name)
            role = src.role or self.role_of.get(name) or self.role_of.get(src.name)
            spk = Speaker(name=name, role=role, start=src.name_start, end=src.name_end)
        elif src.kind in ("role", "anaphor"):
            desc = src.role or src.text
            if src.kind == "anaphor":
                # "Anggota AJI ini": the person just spoken of, whatever other member the
                # article also named with that role
                return None
            named = self.named_for_role(desc)
            spk = Speaker(name=self.fullest(named) if named else desc, role=desc, start=src.start, end=src.end)
        elif src.kind == "group":
            # "jaksa" after "jaksa Irene Putri": the description names someone given earlier
            named = self.named_for_role(src.text)
            spk = Speaker(name=self.fullest(named) if named else src.text, role=src.text if named else None,
                          start=src.start, end=src.end)
        elif src.kind == "org":
            spk = Speaker(name=src.text, start=src.start, end=src.end)
        else:
            return None
        if src.kind in ("role", "anaphor", "group") and spk.name == (src.role or src.text):
            return spk  # an unnamed description is no entity
        person = src.kind in ("name", "role", "anaphor")
        ent = self.entity_for(spk.start, spk.end, spk.name, person)
        if ent is not None:
            spk.entity = ent.id
            # the canonical name replaces ours only when it is a fuller form of it ("Widodo" →
            # "Joko Widodo"), never a different or shorter one
            if set(_words(spk.name)) < set(_words(ent.name)):
                spk.name = ent.name
            spk.role = spk.role or ent.role
        return spk

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

    def following(self, pos: int) -> Speaker | None:
        after = [s for s in self.salient if s.pos > pos]
        return min(after, key=lambda s: s.pos).speaker if after else None


def person_like(src: Source) -> bool:
    return is_person_like(src)
