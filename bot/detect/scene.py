"""Which places a sentence names as the scene: gazetteer hits minus a unit's origin, an office's
seat, a unit's movements and a border."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.detect.cue import CaseBlind, fold
from bot.detect.gazetteer import PlaceHit, find_places
from bot.detect.placecontext import APPOSITIVE, LOCATOR, REGION_NEXT

# A place named as a unit's origin or an office's seat is not where the killing happened.
_NOT_SCENE = CaseBlind(
    r"(?:defenders? of|оборонц\w*|захисник\w*|защитник\w*|prosecutors?|prosecutor's office"
    r"|police|officials|authorities|governor|прокуратур\w*|прокурор\w*|поліці\w*|полици\w*"
    # an official's title or a force's name: "Губернатор Белгородской области", "Народной
    # милиции ДНР", "the People's Militia of the DPR"
    r"|губернатор\w*|militia|міліці\w*|милици\w*"
    r"|courts?|tribunal|суд\w*)"
    r"\s+(?:in\s+|of\s+|в\s+|у\s+)?(?:the\s+)?$"
    # "the regional prosecutor's office, which now works from Dnipro", "яка працює у Краматорську"
    r"|(?:office|prosecutors?|court|прокуратур\w*|суд\w*),?\s+(?:which|that|яка|який|которая"
    r"|который)\s+(?:now\s+|тепер\s+|зараз\s+|сейчас\s+)?(?:works?|sits?|is based|operates"
    r"|працює|розташован\w*|базується|работает|находится|расположен\w*)\s+(?:in|from|у|в|з|із"
    r"|из)\s+$"
    # the same after a longer name: "прокуратура в сфере обороны ..., которая работает из"
    r"|,\s+(?:which|яка|який|которая|который)\s+(?:now\s+|тепер\s+|зараз\s+|сейчас\s+)?"
    r"(?:works|has worked|is based|has been based|працює|базується|работает|базируется)"
    r"\s+(?:in|from|у|в|з|із|из)\s+$"
    # where a victim or a unit came from: "a rifleman from a village in Poltava Oblast",
    # "a battalion from Chernihiv region", "уродженець Вінниччини", "родом из Сум"
    r"|\b(?:\w*man|soldier|sniper|native|battalion|brigade|regiment|unit|defender|resident"
    r"|volunteer|conscript|medic|\d+-year-old|\w*gunner|officer|sergeant|marine|paratrooper"
    r"|fighter|operator|driver|mechanic|scout|sapper|commander|father|son|husband|teacher"
    r"|farmer|miner)\s+from\s+(?:the\s+|a\s+)?"
    r"(?:(?:village|town|city|region)\s+(?:of|in)\s+)?$"
    r"|(?:уроджен\w*|уроженц?\w*|родом\s+(?:з|із|из))\s+(?:(?:села|міста|села|города)\s+)?$"
    # "Брати з Полтавщини", "бойцы из Курской области", "хлопці з Сумщини": where men came from
    r"|(?:брат[иья]|братів|братьев|бійц\w*|бойц\w*|військов\w*|военн\w*|хлопц\w*|хлопці"
    r"|ребята|пацан\w*|земляк\w*|мешкан\w*|жител\w*)\s+(?:з|із|зі|из|со?)\s+$"
    # an earlier turn of the front: "after the liberation of Robotyne", "після звільнення X"
    r"|\b(?:after|before|since)\s+(?:the\s+)?(?:liberation|capture|fall|occupation|recapture"
    r"|loss|siege|defen[cs]e|battle for)\s+(?:of\s+)?$"
    r"|\b(?:after|before|since)\s+(?:losing|abandoning|leaving)\s+$"
    r"|(?:після|до|з часу)\s+(?:звільнення|захоплення|падіння|окупації|втрати|облоги"
    r"|оборони)\s+$"
    r"|(?:после|до|со времени)\s+(?:освобождения|захвата|падения|оккупации|потери|осады"
    r"|обороны)\s+$"
    # "after the defence forces withdrew from Avdiivka", "після відходу Сил оборони з Авдіївки"
    r"|\b(?:after|before)\s+(?:the\s+)?(?:withdrawal|retreat)\s+(?:[\w'-]+\s+){0,3}?from\s+$"
    r"|(?:після|до)\s+відходу\s+(?:[\w'-]+\s+){0,3}?(?:з|із)\s+$"
    r"|(?:после|до)\s+отхода\s+(?:[\w-]+\s+){0,3}?(?:из|с)\s+$",
)
# Rarer kinds, behind literal keys (most windows skip the scan): a man's age, then where he
# came from ("Private Maksym Ivanenko, 19, from Poltava region", "both from villages in
# Poltava Oblast"); where the dead are mourned ("a memorial was unveiled on Saturday in the
# town of X", "поховали в селі X", "похоронили в X").
_NOT_SCENE_RARE = CaseBlind(
    r"\b\d{1,2},\s+(?:from|of)\s+(?:the\s+)?$"
    r"|\bfrom\s+(?:a\s+|the\s+)?(?:villages?|towns?|cities|city)\s+(?:in|of)\s+(?:the\s+)?$"
    r"|\b(?:unveiled|dedicated|buried|laid to rest|funeral (?:was )?held|mourned)\s+"
    r"(?:on\s+\w+\s+|yesterday\s+|today\s+)?(?:in|at)\s+"
    r"(?:the\s+(?:town|village|city)\s+of\s+)?$"
    r"|(?:поховали|похован\w*|попрощал\w*|прощал\w*|похоронили|похоронен\w*|простил\w*)\s+"
    r"(?:[\w']+\s+){0,2}?(?:у|в|во|на)\s+(?:селі\s+|місті\s+|селе\s+|городе\s+)?$",
)
_RARE_KEYS = (
    ", from", ", of", "from village", "from a village", "from the village", "from town",
    "from a town", "from the town", "from cit", "from a cit", "from the cit", "unveil", "dedicat",
    "buried", "laid to rest", "funeral", "mourned", "похов", "прощал", "похорон", "простил",
)  # fmt: skip
# Where a unit came from, went to or fought before is not where the killing happened:
# "advancing from Avdiivka toward Ocheretyne and Pokrovsk", "fought at Bakhmut, Avdiivka".
_MOVEMENT = CaseBlind(
    r"(?:(?:advanc\w*|push\w*|mov\w*|rotat\w*|came|arrived|redeploy\w*|transferr\w*)"
    r"(?:\s+(?:with|west|east|north|south)\w*(?:\s+(?:his|their|the|its)\s+\w+)?)?(?:\s+in)?"
    r"\s+(?:from|to|into)|toward|towards|fought (?:at|in"
    r"|for|near)|defended|прибул\w* (?:туди |сюди )?з(?:-під)?"
    r"|прибыл\w* (?:туда |сюда )?из(?:-под)?"
    # a unit redeployed: "перекинутої на Запорізький напрямок із-під Херсона"
    r"|перекину\w* (?:[\w'-]+\s+){0,3}?(?:з|із|на)(?:-під)?"
    r"|переброш\w* (?:[\w-]+\s+){0,3}?(?:из|с|на)(?:-под)?"
    r"|(?:redeployed|transferred) (?:[\w'-]+\s+){0,4}?(?:from|to)"
    r"|у напрямку|в направлении|воювал\w* (?:під|біля|у|в)|воевал\w* (?:под|у|в)"
    # where a side was pushed out of: "having pushed Ukrainian forces out of most of X"
    r"|(?:push\w*|driv\w*|forc\w*|expell\w*|oust\w*) (?:[\w'-]+\s+){0,3}?out of"
    r"(?: (?:most|much|part|parts|all) of)?"
    r"|(?:витісни\w*|вибил\w*|вибили) (?:[\w'-]+\s+){0,3}?(?:з|із)(?: більшої частини)?"
    r"|(?:вытесни\w*|выбил\w*) (?:[\w-]+\s+){0,3}?(?:из|с)(?: большей части)?"
    # where a soldier was sent to the war from: "Відправлений з X", "went to the front from X"
    r"|(?:sent|mobili[sz]ed|drafted|called up|enlisted|went (?:to (?:the front|war) )?)"
    r"(?:\s+\w+)?\s+from|(?:відправлен\w*|мобілізован\w*|призван\w*|пішов(?: на фронт| на війну"
    r"| воювати)?)(?:\s+\w+)?\s+(?:з|із)|(?:отправлен\w*|мобилизован\w*|призван\w*"
    r"|уш[её]л(?: на фронт| на войну| воевать)?)(?:\s+\w+)?\s+(?:из|с))\s+"
    r"(?:the\s+)?(?:(?:central|northern|southern|eastern|western)\s+)?"
    r"(?:[\w'-]+(?:,|\s+and|\s+і|\s+та|\s+и)\s+){0,3}$",
)
# What the enemy did elsewhere, given as a motive ("после того, что эти твари творили с нашими
# под Курском", "after what they did to our men near X"), is another event's place.
_MOTIVE = CaseBlind(
    r"(?:после того,? что|після того,? що|за то,? что|за те,? що|after what|for what)\s+"
    r"(?:[\w'-]+,?\s+){0,8}?(?:под|під|near|in|у|в|біля|возле|around)\s+$"
)
# A border ("along the border with Russia's Kursk region") is not the scene.
_BORDER = CaseBlind(
    r"(?:border with|(?:border|boundary) (?:of|between)|along the border|кордон\w* (?:з|із)"
    r"|меж\w* (?:між|между)|границ\w* (?:с|между))\s+(?:the\s+)?"
    r"(?:(?:Russia's|Russian|російськ\w+|российск\w+|Росії|России)\s+)?"
    # both of a pair: "near the boundary of Luhansk and Kharkiv oblasts"
    r"(?:[\w'-]+\s+(?:and|і|та|и)\s+)?$",
)


# A court named after its district or town ("Харьковский районный суд", "Kharkiv district
# court") is an office, as is a prosecutor's office after its oblast.
_SEAT_AFTER = re.compile(r"\s+(?:(?:city|district|regional)\s+)?(?:суд\b|court\b|прокуратур)")

# Where a court sat, told as the scene of the sentence: "У Ростові засудили ...", "In Rostov, a
# court sentenced ...", "В Ростове осудили ..."
_COURT_BEFORE = re.compile(r"(?:^|[^\w'])(?:У|В|Во|In|in|у|в)\s+$")
_COURT_AFTER = re.compile(
    r"(?:-на-Дону|-on-Don)?,?\s+(?:(?:a|the)\s+(?:[\w-]+\s+)?court\s+(?:has\s+)?)?(?:засуди\w*"
    r"|осуди\w*|sentenced|convicted|jailed|винесли вирок|вынесли приговор"
    # where a case was opened: "В ДНР возбуждено дело", "In Rostov, investigators opened a case"
    r"|возбу[дж]\w*|порушен\w*|порушил\w*|відкрил\w* (?:кримінальн\w+ )?(?:справу|провадження)"
    r"|открыл\w* (?:уголовн\w+ )?дело|(?:investigators|prosecutors|police)\s+(?:have\s+)?opened"
    r"|opened (?:a |an )?(?:criminal |war[- ]crimes? )?(?:case|investigation|probe)"
    # where the dead were remembered: "В Льгове почтили память ...", "У Сумах вшанували пам'ять",
    # "In Lgov, residents honoured ...", "В X у мемориала прошла траурная акция"
    r"|(?:[\w'-]+\s+){0,2}?(?:почтили|вшанували|помянули|пом'янули|honou?red|commemorated"
    r"|remembered)\b|(?:у|біля|возле|at)\s+(?:the\s+)?(?:мемориал|меморіал|memorial)\w*)"
)


# Where a witness was himself captured, told as he gives his account: "a Russian soldier
# captured in Kursk Oblast described the shooting", "взятий у полон під X, розповів"
_WITNESS_BEFORE = re.compile(
    r"(?:\bcaptured|taken prisoner|взят\w* (?:у |в )?(?:полон|плен)|захоплен\w*|захвачен\w*"
    r"|потрапи\w* (?:у|в) полон|попа\w* в плен)\s+(?:in|near|at|під|біля|у|в|на|под|возле)\s+"
    r"(?:the\s+)?$"
)
_WITNESS_AFTER = re.compile(
    r",?\s+(?:later\s+|then\s+)?(?:described|told|said|testified|recounted|gave|розповів"
    r"|розповіда\w*|описав|дав свідчення|рассказал|рассказыва\w*|описал|дал показания)\b"
    # or the accused, captured there: "a serviceman captured in Kursk region who is suspected
    # of killing", "взятий у полон на Курщині, якого підозрюють"
    r"|,?\s+(?:who|whom)\s+(?:is|was|has been|had been|investigators|prosecutors)\s+"
    r"(?:now\s+)?(?:suspect|accuse|charge)\w*|,?\s+(?:який|якого|которого|который)\s+"
    r"(?:підозрю|обвинувачу|звинувачу|подозрева|обвиня)\w*"
)


def _has(rx: CaseBlind, s: str, pos: int = 0) -> bool:
    t, folded = fold(s)
    return rx.on(folded).search(t, pos) is not None


def places(hits: list[PlaceHit]) -> tuple[str, ...]:
    """Canonical names in order, once each; a direction only without a district to say it."""
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
    "направлен", "воювал", "воевал", "відправлен", "мобілізован", "призван", "пішов",
    "отправлен", "мобилизован", "ушел", "ушёл", "out of", "витісн", "вибил", "вытесн", "выбил",
)  # fmt: skip


_MOTIVE_KEYS = ("того", "after what", "for what", "за то", "за те")


def _keys(keys: tuple[str, ...]) -> re.Pattern[str]:
    """One scan for any of the literal keys (in lower-cased text)."""
    return re.compile("|".join(re.escape(k) for k in keys))


_RARE_KEY, _MOTIVE_KEY, _MOVEMENT_KEY = (
    _keys(_RARE_KEYS),
    _keys(_MOTIVE_KEYS),
    _keys(_MOVEMENT_KEYS),
)


def _not_scene(s: str, start: int) -> bool:
    window = s[max(0, start - 80) : start]
    tail = max(0, len(window) - 40)
    if _has(_NOT_SCENE, window, tail):
        return True
    low = window.lower()
    if _RARE_KEY.search(low) and _has(_NOT_SCENE_RARE, window, tail):
        return True
    if _MOTIVE_KEY.search(low) and _has(_MOTIVE, window):
        return True
    return _MOVEMENT_KEY.search(low) is not None and _has(_MOVEMENT, window)


def hits(s: str, across: bool = False) -> list[PlaceHit]:
    """The places in `s` that may be the scene (not an origin, a seat, a route or a border);
    `across`: the article names a Russian border oblast (gazetteer.find_places)."""
    out: list[PlaceHit] = []
    for h in find_places(s, across):
        if (
            _not_scene(s, h.start)
            or _SEAT_AFTER.match(s, h.end)
            or (
                _COURT_BEFORE.search(s, max(0, h.start - 4), h.start)
                and _COURT_AFTER.match(s, h.end)
            )
            or (
                _WITNESS_AFTER.match(s, h.end)
                and _WITNESS_BEFORE.search(s, max(0, h.start - 40), h.start)
            )
        ):
            continue
        if _area_after_village(s, h, out):
            continue
        if not _has(_BORDER, s[max(0, h.start - 40) : h.start]):
            out.append(h)
    return out


_ON_AREA = re.compile(r",?\s+(?:на|в|у)\s+")


def _area_after_village(s: str, h: PlaceHit, before: list[PlaceHit]) -> bool:
    """A district's region word right after the village ("біля Синьківки на Куп'янщині") is
    the area around it, not a second place; alone ("на Куп'янщині") it names the district."""
    return (
        h.kind == "district"
        and "щин" in s[h.start : h.end].lower()
        and bool(before)
        and before[-1].kind == "settlement"
        and _ON_AREA.fullmatch(s, before[-1].end, h.start) is not None
    )


def with_region(
    sentences: Sequence[str], found: tuple[str, ...], hits_of: Callable[[str], list[PlaceHit]]
) -> tuple[str, ...]:
    """The scene's places plus the region or town that locates a settlement among them: an
    oblast or district right after it or in its description, a town it lies west of."""
    described = any(
        k in s
        for s in sentences[1:]
        for k in ("village", "town", "settlement", "hamlet", "сел", "місто", "город", "посел")
    )
    extra: list[str] = []
    for s in sentences[1:]:
        hits = hits_of(s)
        for h in hits:
            if h.kind != "settlement" or h.canonical not in found:
                continue
            for o in hits:
                if o.start <= h.end:
                    continue
                near = False
                if o.kind == "settlement":  # "Tonenke, west of Avdiivka": the locating town
                    loc = LOCATOR.match(s, h.end)
                    near = loc is not None and loc.end() == o.start
                elif o.kind in ("oblast", "district"):
                    nxt = REGION_NEXT.match(s, h.end)
                    near = (nxt is not None and nxt.end() == o.start) or bool(
                        described and o.start - h.end < 90 and APPOSITIVE.match(s, h.end)
                    )
                if near:
                    extra.append(o.canonical)
    return tuple(dict.fromkeys([*found, *extra])) if extra else found
