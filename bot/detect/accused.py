"""A captive who is not a victim: the accused of a killing, or the one who kills."""

from __future__ import annotations

import re

# A captive who is the subject of an active killing verb: "a Russian POW killed a guard",
# "Полонений росіянин убив конвоїра" (a headline's "POW killed near X" is passive: English
# needs an object after the verb; uk/ru past forms are active).
CAPTIVE_KILLS = re.compile(
    r"\s+(?:[\w'-]+\s+){0,2}?(?:(?:killed|shot|stabbed|strangled|attacked) "
    r"(?:a|an|the|his|two|one)"
    r"\b|(?:убив|вбив|застрелив|зарізав|убил|застрелил|зарезал|напав|напал|стріляв|стрелял)\b)",
    re.IGNORECASE,
)
# A captive followed by a charge for killing is the accused, not a victim ("captured soldier
# convicted of killing a civilian", "засудили полоненого за вбивство цивільного").
ACCUSED_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:convicted|jailed|sentenced|charged|accused|suspected|guilty|tried|trial"
    r"|acquitted|cleared|виправда\w*|оправда\w*"
    r"|received|gets|got|faces|accusing|засуд\w*|обвинува\w*|звинува\w*|звинувач\w*|обвиняя"
    r"|підозрю\w*|вирок\w*|отрима\w*|осуд\w*"
    r"|осужд\w*|приговор\w*|обвиня\w*|подозрева\w*|получи\w*)"
    r"[^.;]{0,60}?\b(?:for|of|with|over|in|за|в|у|про|об|о) (?:the )?(?:killing|murder\w*|shooting"
    r"|executing|[ву]бивств\w*|убийств\w*|розстріл\w*|расстрел\w*|страт\w*|казн\w*)"
)
ACCUSED_BEFORE = re.compile(
    r"\b(?:convict\w*|jail\w*|sentenc\w*|charg\w*|acquit\w*|clear(?:s|ed)?|засуд\w*|обвинува\w*"
    r"|підозр\w*|осуд\w*|виправда\w*|оправда\w*"
    r"|приговор\w*|обвин\w*|подозр\w*)\s+(?:[\w'-]+\s+){0,3}$"
)
# "captured paratrooper who shot a villager": the captive is the subject of the killing
ACCUSED_WHO = re.compile(
    r"(?:\s+[\w'-]+){0,2}?,?\s+(?:(?:who|that|який|яка|які|который|которая|которые)\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:shot|killed|murdered|executed|stabbed|застрелив|вбив|убил"
    r"|застрелил|розстріляв|расстрелял|стріляв|стрелял|fired (?:at|on)|opened fire)\b"
    r"(?!\s+(?:by|him|them))|(?:розстрілявш|вбивш|застреливш"
    r"|расстрелявш|убивш|застреливш)\w*)"
)
# Ukrainian and Russian relatives are nominative: words may stand between the pronoun and the
# verb ("полоненого військового, який навесні 2022 року застрелив цивільного")
ACCUSED_WHO_CY = re.compile(
    r"(?:\s+[\w'-]+){0,2}?,?\s+(?:який|яка|які|который|которая|которые)\s+(?:[\w'-]+\s+){0,6}?"
    r"(?:застрелив|вбив|убил|застрелил|розстріляв|расстрелял|стріляв|стрелял)\b"
)
ACCUSED_TAIL = re.compile(
    r"^[^.;]{0,160}?\b(?:for|of|with|over|за|including|про|об|о) (?:the )?(?:alleged )?"
    r"(?:killing|murder\w*|shooting|[ву]бивств\w*|убийств\w*|розстріл\w*|расстрел\w*)"
)


def is_accused(s: str, m: re.Match[str]) -> bool:
    """A captive charged with a killing ("captured soldier convicted of killing a civilian")."""
    if (
        ACCUSED_AFTER.match(s, m.end(), m.end() + 160)
        or ACCUSED_WHO.match(s, m.end())
        or ACCUSED_WHO_CY.match(s, m.end(), m.end() + 120)
    ):
        return True
    return bool(
        ACCUSED_BEFORE.search(s[max(0, m.start() - 50) : m.start()])
        and ACCUSED_TAIL.match(s[m.end() : m.end() + 200])
    )


def is_charged(s: str, m: re.Match[str]) -> bool:
    """A soldier charged with or convicted of a killing ("charges Ukrainian serviceman over
    killing of …"), not only the one who did it ("військовий, який розстріляв …")."""
    if ACCUSED_AFTER.match(s, m.end(), m.end() + 160):
        return True
    return bool(
        ACCUSED_BEFORE.search(s[max(0, m.start() - 50) : m.start()])
        and ACCUSED_TAIL.match(s[m.end() : m.end() + 200])
    )
