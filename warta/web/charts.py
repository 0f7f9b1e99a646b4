"""Chart geometry computed on the server, drawn as inline SVG by the templates.

Charts are SVG rather than a JavaScript library: they render with no script, print, work
offline and under a strict Content-Security-Policy, and their labels go through the same
autoescaping as every other piece of text. Each function returns plain numbers in a fixed
``viewBox`` coordinate system; the SVG scales to its container.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from string import Formatter
from typing import Any

#: viewBox size of time charts. 900×180 keeps ~120 daily bars at ≥ 5 units wide each.
WIDTH, HEIGHT = 900, 180
PAD_LEFT, PAD_BOTTOM, PAD_TOP = 36, 22, 8


@dataclass(slots=True)
class Column:
    x: float
    y: float
    w: float
    h: float
    label: str
    value: int


@dataclass(slots=True)
class TimeChart:
    columns: list[Column] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)  # x, label under the axis
    ymax: int = 0
    width: int = WIDTH
    height: int = HEIGHT
    pad_left: int = PAD_LEFT
    base: float = HEIGHT - PAD_BOTTOM

    @property
    def empty(self) -> bool:
        return not self.columns


def time_chart(points: list[dict[str, Any]], *, key: str = "date", value: str = "count",
               max_ticks: int = 8) -> TimeChart:
    """Columns for dated counts (already sorted by date); at most ``max_ticks`` axis labels."""
    pts = [p for p in points if p.get(key)]
    chart = TimeChart()
    if not pts:
        return chart
    chart.ymax = max(int(p[value]) for p in pts) or 1
    inner_w = WIDTH - PAD_LEFT - 4
    inner_h = HEIGHT - PAD_BOTTOM - PAD_TOP
    # a handful of points must not become slabs: columns are at most 60 units wide, left-aligned
    step = min(inner_w / len(pts), 60.0)
    gap = min(2.0, step * 0.2)
    for i, p in enumerate(pts):
        h = inner_h * int(p[value]) / chart.ymax
        x = PAD_LEFT + i * step
        chart.columns.append(Column(round(x + gap / 2, 2), round(chart.base - h, 2), round(step - gap, 2),
                                    round(h, 2), str(p[key]), int(p[value])))
    every = max(1, -(-len(pts) // max_ticks))  # ceil division
    chart.ticks = [(round(c.x + c.w / 2, 2), c.label) for c in chart.columns[::every]]
    return chart


@dataclass(slots=True)
class Bar:
    label: str
    value: int
    pct: float  # bar length as % of the longest
    href: str | None = None
    note: str | None = None


def bar_list(items: list[dict[str, Any]], *, label: str = "name", value: str = "count",
             href: str | None = None, note: str | None = None) -> list[Bar]:
    """Horizontal bars for a ranked list; ``href`` is a format string over the item (``/entities/{id}``)."""
    if not items:
        return []
    top = max(int(it.get(value) or 0) for it in items) or 1
    out = []
    for it in items:
        v = int(it.get(value) or 0)
        fields = [f for _, f, _, _ in Formatter().parse(href or "") if f]
        # an item missing a linked field (an article with no outlet) is shown, not linked
        link = (href.format(**{k: url_part(v2) for k, v2 in it.items()})
                if href and all(it.get(f) is not None for f in fields) else None)
        out.append(Bar(str(it.get(label) or it.get("value") or "(unknown)"), v, round(100 * v / top, 1), link,
                       str(it[note]) if note and it.get(note) else None))
    return out


def url_part(value: Any) -> str:
    """``value`` quoted for a URL path segment or query value (":" kept: entity ids read better)."""
    from urllib.parse import quote

    return quote(str(value), safe=":") if value is not None else ""
