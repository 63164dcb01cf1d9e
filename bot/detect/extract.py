"""Facts about a flagged report (places, victims, side, date, authority) and a short summary.

Works on the detector's statements: the headline and the sentences that state the killing,
plus narrative sentences about the same incident; background sentences (earlier cases,
tallies, the front in general) are left out. Recaps of many incidents keep only places.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from bot.detect import authority
from bot.detect import irrealis as ir
from bot.detect import lexicon as lx
from bot.detect.classify import Analysis, Statement, analyse
from bot.detect.cue import CaseBlind, Keys, fold, scripts
from bot.detect.dates import EVENT, incident_dates
from bot.detect.gazetteer import PlaceHit, find_places
from bot.detect.quantities import victims as count_victims
from bot.detect.sentences import clip
from bot.models import Facts, Verdict

_F = re.IGNORECASE
SUMMARY_LIMIT = 300

BACKGROUND = re.compile(
    r"^(?:Earlier|Previously|Last (?:month|week|year)|In (?:early|late|mid)\b|Separately"
    r"|Meanwhile|In (?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b|Нагадаємо|Раніше|Напередодні|Окремо|Водночас|Напомним|Ранее"
    r"|Накануне|Отдельно|(?:В|У) (?:начале |конце |середине )?(?:январ|феврал|март|апрел|ма[ея]"
    r"|июн|июл|август|сентябр|октябр|ноябр|декабр|січн|лют|берез|квіт|травн|червн|липн|серпн"
    r"|вересн|жовтн|листопад|грудн)\w*\b)"
    r"|(?<!\w)(?:last month|another case|the second such"
    r"|a separate case|in recent months|most of the cases|so far this year"
    r"|a growing (?:list|number)"
    r"|has been (?:intense|ongoing)|already been (?:convicted|sentenced)|не перш\w+ (?:подібн\w+"
    r" )?випад\w*|ще один|останні місяці|щотижня|вже засуджен\w*|не перв\w+ (?:подобн\w+ )?"
    r"случа\w*|еще один|в последние месяцы|еженедельно|уже осужден\w*)\b",
    _F,
)
ROUNDUP = re.compile(
    r"\b(?:what we know|latest|live(?: updates| blog)?|day \d+|key events|as it happened"
    r"|round-?up|briefing|digest|recap|news of the day|morning|evening|головне|підсумки"
    r"|хронік\w*|онлайн|дайджест|новини дня|що відомо|день \d+|главное|итоги|хроник\w*"
    r"|новости дня|что известно)\b",
    _F,
)
# Narrative cues: the sentence tells where or when the incident itself happened.
OCCURRENCE = re.compile(
    r"\b(?:happened|occurred|took place|stormed|storming|during (?:an? |the )?assault|firefight"
    r"|filmed|geolocated|recorded|bod(?:y|ies)|went missing|died|загину\w*|погиб\w*|съемк\w*"
    r"|зйомк\w*|сталас[яь]|сталос[яь]|стався|стался|відбулос[яь]|committed|скоєн\w*|вчинен\w*"
    r"|совершен\w*|штурм\w*|бою\b|боїв|бойов\w+"
    r" зіткнен\w*|зник\w* безвісти|тіла|произош\w*|случилос\w*|боя\b|тела|пропал\w* без вести"
    r"|снят\w*|знят\w*)",
    _F,
)
ASSAULT_OR_DATE = re.compile(
    r"\b(?:storm\w*|assault|firefight|штурм\w*|бою\b|бо[їя]\b)|\b\d{1,2}\s+\w+|\b(?:Jan|Feb|Mar"
    r"|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+\d",
    _F,
)
# A place named as a unit's origin or an office's seat is not where the killing happened.
_NOT_SCENE = re.compile(
    r"(?:defenders? of|оборонц\w*|захисник\w*|защитник\w*|prosecutors?|prosecutor's office"
    r"|police|officials|authorities|governor|прокуратур\w*|прокурор\w*|поліці\w*|полици\w*"
    r"|courts?|tribunal|суд\w*)"
    r"\s+(?:in\s+|of\s+|в\s+|у\s+)?(?:the\s+)?$"
    # where a victim or a unit came from: "a rifleman from a village in Poltava Oblast",
    # "a battalion from Chernihiv region", "уродженець Вінниччини", "родом из Сум"
    r"|\b(?:\w*man|soldier|sniper|native|battalion|brigade|regiment|unit|defender|resident"
    r"|volunteer|conscript|medic|\d+-year-old)\s+from\s+(?:the\s+|a\s+)?"
    r"(?:(?:village|town|city|region)\s+(?:of|in)\s+)?$"
    r"|(?:уроджен\w*|уроженц?\w*|родом\s+(?:з|із|из))\s+(?:(?:села|міста|села|города)\s+)?$",
    _F,
)
# Where a unit came from, went to or fought before is not where the killing happened:
# "advancing from Avdiivka toward Ocheretyne and Pokrovsk", "fought at Bakhmut, Avdiivka".
_MOVEMENT = re.compile(
    r"(?:(?:advanc\w*|push\w*|mov\w*|rotat\w*|came|arrived|redeploy\w*|transferr\w*)"
    r"(?:\s+(?:with|west|east|north|south)\w*(?:\s+(?:his|their|the|its)\s+\w+)?)?(?:\s+in)?"
    r"\s+(?:from|to)|toward|towards|fought (?:at|in"
    r"|for|near)|defended|прибул\w* з|прибыл\w* из|перекину\w* з|переброш\w* из"
    r"|у напрямку|в направлении|воювал\w* (?:під|біля|у|в)|воевал\w* (?:под|у|в))\s+"
    r"(?:the\s+)?(?:[\w'-]+(?:,|\s+and|\s+і|\s+та|\s+и)\s+){0,3}$",
    _F,
)
# A border ("along the border with Russia's Kursk region") is not the scene.
_BORDER = re.compile(
    r"(?:border with|border of|along the border|кордон\w* (?:з|із)|границ\w* с)\s+(?:the\s+)?"
    r"(?:(?:Russia's|Russian|російськ\w+|российск\w+|Росії|России)\s+)?$",
    _F,
)
_RECAP_TITLE = re.compile(
    r"\b(?:cases|incidents|episodes|timeline|recap|випадк\w*|епізод\w*|случа\w*|эпизод\w*)\b", _F
)
_MONTH_OR_YEAR = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b|"
    r"(?:січ|лют|берез|квіт|травн|черв|лип|серп|верес|жовт|листопад|груд|январ|феврал|март"
    r"|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*",
    _F,
)
# A syndication note ("This story was first published by ...") in a paragraph of the story:
# page furniture is dropped line by line, so it goes on a line of its own, not with the story.
_SYNDICATION = re.compile(
    r"(?:^|(?<=[.!?»\"”]\s))((?:(?:This|The) (?:article|story|report|piece|material)\b[^.\n]"
    r"{0,60}?\b(?:first|originally) (?:published|appeared)|(?:Originally|First) "
    r"(?:published|appeared)|Republished|Впервые опубликован|Впервые опубликовано|Вперше "
    r"опубліковано|Матеріал вперше)\b[^\n]*?(?:[.!?](?=\s|$)|$))",
    re.MULTILINE,
)


def _own_line_notes(text: str) -> str:
    return _SYNDICATION.sub(r"\n\1\n", text) if "ublish" in text or "публ" in text else text


_BOTH_SIDES = CaseBlind(
    r"\bboth sides\b(?! (?:said|say|says|reported|agreed))|\bboth (?:Russian and Ukrainian|"
    r"Ukrainian and Russian)\b|обидві сторони|обох сторін|обе стороны|обеих сторон",
)
_NOUN_CAPTIVE = r"(?:POWs?|prisoners?|captives?|(?:військово)?полонен\w*|(?:военно)?пленн\w*)"
_NOUN_SOLDIER = (
    r"(?:soldiers?|servicem[ae]n|defenders|sniper|військов\w*|бійц\w*|бійця|бойц\w*|захисник\w*|"
    r"военн\w*|солдат\w*|военнослужащ\w*|Ukrainians|Russians|українц\w*|украинц\w*|"
    r"росіян\w*|россиян\w*)"
)
_KILL_OR_TAKE = (
    r"(?:shot|shoot\w*|killed|kill\w*|executed|execut\w*|murdered|gunned|captured|took|"
    r"розстріл\w*|розстрілю\w*|вбил\w*|вбива\w*|страти\w*|застрели\w*|добил\w*|взяли|"
    r"захопили|убил\w*|убива\w*|расстрел\w*|расстрелива\w*|казни\w*|захватили|добива\w*|"
    r"opened fire|fired at|відкрили вогонь|открыли огонь)"
)
# "Russian troops (then) shot ...": active voice, an object follows (not "killed after ...")
_ACTIVE = (
    r"(?:(?!(?:who|that|which|were|was|been|being|які|яких|которы\w*|and|и|і|й|та)\b)"
    r"[\w'-]+\s+){0,3}?"
)
_HAS_OBJECT = r"(?!\s+(?:after|in|while|as|by|when|during|on|near|at|upon|with)\b)"
# who does the killing: "Russian troops", "українські бойовики", "российские солдаты"
_KILLERS = (
    r"troops|forces|soldiers|military|servicemen|fighters|militants|infantrymen|marines"
    r"|paratroopers|військов\w*|солдат\w*|бійц\w*|бойовик\w*|окупант\w*|сил\w*|военн\w*"
    r"|войск\w*|бойц\w*|боевик\w*|штурмовик\w*|десантник\w*"
)
_SIDE = {  # side: (own adjective, own unit suffix, the other side as perpetrator)
    "Ukrainian": (
        r"Ukrainian|Ukraine's|українськ(?!ими)\w*|украинск(?!ими)\w*",
        r"ЗСУ|ВСУ",
        rf"(?:Russian|російськ\w+|российск\w+)\s+(?:{_KILLERS})|росіяни|окупанти|оккупанты"
        r"|россияне",
    ),
    "Russian": (
        r"Russian|російськ(?!ими)\w*|российск(?!ими)\w*",
        r"ВС РФ|РФ|армии России",
        rf"(?:Ukrainian|українськ\w+|украинск\w+)\s+(?:{_KILLERS})|ЗСУ|ВСУ",
    ),
}
_SIDE_RX = {
    side: (
        CaseBlind(rf"\b(?:{own})\s+(?:[\w'-]+\s+){{0,2}}?{_NOUN_CAPTIVE}"),
        CaseBlind(
            rf"\b(?:captured|surrendered|surrendering|wounded|unarmed|\w*полонен\w*|\w*пленн\w*)"
            rf"\s+(?:{own})"
        ),
        CaseBlind(
            rf"\b(?:{other}),?\s+(?:(?:who|який|яка|які|который|которая|которые)\s+)?"
            rf"{_ACTIVE}{_KILL_OR_TAKE}\b{_HAS_OBJECT}"
        ),
        CaseBlind(rf"\b(?:{own})\s+(?:[\w'-]+\s+){{0,2}}?{_NOUN_SOLDIER}"),
    )
    for side, (own, _, other) in _SIDE.items()
}
_SIDE_UNIT = {  # case-sensitive: "ЗСУ", "РФ"
    side: re.compile(rf"\b{_NOUN_SOLDIER}\s+(?:{unit})\b") for side, (_, unit, _) in _SIDE.items()
}
# Per side, the unit names the case-sensitive pattern needs: one cheap scan, rarely found.
# (A gate of the case-blind patterns' union costs more than the scans it saves.)
_UNIT_GATE = {side: re.compile(f"(?:{unit})") for side, (_, unit, _) in _SIDE.items()}


def _is_background(a: Analysis, i: int) -> bool:
    """A sentence about an earlier case or the wider picture, after the main statement."""
    first = min((st.index for st in a.statements if st.rule != "no-quarter order"), default=i)
    return i > first and bool(BACKGROUND.search(a.sentences[i]))


def _is_recap(a: Analysis) -> bool:
    datelines = 0
    settlements: set[str] = set()
    for s in a.sentences[1:]:
        hits = find_places(s)
        settlements.update(h.canonical for h in hits if h.kind == "settlement")
        if hits and len(s) < 90 and _MONTH_OR_YEAR.search(s):
            datelines += 1
    return datelines >= 3 or (bool(_RECAP_TITLE.search(a.sentences[0])) and len(settlements) >= 3)


def _incident_sentences(a: Analysis) -> list[int]:
    """Headline, statements and narrative sentences about the incident, minus background."""
    stated = {st.index for st in a.statements}
    # under a front round-up's headline (no killing stated, several towns) the paragraphs
    # before the statement ("19 assaults repelled near X") are not the scene
    towns = {h.canonical for h in find_places(a.sentences[0]) if h.kind == "settlement"}
    roundup = 0 not in stated and len(towns) >= 2
    lead = min((i for i in stated if i), default=0) - 1 if roundup else 0
    picked: list[int] = []
    for i, s in enumerate(a.sentences):
        if i == 0 or i in stated:
            picked.append(i)
            continue
        kill, captive = _cues(s)
        beside = i - 1 in stated or i + 1 in stated
        if (
            kill
            or ((captive or (beside and EVENT.search(s))) and ASSAULT_OR_DATE.search(s))
            or (i >= lead and (OCCURRENCE.search(s) or lx.WOUNDED.search(s)))
        ):
            picked.append(i)
    kept = [i for i in picked if not _is_background(a, i)]
    return kept if len(kept) > 1 or len(picked) == 1 else picked


def _places(hits: list[PlaceHit]) -> tuple[str, ...]:
    has_district = any(h.kind == "district" for h in hits)
    direct = {h.canonical for h in hits if h.kind != "direction"}
    out = [
        h.canonical
        for h in hits
        if h.kind != "direction" or not has_district or h.canonical in direct
    ]
    return tuple(dict.fromkeys(out))


_MOVEMENT_KEYS = (
    "from", "to", "fought", "defended", "прибул", "прибыл", "перекину", "переброш", "напрям",
    "направлен", "воювал", "воевал",
)  # fmt: skip


def _not_scene(s: str, start: int) -> bool:
    window = s[max(0, start - 80) : start]
    if _NOT_SCENE.search(window, max(0, len(window) - 40)):
        return True
    low = window.lower()
    return any(k in low for k in _MOVEMENT_KEYS) and bool(_MOVEMENT.search(window))


def _hits(s: str) -> list[PlaceHit]:
    out: list[PlaceHit] = []
    for h in find_places(s):
        if _not_scene(s, h.start):
            continue
        if not _BORDER.search(s[max(0, h.start - 40) : h.start]):
            out.append(h)
    return out


_SEGMENT = re.compile(r"[;:|]|\s[—–]\s")


def _title_hits(a: Analysis) -> list[PlaceHit]:
    """Places in the headline's statement segment: a round-up headline ("Pokrovsk holds,
    Kramatorsk hit; three captives shot near X", "Фронт за добу: ...") lists other towns."""
    title = a.sentences[0]
    hits = _hits(title)
    spans = [(st.start, st.end) for st in a.statements if st.index == 0]
    if not spans or not _SEGMENT.search(title):
        return hits
    cuts = [0, *(m.end() for m in _SEGMENT.finditer(title)), len(title) + 1]
    keep = [
        (lo, hi)
        for lo, hi in pairwise(cuts)
        if any(lo <= a0 < hi or lo < b0 <= hi for a0, b0 in spans) or _cues(title[lo:hi])[0]
    ]
    kept = [h for h in hits if any(lo <= h.start < hi for lo, hi in keep)]
    return kept or hits  # no place beside the statement: the headline's places are all there is


