"""Hypothesis properties of the time and number readers."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.readers._numwords import number_to_words, words_to_number
from warta.readers.numbers import find_quantities
from warta.readers.time import find_times

# TIMEX3 value shapes the reader may produce (contract: analysis.schema.json, GUIDELINES.md)
_DATE = (r"(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?(?:T(?:\d{2}:\d{2}|MO|MI|AF|EV|NI))?"
         r"|-W(?:\d{2}|XX)(?:-(?:WE|\d))?|-(?:SP|SU|FA|WI))?")
_AMOUNT = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = rf"P(?:{_AMOUNT}(?:DE|CE|Y|M|W|D))*(?:T(?:{_AMOUNT}[HMS])+)?|PXX"
TIMEX_VALUE = re.compile(rf"^(?:PRESENT_REF|PAST_REF|FUTURE_REF|{_DATE}|{_DURATION})$")

# Fragments of news sentences (written for these tests) mixed with random words and digits.
FRAGMENTS = [
    "Senin (20/10/2025)", "pukul 08.30 WIB", "kemarin", "tahun depan", "dua hari lalu", "15 Desember 2021",
    "Rp 2,3 triliun", "1.500 orang", "setiap tahun", "saat ini", "Nomor 54 Tahun 2024", "Jumat (30 Desember)",
    "malam", "pekan lalu", "QZ8501", "ke-2", "delapan", "hari", "(", ")", "/", ",", ".", "\n", "Minggu", "minggu",
    "setengah", "jam", "puluhan ribu", "musim semi", "awal", "akhir", "2023", "12", "%", "persen", "Rabu (15/10)",
]
texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet="abcdeRpkmsu0123456789 .,/()-", max_size=8)),
    max_size=25,
).map(" ".join)
dcts = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(texts, dcts)
def test_time_spans_index_text_and_values_are_timex3(text: str, dct: dt.date | None) -> None:
    times = find_times(text, dct)
    last_end = 0
    for t in times:
        assert text[t.start:t.end] == t.text
        assert t.start >= last_end  # sorted, non-overlapping
        last_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if t.value is not None:
            assert TIMEX_VALUE.match(t.value), (t.text, t.value)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_quantities_index_text_and_avoid_times(text: str) -> None:
    times = find_times(text, "2025-10-22")
    for q in find_quantities(text, times):
        assert text[q.start:q.end] == q.text
        assert q.value is not None and q.value >= 0
        assert not any(t.start < q.end and q.start < t.end for t in times)


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=999_999))
def test_number_words_round_trip(n: int) -> None:
    words = number_to_words(n)
    assert words_to_number(words) == n
    # and the quantity reader reads them back inside a sentence
    found = find_quantities(f"Panitia mencatat {words} peserta.")
    assert [q.value for q in found] == [n]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2049, 12, 31)))
def test_written_dates_normalise_to_themselves(day: dt.date) -> None:
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember"]
    text = f"Acara itu digelar {day.day} {months[day.month - 1]} {day.year} dan {day.day}/{day.month}/{day.year}."
    values = [t.value for t in find_times(text, "2025-10-22")]
    assert values == [day.isoformat(), day.isoformat()]
