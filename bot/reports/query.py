"""Search queries as analysts type them: words plus filters, made language-aware (pure).

`Pokrovsk` also matches Покровськ/Покровск and their inflected forms (from the gazetteer);
Cyrillic words match their other endings by prefix; filters: since: until: lang: place: min:
flagged:. No user text ever reaches FTS5 unquoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.detect import canonical_places, place_variants

MAX_TERMS = 8
MAX_VARIANTS = 40
MAX_MIN_VICTIMS = 99_999
_FILTER = re.compile(r"^(since|until|lang|place|min|flagged):(.*)$", re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яіїєґё]", re.IGNORECASE)
# Endings dropped before a prefix match, longest first: полонених -> полонен*, пленных -> плен*.
_ENDINGS = tuple(
    sorted(
        (
            "ами",
            "ями",
            "ого",
            "ому",
            "ими",
            "ыми",
            "ях",
            "ах",
            "ів",
            "ов",
            "ев",
            "ей",
            "ий",
            "ый",
            "ой",
            "ая",
            "яя",
            "ое",
            "ее",
            "ої",
            "ій",
            "ем",
            "ом",
            "ам",
            "ям",
            "их",
            "ых",
            "ою",
            "ею",
            "і",
            "ї",
            "и",
            "ы",
            "а",
            "я",
            "у",
            "ю",
            "е",
            "о",
            "ь",
            "й",
        ),
        key=len,
        reverse=True,
    )
)


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A parsed /search: FTS5 clauses (ANDed) and the filters that narrow the results."""

    text: str
    clauses: tuple[str, ...] = ()  # FTS5 clauses: the words, plus any place: filters
    words: tuple[str, ...] = ()  # the words typed, without filters
    since: date | None = None
    until: date | None = None
    language: str | None = None
    places: tuple[str, ...] = ()
    min_victims: int | None = None
    flagged_only: bool = False
    problems: tuple[str, ...] = field(default=())

    @property
    def fts(self) -> str | None:
        return " AND ".join(self.clauses) if self.clauses else None

    @property
    def has_filters(self) -> bool:
        return bool(
            self.since
            or self.until
            or self.language
            or self.places
            or self.min_victims is not None
            or self.flagged_only
        )

    @property
    def is_empty(self) -> bool:
        return not self.clauses and not self.has_filters


def _quote(phrase: str) -> str:
    return '"' + phrase.replace('"', '""') + '"'


def stem(word: str) -> str:
    """A Cyrillic word without its inflectional ending (kept at 4+ letters); others as they are."""
    word = word.lower().replace("ё", "е")
    if not _CYRILLIC.search(word) or len(word) < 5:
        return word
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _place_clause(canonical: str) -> str:
    variants = [canonical, *place_variants(canonical)][:MAX_VARIANTS]
    phrases = dict.fromkeys(" ".join(_WORD.findall(v.lower())) for v in variants)
    return "(" + " OR ".join(_quote(p) for p in phrases if p) + ")"


def _word_clause(word: str) -> str:
    places = canonical_places(word.capitalize()) or canonical_places(word)
    if places:
        return _place_clause(places[0])
    root = stem(word)
    if len(root) >= 3:
        return _quote(root) + "*"
    return _quote(root)


def _date(value: str, key: str, problems: list[str]) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(f"{key}: {value[:20]!r} is not a date like 2024-10-01")
        return None


def parse_count(raw: str, low: int, high: int) -> int | None:
    """A count typed by a user: ASCII digits, no leading zero, within [low, high]; else None.

    `str.isdigit()` alone accepts ² and ١٢, which int() refuses or reads; zeros in front would
    let a long string pass a length check (/audit 0099999).
    """
    if not raw or len(raw) > len(str(high)) or not (raw.isascii() and raw.isdigit()):
        return None
    if raw[0] == "0" and len(raw) > 1:
        return None
    value = int(raw)
    return value if low <= value <= high else None


def parse_query(text: str) -> SearchQuery:
    """Split a /search text into FTS clauses and filters; bad filters are reported, not fatal."""
    problems: list[str] = []
    words: list[str] = []
    values: dict[str, object] = {}
    places: list[str] = []
    for token in text.split()[:64]:
        match = _FILTER.match(token)
        if not match:
            words.extend(_WORD.findall(token))
            continue
        key, value = match.group(1).lower(), match.group(2).strip()
        if key in ("since", "until"):
            values[key] = _date(value, key, problems)
        elif key == "lang":
            if value.lower() in ("en", "uk", "ru"):
                values["lang"] = value.lower()
            else:
                problems.append(f"lang: {value[:10]!r} must be en, uk or ru")
        elif key == "place":
            found = canonical_places(value.replace("_", " ").capitalize()) or canonical_places(
                value.replace("_", " ")
            )
            if found:
                places.append(found[0])
            else:
                problems.append(f"place: {value[:40]!r} is not a place I know")
        elif key == "min":
            count = parse_count(value, 0, MAX_MIN_VICTIMS)
            if count is not None:
                values["min"] = count
            else:
                problems.append(f"min: {value[:10]!r} must be a number of victims")
        elif value.lower() in ("all", "only", "yes", "no"):
            values["flagged"] = value.lower() in ("only", "yes")
        else:
            problems.append(f"flagged: {value[:10]!r} must be all or only")
    clauses = tuple(dict.fromkeys(_word_clause(w) for w in words if w.strip("_")))[:MAX_TERMS]
    # place: narrows to reports that name the place in any of its spellings.
    clauses = tuple(dict.fromkeys((*clauses, *(_place_clause(p) for p in places))))
    since, until = values.get("since"), values.get("until")
    if isinstance(since, date) and isinstance(until, date) and since > until:
        problems.append(f"since: {since} is after until: {until}, so nothing can match")
    minimum, language = values.get("min"), values.get("lang")
    return SearchQuery(
        text=text,
        clauses=clauses,
        words=tuple(w for w in words if w.strip("_"))[:MAX_TERMS],
        since=since if isinstance(since, date) else None,
        until=until if isinstance(until, date) else None,
        language=language if isinstance(language, str) else None,
        places=tuple(dict.fromkeys(places)),
        min_victims=minimum if isinstance(minimum, int) else None,
        flagged_only=bool(values.get("flagged", False)),
        problems=tuple(problems),
    )
