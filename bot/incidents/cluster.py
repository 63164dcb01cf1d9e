"""Does a new flagged report join an existing incident? Facts first, words second.

Rule order: recaps never join; contradicting facts (place, incident day, victim count) veto
whatever the wording; then the evidence, near-duplicate text included, is scored against
JOIN_SCORE. Reports are matched against the incident's core facts, never a union of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot.incidents.dedup import NEAR_DUP_THRESHOLD, Signature, content_signature, similarity
from bot.incidents.regions import (
    NARROW_OBLASTS,
    area,
    is_seat_of_district,
    is_within,
    level,
    oblast,
    parents,
)
from bot.models import Facts

JOIN_SCORE = 3.5
NEAR_DUP_POINTS = 3.0  # a copy's text counts as much as a shared incident day
AMBIGUOUS_MARGIN = 1.0  # the best incident must beat the runner-up by this much
CANDIDATE_DAYS = 730  # follow-ups (identifications, trials) come months or years later
LONG_GAP_DAYS = 60
MAX_SIGNATURES = 8
MAX_TITLES = 5

_LEVEL_WEIGHT = {"settlement": 3.0, "district": 2.0, "oblast": 1.0}
_RECAP_TITLE = re.compile(
    r"timeline|recap|year in review|so far|the cases|cases (?:that|which)|worst cases"
    r"|випадк(?:и|ів|ах)\b|підсумк|хронолог|найтяжч|наймасштабн"
    r"|случа(?:и|ев|ях)\b|итог|хронолог|самых громких",
    re.IGNORECASE,
)
_RECAP_AREAS = 3
_REVISED = re.compile(
    r"\brevised\b|\bcorrected\b|(?:rose|rises|risen|climbed|increased) to\b|now stands at"
    r"|уточнил|уточнено|зросл[аио]? до|збільшил"
    r"|уточнен|возросл[аио]? до|выросл[аио]? до|увеличил",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class IncidentView:
    """What matching needs to know about one stored incident (merged over its reports)."""

    id: int
    locations: tuple[str, ...] = ()  # core places (core_places), not every report's
    victims: int | None = None  # the latest claim
    victim_side: str | None = None
    incident_date: date | None = None
    first_published: date | None = None
    latest_published: date | None = None  # the Store's incidents.last_published
    signatures: tuple[Signature, ...] = ()
    titles: tuple[str, ...] = ()
    victim_claims: tuple[int, ...] = ()  # ledger of counts in the order they were reported
    source_authority: str | None = None
    is_recap: bool = False
    reports: int = 1
    copies_only: bool = False  # started by an ambiguous report: joined by its copies only


@dataclass(frozen=True, slots=True)
class Match:
    """The incident a report joins, the score and the evidence for the monitor."""

    incident_id: int
    score: float
    reasons: tuple[str, ...]


def candidate_window(published: date) -> tuple[date, date]:
    """Load incidents whose latest report falls in this range (bounded, so cost stays flat)."""
    return published - timedelta(days=CANDIDATE_DAYS), published + timedelta(days=30)


def count_change(old: int | None, new: int | None) -> str | None:
    """'9 → 16' when a known victim count changes, else None."""
    if old is None or new is None or old == new:
        return None
    return f"{old} → {new}"


def is_recap(title: str, text: str, facts: Facts) -> bool:
    """True for recaps and tallies: places in several front areas, or a recap headline."""
    del text  # the headline and the places carry the signal; kept for a richer rule later
    # Only places the hierarchy knows: an unlisted village (there are dozens of Vesele) is more
    # likely an extraction slip than a third front area.
    areas = {
        area(p)
        for p in facts.locations
        if p in NARROW_OBLASTS
        or level(p) == "district"
        or (level(p) == "settlement" and parents(p))
    }
    if len(areas) >= _RECAP_AREAS:
        return True
    return facts.victims is None and _RECAP_TITLE.search(title) is not None


def _weight(place: str) -> float:
    return 2.0 if place in NARROW_OBLASTS else _LEVEL_WEIGHT[level(place)]


def _towns(places: Sequence[str]) -> set[str]:
    return {p for p in places if level(p) == "settlement"}


def _place_evidence(new: Sequence[str], old: Sequence[str]) -> tuple[float, str, str] | None:
    """(score, reason, relation) of the best agreeing places; None if the places contradict.

    relation: "town" (a shared settlement), "seat" (a district's seat town vs a town in that
    district the other side names: "near Bakhmut" vs "Ivanivske, Bakhmut district"), "area"
    (containment only), "" (one side silent).
    """
    if not new or not old:
        return 0.0, "", ""
    towns_new, towns_old = _towns(new), _towns(old)
    shared = towns_new & towns_old
    if any(area(t) not in {area(s) for s in shared} for t in towns_new - towns_old) and shared:
        # A town in another district beside the incident's own ("Orikhiv and Svatove"): a
        # background place or a second killing; joining would make the incident span both.
        return None
    if towns_new and towns_old and not towns_new & towns_old:
        # "Near Bakhmut" may stand for the Bakhmut district another report names in full.
        seats = sorted(
            (a, b)
            for a in towns_new
            for b in towns_old
            if (is_seat_of_district(a, b) and f"{a} district" in old)
            or (is_seat_of_district(b, a) and f"{b} district" in new)
        )
        if not seats:
            return None  # two settlements, neither in the other: two incidents
        return 1.0, f"place: {seats[0][0]} ~ {seats[0][1]} (district seat)", "seat"
    best = (0.0, "")
    for a in new:
        for b in old:
            if is_within(a, b):
                cand = (_weight(b), f"place: {a}" if a == b else f"place: {a} in {b}")
            elif is_within(b, a):
                cand = (_weight(a), f"place: {b} in {a}")
            else:
                continue
            best = max(best, cand)
    if best[0] <= 0:
        return None
    relation = "town" if towns_new & towns_old else "area"
    # A report that also places the killing in another oblast is only half about this one
    # (or the extractor kept a background place): weaker evidence.
    old_oblasts = {oblast(p) for p in old} - {None}
    elsewhere = sorted(p for p in new if oblast(p) not in old_oblasts | {None})
    if old_oblasts and elsewhere:
        return best[0] - 1.0, f"{best[1]} (also {elsewhere[0]})", relation
    return best[0], best[1], relation


def _victim_weight(n: int) -> float:
    return 0.5 if n <= 1 else 1.0 if n == 2 else 1.5 if n <= 4 else 2.0


def _gap_days(published: date | None, view: IncidentView) -> int | None:
    if published is None or view.first_published is None or view.latest_published is None:
        return None
    if published < view.first_published:
        return (view.first_published - published).days
    return max(0, (published - view.latest_published).days)


def says_revised(title: str, text: str) -> bool:
    """True when a report says it corrects an earlier toll ("revised to 50", "уточнили")."""
    return _REVISED.search(f"{title}\n{text}") is not None


def is_revision(
    facts: Facts, published: date | None, view: IncidentView, relation: str, revised: bool
) -> bool:
    """May a report restate the incident's count differently? Only a later report (a day or
    more after the incident's last one) naming the incident's settlement, and either saying it
    revises the toll, or correcting it by at most a fifth (6 -> 5, 53 -> 50) within
    LONG_GAP_DAYS without both stating the day (dated releases with other counts are other
    incidents)."""
    old, new = view.victims, facts.victims
    if old is None or new is None or relation != "town" or published is None:
        return False
    if view.latest_published is None or published < view.latest_published + timedelta(days=1):
        return False  # sibling releases of one day with other counts are other incidents
    if revised:
        return True
    is_close = abs(old - new) * 5 <= max(old, new)
    both_dated = bool(facts.incident_date and view.incident_date)
    is_recent = (published - view.latest_published).days <= LONG_GAP_DAYS
    return is_close and not both_dated and is_recent


def assess(
    facts: Facts, published: date | None, view: IncidentView, revised: bool = False
) -> tuple[str | None, float, tuple[str, ...]]:
    """(veto, score, reasons): the veto names the contradiction that keeps a report out of the
    incident whatever its wording; otherwise the score weighs the agreeing evidence."""
    day, first = facts.incident_date, view.first_published
    if day and first and day > first + timedelta(days=1):
        return "the killing is dated after the incident was first reported", 0.0, ()
    if view.incident_date and published and view.incident_date > published + timedelta(days=1):
        return "the incident is dated after this report", 0.0, ()
    place = _place_evidence(facts.locations, view.locations)
    if place is None:
        return "places contradict", 0.0, ()
    score, reasons, relation = place[0], [place[1]] if place[1] else [], place[2]
    has_day = bool(day and view.incident_date)
    if day and view.incident_date:
        if abs((day - view.incident_date).days) > 1:
            return "incident days differ", 0.0, ()
        # The same day is strong evidence; a day off (time zones, a night) a little less.
        score += 3.0 if day == view.incident_date else 1.5
        reasons.append(f"date: {day.isoformat()} ~ {view.incident_date.isoformat()}")
    gap = _gap_days(published, view)
    # A late follow-up names the incident's places; a new settlement next to an old locator
    # town ("Karlivka near Avdiivka") months later is another killing.
    is_late = gap is not None and gap > LONG_GAP_DAYS and not has_day
    if is_late and any(
        level(p) == "settlement" and p not in view.locations for p in facts.locations
    ):
        return "a late report names a settlement the incident does not know", 0.0, ()
    same_count = facts.victims is not None and (
        facts.victims == view.victims or facts.victims in view.victim_claims
    )
    if relation == "seat" and not (has_day and same_count):
        return "a district seat and another town without the same day and count", 0.0, ()
    if facts.victims is not None and view.victims is not None:
        if same_count:
            score += _victim_weight(facts.victims)
            reasons.append(f"victims: {facts.victims}")
        elif is_revision(facts, published, view, relation, revised):
            # A correction that says so is evidence, more so when small (19 -> 17); a silent
            # one is only no contradiction (and loses to an incident stating the count).
            is_small = abs(facts.victims - view.victims) * 5 <= max(facts.victims, view.victims)
            score += (2.0 if is_small else 0.5) if revised else 0.0
            reasons.append(f"victims: {view.victims} → {facts.victims} (revision)")
        else:
            return "victim counts differ", 0.0, ()
    if facts.victim_side and view.victim_side:
        # Whose soldiers were killed is the fact extractors get wrong most often: a mismatch
        # costs 2 points, so only agreeing place, day and count outweigh it.
        is_same = facts.victim_side == view.victim_side
        score += 0.5 if is_same else -2.0
        side = facts.victim_side if is_same else f"{view.victim_side} vs {facts.victim_side}"
        reasons.append(f"side: {side}")
    if gap is not None:
        score += 1.0 if gap <= 3 else 0.5 if gap <= 14 else 0.0 if gap <= 60 else -1.0
        reasons.append(f"published {gap} days apart")
    return None, score, tuple(reasons)


def score_incident(
    facts: Facts, published: date | None, view: IncidentView
) -> tuple[float, tuple[str, ...]] | None:
    """Evidence that a report belongs to an incident: (score, reasons), None on a contradiction."""
    veto, score, reasons = assess(facts, published, view)
    return None if veto else (score, reasons)


def rank_incidents(
    facts: Facts,
    title: str,
    text: str,
    published: date | None,
    candidates: Sequence[IncidentView],
    signature: Signature | None = None,
    near_dups: Mapping[int, float] | None = None,
) -> list[Match]:
    """Every incident the report could join (score >= JOIN_SCORE), best first; recaps none.

    Facts veto text: near-duplicate text (with a member's signature, or else `near_dups`:
    incident id -> similarity of its copies from the Store's index) is one more piece of
    evidence, for incidents whose facts the report does not contradict. An incident born
    ambiguous takes only copies.
    """
    if is_recap(title, text, facts):
        return []
    sig = signature if signature is not None else content_signature(title, text)
    revised = says_revised(title, text)
    found: list[Match] = []
    for view in candidates:
        if view.is_recap:
            continue
        veto, score, reasons = assess(facts, published, view, revised)
        if veto is not None:
            continue
        if near_dups is not None:
            near = near_dups.get(view.id, 0.0)
        else:
            near = max((similarity(sig, other) for other in view.signatures), default=0.0)
        if near >= NEAR_DUP_THRESHOLD:
            score += NEAR_DUP_POINTS
            reasons = (f"near-duplicate text: {near:.2f}", *reasons)
        elif view.copies_only:
            continue
        if score >= JOIN_SCORE:
            found.append(Match(view.id, round(score, 2), reasons))
    found.sort(key=lambda m: -m.score)
    return found


def is_ambiguous(found: Sequence[Match]) -> bool:
    """Two incidents fit about equally (a follow-up naming only a town with several incidents):
    joining either could hide the other, so the report starts an incident of its own."""
    return len(found) > 1 and found[1].score >= found[0].score - AMBIGUOUS_MARGIN


def match_incident(
    facts: Facts,
    title: str,
    text: str,
    published: date | None,
    candidates: Sequence[IncidentView],
    signature: Signature | None = None,
    near_dups: Mapping[int, float] | None = None,
) -> Match | None:
    """The incident this report belongs to, or None (start a new one; recaps always None)."""
    found = rank_incidents(facts, title, text, published, candidates, signature, near_dups)
    return None if not found or is_ambiguous(found) else found[0]


def _union(old: tuple[str, ...], new: Sequence[str], limit: int | None = None) -> tuple[str, ...]:
    merged = tuple(dict.fromkeys((*old, *new)))
    return merged if limit is None else merged[-limit:]


def new_incident(
    incident_id: int,
    facts: Facts,
    title: str,
    published: date | None,
    signature: Signature | None = None,
    recap: bool = False,
    copies_only: bool = False,
) -> IncidentView:
    """The view of an incident started by one report."""
    return IncidentView(
        id=incident_id,
        locations=tuple(dict.fromkeys(facts.locations)),
        victims=facts.victims,
        victim_side=facts.victim_side,
        incident_date=facts.incident_date,
        first_published=published,
        latest_published=published,
        signatures=(signature,) if signature is not None and not signature.is_empty else (),
        titles=(title,),
        victim_claims=(facts.victims,) if facts.victims is not None else (),
        source_authority=facts.source_authority,
        is_recap=recap,
        copies_only=copies_only,
    )


def core_places(core: tuple[str, ...], new: Sequence[str]) -> tuple[str, ...]:
    """The incident's places after a report joins: never the union (no widening).

    The places of the first report that named any stay the core; a report only refines a core
    without settlements by the settlements it names inside it ("Pokrovsk district" then
    "Hrodivka"). So an incident's settlements are those of at most two of its reports.
    """
    if not core:
        return tuple(dict.fromkeys(new))
    if _towns(core):
        return core
    inside = [p for p in new if level(p) == "settlement" and any(is_within(p, c) for c in core)]
    return tuple(dict.fromkeys((*inside, *core))) if inside else core


def merge_facts(
    view: IncidentView,
    facts: Facts,
    title: str,
    published: date | None,
    signature: Signature | None = None,
) -> IncidentView:
    """The incident after a report joins: core places and day kept, counts in a ledger."""
    claims = view.victim_claims
    if facts.victims is not None and (not claims or claims[-1] != facts.victims):
        claims = (*claims, facts.victims)
    stamps = [d for d in (view.first_published, view.latest_published, published) if d]
    sigs = view.signatures
    if signature is not None and not signature.is_empty:
        sigs = (*sigs, signature)[-MAX_SIGNATURES:]
    return replace(
        view,
        locations=core_places(view.locations, facts.locations),
        victims=facts.victims if facts.victims is not None else view.victims,
        victim_side=view.victim_side or facts.victim_side,
        incident_date=view.incident_date or facts.incident_date,  # the first day stated
        first_published=min(stamps) if stamps else None,
        latest_published=max(stamps) if stamps else None,
        signatures=sigs,
        titles=_union(view.titles, [title], MAX_TITLES),
        victim_claims=claims,
        source_authority=view.source_authority or facts.source_authority,
        reports=view.reports + 1,
    )


def view_facts(view: IncidentView) -> Facts:
    """The incident's merged facts, for the Store's incidents row and the alert text."""
    return Facts(
        locations=view.locations,
        victims=view.victims,
        victim_side=view.victim_side,
        incident_date=view.incident_date,
        source_authority=view.source_authority,
    )
