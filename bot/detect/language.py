"""Article language (en / uk / ru) from the text, for feeds that declare none.

Latin against Cyrillic letters picks English; among Cyrillic texts, the letters only Ukrainian
has (і ї є ґ) against those only Russian has (ы э ё ъ) pick the language.
"""

from __future__ import annotations

import re

_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
_UK_ONLY = "іїєґІЇЄҐ"
_RU_ONLY = "ыэёъЫЭЁЪ"
SAMPLE = 3000  # characters read: enough for a verdict, bounded for long pages
MIN_LETTERS = 12  # fewer letters than this (a bare number, a one-word title): no verdict


def detect_language(title: str, text: str = "") -> str | None:
    """ "en", "uk" or "ru" for a text, None when it is too short or gives no clear sign."""
    sample = f"{title}\n{text}"[:SAMPLE]
    latin = len(_LATIN.findall(sample))
    cyrillic = len(_CYRILLIC.findall(sample))
    if latin + cyrillic < MIN_LETTERS:
        return None
    if latin > cyrillic:
        return "en"
    uk = sum(sample.count(c) for c in _UK_ONLY)
    ru = sum(sample.count(c) for c in _RU_ONLY)
    if uk > ru:
        return "uk"
    if ru > uk:
        return "ru"
    return None
