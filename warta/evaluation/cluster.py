"""Evaluate and tune event/story clustering; the gate is the dev gold set (``events-dev.jsonl``).

Scores come from the project's own ``score.py`` (imported by path, never copied): B-cubed and
pairwise P/R/F1 for events and stories. The gate is pairwise F1; B-cubed F1 must beat the
all-singletons baseline, which on so sparse a feed is already high.

Tuning (``tune``) fits the two pair models of :mod:`warta.cluster.model` with scikit-learn's
logistic regression on the candidate pairs the streaming clusterer actually scores, gathered
by replaying a labelled stream with gold decisions (an oracle), then picks each threshold by
pairwise F1. What it fits on is a choice (``train``): our own labelled months
(:mod:`warta.evaluation.cluster_train`, the default, leaving dev as a true held-out set), the
dev gold, or both. It also runs 5-fold cross-validation on the training set with folds
grouped by story: each fold's models are fitted on the other folds' articles and scored on
its own articles, clustered alone. ``miss_causes`` says, for the test folds' gold same-event
pairs, whether a missed pair was never a candidate or was one the event model turned down.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from warta.article import Article
from warta.cluster.features import ArticleFeatures, Featurizer
from warta.cluster.model import EVENT_MODEL, STORY_MODEL, PairModel
from warta.cluster.stream import StreamClusterer, cluster_articles, stream_order
from warta.errors import UsageError
from warta.evaluation.gold import load_scorer

#: Inverse L2 strength of each logistic regression (scikit-learn's ``C``). Chosen on our own
#: labels (2026-11-23, final features, events pairwise F1 by month = mean of fit June → test
#: July and the reverse): events C 0.1 → 0.451, 0.3 → 0.495, 1.0 → 0.489 (story-grouped
#: 5-fold: 0.416 / 0.541 / 0.500). Stories, by month: C 0.3 → 0.435, 1.0 → 0.435, 3.0 → 0.438,
#: a tie, so 1.0 stays (5-fold prefers 0.3, 0.591 vs 0.542, but pooled story folds flatter
#: extra links; see docs/clustering.md). The dev gold played no part.
EVENT_C = 0.3
STORY_C = 1.0
THRESHOLD_GRID = [round(0.05 * i, 2) for i in range(2, 20)] + [0.97, 0.98, 0.99]


@dataclass(frozen=True)
class GoldArticle:
    article: Article
    event: str
    story: str


def load_events_gold(path: Path) -> list[GoldArticle]:
    """The labelled articles of ``events-dev.jsonl``, read by ingest exactly as ``warta cluster`` reads them."""
    from warta.ingest import read_inputs

    if not path.is_file():
        raise UsageError(f"no event gold at {path}: point --gold at the shared/gold folder")
    labels = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                labels[rec["id"]] = (rec["event"], rec["story"])
    out = []
    for item in read_inputs([str(path)]):
        if isinstance(item, Article) and item.id in labels:
            out.append(GoldArticle(item, *labels[item.id]))
    return out


def cluster(articles: Sequence[Article], event_model: PairModel = EVENT_MODEL,
            story_model: PairModel = STORY_MODEL) -> dict[str, tuple[str, str]]:
    """article id -> (event, story), clustering in publication order."""
    return {a.article_id: (a.event, a.story) for a in cluster_articles(articles, event_model, story_model)}


def featurize(articles: Sequence[Article]) -> list[ArticleFeatures]:
    """Features in stream order. They depend only on the articles, so tuning computes them once."""
    feat = Featurizer()
    return [feat(a) for a in stream_order(articles)]


def cluster_features(feats: Sequence[ArticleFeatures], event_model: PairModel,
                     story_model: PairModel) -> dict[str, tuple[str, str]]:
    clusterer = StreamClusterer(event_model, story_model)
    return {a.article_id: (a.event, a.story) for a in map(clusterer.add_features, feats)}


#: Why a same-event pair (later article, earlier article) was missed, in the order checked.
MISS_CAUSES = ("found", "out of window", "not a candidate", "candidate, started a new event",
               "candidate, joined another event")


def miss_causes(gold: Sequence[GoldArticle], feats: Sequence[ArticleFeatures], event_model: PairModel,
                story_model: PairModel) -> Counter[str]:
    """For every gold same-event pair, why the streaming clusterer did or did not link it.

    A pair is "found" when both land in one predicted event; else the earlier article had
    been forgotten (outside the event window), was not among the candidates the inverted
    index returned (query terms, posting and candidate caps), or was a candidate the event
    model did not join: the later article then started a new event or joined another one.
    Tells candidate generation apart from the decision model (docs/clustering.md, fourth pass).
    """
    labels = {g.article.id: g.event for g in gold}
    clusterer = StreamClusterer(event_model, story_model)
    query = clusterer.article_index.query
    remembered: dict[str, set[str]] = {}
    candidates: dict[str, set[str]] = {}
    current = [""]

    def recording_query(terms: Any, now: float, limit: int) -> list[str]:
        found = query(terms, now, limit)
        candidates[current[0]] = set(found)
        remembered[current[0]] = set(clusterer.articles)  # after the clusterer's eviction
        return found

    clusterer.article_index.query = recording_query  # type: ignore[method-assign]
    pred: dict[str, str] = {}
    order: list[str] = []
    for f in feats:
        current[0] = f.id
        pred[f.id] = clusterer.add_features(f).event
        order.append(f.id)
    out: Counter[str] = Counter({c: 0 for c in MISS_CAUSES})
    for i, a in enumerate(order):
        earlier_events = {pred[b] for b in order[:i]}
        for b in order[:i]:
            if labels.get(a) is None or labels.get(a) != labels.get(b):
                continue
            if pred[a] == pred[b]:
                out["found"] += 1
            elif b not in remembered.get(a, ()):
                out["out of window"] += 1
            elif b not in candidates.get(a, ()):
                out["not a candidate"] += 1
            elif pred[a] in earlier_events:
                out["candidate, joined another event"] += 1
            else:
                out["candidate, started a new event"] += 1
    return out


def score(gold: Sequence[GoldArticle], pred: dict[str, tuple[str, str]], scorer: Any) -> dict[str, tuple[float, ...]]:
    """{"event"|"story": (B3 P, R, F1, pairwise P, R, F1, gold clusters, predicted clusters)}."""
    out = {}
    for level, k in (("event", 0), ("story", 1)):
        g = {x.article.id: (x.event if k == 0 else x.story) for x in gold}
        p = {x.article.id: pred.get(x.article.id, ("missing-" + x.article.id,) * 2)[k] for x in gold}
        out[level] = (*scorer.bcubed(g, p), *scorer.pairwise(g, p), float(len(set(g.values()))),
                      float(len(set(p.values()))))
    return out


def singleton_baseline(gold: Sequence[GoldArticle], scorer: Any) -> dict[str, tuple[float, ...]]:
    return score(gold, {x.article.id: (x.article.id, x.article.id) for x in gold}, scorer)


def evaluate(gold_root: Path, gold_file: str = "events-dev.jsonl") -> dict[str, dict[str, tuple[float, ...]]]:
    """Scores of the shipped models on the dev set, and of the all-singletons baseline."""
    scorer = load_scorer(gold_root)
    gold = load_events_gold(gold_root / gold_file)
    pred = cluster([g.article for g in gold])
    return {"system": score(gold, pred, scorer), "singletons": singleton_baseline(gold, scorer)}


# -- tuning ------------------------------------------------------------------------------
def collect_pairs(gold: Sequence[GoldArticle], feats: Sequence[ArticleFeatures]
                  ) -> dict[str, tuple[list[list[float]], list[int]]]:
    """Replay the gold stream with gold decisions and record every scored candidate pair."""
    labels = {g.article.id: (g.event, g.story) for g in gold}
    data: dict[str, tuple[list[list[float]], list[int]]] = {"event": ([], []), "story": ([], [])}

    def record(level: str, x: list[float], same: bool) -> None:
        data[level][0].append(x)
        data[level][1].append(int(same))

    clusterer = StreamClusterer(oracle=labels.__getitem__, recorder=record)
    for f in feats:
        clusterer.add_features(f)
    return data


def fit_model(xs: list[list[float]], ys: list[int], c: float = 1.0) -> PairModel:
    from sklearn.linear_model import LogisticRegression

    if len(set(ys)) < 2:
        raise UsageError("tuning needs both linked and unlinked candidate pairs in the gold set")
    lr = LogisticRegression(C=c, class_weight="balanced", max_iter=1000).fit(xs, ys)
    return PairModel(tuple(round(float(w), 3) for w in lr.coef_[0]), round(float(lr.intercept_[0]), 3), 0.5)


def _pick_threshold(gold: Sequence[GoldArticle], feats: Sequence[ArticleFeatures], scorer: Any, level: str,
                    event_model: PairModel, story_model: PairModel) -> float:
    best = (-1.0, 0.5)
    for thr in THRESHOLD_GRID:
        em = replace(event_model, threshold=thr) if level == "event" else event_model
        sm = replace(story_model, threshold=thr) if level == "story" else story_model
        f1 = score(gold, cluster_features(feats, em, sm), scorer)[level][5]
        best = max(best, (f1, -thr))  # ties: the higher threshold (fewer links)
    return -best[1]


def fit(gold: Sequence[GoldArticle], scorer: Any, event_c: float = EVENT_C,
        story_c: float = STORY_C) -> tuple[PairModel, PairModel]:
    """Both pair models with their thresholds, from ``gold`` alone."""
    feats = featurize([g.article for g in gold])
    pairs = collect_pairs(gold, feats)
    event_model = fit_model(*pairs["event"], c=event_c)
    story_model = fit_model(*pairs["story"], c=story_c)
    event_model = replace(event_model,
                          threshold=_pick_threshold(gold, feats, scorer, "event", event_model, story_model))
    story_model = replace(story_model,
                          threshold=_pick_threshold(gold, feats, scorer, "story", event_model, story_model))
    return event_model, story_model


def story_folds(gold: Sequence[GoldArticle], k: int = 5, seed: int = 13) -> list[list[GoldArticle]]:
    """``k`` folds with whole stories in each (so no thread is split between fit and test)."""
    stories = sorted({g.story for g in gold})
    random.Random(seed).shuffle(stories)
    fold_of = {s: i % k for i, s in enumerate(stories)}
    return [[g for g in gold if fold_of[g.story] == i] for i in range(k)]


def month_folds(gold: Sequence[GoldArticle]) -> list[list[GoldArticle]]:
    """One fold per labelled month (by the IndoSum id's timestamp): each is tested as a whole
    month's stream, with all its unrelated threads, as the dev gold is."""
    from warta.evaluation.cluster_train import id_month

    months = sorted({id_month(g.article.id) for g in gold})
    if len(months) < 2:
        raise UsageError("--folds month needs a training set of at least two labelled months (e.g. --train own)")
    return [[g for g in gold if id_month(g.article.id) == m] for m in months]


#: How ``tune`` cross-validates: folds of whole stories, or one fold per labelled month.
FOLDINGS = ("story", "month")

#: What ``tune`` may fit on: our own labelled months (warta/data/cluster_train), the dev gold, or both.
TRAIN_SETS = ("own", "dev", "own+dev")


def training_set(train: str, dev: list[GoldArticle], indosum: Path | None) -> list[GoldArticle]:
    """The labelled articles named by ``train`` (one of :data:`TRAIN_SETS`)."""
    if train not in TRAIN_SETS:
        raise UsageError(f"unknown training set {train!r}: use one of {', '.join(TRAIN_SETS)}")
    if train == "dev":
        return list(dev)
    if indosum is None:
        raise UsageError("fitting on our own labels needs the IndoSum dev folds: pass --data or set WARTA_DATA")
    from warta.evaluation.cluster_train import load_training_set

    own = load_training_set(indosum)
    return own + list(dev) if train == "own+dev" else own


def tune(gold_root: Path, k: int = 5, gold_file: str = "events-dev.jsonl", train: str = "own",
         indosum: Path | None = None, event_c: float = EVENT_C, story_c: float = STORY_C,
         folds_by: str = "story") -> dict[str, Any]:
    """Fit on the ``train`` set, report its cross-validation and the score on dev.

    With ``train="own"`` the dev gold plays no part in fitting, so its score is a true held-out
    figure; with ``"dev"`` or ``"own+dev"`` it is a self-fit (the CV figure is then the guide).
    ``folds_by="story"``: k folds of whole stories, pooled (each fold has fewer unrelated
    threads than a real month, which flatters story precision); ``"month"``: fit on the other
    labelled months, test on each whole month.
    """
    if folds_by not in FOLDINGS:
        raise UsageError(f"unknown folding {folds_by!r}: use one of {', '.join(FOLDINGS)}")
    scorer = load_scorer(gold_root)
    dev = load_events_gold(gold_root / gold_file)
    gold = training_set(train, dev, indosum)
    folds = story_folds(gold, k) if folds_by == "story" else month_folds(gold)
    cv: list[dict[str, tuple[float, ...]]] = []
    pooled: dict[str, tuple[str, str]] = {}
    causes: Counter[str] = Counter()
    for i, test in enumerate(folds):
        rest = [g for j, f in enumerate(folds) if j != i for g in f]
        em, sm = fit(rest, scorer, event_c, story_c)
        test_feats = featurize([g.article for g in test])
        pred = cluster_features(test_feats, em, sm)
        causes.update(miss_causes(test, test_feats, em, sm))
        cv.append(score(test, pred, scorer))
        # Pooled: every fold's clusters, kept apart by fold, scored as one clustering of dev.
        pooled.update({k: (f"{i}:{e}", f"{i}:{s}") for k, (e, s) in pred.items()})
    em, sm = fit(gold, scorer, event_c, story_c)
    full = score(gold, cluster_features(featurize([g.article for g in gold]), em, sm), scorer)
    on_dev = full if train == "dev" else score(dev, cluster_features(featurize([g.article for g in dev]), em, sm),
                                               scorer)
    return {"event_model": em, "story_model": sm, "fit": full, "cv_pooled": score(gold, pooled, scorer),
            "cv_folds": cv, "cv_miss_causes": causes, "dev": on_dev, "dev_held_out": "dev" not in train,
            "n_train": len(gold)}
