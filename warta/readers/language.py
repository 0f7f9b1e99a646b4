"""The ``language`` stage: which language an article is written in (ISO 639-1, or "und").

lingua-language-detector is restricted to the languages that occur in Indonesian news feeds
(Indonesian and Malay, English, the languages of foreign-desk copy and wire quotes); a small
candidate set is both faster and more accurate than all 75 languages. Javanese and Sundanese
are not supported by lingua, so regional-language text falls to the nearest candidate.

Each paragraph (the first ``MAX_CHARS`` characters) votes with lingua's confidence values,
weighted by its length, so one odd paragraph (a transliterated verse, a list of names) does not
decide the article. Indonesian and Malay share most of their vocabulary and lingua confuses
them on news prose; Warta reads Indonesian news, so a Malay vote stands only when the text
uses Malaysian spellings (bahawa, kerana, iaitu …) more than Indonesian ones (bahwa, karena,
yaitu …), or, with no such spellings, when Malay leads by ``MALAY_MARGIN``.

The detector takes seconds to build, so it is built once per process, on first use.
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

from warta.article import Article
from warta.registry import register_stage

if TYPE_CHECKING:
    from lingua import LanguageDetector

# Below this many characters (after stripping) a guess is noise: "und".
MIN_CHARS = 20
# Only the start of a long article is read: language does not change mid-article, and lingua's
# time grows with length. 3,000 characters is 4-6 paragraphs.
MAX_CHARS = 3000
# Paragraphs shorter than this are merged with the next before voting: lingua is unreliable
# on a line or two of words (a subheading, a dateline).
CHUNK_MIN_CHARS = 200
# When lingua's vote says Malay but the text has no Malaysian spellings (see _MS_MARKS), Malay
# must lead Indonesian by this share of the vote. Measured on 4,463 real Indonesian articles
# (IndoSum dev folds + detik-1k, all Indonesian) through `warta analyze --stages language`:
# whole-text lingua called 8 Malay and 2 French; paragraph voting with this margin, 2 Malay;
# with the spelling check as well, 1 (a detik piece that is mostly Arabic-Latin transliteration).
MALAY_MARGIN = 0.5

_LANGUAGE_NAMES = (
    "INDONESIAN", "MALAY", "ENGLISH", "TAGALOG", "CHINESE", "ARABIC", "DUTCH", "JAPANESE", "KOREAN",
    "FRENCH", "GERMAN", "SPANISH", "PORTUGUESE", "RUSSIAN", "THAI", "VIETNAMESE", "HINDI",
)

_detector: LanguageDetector | None = None
_lock = threading.Lock()


def get_detector() -> LanguageDetector:
    """The process-wide lingua detector, built on first call."""
    global _detector
    if _detector is None:
        with _lock:
            if _detector is None:
                from lingua import Language, LanguageDetectorBuilder

                langs = [getattr(Language, name) for name in _LANGUAGE_NAMES]
                _detector = LanguageDetectorBuilder.from_languages(*langs).build()
    return _detector


# Spelling pairs that tell standard Indonesian from Malaysian Malay apart (the same word, spelt
# differently since the 1972 spelling reform diverged): bahwa/bahawa, karena/kerana, yaitu/iaitu,
# saja/sahaja, uang/wang, pengadilan/mahkamah. lingua's character n-grams confuse the two on
# news prose; these words do not.
_ID_MARKS = re.compile(r"\b(?:bahwa|karena|yaitu|saja|uang|pengadilan)\b", re.I)
_MS_MARKS = re.compile(r"\b(?:bahawa|kerana|iaitu|sahaja|wang|mahkamah|sebarang)\b", re.I)


def spelling_marks(text: str) -> tuple[int, int]:
    """How many Indonesian-only and Malaysian-only spellings ``text`` uses."""
    return len(_ID_MARKS.findall(text)), len(_MS_MARKS.findall(text))


def _chunks(text: str) -> list[str]:
    """Paragraphs of the first ``MAX_CHARS`` characters, short ones merged with the next."""
    out: list[str] = []
    pending = ""
    total = 0
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        pending = f"{pending} {para}".strip()
        if len(pending) >= CHUNK_MIN_CHARS:
            out.append(pending[: MAX_CHARS - total])
            total += len(out[-1])
            pending = ""
            if total >= MAX_CHARS:
                break
    if pending and total < MAX_CHARS:
        out.append(pending[: MAX_CHARS - total])
    return out


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` ("und" when too short or undecidable).

    Each paragraph votes with its confidence values weighted by its length: on a whole
    article lingua sometimes gives 1.0 to a wrong language because of one odd paragraph
    (seen on IndoSum: a football report called Malay, a religious piece called French).
    """
    if len(text.strip()) < MIN_CHARS:
        return "und"
    detector = get_detector()
    scores: dict[str, float] = {}
    languages = {}
    for chunk in _chunks(text):
        for value in detector.compute_language_confidence_values(chunk):
            if value.value > 0.0:
                scores[value.language.name] = scores.get(value.language.name, 0.0) + value.value * len(chunk)
                languages[value.language.name] = value.language
    total = sum(scores.values())
    if total <= 0.0:
        return "und"
    best = max(scores, key=scores.__getitem__)
    if best == "MALAY":
        id_marks, ms_marks = spelling_marks(text[:MAX_CHARS])
        if id_marks > ms_marks:
            return "id"
        if ms_marks == 0 and (scores["MALAY"] - scores.get("INDONESIAN", 0.0)) / total < MALAY_MARGIN:
            return "id"
    return str(languages[best].iso_code_639_1.name.lower())


@register_stage("language", version="warta.language.v1", reads=("text",), adds=("language",))
def language(article: Article) -> Article:
    """Set ``article.language`` from its title and text."""
    article.language = detect_language(((article.title or "") + "\n" + article.text).strip())
    return article
