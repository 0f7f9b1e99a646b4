"""Warta: news intelligence for Indonesian news.

The public API is what ``__all__`` lists (guarded by ``tests/test_public_api.py``)::

    import warta
    for item in warta.analyze(["berita/"]):
        ...
"""

from warta.api import analyze, ingest, search, stats
from warta.article import Article, Entity, Quantity, Quote, Reject, Span, Speaker, TimeExpr
from warta.config import Settings, load_settings
from warta.errors import InputError, StageError, StoreError, WartaError
from warta.pipeline import Pipeline, load_pipeline, pipe
from warta.registry import register_stage

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Entity",
    "InputError",
    "Pipeline",
    "Quantity",
    "Quote",
    "Reject",
    "Settings",
    "Span",
    "Speaker",
    "StageError",
    "StoreError",
    "TimeExpr",
    "WartaError",
    "__version__",
    "analyze",
    "ingest",
    "load_pipeline",
    "load_settings",
    "pipe",
    "register_stage",
    "search",
    "stats",
]
