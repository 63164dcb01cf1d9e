"""Counts told indirectly: "two more bodies beside the first", "the first two … the third",
"їх було четверо", "shot all three", one case singled out of a tally, numbered episodes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.detect.narrative import OPENS_BACK
from bot.detect.numbers import DURATION, NUM, value

# "Two more bodies were found beside the first", "Поруч із першим тілом знайшли ще два"; not
# the companions of a subject ("разом із ще двома військовими захопив", "with two more men")
_MORE_CY = re.compile(
    rf"(?<!із )(?<!з )(?<!зі )(?<!с )(?<!со )\b(?:ще|ещё|еще)\s+(?P<a>{NUM})(?![\w'])"
    rf"(?!\s+{DURATION})"
)
_MORE_EN = re.compile(rf"\s+more\b(?!\s+{DURATION})")
# a count that ends the text before a word found first (the number words are many: a scan
# from a literal is much cheaper than one from every position)
_NUM_END = re.compile(rf"(?<![\w'])(?P<a>{NUM})$")
_FIRST = re.compile(r"\b(?:the first|перш(?:ий|ого|ому|им)|перв(?:ый|ого|ому|ым))\b")
_MORE_KEYS = ("more", "ще", "ещ", "еще")


def _num_before(sentence: str, end: int) -> re.Match[str] | None:
    return _NUM_END.search(sentence, max(0, end - 30), end)


def more(sentence: str) -> int | None:
    """N of "N more" / "ще N" / "ещё N" (lowercase sentence): victims added to those told."""
    found = None
    if "more" in sentence:
        for m in _MORE_EN.finditer(sentence):
            if (b := _num_before(sentence, m.start())) and not sentence[: b.start()].endswith(
                "with "
            ):
                found = b
                break
    if not found and any(map(sentence.__contains__, _MORE_KEYS[1:])):
        found = _MORE_CY.search(sentence)
    n = value(found.group("a")) if found else None
    return n if n and n < 60 else None


def more_than_first(sentence: str) -> int | None:
    """ "N more … beside the first" in one sentence: the first and the N more."""
    n = more(sentence)
    return n + 1 if n and _FIRST.search(sentence) else None


# "There were four of them", "Їх було четверо", "Их было четверо": the group's number
_THEIR_NUMBER = re.compile(
    rf"^\W*(?:(?:їх|их)\s+(?:було|было)\s+(?:(?:всього|усього|всего)\s+)?(?P<a>{NUM})"
    rf"|there were (?P<b>{NUM}) of them|they were (?P<c>{NUM})\b(?!\s+\w))"
)
# "So we shot all three", "розстріляли всіх трьох", "расстреляли всех троих"
_ALL_KILLED = re.compile(
    r"\b(?:shot|killed|executed|murdered|finished off|розстріляли|вбили|стратили|застрелили"
    r"|добили|расстреляли|убили|казнили|застрелили)\s+(?:them\s+)?(?:all|усіх|всіх|всех)\s+"
    rf"(?P<a>{NUM})(?![\w'])"
)
# "Двое вышли из дома, подняв руки", "Three came out with their hands up": the group that
# gave itself up (the killing follows in the next sentence)
_CAME_OUT = re.compile(
    rf"^\W*(?P<a>{NUM})\s+(?:(?:of them|з них|із них|из них)\s+)?(?:вийшли|вышли|вибігли"
    r"|выбежали|виповзли|выползли|вилізли|вылезли|здалися|здались|сдались|came out|walked out"
    r"|stepped out|crawled out|emerged|surrendered)\b"
)


_COUNT = re.compile(rf"(?<![\w'])(?:{NUM})(?![\w'])")


# The dead's number given as a figure: "Погибших — двое", "Загиблих — троє", "The dead: four"
_DEAD_NUMBER = re.compile(
    r"(?:^|[\s(])(?:погибш\w*|загибл\w*|убит\w*|вбит\w*|розстріляних|расстрелянных|the dead"
    rf"|dead|killed)\s*(?:[—–:]|-\s)\s*(?P<a>{NUM})(?![\w'])"
)
# "The bodies of all three were found", "тіла всіх чотирьох", "тела троих"; the names on a
# memorial: "имена всех семерых", "the names of all six"
_BODIES_OF = re.compile(
    r"\b(?:bodies|remains|names|тіла|тела|останки|імена|прізвища|имена|фамилии)\s+(?:of\s+)?(?:(?:all|усіх|всіх|всех)\s+"
    rf"(?P<a>{NUM})(?![\w'])(?!\s+(?:civilian|цивільн|мирн|гражданск|жител|resident))"
    # without "all", the group told before only with no noun after ("тіла трьох цивільних")
    rf"|(?P<b>{NUM})(?=\s*(?:[,.;:)—–]|$)|\s+(?:were|was|had|have|lay|були|лежал\w*|были)\b))"
)
_BODIES_KEYS = (
    "bodies", "remains", "names", "тіла", "тела", "останки", "імена", "прізвища", "имена",
    "фамилии",
)  # fmt: skip
_DEAD_KEYS = (
    "погибш",
    "загибл",
    "убит",
    "вбит",
    "розстріляних",
    "расстрелянных",
    "dead",
    "killed",
)
# "the youngest of the four", "наймолодшому з чотирьох", "младшему из четверых": the group
_OF_GROUP = re.compile(
    rf"\b(?:youngest|eldest|oldest|each|none)\s+of\s+(?:the\s+)?(?P<a>{NUM})(?![\w'])"
    r"|\b(?:наймолодш|найстарш|молодш|старш|кожн|жодн|младш|самому молод|самого молод|кажд"
    rf"|ни одн)\w*\s+(?:з|із|зі|из)\s+(?P<b>{NUM})(?![\w'])"
)
# every _OF_GROUP match holds one of these
_MEMBER_KEYS = (
    "youngest", "eldest", "oldest", "each", "none", "наймолодш", "найстарш", "молодш", "старш",
    "кожн", "жодн", "младш", "молод", "кажд", "ни одн",
)  # fmt: skip
_OF_GROUP_KEYS = ("of", " з", " із", " зі", " из")
# A part of a group told before: "a group of five, of whom three were shot", "трьох із них
# розстріляли", "двое из пятерых были расстреляны", "Two of the five were shot"
_PART_OF = re.compile(
    rf"\s+(?:of them|of the (?:{NUM})|(?:з|із|из)\s+(?:них|яких|которых|{NUM}))(?![\w'])"
)
_PART_AFTER = re.compile(
    rf"\b(?:of whom|(?:з|із|из)\s+(?:них|яких|которых),?)\s+(?P<a>{NUM})(?![\w'])"
)
_KILLED = re.compile(
    r"\b(?:shot|killed|executed|murdered|finished off|розстріля\w*|вбил\w*|вбит\w*|страчен\w*"
    r"|стратил\w*|застрелил\w*|застрелен\w*|добил\w*|расстреля\w*|убил\w*|убит\w*|казнен\w*"
    r"|казнил\w*)"
)
_CLAUSE_END = re.compile(r"[,;:.!?]|\s(?:and|but|і|та|а|и|но)\s")
_CLAUSE_START = re.compile(r"[,;:]\s*(?!.*[,;:])")
# "a crew of four", "екіпаж із трьох", "расчет из двух": the crew's number
_CREW_OF = re.compile(
    r"\b(?:crew|squad|екіпаж\w*|розрахун\w*|відділенн\w*|экипаж\w*|расч[её]т\w*|отделени\w*)"
    rf"\s+(?:of|з|із|из)\s+(?P<a>{NUM})(?![\w'])"
)
_CREW_KEYS = ("crew", "squad", "екіпаж", "розрахун", "відділенн", "экипаж", "расчет", "расчёт")


def _subset(sentence: str) -> int | None:
    """The part of a group that was killed: the kill is in the part's own clause."""
    parts = [m for m in _PART_AFTER.finditer(sentence)]
    parts += [b for m in _PART_OF.finditer(sentence) if (b := _num_before(sentence, m.start()))]
    for m in sorted(parts, key=lambda m: m.start()):
        end = _CLAUSE_END.search(sentence, m.end())
        starts = list(_CLAUSE_START.finditer(sentence, 0, m.start()))
        clause = sentence[starts[-1].end() if starts else 0 : end.start() if end else None]
        if _KILLED.search(clause) and (n := value(m.group("a"))):
            return n
    return None