def _locations(a: Analysis, recap: bool, picked: list[int]) -> tuple[str, ...]:
    if recap:
        return _places([h for s in a.sentences for h in _hits(s)])
    body = _places([h for i in picked if i for h in _hits(a.sentences[i])])
    title_stated = any(st.index == 0 for st in a.statements)
    if title_stated or not body:
        found = _places(_title_hits(a) + [h for i in picked if i for h in _hits(a.sentences[i])])
    else:  # a headline that states no killing: its places are the story's, not the incident's
        found = body
    if found:
        return found
    # no place beside the statements: a sentence about captives or a killing nearest the
    # first statement, else (a statement in the lead) the story's first place
    first = min(st.index for st in a.statements)
    told = [i for i in range(1, len(a.sentences)) if not _is_background(a, i)]
    for i in sorted((i for i in told if _has_cue(a.sentences[i])), key=lambda i: abs(i - first)):
        if hits := _hits(a.sentences[i]):
            return _places(hits)
    if first <= 2:
        for i in told:
            if hits := _hits(a.sentences[i]):
                return _places(hits)
    return found


_CHARGE = Keys(ir.CHARGE_KEYS)


def _without_accused(s: str) -> str:
    """Blank a captive who is the accused of a killing: his side is not the victims'."""
    low = lx.lower(s)
    if not _CHARGE.any_in(low, scripts(low)):
        return s
    units = (rx.finditer(s) for rx in _SIDE_UNIT.values())  # "бойца ВСУ приговорили"
    for m in [*lx.CAPTIVE_STRONG.both.finditer(low), *(m for ms in units for m in ms)]:
        if ir.is_accused(low, m):
            s = s[: m.start()] + " " * (m.end() - m.start()) + s[m.end() :]
    return s


