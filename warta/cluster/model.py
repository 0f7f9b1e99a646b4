"""Pair features and the two small decision models (same event? same story?).

Each decision is a logistic regression over a handful of pair features, fitted on the dev
gold set (``../shared/gold/events-dev.jsonl``) by ``warta eval cluster --tune`` (see
:func:`warta.evaluation.cluster.tune`): scikit-learn's ``LogisticRegression`` (balanced
classes) on every candidate pair the clusterer scores when the gold stream is replayed, then
each threshold picked on a grid by pairwise F1 of the whole streaming clustering. The same
command reports 5-fold cross-validation grouped by story (no story in both fit and test), to
show how much of the dev figure is fitted to these 309 articles (docs/clustering.md).
Re-run it after changing a feature and paste the two models it prints below.
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
EVENT_MODEL = PairModel(weights=(2.756, 3.855, -2.107, -0.76, -0.004, 3.329, 2.234, 4.583, 1.052, -0.357),
                        bias=-2.729, threshold=0.95)
STORY_MODEL = PairModel(weights=(4.277, 7.3, 3.384, 5.4, -0.119), bias=-2.152, threshold=0.7)
