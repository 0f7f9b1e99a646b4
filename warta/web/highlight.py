"""Cut an article's text into flat segments by annotation offsets, for highlighting.

Annotations overlap (an entity mention or a date inside a quote), so instead of nesting
tags the text is split at every span boundary into atomic pieces; each piece lists every
annotation covering it. The template renders each piece as one ``<span>`` whose text is
autoescaped: no piece of article text ever reaches the page unescaped, and no tag can be
left unclosed by overlapping spans. Offsets come from the database and are untrusted, so
spans outside the text or with ``start >= end`` are dropped, not trusted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any


@dataclass(slots=True)
class Mark:
    kind: str  # "entity" | "quote" | "time" | "quantity" | "cue" | "speaker"
    start: int
    end: int
    label: str  # shown as a tooltip: entity name and type, speaker, normalised value …
    ref: str = ""  # an id to link or group by (entity id, quote number)


@dataclass(slots=True)
class Segment:
    text: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def classes(self) -> str:
        return " ".join(sorted({f"hl-{m.kind}" for m in self.marks}))

    @property
    def title(self) -> str:
        return " · ".join(dict.fromkeys(m.label for m in self.marks if m.label))

    @property
    def entity(self) -> str:
        return next((m.ref for m in self.marks if m.kind == "entity" and m.ref), "")

    @property
    def quote(self) -> str:
        return next((m.ref for m in self.marks if m.kind == "quote"), "")


def marks_from_contract(doc: dict[str, Any]) -> list[Mark]:
    """Every highlightable span of a contract-v1 article object."""
    marks: list[Mark] = []
    for ent in doc.get("entities") or []:
        label = f"{ent.get('name')} ({ent.get('type')})"
        for m in ent.get("mentions") or []:
            marks.append(Mark("entity", m.get("start", -1), m.get("end", -1), label, str(ent.get("id") or "")))
    for i, q in enumerate(doc.get("quotes") or []):
        speaker = (q.get("speaker") or {}).get("name") or "unknown speaker"
        marks.append(Mark("quote", q.get("start", -1), q.get("end", -1), f"{q.get('kind')} quote: {speaker}", str(i)))
        cue = q.get("cue")
        if cue:
            marks.append(Mark("cue", cue.get("start", -1), cue.get("end", -1), "quote cue", str(i)))
        spk = q.get("speaker") or {}
        if spk.get("start") is not None and spk.get("end") is not None:
            marks.append(Mark("speaker", spk["start"], spk["end"], f"speaker: {speaker}", str(i)))
    for t in doc.get("times") or []:
        marks.append(Mark("time", t.get("start", -1), t.get("end", -1), f"{t.get('type')} = {t.get('value')}"))
    for n in doc.get("quantities") or []:
        unit = f" {n.get('unit')}" if n.get("unit") else ""
        marks.append(Mark("quantity", n.get("start", -1), n.get("end", -1), f"{n.get('value')}{unit}"))
    return marks


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Split ``text`` at every boundary of the valid ``marks``; concatenated, the pieces are ``text``."""
    n = len(text)
    valid = [
        m for m in marks
        if isinstance(m.start, int) and isinstance(m.end, int) and 0 <= m.start < m.end <= n
    ]
    cuts = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid)})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        if a == b:
            continue
        covering = [m for m in valid if m.start <= a and b <= m.end]
        out.append(Segment(text[a:b], covering))
    return out
