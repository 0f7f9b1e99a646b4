"""Outlet comparison for one event: who covered it, when, what each has that others lack,
and which words each outlet prefers.

- *Exclusive items* are quotes, numbers and names that appear in one outlet's articles and in
  no other outlet's. Quotes and numbers come from the quote and number readers when they ran,
  else from quotation marks and digits in the text (so the comparison works on raw input).
- *Distinctive terms* are ranked by the weighted log-odds ratio with an informative Dirichlet
  prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words"): the prior is the event's pooled
  word counts, so a word must be used by an outlet markedly more than by the others, not just
  often. This is what surfaces "invasi" against "operasi militer khusus".
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from warta.article import Article
from warta.cluster.features import names, strip_dateline, tokens

_QUOTE = re.compile(r"[\"“]([^\"“”]{12,400})[\"”]")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?:\s?(?:%|persen|juta|miliar|triliun|ribu|orang|ton|km|kg))?")
#: Terms reported per outlet, and the z-score above which a term counts as distinctive.
#: An event has a handful of articles, so counts are small and the 5% level (z 1.96) is
#: out of reach for a word used twice against never; z >= 1 (one standard deviation) is a
#: reporting cut-off that keeps such words and drops words both sides use alike.
N_TERMS = 8
MIN_Z = 1.0
#: The prior is the pooled counts scaled by this: a weak prior (a tenth of the event's words)
#: lets a handful of articles speak while words both sides use often still shrink to z ≈ 0.
PRIOR_SCALE = 0.1


@dataclass
class OutletCoverage:
    outlet: str
    articles: list[str]
    first: str | None
    last: str | None
    quotes: list[str] = field(default_factory=list)  # quotes no other outlet carries
    numbers: list[str] = field(default_factory=list)  # numbers no other outlet reports
    names: list[str] = field(default_factory=list)  # names no other outlet mentions
    distinctive_terms: list[tuple[str, float]] = field(default_factory=list)  # (term, z)


def _quotes(a: Article) -> set[str]:
    if a.quotes:
        return {q.text.strip() for q in a.quotes}
    return {m.group(1).strip() for m in _QUOTE.finditer(a.text)}


def _numbers(a: Article) -> set[str]:
    if a.quantities:
        return {q.text.strip() for q in a.quantities}
    return {m.group(0).strip() for m in _NUMBER.finditer(strip_dateline(a.text))}


def _terms(a: Article) -> list[str]:
    toks = tokens(strip_dateline(((a.title or "") + "\n") + a.text))
    return toks + [f"{x} {y}" for x, y in itertools.pairwise(toks)]


def fightin_words(counts: Counter[str], others: Counter[str], prior: Counter[str],
                  prior_scale: float = PRIOR_SCALE) -> list[tuple[str, float]]:
    """Terms over-used in ``counts`` versus ``others``: (term, z) with z > 0, best first."""
    n1, n2, a0 = sum(counts.values()), sum(others.values()), sum(prior.values()) * prior_scale
    out = []
    for term, c1 in counts.items():
        a = prior[term] * prior_scale
        c2 = others.get(term, 0)
        if a <= 0:
            continue
        l1 = math.log((c1 + a) / (n1 + a0 - c1 - a))
        l2 = math.log((c2 + a) / (n2 + a0 - c2 - a)) if n2 + a0 - c2 - a > 0 else 0.0
        var = 1.0 / (c1 + a) + 1.0 / (c2 + a)
        out.append((term, (l1 - l2) / math.sqrt(var)))
    return sorted((t for t in out if t[1] > 0), key=lambda t: -t[1])


def compare_outlets(articles: Sequence[Article]) -> list[OutletCoverage]:
    """Per outlet (in order of first coverage): its articles, dates, exclusives and wording."""
    groups: dict[str, list[Article]] = {}
    for a in sorted(articles, key=lambda a: a.published or "~"):
        groups.setdefault(a.outlet or a.source or "unknown", []).append(a)
    per_outlet = {
        o: {
            "quotes": set().union(*(_quotes(a) for a in arts)),
            "numbers": set().union(*(_numbers(a) for a in arts)),
            "names": set().union(*(set(names(a)) for a in arts)),
            "terms": Counter(t for a in arts for t in _terms(a)),
        }
        for o, arts in groups.items()
    }
    pooled: Counter[str] = Counter()
    for v in per_outlet.values():
        pooled.update(v["terms"])
    out = []
    for outlet, arts in groups.items():
        mine = per_outlet[outlet]
        others = [v for o, v in per_outlet.items() if o != outlet]

        def exclusive(key: str, mine: dict = mine, others: list = others) -> list[str]:
            seen_elsewhere = set().union(*(o[key] for o in others)) if others else set()
            return sorted(mine[key] - seen_elsewhere)

        terms: list[tuple[str, float]] = []
        if others:
            rest: Counter[str] = Counter()
            for o in others:
                rest.update(o["terms"])
            terms = [(t, round(z, 2)) for t, z in fightin_words(mine["terms"], rest, pooled) if z >= MIN_Z]
        published = [a.published for a in arts if a.published]
        out.append(OutletCoverage(
            outlet=outlet, articles=[a.id for a in arts],
            first=min(published) if published else None, last=max(published) if published else None,
            quotes=exclusive("quotes") if others else [], numbers=exclusive("numbers") if others else [],
            names=exclusive("names") if others else [], distinctive_terms=terms[:N_TERMS],
        ))
    return out
