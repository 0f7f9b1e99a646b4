"""Stages register here by name; the pipeline looks them up by name.

A stage is anything callable as ``stage(article) -> Article``. It is registered with what
it ``reads`` and what it ``adds`` (field names of :class:`warta.article.Article`), and a
version that is recorded in ``Article.annotated_by`` so stored annotations say which code
made them::

    from warta.registry import register_stage

    @register_stage("tone", version="warta.tone.v1", reads=("text",), adds=("tone",))
    class ToneReader:
        def __init__(self, lexicon: str = "inset") -> None: ...
        def __call__(self, article: Article) -> Article: ...

Classes are instantiated with the stage's settings (``[stages.tone]`` in the config);
plain functions are used as they are. Built-in stages live in modules listed in
``BUILTIN_MODULES`` and are imported only when first asked for, so ``warta --help`` stays
fast and a reader's heavy model loads only when the reader is used. Third-party stages
register through the ``warta.stages`` entry-point group.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

from warta.article import ARTICLE_FIELDS, Article
from warta.errors import ConfigError

StageFn = Callable[[Article], Article]

#: name -> module that registers it on import
BUILTIN_MODULES: dict[str, str] = {
    "language": "warta.readers.language",
    "entities": "warta.readers.entities",
    "times": "warta.readers.time",
    "quantities": "warta.readers.numbers",
    "quotes": "warta.readers.quotes",
}


@dataclass(frozen=True)
class StageSpec:
    name: str
    version: str
    reads: tuple[str, ...]
    adds: tuple[str, ...]
    factory: Callable[..., StageFn] | StageFn
    is_class: bool
    # fields the stage uses when present but does not need (quotes use entities if there)
    uses: tuple[str, ...] = field(default=())

    def build(self, **settings: Any) -> StageFn:
        if self.is_class:
            return self.factory(**settings)  # type: ignore[call-arg]
        if settings:
            raise ConfigError(f"stage {self.name!r} is a plain function and takes no settings, got {sorted(settings)}")
        return self.factory  # type: ignore[return-value]


_REGISTRY: dict[str, StageSpec] = {}


def register_stage(
    name: str,
    *,
    version: str,
    reads: Iterable[str],
    adds: Iterable[str],
    uses: Iterable[str] = (),
) -> Callable[[Any], Any]:
    """Decorator registering a stage class or function under ``name``."""
    reads_t, adds_t, uses_t = tuple(reads), tuple(adds), tuple(uses)
    unknown = (set(reads_t) | set(adds_t) | set(uses_t)) - ARTICLE_FIELDS
    if unknown:
        raise ConfigError(f"stage {name!r} declares unknown Article fields {sorted(unknown)}")

    def decorator(obj: Any) -> Any:
        _REGISTRY[name] = StageSpec(name, version, reads_t, adds_t, obj, isinstance(obj, type), uses_t)
        return obj

    return decorator


def get_stage(name: str) -> StageSpec:
    """The spec registered under ``name``, importing its module on first use."""
    if name not in _REGISTRY and name in BUILTIN_MODULES:
        importlib.import_module(BUILTIN_MODULES[name])
    if name not in _REGISTRY:
        for ep in entry_points(group="warta.stages"):
            if ep.name == name:
                ep.load()
    if name not in _REGISTRY:
        known = sorted(set(_REGISTRY) | set(BUILTIN_MODULES))
        raise ConfigError(f"no stage named {name!r}; known stages: {', '.join(known)}")
    return _REGISTRY[name]


def registered_stages() -> list[str]:
    return sorted(set(_REGISTRY) | set(BUILTIN_MODULES))
