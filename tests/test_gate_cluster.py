"""Quality gate: event/story clustering on the real dev gold (skips when ../shared is absent).

Floors sit a little below the figures measured with `warta eval cluster --gold ../shared/gold`
on 2026-11-23 (second pass: shared-numbers feature, event model regularised with C 0.3):
events pairwise F1 0.623 (B-cubed F1 0.977, all-singletons baseline 0.958), stories pairwise
F1 0.597 (B-cubed F1 0.880, baseline 0.830). One wrong link among the 35 gold event pairs moves
events pairwise F1 by ~0.02-0.03, so the floors leave about one link of slack. They guard
against regressions;
the targets (events 0.85, stories 0.75) are not met yet, see docs/clustering.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

EVENT_PAIRWISE_F1_FLOOR = 0.60  # measured 0.623 on 2026-11-23 (was 0.55 under the 0.576 models)
STORY_PAIRWISE_F1_FLOOR = 0.57  # measured 0.597 on 2026-11-23 (story model unchanged by this pass)


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
