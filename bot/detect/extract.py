"""Facts about a flagged report (places, victims, side, date, authority) and a short summary.

Works on the detector's statements: the headline and the sentences that state the killing,
plus narrative sentences about the same incident; background sentences (earlier cases,
tallies, the front in general) are left out. Recaps of many incidents keep only places.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from itertools import pairwise

from bot.detect import authority, custody, scene
from bot.detect import lexicon as lx
from bot.detect.classify import Analysis, Statement, analyse
from bot.detect.cue import CaseBlind, Keys, fold, scripts, union
from bot.detect.dates import EVENT, incident_dates, month_years
from bot.detect.gazetteer import PlaceHit, across_the_border, find_places
from bot.detect.indirect import captions, episodes, opens_back, recalls, short_run
from bot.detect.narrative import (
    ASSAULT_OR_DATE,
    BACKGROUND,
    CAPTURE_ACT,
    MONTH_OR_YEAR,
    OCCURRENCE,
    OPENS_BACK,
    RECALL,
    RECAP_TITLE,
    REFERS_BACK,
    ROUNDUP,
    is_finding,
    not_earlier,
    own_line_notes,
    same_entry,
)
from bot.detect.quantities import Kind, count
from bot.detect.quantities import victims as count_victims
from bot.detect.sentences import clip
from bot.detect.side import both_sides, victim_side
from bot.models import Facts, Verdict

_F = re.IGNORECASE
SUMMARY_LIMIT = 300


def _has(rx: CaseBlind, s: str, pos: int = 0) -> bool:
    t, folded = fold(s)
    return rx.on(folded).search(t, pos) is not None


def _main_statement(a: Analysis) -> int | None:
    """The first statement of an incident: a tally ("200 POWs executed since 2022") tells no
    one incident, so "Only last month, troops shot four captives" after it is the incident."""
    told = [st for st in a.statements if st.rule != "no-quarter order"]
    told = [st for st in told if not RECALL.match(st.sentence)] or told
    first = next((st.index for st in told if count(st.sentence)[0] is not Kind.TALLY), None)
    return min((st.index for st in told), default=None) if first is None else first


def _is_background(a: Analysis, i: int, first: Callable[[], int | None]) -> bool:
    """A sentence about an earlier case or the wider picture, after the main statement
    (`first`: its index, worked out only when a background cue is found)."""
    s = a.sentences[i]
    recall = RECALL.match(s) is not None
    if not recall and not _has(BACKGROUND, s):
        return False
    main = first()
    return main is not None and (i > main or (recall and i != main))


def _is_recap(a: Analysis) -> bool:
    datelines = 0
    settlements: set[str] = set()
    for s in a.sentences[1:]:
        hits = find_places(s)
        settlements.update(h.canonical for h in hits if h.kind == "settlement")
        if hits and len(s) < 90 and _has(MONTH_OR_YEAR, s):
            datelines += 1
    return datelines >= 3 or (_has(RECAP_TITLE, a.sentences[0]) and len(settlements) >= 3)


def _incident_sentences(a: Analysis, cues: _Cues) -> list[int]:
    """Headline, statements and narrative sentences about the incident, minus background."""
    stated = {st.index for st in a.statements}
    # under a front round-up's headline (no killing stated, several towns) the paragraphs
    # before the statement ("19 assaults repelled near X") are not the scene
    towns = {h.canonical for h in find_places(a.sentences[0]) if h.kind == "settlement"}
    roundup = 0 not in stated and len(towns) >= 2
    lead = min((i for i in stated if i), default=0) - 1 if roundup else 0
    # a killing told after its captives ("Both were shot where they lay"): the sentences that
    # set them up hold the place and the count
    told = {
        j
        for st in a.statements
        if st.rule == "carried over"
        and any(st.terms[0] in lx.lower(a.sentences[k]) for k in range(st.index - 2, st.index))
        for j in range(max(1, st.index - 2), st.index)
    }
    # under a headline that is the only statement ("«Полонених не брати»: …"), the body's
    # captives ("двох військових, які вийшли з піднятими руками біля X") are the incident's
    headline_only = stated == {0}
    picked: list[int] = []
    for i, s in enumerate(a.sentences):
        if i == 0 or i in stated or i in told:
            picked.append(i)
            continue
        kill, captive = cues[s]
        beside = i - 1 in stated or i + 1 in stated
        # captives set up one or two sentences before the one that kills them ("a soldier
        # with a white rag walks out near X. Seconds later they open fire on him."; "... з
        # зв'язаними руками. Потім пролунали постріли.")
        setup = any(cues[a.sentences[j]][0] for j in (i + 1, i + 2) if j < len(a.sentences)) and (
            captive or custody.BOUND.on(lx.is_cyrillic(s)).search(s) is not None
        )
        # a capture told as an act, right before the killing ("On 3 October they seized him.
        # He was shot an hour later."), not two sentences off, where it may be others' capture
        nxt = a.sentences[i + 1] if i + 1 < len(a.sentences) else ""
        setup = setup or (bool(nxt) and cues[nxt][0] and CAPTURE_ACT.search(s) is not None)
        # "Seven soldiers walked out of a basement in X on 2 September. Five of them were
        # shot within minutes": the killing refers back to the group this sentence brings in
        setup = setup or (bool(nxt) and cues[nxt][0] and OPENS_BACK.match(nxt) is not None)
        if (
            kill
            or setup
            or (headline_only and captive)
            or is_finding(s)
            or ((captive or (beside and EVENT.search(s))) and _has(ASSAULT_OR_DATE, s))
            or (
                i >= lead
                and (_has(OCCURRENCE, s) or custody.WOUNDED.search(s))
                and (captive or not lx.CIVILIAN.search(s))  # "three civilians were wounded"
            )
        ):
            picked.append(i)
    picked = same_entry(a.sentences, picked, stated)
    kept = [i for i in picked if not cues.background(i)]
    return kept if len(kept) > 1 or len(picked) == 1 else picked


_DIED = re.compile(r"\b(?:died|загинул\w*|загинуло|погибл\w*|погибло|двохсот\w*|двухсот\w*)\b", _F)
_PRONOUN_START = re.compile(r"^\W*(?:they|them|their|вони|їх|їхні|они|их)\b", re.IGNORECASE)
# the killing told by its outcome, with no victim named: "a minute later nobody moves"
_NOBODY = re.compile(r"\b(?:никто|ніхто|nobody|no one)\b", re.IGNORECASE)
_SEGMENT = re.compile(r"[;:|]|\s[—–]\s")


def _title_hits(a: Analysis, cues: _Cues) -> list[PlaceHit]:
    """Places in the headline's statement segment: a round-up headline ("Pokrovsk holds,
    Kramatorsk hit; three captives shot near X", "Фронт за добу: ...") lists other towns."""
    title = a.sentences[0]
    hits = not_earlier(title, cues.hits(title))
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


