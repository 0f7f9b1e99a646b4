"""The public surface is what warta.__all__ lists; changing it is a deliberate act."""

from __future__ import annotations

import warta

EXPECTED = {
    "Article", "Entity", "InputError", "Pipeline", "Quantity", "Quote", "Reject", "Settings", "Span", "Speaker",
    "StageError", "StoreError", "TimeExpr", "WartaError", "__version__", "analyze", "load_pipeline",
    "load_settings", "pipe", "register_stage", "ingest", "search", "stats",
}


def test_exported_members() -> None:
    assert set(warta.__all__) >= EXPECTED
    for name in warta.__all__:
        assert hasattr(warta, name), name


def test_errors_have_codes_and_one_json_shape() -> None:
    from warta import errors

    codes = set()
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert cls.code.startswith("W")
        codes.add(cls.code)
    assert len(codes) == len(errors.__all__), "error codes must be unique"
    err = errors.InputError("not UTF-8", item="a.txt", line=3)
    assert str(err) == "a.txt:3: not UTF-8"
    assert err.to_dict()["error"]["code"] == "W100"
