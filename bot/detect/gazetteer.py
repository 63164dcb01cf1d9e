"""Places that matter, with inflection-aware patterns: English, Ukrainian and Russian spellings.

`find_places(text)` finds settlements, districts, oblasts and "X direction" locators;
`canonical_places(text)` gives canonical English names; `place_variants(name)` gives the
surface forms (for search: "Pokrovsk" -> Покровськ, Покровську, Покровском, Красноармейск...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from bot.detect import katottg
from bot.detect.handlist import BORDER as _BORDER
from bot.detect.handlist import DIRECTIONS as _DIRECTIONS
from bot.detect.handlist import DISTRICTS as _DISTRICTS
from bot.detect.handlist import OBLASTS as _OBLASTS
from bot.detect.handlist import SETTLEMENTS as _SETTLEMENTS

Kind = Literal["settlement", "district", "oblast", "direction"]
_PRIORITY: dict[str, int] = {"district": 0, "direction": 1, "oblast": 2, "settlement": 3}

# Ending classes: Ukrainian/Russian declension of a place-name stem.
_ENDINGS: dict[str, tuple[str, ...]] = {
    "M": ("", "а", "у", "ом", "і", "ові"),  # Покровськ, у Бахмуті, Соледару
    "MR": ("", "а", "у", "ом", "е"),  # Покровск, под Покровском, в Бахмуте
    "KA": ("ка", "ки", "ці", "ку", "кою"),  # Авдіївка, в Авдіївці
    "KAR": ("ка", "ки", "ке", "ку", "кой", "кою"),  # Авдеевка, в Авдеевке
    "E": ("е", "ого", "ому", "им", "ім"),  # Роботине, у Шаховому, під Роботиним
    "OE": ("ое", "ого", "ом", "ому", "ым"),  # Степовое, Удачного
    "O": ("о", "а", "е", "ом", "у"),  # Работино, Селидово, Котлино
    "PL": ("ки", "ок", "ках", "кам", "ками"),  # П'ятихатки, Кринки, Пятихатках
    "A": ("а", "і", "и", "у", "ою", "ей", "е"),  # Буча, Суджа
    "AF": ("а", "ої", "ій", "у", "ою"),  # Кремінна, Кремінної (adjectival feminine)
    "AFR": ("ая", "ой", "ую", "ою"),  # Кременная, в Кременной
    "NE": ("е", "я", "і", "ю", "ем"),  # Гуляйполе, Гуляйполя, у Гуляйполі
    "NER": ("е", "я", "ю", "ем"),  # Гуляйполе, под Гуляйполем
    "PI": ("і", "ів", "ях", "ям", "ями"),  # Липці, біля Липців, у Липцях
    "PIR": ("ы", "ов", "ах", "ам", "ами"),  # Липцы, в Липцах
    "PS": ("и", "ей", "ах", "ам", "ами"),  # Бердычи, у Бердычей (a soft plural in Russian)
    "AJ": ("ія", "ії", "ію", "ією", "ея", "еи", "ее", "ею", "ей"),  # Балаклія, Балаклеи
}

# Hand-list villages whose names are also ordinary words: they need a place context too.
COMMON_WORDS = frozenset({"Vesele", "Prohres", "Udachne", "Tonenke", "Zhelanne"})
_NOT_AN_ORG = (  # "Donetsk Oblast prosecutor's office" names an office, not a place
    r"(?!['’]s\s+[Pp]rosecutor)(?!\s+(?:[Pp]rosecutor|[Pp]olice|[Mm]ilitary [Aa]dmin"
    r"|[Aa]dministration|[Gg]overnor|[Cc]ourt|[Cc]ouncil))"
)
# "Kherson Oblast prosecutor's office": the oblast reading was refused, the town must not win
_NOT_A_TOWN = _NOT_AN_ORG + r"(?!\s+(?:[Oo]blast|[Rr]egion|[Pp]rovince|[Dd]istrict|[Rr]aion))"
_EXTRA_OBLAST = [  # (canonical, head, regex, forms)
    ("Luhansk Oblast", "лнр", r"ЛНР\b", ("ЛНР",)),
    ("Luhansk Oblast", "lnr", r"LNR\b|LPR\b", ("LNR", "LPR")),
    ("Donetsk Oblast", "днр", r"ДНР\b", ("ДНР",)),
    ("Donetsk Oblast", "don", r"Donetsk People's Republic", ("Donetsk People's Republic",)),
    ("Luhansk Oblast", "luh", r"Luhansk People's Republic", ("Luhansk People's Republic",)),
    # the occupation names spelt out: "в районе села Белогоровка Луганской Народной Республики"
    (
        "Luhansk Oblast",
        "луг",
        r"Луганськ(?:а|ої|ій|у) [Нн]ародн(?:а|ої|ій|у) [Рр]еспублі(?:ка|ки|ці|ку)\b"
        r"|Луганск(?:ая|ой|ую) [Нн]ародн(?:ая|ой|ую) [Рр]еспублик(?:а|и|е|у)\b",
        ("Луганська народна республіка", "Луганская народная республика"),
    ),
    (
        "Donetsk Oblast",
        "дон",
        r"Донецьк(?:а|ої|ій|у) [Нн]ародн(?:а|ої|ій|у) [Рр]еспублі(?:ка|ки|ці|ку)\b"
        r"|Донецк(?:ая|ой|ую) [Нн]ародн(?:ая|ой|ую) [Рр]еспублик(?:а|и|е|у)\b",
        ("Донецька народна республіка", "Донецкая народная республика"),
    ),
    ("Kursk Oblast", "kur", r"Kursk\b" + _NOT_AN_ORG, ("Kursk",)),
    # the Russian cities name their oblasts ("под Курском", not the Ukrainian village Курське)
    ("Kursk Oblast", "кур", r"Курськ(?:у|ом|а)?\b|Курск(?:е|ом|а|у)?\b", ("Курськ", "Курск")),
    (
        "Belgorod Oblast",
        "бел",
        r"Бєлгород(?:і|ом|а|у)?\b|Белгород(?:е|ом|а|у)?\b",
        ("Бєлгород", "Белгород"),
    ),
    (
        "Bryansk Oblast",
        "бря",
        r"Брянськ(?:у|ом|а)?\b|Брянск(?:е|ом|а|у)?\b",
        ("Брянськ", "Брянск"),
    ),
    (
        "Zaporizhzhia Oblast",
        "зап",
        r"(?<=[Нн]а )Запоріжж(?:і|я)\b|(?<=[Нн]а )Запорожье\b",
        ("на Запоріжжі",),
    ),
    ("Crimea", "cri", r"Crimea\b", ("Crimea",)),
    ("Crimea", "кри", r"Крим(?:у|і|ом)?\b", ("Крим", "Криму")),
    ("Crimea", "кры", r"Крым(?:а|у|ом|е)?\b", ("Крым", "Крыму")),
    (
        "Niu-York",
        "new",
        r"New York(?=,?\s+(?:village|settlement))|(?<=village of )New York"
        r"|(?<=written )New York|(?<=near )New York(?! Times)",
        ("New York",),
    ),
]


@dataclass(frozen=True, slots=True)
class PlaceHit:
    """One place mention: canonical English name, kind, and where it is in the text."""

    canonical: str
    kind: Kind
    start: int
    end: int
    within: str = ""  # a codifier village's district, when known (shared names: if resolved)


@dataclass(frozen=True, slots=True)
class _Entry:
    canonical: str
    kind: Kind
    pattern: re.Pattern[str]


_TAIL_ENDS = "|".join(
    sorted(
        (
            *("", "а", "у", "ом", "і", "ові", "ю", "ь", "и", "е", "я"),
            *("ої", "ій", "ою", "ой", "ая", "ую", "ів", "ях", "ах", "ов", "ей"),
            *("ое", "ого", "ому", "ым"),  # Русское Поречное, в Русском Поречном
        ),
        key=len,
        reverse=True,
    )
)
_ADJ_FEM = "(?:а|ая|ої|ой|ій|у|ую|ою)"  # Донецька/Донецької/Донецкой (область)
_OBLAST_ENDS = "аст(?:ь|и|і|ю|ью|ях|ям|ями|ей)"  # область/області/областю, not "обласна"


_OBLAST_REGIONS = frozenset(
    r for line in _OBLASTS.strip().splitlines() for r in line.split("|")[3::2] if r != "-"
)


def _alt(items: list[str]) -> str:
    return "|".join(sorted((re.escape(i) for i in items), key=len, reverse=True))


def _build() -> tuple[dict[str, list[_Entry]], dict[str, list[str]]]:
    index: dict[str, list[_Entry]] = {}
    forms: dict[str, list[str]] = {}

    def add(
        canonical: str, kind: Kind, heads: list[str], rx: str, flags: int, fs: list[str]
    ) -> None:
        pat = re.compile(rx, flags)
        for head in {h[:3].lower() for h in heads}:
            index.setdefault(head, []).append(_Entry(canonical, kind, pat))
        forms.setdefault(canonical, []).extend(fs)

    lines = (_SETTLEMENTS + _BORDER).strip().replace("\n    |", "|").replace("\n    ,", ",")
    for line in filter(None, lines.splitlines()):
        canonical, en, uk, ru = line.split("|")
        names = en.split(",")
        add(canonical, "settlement", names, rf"(?:{_alt(names)})\b{_NOT_A_TOWN}", 0, names)
        specs = [(spec, False) for spec in uk.split(",")] + [
            (spec, True) for spec in ru.split(",")
        ]
        for spec, is_ru in specs:
            stem, cls = spec.split(":")
            ends = _ENDINGS[cls + "R" if is_ru and cls + "R" in _ENDINGS else cls]
            head, _, tail = stem.partition(" ")
            if tail:  # two-word name: the first word declines as an adjective, so does the second
                heads = katottg.first_word_forms(head)
                rx = rf"(?:{_alt(heads)})\s+{re.escape(tail)}(?:{_TAIL_ENDS})\b"
                fs = [f"{head} {tail}{e}" for e in ("", "у", "і", "ом", "а")]
                stem = " ".join(heads)  # each form's first letters index the entry
            else:
                optional = "?" if "" in ends else ""
                rx = rf"{re.escape(stem)}(?:{'|'.join(e for e in ends if e)}){optional}\b"
                fs = [stem + e for e in ends]
            add(canonical, "settlement", stem.split(" "), rx, 0, fs)
    for line in _OBLASTS.strip().splitlines():
        canonical, en, uk_adj, uk_region, ru_adj, ru_region = line.split("|")
        names = en.split(",")
        # the first of a pair sharing the plural: "Donetsk and Zaporizhzhia oblasts",
        # "Донецької та Запорізької областей", "в Донецкой и Запорожской областях"
        rx = (
            rf"(?:{_alt(names)})(?:(?:\s+|-)(?:[Oo]blasts?|[Rr]egion|[Pp]rovince)\b"
            rf"{_NOT_AN_ORG}|(?=\s+and\s+[A-Z][\w-]+\s+oblasts\b))"
        )
        add(canonical, "oblast", names, rx, 0, [f"{n} Oblast" for n in names])
        stems = f"{re.escape(uk_adj)}|{re.escape(ru_adj)}"
        adj = (
            rf"(?:{stems}){_ADJ_FEM}(?:\s+обл(?:{_OBLAST_ENDS}\b|\.)|(?=\s+(?:та|і|й|и)\s+"
            rf"[А-ЯІЇЄҐ][\w']+{_ADJ_FEM}\s+област(?:ей|ях|ям|ями)\b))"
        )
        add(
            canonical,
            "oblast",
            [uk_adj, ru_adj],
            adj,
            re.I,
            [
                f"{uk_adj}а область",
                f"{uk_adj}ій області",
                f"{ru_adj}ая область",
                f"{ru_adj}ой области",
            ],
        )
        if uk_region != "-":  # "Запоріжжя" is also the city: only "на Запоріжжі" (extra) counts
            reg = rf"{re.escape(uk_region)}(?:а|и|і|у|ою|я|ям|ь|е|ой)\b"
            add(canonical, "oblast", [uk_region], reg, 0, [uk_region + e for e in "аиіу"])
        if ru_region != "-":  # "на Харьковщине", "Донетчина"
            reg = rf"{re.escape(ru_region)}(?:а|ы|е|у|ой|ье|ья|ью)\b"
            add(canonical, "oblast", [ru_region], reg, 0, [ru_region + e for e in ("а", "е")])
    for canonical, head, rx, extra_forms in _EXTRA_OBLAST:
        kind: Kind = "settlement" if canonical == "Niu-York" else "oblast"
        add(canonical, kind, [head], rx, 0, list(extra_forms))
    for line in _DISTRICTS.strip().splitlines():
        town, en, uk_adj, ru_adj = line.split("|")
        names = en.split(",")
        canonical = f"{town} district"
        rx = rf"(?:{_alt(names)})\s+(?:district|raion)\b"
        add(canonical, "district", names, rx, re.I, [f"{n} district" for n in names])
        rx = rf"(?:{re.escape(uk_adj)}|{re.escape(ru_adj)})(?:ий|ого|ому|ім|им|ом)\s+район\w*"
        add(
            canonical,
            "district",
            [uk_adj, ru_adj],
            rx,
            re.I,
            [
                f"{uk_adj}ий район",
                f"{uk_adj}ого району",
                f"{ru_adj}ий район",
                f"{ru_adj}ого района",
            ],
        )
        # the district by its region word ("на Куп'янщині", "на Изюмщине"); an oblast centre's
        # own "-щина" is its oblast's
        regions = [a[:-3] + "щин" for a in (uk_adj,) if a.endswith("ськ")]
        regions += [a[:-2] + "щин" for a in (ru_adj,) if a.endswith("ск")]
        if regions := [r for r in dict.fromkeys(regions) if r not in _OBLAST_REGIONS]:
            alt = "|".join(re.escape(r).replace("'", "['’ʼ]") for r in regions)
            rx = rf"(?:{alt})(?:а|и|і|у|ою|е|ы|ой)\b"
            add(canonical, "district", regions, rx, 0, [r + "а" for r in regions])
    for line in _DIRECTIONS.strip().splitlines():
        town, en, uk_adj, ru_adj = line.split("|")
        rx = rf"{re.escape(en)}\s+(?:direction|sector|front|axis)\b"
        add(town, "direction", [en], rx, re.I, [])
        stems = f"{re.escape(uk_adj)}|{re.escape(ru_adj)}"
        rx = rf"(?:{stems})(?:ому|ий|ого|ім|ом|ое)\s+(?:напрям\w*|направлени\w*)"
        add(town, "direction", [uk_adj, ru_adj], rx, re.I, [])
    for entries in index.values():
        entries.sort(key=lambda e: (_PRIORITY[e.kind], -len(e.pattern.pattern)))
    return index, forms


_INDEX, _FORMS = _build()
_BORDER_NAMES = frozenset(
    line.split("|")[0] for line in _BORDER.strip().splitlines() if not line.startswith(" ")
)
_ACROSS_THE_BORDER = frozenset(
    ("Kursk Oblast", "Belgorod Oblast", "Bryansk Oblast", "Sudzha district", "Korenevo district")
)
_RUSSIA_RX = re.compile(
    r"Kursk|Курськ|Курск|Курщин|Belgorod|Бєлгород|Белгород|Bryansk|Брянськ|Брянск|Sudzha|Судж"
    r"|Korenevo|Коренев"
)
# Ukrainian oblast adjective stem -> canonical name, for the codifier's oblasts (katottg.py)
OBLAST_STEMS = {line.split("|")[2]: line.split("|")[0] for line in _OBLASTS.strip().splitlines()}
PLACE_ALIASES: dict[str, tuple[str, ...]] = {k: tuple(dict.fromkeys(v)) for k, v in _FORMS.items()}
_TOKEN = re.compile(r"[^\W\d_][\w'-]*")


def across_the_border(text: str) -> bool:
    """Does text name Kursk, Belgorod or Bryansk oblast (or Sudzha, Korenevo)? Then a village
    of the border list counts in every sentence of it."""
    return _RUSSIA_RX.search(text) is not None


@lru_cache(maxsize=2048)
def find_places(text: str, across: bool = False) -> tuple[PlaceHit, ...]:
    """Every place mention in text, in order; longer readings (district, oblast) win.

    The hand list (front-line places, their usual spellings) is read first; the codifier's
    settlements and districts (katottg.py) fill in the rest, in a place context only. A
    village across the border counts beside its oblast or district, or with `across` (the
    article names them elsewhere).
    """
    text = text.replace("ё", "е").replace("Ё", "Е")  # Новосёлка: spelt both ways, same length
    hits: list[PlaceHit] = []
    skip = 0
    for tok in _TOKEN.finditer(text):
        pos = tok.start()
        if pos < skip:
            continue
        for entry in _INDEX.get(text[pos : pos + 3].lower(), ()):
            m = entry.pattern.match(text, pos)
            if m:
                if entry.canonical in COMMON_WORDS and not katottg.in_context(
                    text, pos, m.end(), not tok.group().isascii()
                ):
                    break  # "Веселе свято", "Прогрес триває": a word, not the village
                hits.append(PlaceHit(entry.canonical, entry.kind, pos, m.end()))
                skip = m.end()
                break
    scope = {h.canonical for h in hits if h.kind in ("district", "oblast")}
    if not across and not scope & _ACROSS_THE_BORDER:
        hits = [h for h in hits if h.canonical not in _BORDER_NAMES]
    known = set(_FORMS)
    more = [
        PlaceHit(name, kind, a, b, within)  # type: ignore[arg-type]
        for a, b, name, kind, within in katottg.find(text, scope, [(h.start, h.end) for h in hits])
        if name not in known
    ]
    return tuple(sorted(hits + more, key=lambda h: h.start)) if more else tuple(hits)


def canonical_places(text: str) -> list[str]:
    """Canonical English names of the places mentioned in text, first mention first."""
    return list(dict.fromkeys(h.canonical for h in find_places(text)))


def place_variants(canonical: str) -> list[str]:
    """Surface forms (English, Ukrainian and Russian, inflected) of a canonical place name."""
    if canonical in PLACE_ALIASES:
        return list(PLACE_ALIASES[canonical])
    return katottg.variants(canonical)


# Romanizations differ in how they write iotated vowels, й, soft signs and -ое: "Kazachya" /
# "Kazachia", "Fanaseyevka" / "Fanaseevka", "Kremyanoye" / "Kremyanoe", "Ol'govka" / "Olgovka"
_ROMAN = [
    (re.compile(r"['’ʼ]"), ""), (re.compile(r"(?<=[aeiouy])y(?=[aeiou])"), ""),
    (re.compile(r"[iy](?=[aeou])"), ""), (re.compile(r"y"), "i"), (re.compile(r"-"), " "),
]  # fmt: skip


def _roman_key(name: str) -> str:
    key = name.lower()
    for rx, repl in _ROMAN:
        key = rx.sub(repl, key)
    return key


def spelling_of(name: str) -> str:
    """Our canonical name for a Latin spelling of one place ("Liptsi" -> "Lyptsi", "Russkoe
    Porechnoe" -> "Russkoye Porechnoye", "Mariinka" -> "Marinka"); the name itself when it is
    ours, unknown, or spells several places."""
    if name in _FORMS:
        return name
    low = name.lower()
    hand = {c for c, forms in _FORMS.items() if any(f.lower() == low for f in forms)}
    if not hand:  # a romanization of ours spelt another way: "Kazachia Loknia", "Ol'govka"
        key = _roman_key(name)
        hand = {c for c, forms in _FORMS.items() if any(_roman_key(f) == key for f in forms)}
    if hand:
        return hand.pop() if len(hand) == 1 else name
    idx = katottg.index()
    rows = idx.english.get(low) or idx.english_alt.get(low) or []
    names = {idx.names[i] for i in rows}
    return names.pop() if len(names) == 1 else name


def place_parents(place: str) -> tuple[str, ...]:
    """District and oblast of a codifier place (for bot/incidents/regions.py); () if unknown or
    a shared name left unresolved."""
    return katottg.parents(place)
