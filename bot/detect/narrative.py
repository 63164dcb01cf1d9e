"""Which sentences of a report tell its incident: background (earlier cases, tallies, the
accused's own capture), round-up headlines, narrative cues (where or when it happened) and the
findings of an investigation or a court."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.detect.cue import CaseBlind, fold
from bot.detect.gazetteer import PlaceHit

BACKGROUND = CaseBlind(
    r"^(?:Earlier|Previously|Last (?:month|week|year)|In (?:early|late|mid)\b|Separately"
    r"|Meanwhile|Тим часом|Між тим|Тем временем|Между тем|In (?:January|February|March|April"
    r"|May|June|July|August|September|October"
    r"|November|December)\b|Нагадаємо|Раніше|Напередодні|Окремо|Водночас|Напомним|Ранее"
    r"|Накануне|Отдельно|(?:В|У) (?:начале |конце |середине )?(?:январ|феврал|март|апрел|ма[ея]"
    r"|июн|июл|август|сентябр|октябр|ноябр|декабр|січн|лют|берез|квіт|травн|червн|липн|серпн"
    r"|вересн|жовтн|листопад|грудн)\w*\b)"
    r"|(?<!\w)(?:last month|another case|the second such"
    r"|a separate case|in recent months|most of the cases|so far this year"
    r"|a growing (?:list|number)"
    r"|has been (?:intense|ongoing)|already been (?:convicted|sentenced)|не перш\w+ (?:подібн\w+"
    r" )?випад\w*|ще один|останні місяці|щотижня|вже засуджен\w*|не перв\w+ (?:подобн\w+ )?"
    r"случа\w*|еще один|в последние месяцы|еженедельно|уже осужден\w*"
    # the accused's own capture later: "was himself taken prisoner near X", "сам потрапив у
    # полон", "сам был взят в плен"
    r"|(?:was|were|had been) (?:himself|themselves) (?:taken prisoner|captured)"
    r"|(?:himself|themselves) (?:was|were|had been) (?:later )?(?:taken prisoner|captured)"
    r"|(?:сам|сама|сами|самі) (?:[\w']+ ){0,3}?(?:полон|плен)\w*)\b",
)
# A reminder of an earlier case ("Нагадаємо, торік ...", "Напомним, ...", "As a reminder, ..."):
# background wherever it stands, even before the statement of the story's own incident
RECALL = re.compile(
    r"^\W*(?:Нагадаємо|Нагадуємо|Напомним|Напоминаем|As a reminder|To recall|Recall that)\b"
)
ROUNDUP = CaseBlind(
    r"\b(?:what we know|latest|live(?: updates| blog)?|day \d+|key events|as it happened"
    r"|round-?up|briefing|digest|recap|news of the day|morning|evening|(?:daily|weekly) update"
    r"|(?:campaign|situation|daily|weekly) assessment"
    r"|update \d+|щоденне зведення|зведення|ежедневная сводка|сводка|головне|підсумки"
    r"|хронік\w*|онлайн|дайджест|новини дня|що відомо|день \d+|главное|итоги|хроник\w*"
    r"|новости дня|что известно)\b",
)
# Narrative cues: the sentence tells where or when the incident itself happened.
OCCURRENCE = CaseBlind(
    r"\b(?:happened|occurred|took place|stormed|storming|during (?:an? |the )?assault|firefight"
    # "who has died aged 35" opens an obituary: the life, not the incident
    r"|filmed|geolocated|recorded|bod(?:y|ies)|went missing|died(?! aged| at the age)"
    r"|загину\w*|погиб\w*|съемк\w*"
    r"|зйомк\w*|сталас[яь]|сталос[яь]|стався|стался|відбулос[яь]|committed|скоєн\w*|вчинен\w*"
    r"|совершен\w*|surrounded|encircled|ambushed|trapped|overrun|оточил\w*|оточен\w*|окружил\w*"
    # cut off is surrounded: "the group was cut off", "група була відрізана", "оказалась отрезана"
    r"|cut off|відрізан\w*|отрезан\w*"
    r"|окружен\w*|засідк\w*|засад\w*|штурм\w*|бою\b|боїв|бойов\w+"
    r" зіткнен\w*|зник\w* безвісти|тіла|произош\w*|случилос\w*|боя\b|тела|пропал\w* без вести"
    r"|снят\w*|знят\w*|came under (?:heavy )?fire|потрапил\w* під (?:\w+ )?(?:вогонь|обстріл)"
    r"|попал\w* под (?:\w+ )?(?:огонь|обстрел)"
    # the event dated: "Подію датують 27 травня", "It was 3 January 2024.", "Это было 3 января"
    r"|датують|датуют|датирую\w*|(?:it|this|це|то|это) (?:was|happened|було|было|сталося"
    r"|случилось) (?:on )?(?=\d))",
)
ASSAULT_OR_DATE = CaseBlind(
    r"\b(?:storm\w*|assault|firefight|штурм\w*|бою\b|бо[їя]\b)|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May"
    r"|Jun|Jul|Aug|Sep|Oct|Nov|Dec|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листоп|груд"
    r"|январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+\d",
)
# The victims' capture told as an act one or two sentences before their killing ("on 27 June
# the suspect detained the fighter", "were seized near X on 22 August", "група захопила
# прикордонника") sets them up as a captive word does; a suspect seized is an arrest.
CAPTURE_ACT = re.compile(
    r"\b(?:seized|detained|захопил\w*|захватил\w*|затримал\w*|задержал\w*)\b"
    r"(?![^.]{0,40}\b(?:suspect|accused|підозрюван|обвинувачен|подозреваем|обвиняем))",
    re.IGNORECASE,
)
# The investigators' or the court's findings tell the incident itself: "According to the
# investigation, on 12 May ...", "Слідство встановило, що ...", "Судом установлено, что ..."
FINDING = CaseBlind(
    r"^.{0,60}?\b(?:according to (?:the )?(?:investigat\w+|prosecutors?|indictment|charge sheet"
    r"|case file|court|verdict)|investigators? (?:found|established)|(?:the )?court (?:found"
    r"|established)|за даними (?:[\w'-]+ ){0,3}?(?:слідства|розслідування|обвинувачення"
    r"|прокуратури)|(?:слідство|суд) встановил?[аио]?|за версією (?:слідства|обвинувачення)"
    r"|як встановил[аио]? слідство|по данным (?:[\w-]+ ){0,3}?(?:следствия|расследования|обвинения"
    r"|прокуратуры)|следствие установило|(?:судом|следствием) установлено|суд установил"
    r"|по версии (?:следствия|обвинения)|как установил[аио]? следствие)\b",
)
# every FINDING match holds one of these (lowercase): most sentences skip the scan
FINDING_KEYS = (
    "according", "investigator", "court", "даними", "встанов", "версі", "верси", "данным",
    "установ",
)  # fmt: skip


def is_finding(s: str) -> bool:
    """Does the sentence open with the findings of an investigation or a court?"""
    low = s[:160].lower()
    return any(k in low for k in FINDING_KEYS) and has(FINDING, s)


RECAP_TITLE = CaseBlind(
    r"\b(?:cases|incidents|episodes|timeline|recap|випадк\w*|епізод\w*|случа\w*|эпизод\w*)\b"
)
MONTH_OR_YEAR = CaseBlind(
    r"\b(?:19|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b|"
    r"(?:січ|лют|берез|квіт|травн|черв|лип|серп|верес|жовт|листопад|груд|январ|феврал|март"
    r"|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*",
)


def has(rx: CaseBlind, s: str, pos: int = 0) -> bool:
    """Does `rx` match `s` (from `pos`), on the folded text where that is safe?"""
    t, folded = fold(s)
    return rx.on(folded).search(t, pos) is not None


# A syndication note ("This story was first published by ...") in a paragraph of the story:
# page furniture is dropped line by line, so it goes on a line of its own, not with the story.
_SYNDICATION = re.compile(
    r"(?:^|(?<=[.!?»\"”]\s))((?:(?:This|The) (?:article|story|report|piece|material)\b[^.\n]"
    r"{0,60}?\b(?:first|originally) (?:published|appeared)|(?:Originally|First) "
    r"(?:published|appeared)|Republished|Впервые опубликован|Впервые опубликовано|Вперше "
    r"опубліковано|Матеріал вперше)\b[^\n]*?(?:[.!?](?=\s|$)|$))",
    re.MULTILINE,
)


def own_line_notes(text: str) -> str:
    """The text with each syndication note on a line of its own."""
    return _SYNDICATION.sub(r"\n\1\n", text) if "ublish" in text or "публ" in text else text


# a killing told of a group brought in before: "Five of them were shot", "They were killed",
# "Обох добили", "Из них троих расстреляли"
OPENS_BACK = re.compile(
    r"^\W*(?:(?:[\w'-]+\s+)?(?:of them|з них|із них|из них)|they|both|all (?:of them|\w+)"
    # a demonstrative: "Two of that company's soldiers were shot", "Those men were ...",
    # "Двох бійців цієї роти розстріляли", "Бойцов этой группы расстреляли"
    r"|(?:[\w'-]+\s+)?(?:of\s+)?(?:that|those|these|the same)\s+(?:[\w'-]+\s+)?(?:company|unit"
    r"|platoon|group|squad|crew|soldiers|men|troops)\w*"
    r"|(?:[\w'-]+\s+){0,3}?(?:тієї|цієї|тих|цих|цього|того|этой|той|тех|этих|этого|того)\s+"
    r"(?:роти|групи|взводу|підрозділу|екіпажу|роты|группы|взвода|подразделения|экипажа)"
    r"|вони|їх|они|их|обох|обоих|обидва|обоє|оба|(?:усі|всі|все|усіх|всіх|всех) \w+)\b",
    re.IGNORECASE,
)
# a statement that refers back to its victims: "обох добили", "All five are now dead"
REFERS_BACK = re.compile(
    r"\b(?:both|all (?:of them|\w+)|обох|обоих|обидва|обоє|оба|(?:усі|всі|все|усіх|всіх|всех) \w+"
    r"|they|them|вони|їх|они|их)\b",
    re.IGNORECASE,
)


_STAMP = re.compile(r"\W*\d{1,2}[:.]\d{2}\b(?![.\d])")
_LIVE_ENTRIES = 3  # time-stamped sentences that make a live blog


def same_entry(sentences: Sequence[str], picked: list[int], stated: set[int]) -> list[int]:
    """In a live blog ("17:05 — Prosecutors have opened a case ..."), each time-stamped entry
    is its own story: only the entries that state the killing tell the incident."""
    stamps = [i for i, s in enumerate(sentences) if i and _STAMP.match(s)]
    if len(stamps) < _LIVE_ENTRIES or not stated - {0}:
        return picked
    entry = {i: max((j for j in stamps if j <= i), default=-1) for i in range(len(sentences))}
    told = {entry[i] for i in stated if i}
    return [i for i in picked if not i or entry[i] in told]


_TITLE_STOP = re.compile(r"[.!?]\s+")
_EARLIER = re.compile(
    r"\W*(?:Earlier|Previously|Last (?:month|year)|Раніше|Торік|Нагадаємо|Ранее|Напомним"
    r"|В прошлом году)\b"
)


def not_earlier(title: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """A headline's second sentence about an earlier case ("Новий розстріл біля X. Раніше
    подібне сталося під Y") names that case's places, not the incident's."""
    stops = [m.end() for m in _TITLE_STOP.finditer(title)]
    if not stops:
        return hits
    earlier = [lo for lo in stops if _EARLIER.match(title, lo)]
    kept = [h for h in hits if not any(lo <= h.start for lo in earlier)]
    return kept or hits
