"""Quality gate for the time and number readers: pinned floors on real gold data.

Floors sit a little below the figures measured when they were pinned; raise them when the
readers improve, never lower them to make a change pass. Skipped when ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path

from warta.evaluation.gold import score_gold
from warta.evaluation.time import score_indotimex

# Measured 2026-11-23 with `warta eval time --data ../shared/data/indotimex-kompas`:
# relaxed recognition F1 96.57, value F1 89.71 (Mirza 2015 published: 92.87 / 85.26; earlier
# the same day 96.30 / 89.42, and before that 95.74 / 88.83). One lost expression costs about
# 0.5 points, so these floors already sit one error below the figures. After the round-3
# audit rules: 96.32 / 89.47, one extra expression ("dua" of "dua hingga tiga menit": our
# contract makes both ends of a range expressions, IndoTimex marks only the upper one).
INDOTIMEX_RECOGNITION_F1 = 0.96
INDOTIMEX_VALUE_F1 = 0.89
# Measured 2026-11-23 with `warta eval gold --gold ../shared/gold --stages times,quantities`:
# time values F1 0.995 (re-checked after the IndoTimex round; earlier the same day 0.985),
# quantity values F1 0.962 (17 dev articles, 96 times, 38 quantities).
GOLD_TIME_VALUE_F1 = 0.98
GOLD_QUANTITY_VALUE_F1 = 0.93


def test_indotimex_floors(data_dir: Path) -> None:
    res = score_indotimex(data_dir / "indotimex-kompas")
    assert res.n_gold == 193
    assert res.relaxed[2] >= INDOTIMEX_RECOGNITION_F1, f"relaxed recognition F1 {res.relaxed[2]:.4f}"
    assert res.value[2] >= INDOTIMEX_VALUE_F1, f"value F1 {res.value[2]:.4f}"


# Measured 2026-11-23 with `warta eval time --data ../shared/data --published` on IndoSum
# dev.01 (750 articles, date withheld): inferred 442; day and month within 2 days of the
# crawl time 348 (78.7%); whole date 189 (42.8%: a weekday with day and month but no year
# takes the most recent fitting year, as GUIDELINES.md asks, unless the text names a year).
PUBLISHED_DAY_MONTH_SHARE = 0.75


def test_published_inference_floor(data_dir: Path) -> None:
    from warta.evaluation.time import score_published_inference

    res = score_published_inference(data_dir)
    assert res.inferred >= 400, res
    assert res.day_month / res.inferred >= PUBLISHED_DAY_MONTH_SHARE, res


def test_gold_time_and_quantity_floors(gold_dir: Path) -> None:
    res = score_gold(gold_dir, ["times", "quantities"])
    assert res["time values"][2] >= GOLD_TIME_VALUE_F1, res["time values"]
    assert res["quantity values"][2] >= GOLD_QUANTITY_VALUE_F1, res["quantity values"]


def test_seed_publication_date_is_inferred(seeds_dir: Path) -> None:
    from warta.article import Article
    from warta.readers.time import TimeReader

    seed = seeds_dir / "000_71806bb0fb44b958.txt"
    out = TimeReader(today="2026-11-22")(Article(text=seed.read_text(encoding="utf-8")))
    assert (out.published, out.published_source) == ("2022-12-30", "inferred")


# Measured 2026-11-23 with `warta eval time --data ../shared/data --gold ../shared/gold`: of 35
# pairs of articles labelled as the same happening, 18 share the event date (8 share the
# publication date). A consistency check only: there is no gold event date.
EVENT_DATE_SAME_PAIRS = 16


def test_event_date_agreement_floor(gold_dir: Path) -> None:
    from warta.evaluation.time import score_event_date_agreement

    res = score_event_date_agreement(gold_dir)
    assert res.pairs == 35
    assert res.event_same >= EVENT_DATE_SAME_PAIRS > res.published_same, res