# captivity as a noun, which the captive cues leave to the statement rules: "після полону"
_CAPTIVITY = re.compile(
    r"\b(?:після|после|у|в|з|из)\s+(?:полону|плена|полоні|плену|полон|плен)\b", _F
)
_SHORT_STORY = 6  # sentences, headline included
_SCENE_BACK = 6  # sentences before the first statement


def _locations(a: Analysis, recap: bool, picked: list[int], cues: _Cues) -> tuple[str, ...]:
    if recap:
        return scene.places([h for s in a.sentences for h in cues.hits(s)])
    body_hits = [h for i in picked if i for h in cues.hits(a.sentences[i])]
    body = scene.places(body_hits)
    title_stated = any(st.index == 0 for st in a.statements)
    if not body:
        found = scene.places(_title_hits(a, cues) + _place_line(a, cues))
    elif title_stated:
        found = scene.places(_title_hits(a, cues) + body_hits)
    elif (title_cues := cues[a.sentences[0]])[0]:
        # a headline that tells a killing with no captive word ("Мать опознала сына,
        # расстрелянного ... под Курском") adds its towns; its oblast or front is the area;
        # with a captive word ("розстріляли після полону") it tells the incident: all its places
        title_hits = _title_hits(a, cues)
        captive = title_cues[1] or _CAPTIVITY.search(a.sentences[0]) is not None
        towns = title_hits if captive else [h for h in title_hits if h.kind == "settlement"]
        found = scene.places(towns + body_hits)
    else:  # a headline that states no killing: its places are the story's, not the incident's
        found = body
    if found:
        return scene.with_region(a.sentences, found, cues.hits)
    # no place beside the statements: a sentence about captives or a killing nearest the
    # first statement, else (a statement in the lead) the story's first place
    first = min(st.index for st in a.statements)
    told = [i for i in range(1, len(a.sentences)) if not cues.background(i)]
    for i in sorted((i for i in told if any(cues[a.sentences[i]])), key=lambda i: abs(i - first)):
        if hits := cues.hits(a.sentences[i]):
            return scene.places(hits)
    if first <= 2:
        for i in told:
            if hits := cues.hits(a.sentences[i]):
                return scene.places(hits)
    # a statement that refers back to its victims ("обох добили", "All five are now dead")
    # ends a story told in order: its scene is set shortly before ("Позавчора під X наша
    # група відходила ... Двоє лишилися"), the nearest place there
    back = range(first - _SCENE_BACK, first) if REFERS_BACK.search(a.sentences[first]) else ()
    for i in sorted((i for i in told if i in back), reverse=True):
        if hits := cues.hits(a.sentences[i]):
            return scene.places(hits)
    # a short story (a wire item, a post) that names one place only: that is the scene; a
    # long one mentions the killing in passing, and its place is the story's
    if len(a.sentences) > _SHORT_STORY:
        return found
    only = scene.places([h for i in told for h in cues.hits(a.sentences[i])])
    return only if len(only) == 1 else found