_OTHER = {"Ukrainian": "Russian", "Russian": "Ukrainian"}


def _both_sides(s: str) -> bool:
    t, folded = fold(s)
    return _BOTH_SIDES.on(folded).search(t) is not None


def _side(texts: list[str]) -> str | None:
    score = {"Ukrainian": 0, "Russian": 0}
    for s in map(_without_accused, texts):
        t, folded = fold(s)  # offsets in t are those in s
        # soldiers who are the subject of the killing ("Russian servicemen fired at them")
        # speak for the other side, not their own
        killers: dict[str, list[tuple[int, int]]] = {}
        for side, (captive, adj, enemy, _) in _SIDE_RX.items():
            kills = [m.span() for m in enemy.on(folded).finditer(t)]
            killers[_OTHER[side]] = kills
            strong = len(captive.on(folded).findall(t)) + len(adj.on(folded).findall(t))
            if _UNIT_GATE[side].search(s):
                strong += len(_SIDE_UNIT[side].findall(s))
            score[side] += 2 * (strong + len(kills))
        for side, (*_, soldier) in _SIDE_RX.items():
            spans = killers[side]
            score[side] += sum(
                1
                for m in soldier.on(folded).finditer(t)
                if not any(a <= m.start() < b for a, b in spans)
            )
    if any(map(_both_sides, texts[:1])) or (
        min(score.values()) > 0 and any(map(_both_sides, texts[1:]))
    ):  # a headline about both sides ("executions of POWs by both sides") covers both
        return None
    if score["Russian"] > score["Ukrainian"]:
        return "Russian"
    return "Ukrainian"


