from __future__ import annotations

from pathlib import Path

import pytest

from warta.config import load_settings
from warta.errors import ConfigError


def test_defaults_load() -> None:
    s = load_settings()
    assert s.pipeline and 0 < s.dedup_threshold <= 1


def test_user_file_overrides_only_its_keys(tmp_path: Path) -> None:
    f = tmp_path / "w.toml"
    f.write_text('[dedup]\nthreshold = 0.9\n[pipeline]\nstages = ["language"]\n', encoding="utf-8")
    s = load_settings(f)
    assert s.dedup_threshold == 0.9 and s.pipeline == ["language"]
    assert s.dedup_num_perm == load_settings().dedup_num_perm


def test_invalid_values_are_refused(tmp_path: Path) -> None:
    f = tmp_path / "w.toml"
    f.write_text("[dedup]\nthreshold = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="threshold"):
        load_settings(f)


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    f = tmp_path / "w.toml"
    f.write_text("[dedup\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"w\.toml"):
        load_settings(f)


def test_env_overrides_db(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_DB", "/tmp/x.db")
    assert load_settings().db_path == "/tmp/x.db"