_PLACE_LINE = 60  # characters


_LINE_START = re.compile(r"\W*$")
_LINE_PLACE_END = re.compile(r"\s*(?:[,.;:!]|$)")


def _place_line(a: Analysis, cues: _Cues) -> list[PlaceHit]:
    """A post's place line under its headline ("Белогоровка.", "⚡️Покровское направление,
    Новоэкономическое"): one of the first two body lines, short, opening with a place that a
    comma or stop ends; not a breadcrumb, nor a sentence ("Kramatorsk was hit overnight.")."""
    for s in a.sentences[1:3]:
        if len(s) > _PLACE_LINE or any(c in s for c in "/|›»>") or not (hits := cues.hits(s)):
            continue
        if _LINE_START.match(s, 0, hits[0].start) and _LINE_PLACE_END.match(s, hits[0].end):
            return hits
    return []


_REPORTED_TITLE = re.compile(r"\b(?:reported|alleged)\b|\bпро ймовірн\w*|\bо возможн\w*", _F)
_CLAIM_REASONS = ("strike", "death in captivity")


def _authority(a: Analysis, statements: list[Statement], cues: _Cues) -> str | None:
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
        nxt_cue = bool(nxt) and any(cues[nxt])
        if nxt and (len(nxt) < 150 or nxt_cue):
            name = pick(nxt, reporting_only=not nxt_cue)
        if name is None and prev and any(cues[prev]):
            name = pick(prev)
        if name:
            break
    if name is None:
        name = next((n for s in a.sentences[1:] if (n := pick(s, reporting_only=True))), None)
    return authority.refine_un(name, "\n".join(a.sentences))


# a captive cue without a killing word ("walked out with their hands raised near X")
_SURRENDER_KEYS = (
    "surrender", "hands", "руками", "руки", "без зброї", "без оружия", "white", "прапор",
    "ганчірк", "флаг", "тряпк",
)  # fmt: skip


# One scan per question instead of one per cue family (a scan costs about the same either way)
_KILL = union(lx.KILL_EXEC, lx.KILL_OTHER)
_CAPTIVE = union(lx.CAPTIVE_STRONG, lx.CAPTIVE_VERBAL)
_TRIGGERS = Keys(lx.TRIGGERS)


def _cues(s: str) -> tuple[bool, bool]:
    """(has a killing cue, has a captive cue) for one sentence."""
    low = lx.lower(s)
    if not _TRIGGERS.any_in(low, scripts(low)) and not any(k in low for k in _SURRENDER_KEYS):
        return False, False
    cyr = lx.is_cyrillic(s)
    return bool(_KILL.on(cyr).search(low)), bool(_CAPTIVE.on(cyr).search(low))