_REPORTED_TITLE = re.compile(r"\b(?:reported|alleged)\b|\bпро ймовірн\w*|\bо возможн\w*", _F)
_CLAIM_REASONS = ("strike", "death in captivity")


def _authority(a: Analysis, statements: list[Statement]) -> str | None:
    seen: dict[str, list[tuple[int, str, bool]]] = {}

    def pick(s: str, reporting_only: bool = False) -> str | None:
        # the fallback below rereads the sentences the claim rules read: scan each once
        if (ms := seen.get(s)) is None:
            ms = seen[s] = authority.mentions(s)
        return authority.choose(ms, reporting_only)

    title = a.sentences[0]
    name = pick(title, reporting_only=bool(_REPORTED_TITLE.search(title)))
    claims = sorted(
        {st.index for st in statements if st.index}
        | {i for i, why in a.suppressed if why in _CLAIM_REASONS}
    )
    for i in claims if name is None else ():
        name = pick(a.sentences[i])
        if name:
            break
    for i in claims if name is None else ():
        nxt = a.sentences[i + 1] if i + 1 < len(a.sentences) else ""
        prev = a.sentences[i - 1] if i > 1 else ""
        nxt_cue = bool(nxt) and _has_cue(nxt)
        if nxt and (len(nxt) < 150 or nxt_cue):
            name = pick(nxt, reporting_only=not nxt_cue)
        if name is None and prev and _has_cue(prev):
            name = pick(prev)
        if name:
            break
    if name is None:
        name = next((n for s in a.sentences[1:] if (n := pick(s, reporting_only=True))), None)
    return authority.refine_un(name, "\n".join(a.sentences))


