"""Sentence suppressors (classify's rule 4): death penalty, own side, metaphor, fiction,
civilians only, history or another war, strike or disease deaths.
"""

from __future__ import annotations

import re

from bot.detect import irrealis as ir
from bot.detect import lexicon as lx
from bot.detect.cue import union
from bot.detect.families import ALL_KEYS, ArticleKeys

# Any sentence suppressor's first cue: most statements match none, and one scan of the union
# costs about what one of its nine members does.
ANY_SUPPRESSOR = union(
    lx.DEATH_PENALTY,
    lx.OWN_SIDE,
    lx.ZEROING,
    lx.TRIED_TO_SURRENDER,
    lx.METAPHOR,
    ir.FICTION,
    lx.CIVILIAN,
    lx.HISTORY,
    lx.STRIKE,
    lx.CAPTIVITY_DEATH,
)


# Civilians who tell, find out or identify are the story's sources, not its victims:
# "journalists identified the soldier executed in captivity", "жителі розповіли".
_CIVILIAN_AGENT = re.compile(
    r"\s+(?:[\w'«»\"-]+\s+){0,3}?(?:identif|establish|found out|learn|trac|verif|confirm"
    r"|geolocat|said|say|told|tell|report|record|document|встановил|з'ясува|дізна|розпові"
    r"|повідоми|підтверди|ідентифікува|задокументува|зафіксува|установил|выясни|узна|рассказ"
    r"|сообщи|подтверди|идентифицирова|задокументирова|зафиксирова)\w*"
)


def civilian_victims(low: str, cyr: bool | None = None) -> bool:
    """A civilian word in lowercased `low` that is not the subject of telling or identifying
    (`cyr`: the sentence's script, None when unknown)."""
    rx = lx.CIVILIAN.both if cyr is None else lx.CIVILIAN.on(cyr)
    return any(not _CIVILIAN_AGENT.match(low, m.end()) for m in rx.finditer(low))


def suppressor(s: str, cyr: bool, strong: bool, execs: bool, keys: ArticleKeys = ALL_KEYS) -> str:
    """Why a sentence's statement does not count (classify's rule 4), or "".

    `strong`: a strong captive cue; `execs`: an execution verb; `keys.fiction`: the article has
    a fiction key (else the fiction cue is not looked for; asked only when it matters)."""
    if not ANY_SUPPRESSOR.on(cyr).search(s):
        return ""
    if lx.DEATH_PENALTY.on(cyr).search(s):
        return "death penalty"
    if (
        lx.OWN_SIDE.on(cyr).search(s)
        or (cyr and lx.ZEROING.cy.search(s) and not lx.ENEMY_CAPTIVES.cy.search(s))
    ) or (lx.TRIED_TO_SURRENDER.on(cyr).search(s) and ir.COMMANDER.on(cyr).search(s)):
        return "own side"
    if lx.METAPHOR.on(cyr).search(s):
        return "metaphor"
    if keys.fiction and ir.FICTION.on(cyr).search(s) and not ir.documentary(s, cyr):
        return "fiction or game"
    if not strong and civilian_victims(s, cyr):
        return "civilians"
    if lx.HISTORY.on(cyr).search(s) and not lx.STRONG_ANCHOR.on(cyr).search(s):
        return "history or another war"
    if not execs and lx.STRIKE.on(cyr).search(s):
        return "strike"
    if not execs and lx.CAPTIVITY_DEATH.on(cyr).search(s):
        return "death in captivity"
    return ""
