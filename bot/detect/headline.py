"""Headline cues that apply to the whole article: a history, civilian, own-side, fiction or
accused-captive headline suppresses the statements its body makes (classify's rule 4)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.detect import irrealis as ir
from bot.detect import lexicon as lx


@dataclass(frozen=True, slots=True)
class TitleCues:
    """Whole-article cues read from the headline."""

    history: bool
    civilian: bool
    own_side: bool
    fiction: bool
    accused: bool


# A work's name in quotes ("In 'The Salt Road', a captured sniper waits…", «Полон»)
_WORK_NAME = re.compile(r"['‘\"“«][A-ZА-ЯІЇЄҐ][^'’\"”»]{1,60}['’\"”»]")


def title_cues(title: str, full: str, lead: str = "") -> TitleCues:
    """Whole-article cues from the headline; a review of non-fiction (a documentary, reportage,
    a book built on court records: `full` says so) is about real events, not a story.

    `lead`, the first body sentence, makes a headline naming a work in quotes fiction when
    it says what the work is ("The new novel by a Kharkiv writer is set in …")."""
    low = lx.lower(title)
    captives = list(lx.CAPTIVE_STRONG.both.finditer(low))
    accused = [c for c in captives if ir.is_accused(low, c)]
    # a captive who is the accused is no POW victim; a surrendered soldier he killed still is
    # (an "unarmed villager" is not)
    civilian = bool(lx.CIVILIAN.search(title))
    surrendered = not civilian and bool(lx.CAPTIVE_VERBAL.both.search(low))
    no_pow = len(captives) == len(accused) and not surrendered
    history = bool(lx.HISTORY.search(title)) and not lx.STRONG_ANCHOR.search(title)
    return TitleCues(
        history,
        no_pow and civilian,
        no_pow and bool(lx.OWN_SIDE.search(title)),
        bool(ir.FICTION.search(title) or (_WORK_NAME.search(title) and ir.FICTION.search(lead)))
        and not ir.DOCUMENTARY.search(full),
        bool(accused) and no_pow,
    )


def headline_filter(cues: TitleCues, sentence: str, strong_captive: bool) -> str:
    """Reason a whole-article cue (from the headline) suppresses a statement, or ""."""
    if cues.history and not lx.STRONG_ANCHOR.search(sentence):
        return "history headline"
    if cues.civilian and not strong_captive:
        return "civilian headline"
    if cues.own_side and not strong_captive:
        return "own-side headline"
    if cues.fiction:
        return "fiction headline"
    if cues.accused and not strong_captive:
        return "accused headline"
    return ""
