"""Custody implied without a prisoner word: soldiers as the object of an execution verb ("executed
two wounded servicemen", "бійців, страчених окупантами", "казнили троих военнослужащих").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.detect.cue import Cue

# Only the verbs of an execution: a firing squad needs men in its power. "Shot" and
# "розстріляли" also tell combat ("shot the soldiers in the trench", "розстріляли колону"):
# "розстріляли/расстреляли" count only with a number of soldiers as the object.
KEYS = (
    "execut", "страт", "страч", "казн", "розстріля", "расстреля", "задвухсот", "задвохсот",
    "минусан", "мінусан", "обнул",
)  # fmt: skip
# The inference needs an execution told as done: not a rumour refuted ("інформація про нібито
# страту … не відповідає дійсності", "rumours of an execution")
_HEDGES = (
    "rumo", "чутк", "слух", "не відповідає дійсності", "не соответствует действительности",
    "не підтверд", "не подтверд", "debunk", "спростува", "опроверг",
)  # fmt: skip

_SOLDIERS_EN = (
    r"(?:soldiers?|servicem[ae]n|troops|fighters|marines|paratroopers|defenders|infantrym[ae]n"
    r"|conscripts|stormtroopers|scouts)"
)
# accusative (= genitive) plural or singular: the object, not the subject "бійці стратили"
_SOLDIERS_UK = (
    r"(?:бійц(?:ів|я)|військов(?:их|ого)|солдат(?:ів|а)|захисник(?:ів|а)|оборонц(?:ів|я)"
    r"|морпіх(?:ів|а)|десантник(?:ів|а)|піхотинц(?:ів|я)|штурмовик(?:ів|а)|розвідник(?:ів|а))"
)
_SOLDIERS_RU = (
    r"(?:бойц(?:ов|а)|военн(?:ых|ого)|военнослужащ(?:их|его)|солдат(?:а)?|защитник(?:ов|а)"
    r"|морпех(?:ов|а)|десантник(?:ов|а)|пехотинц(?:ев|а)|штурмовик(?:ов|а)|разведчик(?:ов|а))"
)
_PERSON_UK = r"(?:бійц|військов|солдат|захисник|оборонц|морпіх|десантник|піхотинц|штурмовик)"
_PERSON_RU = r"(?:бойц|военн|военнослужащ|солдат|защитник|морпех|десантник|пехотинц|штурмовик)"

_COUNT_UK = r"(?:двох|трьох|чотирьох|п'ятьох|шістьох|семи|восьми|\d+|кількох|обох)"
_COUNT_RU = (
    r"(?:двоих|троих|четверых|пятерых|шестерых|семерых|двух|трех|трёх|четырех|четырёх|пяти"
    r"|шести|\d+|нескольких|обоих)"
)

EXECUTED_SOLDIERS = Cue(
    (
        # "executed two wounded Russian servicemen", "the execution of three soldiers"
        rf"\bexecut(?:e|ed|es|ing|ions?)\b (?:of )?(?:[\w'-]+ ){{0,4}}?{_SOLDIERS_EN}\b",
        # "three Ukrainian soldiers were executed"
        rf"\b{_SOLDIERS_EN} (?:[\w'-]+ ){{0,3}}?(?:were|was|had been|have been|has been|being|"
        rf"been) (?:[\w-]+ )?executed\b",
        rf"\b(?:стратил[иа]?|стратив|стратять|страту|страти|страта) (?:[\w'-]+ ){{0,4}}?"
        rf"{_SOLDIERS_UK}\b|\b{_SOLDIERS_UK} (?:[\w'-]+ ){{0,2}}?(?:стратил[иа]?|стратив)\b"
        rf"|\b{_PERSON_UK}\w*,? (?:[\w'-]+ ){{0,2}}?страчен\w*",
        # the wounded as the object: "executed the wounded", "розстріляли поранених" (not "with
        # the wounded", a convoy: "колону з пораненими")
        r"\bexecut(?:ed|ing)\b (?:[\w'-]+ ){0,3}?(?:wounded|injured)\b",
        r"\b(?:розстріля\w*|стратил\w*|стратив) (?:[\w'-]+ ){0,3}?(?:важко |тяжко )?"
        r"(?:поранен(?:их|ого)|трьохсот(?:их|ого))\b",
        r"\b(?:расстреля\w*|казнил\w*) (?:[\w-]+ ){0,3}?(?:тяжело )?(?:ранен(?:ых|ого)"
        r"|тр[её]хсот(?:ых|ого))\b",
        # soldiers' slang for the killing: "задвухсотили двоих наших трёхсотых"
        r"\b(?:задвухсоти|минусану|обнули)\w* (?:[\w-]+ ){0,3}?(?:тяжело )?(?:ранен(?:ых|ого)"
        r"|тр[её]хсот(?:ых|ого))\b",
        r"\b(?:задвохсоти|мінусану|обнули)\w* (?:[\w'-]+ ){0,3}?(?:важко )?(?:поранен(?:их|ого)"
        r"|трьохсот(?:их|ого))\b",
        # "розстріляли двох українських військових": a person count right after the verb (a
        # column, a car or a position is what combat shoots up)
        rf"\bрозстріляли (?:{_COUNT_UK} )(?:[\w'-]+ ){{0,2}}?{_SOLDIERS_UK}\b",
        rf"\bрасстреляли (?:{_COUNT_RU} )(?:[\w-]+ ){{0,2}}?{_SOLDIERS_RU}\b",
        rf"\b(?:казнил[иа]?|казнят|казнь|казни) (?:[\w-]+ ){{0,4}}?{_SOLDIERS_RU}\b"
        rf"|\b{_SOLDIERS_RU} (?:[\w-]+ ){{0,2}}?казнил[иа]?\b"
        rf"|\b{_PERSON_RU}\w*,? (?:[\w-]+ ){{0,2}}?казнен\w*",
    )
)


# one of them must be in the sentence too (a cheap test before the regex)
_PEOPLE = (
    "soldier", "servicem", "troops", "fighters", "marines", "paratroop", "defenders", "infantry",
    "conscripts", "stormtroop", "scouts", "wounded", "injured", "бійц", "військов", "солдат",
    "захисник", "оборонц", "морпіх", "десантник", "піхотинц", "штурмовик", "розвідник",
    "поранен", "трьохсот", "бойц", "военн", "защитник", "морпех", "пехотинц", "разведчик",
    "ранен", "трехсот", "трёхсот",
)  # fmt: skip


def asserted(s: str) -> bool:
    """Whether a lowercased sentence may hold the inference: an execution verb and a soldier
    word, no hedge."""
    return (
        any(k in s for k in KEYS)
        and any(p in s for p in _PEOPLE)
        and not any(h in s for h in _HEDGES)
    )


# A soldier noun (object case) right after a weak captive cue names the captives: "расстрелы
# сдававшихся в плен украинских бойцов"; "surrendered to Ukrainian troops" names the captors.
SOLDIERS_AFTER = re.compile(
    r"(?!\s+(?:to|до|к|перед)\b)(?:\s+[\w'-]+){0,3}?\s+(?:soldiers|servicemen|troops|fighters"
    r"|marines|бійців|військових|захисників|оборонців|бойцов|военных|военнослужащих|солдат"
    r"|защитников)\b"
)


# Implied killings (classify): a no-quarter order; bound bodies of soldiers; wounded men left
# behind and then found dead or finished off.
NO_QUARTER = Cue(
    (
        r"\b(?:take|taking|took) no (?:more )?(?:[\w-]+ ){0,2}?(?:prisoners|captives)\b"
        r"|\b(?:not|never) (?:to )?(?:take|taking) (?:any |more )?(?:ukrainians? |russians? "
        r"|enemy )?(?:soldiers |troops |men )?(?:prisoners?|captives?)\b"
        r"|\bstop taking (?:[\w-]+ ){0,2}?prisoners\b|\bno prisoners\b"
        r"|\bkill (?:[\w-]+ ){0,2}?(?:prisoners|captives) rather\b",
        r"\bне брати (?:\w+ )?(?:в |у )?полон\w*|\bполонених не брати|\b[ву] полон не бер\w*",
        r"\bне брать (?:\w+ )?(?:в )?плен\w*|\bпленных не брать|\bв плен не бер\w*",
    )
)
BOUND = Cue(
    (
        r"\bhands? (?:were |was |had been )?(?:tied|bound|taped|zip-tied|cable-tied)"
        r"|\b(?:tied|bound|taped|zip-tied|cable-tied) hands",
        r"\bзв'язан\w* рук\w*|\bрук\w* (?:\w+ )?(?:зв'язан|замотан|обмотан|скут)\w*",
        r"\bсвязанн\w* рук\w*|\bрук\w* (?:\w+ )?(?:связан|замотан|обмотан|скован)\w*",
    )
)
DEAD = Cue(
    (
        r"\bbod(?:y|ies)\b|\bdead\b|\bdeaths?\b|\bdied\b|\bkilled\b",
        r"\bтіл[оаі]?\b|\bтел[оа]?\b|\bзагибл\w*|\bпогибш\w*|\bмертв\w*|\bзагину\w*|\bпогиб\w*",
    )
)
SOLDIER = Cue(
    (
        r"\bsoldiers?\b|\bservicem[ae]n\b|\btroops\b|\bfighters\b|\bscouts\b|\bmarines\b"
        r"|\bparatroopers\b|\binfantrymen\b",
        r"\bвійськов\w*|\bбійц\w*|\bбоєць\b|\bвоенн\w*|\bвоеннослужащ\w*|\bсолдат\w*|\bбойц\w*"
        r"|\bрозвідник\w*|\bразведчик\w*|\bморпіх\w*|\bморпех\w*|\bдесантник\w*|\bпіхотинц\w*"
        r"|\bпехотинц\w*|\bзахисник(?:ів|и|ам)\b|\bзащитник(?:ов|и|ам)\b",
    )
)
# Literal keys of BOUND: an article without one cannot hold the bound-bodies rule
BOUND_KEYS = (
    "tied", "bound", "taped", "зв'язан", "связан", "замотан", "обмотан", "скут", "скован",
)  # fmt: skip


def soldiers_near(lows: Sequence[str], captive: Callable[[str], bool], civilian: bool) -> set[int]:
    """Sentences of bound bodies whose soldiers a neighbour names: the sentence before or after
    tells their capture ("The two marines had been captured on 4 May"), or the headline calls
    the dead soldiers ("Bodies of our scouts found") in a story naming no civilian."""
    title = lows[0] if lows else ""
    by_title = (
        not civilian
        and SOLDIER.both.search(title) is not None
        and (BOUND.both.search(title) or DEAD.both.search(title)) is not None
    )
    told = [i > 0 and captive(low) for i, low in enumerate(lows)]
    return {
        i
        for i in range(1, len(lows))
        if by_title or told[i - 1] or (i + 1 < len(lows) and told[i + 1])
    }


WOUNDED = Cue(
    (
        r"\bwounded\b|\binjured\b|\bhurt\b",
        r"\b(?:тяжко|важко)?поранен\w*|\b(?:тяжело|тяже)?ранен(?:ый|ого|ых|ые|ым|ыми|ому)\b"
        # "трёхсотые": the wounded in soldiers' slang ("200" are the dead)
        r"|\bтр[её]хсот(?:ых|ые|ого|ый|ым|ыми)\b|\bтрьохсот(?:их|і|ого|ий|им|ими)\b",
    )
)
LEFT_BEHIND = Cue(
    (
        r"\bleft (?:behind|at|in)\b|\babandoned\b|\bcould not (?:be )?(?:evacuated|carried|moved|"
        r"evacuate|carry|move)\b|\bevacuat\w*|\bstay(?:ed)? put\b",
        r"\bзалиши\w*|\bзалишен\w*|\bевакуюва\w*|\bевакуац\w*|\bоставлен\w*|\bоставил\w*"
        r"|\bэвакуир\w*|\bэвакуаци\w*",
    )
)
