"""One typed settings object, validated when loaded.

Defaults ship in ``warta/default.toml``; a user's TOML file overrides only the keys it sets.
Lookup order for the user file: explicit path, ``$WARTA_CONFIG``, ``./warta.toml``.
``$WARTA_DB`` overrides the store path and ``$WARTA_DATA`` names the folder of real corpora
(``../shared/data`` in CI) used by training, evaluation and benchmarks.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from warta.errors import ConfigError


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


@dataclass(frozen=True)
class Settings:
    pipeline: list[str]
    db_path: str
    max_file_bytes: int
    max_article_chars: int
    dedup_threshold: float
    dedup_num_perm: int
    dedup_shingle_size: int
    stages: dict[str, dict[str, Any]] = field(default_factory=dict)
    data_dir: str | None = None
    place_on_ingest: bool = True  # [cluster]: place new articles into events after each ingest

    def __post_init__(self) -> None:
        if not 0.0 < self.dedup_threshold <= 1.0:
            raise ConfigError(f"[dedup] threshold must be in (0, 1], got {self.dedup_threshold}")
        if self.max_file_bytes <= 0 or self.max_article_chars <= 0:
            raise ConfigError("[ingest] limits must be positive")
        if not self.pipeline:
            raise ConfigError("[pipeline] stages must name at least one stage")
        if not isinstance(self.place_on_ingest, bool):
            raise ConfigError(f"[cluster] place_on_ingest must be true or false, got {self.place_on_ingest!r}")


def default_data_dir() -> str | None:
    """$WARTA_DATA, else ../shared/data beside a checkout (CI's layout), else None."""
    env = os.environ.get("WARTA_DATA")
    if env:
        return env
    here = Path(__file__).resolve().parents[2] / "shared" / "data"
    return str(here) if here.is_dir() else None


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    raw = tomllib.loads(files("warta").joinpath("default.toml").read_text(encoding="utf-8"))
    user = path or os.environ.get("WARTA_CONFIG") or ("warta.toml" if Path("warta.toml").is_file() else None)
    if user:
        try:
            raw = _merge(raw, tomllib.loads(Path(user).read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read settings file {user}: {exc}") from exc
    try:
        return Settings(
            pipeline=list(raw["pipeline"]["stages"]),
            db_path=os.environ.get("WARTA_DB") or raw["store"]["path"],
            max_file_bytes=int(raw["ingest"]["max_file_bytes"]),
            max_article_chars=int(raw["ingest"]["max_article_chars"]),
            dedup_threshold=float(raw["dedup"]["threshold"]),
            dedup_num_perm=int(raw["dedup"]["num_perm"]),
            dedup_shingle_size=int(raw["dedup"]["shingle_size"]),
            stages=dict(raw.get("stages", {})),
            data_dir=default_data_dir(),
            place_on_ingest=raw.get("cluster", {}).get("place_on_ingest", True),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"invalid settings: {exc}") from exc
