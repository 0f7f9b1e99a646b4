"""The `Article`: the one object that flows through every stage.

Ingest creates it (id, title, text, published, outlet, url, authors and the metadata read
from the text); readers add annotations (language, entities, quotes, times, quantities,
event date); the store persists it; clustering reads it. ``to_contract()`` gives the
JSON object defined by ``analysis.schema.json`` (contract v1).

All offsets are Python ``str`` indices into ``Article.text`` (end exclusive).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EntityType = Literal["PER", "ORG", "LOC", "GPE", "EVENT", "MISC"]
QuoteKind = Literal["direct", "indirect", "mixed"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
PublishedSource = Literal["input", "html", "text", "inferred"]


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    """One real-world entity in an article, with every mention of it."""

    id: str  # canonical id, stable across articles (e.g. "GPE:CN", "PER:xi-jinping")
    name: str  # canonical display name
    type: EntityType
    mentions: list[Span] = field(default_factory=list)
    role: str | None = None  # e.g. "Juru bicara Kremlin"


@dataclass(slots=True)
class Speaker:
    name: str
    entity: str | None = None
    role: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: Span | None = None
    speaker: Speaker | None = None


@dataclass(slots=True)
class TimeExpr:
    text: str
    start: int
    end: int
    type: TimeType
    value: str | None


@dataclass(slots=True)
class Quantity:
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    approximate: bool = False


_SPACE = re.compile(r"\s+")


def normalise_for_hash(text: str) -> str:
    """Casefolded, NFKC, whitespace-collapsed text: what "the same article" means for exact dedup."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def content_hash(text: str) -> str:
    return hashlib.sha1(normalise_for_hash(text).encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Article:
    """One news article and everything Warta has learned about it."""

    text: str
    id: str = ""
    title: str | None = None
    published: str | None = None  # ISO 8601 date or date-time with offset
    published_source: PublishedSource | None = None
    outlet: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None  # "Sumber: Reuters" → the outlet the story was taken from
    editors: list[str] = field(default_factory=list)  # "(sin)", "Editor: …"
    dateline: str | None = None  # "JAKARTA, KOMPAS.com" → "JAKARTA"
    origin: str | None = None  # where it was read from: path, path:line, URL, <stdin>:line
    language: str | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    event_date: str | None = None  # when the reported happening took place (Time reader)
    tone: float | None = None
    # stage name -> version that last wrote this article's annotations (provenance)
    annotated_by: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = self.content_hash[:16]

    @property
    def content_hash(self) -> str:
        return content_hash((self.title or "") + "\n" + self.text)

    def to_contract(self) -> dict[str, Any]:
        """The contract-v1 JSON object (see shared/contract/analysis.schema.json)."""
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "published": self.published,
            "published_source": self.published_source,
            "outlet": self.outlet,
            "url": self.url,
            "authors": list(self.authors),
            "source": self.source,
            "editors": list(self.editors),
            "dateline": self.dateline,
            "language": self.language or "und",
            "event_date": self.event_date,
            "entities": [asdict(e) for e in self.entities],
            "quotes": [asdict(q) for q in self.quotes],
            "times": [asdict(t) for t in self.times],
            "quantities": [asdict(q) for q in self.quantities],
        }

    @classmethod
    def from_contract(cls, data: dict[str, Any]) -> Article:
        """Inverse of :meth:`to_contract` (used by the store and tests)."""
        ents = [
            Entity(
                id=e["id"],
                name=e["name"],
                type=e["type"],
                mentions=[Span(**m) for m in e.get("mentions", [])],
                role=e.get("role"),
            )
            for e in data.get("entities", [])
        ]
        quotes = []
        for q in data.get("quotes", []):
            cue = Span(**q["cue"]) if q.get("cue") else None
            spk = Speaker(**q["speaker"]) if q.get("speaker") else None
            quotes.append(Quote(q["text"], q["start"], q["end"], q["kind"], cue, spk))
        return cls(
            text=data["text"],
            id=data.get("id") or "",
            title=data.get("title"),
            published=data.get("published"),
            published_source=data.get("published_source"),
            outlet=data.get("outlet"),
            url=data.get("url"),
            authors=list(data.get("authors") or []),
            source=data.get("source"),
            editors=list(data.get("editors") or []),
            dateline=data.get("dateline"),
            language=data.get("language"),
            event_date=data.get("event_date"),
            entities=ents,
            quotes=quotes,
            times=[TimeExpr(**t) for t in data.get("times", [])],
            quantities=[Quantity(**q) for q in data.get("quantities", [])],
        )


#: Field names a stage may declare in ``reads`` / ``adds``.
ARTICLE_FIELDS: frozenset[str] = frozenset(Article.__dataclass_fields__)
#: Fields every freshly ingested article has.
INGEST_FIELDS: frozenset[str] = frozenset(
    {"text", "id", "title", "published", "published_source", "outlet", "url", "authors", "source",
     "editors", "dateline", "origin"}
)


@dataclass(slots=True)
class Reject:
    """An input item (or an article a stage failed on) that was not processed, and why."""

    item: str
    reason: str
    code: str
    line: int | None = None
    stage: str | None = None

    def __str__(self) -> str:
        where = f"{self.item}:{self.line}" if self.line is not None else self.item
        return f"{where}: {self.reason}"
