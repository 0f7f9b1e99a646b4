"""Score the time reader on IndoTimex (Mirza 2015), TempEval-3 style.

IndoTimex (``$WARTA_DATA/indotimex-kompas/Kompas_test_gold/*.tml``) is 25 Kompas articles
in TimeML with a document creation time (DCT) and 193 gold TIMEX3. We strip the markup,
run :func:`warta.readers.time.find_times` on the plain ``<TEXT>`` against the DCT, and
score as TempEval-3 does:

- recognition, relaxed: a system expression matches a gold one when their character spans
  overlap (one-to-one, longest overlap first); strict: identical spans;
- value (normalisation): a relaxed match whose value equals the gold value; precision over
  all system expressions, recall over all gold ones;
- type: the same, for the TIMEX3 type.

Published anchors (Mirza, PACLING 2015): 92.87 F1 recognition, 85.26 F1 normalisation.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from warta.article import TimeExpr
from warta.errors import UsageError

_DCT = re.compile(r'<DCT>\s*<TIMEX3[^>]*value="(?P<v>[^"]+)"', re.S)
_BODY = re.compile(r"<TEXT>(?P<body>.*?)</TEXT>", re.S)
_TAG = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z0-9]+)(?P<attrs>[^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(slots=True)
class TimexDoc:
    id: str
    text: str
    dct: str
    gold: list[TimeExpr] = field(default_factory=list)


def _decode(raw: bytes) -> str:
    # SOURCE.txt: "Some files contain cp1252 bytes"
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def parse_tml(path: Path) -> TimexDoc:
    """One TimeML file → plain body text, DCT and gold TIMEX3 spans into that text."""
    source = _decode(path.read_bytes()).replace("\r\n", "\n")
    dct_m, body_m = _DCT.search(source), _BODY.search(source)
    if not dct_m or not body_m:
        raise UsageError(f"{path}: not an IndoTimex TimeML file (no <DCT> or <TEXT>)")
    body = body_m.group("body")
    out: list[str] = []
    pos = length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    gold: list[TimeExpr] = []
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos:tag.start()])
        out.append(chunk)
        length += len(chunk)
        pos = tag.end()
        if tag.group("name") != "TIMEX3":
            continue
        if not tag.group("close"):
            open_timex = (length, dict(_ATTR.findall(tag.group("attrs"))))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(out)[start:length]
            gold.append(TimeExpr(text, start, length, attrs.get("type", "DATE"), attrs.get("value")))  # type: ignore[arg-type]
            open_timex = None
    out.append(html.unescape(body[pos:]))
    return TimexDoc(path.stem, "".join(out), dct_m.group("v"), gold)


def find_corpus(data: Path) -> Path:
    """The folder of gold .tml files, given it, the corpus folder, or the data root."""
    for cand in (data, data / "Kompas_test_gold", data / "indotimex-kompas" / "Kompas_test_gold"):
        if cand.is_dir() and any(cand.glob("*.tml")):
            return cand
    raise UsageError(f"no IndoTimex .tml files under {data}: pass --data ../shared/data/indotimex-kompas")


def load_indotimex(data: Path) -> list[TimexDoc]:
    return [parse_tml(p) for p in sorted(find_corpus(data).glob("*.tml"))]


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _match(gold: list[TimeExpr], pred: list[TimeExpr]) -> list[tuple[int, int]]:
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0:
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _ov, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


@dataclass(slots=True)
class TimeScores:
    relaxed: tuple[float, float, float]
    strict: tuple[float, float, float]
    value: tuple[float, float, float]
    type: tuple[float, float, float]
    n_gold: int
    n_pred: int
    n_docs: int
    errors: list[str] = field(default_factory=list)

    def as_rows(self) -> dict[str, tuple[float, float, float]]:
        return {"recognition (relaxed)": self.relaxed, "recognition (strict)": self.strict,
                "value": self.value, "type": self.type}


def score_indotimex(data: Path) -> TimeScores:
    """Run the time reader over IndoTimex and score it (see the module docstring)."""
    from warta.readers.time import find_times

    docs = load_indotimex(data)
    tp = strict = value = ttype = n_gold = n_pred = 0
    errors: list[str] = []
    for doc in docs:
        pred = find_times(doc.text, doc.dct)
        n_gold += len(doc.gold)
        n_pred += len(pred)
        matches = _match(doc.gold, pred)
        tp += len(matches)
        for i, j in matches:
            g, p = doc.gold[i], pred[j]
            strict += (g.start, g.end) == (p.start, p.end)
            ttype += g.type == p.type
            if g.value == p.value:
                value += 1
            else:
                errors.append(f"{doc.id} VALUE {g.text!r} gold {g.value} ≠ {p.text!r} {p.value}")
        got_g = {i for i, _ in matches}
        got_p = {j for _, j in matches}
        errors += [f"{doc.id} MISSED {g.text!r} {g.type} {g.value}" for i, g in enumerate(doc.gold) if i not in got_g]
        errors += [f"{doc.id} EXTRA {p.text!r} {p.type} {p.value}" for j, p in enumerate(pred) if j not in got_p]
    return TimeScores(_prf(tp, n_pred, n_gold), _prf(strict, n_pred, n_gold), _prf(value, n_pred, n_gold),
                      _prf(ttype, n_pred, n_gold), n_gold, n_pred, len(docs), errors)


@dataclass(slots=True)
class PublishedScores:
    articles: int
    inferred: int
    exact: int  # inferred date within ±2 days of the crawl time
    day_month: int  # day and month right (±2 days), whatever the year


def score_published_inference(data: Path, fold: int = 1) -> PublishedScores:
    """Infer the publication date of IndoSum articles with their date withheld, and compare it
    with the crawl time in each id (a Unix timestamp, a median 26 h after publication per
    SOURCE.txt; hence the ±2-day tolerance). ``data`` is the shared/data folder; ``fold`` the
    dev fold read (dev.01: 750 articles)."""
    import datetime as dt

    from warta.readers.time import infer_published
    from warta.training.indosum import id_timestamp, iter_indosum

    folder = data / "indosum-devfolds"
    if not folder.is_dir():
        raise UsageError(f"no IndoSum folds at {folder}: pass --data ../shared/data")
    today = dt.date(2026, 11, 22)  # GUIDELINES.md's "today" for the most-recent-year rule
    n = inferred = exact = day_month = 0
    for rec in iter_indosum(folder, folds=(fold,)):
        text = "\n".join(" ".join(" ".join(s) for s in para) for para in rec["paragraphs"])
        crawled = dt.datetime.fromtimestamp(id_timestamp(rec["id"]), tz=dt.UTC).date()
        n += 1
        got = infer_published(text, today)
        if got is None:
            continue
        inferred += 1
        exact += abs((got - crawled).days) <= 2
        if not (got.month == 2 and got.day == 29):
            shifted = [got.replace(year=y) for y in (crawled.year - 1, crawled.year)]
            day_month += any(abs((d - crawled).days) <= 2 for d in shifted)
    return PublishedScores(n, inferred, exact, day_month)


@dataclass(slots=True)
class EventDateScores:
    pairs: int  # pairs of articles labelled as reporting the same happening
    event_same: int  # … whose event dates are the same day
    published_same: int  # … whose publication dates are the same day (the baseline)


def score_event_date_agreement(gold_root: Path) -> EventDateScores:
    """Articles about the same happening should give it the same event date.

    ``events-dev.jsonl`` (shared/gold) labels real IndoSum articles by event; for every pair of
    articles with the same label we count identical event dates, against identical publication
    dates as the baseline. There is no gold event date, so this measures consistency only.
    """
    import itertools
    import json

    from warta.article import Article
    from warta.readers.time import TimeReader

    path = gold_root / "events-dev.jsonl"
    if not path.is_file():
        raise UsageError(f"no events-dev.jsonl in {gold_root}: pass --gold ../shared/gold")
    reader = TimeReader(today="2026-11-22")
    by_event: dict[str, list[tuple[str | None, str | None]]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            art = reader(Article(text=rec["text"], id=rec["id"], published=rec.get("published")))
            by_event.setdefault(rec["event"], []).append((art.event_date, (rec.get("published") or "")[:10] or None))
    pairs = same = pub_same = 0
    for items in by_event.values():
        for (e1, p1), (e2, p2) in itertools.combinations(items, 2):
            pairs += 1
            same += e1 is not None and e1 == e2
            pub_same += p1 is not None and p1 == p2
    return EventDateScores(pairs, same, pub_same)
