"""Quality gate: event/story clustering on the real dev gold (skips when ../shared is absent).

Since 2026-11-23 (third pass) the shipped models are fitted on our own labelled months
(warta/data/cluster_train; the event model on IndoSum June-August 2017 since the fifth pass,
the story model on June-July), not on dev, so these figures are held-out ones. Measured with
`warta eval cluster --gold ../shared/gold` on 2026-11-23 (fifth pass): events pairwise F1
0.677 (B-cubed F1 0.981, all-singletons baseline 0.958), stories pairwise F1 0.577 (B-cubed
F1 0.897, baseline 0.830).
One wrong link among the 35 gold event pairs moves events pairwise F1 by ~0.02-0.03, so the
floors leave about one link of slack. They guard against regressions; the targets (events
0.85, stories 0.75) are not met yet, see docs/clustering.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

EVENT_PAIRWISE_F1_FLOOR = 0.65  # measured 0.677 held out on 2026-11-23, fifth pass (third pass: 0.656, floor 0.63)
STORY_PAIRWISE_F1_FLOOR = 0.57  # measured 0.577 held out on 2026-11-23 (story model unchanged since the third pass)


@pytest.fixture(scope="module")
def scores(gold_dir: Path) -> dict[str, dict[str, tuple[float, ...]]]:
    from warta.evaluation.cluster import evaluate

    return evaluate(gold_dir)


def test_event_pairwise_f1_floor(scores: dict[str, dict[str, tuple[float, ...]]]) -> None:
    assert scores["system"]["event"][5] >= EVENT_PAIRWISE_F1_FLOOR


def test_story_pairwise_f1_floor(scores: dict[str, dict[str, tuple[float, ...]]]) -> None:
    assert scores["system"]["story"][5] >= STORY_PAIRWISE_F1_FLOOR


def test_bcubed_beats_all_singletons(scores: dict[str, dict[str, tuple[float, ...]]]) -> None:
    for level in ("event", "story"):
        assert scores["system"][level][2] > scores["singletons"][level][2], level
