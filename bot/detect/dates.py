"""Explicit calendar dates in en/uk/ru text, and which of them can be an incident date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

_F = re.IGNORECASE
_EN = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_CYR = {
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
    "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
    "июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}  # fmt: skip
_EN_MONTH = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_DATE = re.compile(
    rf"\b(?P<m1>{_EN_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}}))?"
    # "11 and 12 October", "3-4 березня": the first day, the earliest
    rf"|\b(?P<d2>\d{{1,2}})(?:(?:\s+(?:and|і|та|и)\s+|\s*[-–]\s*)\d{{1,2}})?\s+(?P<m2>{_EN_MONTH}|{'|'.join(_CYR)})\b(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|\b(?P<y3>20\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)\b"
    rf"|\b(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>20\d\d)\b"
    rf"|\b(?P<d5>\d{{1,2}})(?:st|nd|rd|th) of (?P<m5>{_EN_MONTH})\b(?:,?\s+(?P<y5>\d{{4}}))?"
    # a post's day and month after the day word: "yesterday, 14.03", "вчора, 14.03"
    rf"|\b(?:[Yy]esterday|[Tt]oday|[Вв]чора|[Сс]ьогодні|[Вв]чера|[Сс]егодня),?\s+"
    rf"(?P<d6>\d{{1,2}})\.(?P<m6>\d\d)\b(?![.,]?\d)",
)
# A day written as an ordinal word: "двадцять третього травня", "двадцать третьего мая", "the
# twenty-third of May". Stems and their days; "двадцять"/"тридцать" before a unit adds tens.
_ORDINAL_CY = {
    "перш": 1, "перв": 1, "друг": 2, "втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4,
    "п'ят": 5, "пʼят": 5, "пят": 5, "шост": 6, "шест": 6, "сьом": 7, "седьм": 7, "восьм": 8,
    "дев'ят": 9, "девʼят": 9, "девят": 9, "десят": 10, "одинадцят": 11, "одиннадцат": 11,
    "дванадцят": 12, "двенадцат": 12, "тринадцят": 13, "тринадцат": 13, "чотирнадцят": 14,
    "четырнадцат": 14, "п'ятнадцят": 15, "пʼятнадцят": 15, "пятнадцат": 15, "шістнадцят": 16,
    "шестнадцат": 16, "сімнадцят": 17, "семнадцат": 17, "вісімнадцят": 18, "восемнадцат": 18,
    "дев'ятнадцят": 19, "девʼятнадцят": 19, "девятнадцат": 19, "двадцят": 20, "двадцат": 20,
    "тридцят": 30, "тридцат": 30,
}  # fmt: skip
_ORDINAL_EN = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_TENS = {
    "двадцять": 20,
    "двадцать": 20,
    "тридцять": 30,
    "тридцать": 30,
    "twenty": 20,
    "thirty": 30,
}


def _alt(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_WORD_DATE = re.compile(
    rf"(?<!\w)(?:(?P<t1>{_alt(_TENS)})\s+)?(?P<o1>{_alt(_ORDINAL_CY)})(?:ого|ього|ьего|его)"
    rf"\s+(?P<m1>{'|'.join(_CYR)})\b(?:\s+(?P<y1>\d{{4}}))?"
    rf"|\b(?:the\s+)?(?:(?P<t2>twenty|thirty)[- ])?(?P<o2>{_alt(_ORDINAL_EN)})\s+of\s+"
    rf"(?P<m2>{_EN_MONTH})\b(?:,?\s+(?P<y2>\d{{4}}))?",
    _F,
)
# every _WORD_DATE match holds an ordinal's ending and a month: most sentences skip the scan
_WORD_DATE_EN = ("st of ", "nd of ", "rd of ", "th of ")


# an ordinal's ending right before a month ("двадцять третього травня"): "его" alone is
# "his", everywhere in Russian
_CY_HINT = re.compile(rf"(?:ого|ього|ьего|его)\s+(?:{'|'.join(_CYR)})\b", _F)


def _has_word_date(low: str) -> bool:
    if any(k in low for k in _WORD_DATE_EN):
        return True
    return ("ого " in low or "его " in low) and _CY_HINT.search(low) is not None


def _word_dates(sentence: str, year: int | None) -> list[tuple[re.Match[str], date]]:
    out = []
    for m in _WORD_DATE.finditer(sentence):
        g = m.groupdict()
        tens, stem, month = (
            (g["t1"], g["o1"], _CYR[g["m1"].lower()])
            if g["o1"]
            else (g["t2"], g["o2"], _EN[g["m2"][:3].lower()])
        )
        day = (_ORDINAL_CY.get(stem.lower()) or _ORDINAL_EN[stem.lower()]) + (
            _TENS[tens.lower()] if tens else 0
        )
        y = int(g["y1"] or g["y2"] or 0) or year
        try:
            if y:
                out.append((m, date(y, month, day)))
        except ValueError:
            continue
    return out


# the same, any case: count() reads lower-cased text ("november 24 execution of pows")
_DATE_ANY_CASE = re.compile(_DATE.pattern, _F)
_DAY_NUMERIC = re.compile(r"\b\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\b")
_DIGIT = re.compile(r"\d")  # every date pattern needs one: a cheap scan rules most text out


def mask_dates(text: str) -> str:
    """Text with every calendar date ("Nov. 24", "24 листопада", "24.11") blanked out, so a
    day of the month is never read as a number of anything."""
    if not _DIGIT.search(text):
        return text
    text = _DATE_ANY_CASE.sub(lambda m: " " * len(m.group()), text)
    return _DAY_NUMERIC.sub(lambda m: " " * len(m.group()), text)


_REPORT = re.compile(
    r"\b(?:said|says|say|reported|reports|announced|told|stated|published|posted|surfaced|"
    r"circulat\w*|appeared|released|spread|shared|emerged|wrote|added|confirmed|noted|"
    r"declared|claimed|reporting|announcing|screen(?:s|ed|ing)?|premiere[sd]?|airs|aired|"
    r"broadcast|прем'єр\w*|премьер\w*|публік\w*|повідомил\w*|повідомля\w*|заявил\w*|"
    r"заяви\w*|оприлюдни\w*|оприлюднен\w*|опубліковано|опубликовано|обнародован\w*|опублікува\w*|поширил\w*|з'явил\w*|сказа\w*|написа\w*|"
    r"розповів|розповіл\w*|інформува\w*|сообщил\w*|сообща\w*|опубликова\w*|обнародова\w*|"
    r"распростран\w*|появил\w*|рассказал\w*|показал\w*)\b",
    _F,
)
EVENT = re.compile(
    r"\b(?:took place|happened|occurred|committed|carried out|killed|shot|executed|captured|"
    r"attacked|атакува\w*|атакова\w*|"
    # the day the killing was filmed is its day: "said the killing was filmed on 6 January"
    r"filmed|"
    r"taken prisoner|захопил\w*|захоплен\w*|захватил\w*|захвачен\w*|"
    r"стал(?:ся|ось|ася)|стався|сталося|сталася|відбул\w*|скоєн\w*|вчинен\w*|произош\w*|"
    r"случил\w*|совершен\w*|розстріля\w*|вбил\w*|расстреля\w*|убил\w*)\b",
    _F,
)
_OVERNIGHT = re.compile(r"\bovernight\b|\bвночі\b|\bночью\b|\bв ночь\b|\bуночі\b", _F)
_CLAUSE_BREAK = re.compile(r"[,;:—–()]")


def _parse(m: re.Match[str], year: int | None) -> date | None:
    g = m.groupdict()
    try:
        if g["y3"]:
            return date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        if g["y4"]:  # "29.07.2024": day first, as written in Ukraine and Russia
            return date(int(g["y4"]), int(g["m4"]), int(g["d4"]))
        if g["d6"]:
            return date(year, int(g["m6"]), int(g["d6"])) if year else None
        if g["m1"]:
            month, day, y = _EN[g["m1"][:3].lower()], int(g["d1"]), g["y1"]
        elif g["m5"]:  # "the 5th of April"
            month, day, y = _EN[g["m5"][:3].lower()], int(g["d5"]), g["y5"]
        else:
            name = g["m2"].lower()
            month = _CYR.get(name) or _EN[name[:3]]
            day, y = int(g["d2"]), g["y2"]
        if y:
            return date(int(y), month, day)
        return date(year, month, day) if year else None
    except (ValueError, KeyError):
        return None


# A wire dateline ("GENEVA, Mar 26 (Agency) -", "MOSCOW, May 27. /Agency/."): the filing day.
_DATELINE = re.compile(r"^\W*[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ .'-]{1,40},\s*$")
_CLOCK = re.compile(r",?\s+\d{1,2}:\d{2}\b")
# The day of an exchange, a return or a repatriation, and a report's period, are not the
# killing's ("returned home on May 31 in an exchange", "covers 1 March to 31 August").
_NOT_EVENT = re.compile(
    r"\b(?:return\w*|exchang\w*|swap\w*|repatriat\w*|released|freed|covers|covering|period"
    r"|повернул\w*|повернен\w*|обмін\w*|репатріац\w*|звільнен\w*|охоплює|період\w*"
    r"|вернул\w*|возвращен\w*|обмен\w*|репатриац\w*|освобожден\w*|охватывает|период\w*)\b",
    re.IGNORECASE,
)


# A period's first day right after the word that opens it ("a report covering 1 December to
# 31 May", "за період з 1 грудня") is the report's, whatever killing the sentence names.
_PERIOD_OPENS = re.compile(
    r"\b(?:covering|covers|covered|spanning|spans|(?:the |a )?period(?: from| of| between)?"
    r"|охоплює|охоплюючи|охоплював|охватывает|охватывающ\w*|(?:за|у|в) період(?: з| від)?"
    r"|(?:за|в) период(?: с| от)?)\s+(?:the period\s+(?:from\s+)?|(?:період|период)\s+"
    r"(?:з|від|с|от)\s+|from\s+)?$",
    _F,
)
_PERIOD_ENDS = re.compile(r"\s*(?:to|until|till|through|по|до|[-–—])\s*", _F)
_THAT = frozenset(("that", "що", "что"))


def _is_report_date(sentence: str, start: int, end: int) -> bool:
    """True for "said on Nov. 5", "повідомили 25 лютого", "2 грудня оприлюднили"."""
    if _DATELINE.match(sentence[:start]) or _CLOCK.match(sentence, end):
        return True  # a dateline, or a page's time stamp ("14.10.2022 07:13")
    before = sentence[max(0, start - 60) : start]
    cut = max((b.end() for b in _CLAUSE_BREAK.finditer(before)), default=0)
    words = before[cut:].split()[-6:]
    said = [i for i, w in enumerate(words) if _REPORT.fullmatch(w.strip(".,\"'«»"))]
    if said:
        # "said the killings took place on Nov. 19": the event, not the statement, is dated;
        # so is a reported clause ("said that on Oct. 2", "said the court found that on ...")
        told = words[said[-1] + 1 :]
        return not EVENT.search(" ".join(told)) and not any(w in _THAT for w in told)
    after = sentence[end : end + 40]
    stop = _CLAUSE_BREAK.search(after)
    words = (after[: stop.start()] if stop else after).split()[:4]
    if any(_REPORT.fullmatch(w.strip(".,\"'«»")) for w in words):
        return True
    near = sentence[max(0, start - 100) : end + 40]
    return bool(_NOT_EVENT.search(near)) and not EVENT.search(near)


_IN_MONTH = {
    "січні": 1, "лютому": 2, "березні": 3, "квітні": 4, "травні": 5, "червні": 6, "липні": 7,
    "серпні": 8, "вересні": 9, "жовтні": 10, "листопаді": 11, "грудні": 12, "январе": 1,
    "феврале": 2, "марте": 3, "апреле": 4, "мае": 5, "июне": 6, "июле": 7, "августе": 8,
    "сентябре": 9, "октябре": 10, "ноябре": 11, "декабре": 12,
}  # fmt: skip
# "For 14 days in April 2024 ... By the morning of 23 April": a month named with its year
_MONTH_YEAR = re.compile(
    rf"\b(?:in|during|since|by|of|early|late|mid-?)\s+(?P<m1>{_EN_MONTH})\s+(?P<y1>20\d\d)\b"
    rf"|(?<!\w)(?:у|в|на початку|в начале)\s+(?P<m2>{'|'.join(_IN_MONTH)})\s+(?P<y2>20\d\d)\b",
    _F,
)
_A_YEAR = re.compile(r"\b20\d\d\b")


def month_years(sentences: Sequence[str]) -> list[dict[int, int]]:
    """Per sentence, the year the story up to it gives each month it names with one ("in April
    2024", "у квітні 2024", "в августе 2023 года"); a month named with two years gives none.
    One pass over the story, however many of its sentences are dated."""
    seen: dict[int, set[int]] = {}
    out: list[dict[int, int]] = []
    years: dict[int, int] = {}
    for s in sentences:
        if "20" in s and _A_YEAR.search(s):
            for m in _MONTH_YEAR.finditer(s):
                month = _EN[m["m1"][:3].lower()] if m["m1"] else _IN_MONTH[m["m2"].lower()]
                seen.setdefault(month, set()).add(int(m["y1"] or m["y2"]))
            years = {month: next(iter(ys)) for month, ys in seen.items() if len(ys) == 1}
        out.append(years)
    return out


def incident_dates(
    sentence: str, published: date | None, years: dict[int, int] | None = None
) -> list[date]:
    """Dates in a sentence that are not the day something was reported or published; a day
    with no year takes the year the text gives its month (`years`), else the publication's."""
    low = sentence.lower()
    words = _has_word_date(low)
    if not words and not _DIGIT.search(sentence):
        return []
    year = published.year if published else None
    out: list[date] = []
    reported: list[date] = []
    found = [(m, _parse(m, year)) for m in _DATE.finditer(sentence)]
    period_end = -1  # where the last date of a report's period ended
    for m, d in found + (_word_dates(sentence, year) if words else []):
        if _PERIOD_OPENS.search(sentence, max(0, m.start() - 60), m.start()) or (
            period_end >= 0 and _PERIOD_ENDS.fullmatch(sentence, period_end, m.start())
        ):
            period_end = m.end()
            continue
        if d is None:
            continue
        explicit = any(m.groupdict().get(y) for y in ("y1", "y2", "y5"))
        if years and not explicit and d.month in years:
            try:
                d = d.replace(year=years[d.month])
            except ValueError:
                continue
        elif published and not explicit and d > published:
            try:
                d = d.replace(year=d.year - 1)
            except ValueError:
                continue
        (reported if _is_report_date(sentence, m.start(), m.end()) else out).append(d)
    if not out and reported and _OVERNIGHT.search(sentence):
        return reported[:1]  # "killed overnight ..., both sides said on July 29"
    return out