def group(sentence: str) -> int | None:
    """The victims' number told without a victim noun (lowercase sentence), or None."""
    found: list[re.Match[str] | None] = []
    if "їх" in sentence or "их" in sentence or "they were" in sentence or "there were" in sentence:
        found.append(_THEIR_NUMBER.match(sentence))
    if "all " in sentence or "сіх" in sentence or "всех" in sentence:
        found.append(_ALL_KILLED.search(sentence))
    if (m := _CAME_OUT.match(sentence)) and not _COUNT.search(sentence, m.end()):
        found.append(m)  # not "Seven surrendered, five were shot": the later count is the dead
    if any(map(sentence.__contains__, _MEMBER_KEYS)):
        found.append(_OF_GROUP.search(sentence))
    if any(map(sentence.__contains__, _CREW_KEYS)):
        found.append(_CREW_OF.search(sentence))
    if any(map(sentence.__contains__, _DEAD_KEYS)):
        found.append(_DEAD_NUMBER.search(sentence))
    if any(map(sentence.__contains__, _BODIES_KEYS)):
        found.append(_BODIES_OF.search(sentence))
    for m in found:
        if m and (n := value(next(g for g in m.groups() if g))) and n < 60:
            return n
    return None


def part(sentence: str) -> int | None:
    """The killed part of a group (lowercase sentence): "of whom three were shot"."""
    if not any(map(sentence.__contains__, _OF_GROUP_KEYS)):
        return None
    n = _subset(sentence)
    return n if n and n < 60 else None


