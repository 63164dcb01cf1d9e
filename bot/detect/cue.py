"""Compiled cue families for lowercased text (`Cue`), their unions used as prefilters, and
literal key lists split by script so a one-script text scans only the keys it can contain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_CYR = re.compile(r"[А-Яа-яІіЇїЄєҐґ]")
_LAT = re.compile(r"[A-Za-z]{2}")
_NEVER = re.compile(r"(?!x)x")
_CYRILLIC_BLOCK = re.compile("[\u0400-\u04ff]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def lower(s: str) -> str:
    """Lowercase without changing the length (offsets stay valid)."""
    low = s.lower()
    return low if len(low) == len(s) else "".join(c.lower()[:1] or c for c in s)


def is_cyrillic(s: str) -> bool:
    """True when a sentence is written in Cyrillic (Ukrainian or Russian)."""
    return _CYR.search(s) is not None


class Cue:
    """One cue family compiled for lowercased text: Latin-script parts, Cyrillic parts, all.

    Matching lowercased text without IGNORECASE is 2-3x faster in `re` than folding case.
    """

    __slots__ = ("both", "cy", "en", "parts")

    def __init__(self, parts: tuple[str, ...]) -> None:
        def comp(ps: list[str]) -> re.Pattern[str]:
            # every part starts at a word start: checking that once first is much faster
            body = "|".join(f"(?:{p.lower()})" for p in ps)
            return re.compile(rf"(?<!\w)(?:{body})") if ps else _NEVER

        def latin(p: str) -> bool:
            return bool(_LAT.search(p.replace(r"\b", "").replace(r"\w", "")))

        # a part with no letters (years) or with both scripts goes to both sides
        cy = [p for p in parts if _CYR.search(p) or not latin(p)]
        en = [p for p in parts if latin(p) or not _CYR.search(p)]
        self.parts = parts
        self.en, self.cy, self.both = comp(en), comp(cy), comp(list(parts))

    def on(self, cyrillic: bool) -> re.Pattern[str]:
        """The pattern for one script; match it against `lower(sentence)`."""
        return self.cy if cyrillic else self.en

    def search(self, s: str) -> re.Match[str] | None:
        return self.both.search(lower(s))

    def finditer(self, s: str) -> Iterator[re.Match[str]]:
        return self.both.finditer(lower(s))


def union(*cues: Cue) -> Cue:
    """One pattern that matches a text wherever any of `cues` does (a prefilter).

    Each scan pays for the word-start check at every position, whatever the alternation, so one
    scan for a family of cues is much cheaper than one per cue; no part uses group references.
    """
    return Cue(tuple(p for c in cues for p in c.parts))


class Keys:
    """Literal keys (lowercase stems) and, per script mix of a text, those it can contain."""

    __slots__ = ("_by_script", "all")

    def __init__(self, keys: tuple[str, ...]) -> None:
        self.all = keys
        cyr = [bool(_CYRILLIC_BLOCK.search(k)) for k in keys]
        lat = [bool(_ASCII_LETTER.search(k)) for k in keys]
        # a key with a Cyrillic (Latin) letter cannot occur in a text without one; order kept
        self._by_script = {
            (has_cyr, has_lat): tuple(
                k
                for k, c, a in zip(keys, cyr, lat, strict=True)
                if (has_cyr or not c) and (has_lat or not a)
            )
            for has_cyr in (False, True)
            for has_lat in (False, True)
        }

    def on(self, script: tuple[bool, bool]) -> tuple[str, ...]:
        """The keys a text with `script` (see `scripts`) can contain: a superset of those in it."""
        return self._by_script[script]

    def any_in(self, low: str, script: tuple[bool, bool]) -> bool:
        """True when some key occurs in `low` (the same answer as testing every key)."""
        return any(k in low for k in self._by_script[script])

    def present(self, low: str, script: tuple[bool, bool]) -> tuple[str, ...]:
        """The keys that occur in `low`, in their listed order."""
        return tuple(k for k in self._by_script[script] if k in low)


def scripts(low: str) -> tuple[bool, bool]:
    """(has a Cyrillic letter, has a Latin letter): which keys `Keys.on` must test."""
    return _CYRILLIC_BLOCK.search(low) is not None, _ASCII_LETTER.search(low) is not None


# Text made only of these characters (ASCII, Latin-1 signs but the micro sign, basic Cyrillic,
# Ґґ, the modifier apostrophe, general punctuation) folds case in pairs: under IGNORECASE a
# letter matches itself and its capital only, and lowercasing keeps the length. Other text
# (ı, ſ, the Kelvin sign, rounded Cyrillic letters, Greek...) takes the case-blind pattern.
_PLAIN_CASE = re.compile(
    "[\x00-\x7f\u00a0-\u00b4\u00b6-\u00bf\u02bc\u0400-\u045f\u0490\u0491\u2000-\u206f]*"
)
_UNSAFE_ESCAPE = re.compile(r"\\[^bwsd\W]|\(\?[a-zA-Z-]+[:)]")


def fold(s: str) -> tuple[str, bool]:
    """(text to match, folded): `s` lowercased when it is plain-case text, else `s` itself."""
    if _PLAIN_CASE.fullmatch(s):
        return s.lower(), True
    return s, False


class CaseBlind:
    """A case-blind pattern and its plain twin for `fold`ed text (same matches and offsets).

    `re` runs case-blind patterns 2-3x slower than plain ones; match groups of the twin are
    lowercase, so callers use offsets or counts.
    """

    __slots__ = ("blind", "plain")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        if _UNSAFE_ESCAPE.search(pattern) or not _PLAIN_CASE.fullmatch(pattern):
            raise ValueError(f"cannot fold case in pattern {pattern[:40]!r}")
        self.blind = re.compile(pattern, flags | re.IGNORECASE)
        self.plain = re.compile(pattern.lower(), flags & ~re.IGNORECASE)

    def on(self, folded: bool) -> re.Pattern[str]:
        """The pattern for text from `fold` (folded) or any other text."""
        return self.plain if folded else self.blind
