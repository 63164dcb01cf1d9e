"""Every settlement and district of Ukraine, from the KATOTTG codifier (katottg.tsv.gz, built by
scripts/build_gazetteer.py): Ukrainian, Russian and English (KMU 2010) forms, inflected.

Only a capitalised name in a place context counts ("біля Петрівки", "near Petrivka", "село
Петрівка"); a name shared by several villages is resolved by a district or oblast named in the
same text, else left unresolved (the bare name, no parents).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bot.detect.placecontext import in_context as in_context
from bot.detect.placecontext import listed, words
from bot.detect.translit import kmu2010, latin_variants, russian_forms

DATA = Path(__file__).with_name("katottg.tsv.gz")

# Declension of a name by its nominative ending: (ending, endings of the other cases).
_UK_CLASSES: list[tuple[str, tuple[str, ...]]] = [
    ("ка", ("ка", "ки", "ці", "ку", "кою")),
    ("ки", ("ки", "ок", "ків", "ках", "кам", "ками")),  # П'ятихаток, but Щербаків
    ("ці", ("ці", "ців", "цях", "цям", "цями")),
    ("ий", ("ий", "ого", "ому", "им", "ім")),
    ("е", ("е", "ого", "ому", "им", "ім")),
    ("піль", ("піль", "поля", "полі", "полю", "полем")),
    ("ів", ("ів", "ова", "ові", "ову", "овом")),
    # "-а" names decline as nouns (Балаклія, Ворожба) or as adjectives (Борова, біля Борової)
    ("а", ("а", "и", "і", "у", "ою", "ої", "ій")),
    ("я", ("я", "ї", "і", "ю", "ею", "єю", "ьої")),
    ("и", ("и", "ів", "ах", "ам", "ами")),
    ("і", ("і", "ів", "ях", "ям", "ями", "их", "им")),
    ("о", ("о", "а", "і", "ом", "у")),
    ("ь", ("ь", "я", "ю", "ем", "і", "еві")),
    ("й", ("й", "я", "ю", "єм", "ї", "єві")),
    ("", ("", "а", "у", "ом", "і", "ові", "ем")),
]
_RU_CLASSES: list[tuple[str, tuple[str, ...]]] = [
    ("ка", ("ка", "ки", "ке", "ку", "кой", "кою")),
    ("ки", ("ки", "ок", "ков", "ках", "кам", "ками")),
    ("ое", ("ое", "ого", "ом", "ому", "ым")),
    ("ый", ("ый", "ого", "ом", "ому", "ым")),
    ("ий", ("ий", "ого", "ом", "ому", "им")),
    ("а", ("а", "ы", "и", "е", "у", "ой")),
    ("я", ("я", "и", "ю", "ей", "е")),
    ("и", ("и", "ов", "ах", "ам", "ами")),
    ("ы", ("ы", "ов", "ах", "ам", "ами")),
    ("о", ("о", "а", "е", "ом", "у")),
    ("ь", ("ь", "я", "ю", "ем", "и", "е")),
    ("й", ("й", "я", "ю", "ем", "е")),
    ("", ("", "а", "у", "ом", "е")),
]
# The first word of a two-word name is an adjective: Нова Каховка, у Новій Каховці.
# Russian "-ой" is the stressed "-ый" (Сухой Яр, transliterated "Сухый"); a possessive first
# word declines too: Часів Яр, біля Часового Яру; Часов Яр, возле Часова Яра.
_ADJ = {
    "ая": ("ая", "ой", "ую", "ою", "ей"),
    "ый": ("ый", "ой", "ого", "ом", "ому", "ым", "им"),
    "ой": ("ой", "ый", "ого", "ом", "ому", "ым", "им"),
    "ое": ("ое", "ого", "ом", "ому", "ым"),
    "ів": ("ів", "ового", "овому", "овим", "овім", "ова", "ову", "овом", "овым"),
    "ов": ("ов", "ова", "ову", "овом", "овым", "ового", "овому", "овим"),
    "а": ("а", "ої", "ій", "у", "ою", "ая", "ой", "ую"),
    "я": ("я", "ьої", "ій", "ю", "ьою", "ья", "ей"),
    "ий": ("ий", "ого", "ому", "им", "ім", "ый", "ом", "ым"),
    "е": ("е", "ого", "ому", "им", "ім", "ое", "ом", "ым"),
    "і": ("і", "их", "им", "ими", "ие", "ых", "ым"),
    # Russian plurals: Малые Щербаки, у Малых Щербаков; Великие Проходы
    "ые": ("ые", "ых", "ым", "ыми"),
    "ие": ("ие", "их", "им", "ими"),
}
_ADJ_ORDER = sorted(_ADJ, key=len, reverse=True)


def first_word_forms(word: str) -> list[str]:
    """Inflected forms of the adjective (or possessive) first word of a two-word name."""
    first = next((k for k in _ADJ_ORDER if word.endswith(k) and len(word) > len(k) + 1), "")
    stem = word[: len(word) - len(first)]
    return [stem + e for e in _ADJ[first]] if first else [word]


# Big cities are left to the hand list: "in Kyiv" or "у Харкові" is where a court sits or an
# official speaks far more often than where captives were killed.
_SKIP = words(
    "Київ Севастополь Харків Дніпро Одеса Запоріжжя Львів Донецьк Луганськ Херсон Миколаїв Суми"
    " Чернігів Полтава Вінниця Житомир Черкаси Кропивницький Хмельницький Рівне Тернопіль"
    " Івано-Франківськ Ужгород Луцьк Чернівці Сімферополь Україна Крим Росія"
    # countries and unit names that villages share: "у Молдові", "бійці Азову"
    " Молдова Польща Грузія Литва Латвія Естонія Румунія Угорщина Європа Америка Азов Айдар"
    " Кракен Вагнер Ахмат Спарта Сомалі Шахтар Динамо"
)
MIN_NAME = 4  # shorter names ("Ріг" -> "в Риге") collide with inflected foreign words


@dataclass(slots=True)
class Index:
    """The codifier, indexed for look-up by inflected Cyrillic or English spelling."""

    names: list[str] = field(default_factory=list)  # English name per settlement
    names_uk: list[str] = field(default_factory=list)  # Ukrainian name per settlement
    district_of: list[int] = field(default_factory=list)  # district row per settlement
    districts: dict[int, str] = field(default_factory=dict)  # district row -> canonical
    oblast_of: dict[int, str] = field(default_factory=dict)  # district row -> oblast canonical
    stems: dict[str, list[tuple[tuple[str, ...], int]]] = field(default_factory=dict)
    pairs: dict[str, list[tuple[tuple[str, ...], str, tuple[str, ...], int]]] = field(
        default_factory=dict
    )
    english: dict[str, list[int]] = field(default_factory=dict)
    english_alt: dict[str, list[int]] = field(default_factory=dict)  # read when KMU has none
    by_name: dict[str, list[int]] = field(default_factory=dict)
    district_rx: re.Pattern[str] = re.compile(r"(?!x)x")
    district_en_rx: re.Pattern[str] = re.compile(r"(?!x)x")
    district_names: dict[str, int] = field(default_factory=dict)

    def chain(self, i: int) -> tuple[str, str]:
        d = self.district_of[i]
        return self.districts.get(d, ""), self.oblast_of.get(d, "")


def _split(word: str, classes: list[tuple[str, tuple[str, ...]]]) -> tuple[str, tuple[str, ...]]:
    for ending, ends in classes:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: len(word) - len(ending)], ends
    return word, ("",)


def _oblast_names() -> dict[str, str]:
    from bot.detect.gazetteer import OBLAST_STEMS  # the hand list names the 24 oblasts

    return OBLAST_STEMS


def _centre(name: str, towns: list[tuple[str, str]]) -> str:
    """English name of a district's centre: the town whose name shares most of its start."""
    best, score = "", 2
    for uk, en in towns:
        common = next(
            (i for i, (a, b) in enumerate(zip(uk, name, strict=False)) if a != b),
            min(len(uk), len(name)),
        )
        if common > score:
            best, score = en, common
    return best or kmu2010(name)


