"""Events and stories persisted in an in-memory store, and the commands reading them."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.test_cluster import FLOOD, MATCH, SUMMIT_2021, SUMMIT_2022
from warta.article import Quote, Speaker
from warta.cli import _load_commands, app
from warta.errors import StoreError
from warta.store import Store
from warta.store.cluster_queries import (
    event_outlets,
    list_events,
    list_stories,
    refresh_clusters,
    story_timeline,
)


def _fill(store: Store) -> None:
    quoted = FLOOD[0]
    quoted.quotes = [Quote("Kami kerahkan semua perahu karet", 0, 10, "direct",
                           speaker=Speaker("Rahmat Hidayat"))]
    for a in [SUMMIT_2021, quoted, *FLOOD[1:], MATCH, SUMMIT_2022]:
        store.add(a)


def test_refresh_writes_events_stories_titles_and_dates() -> None:
    with Store.open(":memory:") as store:
        _fill(store)
        counts = refresh_clusters(store)
        assert counts["articles"] == 6
        events = {e["id"]: e for e in list_events(store)}
        flood = next(e for e in events.values() if e["articles"] == 3)
        assert flood["start_date"] == "2024-02-10" and flood["end_date"] == "2024-02-11"
        assert flood["title"] and flood["summary"]
        stories = list_stories(store)
        assert sum(s["articles"] for s in stories) == 6
        summit = next(s for s in stories if s["events"] == 2)
        assert summit["start_date"] == "2021-12-15" and summit["end_date"] == "2022-12-30"
        timeline = story_timeline(store, summit["id"])
        assert [e["start_date"] for e in timeline["events"]] == ["2021-12-15", "2022-12-30"]
        flood_story = story_timeline(store, flood["story_id"])
        assert flood_story["events"][0]["quotes"][0]["speaker"] == "Rahmat Hidayat"
        outlets = event_outlets(store, flood["id"])["outlets"]
        assert [o["outlet"] for o in outlets] == ["kabar harian", "warta kota", "suara pagi"]
        assert refresh_clusters(store) == counts  # idempotent: a refresh replaces, never adds


def test_unknown_story_is_a_clear_error() -> None:
    with Store.open(":memory:") as store, pytest.raises(StoreError, match="no story 'nope'"):
        story_timeline(store, "nope")


def test_store_commands(tmp_db: Path) -> None:
    with Store.open(tmp_db) as store:
        _fill(store)
    _load_commands()
    runner = CliRunner()
    res = runner.invoke(app, ["events", "--refresh", "--db", str(tmp_db), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["stories", "--db", str(tmp_db), "--format", "jsonl"])
    assert res.exit_code == 0 and '"events": 2' in res.output
    story = next(line for line in res.output.splitlines() if '"events": 2' in line).split('"id": "')[1].split('"')[0]
    res = runner.invoke(app, ["timeline", story, "--db", str(tmp_db)])
    assert res.exit_code == 0 and "2021-12-15" in res.output
    res = runner.invoke(app, ["events", "--db", str(tmp_db), "--format", "jsonl"])
    flood = next(line for line in res.output.splitlines() if '"articles": 3' in line).split('"id": "')[1].split('"')[0]
    res = runner.invoke(app, ["outlets", flood, "--db", str(tmp_db)])
    assert res.exit_code == 0 and "warta kota" in res.output
    res = runner.invoke(app, ["timeline", "nope", "--db", str(tmp_db)])
    assert res.exit_code != 0
