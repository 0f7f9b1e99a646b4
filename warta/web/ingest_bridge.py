"""The web app's one write: hand a received file to ``warta.api.ingest`` (the CLI's path too).

Kept in its own module so the read-only routes never import the pipeline (and its models).
Ingests are serialised with a lock: SQLite allows one writer, and two uploads analysed at
once would only contend for the same two CPU cores.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

_WRITE_LOCK = threading.Lock()


def ingest_file(path: str, db_path: str, stages: Sequence[str] | None = None) -> dict[str, Any]:
    """Ingest one file into the store; the report says what was new, duplicate or rejected."""
    from warta.api import ingest

    with _WRITE_LOCK:
        report = ingest([path], db=db_path, stages=stages)
    out = report.to_dict()
    out.pop("db", None)  # the server's file layout is none of the client's business
    for reject in out.get("rejects", []):
        # the temporary upload path means nothing to the client; name the upload instead
        if reject.get("item", "").startswith(path):
            reject["item"] = "<upload>" + reject["item"][len(path):]
    return out
