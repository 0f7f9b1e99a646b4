"""The trained spaCy NER model: found, loaded once per process, run in batches.

The model ships in ``warta/models/ner-id`` (trained by ``warta train ner``; see its
``EVALUATION.md``). It is loaded lazily, the first time an article needs it, so importing
Warta or running ``warta --help`` stays fast; then it is cached per path for the process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from warta.errors import ConfigError

DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "models" / "ner-id"


@cache
def load_model(path: str | None = None) -> Any:
    """The spaCy pipeline at ``path`` (default: the bundled model), loaded once."""
    import spacy

    where = Path(path) if path else DEFAULT_MODEL
    if not (where / "meta.json").is_file():
        raise ConfigError(
            f"no NER model at {where}: train one with `warta train ner --data DIR --output {where}` "
            "or set [stages.entities] model = PATH"
        )
    return spacy.load(where)


def ner_spans(nlp: Any, texts: Iterable[str], batch_size: int = 16) -> Iterator[list[tuple[int, int, str]]]:
    """Character spans ``(start, end, label)`` per text, streaming through ``nlp.pipe``."""
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield [(e.start_char, e.end_char, e.label_) for e in doc.ents]
