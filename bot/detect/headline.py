"""Headline cues that apply to the whole article: a history, civilian, own-side, fiction or
accused-captive headline suppresses the statements its body makes (classify's rule 4)."""

from __future__ import annotations

import re
from functools import cached_property

from bot.detect import irrealis as ir
from bot.detect import lexicon as lx
from bot.detect.accused import is_accused
from bot.detect.suppressors import civilian_victims


class TitleCues:
    """Whole-article cues read from the headline, each worked out when a statement first asks
    (a statement with a strong captive cue asks only for the history and fiction cues)."""

    def __init__(self, title: str, full: str, lead: str) -> None:
        self._title, self._full, self._lead = title, full, lead
        self._low = lx.lower(title)

    @cached_property
    def _captives(self) -> list[re.Match[str]]:
        return list(lx.CAPTIVE_STRONG.both.finditer(self._low))

    @cached_property
    def _accused(self) -> list[re.Match[str]]:
        return [c for c in self._captives if is_accused(self._low, c)]

    @cached_property
    def _civilian(self) -> bool:
        return civilian_victims(self._low)

    @cached_property
    def _no_pow(self) -> bool:
        # a captive who is the accused is no POW victim; a surrendered soldier he killed still
        # is (an "unarmed villager" is not)
        surrendered = not self._civilian and bool(lx.CAPTIVE_VERBAL.both.search(self._low))
        return len(self._captives) == len(self._accused) and not surrendered

    @cached_property
    def history(self) -> bool:
        title = self._title
        return bool(lx.HISTORY.search(title)) and not lx.STRONG_ANCHOR.search(title)

    @cached_property
    def civilian(self) -> bool:
        return self._no_pow and self._civilian

    @cached_property
    def own_side(self) -> bool:
        return self._no_pow and bool(lx.OWN_SIDE.search(self._title))

    @cached_property
    def fiction(self) -> bool:
        title = self._title
        return bool(
            ir.FICTION.search(title)
            or (_WORK_NAME.search(title) and ir.FICTION.search(self._lead))
        ) and not ir.documentary(self._full)

    @cached_property
    def accused(self) -> bool:
        return bool(self._accused) and self._no_pow


# A work's name in quotes ("In 'The Salt Road', a captured sniper waits…", «Полон»)
_WORK_NAME = re.compile(r"['‘\"“«][A-ZА-ЯІЇЄҐ][^'’\"”»]{1,60}['’\"”»]")


def title_cues(title: str, full: str, lead: str = "") -> TitleCues:
    """Whole-article cues from the headline; a review of non-fiction (a documentary, reportage,
    a book built on court records: `full` says so) is about real events, not a story.

    `lead`, the first body sentence, makes a headline naming a work in quotes fiction when
    it says what the work is ("The new novel by a Kharkiv writer is set in …")."""
    return TitleCues(title, full, lead)


def headline_filter(cues: TitleCues, sentence: str, strong_captive: bool) -> str:
    """Reason a whole-article cue (from the headline) suppresses a statement, or "".

    A strong captive cue is tested first: it spares reading three of the headline's cues."""
    if cues.history and not lx.STRONG_ANCHOR.search(sentence):
        return "history headline"
    if not strong_captive and cues.civilian:
        return "civilian headline"
    if not strong_captive and cues.own_side:
        return "own-side headline"
    if cues.fiction:
        return "fiction headline"
    if not strong_captive and cues.accused:
        return "accused headline"
    return ""
