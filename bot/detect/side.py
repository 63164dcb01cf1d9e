"""Which side's soldiers were the victims: scored from the statement sentences (captive and
soldier nouns with a side's adjective or unit, the other side named as the killer).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.detect import irrealis as ir
from bot.detect import lexicon as lx
from bot.detect.accused import is_accused, is_charged
from bot.detect.cue import CaseBlind, Keys, fold, scripts

_BOTH_SIDES = CaseBlind(
    r"\bboth (?:sides|parties)\b(?! (?:said|say|says|reported|agreed))"
    r"|\bboth (?:Russian and Ukrainian|Ukrainian and Russian)\b|обидві сторони|обох сторін"
    r"|обе стороны|обеих сторон",
)
_NOUN_CAPTIVE = r"(?:POWs?|prisoners?|captives?|(?:військово)?полонен\w*|(?:военно)?пленн\w*)"
_NOUN_SOLDIER = (
    r"(?:soldiers?|servicem[ae]n|defenders|fighters|sniper|військов\w*|бійц\w*|бійця|бойц\w*|захисник\w*|"
    r"военн\w*|солдат\w*|военнослужащ\w*|Ukrainians|Russians|українц\w*|украинц\w*|"
    r"росіян\w*|россиян\w*|infantrymen|marines|paratroopers|піхотинц\w*|пехотинц\w*|морпіх\w*"
    r"|морпех\w*|десантник\w*)"
)
_KILL_OR_TAKE = (
    r"(?:shot|shoot\w*|killed|kill\w*|executed|execut\w*|murdered|gunned|captured|took|"
    r"розстріл\w*|розстрілю\w*|вбил\w*|вбива\w*|страти\w*|застрели\w*|добил\w*|взяли|"
    r"захопили|убил\w*|убива\w*|расстрел\w*|расстрелива\w*|казни\w*|захватили|добива\w*|"
    r"open(?:s|ed)? fire|fire[sd]? (?:at|on)|відкри\w* вогонь|откры\w* огонь|стріля\w*|стреля\w*|"
    r"searched|disarmed|обшука\w*|обыска\w*|"
    r"роззброї\w*|разоружи\w*|вивели|вывели)"
)
# "Russian troops (then) shot ...": active voice, an object follows (not "killed after ...")
_ACTIVE = (
    r"(?:(?!(?:who|that|which|were|was|been|being|які|яких|которы\w*|and|и|і|й|та)\b)"
    r"[\w'-]+\s+){0,3}?"
)
# ("shot in the back" / "in the head" a group of ...: the object follows the wound)
_ACTIVE_LONG = (
    r"(?:(?!(?:who|that|which|were|was|been|being|які|яких|которы\w*)\b)[\w'-]+,?\s+){1,8}?"
)
_HAS_OBJECT = (
    r"(?!\s+(?:after|in(?! the (?:back|head))|while|as|by|when|during|on|near|at|upon|with)\b)"
)
# who does the killing: "Russian troops", "українські бойовики", "российские солдаты"
_KILLERS = (
    r"troops|forces|soldiers|military|servicemen|fighters|militants|infantrymen|marines"
    r"|paratroopers|військов\w*|солдат\w*|бійц\w*|бойовик\w*|окупант\w*|сил\w*|военн\w*"
    r"|войск\w*|бойц\w*|боевик\w*|штурмовик\w*|десантник\w*"
)
_SIDE = {  # side: (own adjective, own unit suffix, the other side as perpetrator)
    "Ukrainian": (
        r"Ukrainian|Ukraine's|українськ(?!ими)\w*|украинск(?!ими)\w*",
        # "servicemen of the Armed Forces of Ukraine"
        r"ЗСУ|ВСУ|of the Armed Forces of Ukraine",
        rf"(?:Russian|російськ\w+|российск\w+)\s+(?:{_KILLERS})|росіяни|окупанти|оккупанты"
        r"|россияне|(?:военнослужащ|військовослужбовц|військов|военн)\w* (?:ВС |ЗС )?РФ",
    ),
    "Russian": (
        r"Russian|російськ(?!ими)\w*|российск(?!ими)\w*",
        r"ВС РФ|РФ|армии России|of the Armed Forces of (?:the )?Russian Federation",
        rf"(?:Ukrainian|українськ\w+|украинск\w+)\s+(?:{_KILLERS})|ЗСУ|ВСУ",
    ),
}
_OTHER = {"Ukrainian": "Russian", "Russian": "Ukrainian"}
_AGENT = {
    "Ukrainian": r"(?:Ukrainian|Ukraine's)\s+(?:[\w-]+\s+){0,3}?(?:troops|forces|soldiers?"
    r"|servicem[ae]n|fighters?|militants|nationalists|units?|groups?|military|snipers?"
    r"|formations?)",
    "Russian": r"(?:Russian|Russia's)\s+(?:[\w-]+\s+){0,3}?(?:troops|forces|soldiers?"
    r"|servicem[ae]n|fighters?|militants|units?|groups?|military|paratroopers|marines|snipers?"
    r"|formations?)",
}
_AGENT_CY = {  # the instrumental case names the agent
    "Ukrainian": r"українськими\s+(?:військов|бійц|бойовик|силам)\w*|украинскими\s+(?:военн"
    r"|боевик|бойц|силам|националист)\w*",
    "Russian": r"російськими\s+(?:військов|окупант|солдат|силам)\w*|российскими\s+(?:военн"
    r"|оккупант|солдат|силам)\w*|окупантами|оккупантами",
}
_SIDE_RX = {
    side: (
        CaseBlind(rf"\b(?:{own})\s+(?:[\w'-]+\s+){{0,2}}?{_NOUN_CAPTIVE}"),
        CaseBlind(
            rf"\b(?:captured|surrendered|surrendering|wounded|unarmed|\w*полонен\w*|\w*пленн\w*"
            rf"|захоплен\w*|захваченн\w*|поранен\w*|ранен\w*|беззбройн\w*|безоружн\w*)"
            rf"\s+(?:{own})"
        ),
        CaseBlind(
            rf"\b(?:{other})(?:,?\s+(?:who|який|яка|які|который|которая|которые))?\s+"
            rf"{_ACTIVE}[\"'“«]?{_KILL_OR_TAKE}\b{_HAS_OBJECT}"
            # a second verb: "Russian servicemen made them lie face down and fired at them"
            rf"|\b(?:{other})\s+{_ACTIVE_LONG}(?:and|then|і|й|та|и|а потім|затем)\s+"
            rf"(?:then\s+|потім\s+|затем\s+)?{_KILL_OR_TAKE}\b"
            # "opened fire on them": the preposition brings the object
            rf"|\b(?:{other})\s+{_ACTIVE}(?:open(?:s|ed)? fire|fire[sd]?) (?:on|at|from)\b"
            # an active participle: "российского военного, расстрелявшего троих пленных"
            rf"|\b(?:{other}),?\s+(?:розстрілявш|расстрелявш|вбивш|убивш|застрелівш|застреливш"
            rf"|стратив|казнивш|добивш)\w*"
            # the agent of a passive: "shot by Ukrainian servicemen", "розстріляні російськими"
            # "shot by three Russian soldiers", "by a Russian sniper": a count or article first
            rf"|\b(?:by\s+(?:the\s+)?(?:[\w-]+\s+)?{_AGENT[_OTHER[side]]}|{_AGENT_CY[_OTHER[side]]})"
        ),
        CaseBlind(rf"\b(?:{own})\s+(?:[\w'-]+\s+){{0,2}}?{_NOUN_SOLDIER}"),
    )
    for side, (own, _, other) in _SIDE.items()
}
_SIDE_UNIT = {  # case-sensitive: "ЗСУ", "РФ"; "пленных ВСУ" are the unit's too
    side: re.compile(
        rf"\b(?:{_NOUN_SOLDIER}\s+(?:{unit})\b(?!\s+{_ACTIVE}{_KILL_OR_TAKE})"
        rf"|{_NOUN_CAPTIVE}\s+(?:{unit})\b)"
    )
    for side, (_, unit, _) in _SIDE.items()
}
# Per side, the unit names the case-sensitive pattern needs: one cheap scan, rarely found.
# (A gate of the case-blind patterns' union costs more than the scans it saves.)
_UNIT_GATE = {side: re.compile(f"(?:{unit})") for side, (_, unit, _) in _SIDE.items()}


_CHARGE = Keys(ir.CHARGE_KEYS)


def _without_accused(s: str) -> str:
    """Blank a captive who is the accused of a killing or the source who tells it ("citing a
    Russian prisoner"): his side is not the victims'."""
    low = lx.lower(s)
    if any(k in low for k in _CITING_KEYS):
        named = [m for rx in _SIDE_RX.values() for m in rx[0].blind.finditer(s)]
        for m in [*lx.CAPTIVE_STRONG.both.finditer(low), *named]:
            if _CITING.search(low[max(0, m.start() - 40) : m.start()]):
                s = s[: m.start()] + " " * (m.end() - m.start()) + s[m.end() :]
    if not _CHARGE.any_in(low, scripts(low)):
        return s
    units = (rx.finditer(s) for rx in _SIDE_UNIT.values())  # "бойца ВСУ приговорили"
    for m in [*lx.CAPTIVE_STRONG.both.finditer(low), *(m for ms in units for m in ms)]:
        if is_accused(low, m):
            s = s[: m.start()] + " " * (m.end() - m.start()) + s[m.end() :]
    # "charges Ukrainian serviceman over killing of surrendered soldier": the accused soldier;
    # not "российского военного, который застрелил …", whose killing names the victims' side
    for m in [m for rx in _SIDE_RX.values() for m in rx[3].blind.finditer(s)]:
        if is_charged(low, m):
            s = s[: m.start()] + " " * (m.end() - m.start()) + s[m.end() :]
    return s


_CITING_KEYS = (
    "citing", "quoting", "according to", "цитуючи", "посилаючись", "посиланням", "за словами",
    "ссылаясь", "ссылкой", "по словам",
)  # fmt: skip
_CITING = re.compile(
    r"\b(?:citing|quoting|according to|цитуючи|посилаючись на|з посиланням на|за словами|"
    r"ссылаясь на|со ссылкой на|по словам)\s+(?:\w+\s+){0,3}$"
)


# Literals a lowercased plain-case sentence must hold for the plain twins to match: the own
# side's adjective (captive, adjective and soldier patterns) and the other side named as the
# killer. Every alternative of `own` / `other` in _SIDE contains one of them.
_OWN_OTHER = {
    "Ukrainian": (
        ("ukrain", "українськ", "украинск"),
        ("russia", "російськ", "российск", "росіяни", "окупант", "оккупант", "россияне", " рф"),
    ),
    "Russian": (
        ("russian", "російськ", "российск"),
        ("ukrain", "українськ", "украинск", "зсу", "всу"),
    ),
}
# And the nouns: each match of the captive, adjective and soldier patterns holds one of these.
_CAPTIVE_KEYS = ("pow", "prisoner", "captive", "полонен", "пленн")
_ADJ_KEYS = (
    "captured", "surrender", "wounded", "unarmed", "полонен", "пленн", "захоплен", "захваченн",
    "ранен", "беззбройн", "безоружн",
)  # fmt: skip
_SOLDIER_KEYS = (
    "soldier", "servicem", "defenders", "fighters", "sniper", "військов", "бійц", "бойц",
    "захисник", "военн", "солдат", "ukrainians", "russians", "українц", "украинц", "росіян",
    "россиян", "infantrymen", "marines", "paratroopers", "піхотинц", "пехотинц", "морпіх",
    "морпех", "десантник",
)  # fmt: skip
_NOUN_KEYS = (_CAPTIVE_KEYS, _ADJ_KEYS, None, _SOLDIER_KEYS)  # per pattern of _SIDE_RX
_BOTH_SIDES_KEYS = ("both", "стор")  # both sides / обидві сторони, обох сторін, обе стороны


def _holds(t: str, folded: bool, keys: tuple[str, ...]) -> bool:
    """False only when folded text `t` has none of `keys` (so a plain twin cannot match)."""
    return not folded or any(k in t for k in keys)


def both_sides(s: str) -> bool:
    """True for a sentence about both sides ("executions of POWs by both sides")."""
    t, folded = fold(s)
    return _holds(t, folded, _BOTH_SIDES_KEYS) and _BOTH_SIDES.on(folded).search(t) is not None


# "Our men" belong to the author, whose side shows in the slur for the enemy: a post about
# "укропы" calls Russians "наши", one about "орки" or "русня" calls Ukrainians so.
_OURS = re.compile(
    r"\b(?:наш(?:их|і|и|ого|ому|ему|его|у|а|им|ими)?|our (?:guys|men|boys|lads))\b", re.I
)
_ENEMY_OF = {
    "Russian": re.compile(r"\b(?:укроп\w*|хохл\w*|всушник\w*|бандер(?:овц|івц)\w*)", re.I),
    "Ukrainian": re.compile(
        r"\b(?:орк(?:и|ів|ов|ам|ами|а|ів)?\b|русн\w*|кацап\w*|рашист\w*|москал\w*)", re.I
    ),
}


def _author_side(context: str) -> str | None:
    sides = [side for side, rx in _ENEMY_OF.items() if rx.search(context)]
    return sides[0] if len(sides) == 1 else None


def _score(texts: Sequence[str], soldiers: bool = True) -> dict[str, int]:
    """Each side's evidence in `texts` (see `victim_side`); `soldiers`: also a side's soldier
    nouns, which in a sentence that tells the killing name the killers as often as not."""
    score = {"Ukrainian": 0, "Russian": 0}
    for s in map(_without_accused, texts):
        t, folded = fold(s)  # offsets in t are those in s
        own = {side: _holds(t, folded, keys[0]) for side, keys in _OWN_OTHER.items()}
        captive_noun, adj_word, soldier_noun = (
            _holds(t, folded, _CAPTIVE_KEYS),
            _holds(t, folded, _ADJ_KEYS),
            _holds(t, folded, _SOLDIER_KEYS),
        )
        # soldiers who are the subject of the killing ("Russian servicemen fired at them")
        # speak for the other side, not their own
        killers: dict[str, list[tuple[int, int]]] = {}
        for side, (captive, adj, enemy, _) in _SIDE_RX.items():
            kills: list[tuple[int, int]] = []
            if _holds(t, folded, _OWN_OTHER[side][1]):
                kills = [m.span() for m in enemy.on(folded).finditer(t)]
            killers[_OTHER[side]] = kills
            strong = 0
            if own[side] and captive_noun:
                strong += len(captive.on(folded).findall(t))
            if own[side] and adj_word:
                strong += len(adj.on(folded).findall(t))
            if _UNIT_GATE[side].search(s):
                strong += len(_SIDE_UNIT[side].findall(s))
            score[side] += 2 * (strong + len(kills))
        for side, (*_, soldier) in _SIDE_RX.items():
            if own[side] and soldier_noun and soldiers:
                spans = killers[side]
                score[side] += sum(
                    1
                    for m in soldier.on(folded).finditer(t)
                    if not any(a <= m.start() < b for a, b in spans)
                )
    return score


def victim_side(texts: list[str], context: str = "", narrative: Sequence[str] = ()) -> str | None:
    """The victims' side the statements name, Ukrainian or Russian; None when both are.

    `context`: the whole text, read only when the statements name no side but call the
    victims "ours" ("наших ... добивают"). `narrative`: the incident's other sentences that
    tell the killing, read when the statements name no side ("захваченных бойцов расстреляли
    боевики" over "тела российских военнослужащих … расстреляны украинскими боевиками").
    """
    score = _score(texts)
    if not any(score.values()) and narrative:
        score = _score(narrative, soldiers=False)
    if any(map(both_sides, texts[:1])) or (
        min(score.values()) > 0 and any(map(both_sides, texts[1:]))
    ):  # a headline about both sides ("executions of POWs by both sides") covers both
        return None
    if score["Russian"] > score["Ukrainian"]:
        return "Russian"
    if not any(score.values()) and context and any(_OURS.search(t) for t in texts):
        return _author_side(context) or "Ukrainian"
    return "Ukrainian"
