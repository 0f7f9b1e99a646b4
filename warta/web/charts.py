"""Chart geometry computed on the server, drawn as inline SVG by the templates.

Charts are SVG rather than a JavaScript library: they render with no script, print, work
offline and under a strict Content-Security-Policy, and their labels go through the same
autoescaping as every other piece of text. Each function returns plain numbers in a fixed
``viewBox`` coordinate system; the SVG scales to its container.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from string import Formatter
from typing import Any

#: viewBox size of time charts. 900×180 keeps ~120 daily bars at ≥ 5 units wide each.
WIDTH, HEIGHT = 900, 180
PAD_LEFT, PAD_BOTTOM, PAD_TOP = 36, 22, 8
#: Longest span of days drawn day by day (about what 900 units show at ≥ 5 units per bar).
MAX_DAYS = 120
#: Longest span of months drawn month by month (10 years); longer spans are drawn by year.
MAX_MONTHS = 120


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

    @property
    def bucket(self) -> str:
        """What one column stands for, read from its label (after :func:`fill_gaps` regrouping)."""
        n = len(self.columns[0].label) if self.columns else 0
        return {10: "day", 7: "month", 4: "year"}.get(n, "period")


def time_chart(points: list[dict[str, Any]], *, key: str = "date", value: str = "count",
               max_ticks: int = 8) -> TimeChart:
    """Columns for dated counts (already sorted by date); at most ``max_ticks`` axis labels."""
    pts = fill_gaps([p for p in points if p.get(key)], key=key, value=value)
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
    # ceil divisions: at most max_ticks labels, and ≥ 70 units apart so "2025-01-13" labels never overlap
    every = max(1, math.ceil(len(pts) / max_ticks), math.ceil(70 / step))
    chart.ticks = [(round(c.x + c.w / 2, 2), c.label) for c in chart.columns[::every]]
    return chart


def fill_gaps(points: list[dict[str, Any]], *, key: str = "date", value: str = "count") -> list[dict[str, Any]]:
    """Sorted dated counts with the missing days (YYYY-MM-DD) or months (YYYY-MM) as zeros.

    Without this, two quotes a month apart would stand side by side like consecutive days.
    Days spanning more than ``MAX_DAYS`` are summed into months, months spanning more than
    ``MAX_MONTHS`` into years (a stray date from 1970 must not draw 600 empty months).
    """
    if not points:
        return []
    try:
        counts: dict[str, int] = {}
        for p in points:
            counts[str(p[key])] = counts.get(str(p[key]), 0) + int(p[value])
        keys = sorted(counts)
        if all(len(k) == 10 for k in keys):
            first, last = date.fromisoformat(keys[0]), date.fromisoformat(keys[-1])
            if (last - first).days <= MAX_DAYS:
                days = [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
                return [{key: d, value: counts.get(d, 0)} for d in days]
            months: dict[str, int] = {}
            for k, v in counts.items():
                months[k[:7]] = months.get(k[:7], 0) + v
            counts, keys = months, sorted(months)
        if all(len(k) == 7 for k in keys) and _months(keys[0], keys[-1]) > MAX_MONTHS:
            years: dict[str, int] = {}
            for k, v in counts.items():
                years[k[:4]] = years.get(k[:4], 0) + v
            return [{key: str(y), value: years.get(str(y), 0)} for y in range(int(min(years)), int(max(years)) + 1)]
        if all(len(k) == 7 for k in keys):
            y, m = int(keys[0][:4]), int(keys[0][5:7])
            out = []
            while f"{y:04d}-{m:02d}" <= keys[-1]:
                k = f"{y:04d}-{m:02d}"
                out.append({key: k, value: counts.get(k, 0)})
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
            return out
    except ValueError:  # not ISO dates: chart them as given
        pass
    return sorted(points, key=lambda p: str(p[key]))


def _months(first: str, last: str) -> int:
    return (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7])


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
