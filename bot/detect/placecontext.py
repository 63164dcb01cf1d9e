"""Is a capitalised word a place here? A codifier name counts only in a place context: a
preposition or settlement word before it, a district, oblast or appositive after it, the next
name in a list of places; never a street or an institution's adjective."""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """The words of a space-separated list, as a set."""
    return frozenset(text.split())


_CONTEXT_CY = words(
    "у в біля під поблизу неподалік поруч коло довкола з із зі до через за районі околицях"
    " околиці село села селі селом селище селища селищі смт місто міста місті с м сел"
    " около возле под близ вблизи из селе селу поселок поселка поселке деревня деревни деревне"
    " хутор хутора хуторе хуторі город сіл селах селами"
    " города городе районе окрестностях рядом окраине окраины окраина окраину окраинах околицю"
)
_CONTEXT_EN = re.compile(
    r"(?:\b(?:near|in|at|outside|around|toward|towards|into|village|villages|town"
    r"|settlement|hamlet|outskirts|edge|(?:fighting|fights?|battles?) for)(?:\s+of)?\s+(?:the\s+)?"
    r"(?:(?:village|town|settlement)\s+of\s+)?)$"
)
_INSTITUTION = re.compile(
    r"\s+(?:управлінн|управлени|штаб|відділ|отдел|департамент|комітет|комитет|інститут|институт"
    r"|центр|суд|прокуратур|госпітал|госпитал|міністерств|министерств)\w*",
    re.IGNORECASE,
)
_PAIR = re.compile(r"\b([A-ZА-ЯІЇЄҐ][\w'-]+),?\s+(?:and|or|і|та|й|и|або|или)\s+$")
# "around Ivana Franka and Shevchenka streets": streets are named after people, as villages are
_STREET = re.compile(
    r"[\w\s,'-]{0,60}?\b(?:streets?|st\.|avenue|вулиц\w*|улиц\w*|проспект\w*)", re.I
)
_AFTER = re.compile(
    r"\s*,?\s*(?:\w+\s+){0,1}?(?:район\w*|област\w*|district|raion|oblast)"
    # an appositive: "Tsukuryne, a village in Pokrovsk district", "Лобкове — село на ..."
    r"|\s*,\s*(?:an?\s+)?(?:(?:small|tiny|frontline|front-line|border)\s+)?(?:village|town"
    r"|settlement|hamlet)\s+(?:in|of|near|on|outside|north|south|east|west)\b"
    r"|\s*(?:,|\s[—–])\s*(?:сел[оаіе]|селищ\w*|смт|поселк?\w*|посёлк?\w*|деревн\w*)\s+(?:у|в"
    r"|на|під|біля|под|возле|неподалік|недалеко)\s",
    re.I,
)
_ENTRY = re.compile(r"(?:^|\n)[ \t]*[•·▪►*-][ \t]*$")
_ENTRY_DASH = re.compile(r"\s+[—–-]\s")
# "Kherson region's Korsunka", "Donetsk Oblast's Yampolivka": the region's possessive
_REGION_OWNS = re.compile(r"\b(?:oblast|region|district)['’]s\s+$", re.I)
_PREV_WORD = re.compile(r"(\w+)\.?\s+$")


def in_context(text: str, start: int, end: int, cyrillic: bool) -> bool:
    """A place context around text[start:end]: a preposition or settlement word before it,
    or a district or oblast right after it; never a street name."""
    before = text[max(0, start - 40) : start]
    if before.endswith("#"):  # a post's hashtag: "He was taken near #Terny"
        before = before[:-1]
    if _STREET.match(text, end) or re.search(r"\b(?:вул|ул|st)\.?\s*$|вулиц\w*\s+$", before):
        return False
    if _INSTITUTION.match(text, end):  # "в Головному управлінні поліції": an adjective
        return False
    if _AFTER.match(text, end):
        return True
    if _ENTRY.search(before) and _ENTRY_DASH.match(text, end):
        return True  # a listed entry's heading: "• Новоандріївка — троє полонених …"
    # the second of a pair: "between the villages of Kruhliakivka and Kivsharivka"
    if pair := _PAIR.search(before):
        first = max(0, start - 40) + pair.start(1)
        return in_context(text, first, first + len(pair.group(1)), cyrillic)
    if cyrillic:
        word = _PREV_WORD.search(before)
        return bool(word and word.group(1).lower() in _CONTEXT_CY)
    return bool(_CONTEXT_EN.search(before.lower()) or _REGION_OWNS.search(before))


_COMMA = re.compile(r"\s*,\s*")
_LIST_GOES_ON = re.compile(r"\s*(?:[,.;:!?)\n]|$|(?:and|or|і|й|та|и|або|или)\s)")


def listed(text: str, span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Next in a list of places, which ends or goes on after it: "Покровское направление,
    Новоэкономическое", "near Pokrovsk, Novoekonomichne and Myrnohrad"."""
    start, end = span
    last = max((b for _, b in spans if b <= start), default=-1)
    return (
        last >= 0
        and _COMMA.fullmatch(text, last, start) is not None
        and _LIST_GOES_ON.match(text, end) is not None
        and _PERSON_NEXT.match(text, end) is None
    )


# "in a cafe in Kramatorsk, Oleh, a combat medic, talks ...": a name described as a person
_PERSON_NEXT = re.compile(
    r"\s*,\s+(?:an?|the|\d{1,2})\b(?!\s+(?:[\w-]+\s+)?(?:village|town|settlement|city|hamlet))"
)


# "Bilohorivka, a village on the Siverskyi Donets in Luhansk region": the oblast or district
# of an incident's settlement, named where the story describes it.
APPOSITIVE = re.compile(
    r",?\s+(?:is\s+|lies\s+)?(?:a|an|the)?\s*(?:[\w'-]+\s+){0,2}?(?:village|town|settlement|city)"
    r"\b|,?\s+(?:—\s+)?(?:село|селище|місто|поселок|посёлок|деревня|город)\b",
    re.IGNORECASE,
)


# "near Bilohorivka in Luhansk Oblast", "Krynky, in Kherson Oblast", "біля Юнаківки Сумського
# району", "біля Кремінної на Луганщині": the region right after the village locates it
REGION_NEXT = re.compile(r",?\s+(?:(?:in|у|в|на)\s+(?:the\s+)?)?", re.IGNORECASE)
# "Tonenke, west of Avdiivka", "Лисівка, на південь від Покровська", "к югу от Покровска": the
# town that locates the village is named with it
LOCATOR = re.compile(
    r",\s+(?:just\s+|about\s+)?(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?"
    r"|,\s+(?:на\s+(?:північ|південь|схід|захід)\w*\s+від|(?:к|на)\s+(?:северу|югу|востоку"
    r"|западу|север|юг|восток|запад)\w*\s+от|(?:північніше|південніше|східніше|західніше"
    r"|севернее|южнее|восточнее|западнее))\s+",
    re.IGNORECASE,
)
