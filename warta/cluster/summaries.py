"""Extractive summaries (LexRank with a lead prior and MMR) and titles for events and stories.

1. Sentences of every article are weighed with TF-IDF fitted on those sentences alone (a
   summary is local: no corpus statistics needed).
2. LexRank (Erkan & Radev 2004): PageRank over the sentence cosine-similarity graph gives
   each sentence its centrality.
3. News puts the happening first, so centrality is multiplied by a lead prior that decays
   with the sentence's position in its article.
4. Maximal Marginal Relevance picks sentences one by one, trading score against similarity
   to what is already picked, so several outlets' versions of one fact appear once.

``LEAD_DECAY`` (0.3, 1, 3), ``N_SENTENCES`` (2, 3, 4) and ``MMR_LAMBDA`` (0.5, 0.7, 0.85, 1.0) were
tuned on the first 150 articles of IndoSum dev fold 1 by ROUGE-1 F1
(``evaluate_indosum(folder, limit=150, folds=(1,), ...)``); the figure we report is on folds
2–5 (``warta eval summary``), see docs/clustering.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from warta.article import Article
from warta.cluster.features import names, sentences, strip_dateline, tokens

#: Weight of a sentence at position i in its article: 1 / (1 + LEAD_DECAY * i).
LEAD_DECAY = 1.0
#: MMR trade-off between a sentence's score (1.0) and novelty (0.0).
MMR_LAMBDA = 0.85
#: Sentences in a summary. IndoSum's reference summaries have 3 sentences most often.
N_SENTENCES = 3
DAMPING = 0.85
#: A sentence this similar (cosine) to one already picked says the same thing: never picked.
#: MMR alone does not stop it when two outlets open with the same fact, since both leads get
#: the full lead prior. 0.5 is the usual "subsumption" cut of multi-document LexRank; it
#: changes ROUGE-1 on IndoSum dev fold 1 by < 0.1 (single documents rarely repeat).
MAX_REDUNDANCY = 0.5
#: Sentences shorter than this many content tokens are captions, bylines or page noise.
MIN_TOKENS = 4


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    article: int  # index of the document it came from
    position: int  # index within that document


def lexrank(sim: np.ndarray, damping: float = DAMPING, iters: int = 50) -> np.ndarray:
    """Continuous LexRank: stationary distribution of the row-normalised similarity graph."""
    n = sim.shape[0]
    if n == 0:
        return np.zeros(0)
    w = sim.copy()
    np.fill_diagonal(w, 0.0)
    rows = w.sum(axis=1, keepdims=True)
    trans = np.divide(w, rows, out=np.full_like(w, 1.0 / n), where=rows > 0)
    score = np.full(n, 1.0 / n)
    for _ in range(iters):
        new = (1 - damping) / n + damping * trans.T @ score
        if np.abs(new - score).sum() < 1e-8:
            return new
        score = new
    return score


def _similarity(texts: Sequence[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=tokens, sublinear_tf=True)
    try:
        mat = vec.fit_transform(texts)
    except ValueError:  # no content words at all
        return np.zeros((len(texts), len(texts)))
    return (mat @ mat.T).toarray()


def rank(docs: Sequence[Sequence[str]], k: int = N_SENTENCES, lead_decay: float = LEAD_DECAY,
         mmr_lambda: float = MMR_LAMBDA) -> list[Sentence]:
    """The ``k`` best sentences of one or more documents (each a list of sentences), in pick order."""
    cands = [Sentence(s, d, i) for d, doc in enumerate(docs) for i, s in enumerate(doc)
             if len(tokens(s)) >= MIN_TOKENS]
    if not cands:
        return []
    sim = _similarity([c.text for c in cands])
    central = lexrank(sim) * len(cands)
    prior = np.array([1.0 / (1.0 + lead_decay * c.position) for c in cands])
    score = central * prior
    score = score / score.max() if score.max() > 0 else score
    chosen: list[int] = []
    while len(chosen) < min(k, len(cands)):
        best, best_val = -1, -np.inf
        for i in range(len(cands)):
            if i in chosen:
                continue
            redundancy = max((sim[i, j] for j in chosen), default=0.0)
            if redundancy > MAX_REDUNDANCY:
                continue
            val = mmr_lambda * score[i] - (1 - mmr_lambda) * redundancy
            if val > best_val:
                best, best_val = i, val
        if best < 0:
            break  # everything left repeats what is picked
        chosen.append(best)
    return [cands[i] for i in chosen]


def article_sentences(article: Article) -> list[str]:
    return sentences(strip_dateline(article.text))


def summarise(articles: Sequence[Article], k: int = N_SENTENCES) -> list[str]:
    """Extractive summary of an event or story: ``k`` sentences, ordered by article time and position."""
    picked = rank([article_sentences(a) for a in articles], k)
    return [s.text for s in sorted(picked, key=lambda s: (s.article, s.position))]


def title_for(articles: Sequence[Article]) -> str:
    """A title from the articles: the most central one's title, else its first sentence (shortened)."""
    if not articles:
        return ""
    leads = [(a.title or (article_sentences(a) or [a.text])[0]) for a in articles]
    if len(articles) > 1:
        central = lexrank(_similarity(leads))
        best = int(np.argmax(central))
    else:
        best = 0
    words = leads[best].split()
    return " ".join(words[:16]) + (" …" if len(words) > 16 else "")


def main_names(articles: Sequence[Article], n: int = 5) -> list[str]:
    """The names most articles mention (entity names when the entity reader ran)."""
    counts: Counter[str] = Counter()
    display: dict[str, str] = {}
    for a in articles:
        if a.entities:
            for e in a.entities:
                display.setdefault(e.id.casefold(), e.name)
        seen = set(names(a))
        counts.update(seen)
    return [display.get(k, k.title()) for k, _ in counts.most_common(n)]