# A neuter noun as the second word declines as a noun, not as the adjectives in -е do:
# Зелене Поле, біля Зеленого Поля, у Зеленому Полі; Нове Селище, до Нового Селища.
_NOUN2 = {
    "поле": ("пол", ("е", "я", "і", "ю", "ем")),
    "селище": ("селищ", ("е", "а", "і", "у", "ем")),
}


def _add(idx: Index, i: int, uk: str, russian: list[str]) -> None:
    low = uk.lower()
    variants = [(low, _UK_CLASSES)] + [(r.lower(), _RU_CLASSES) for r in russian]
    for form, classes in variants:
        parts = form.split(" ")
        if len(parts) == 1:
            stem, ends = _split(form, classes)
            idx.stems.setdefault(stem, []).append((ends, i))
        elif len(parts) == 2:
            first = next((k for k in _ADJ_ORDER if parts[0].endswith(k)), "")
            stem2, ends2 = _NOUN2.get(parts[1]) or _split(parts[1], classes)
            stem1 = parts[0][: len(parts[0]) - len(first)] if first else parts[0]
            idx.pairs.setdefault(stem2, []).append((ends2, stem1, _ADJ.get(first, ("",)), i))


@lru_cache(maxsize=1)
def index() -> Index:
    """Load and index the codifier once (about 30,000 rows)."""
    # kind, code, Ukrainian name, parent row, English name, Russian spellings ("," joined):
    # the last two are made by translit.py at build time (checked by the tests)
    rows = [
        line.split("\t")
        for line in gzip.decompress(DATA.read_bytes()).decode("utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    en = {n: r[4] for n, r in enumerate(rows)}
    ru = {n: r[5].split(",") if r[5] else [] for n, r in enumerate(rows)}
    idx = Index()
    oblast_names = _oblast_names()
    oblast_canon: dict[int, str] = {}
    towns: dict[int, list[tuple[str, str]]] = {}
    for n, (kind, _code, name, *_) in enumerate(rows):
        if kind == "O":
            oblast_canon[n] = next(
                (c for stem, c in oblast_names.items() if name.startswith(stem)), "Crimea"
            )
    for n, (kind, _code, name, parent, *_) in enumerate(rows):
        if kind == "M":
            towns.setdefault(int(parent), []).append((name, en[n]))
    district_forms: list[str] = []
    for n, (kind, _code, name, parent, *_) in enumerate(rows):
        if kind != "P":
            continue
        canonical = f"{_centre(name, towns.get(n, []))} district"
        idx.districts[n] = canonical
        idx.oblast_of[n] = oblast_canon.get(int(parent), "")
        stem = name[:-2] if name.endswith("ий") else name
        for form in (stem, *(r[:-2] for r in ru[n] if r.endswith("ый"))):
            idx.district_names[form.lower()] = n
            district_forms.append(re.escape(form))
    alt = "|".join(sorted(set(district_forms), key=len, reverse=True))
    idx.district_rx = re.compile(rf"\b({alt})(?:ий|ого|ому|ім|им|ом)\s+район\w*", re.IGNORECASE)
    for d, canonical in idx.districts.items():  # "Brovary district", "Brovarskyi raion"
        idx.district_names[canonical[: -len(" district")].lower()] = d
        idx.district_names[en[d].lower()] = d
    alt_en = "|".join(
        sorted((re.escape(k) for k in idx.district_names if k.isascii()), key=len, reverse=True)
    )
    idx.district_en_rx = re.compile(rf"\b({alt_en})\s+(?:district|raion)\b", re.IGNORECASE)
    for n, (kind, _code, name, parent, *_) in enumerate(rows):
        if kind not in ("M", "T", "X", "C") or name in _SKIP or len(name) < MIN_NAME:
            continue
        i = len(idx.names)
        english = en[n]
        idx.names.append(english)
        idx.names_uk.append(name)
        idx.district_of.append(int(parent))
        idx.english.setdefault(english.lower(), []).append(i)
        for other in latin_variants(name, ru[n], english):
            idx.english_alt.setdefault(other.lower(), []).append(i)
        idx.by_name.setdefault(english, []).append(i)
        _add(idx, i, name, ru[n])
    return idx


_CAP = re.compile(r"[A-ZА-ЯІЇЄҐ][\w'-]*")
Hit = tuple[int, int, str, str, str]  # start, end, canonical, kind, district ("" unknown)


def _lookup(idx: Index, word: str) -> set[int]:
    low = word.lower()
    found: set[int] = set()
    for cut in range(min(5, len(low) - 1)):
        stem, ending = (low[: len(low) - cut], low[len(low) - cut :]) if cut else (low, "")
        for ends, i in idx.stems.get(stem, ()):
            if ending in ends:
                found.add(i)
    return found


def _lookup_en(idx: Index, name: str) -> set[int]:
    low = name.lower()
    return set(idx.english.get(low, ()) or idx.english_alt.get(low, ()))


def _lookup_pair(idx: Index, first: str, second: str) -> set[int]:
    low1, low2 = first.lower(), second.lower()
    found: set[int] = set()
    for cut in range(min(5, len(low2) - 1)):
        stem, ending = (low2[: len(low2) - cut], low2[len(low2) - cut :]) if cut else (low2, "")
        for ends2, stem1, ends1, i in idx.pairs.get(stem, ()):
            if ending in ends2 and low1.startswith(stem1) and low1[len(stem1) :] in ends1:
                found.add(i)
    return found


def _resolve(idx: Index, found: set[int], scope: set[str]) -> tuple[str, str]:
    """The canonical name for the candidates and the district it lies in: "" when the name
    is shared and the text's own district or oblast does not single one district out."""
    names = {idx.names[i] for i in found}
    name = min(names, key=lambda n: (-sum(idx.names[i] == n for i in found), n))
    same = idx.by_name.get(name, [])
    if len(same) == 1:
        return name, idx.chain(same[0])[0]
    for level in (0, 1):  # the district named nearby first, then the oblast
        picked = [i for i in same if idx.chain(i)[level] in scope]
        if picked:
            districts = {idx.chain(i)[0] for i in picked}
            return name, districts.pop() if len(districts) == 1 else ""
    return name, ""


def find(text: str, scope: set[str], taken: list[tuple[int, int]]) -> list[Hit]:
    """Codifier places in text outside the `taken` spans; `scope`: districts and oblasts the
    text names (for same-name villages)."""
    idx = index()
    hits: list[Hit] = []
    rxs = [idx.district_rx] if "район" in text or "Район" in text else []
    if "district" in text or "raion" in text:
        rxs.append(idx.district_en_rx)
    for rx in rxs:
        for m in rx.finditer(text):
            d = idx.district_names.get(m.group(1).lower())
            if d is not None and not any(a < m.end() and m.start() < b for a, b in taken):
                hits.append((m.start(), m.end(), idx.districts[d], "district", ""))
    scope = scope | {h[2] for h in hits}
    scope |= {o for d, c in idx.districts.items() if c in scope for o in (idx.oblast_of[d],)}
    spans = taken + [(h[0], h[1]) for h in hits]
    prev: re.Match[str] | None = None
    for tok in _CAP.finditer(text):
        start, end = tok.span()
        if any(a < end and start < b for a, b in spans):
            prev = None
            continue
        cyrillic = not tok.group().isascii()
        found: set[int] = set()
        if prev and text[prev.end() : start] == " ":
            pair = (
                _lookup_pair(idx, prev.group(), tok.group())
                if cyrillic
                else _lookup_en(idx, f"{prev.group()} {tok.group()}")
            )
            if pair and in_context(text, prev.start(), end, cyrillic):
                if hits and hits[-1][0] == prev.start():
                    hits.pop()
                found, start = pair, prev.start()
        if not found and (
            in_context(text, start, end, cyrillic)
            or listed(text, (start, end), [*spans, *((h[0], h[1]) for h in hits)])
        ):
            found = _lookup(idx, tok.group()) if cyrillic else _lookup_en(idx, tok.group())
        if found:
            name, district = _resolve(idx, found, scope)
            hits.append((start, end, name, "settlement", district))
        prev = tok
    return sorted(hits)


def parents(place: str) -> tuple[str, ...]:
    """District and oblast of a codifier place: a unique name, "Name (X district)", or a
    district; () when the name is shared and unresolved or unknown."""
    idx = index()
    if place.endswith(" district"):
        oblasts = {idx.oblast_of[d] for d, c in idx.districts.items() if c == place}
        return (next(iter(oblasts)),) if len(oblasts) == 1 else ()
    name, _, qualifier = place.partition(" (")
    same = idx.by_name.get(name, [])
    if qualifier:
        same = [i for i in same if idx.chain(i)[0] == qualifier.rstrip(")")]
    chains = {idx.chain(i) for i in same}
    return next(iter(chains)) if len(chains) == 1 else ()


def variants(place: str) -> list[str]:
    """Surface forms of a codifier settlement (for search): Ukrainian and Russian, inflected."""
    idx = index()
    name = place.partition(" (")[0]
    forms: list[str] = []
    for uk in dict.fromkeys(idx.names_uk[i] for i in idx.by_name.get(name, [])):
        for form, classes in [(uk, _UK_CLASSES)] + [(r, _RU_CLASSES) for r in russian_forms(uk)]:
            if " " in form:
                forms.append(form)
                continue
            stem, ends = _split(form, classes)
            forms.extend(stem + e for e in ends)
    return list(dict.fromkeys(forms))
