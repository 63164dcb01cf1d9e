"""Number words (en/uk/ru, inflected), the count token and the victim nouns a count attaches to."""

from __future__ import annotations

import re

# "one" is left to the singular rule: "one of them", "одного з них" are not counts
WORDS: list[tuple[str, int]] = [
    (r"two|дв(?:а|і|ох|оє|ом|ома|ух|ое|оих|умя)", 2),
    (r"three|тр(?:и|ьох|оє|ом|ох|ех|ое|оих|ьом)", 3),
    (r"four|чотир(?:и|ьох|ьом)|четвер(?:о|ых|ым)|четыр(?:е|ех|ем)", 4),
    (r"five|п'ят(?:ь|ьох|ьом|еро|ерых|и)|пят(?:ь|и|еро|ерых|ерым)", 5),
    (r"six|шіст(?:ь|ьох|ьом)|шест(?:ь|и|еро|ерых|ерьох|ерым)|шестер(?:о|ых)", 6),
    (r"seven|сім|сімох|сімом|семер(?:о|ых|ым)|сем(?:ь|и)", 7),
    (r"eight|вісім|вісьмох|восьм(?:и|еро|ерых|ерым)|восемь", 8),
    (r"nine|дев'ят(?:ь|ьох|ьом|еро|и)|девят(?:ь|и|еро|ерых|ерым)", 9),
    (r"ten|десят(?:ь|ьох|ьом|еро|и|ерых|ерым)", 10),
    (r"eleven|одинадцят(?:ь|ьох|ьом|и)|одиннадцат(?:ь|и)", 11),
    (r"twelve|дванадцят(?:ь|ьох|ьом|и)|двенадцат(?:ь|и)", 12),
    (r"thirteen|тринадцят(?:ь|ьох|ьом|и)|тринадцат(?:ь|и)", 13),
    (r"fourteen|чотирнадцят(?:ь|ьох|ьом|и)|четырнадцат(?:ь|и)", 14),
    (r"fifteen|п'ятнадцят(?:ь|ьох|ьом|и)|пятнадцат(?:ь|и)", 15),
    (r"sixteen|шістнадцят(?:ь|ьох|ьом|и)|шестнадцат(?:ь|и)", 16),
    (r"seventeen|сімнадцят(?:ь|ьох|и)|семнадцат(?:ь|и)", 17),
    (r"eighteen|вісімнадцят(?:ь|ьох|и)|восемнадцат(?:ь|и)", 18),
    (r"nineteen|дев'ятнадцят(?:ь|ьох|и)|девятнадцат(?:ь|и)", 19),
    (r"twenty|двадцят(?:ь|ьох|ьом|и)|двадцат(?:ь|и)", 20),
    (r"thirty|тридцят(?:ь|ьох|и)|тридцат(?:ь|и)", 30),
    (r"forty|сорок(?:а|ох)?", 40),
    (r"fifty|п'ятдесят(?:и|ьох)?|пятьдесят|пятидесяти", 50),
]
# "twenty-two", "thirty one": an English tens word and a unit
_EN_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_EN_COMPOUND = re.compile(rf"^(twenty|thirty|forty|fifty)[- ]({_EN_UNITS})$")
_WORD_RX = [(re.compile(rf"^(?:{w})$"), n) for w, n in WORDS]
# "двадцять двох", "тридцать пять": a Cyrillic tens word and a unit (one: "один", "одного")
_CY_TENS = "|".join(w.split("|", 1)[1] for w, n in WORDS if n in (20, 30, 40, 50))
_CY_UNITS = "|".join(w.split("|", 1)[1] for w, n in WORDS if 2 <= n <= 9) + r"|одн\w*|один"
_CY_COMPOUND = re.compile(rf"^(?:{_CY_TENS}) (?:{_CY_UNITS})$")
NUM = (
    r"(?:\d{1,4}(?![\d.,]\d|-|th|st|nd|rd|%|\s*(?:km|кілометр|километр|км|years? old|років|лет))"
    + rf"|(?:twenty|thirty|forty|fifty)[- ](?:{_EN_UNITS})"
    + rf"|(?:{_CY_TENS}) (?:{_CY_UNITS})(?![\w'])"
    + ("|" + "|".join(w for w, _ in WORDS) + r")(?![\w'])")
)
VICTIM = (
    r"(?:POWs?|prisoners?|captives?|soldiers?|servicem[ae]n|service ?members|troops|men|"
    r"Ukrainians|Russians|defenders|fighters|marines|paratroopers|(?:drone )?operators|"
    r"others?|of them|(?:військово)?полонен\w*|військов\w*|бійц\w*|бойц\w*|"
    r"захисник\w*|українц\w*|українців|оборонц\w*|(?:военно)?пленн\w*|военн\w*|солдат\w*|"
    r"военнослужащ\w*|украинц\w*|россиян\w*|росіян\w*|сдавш\w*|здал\w*|операторів|операторов|"
    r"people|людей|человек|осіб|тяжкопоранен\w*|поранен\w*|ранен\w*|тяжелоранен\w*|"
    r"conscripts|infantrymen|medics|scouts|servicewomen|gunners|snipers|чоловік\w*|мужчин\w*|"
    r"guys|boys|lads|хлопц\w*|парн(?:ей|я)|ребят|защитник\w*|морпіх\w*|морпех\w*|десантник\w*|розвідник\w*|"
    r"разведчик\w*|штурмовик\w*|мобілізован\w*|мобилизованн\w*|бранц\w*|піхотинц\w*|"
    r"пехотинц\w*|brothers|братів|братьев|comrades|побратимів|members|border guards|"
    r"guardsmen|прикордонник\w*|пограничник\w*|нацгвард\w*|хохл\w*|наших|трьохсот\w*"
    r"|трехсот\w*|трёхсот\w*|пацан\w*"
    # the dead a count is taken from ("шестеро з повернутих загиблих"), the names on a list
    # or a memorial ("a memorial bearing sixteen names")
    r"|загибл\w*|погибш\w*|the dead|names|імен|імена|прізвищ\w*|имен|имена|фамилий)"
)
# a term or a span of time is never a count: "jailed for 15 years for killing a POW"
DURATION = (
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|роки|років|рік|місяц\w*|тижн\w*|днів|дні"
    r"|годин\w*|хвилин\w*|лет|года?|годам|годами|рокам|роками|месяц\w*|недел\w*|дней|дня"
    r"|час(?:а|ов)|минут\w*)\b"
)


def value(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    if compound := _EN_COMPOUND.match(token):
        tens, unit = compound.groups()
        return value(tens) + _EN_UNITS.split("|").index(unit) + 1  # type: ignore[operator]
    if _CY_COMPOUND.match(token):
        tens, unit = token.split(" ")
        ones = 1 if unit.startswith(("одн", "один")) else (value(unit) or 0)
        return (value(tens) or 0) + ones
    for rx, n in _WORD_RX:
        if rx.match(token):
            return n
    return None
