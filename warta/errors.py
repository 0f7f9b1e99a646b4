"""One exception tree for Warta, turned into messages at the edges.

    WartaError                      base of everything Warta raises on purpose
    ├── UsageError                  the caller asked for something impossible (exit 2)
    │   ├── NotFoundError           no row with this id (HTTP 404)
    │   └── AuthError               a write needs a valid token, or writes are disabled (HTTP 401/403)
    ├── ConfigError                 a settings file or pipeline config is wrong
    │   └── PipelineOrderError      a stage reads a field no earlier stage adds
    ├── InputError                  one input item cannot be read (file, line, reason)
    │   ├── EmptyInputError         the item has no text
    │   ├── DecodeError             bytes that are not text in any encoding we accept
    │   ├── FormatError             malformed JSON / HTML / feed
    │   ├── TooLargeError           the item exceeds the configured size limit
    │   └── UnsafeURLError          a URL points at an address the server must not reach (SSRF guard)
    ├── StageError                  a pipeline stage failed on one article (names the stage)
    ├── StoreError                  the database refused an operation
    └── MissingExtraError           an optional dependency is not installed

Each error carries a stable ``code`` (``W1xx`` input, ``W2xx`` pipeline, ``W3xx`` store,
``W4xx`` usage/config) so logs, the ``rejects`` table and the JSON API can be grepped.
The CLI prints ``str(error)``; the API returns ``error.to_dict()``.
"""

from __future__ import annotations

from typing import Any


class WartaError(Exception):
    """Base class. ``code`` is stable; the message says what to do."""

    code = "W000"

    def __init__(self, message: str, **context: Any) -> None:
        super().__init__(message)
        self.message = message
        self.context = context

    def to_dict(self) -> dict[str, Any]:
        """The one JSON error shape of the REST API (the CLI prints ``warta: error [CODE]: message``)."""
        return {"error": {"code": self.code, "type": type(self).__name__, "message": self.message, **self.context}}


class UsageError(WartaError):
    code = "W400"


class NotFoundError(UsageError):
    """No row with this id (HTTP 404)."""

    code = "W404"


class AuthError(UsageError):
    """The request needs a valid bearer token (HTTP 401), or writes are disabled (HTTP 403)."""

    code = "W403"

    def __init__(self, message: str, *, disabled: bool = False) -> None:
        super().__init__(message)
        self.disabled = disabled


class ConfigError(WartaError):
    code = "W401"


class MissingExtraError(WartaError):
    code = "W402"

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"this feature needs the optional package {package!r}; install it with: pip install 'warta[{extra}]'",
            package=package,
            extra=extra,
        )


class InputError(WartaError):
    """One input item could not be read. ``item`` is a path, URL or ``<stdin>``."""

    code = "W100"

    def __init__(self, reason: str, item: str, line: int | None = None) -> None:
        where = f"{item}:{line}" if line is not None else item
        super().__init__(f"{where}: {reason}", item=item, line=line, reason=reason)
        self.item = item
        self.line = line
        self.reason = reason


class EmptyInputError(InputError):
    code = "W101"


class DecodeError(InputError):
    code = "W102"


class FormatError(InputError):
    code = "W103"


class TooLargeError(InputError):
    code = "W104"


class UnsafeURLError(InputError):
    """A URL points at an address the server must not reach (SSRF guard)."""

    code = "W105"


class StageError(WartaError):
    """A stage raised or returned the wrong type; the article is rejected, the batch goes on."""

    code = "W200"

    def __init__(self, stage: str, article_id: str, reason: str) -> None:
        super().__init__(
            f"stage {stage!r} failed on article {article_id!r}: {reason}",
            stage=stage,
            article=article_id,
            reason=reason,
        )
        self.stage = stage
        self.article_id = article_id
        self.reason = reason


class PipelineOrderError(ConfigError):
    code = "W201"


class StoreError(WartaError):
    code = "W300"


__all__ = [
    "AuthError",
    "ConfigError",
    "DecodeError",
    "EmptyInputError",
    "FormatError",
    "InputError",
    "MissingExtraError",
    "NotFoundError",
    "PipelineOrderError",
    "StageError",
    "StoreError",
    "TooLargeError",
    "UnsafeURLError",
    "UsageError",
    "WartaError",
]
