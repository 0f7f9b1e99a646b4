"""The two real seed articles: two Putin–Xi video calls a year apart, one story (skips without ../shared)."""

from __future__ import annotations

from pathlib import Path

from warta.article import Article
from warta.cluster import cluster_articles, date_undated
from warta.ingest import read_inputs


def test_seeds_are_two_events_of_one_story(seeds_dir: Path) -> None:
    seeds = [a for a in read_inputs([str(seeds_dir)]) if isinstance(a, Article)]
    assert len(seeds) == 2 and not any(a.published for a in seeds)
    dated = date_undated(seeds)
    assert all(a.event_date for a in dated)
    first, second = cluster_articles(dated)
    assert first.event != second.event
    assert first.story == second.story
