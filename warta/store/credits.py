"""An article's credits in the store: who wrote it and where it came from, kept out of rankings.

The entities stage adds each byline writer as a PER entity with role ``"penulis"`` and each
credited source as an ORG with role ``"sumber"`` (:mod:`warta.readers.credits`). When the text
does not name them, their one mention is *not in the text*: ``start = end = -1``. Such a
*credit-only* row says who wrote the article, not what it is about: a prolific reporter or a
wire agency would otherwise top every entity list and become the main entity of every event
it covers. So every query that ranks or counts entities across articles (top entities, the
entity list, search facets, co-occurring entities, an event's and a story's entities) counts

- an ``article_entities`` row only when it is not credit-only (:func:`named_sql`), and
- a mention only when it has a place in the text (:func:`text_mention_sql`).

A writer the text also names (quoted in the story) keeps counting, once per text mention.
Credit-only rows still link the article to the entity: an entity page lists the articles a
writer wrote (flagged ``credited_as``), ``/search?entity=`` finds them, and an article's page
lists its credits (:func:`article_credits`).

Plain SQL over the store's tables; nothing here imports the readers, so the web app's read
routes stay light.
"""

from __future__ import annotations

import sqlite3
from typing import Any

#: The roles :mod:`warta.readers.credits` gives credit entities (``CREDIT_FIELDS`` there).
CREDIT_ROLES: tuple[str, ...] = ("penulis", "sumber")
#: start/end of a mention that is a credit, not a place in the text (``NOT_IN_TEXT`` there).
NOT_IN_TEXT = -1

_ROLES_SQL = ", ".join(f"'{r}'" for r in CREDIT_ROLES)


def text_mention_sql(alias: str = "m") -> str:
    """SQL condition: the ``mentions`` row ``alias`` has a place in the article's text."""
    return f"{alias}.start >= 0"


def credit_only_sql(alias: str = "ae") -> str:
    """SQL condition: the ``article_entities`` row ``alias`` is a credit the text never names.

    The role test comes first: it rules out nearly every row without touching ``mentions``.
    """
    return (f"({alias}.role IN ({_ROLES_SQL}) AND NOT EXISTS (SELECT 1 FROM mentions cm WHERE "
            f"cm.article_id = {alias}.article_id AND cm.entity_pos = {alias}.position AND cm.start >= 0))")


def named_sql(alias: str = "ae") -> str:
    """SQL condition: the ``article_entities`` row ``alias`` counts as the article naming the entity."""
    return f"NOT {credit_only_sql(alias)}"


def credited_as_sql(alias: str = "ae") -> str:
    """SQL expression: the row's credit role (``"penulis"`` / ``"sumber"``), else NULL."""
    return f"CASE WHEN {alias}.role IN ({_ROLES_SQL}) THEN {alias}.role END"


def article_credits(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    """The article's credit entities in order: id, name, type, role, and whether the text names them."""
    rows = conn.execute(
        "SELECT ae.entity_id AS id, ae.name, ae.type, ae.role, "
        f"NOT {credit_only_sql('ae')} AS in_text FROM article_entities ae "
        f"WHERE ae.article_id = ? AND ae.role IN ({_ROLES_SQL}) ORDER BY ae.position", (article_id,))
    return [{**dict(r), "in_text": bool(r["in_text"])} for r in rows]


def credit_counts(conn: sqlite3.Connection, ids: list[str]) -> dict[str, int]:
    """How many original articles credit one of ``ids`` (an entity and its short forms), per role."""
    marks = ", ".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT ae.role, count(DISTINCT ae.article_id) FROM article_entities ae JOIN articles a "
        f"ON a.id = ae.article_id WHERE ae.entity_id IN ({marks}) AND ae.role IN ({_ROLES_SQL}) "
        "AND a.duplicate_of IS NULL GROUP BY ae.role", ids)
    found = dict(rows.fetchall())
    return {role: found.get(role, 0) for role in CREDIT_ROLES}
