"""Our own event/story labels for fitting the clustering models (``warta/data/cluster_train/``).

The dev gold (``events-dev.jsonl``, May 2017) is what the project is measured on, so fitting the
decision models on it makes its figure a self-fit. These files hold labels we made ourselves,
by reading, for other months of the same corpus (IndoSum, CC BY-SA 4.0) under the same policy
(see the folder's README.md). Each line is only ``{"id", "event", "story"}``: the text is read
from the IndoSum dev folds (``$WARTA_DATA/indosum-devfolds``) by id, never stored here.

IndoSum stores articles as tokenized paragraphs; :func:`detokenize` joins them back into text
and :func:`published` dates an article the way the dev gold does (the publication time in a CNN
Indonesia URL, else the date in the URL, else the day of the Unix timestamp that starts the
id), so fitting data and test data go through identical features.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta, timezone
from importlib.resources import files
from pathlib import Path
from typing import Any

from warta.article import Article
from warta.errors import UsageError, WartaError
from warta.training.indosum import id_timestamp, iter_indosum

#: Indonesian news dates in Western Indonesia Time (WIB, UTC+7), as the dev gold does.
WIB = timezone(timedelta(hours=7))

_CNN_STAMP = re.compile(r"/(20\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)-")
_URL_DATE = re.compile(r"/(20\d\d)/(\d\d)/(\d\d)/|/(20\d\d)(\d\d)(\d\d)/")

# Detokenization: IndoSum splits "(3/5)" into "( 3 / 5 )" and "kata-kata" into "kata - kata";
# the dates and numbers the clusterer reads need them whole again.
_SPACE_BEFORE = re.compile(r"\s+([.,;:!?%)\]}”’])")
_SPACE_AFTER = re.compile(r"([(\[{“‘])\s+")
_SLASH = re.compile(r"(?<=\w) / (?=\w)")
_HYPHEN = re.compile(r"(?<=\b\w) - (?=\w)|(?<=\w) - (?=[a-z0-9])")  # "e - KTP", "kata - kata", "1 - 0"
_STRAIGHT_QUOTES = re.compile(r'"\s*([^"]*?)\s*"')


def label_files(folder: Path | None = None) -> list[Path]:
    """The bundled label files (one per labelled month), sorted by name."""
    root = folder or Path(str(files("warta") / "data" / "cluster_train"))
    return sorted(root.glob("*.jsonl"))


def read_labels(path: Path) -> dict[str, tuple[str, str]]:
    """id -> (event, story) of one label file; names the line that is malformed."""
    labels: dict[str, tuple[str, str]] = {}
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                labels[str(rec["id"])] = (str(rec["event"]), str(rec["story"]))
            except (ValueError, KeyError, TypeError) as exc:
                raise UsageError(f"{path}:{lineno}: a label line needs id, event and story ({exc})") from exc
    return labels


def detokenize(paragraphs: list[list[list[str]]]) -> str:
    """IndoSum's paragraphs of tokenized sentences as plain text, paragraphs split by blank lines."""
    out = []
    for para in paragraphs:
        text = " ".join(" ".join(sent) for sent in para)
        text = _STRAIGHT_QUOTES.sub(r'"\1"', text)
        text = _SPACE_BEFORE.sub(r"\1", _SPACE_AFTER.sub(r"\1", text))
        text = _HYPHEN.sub("-", _SLASH.sub("/", text)).replace(" - - ", " -- ")
        if text.strip():
            out.append(text)
    return "\n\n".join(out)


def published(rec: dict[str, Any]) -> str:
    """The publication date of an IndoSum record, as the dev gold gives it (ISO 8601)."""
    url = rec.get("source_url") or ""
    if m := _CNN_STAMP.search(url):
        y, mo, d, h, mi, s = map(int, m.groups())
        return datetime(y, mo, d, h, mi, s, tzinfo=WIB).isoformat()
    if m := _URL_DATE.search(url):
        y, mo, d = (int(g) for g in m.groups() if g is not None)
        return date(y, mo, d).isoformat()
    return datetime.fromtimestamp(id_timestamp(rec["id"]), WIB).date().isoformat()


def id_month(article_id: str) -> str:
    """"YYYY-MM" of an IndoSum id's timestamp in UTC: how the labelled months were selected."""
    return datetime.fromtimestamp(id_timestamp(article_id), UTC).strftime("%Y-%m")


def to_article(rec: dict[str, Any]) -> Article:
    """An IndoSum record read through ingest's JSON-object path, as ``warta cluster`` would read it."""
    from warta.config import load_settings
    from warta.ingest.jsonl import parse_object

    obj = {"id": rec["id"], "title": None, "text": detokenize(rec["paragraphs"]), "published": published(rec),
           "outlet": rec.get("source"), "url": rec.get("source_url")}
    return parse_object(obj, f"indosum:{rec['id']}", None, load_settings().max_article_chars, f"indosum:{rec['id']}")


def load_training_set(indosum: Path, label_paths: list[Path] | None = None) -> list[Any]:
    """Our labelled articles (``GoldArticle``) from the bundled label files and the IndoSum folds.

    Raises UsageError naming the label file when an id is not in the folds.
    """
    from warta.evaluation.cluster import GoldArticle

    paths = label_paths if label_paths is not None else label_files()
    if not paths:
        raise UsageError("no label files in warta/data/cluster_train")
    labels: dict[str, tuple[str, str]] = {}
    origin: dict[str, Path] = {}
    for path in paths:
        for aid, lab in read_labels(path).items():
            labels[aid], origin[aid] = lab, path
    out = []
    for rec in iter_indosum(indosum):
        if rec["id"] in labels:
            try:
                art = to_article(rec)
            except WartaError as exc:
                raise UsageError(f"IndoSum article {rec['id']} ({origin[rec['id']]}) cannot be read: {exc}") from exc
            out.append(GoldArticle(art, *labels.pop(rec["id"])))
    if labels:
        missing = next(iter(labels))
        raise UsageError(f"{len(labels)} labelled ids are not in {indosum}, e.g. {missing} ({origin[missing]})")
    return out
