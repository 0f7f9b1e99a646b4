"""Cross-article entity ids: a short form in one article, the full name in another.

Within an article the entities stage links "Putin" to "Vladimir Putin". An article that only
says "Putin" (and is not covered by ``people.tsv``) gets ``PER:putin``, while another gets
``PER:vladimir-putin``. :func:`short_form_links` maps such short ids onto the full id using
every entity in the store, so listings count one person once:

* a one-word person name joins the stored person whose name begins or ends with that word
  (``Putin`` → ``Vladimir Putin``; ``Jianwei``/``Liu`` → ``Liu Jianwei``);
* a one-word organisation name joins the stored organisation whose name begins with it
  (``Cakra`` → ``Cakra Racing``);
* only when exactly one stored full name fits: when two people share the word ("Budi
  Santoso", "Budi Gunawan"), "Budi" stays its own id, so two people are never merged.

The mapping is computed from the ``entities`` table at query time, so it does not depend on
the order in which articles were stored.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from warta.readers.aliases import slugify


def short_form_links(conn: sqlite3.Connection) -> dict[str, str]:
    """Short entity id → the one full entity id it stands for (``PER:putin`` → ``PER:vladimir-putin``)."""
    # only names some article writes: a writer known only from bylines (warta.readers.credits,
    # mentions at -1) must not become the full form of a "Budi" another article quotes
    rows = conn.execute("SELECT id, name, type FROM entities e WHERE type IN ('PER', 'ORG') AND EXISTS "
                        "(SELECT 1 FROM mentions m WHERE m.entity_id = e.id AND m.start >= 0)").fetchall()
    full: dict[tuple[str, str], set[str]] = defaultdict(set)  # (type, word slug) → full ids
    short: list[tuple[str, str, str]] = []
    for ent_id, name, typ in rows:
        words = [slugify(w) for w in (name or "").split()]
        if len(words) == 1:
            short.append((ent_id, typ, words[0]))
        elif len(words) >= 2:
            full[(typ, words[0])].add(ent_id)
            if typ == "PER":
                full[(typ, words[-1])].add(ent_id)
    out = {}
    for ent_id, typ, word in short:
        targets = full.get((typ, word), set())
        if len(targets) == 1:
            out[ent_id] = next(iter(targets))
    return out