class _Cues(dict[str, tuple[bool, bool]]):
    """Each sentence's `_cues`, place hits and background test, read once per article: the
    incident, place, count and authority rules look at the same sentences."""

    def __init__(self, a: Analysis) -> None:
        super().__init__()
        self.a = a
        self._hits: dict[str, list[PlaceHit]] = {}
        self._background: dict[int, bool] = {}
        self._across = across_the_border("\n".join(a.sentences))
        self._first: list[int | None] = []

    def __missing__(self, s: str) -> tuple[bool, bool]:
        self[s] = found = _cues(s)
        return found

    def hits(self, s: str) -> list[PlaceHit]:
        """`scene.hits(s)`; callers do not change the list."""
        if (found := self._hits.get(s)) is None:
            found = self._hits[s] = scene.hits(s, self._across)
        return found

    def _main(self) -> int | None:
        if not self._first:
            self._first.append(_main_statement(self.a))
        return self._first[0]

    def background(self, i: int) -> bool:
        """`_is_background(a, i, main statement)`."""
        if (found := self._background.get(i)) is None:
            found = self._background[i] = _is_background(self.a, i, self._main)
        return found


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
    a = analyse(title or "", own_line_notes(text or ""))
    if not a.statements:
        return Facts()
    recap = _is_recap(a)
    cues = _Cues(a)
    picked = _incident_sentences(a, cues)
    statements = [st for st in a.statements if not cues.background(st.index)] or list(a.statements)
    texts = [st.sentence for st in statements]
    locations = _locations(a, recap, picked, cues)
    if recap:
        return Facts(locations=locations, victim_side=victim_side(texts))
    # a round-up's headline date ("War in Ukraine, March 4: what we know") is its issue date
    dated = [i for i in picked if i or not _has(ROUNDUP, a.sentences[0])]
    # a month's year is read from the story up to the dated sentence ("For 14 days in April
    # 2024 ... By the morning of 23 April"), not from a life told after it
    years = month_years(a.sentences) if dated else []
    dates = [d for i in dated for d in incident_dates(a.sentences[i], published, years[i])]
    # a report on both sides, or on numbered episodes ("Первый — …", "Второй — …"): no one count
    both = both_sides(a.sentences[0]) or episodes(a.sentences)
    stated = {st.index for st in statements}
    # "Five of our guys."; a run of short lines after it: "Десять людей, десять наших захисників."
    near = {j for i in stated for j in (i - 1, i + 1, *short_run(a.sentences, i))} - {0}
    # "… были захвачены и расстреляны. Все четверо были ранены": refers back to the killing
    near |= {i + 1 for i in picked if opens_back(a.sentences, i + 1) and cues[a.sentences[i]][0]}
    # a statement that names its victims by a pronoun ("They were shot as prisoners") refers
    # back to the sentences that brought them in ("Three men stepped out of a tree line ...")
    body = [st.index for st in statements if st.index]
    if body and (
        _PRONOUN_START.match(a.sentences[min(body)]) or _NOBODY.search(a.sentences[min(body)])
    ):
        near |= set(range(1, min(body)))
    # the sentences that tell a killing, then those nearest a statement, speak of its victims
    told = [
        (s, cues[s][0])
        for i in set(picked) | near
        if 0 < i < len(a.sentences) and i not in stated and not cues.background(i)
        for s in (a.sentences[i],)
        if not recalls(s)  # "Нагадаємо, торік …": an earlier case's count
    ]
    order = {s: min(abs(i - j) for j in stated) for i, s in enumerate(a.sentences)}
    # the dead counted ("Двоє загинули") before the captives counted ("Троє потрапили в полон")
    narrative = sorted(told, key=lambda t: (not t[1], not _DIED.search(t[0]), order[t[0]]))
    return Facts(
        locations=locations,
        victims=None
        if both
        else count_victims(texts, a.sentences[0], narrative, lambda: captions(text or "")),
        victim_side=victim_side(texts, "\n".join(a.sentences), [s for s, k in narrative if k]),
        incident_date=min(dates) if dates else None,
        source_authority=_authority(a, statements, cues),
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
