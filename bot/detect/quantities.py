"""Victim counts: digits and number words (en/uk/ru, inflected), "at least N", vague amounts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from enum import Enum
from itertools import chain

from bot.detect.cue import CaseBlind, fold
from bot.detect.dates import mask_dates
from bot.detect.indirect import (
    brothers,
    crew,
    first_then_next,
    group,
    more,
    more_than_first,
    one_case,
    one_more,
    part,
)
from bot.detect.numbers import DURATION as _DURATION
from bot.detect.numbers import NUM as _NUM
from bot.detect.numbers import VICTIM as _VICTIM
from bot.detect.numbers import value as _value

_F = re.IGNORECASE


class Kind(Enum):
    """What one sentence says about how many were killed."""

    NONE = 0  # no count attached to the victims
    EXACT = 1  # "16 POWs", "дев'ятьох полонених", "at least seven"
    VAGUE = 2  # "more than 10", "dozens", "up to 25"
    SINGLE = 3  # "a Ukrainian POW", "пораненого полоненого", "його"
    TALLY = 4  # "at least 250 since the invasion", "79 executions": many incidents, not this one


_QUANT = re.compile(
    rf"(?P<pre>\b(?:at least|no fewer than|not less than|more than|over|up to|about|around|"
    rf"roughly|nearly|almost|some|approximately|щонайменше|принаймні|не менше|понад|більше|"
    rf"близько|приблизно|майже|до|не менее|как минимум|по меньшей мере|более|свыше|больше|"
    rf"около|почти|примерно)\s+)?(?<![\w'’:-])"
    # a label is no count: "school No. 38", "школа № 38"
    rf"(?<!№ )(?<!№)(?<!no\. )(?<!#)(?P<num>{_NUM})(?!\s+{_DURATION})"
    rf"(?:\s+(?:of|із|з|из)\s+(?:the\s+)?{_NUM})?\s+(?:[\w'-]+\s+){{0,4}}?"
    rf"(?P<noun>{_VICTIM.lower()})\b",
)
# "a pair of captured marines": two
_PAIR = re.compile(
    rf"\b(?:(?:a )?pair of|пар(?:у|а|ою|ой))\s+(?:[\w'-]+\s+){{0,3}}?{_VICTIM.lower()}\b"
)
_VAGUE_PRE = re.compile(
    r"more|over|up to|about|around|roughly|nearly|almost|some|approx|понад|більше|близько|"
    r"приблизно|майже|^до$|более|свыше|больше|около|почти|примерно",
    _F,
)
_VAGUE = CaseBlind(
    r"\b(?:dozens|scores|several|a number of|a group of|hundreds|a dozen|many|десятк\w*|кілька|"
    r"кількох|кількох|групу|групи|сотн\w*|несколько|нескольких|группу|группы|многих)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:POWs?|prisoners|captives|soldiers|servicem[ae]n|men|Ukrainians|"
    r"Russians|troops|(?:військово)?полонен\w*|військов\w*|бійц\w*|(?:военно)?пленн\w*|"
    r"военн\w*|солдат\w*|военнослужащ\w*|people|людей|человек)",
)
_EVENTS = re.compile(
    r"^\s*(?:[\w'-]+\s+){0,1}?(?:cases|incidents|episodes|executions|killings|criminal|"
    # nouns only: "79 страт / розстрілів"; "шістьох полонених розстріляли" is a count
    r"випадк\w*|епізод\w*|проваджен\w*|справ\w*|страт(?:и|а|у)?\b|розстріл(?:и|ів|ам|ах)?\b"
    r"|случа\w*|эпизод\w*|дел\b|казн(?:и|ей|ь)\b|расстрел(?:ы|ов|ам|ах)?\b|убийств\w*)",
    _F,
)
_AGGREGATE = CaseBlind(
    r"\bsince (?:the |late |early |mid-)?(?:\d|start|beginning|full-scale|invasion|war|January|"
    r"February|March|April|May|June|July|August|September|October|November|December)|"
    r"\bin total\b|\ba total of\b|\bso far\b|\bдо сих пор\b|\bз початку\b|"
    r"\bвід початку\b|\bс начала\b|\bзагалом\b|\bвсего\b|\bв общей сложности\b|\bз 2022\b|"
    r"\bс 2022\b|\bsince (?:russia's|moscow's|its|2014|2022|feb)|\b(?:during|throughout|over the"
    r" course of) the (?:full-scale )?(?:war|invasion)\b|\bза (?:час|роки|время|годы) "
    r"(?:повномасштабн\w+ |полномасштабн\w+ )?(?:війни|вторгнення|войны|вторжения)\b",
)
_SINGLE = CaseBlind(
    r"\b(?:an?|one)\s+(?:[\w-]+\s+){0,3}?(?:\w+-)?(?:POW|prisoner of war|prisoner|captive|soldier|"
    r"serviceman|servicewoman|servicemember|sniper|fighter|defender|marine|paratrooper|"
    r"(?:drone )?operator|medic|scout|conscript|gunner|infantryman|comrades?)\b(?! (?:killings?|"
    r"shootings?|"
    # the one who tells it is the source: "a Russian soldier tells his wife", "a soldier who
    # survived"
    r"executions?|exchange|swap|camp|tells?|told|says?|said|describes|recalls|recounted"
    r"|testified|who (?:saw|survived|witnessed)))"
    # "saw Russian troops kill his wounded comrade": one comrade of the teller
    r"|\b(?:his|her)\s+(?:[\w-]+\s+){0,2}?(?:comrade|fellow soldier|brother-in-arms)\b"
    r"(?!s\b| (?:tells?|told|says?|said|recalls|describes)\b)"
    r"|\b(?:an?|one) (?:captured|wounded|surrendering|surrendered|unarmed)"
    r" (?:Ukrainian|Russian)\b(?!s)"
    r"|\b(?:полоненого|військовополоненого|пораненого бійця|"
    r"бійця|захисника|військового|пленного|военнопленного|раненого|военного|солдата|"
    r"военнослужащего|сдавшегося|оператора|десантника|морпіха|морпеха|розвідника|разведчика|"
    r"медика|снайпера|мобілізованого|мобилизованного|оборонця|защитника|здавшегося|бойца"
    r"|пехотинца|піхотинця|штурмовика|стрелка|стрільця|прикордонника|пограничника"
    r"|нацгвардійця|нацгвардейца|артилериста|артиллериста|танкиста|сапера|кулеметника"
    r"|пулеметчика|добровольця|добровольца|контрактника)\b"
    # a witness: "свідчення бійця, який бачив розстріл", "бойца, который выжил"
    r"(?!,?\s+(?:який|которы\w+)\s+(?:[\w'-]+\s+)?(?:бачив|видел|вижив|выжил|розповів"
    r"|рассказал|свідчить|свидетельствует))|\b(?:його|его)\s+(?:[\w-]+\s+){0,1}?(?:вбива\w*|вбили|"
    r"розстріля\w*|убива\w*|убили|расстреля\w*|застрели\w*|добили)|\b(?:вбива\w*|вбили|"
    r"розстріля\w*|убили|расстреля\w*|застрели\w*|добили)\s+(?:його|его)\b"
    # "розстріляли його побратимів": a possessive, the victims are his comrades
    r"(?!\s+(?:[\w'-]+(?:ів|ей|ев|ов|их|ых)\b|побратим|товариш|товарищ|сослуживц|брат|друг"
    r"|друз|сина|сын|бійц|бойц))"
    # "его оттаскивают к воронке и стреляют в голову": him, then a chain of verbs that ends
    # in shooting ("его сослуживцев вывели и расстреляли": a possessive again)
    r"|\b(?:його|его)\s+(?![\w'-]+(?:ів|ей|ев|ов|их|ых)\b|побратим|товариш|товарищ|сослуживц"
    r"|брат|друг|друз|сина|сын|бійц|бойц)(?:[\w-]+,?\s+){1,4}?(?:и|і|та|й)\s+(?:стреля\w*"
    r"|стріля\w*|расстреля\w*|розстріля\w*|добива\w*|добили|убили|вбили)"
    # "him" as the object of the killing: "the orcs put a bullet in him", "shot him dead"
    r"|\b(?:shot|killed|executed|murdered|finished off|gunned down|put a bullet (?:in|into)"
    r"|opened fire on)\s+him\b",
)
_BOTH = re.compile(
    r"\b(?:pow|prisoner|captive|soldier|serviceman|fighter|defender|полонен\w*|бійц\w*|пленн\w*"
    r"|бойц\w*|военн\w*) (?:and|та|і|и) (?:his|їхн\w+|його|его) (?:comrade|fellow|brother|friend"
    r"|побратим\w*|товариш\w*|брат\w*|сослуживц\w*|товарищ\w*)|"
    r"\b(?:shot|killed|executed|murdered) both\b|\bboth (?:men |soldiers |of them )?(?:were |had "
    r"been )(?:shot|killed|executed|murdered)\b|\b(?:обидва|обоє|оба|обоих),? (?:[—–-] )?"
    # "Обидва — двохсоті": "200" is the soldiers' word for the dead
    r"(?:були |были )?(?:розстріляні|вбиті|расстреляны|убиты|двохсот\w*|двухсот\w*)(?!\w)"
    r"|\b(?:розстріляли|вбили|стратили|застрелили|расстреляли|убили|казнили|застрелили)\s+(?:\w+\s+)?(?:обох|обоих)\b|\b(?:обох|обоих),?\s+"
    # a chain of verbs before the killing one: "обох підняли, поставили на коліна і добили",
    # or a parenthetical: "Обох, за його словами, окупанти поставили на коліна і розстріляли"
    r"(?:[\w'-]+,?\s+){0,9}?(?:розстріляли|вбили|стратили|застрелили|добили|расстреляли|убили"
    r"|казнили|застрелили)\b"
)
# A counted group that is the subject of the killing ("two Russian soldiers shot a POW"), or
# that is described as witnesses, survivors or the accused, is not the victims.
_CAPTIVE_NOUN = re.compile(r"pow|prisoner|captive|полонен|пленн|бранц|сдавш|здал")
_PERPETRATOR = re.compile(
    r"\s+(?:[\w'-]+\s+){0,2}?(?:shot|killed|executed|murdered|gunned|opened fire|finished off"
    r"|розстріляли|вбили|стратили|застрелили|добили|відкрили вогонь|расстреляли|убили|казнили"
    r"|добили|открыли огонь)\s+(?:a|an|the|one|his|their|captured|wounded|unarmed|surrendering"
    r"|\w*полонен\w*|\w*пленн\w*|бранц\w*|поранен\w*|ранен\w*|його|его|\w+ого"
    rf"|{_NUM})\b"
)
_BYSTANDER = re.compile(
    r"\b(?:witness\w*|surviv\w*|accused|suspect(?:s|ed)?|charged|convicted|defendants?|свідк\w*"
    r"|вижил\w*|вцілі\w*|обвинувачен\w*|підозрюван\w*|свидетел\w*|выжил\w*|уцелевш\w*"
    r"|обвиняем\w*|подозреваем\w*|sentenced|found guilty|засуджен\w*|засудил\w*|засудив"
    r"|осужден\w*|осудил\w*|приговорен\w*|визна\w* винн\w*|призна\w* виновн\w*)\b"
)
# A counted group that tells what happened ("Four soldiers freed last week have told
# investigators that …", "Several of the freed men said …") is the source, not the victims.
_SPEAKERS = re.compile(
    # a killing in between ends the group's clause: "two of its soldiers had been killed
    # after surrendering near X and said ...": the brigade said it
    r"(?:(?!\b(?:who|that|which|які|яких|котор\w*|killed|shot|executed|murdered|розстріля\w*"
    r"|вбит\w*|убит\w*|расстреля\w*)\b)[^.;:,]){0,60}?"
    r"\b(?:(?:have |has |had )?(?:told|said|say|says|testified|recalled|described"
    r"|recounted)|розповіли|розповіла|заявили|свідчать|засвідчили|рассказали|заявили"
    r"|свидетельствуют|показали)\b"
)
_BARE_SINGLE = re.compile(
    r"(?<!\d )\b(?:(?:wounded|captured|unarmed|helpless|surrendered|surrendering|"
    r"injured|young|ukrainian|russian|missing),? ){1,3}"
    r"(?:(?:combat|army|field|infantry|assault) )?"
    r"(?:pow|prisoner of war|prisoner(?! (?:exchange|swap))|captive|soldier|serviceman|"
    r"servicewoman|scout|medic|marine|paratrooper|sniper|fighter|defender|drone operator|"
    r"gunner|sergeant)\b(?!s\b|'s\b| (?:tells?|told|says?|said|describes|recalls)\b)"
    r"|\b(?:to|of|for|killed|shot|executed|murdered|as)\s+(?:missing\s+)?(?:pow|soldier|serviceman)"
    r"\b(?!s\b)"
    # a singular passive: "his friend ... was shot by Russian soldiers"
    r"|(?<!video )(?<!footage )(?<!clip )(?<!film )\b(?:was|has been|(?<=he )had been"
    r"|(?<=she )had been)\s+(?:\w+\s+)?(?:shot|executed|killed|murdered|gunned down"
    r"|finished off)\b"
    # "he was the soldier seen being shot": a singular noun, then its killing in the passive
    r"|\b(?:the|a) (?:\w+ )?(?:soldier|pow|prisoner|captive|serviceman|marine|man) (?:\w+ )?being"
    r" (?:shot|executed|killed|murdered)\b"
    # a headline's singular noun, then its killing: "Soldier shot after surrender near X"
    r"|^\W*(?:pow|prisoner|captive|soldier|serviceman|marine|paratrooper|medic|scout|sniper"
    r"|fighter|defender)\s+(?:shot|killed|executed|murdered|gunned down)\b"
)
# A revised toll: "the death toll rose to 10", "число погибших возросло до десяти". The new
# figure is the count even though no victim noun follows it.
_RISE = re.compile(
    r"\b(?:toll|number|count|figure|tally|кількість|число|количество)\b[^.;]*?"
    r"\b(?:ris(?:e|es|en|ing)|rose|climb\w*|increas\w*|gr(?:ew|own|ows)|jump\w*|revised"
    r"(?: (?:up|upward|upwards))?|reach\w*|зрос\w*|збільшил\w*|вирос\w*|сягну\w*|досяг\w*|"
    r"переглянут\w*|возросл\w*|увеличил\w*|вырос\w*|достиг\w*|пересмотрен\w*)"
    rf"(?:\s+(?:from|з|із|с)\s+{_NUM})?\s+(?:to|до)\s+(?P<pre>(?:at least|щонайменше|"
    rf"не менее|как минимум)\s+)?(?P<num>{_NUM})(?!\s+(?:per ?cent|відсот|процент|%))"
)
# "the number of cases rose to 24": events counted, not people
_RISING_EVENTS = re.compile(
    r"\b(?:cases|incidents|episodes|executions|killings|proceedings|investigations|випадк\w*"
    r"|епізод\w*|проваджен\w*|справ|страт|розстрілів|вбивств|случа\w*|эпизод\w*|дел|казней"
    r"|расстрелов|убийств|расследовани\w*|розслідуван\w*)\b"
)
AGGREGATE_LIMIT = 60  # a count this large is a tally of many incidents, not one incident


# "П'ятьох убито.", "Пятеро убиты.", "Five were killed.": a count with no noun, then the verb
# (also after a clause: "Seven surrendered, five were shot")
_COUNT_KILLED = re.compile(
    rf"\W*(?:(?:all|усі|всі|все)\s+)?(?P<num>{_NUM})\s+(?:(?:теперь|тепер|now|вже|уже)\s+)?"
    r"(?:(?:were|have been|had been|are|були|были)\s+)?(?:killed|shot|executed|dead|"
    r"убито|убиты|вбито|вбиті|розстріляно|розстріляні|расстреляны|застрелено|застрелены"
    r"|загинули|загинуло|погибли|погибло|died|двохсот\w*|двухсот\w*)(?!\w)"
)


# "Шістьох убили", "Пятерых расстреляли": an accusative count before an active verb is the
# victims ("Двоє розстріляли полоненого": a nominative one is the killers)
_ACCUSATIVE_VERB = re.compile(
    r"\b(?:вбили|убили|розстріляли|расстреляли|застрелили|пристрелили|стратили|казнили|добили"
    r"|ліквідували|ликвидировали)\b"
)
# the count before the verb (read back from the verb: cheaper than from every word)
_ACCUSATIVE_BEFORE = re.compile(
    rf"(?:^\W*|(?<=\s))(?:(?:усіх|всіх|всех)\s+)?(?P<num>{_NUM})\s+"
    r"(?:(?:там|тут|одразу|сразу|потім|потом|згодом|затем)\s+"
    # a chain of verbs that ends in the killing: "Двох взяли, допитали й ліквідували"
    r"|(?:[\w'-]+,?\s+){1,4}?(?:й|і|та|и)\s+)?$"
)
_ACCUSATIVE = ("ох", "их", "ых", "ех")
_ACCUSATIVE_KEYS = (
    "били", "стріляли", "стреляли", "стрелили", "стратили", "казнили", "ліквідували",
    "ликвидировали",
)  # fmt: skip
# A definite count standing for the group told before: "The six are marched to a tree line",
# "All five were made to kneel", "Усі шестеро лежали обличчям донизу"
_DEFINITE = re.compile(
    rf"^\W*(?:the|all|усі|всі|все)\s+(?P<num>{_NUM})(?:\s+(?:are|were|had|have|lay|lie|stood"
    r"|knelt|лежал\w*|стоял\w*|стояли|вийшли|вышли|йшли|шли|потрапили|попали|були|были)\b"
    # a parenthetical between: "Усі троє, за даними прокуратури, потрапили в полон"
    r"|,\s+[^,]{1,80},\s+\w)"
)
# "between 10 and 15 marines", "від 10 до 15 бійців": a range, no one count
_RANGE_BEFORE = re.compile(r"\b(?:between|from|між|від|от|между)\s+$")
_RANGE_AFTER = re.compile(rf"\s+(?:and|to|і|та|й|до|и)\s+(?:{_NUM})(?![\w'])")
# A count that is the agent of a passive ("shot by three Russian soldiers") or the subject of
# a killing verb before the victims' noun ("двоє окупантів розстріляли полоненого") counts
# the killers.
_AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
# the accused: "notified two servicemen of suspicion", "повідомили про підозру двом"
_ACCUSED_BEFORE = re.compile(
    r"\b(?:notified|charged|convicted|sentenced|indicted|підозру|подозрение|засудили|осудили"
    r"|обвинуватили|обвинили)\s+(?:the\s+)?$"
)
# the people an author or investigator talked to are the sources: "interviewing more than 40
# people", "опитали 12 бійців"
_SOURCES_BEFORE = re.compile(
    r"\b(?:interview(?:ed|ing|s)?|spoke (?:to|with)|talked (?:to|with)|questioned|surveyed"
    r"|опитал\w*|опитав|опросил\w*|опросив|поговорил\w* (?:з|с|із)|розмовля\w* (?:з|із))\s+$"
)
_VERB_BETWEEN = re.compile(
    r"\b(?:shot|killed|executed|murdered|gunned|розстріля\w*|вбил\w*|стратил\w*|застрелил\w*"
    r"|добил\w*|расстреля\w*|убил\w*|казнил\w*)\b"
)


# "48 interviews with soldiers", "23 свідчення полонених": the count is of the sources
_SOURCE_BETWEEN = re.compile(
    r"\b(?:interviews?|testimon\w*|accounts|statements|інтерв'ю|свідчен\w*|розмов\w*|интервью"
    r"|показани\w*|свидетельств\w*|бесед\w*|разговор\w*)\b"
)


def _quantities(sentence: str) -> Iterator[re.Match[str]]:
    """Counts attached to a victim noun, minus those of the killers (read past them)."""
    pos = 0
    while m := _QUANT.search(sentence, pos):
        if (
            _AGENT_BEFORE.search(sentence, max(0, m.start() - 12), m.start())
            or _ACCUSED_BEFORE.search(sentence, max(0, m.start() - 16), m.start())
            or _SOURCES_BEFORE.search(sentence, max(0, m.start() - 24), m.start())
        ) or (
            _VERB_BETWEEN.search(sentence, m.end("num"), m.start("noun"))
            or _SOURCE_BETWEEN.search(sentence, m.end("num"), m.start("noun"))
        ):
            pos = m.end("num")
            continue
        yield m
        pos = m.end()


_CLAUSE_START = re.compile(r"[,;]\s+")
_INCLUDING_KEYS = (
    "including",
    "among them",
    "серед них",
    "тому числі",
    "зокрема",
    "том числе",
    "среди них",
)
_INCLUDING = re.compile(
    r"\b(?:including|among them|серед них|у тому числі|в тому числі|зокрема|в том числе"
    r"|среди них)\b"
)
_GENERIC_DEAD = re.compile(r"\b(?:people|bodies|remains|людей|человек|осіб|тіл|тел|останк\w*)\b")
_ALL_WORD = re.compile(r"\b(?:all|усі|всі|все)\s")
# the count right after the killing verb: "из пятерых пленных расстреляли троих"
_ACCUSATIVE_AFTER = re.compile(rf"\s+(?P<num>{_NUM})(?![\w'])")
# the cases named as examples: two or more ("among the cases … is X, and a case in which …")
_ANOTHER_CASE = re.compile(r"\b(?:case|incident|episode|випад\w*|епізод\w*|случа\w*|эпизод\w*)\b")
_AMONG_CASES = re.compile(
    r"\bamong (?:the |these |other )?(?:cases|incidents|episodes|killings|executions)"
    r"|серед (?:[\w'-]+ )?(?:випадків|епізодів|страт|розстрілів)"
    r"|среди (?:[\w-]+ )?(?:случаев|эпизодов|казней|расстрелов)"
)


def _count_killed(sentence: str) -> re.Match[str] | None:
    """`_COUNT_KILLED` at the start of the sentence, of a clause after a comma, or at "all":
    "… после чего все шестеро были убиты"."""
    starts = (0, *(m.end() for m in _CLAUSE_START.finditer(sentence)))
    if any(map(sentence.__contains__, ("all ", "усі ", "всі ", "все "))):
        starts = (*starts, *(m.start() for m in _ALL_WORD.finditer(sentence)))
    return next((m for p in starts if (m := _COUNT_KILLED.match(sentence, p))), None)


def _accusative_killed(sentence: str) -> re.Match[str] | None:
    """The count right before the first killing verb that has one (`_ACCUSATIVE_BEFORE`)."""
    if not any(map(sentence.__contains__, _ACCUSATIVE_KEYS)):
        return None
    for v in _ACCUSATIVE_VERB.finditer(sentence):
        if m := _ACCUSATIVE_BEFORE.search(sentence, max(0, v.start() - 80), v.start()):
            return m
        if (m := _ACCUSATIVE_AFTER.match(sentence, v.end())) and m.group("num").endswith(
            _ACCUSATIVE
        ):
            return m
    return None


def count(sentence: str) -> tuple[Kind, int | None]:
    """How many victims one statement sentence gives (first count attached to a victim noun)."""
    sentence = mask_dates(sentence).lower()
    if any(map(sentence.__contains__, ("among", "серед", "среди"))) and (
        (among := _AMONG_CASES.search(sentence)) and _ANOTHER_CASE.search(sentence, among.end())
    ):
        return Kind.TALLY, None  # "Among the cases … is X, and a case in which …": examples
    if any(map(sentence.__contains__, _INCLUDING_KEYS)) and (inc := _INCLUDING.search(sentence)):
        head, tail = sentence[: inc.start()], sentence[inc.end() :]
        # "the remains of 17 people, including the bodies of two Ukrainian soldiers": the
        # soldiers among mixed dead are the victims (not "five POWs, including two officers")
        if _GENERIC_DEAD.search(head) and count(head)[0] in (Kind.EXACT, Kind.TALLY):
            kind, n = count(tail)
            if kind is Kind.EXACT:
                return kind, n
    if n := more_than_first(sentence) or part(sentence) or group(sentence):
        return Kind.EXACT, n
    if (bare := _count_killed(sentence)) and (n := _value(bare.group("num"))):
        return (Kind.TALLY, None) if n >= AGGREGATE_LIMIT else (Kind.EXACT, n)
    if (
        (bare := _DEFINITE.match(sentence))
        and not _BYSTANDER.search(sentence)
        and (n := _value(bare.group("num")))
    ):
        return (Kind.TALLY, None) if n >= AGGREGATE_LIMIT else (Kind.EXACT, n)
    if (
        (bare := _accusative_killed(sentence))
        and bare.group("num").endswith(_ACCUSATIVE)
        and (n := _value(bare.group("num")))
    ):
        return (Kind.TALLY, None) if n >= AGGREGATE_LIMIT else (Kind.EXACT, n)
    folded = fold(sentence)[1]  # already lowercase: only which twin of the patterns to use
    if (rise := _RISE.search(sentence)) and (n := _value(rise.group("num"))):
        aggregate = _AGGREGATE.on(folded)
        if n >= AGGREGATE_LIMIT or aggregate.search(sentence) or _RISING_EVENTS.search(rise[0]):
            return Kind.TALLY, None
        return Kind.EXACT, n
    best: tuple[int, Kind, int | None] | None = None
    for m in _quantities(sentence):
        n = _value(m.group("num"))
        if not n or 1900 <= n <= 2100:
            continue
        if _EVENTS.match(sentence[m.end("num") :]):
            return Kind.TALLY, None  # "79 executions", "24 cases": a tally of events
        pre = (m.group("pre") or "").strip()
        noun = m.group("noun").lower()
        if (
            _BYSTANDER.search(sentence[m.start() : m.end() + 25])
            or _SPEAKERS.match(sentence, m.end())
            or (not _CAPTIVE_NOUN.match(noun) and _PERPETRATOR.match(sentence, m.end()))
        ):
            continue  # perpetrators, witnesses, survivors: look for the victims' count
        if noun in ("other", "others"):
            n += 1  # "Zhytnyk and four other wounded men": four others plus the one named
        if n >= AGGREGATE_LIMIT and not best and not _AGGREGATE.on(folded).search(sentence):
            best = (m.start(), Kind.TALLY, None)  # "502 bodies, among them six marines": read on
            continue
        if n >= AGGREGATE_LIMIT or _AGGREGATE.on(folded).search(sentence):
            best = best or (m.start(), Kind.TALLY, None)
        elif (pre and _VAGUE_PRE.search(pre)) or (
            _RANGE_BEFORE.search(sentence, max(0, m.start("num") - 9), m.start("num"))
            and _RANGE_AFTER.match(sentence, m.end("num"))
        ):
            best = (m.start(), Kind.VAGUE, None)
        else:
            best = (m.start(), Kind.EXACT, n)
        break
    found: list[tuple[int, Kind, int | None]] = [best] if best else []
    if (
        (amount := _VAGUE.on(folded).search(sentence))
        and not (best and best[0] < amount.end())
        and not _SPEAKERS.match(sentence, amount.end())
    ):
        found.append((amount.start(), Kind.VAGUE, None))  # not "a group of seven POWs"
    if both := _BOTH.search(sentence) or _PAIR.search(sentence):
        found.append((both.start(), Kind.EXACT, 2))
    if not found and crew(sentence):
        found.append((0, Kind.VAGUE, None))  # "the crew was shot": its number is not told
    elif not found and brothers(sentence):
        found.append((0, Kind.EXACT, 2))  # "the brothers were shot", "братів розстріляли"
    if single := _SINGLE.on(folded).search(sentence):
        found.append((single.start(), Kind.SINGLE, 1))
    elif not found:
        # headline English drops the article: "wounded scout was shot", "killing of Ukrainian
        # POW"; a singular that is the subject of the killing is the perpetrator, not a victim
        for bare in _BARE_SINGLE.finditer(sentence):
            if not _PERPETRATOR.match(sentence, bare.end()):
                found.append((bare.start(), Kind.SINGLE, 1))
                break
    if not found:
        return Kind.NONE, None
    # an explicit count beats a singular noun (often the perpetrator: "a Russian soldier")
    if any(f[1] is Kind.EXACT for f in found):
        found = [f for f in found if f[1] is not Kind.SINGLE]
    _, kind, value = min(found, key=lambda f: f[0])
    return kind, value


def victims(
    sentences: list[str],
    headline: str = "",
    narrative: Sequence[tuple[str, bool]] = (),
    captions: Callable[[], Sequence[str]] | None = None,
) -> int | None:
    """The main incident's count from statement sentences in reading order (title first).

    `headline`: when no statement gives a count, a headline that is not itself a statement
    ("Five soldiers killed near X" over a body that says they had surrendered) still may.
    `narrative`: then the other sentences about the incident, nearest first, each with
    whether it tells a killing ("Five of our guys." after "They were finished off."); a
    singular counts only where the killing is told, a bystander is often "a soldier".
    """
    # "the first two were led out and shot. The third …": before any one sentence's count
    if nth := first_then_next([*sentences, *(s for s, _ in narrative)]):
        return nth
    single = tally = False
    for s in sentences:
        kind, n = count(s)
        if kind is Kind.EXACT:
            return n
        if kind is Kind.VAGUE and not single:
            return None
        if kind is Kind.SINGLE:
            single = True
        tally = tally or kind is Kind.TALLY  # a tally is not this incident's count: read on
    if single:
        # "… found a soldier shot in the head. Two more bodies were found beside the first."
        return next((1 + n for s, _ in narrative if (n := more(s.lower()))), 1)
    if headline and headline not in sentences:
        # a headline's exact count tells one incident even where the statements are tallies
        kind, n = count(headline)
        if kind is Kind.EXACT or (kind is Kind.VAGUE and not tally):
            return n
    if tally:
        # "In one documented case, … troops led out three captured soldiers and shot them"
        cases = (count(s) for s, _ in narrative if one_case(s.lower()))
        # or a photo caption that names this incident's dead ("the bodies of the five men")
        picked = chain(cases, map(count, captions() if captions else ()))
        return next((n for kind, n in picked if kind is Kind.EXACT), None)
    for s, killing in narrative:
        kind, n = count(s)
        if kind is Kind.SINGLE and not killing:
            continue
        if kind is Kind.EXACT and n and one_more(sentences):
            return n + 1  # "Двоє вийшли … Їх розстріляли, ще одного … добили"
        if kind is not Kind.NONE:
            return n if kind in (Kind.EXACT, Kind.SINGLE) else None
    # nothing told in the story: a photo caption's count ("Фото: … шестеро военных")
    lines = captions() if captions else ()
    return next((n for kind, n in map(count, lines) if kind is Kind.EXACT), None)