# "the brothers were shot", "братів розстріляли": two, with no count; not brothers in arms,
# nor "our brothers" (comrades), nor an address ("Держитесь, братья")
_BROTHERS = re.compile(
    r"(?<!our )(?<!наших )(?<!наші )(?<!наши )(?<!своих )(?<!своїх )"
    r"\b(?:brothers|братів|братьев|братья)\b(?!-in-arms| in arms| по оружию| по зброї)"
)
_CREW = re.compile(
    r"\b(?:crew|squad|екіпаж\w*|розрахун\w*|відділенн\w*|экипаж\w*|расч[её]т\w*|отделени\w*)\b"
)


def brothers(sentence: str) -> bool:
    """Are the victims "the brothers" (two), with no count given (lowercase sentence)?"""
    return (
        ("brother" in sentence or "брат" in sentence)
        and bool(_BROTHERS.search(sentence))
        and bool(_KILLED.search(sentence))
    )


def crew(sentence: str) -> bool:
    """Is a crew or squad killed, its number not told (lowercase sentence)?"""
    return (
        any(map(sentence.__contains__, _CREW_KEYS))
        and bool(_CREW.search(sentence))
        and bool(_KILLED.search(sentence))  # not "The squad had held the position"
    )


# "the first two … the third": the ordinal after the first N counts one more
_FIRST_N = re.compile(rf"\b(?:the first|перших|первых|первые|перші)\s+(?P<a>{NUM})(?![\w'])")
_ORDINALS = {
    3: r"third|трет(?:ій|ього|ьому|ім|ий|ьего|ьему|ьим)",
    4: r"fourth|четверт(?:ий|ого|ому|ым|им)",
    5: r"fifth|п'ят(?:ий|ого|ому|им)|пят(?:ый|ого|ому|ым)",
    6: r"sixth|шост(?:ий|ого|ому|им)|шест(?:ой|ого|ому|ым)",
}


# "первого пленного застрелили … Второго — … Третьего …": victims told one by one
_FIRST_ONE = re.compile(
    r"\b(?:the first (?:one|man|prisoner|captive|soldier|pow)|першого|первого)\b"
)
_NTH_ONE = {
    2: r"the second|другого|второго",
    3: r"the third|третього|третьего",
    4: r"the fourth|четвертого",
    5: r"the fifth|п'ятого|пятого",
}


def _one_by_one(low: list[str]) -> int | None:
    """The last of the victims told one by one, each opening a sentence or before a noun."""
    if not any(_FIRST_ONE.search(s) for s in low):
        return None
    last = None
    for n, forms in _NTH_ONE.items():
        nth = re.compile(
            rf"^\W*(?:{forms})\b|\b(?:{forms}) (?:one|man|prisoner|captive|soldier"
            r"|pow|полонен\w*|пленн\w*|бійц\w*|бойц\w*)"
        )
        if not any(nth.search(s) for s in low):
            break
        last = n
    return last


def first_then_next(sentences: Iterable[str]) -> int | None:
    """N + 1 where the text counts "the first N" and later names the (N+1)th; or the last
    of the victims told one by one ("the first … the second … the third")."""
    low = [s.lower() for s in sentences]
    text = "\n".join(low)
    if not any(map(text.__contains__, ("first", "перш", "перв"))):
        return None  # every rule here needs "the first"
    if last := _one_by_one(low):
        return last
    for i, s in enumerate(low):
        if not (m := _FIRST_N.search(s)) or not (n := value(m.group("a"))):
            continue
        if (nxt := _ORDINALS.get(n + 1)) and any(
            re.search(rf"\b(?:{nxt})\b", t) for t in low[i:] + low[:i]
        ):
            return n + 1
    return None


