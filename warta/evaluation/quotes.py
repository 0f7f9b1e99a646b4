"""Evaluate the quote reader: on the dev gold set, and pronoun resolution on COIN coreference.

``score_quotes`` runs the pipeline with ``["quotes"]`` (and ``["entities", "quotes"]`` when an
entities stage is installed) through :func:`warta.evaluation.gold.score_gold`, so the figures
are ``shared/gold/score.py``'s. ``quote_errors`` lines up our quotes with gold per article,
with the scorer's own matching, for reading errors. ``score_coref_pronouns`` checks, on the
COIN coreference corpus (``$WARTA_DATA/coin-coref-id``), that each pronoun or clitic speaker
the reader resolves ("ujarnya", "kata dia", "Menurutnya") points into the annotated
coreference chain of that pronoun.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warta.errors import UsageError, WartaError
from warta.evaluation.gold import load_scorer, score_gold

MEASURES = ("quotes", "quote+speaker")


def score_quotes(gold_root: Path) -> tuple[dict[str, dict[str, tuple[float, ...]]], str | None]:
    """({pipeline label: {"quotes": (P, R, F1), "quote+speaker": (P, R, F1)}}, why the
    entities+quotes run was skipped or None).

    The quotes stage alone is always scored; with the entities stage first when it can be
    built (it needs its trained model), so both figures are reported when available.
    """
    out = {}
    res = score_gold(gold_root, ["quotes"])
    out["quotes"] = {k: res[k] for k in MEASURES}
    skipped = None
    try:
        res = score_gold(gold_root, ["entities", "quotes"])
        out["entities+quotes"] = {k: res[k] for k in MEASURES}
    except (WartaError, ImportError) as exc:
        skipped = f"entities+quotes not scored: {exc}"
    return out, skipped


@dataclass
class ArticleErrors:
    id: str
    missed: list[dict[str, Any]] = field(default_factory=list)  # gold quotes with no match
    spurious: list[dict[str, Any]] = field(default_factory=list)  # our quotes with no match
    wrong_speaker: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)


def quote_errors(gold_root: Path, stages: Sequence[str] = ("quotes",)) -> Iterator[ArticleErrors]:
    """Per article: missed gold quotes, spurious quotes, and matched quotes with the wrong speaker."""
    from warta.evaluation.gold import analyse_gold

    scorer = load_scorer(gold_root)
    for out in analyse_gold(gold_root, stages):
        path = gold_root / "dev" / "gold" / f"{out['id']}.json"
        if not path.is_file():
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        aliases: dict[str, set[str]] = {}
        for e in gold.get("entities", []):
            aliases.setdefault(e["name"], set()).update(e.get("mentions", []))
        gq, pq = gold.get("quotes", []), out.get("quotes", [])
        pairs = scorer.greedy_match(gq, pq, lambda g, p: scorer.dice(g["text"], p.get("text", "")), 0.5)
        errs = ArticleErrors(out["id"])
        gi, pj = {i for i, _ in pairs}, {j for _, j in pairs}
        errs.missed = [g for i, g in enumerate(gq) if i not in gi]
        errs.spurious = [p for j, p in enumerate(pq) if j not in pj]
        for i, j in pairs:
            name = (pq[j].get("speaker") or {}).get("name")
            if not scorer.same_speaker(name, gq[i]["speaker"], aliases.get(gq[i]["speaker"], ())):
                errs.wrong_speaker.append((gq[i], pq[j]))
        yield errs


# --- COIN coreference: pronoun and clitic speakers ----------------------------------------

_MENTION = re.compile(r"[A-Z]+\[(\d+)\]")
_LINK = re.compile(r"[A-Z]+\[(\d+)_(\d+)\]")
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "nya"}


@dataclass
class CorefDoc:
    text: str
    token_spans: list[tuple[int, int]]
    chains: list[set[str]]  # per token: the coreference chains its mentions belong to


def _docs(path: Path) -> Iterator[CorefDoc]:
    """One CorefDoc per ``#Text=`` paragraph of a COIN WebAnno TSV file (its unit of annotation).

    COIN is tokenised ("ujar nya , kata dia"); the text is rebuilt with the clitic "nya"
    joined back to its word and no space before punctuation, as a newspaper prints it, and
    every token keeps its character span in the rebuilt text.
    """
    if not path.is_file():
        raise UsageError(f"COIN coreference file not found: {path}")
    rows: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#Text="):
            if rows:
                yield _build(rows)
            rows = []
            continue
        cols = line.split("\t")
        if len(cols) >= 4 and re.match(r"\d+-\d+$", cols[0]):
            rows.append((cols[2], cols[3]))
    if rows:
        yield _build(rows)


def _build(rows: list[tuple[str, str]]) -> CorefDoc:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, labels in rows:
        for a, b in _LINK.findall(labels):
            parent[find(a)] = find(b)
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    chains: list[set[str]] = []
    pos = 0
    for word, labels in rows:
        glue = not parts or word.lower() in _NO_SPACE_BEFORE
        if parts and not glue:
            parts.append(" ")
            pos += 1
        spans.append((pos, pos + len(word)))
        parts.append(word)
        pos += len(word)
        chains.append({find(m) for m in _MENTION.findall(_LINK.sub("", labels))})
    return CorefDoc("".join(parts), spans, chains)


_PRONOUN_WORDS = {"ia", "dia", "beliau", "nya"}


def score_coref_pronouns(data_dir: Path, split: str = "dev") -> dict[str, float]:
    """Pronoun/clitic speaker resolution checked against COIN's coreference chains.

    A quote counts when its speaker was written as a pronoun or clitic ("ujarnya", "kata
    dia") that COIN puts in a chain, and the reader resolved it to a name. It is correct when
    the last mention of that name before the pronoun (a token holding any word of it) is in
    the pronoun's chain.
    """
    from warta.readers.quotes import find_quotes

    path = data_dir / "coin-coref-id" / f"{split}.tsv"
    pronoun_quotes = checked = correct = 0
    for doc in _docs(path):
        for q in find_quotes(doc.text):
            spk = q.speaker
            if spk is None or spk.start is None or spk.end is None:
                continue
            if doc.text[spk.start:spk.end].lower() not in _PRONOUN_WORDS:
                continue
            pronoun_quotes += 1
            k = next((i for i, (a, b) in enumerate(doc.token_spans) if a <= spk.start and spk.end <= b), None)
            if k is None or not doc.chains[k]:
                continue
            words = {w.lower() for w in spk.name.split()}
            ante = [i for i, (a, _) in enumerate(doc.token_spans)
                    if a < spk.start and doc.text[a:doc.token_spans[i][1]].lower() in words]
            if not ante:
                continue
            checked += 1
            if doc.chains[ante[-1]] & doc.chains[k]:
                correct += 1
    return {
        "pronoun_quotes": float(pronoun_quotes),
        "checked": float(checked),
        "correct": float(correct),
        "accuracy": correct / checked if checked else 0.0,
    }
