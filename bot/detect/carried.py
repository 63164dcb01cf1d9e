"""A killing told a sentence or two after its captives: the setup ("Two men kneel in a tree
line."), the pronoun killing ("Both were shot moments later."), the marks of an execution.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.detect.cue import Cue

# A killing told in the next sentence with a pronoun ("Two men in Ukrainian uniforms kneel in a
# tree line. Both were shot moments later."): the sentence before sets up the captives.
_KILLED_EN = (
    r"(?:shot|killed|executed|murdered|finished off|gunned down|shot dead|put down|liquidated"
    r"|spray(?:ed)? "
    r"(?:them|him) with bullets)"
)
_KILLED_CY = (
    r"(?:розстріля\w*|розстрілю\w*|расстрелива\w*|стратил\w*|вбил[иа]?|убил[иа]?|добил[иа]?|застрелил[иа]?|прикінчил\w*"
    r"|расстреля\w*|казнил[иа]?|пристрелил[иа]?|прикончил[иа]?|кончил[иа]?|порішил[иа]?"
    r"|порешил[иа]?|поклал[иа]?|положил[иа]?|клад[еу]|кладут|минусану\w*|мінусану\w*"
    r"|задвухсоти\w*|задвохсоти\w*|ліквідува\w*|ліквідован\w*|ликвидирова\w*)"
)
# a pronoun or a count as the object: "п'ятьох відвели до воронки і поклали там"
_THEM_CY = (
    r"(?:їх|його|обох|усіх|всіх|всех|их|его|обоих|двох|трьох|чотирьох|п.ятьох|шістьох|двоих"
    r"|троих|четверых|пятерых|шестерых)"
)
# the killing as the last word of its sentence ("… — и пристрелили."): its object is the
# captive of the sentence before
_KILLED_LAST_CY = (
    r"(?:розстріляли|стратили|вбили|убили|добили|застрелили|прикінчили|расстреляли|казнили"
    r"|пристрелили|прикончили|кончили|порішили|порешили)(?=[.!…»\"]+(?:\s|$)|$)"
)
ANAPHOR_KILL = Cue(
    (
        rf"\b(?:they|both|all|he|(?:both|all|each|none) of them|the (?:men|two|three|four|five"
        rf"|wounded|injured|captives|prisoners))"
        rf" (?:[\w'-]+ ){{0,2}}?(?:were|was|had been|have been|has been|got) (?:[\w'-]+ ){{0,2}}?"
        rf"{_KILLED_EN}\b|\b{_KILLED_EN} (?:them|him|both|all of them|each of them"
        rf"|every one|each one|everyone|every (?:last )?one of them|all \w+ of them)\b",
        rf"\b{_THEM_CY} (?:[\w'-]+,? ){{0,8}}?{_KILLED_CY}|\b{_KILLED_CY} {_THEM_CY}\b"
        # a collective subject and a passive: "Все четверо были убиты", "Обидва були страчені"
        rf"|\b(?:всі|усі|все|обидва|обидві|обоє|оба|обе|двоє|троє|двое|трое|четверо|п'ятеро"
        rf"|пятеро|шестеро|семеро)(?: (?:вони|они|двоє|троє|двое|трое|четверо|п'ятеро|пятеро"
        rf"|шестеро|семеро))? "
        rf"(?:були |было |были |був |был )?(?:вбит|убит|розстріля|расстреля|страчен|казнен"
        rf"|застрел|добит)\w*"
        rf"|[—–-] (?:и|і|й) {_KILLED_LAST_CY}",
    )
)
# Literal keys of a setup (checked before the pronoun regex, which is dearer)
SETUP_KEYS = (
    "kneel", "knelt", "lie down", "lying", "wounded", "surrender", "captur", "captive", "prison",
    "hands", "unarmed", "колін", "колен", "поранен", "ранен", "здав", "здал", "здат", "сдав",
    "сдал", "сдат", "полон", "плен", "рук", "беззбро", "безоруж", "без зброї", "без оружия",
    "given", "taken", "флаг", "прапор", "зброю", "оружие", "ствол", "оставить", "out of",
    "threw down", "кину", "броси", "попавш", "попал", "потрапи",
    "лицем", "helmet", "could not", "couldn't", "unable", "escort", "marched", "ні йти",
    "ни идти", "не мог", "не міг", "не змог", "сдаю", "здаю", "тряпк", "ганчірк", "white fl",
    "white rag", "white cl", "білим", "білою", "белым", "белой", "без автомат", "оружия нет",
    "зброї н", "захвачен", "захоплен", "лицом", "обличчям", "dragged", "rifle", "weapon", "gun",
    "зав'язан", "завязан", "blindfold", "руками", "захопили", "захватили", "hand", "трехсот",
    "трёхсот", "трьохсот", "stayed", "remained", "лиши", "лишил", "остал",
)  # fmt: skip
# The setup: captives, surrender, a kneeling or lying-down posture, the wounded left behind.
SETUP = Cue(
    (
        # "He was taken near Terny with two others" (not "taken to hospital")
        r"\b(?:was|were|had been|got) taken (?:alive |together )?(?:near|at|outside|by)\b|"
        r"\bkneel(?:s|ing)?\b|\bknelt\b|\blie down\b|\blying (?:face ?down|on the ground)\b"
        r"|\b(?:could(?:n't| not)|unable to) (?:move|walk|resist|stand|crawl)\b"
        r"|\b(?:neither|none of them|no one) (?:had|carried|held) (?:a )?(?:weapon|rifle|gun)s?\b"
        r"|\bescort(?:ing|ed)? (?:them|him)\b|\bmarched (?:them |him )?(?:in single file|at "
        r"gunpoint|away|off)\b"
        r"|\b(?:left|leave|abandon\w*) (?:[\w'-]+ ){0,2}?wounded\b|\bwounded (?:[\w'-]+ ){0,2}?"
        r"(?:left|behind)\b|\b(?:stayed|remained) (?:[\w'-]+,? ){0,4}?(?:badly )?wounded\b",
        r"\bна колін\w*|\bна колен\w*|\bзалиши\w* (?:[\w'-]+ ){0,2}?поранен\w*"
        r"|\bні йти\b|\bни идти\b|\bне (?:могл?и?|міг|могла|змогл?и?) (?:ни |ні )?(?:идти|ходить"
        r"|двигаться|ходити|рухатися|іти|йти)\b"
        r"|\bоставил\w* (?:[\w'-]+ ){0,2}?ранен\w*"
        # stayed behind wounded: "лишилися в бліндажі, обидва важко поранені"
        r"|\b(?:за)?лиши?л\w* (?:[\w'-]+,? ){0,4}?(?:важко |тяжко )?поранен\w*"
        r"|\bостал\w* (?:[\w-]+,? ){0,4}?(?:тяжело )?ранен\w*"
        # the wounded before the verb: "Двоих тяжелораненых пришлось оставить на позиции"
        r"|\b(?:тяжело|тяже)?ранен(?:ых|ого|ые|ый)\b (?:[\w-]+ ){0,2}?(?:оставить|оставили"
        r"|оставлен\w*|бросить|бросили)\b|\b(?:важко|тяжко)?поранен(?:их|ого|і|ий)\b "
        r"(?:[\w'-]+ ){0,2}?(?:залишити|залишили|залишен\w*|покинути|покинули)\b",
    )
)
# Combatants in the setup (so a headline about a mother or a widow does not make it civilian)
COMBATANT = Cue(
    (
        r"\buniforms?\b|\bin (?:ukrainian|russian) kit\b|\bsoldiers?\b|\bservicem[ae]n\b"
        r"|\btroops\b|\bfighters\b|\bmarines\b",
        r"\bу (?:військовій )?формі\b|\bв (?:военной )?форме\b|\bвійськов\w*|\bбійц\w*"
        r"|\bвоенн\w*|\bвоеннослужащ\w*|\bсолдат\w*|\bбойц\w*",
    )
)

# The marks of an execution, told a sentence after the captives: "bursts at point-blank range",
# "lay dead with gunshot wounds to the head", "shot in the back of the head", "впритул".
EXECUTION_MARK = re.compile(
    r"\b(?:point-blank|at close range|execution-style|gunshot wounds? (?:to|in) the (?:back of "
    r"the )?head|shot in the (?:back of the )?head|spray(?:ed|ing)? (?:them|him) with bullets"
    r"|open(?:ed|s)? fire from behind|shot (?:them |him )?where (?:they|he) lay"
    r"|shot (?:him|them|each) in the (?:back of the )?head"
    r"|(?:none of (?:them|the \w+)|nobody|no one) (?:gets|got|stands|stood) up"
    r"|nobody moves|no one moves)\b"
    r"|(?:там,? )?где (?:они )?лежали|(?:там,? )?де (?:вони )?лежали"
    r"|(?:никто|ніхто) (?:уже |вже )?не (?:шевел|ворушит|двига|рухає|вста|підвод)\w*"
    r"|\b(?:все|всі|усі|обидва|оба|обоє)\b(?: [\w-]+){0,2}? (?:двухсот|двохсот)\w*"
    r"|\b(?:впритул|в упор|в потилицю|в затылок|вогнепальн\w* поранен\w* (?:у |в )?голов\w*"
    r"|огнестрельн\w* ранени\w* (?:в )?голов\w*|контрольн\w* (?:постріл|выстрел)\w*"
    r"|(?:вистріли|выстрели)\w* (?:йому|їм|ему|им|кожному|каждому) (?:в|у) голову"
    r"|простреленн\w* голов\w*|прострелен\w* голов\w*)"
)


def before(sentences: Sequence[str], i: int) -> list[int]:
    """The two sentences before the i-th (the headline, 0, excepted), not counting an
    interviewer's short turn between ("— І?", "— And then?")."""
    found: list[int] = []
    for j in range(i - 1, 0, -1):
        if len(found) == 2:
            break
        if not (sentences[j].rstrip().endswith("?") and len(sentences[j].split()) <= 4):
            found.append(j)
    return found
