"""Ukrainian place names in Latin letters (the official 2010 national transliteration, Cabinet
of Ministers resolution No. 55) and in the Russian spelling most such names take.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# KMU 2010: one table; є ї й ю я differ at the start of a word; ь and the apostrophe are dropped.
_KMU = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "'": "", "ы": "y", "э": "e", "ё": "io", "ъ": "",
}  # fmt: skip
_KMU_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def kmu2010(name: str) -> str:
    """Latin spelling of a Ukrainian name: "Згурівка" -> "Zghurivka", "Юр'ївка" -> "Yurivka"."""
    out: list[str] = []
    start = True
    prev = ""
    for ch in name:
        low = ch.lower()
        if low not in _KMU:
            out.append(ch)
            start, prev = not ch.isalpha(), ""
            continue
        if low == "г" and prev == "з":
            latin = "gh"  # зг -> zgh, so that it is not read as ж (zh)
        elif start and low in _KMU_INITIAL:
            latin = _KMU_INITIAL[low]
        else:
            latin = _KMU[low]
        if ch.isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        # a dropped apostrophe or soft sign does not start a new word
        start = False if low not in "'ь" else start
        prev = low
    return "".join(out)


# Ukrainian -> Russian spelling: suffixes first, then letters. The result is a spelling to
# match, not an official name; names Russian spells differently are in the hand list.
_RU_SUFFIX = [
    (re.compile(r"(?<=[бпвмф])'"), ""),  # П'ятихатки -> Пятихатки, but Мар'їнка -> Марьинка
    (re.compile(r"іїв"), "еев"),
    (
        re.compile(r"олександр"),
        "александр",
    ),  # Новоолександрівка -> Новоалександровка  # Авдіївка -> Авдеевка, Андріївка -> Андреевка
    (re.compile(r"ївка$"), "евка"),
    (re.compile(r"івка$"), "овка"),
    (re.compile(r"(?<=[сц]ьк)е$"), "ое"),  # Іванівське -> Ивановское
    (re.compile(r"ївськ"), "евск"),
    (re.compile(r"івськ"), "овск"),
    (re.compile(r"ськ"), "ск"),
    (re.compile(r"цьк"), "цк"),
    (re.compile(r"ів$"), "ов"),
    (re.compile(r"(?<=[нвл])е$"), "ое"),
    (re.compile(r"(?<=[бгдзклмпрстфхцчшщ])е$"), "е"),
    (re.compile(r"ий$"), "ый"),
]
_ADJ_FEM = re.compile(r"(?:ов|ев|ик|ал|ил|ел|ар|ен|он|ин|ск|цк|ш|н)а$")  # Нова, Велика, Перша
_RU_LETTERS = str.maketrans({"і": "и", "ї": "и", "є": "е", "'": "ь", "ґ": "г"})


# Russian spellings that differ from the Ukrainian root, each tried on its own: a root "і" that
# Russian writes "е" or "о" (Світле -> Светлое, Вільне -> Вольное), a Ukrainian "и" after a
# hard consonant that Russian writes "ы" (Кринки -> Крынки, Бердичі -> Бердычи), "-ічне" ->
# "-ическое" (Новоекономічне -> Новоэкономическое), "э" after a prefix, and a few roots.
_RU_ROOTS = [
    ("піщ", "песч"), ("кам'ян", "камен"), ("камян", "камен"), ("червон", "красн"),
    ("жовт", "желт"), ("солодк", "сладк"), ("чорн", "черн"),
]  # fmt: skip
_RU_VARIANTS: list[Callable[[str], str]] = [
    lambda w: re.sub(r"і(?!$)", "е", w),  # not a plural ending: Бердичі, Липці
    lambda w: re.sub(r"і(?!$)", "о", w),
    lambda w: re.sub(r"(?<=[дтнрсзлбпмвф])и", "ы", w),
    lambda w: re.sub(r"ічное$", "ическое", re.sub(r"^(ново|старо|велико|мало)е", r"\1э", w)),
    lambda w: next((w.replace(a, b, 1) for a, b in _RU_ROOTS if w.startswith(a)), w),
]


def _endings(low: str, first_of_two: bool) -> set[str]:
    forms = {low}
    if low.endswith("ое") and not low.endswith(("ское", "цкое")):
        forms.add(low[:-2] + "о")  # Сватове -> Сватово, Шахове -> Шахово
    if low.endswith("ине"):
        forms.add(low[:-1] + "о")  # Котлине -> Котлино
    if first_of_two and _ADJ_FEM.search(low):
        forms.add(low + "я")  # Нова Каховка -> Новая Каховка
    if first_of_two and low.endswith("и") and len(low) > 3:
        # a plural adjective: Малі Щербаки -> Малые Щербаки, Великі Проходи -> Великие Проходы
        # (Верхні, Нижні are soft: Верхние, Нижние)
        soft = low[-2] in "гкхжчшщ" or low.endswith(("хни", "жни", "дни"))
        forms = {low[:-1] + ("ие" if soft else "ые")}
    return forms


def russian_forms(name: str) -> list[str]:
    """Russian spellings of a Ukrainian settlement name ("Новоселівка" -> "Новоселовка")."""
    words: list[list[str]] = []
    parts = name.split(" ")
    for i, word in enumerate(parts):
        stem = word.lower()
        for rx, repl in _RU_SUFFIX:
            stem = rx.sub(repl, stem)
        forms: set[str] = set()
        for low in dict.fromkeys([stem] + [vary(stem) for vary in _RU_VARIANTS]):
            forms |= _endings(low.translate(_RU_LETTERS), i < len(parts) - 1)
        words.append(sorted(f[:1].upper() + f[1:] for f in forms if f))
    out = [""]
    for spellings in words:
        out = [f"{o} {f}".strip() for o in out for f in spellings]
    return [o for o in out if o and o != name]


# Latin spellings other than KMU 2010 that English copy uses: the older Ukrainian scheme
# (я ya, ю yu, є ye, ї yi; "Hulyaipole"), "ii" for ї ("Mariinka"), and the Russian forms
# romanized as wire copy from Moscow does ("Novoekonomicheskoye", "Peschanoye").
_POPULAR = {**_KMU, "є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_RU_LATIN = {
    **_KMU, "г": "g", "е": "e", "и": "i", "й": "y", "ы": "y", "э": "e", "ё": "yo", "ю": "yu",
    "я": "ya", "ь": "", "ъ": "",
}  # fmt: skip
_IOTATED = re.compile(r"(?:(?<=[аеёиоуыэюяіїєьъ' -])|^)[еЕ]")


def _table(table: dict[str, str]) -> dict[int, str]:
    out = {ord(k): v for k, v in table.items()}
    out.update({ord(k.upper()): v[:1].upper() + v[1:] for k, v in table.items() if k.isalpha()})
    out.update({1: "ye", 2: "Ye"})
    return out


_POPULAR_T, _RU_LATIN_T = _table(_POPULAR), _table(_RU_LATIN)


def _romanize(name: str, table: dict[int, str], iotated_e: bool) -> str:
    if iotated_e:
        name = _IOTATED.sub(lambda m: "\x01" if m.group() == "е" else "\x02", name)
    return name.translate(table)


def latin_variants(name: str, russian: list[str], main: str = "") -> list[str]:
    """Latin spellings of a Ukrainian settlement besides `main`, its kmu2010(name)."""
    forms = [_romanize(name, _POPULAR_T, False), kmu2010(name.replace("ї", "ії"))]
    for ru in [name, *russian]:
        forms += [_romanize(ru, _RU_LATIN_T, True), _romanize(ru, _RU_LATIN_T, False)]
    main = main or kmu2010(name)
    return [f for f in dict.fromkeys(forms) if f != main and f.isascii()]
