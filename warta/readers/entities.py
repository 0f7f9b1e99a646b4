"""The ``entities`` stage: named entities grouped into canonical entities with stable ids.

The trained NER model (:mod:`warta.readers.ner`) finds PER/ORG/LOC spans; the canonical layer
(:mod:`warta.readers.canonical`) adds countries and abbreviations by lookup, strips titles
into roles and groups every mention of one real-world entity under one id; the article's
credits (authors, source) are added as entities by :mod:`warta.readers.credits`. Settings
(``[stages.entities]``): ``model`` (path of a spaCy model), ``batch_size`` (texts per
``nlp.pipe`` batch).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from warta.article import Article
from warta.readers.canonical import canonical_entities
from warta.readers.credits import add_credit_entities
from warta.readers.ner import load_model, ner_spans
from warta.registry import register_stage


@register_stage("entities", version="warta.entities.v4", reads=("text",), adds=("entities",),
                uses=("authors", "source"))
class EntityReader:
    """Fill ``Article.entities``; the model loads on the first article, once per process."""

    def __init__(self, model: str | None = None, batch_size: int = 16) -> None:
        self.model_path = model
        self.batch_size = batch_size

    def __call__(self, article: Article) -> Article:
        nlp = load_model(self.model_path)
        spans = next(ner_spans(nlp, [article.text], 1))
        article.entities = add_credit_entities(article, canonical_entities(article.text, spans))
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Batch version for callers that hold many articles (benchmarks, evaluation)."""
        nlp = load_model(self.model_path)
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= self.batch_size:
                yield from self._run(nlp, batch)
                batch = []
        if batch:
            yield from self._run(nlp, batch)

    def _run(self, nlp: object, batch: list[Article]) -> Iterator[Article]:
        for art, spans in zip(batch, ner_spans(nlp, [a.text for a in batch], self.batch_size), strict=True):
            art.entities = add_credit_entities(art, canonical_entities(art.text, spans))
            yield art


def extract_entities(text: str, model: str | None = None) -> list:
    """Convenience for one text: ``extract_entities("Presiden Joko Widodo ...")``."""
    return EntityReader(model)(Article(text=text)).entities
