"""The article's credits as entities: who wrote it and the source it was taken from.

Ingest moves credit lines out of the body ("oleh Rina Wati dan Agus Salim" → ``authors``,
"Sumber: Kantor Berita X" → ``source``) so that the text stays the article itself. The names on
those lines are still named persons and organisations of the article — a reader of the printed
article sees them, and annotators mark them — so the ``entities`` stage turns them into
entities here, after the canonical layer:

- each author is a PER entity with role ``"penulis"`` and each organisation of the source
  (``"Reuters, AFP"``, ``"Antara / Reuters"``, ``"Situs A dan Situs B"``) an ORG entity with
  role ``"sumber"``. Editors are not: a desk's few editors sign nearly every article it runs,
  so they would top every entity list while saying nothing about the story, and an analyst
  asks who wrote a story and where it came from, not who edited it;
- when the text itself names the credit (a closing "(Reuters)" credit stays in the text, a
  writer may also be quoted), the credit joins the entity the canonical layer found for it, or
  its occurrences in the text become the mentions of a new entity;
- otherwise the entity has one mention that is *not in the text*: ``start == end == -1`` and
  ``text`` the credited name, exactly as it stands in ``authors`` / ``source``.
  A consumer that uses offsets skips it (no position), and the entity's ``role`` says which
  credit field it comes from (``CREDIT_FIELDS``).

Ids follow the canonical layer's rules (``PER:rina-wati``; a table organisation gets its table
id, so "Sumber: Reuters" and a "(Reuters)" in another article are one ``ORG:reuters``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from warta.article import Article, Entity, EntityType, Span
from warta.ingest.metadata import parse_names
from warta.readers.aliases import find_abbreviation, people_table, slugify

#: role of a credit entity → the Article field its name came from
CREDIT_FIELDS: dict[str, str] = {"penulis": "authors", "sumber": "source"}
#: start/end of a mention that is a credit, not a place in the text
NOT_IN_TEXT = -1

# A credit naming a desk or the outlet, not a person ("Tim Redaksi", "Admin", "detikNews"):
# these words never open or make up a person's name in a byline.
_DESK_WORDS = frozenset({"tim", "redaksi", "admin", "administrator", "desk", "newsroom", "staf", "staff"})
# "Reuters, AFP" / "Antara / Reuters" / "Situs A dan Situs B" / "X & Y"
_SOURCE_SPLIT = re.compile(r"\s*(?:,|/|;|&|\bdan\b|\band\b)\s*")
_SOURCE_MAX_WORDS = 8


def _person(name: str) -> str | None:
    """The name when a credit names one person (capitalised words, no domain, no desk word)."""
    name = name.strip()
    if not name or "@" in name or re.search(r"\w\.(?:com|id|co|net|org)\b", name, re.I):
        return None
    if parse_names(name) != [name]:
        return None
    if any(w.lower().strip(".") in _DESK_WORDS for w in name.split()):
        return None
    return name


def _organisations(source: str) -> list[str]:
    out = []
    for part in _SOURCE_SPLIT.split(source.strip()):
        part = part.strip().rstrip(" .")
        if (part and any(c.isalpha() for c in part) and len(part.split()) <= _SOURCE_MAX_WORDS
                and "@" not in part and "://" not in part):
            out.append(part)
    return out


def credits_of(article: Article) -> list[tuple[str, str, EntityType]]:
    """``(name, role, type)`` for every credit of the article: authors, then the source."""
    out: list[tuple[str, str, EntityType]] = []
    seen: set[str] = set()

    def add(name: str, role: str, typ: EntityType) -> None:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            out.append((name, role, typ))

    for author in article.authors:
        if (name := _person(author)) is not None:
            add(name, "penulis", "PER")
    if article.source:
        for org in _organisations(article.source):
            add(org, "sumber", "ORG")
    return out


def _identity(name: str, typ: EntityType) -> tuple[str, str, EntityType]:
    """(id, display name, type) by the canonical layer's rules."""
    if typ == "PER":
        display = people_table().get(name.casefold(), name)
        return f"PER:{slugify(display)}", display, "PER"
    entry = find_abbreviation(name)
    if entry is not None:
        return entry.id, entry.expansions[0], entry.type  # type: ignore[return-value]
    return f"{typ}:{slugify(name)}", name, typ


def _occurrences(text: str, name: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Where ``name`` stands in the text as a whole word sequence, outside any found mention."""
    spans = []
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
        if not any(m.start() < b and a < m.end() for a, b in taken):
            spans.append(Span(m.start(), m.end(), m.group(0)))
    return spans


def add_credit_entities(article: Article, entities: Iterable[Entity]) -> list[Entity]:
    """``entities`` (the canonical layer's, for ``article.text``) plus the article's credits."""
    result = list(entities)
    for name, role, typ in credits_of(article):
        ent_id, display, ent_type = _identity(name, typ)
        low = {name.casefold(), display.casefold()}
        known = next((e for e in result if e.id == ent_id or e.name.casefold() in low
                      or any(m.text.casefold() in low for m in e.mentions)), None)
        if known is not None:
            # the text names it already (a kept "(Reuters)" credit, a writer quoted in the story)
            known.role = known.role or role
            continue
        taken = [(m.start, m.end) for e in result for m in e.mentions]
        spans = _occurrences(article.text, name, taken) or [Span(NOT_IN_TEXT, NOT_IN_TEXT, name)]
        result.append(Entity(id=ent_id, name=display, type=ent_type, mentions=spans, role=role))
    return result


def is_credit_only(entity: Entity) -> bool:
    """True for an entity known only from the credits (no mention in the text)."""
    return bool(entity.mentions) and all(m.start == NOT_IN_TEXT for m in entity.mentions)
