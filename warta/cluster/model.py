"""Pair features and the two small decision models (same event? same story?).

Each decision is a logistic regression over a handful of pair features, fitted on the dev
gold set (``../shared/gold/events-dev.jsonl``) by ``warta eval cluster --tune`` (see
:func:`warta.evaluation.cluster.tune`). The weights below are the ones that command printed;
the thresholds were chosen by 5-fold cross-validation over stories (folds never share a
story, so no fold sees another fold's threads) to maximise pairwise F1, as recorded in
``docs/clustering.md``. Re-run the command after changing a feature and paste its output.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from warta.cluster.features import ArticleFeatures, SparseVec, day_gap

EVENT_FEATURES = ("text_cos", "names_cos", "log_gap_days", "same_outlet", "same_outlet_same_day",
                  "event_text_cos", "log_event_span_days", "lead_cos", "shares_date", "dates_disjoint")
STORY_FEATURES = ("event_text_cos", "story_text_cos", "event_names_cos", "story_names_cos", "log_gap_days")


def event_pair_features(a: ArticleFeatures, b: ArticleFeatures, event_text: SparseVec,
                        event_first: float | None) -> list[float]:
    """Features of (new article, earlier article and its event) for the same-event decision.

    The event's centroid and span temper single-link chaining: an article close to the last
    article of a thread but not to the event as a whole, or that would stretch the event over
    many days, is less likely the same happening.
    """
    gap = day_gap(a.time, b.time)
    same_outlet = float(a.outlet is not None and a.outlet == b.outlet)
    return [
        a.text.dot(b.text),
        a.names.dot(b.names),
        math.log1p(gap),
        same_outlet,
        same_outlet * float(gap < 1.0),
        a.text.dot(event_text),
        math.log1p(day_gap(a.time, event_first)),
        a.lead.dot(b.lead),
        # Both name the day of what they report: the same day is strong evidence, only
        # different days is evidence against (a follow-up, or the next match).
        float(bool(a.dates & b.dates)),
        float(bool(a.dates) and bool(b.dates) and not (a.dates & b.dates)),
    ]


def story_pair_features(
    text: SparseVec, names: SparseVec, time: float | None,
    event_text: SparseVec, event_names: SparseVec, story_text: SparseVec, story_names: SparseVec,
    last_time: float | None,
) -> list[float]:
    """Features of (a new event's first article, an earlier event and its story)."""
    return [
        text.dot(event_text),
        text.dot(story_text),
        names.dot(event_names),
        names.dot(story_names),
        math.log1p(day_gap(time, last_time)),
    ]


@dataclass(frozen=True)
class PairModel:
    """Logistic regression: P(same) = sigmoid(w·x + b); link when P >= threshold."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    def prob(self, x: list[float]) -> float:
        z = self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# Fitted by `warta eval cluster --tune --gold ../shared/gold` (2026-11-23); see module docstring.
EVENT_MODEL = PairModel(weights=(3.257, 4.36, -1.628, -0.717, -0.215, 4.521, 1.797, 5.401, 0.999, -0.387),
                        bias=-2.984, threshold=0.9)
STORY_MODEL = PairModel(weights=(4.398, 9.65, 2.719, 6.837, -0.211), bias=-2.006, threshold=0.8)
