"""Helpers of the time reader (:mod:`warta.readers.time`), in data-flow order:

- :mod:`~warta.readers.timex.lexicon`: month, weekday, unit, part-of-day and season words;
- :mod:`~warta.readers.timex.rules`: recognition (compiled patterns → non-overlapping pieces);
- :mod:`~warta.readers.timex.normalise`: TIMEX3 type and value of each piece.
"""
