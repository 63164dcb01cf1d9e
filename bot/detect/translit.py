"""Ukrainian place names in Latin letters (the official 2010 national transliteration, Cabinet
of Ministers resolution No. 55) and in the Russian spelling most such names take.
"""

from __future__ import annotations

import re

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


def russian_forms(name: str) -> list[str]:
    """Russian spellings of a Ukrainian settlement name ("Новоселівка" -> "Новоселовка")."""
    words: list[list[str]] = []
    parts = name.split(" ")
    for i, word in enumerate(parts):
        low = word.lower()
        for rx, repl in _RU_SUFFIX:
            low = rx.sub(repl, low)
        low = low.translate(_RU_LETTERS)
        forms = {low}
        if low.endswith("ое") and not low.endswith(("ское", "цкое")):
            forms.add(low[:-2] + "о")  # Сватове -> Сватово, Шахове -> Шахово
        if low.endswith("ине"):
            forms.add(low[:-1] + "о")  # Котлине -> Котлино
        if i < len(parts) - 1 and _ADJ_FEM.search(low):
            forms.add(low + "я")  # Нова Каховка -> Новая Каховка
        words.append(sorted(f[:1].upper() + f[1:] for f in forms if f))
    out = [""]
    for spellings in words:
        out = [f"{o} {f}".strip() for o in out for f in spellings]
    return [o for o in out if o and o != name]
