"""Who a claim is attributed to: canonical authority names and their en/uk/ru spellings."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.detect.cue import fold

_F = re.IGNORECASE
_NOT_RU = r"(?<!Russia's )(?<!Russian )(?<!российской )(?<!Российской )"

# Specific names first: a generic "UN" is refined to the monitoring mission or OHCHR.
AUTHORITIES: list[tuple[str, re.Pattern[str]]] = [
    (
        "UN HRMMU",
        re.compile(
            r"Human Rights Monitoring Mission|\bHRMMU\b|\bU\.?N\.? (?:human rights )?monitor\w*|"
            r"\bU\.?N\.? monitoring mission|Моніторингов\w+ місі\w+|Мониторингов\w+ мисси\w+|"
            r"місі\w+ ООН з прав людини|мисси\w+ ООН по правам человека",
            _F,
        ),
    ),
    (
        "OHCHR",
        re.compile(
            r"\bOHCHR\b|High Commissioner for Human Rights|\bU\.?N\.? (?:human )?rights chief|"
            r"Volker T[üu]rk|Верховн\w+ комісар\w* ООН|Верховн\w+ комиссар\w* ООН|"
            r"Управлінн\w+ Верховного комісара|Управлени\w+ Верховного комиссара",
            _F,
        ),
    ),
    (
        "Prosecutor General's Office",
        re.compile(
            _NOT_RU + r"(?:\bprosecutor\w*|\bPGO\b|\bпрокуратур\w*|\bпрокурор\w*|"
            r"\bгенпрокурор\w*|\bгенпрокуратур\w*|\bОГП\b|Офіс\w* генпрокурора)",
            _F,
        ),
    ),
    (
        "Ombudsman",
        re.compile(
            r"(?<!Russia's )(?<!Russian )\bombuds(?:man|person|men)\b|\bLubinets\b|"
            r"Commissioner for Human Rights(?! Tatyana)|\bомбудсм[ае]н\w*|Лубін[еє]ць|Лубінц\w*|"
            r"Лубинец\w*|Лубинц\w*|Уповноважен\w* (?:Верховної Ради )?з прав людини",
            _F,
        ),
    ),
    (
        "SBU",
        re.compile(
            r"\bSBU\b|Security Service of Ukraine|Ukraine's Security Service|\bСБУ\b|"
            r"Служб\w+ безпеки України|Служб\w+ безопасности Украины"
        ),
    ),
    (
        "Armed Forces of Ukraine",
        re.compile(
            r"(?<!Russia's )(?<!Russian )\bGeneral Staff\b|\bbrigade\b|Strategic Communications|"
            r"Armed Forces of Ukraine|\bAir Assault Forces\b|\bairborne (?:forces|command)\b|"
            r"\bГенштаб\w*|\bбригад\w*|стратегічних комунікацій|стратегических коммуникаций|"
            r"\b(?:ЗСУ|ВСУ) (?:підтверд|подтверд|заяв|повідом|сообщ)\w*|Збройних силах|"
            r"Сил\w* оборони \w+ напрямку|Сил\w* обороны",
            _F,
        ),
    ),
    (
        "Ukrainian Foreign Ministry",
        re.compile(
            r"Ukraine's Foreign Ministry|Ukrainian Foreign Ministry|Foreign Ministry spokes\w+|"
            r"Ministry of Foreign Affairs of Ukraine|\bМЗС\b|МИД Украины|\bKuleba\b|\bSybiha\b|"
            r"Кулеба|Сибіга|Сибига"
        ),
    ),
    ("DeepState", re.compile(r"Deep ?State|ДіпСтейт|ДипСтейт", _F)),
    (
        "Russian Defence Ministry",
        re.compile(
            r"Russia's Defen[cs]e Ministry|Russian Defen[cs]e Ministry|Ministry of Defen[cs]e of "
            r"Russia|Russian Ministry of Defen[cs]e|Минобороны|Министерств\w+ обороны "
            r"(?:России|РФ)|Міноборони Росії|Міністерств\w+ оборони Росії",
            _F,
        ),
    ),
    (
        "Russian Investigative Committee",
        re.compile(
            r"Investigative Committee|Russian investigators|Следственн\w+ комитет\w*|\bСК\b|"
            r"\bГВСУ\b|Слідч\w+ комітет\w*"
        ),
    ),
    ("Associated Press", re.compile(r"Associated Press|\bAP\b")),
    ("The New York Times", re.compile(r"New York Times|\bNYT\b")),
    ("BBC", re.compile(r"\bBBC\b|Би-би-си|Бі-бі-сі|Русская служба Би")),
    ("Vot Tak", re.compile(r"Vot Tak|Вот Так")),
    (
        "United Nations",
        re.compile(r"\bU\.?N\.?\b|United Nations|\bООН\b|Secretary-General|Гутерриш"),
    ),
]
_UN_SPECIFIC = ("UN HRMMU", "OHCHR")
_REPORTING = re.compile(
    r"^\W{0,3}(?:(?!(?:over|about|of|for|against|to|into|and|над|про|о|об)\b)"
    r"[\w'.,-]+\s+){0,4}?(?:said|says|say|reported|reports|announced|told|stated|"
    r"confirmed|claimed|accused|alleged|wrote|added|документ\w*|повідомил\w*|повідомля\w*|"
    r"заявил\w*|підтвердил\w*|сообщил\w*|сообщает|подтвердил\w*|заявля\w*|пишет|"
    r"розповів|рассказал)\b",
    _F,
)
_ACCORDING = re.compile(
    r"(?:according to|за даними|за словами|по данным|по словам|as reported by)\s+(?:[\w'.-]+\s+)"
    r"{0,3}?$",
    _F,
)


# One pass over the text: at any position the earlier (more specific) alternative wins.
# `re` runs case-blind patterns 2-3x slower than plain ones, so the case-blind names run as
# plain patterns on `fold`ed text (see cue.CaseBlind) and the case-sensitive ones apart;
# `_matches` merges the two passes into what one pass over all of them finds.
_NAMES = [name for name, _ in AUTHORITIES]
_BLIND = [i for i, (_, rx) in enumerate(AUTHORITIES) if rx.flags & re.IGNORECASE]


def _pass(indices: list[int], lower: bool = False, flags: int = 0) -> re.Pattern[str]:
    sources = {i: AUTHORITIES[i][1].pattern for i in indices}
    body = "|".join(f"(?P<a{i}>{p.lower() if lower else p})" for i, p in sources.items())
    return re.compile(rf"(?<!\w)(?:{body})", flags)


_CASE_BLIND = _pass(_BLIND, flags=re.IGNORECASE)
_FOLDED = _pass(_BLIND, lower=True)  # on folded text (no capital letters) the same matches
_CASED = _pass([i for i in range(len(AUTHORITIES)) if i not in _BLIND])


def _index(m: re.Match[str]) -> int:
    return int((m.lastgroup or "a0")[1:])


def _matches(
    text: str,
    blind_passes: tuple[re.Pattern[str], re.Pattern[str]] = (_FOLDED, _CASE_BLIND),
    cased: re.Pattern[str] = _CASED,
) -> Iterator[tuple[re.Match[str], int]]:
    """(match, index in AUTHORITIES) as one finditer over every name would give them."""
    t, folded = fold(text)  # same length and offsets as text
    blind = blind_passes[0] if folded else blind_passes[1]
    pos = 0
    a, b = blind.search(t, pos), cased.search(text, pos)
    while a or b:
        # the leftmost match; at one position, the name listed first
        if a is not None and (b is None or (a.start(), _index(a)) < (b.start(), _index(b))):
            m = a
        elif b is not None:
            m = b
        yield m, _index(m)
        pos = m.end()
        # a pass whose match starts before pos looks again from there (names never match empty)
        if a is not None and a.start() < pos:
            a = blind.search(t, pos)
        if b is not None and b.start() < pos:
            b = cased.search(text, pos)


# "повідомили в Офісі генпрокурора", "сообщили в СК": the verb comes first
_VERB_BEFORE = re.compile(
    r"(?:повідомил\w*|повідомля\w*|заявил\w*|підтвердил\w*|сообщил\w*|сообщают|заявля\w*"
    r"|подтвердил\w*|said|reported|confirmed)\s+(?:(?:в|у|во|in|at|by)\s+)?(?:the\s+)?$",
    _F,
)
_UNIT = re.compile(r"brigade|бригад\w*", _F)


def mentions(text: str) -> list[tuple[int, str, bool]]:
    """(position, canonical authority, is it the subject of a reporting verb) in text order."""
    found: list[tuple[int, str, bool]] = []
    for m, i in _matches(text):
        name = _NAMES[i]
        reporting = bool(
            _REPORTING.match(text[m.end() : m.end() + 60])
            or _ACCORDING.search(text[max(0, m.start() - 40) : m.start()])
            or _VERB_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        )
        if reporting or not _UNIT.fullmatch(m.group()):  # "110th brigade soldiers": no source
            found.append((m.start(), name, reporting))
    return found


def pick(text: str, reporting_only: bool = False) -> str | None:
    """The authority a sentence attributes its claim to (a reporting subject wins)."""
    return choose(mentions(text), reporting_only)


def choose(ms: list[tuple[int, str, bool]], reporting_only: bool = False) -> str | None:
    """`pick` from a sentence's `mentions`, for callers that look at one sentence twice."""
    rep = [name for _, name, is_rep in ms if is_rep]
    if rep:
        return rep[0]
    if reporting_only or not ms:
        return None
    return ms[0][1]


def refine_un(name: str | None, text: str) -> str | None:
    """A generic "UN" becomes the specific UN body the text names, if it names one."""
    if name != "United Nations":
        return name
    for specific, rx in AUTHORITIES:
        if specific in _UN_SPECIFIC and rx.search(text):
            return specific
    return name