# a captive cue without a killing word ("walked out with their hands raised near X")
_SURRENDER_KEYS = ("surrender", "hands", "руками", "руки", "без зброї", "без оружия")


def _cues(s: str) -> tuple[bool, bool]:
    """(has a killing cue, has a captive cue) for one sentence."""
    low = lx.lower(s)
    if not any(k in low for k in lx.TRIGGERS) and not any(k in low for k in _SURRENDER_KEYS):
        return False, False
    cyr = lx.is_cyrillic(s)
    kill = bool(lx.KILL_EXEC.on(cyr).search(low) or lx.KILL_OTHER.on(cyr).search(low))
    captive = bool(lx.CAPTIVE_STRONG.on(cyr).search(low) or lx.CAPTIVE_VERBAL.on(cyr).search(low))
    return kill, captive


def _has_cue(s: str) -> bool:
    return any(_cues(s))


def extract_facts(
    title: str,
    text: str,
    published: date | None = None,
    lang: str | None = None,
    verdict: Verdict | None = None,
) -> Facts:
    """Normalised facts for a report the detector flagged; empty Facts when nothing is stated."""
    del lang
    if verdict is not None and not verdict.flagged:
        return Facts()
    a = analyse(title or "", _own_line_notes(text or ""))
    if not a.statements:
        return Facts()
    recap = _is_recap(a)
    picked = _incident_sentences(a)
    statements = [st for st in a.statements if not _is_background(a, st.index)] or list(
        a.statements
    )
    texts = [st.sentence for st in statements]
    locations = _locations(a, recap, picked)
    if recap:
        return Facts(locations=locations, victim_side=_side(texts))
    # a round-up's headline date ("War in Ukraine, March 4: what we know") is its issue date
    dated = [i for i in picked if i or not ROUNDUP.search(a.sentences[0])]
    dates = [d for i in dated for d in incident_dates(a.sentences[i], published)]
    both = _both_sides(a.sentences[0])  # a report on both sides: no one count
    stated = {st.index for st in statements}
    near = {j for i in stated for j in (i - 1, i + 1)} - {0}  # "Five of our guys."
    # the sentences that tell a killing, then those nearest a statement, speak of its victims
    told = [
        (s, _cues(s)[0])
        for i in set(picked) | near
        if 0 < i < len(a.sentences) and i not in stated and not _is_background(a, i)
        for s in (a.sentences[i],)
    ]
    order = {s: min(abs(i - j) for j in stated) for i, s in enumerate(a.sentences)}
    narrative = sorted(told, key=lambda t: (not t[1], order[t[0]]))
    return Facts(
        locations=locations,
        victims=None if both else count_victims(texts, a.sentences[0], narrative),
        victim_side=_side(texts),
        incident_date=min(dates) if dates else None,
        source_authority=_authority(a, statements),
    )


def summarize(title: str, text: str, verdict: Verdict) -> str:
    """An extractive summary (<= 300 chars) built around the execution statement."""
    a = analyse(title or "", text or "")
    body = [st for st in a.statements if st.index > 0]
    if body:
        st = body[0]
        return clip(st.sentence, st.start, st.end, SUMMARY_LIMIT)
    if a.statements:
        return clip(a.statements[0].sentence, limit=SUMMARY_LIMIT)
    if verdict.evidence:
        return clip(verdict.evidence[0].sentence, limit=SUMMARY_LIMIT)
    return clip(" ".join(title.split()), limit=SUMMARY_LIMIT)