# "In one documented case, …", "В одному з випадків …", "В одном из задокументированных
# случаев …": one incident singled out of a tally
_ONE_CASE = re.compile(
    r"\b(?:in one (?:\w+ )?(?:case|incident|instance)|in one of (?:the|these) (?:\w+ )?cases"
    r"|в одному (?:з|із) (?:[\w'-]+ )?(?:випадків|епізодів)|в одному (?:[\w'-]+ )?випадку"
    r"|в одном из (?:[\w-]+ )?(?:случаев|эпизодов)|в одном (?:[\w-]+ )?случае)\b"
)


def one_case(sentence: str) -> bool:
    """Does the (lowercase) sentence single one case out of a tally?"""
    return ("one" in sentence or "одн" in sentence) and _ONE_CASE.search(sentence) is not None


# "Їх розстріляли, ще одного — пораненого — добили": one more beside the group told before
_ONE_MORE = re.compile(
    r"\b(?:ще одного|ещё одного|еще одного|one more)\b"
    # not "ще одного випадку страти", "one more case": another event, not another victim
    r"(?!\s+(?:[\w'-]+\s+)?(?:case|incident|episode|crime|time|report|video|випад|епізод"
    r"|злочин|факт|раз\b|відео|случа|эпизод|преступлен|видео))"
)


def one_more(sentences: Iterable[str]) -> bool:
    """Does a statement add one victim to a group told before?"""
    return any(_ONE_MORE.search(s.lower()) for s in sentences)


# Numbered episodes: "Первый — под Покровском …", "The second case …": no one count
_EPISODE = re.compile(
    r"^\W*(?:the )?(?:first|second|third|перш\w*|друг\w*|трет\w*|перв\w*|втор\w*)\s+"
    r"(?:[—–:-]|(?:case|incident|episode|випадок|епізод|случай|эпизод)\b)",
    re.IGNORECASE,
)


def episodes(sentences: Iterable[str]) -> bool:
    """Do two or more sentences open a numbered episode?"""
    return sum(1 for s in sentences if _EPISODE.match(s)) >= 2


_SHORT_LINE = 60  # characters
_SHORT_RUN = 3  # sentences


# a digit or a number word's stem: a cheap test that a short line may hold a count
_NUMBERISH = re.compile(
    r"\d|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|дв"
    r"|тр|чотир|четв|четы|п'ят|пят|шіст|шест|сім|сем|вісім|вісьм|восьм|дев|десят",
    re.IGNORECASE,
)


def short_run(sentences: Sequence[str], i: int) -> list[int]:
    """The short sentences right after sentence `i` (up to three) that may hold a count: a
    statement's fragments ("Це сталося біля X. Десять людей, десять наших захисників.")."""
    run = []
    for j in range(i + 1, min(i + 1 + _SHORT_RUN, len(sentences))):
        if len(sentences[j]) > _SHORT_LINE:
            break
        if _NUMBERISH.search(sentences[j]):
            run.append(j)
    return run


# A recall of an earlier case opens with a reminder: its count is that case's
_RECALL = re.compile(
    r"^\W*(?:Нагадаємо|Нагадуємо|Напомним|Напоминаем|Recall that|As a reminder|To recall)\b",
    re.IGNORECASE,
)


def recalls(sentence: str) -> bool:
    """Does the sentence recall an earlier case ("Нагадаємо, торік …", "Напомним, …")?"""
    return _RECALL.match(sentence) is not None


# A photo caption under the story ("Фото: стоп-кадр, на котором шестеро украинских военных
# …"): page furniture to the detector, but where a count may be told only there
_CAPTION = re.compile(
    r"^\W*(?:photo|pictured|caption|screenshot|still|image|фото|на фото|на знімку|на снимке"
    r"|знімок|снимок|скриншот|стоп-кадр|кадр)\b\s*(?:[:—–-]|\w)",
    re.IGNORECASE,
)
_CAPTION_KEYS = (
    "photo",
    "pictured",
    "caption",
    "screenshot",
    "still",
    "image",
    "фото",
    "знім",
    "сним",
    "скриншот",
    "кадр",
)


def captions(text: str) -> list[str]:
    """The photo captions among the text's lines."""
    low = text.lower()
    if not any(map(low.__contains__, _CAPTION_KEYS)):
        return []
    return [line for line in text.splitlines() if _CAPTION.match(line)]


def opens_back(sentences: Sequence[str], i: int) -> bool:
    """Does sentence `i` refer back to the group before it ("Все четверо были ранены …")?"""
    return i < len(sentences) and OPENS_BACK.match(sentences[i]) is not None
