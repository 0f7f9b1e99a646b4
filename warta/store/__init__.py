"""Persistence: the SQLite store, duplicate detection and the read queries shared by all front ends.

    >>> from warta.store import Store
    >>> with Store.open(":memory:") as store:           # doctest: +SKIP
    ...     store.add(article).status
    'new'
"""

from warta.store.queries import SearchHit
from warta.store.sqlite import AddResult, AddStatus, Store

__all__ = ["AddResult", "AddStatus", "SearchHit", "Store"]
