"""The evidence that a report belongs to an incident: `assess` names the contradiction that
keeps it out (places, incident days, victim counts) or scores the agreeing facts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.incidents.dedup import Signature
from bot.incidents.regions import (
    NARROW_OBLASTS,
    area,
    is_seat_of_district,
    is_within,
    level,
    oblast,
)
from bot.models import Facts

LONG_GAP_DAYS = 60
SIBLING_DAYS = 14  # dated releases this close with other counts are a burst, not a revision

_LEVEL_WEIGHT = {"settlement": 3.0, "district": 2.0, "oblast": 1.0}
_REVISED = re.compile(
    r"\brevised\b|\bcorrected\b|(?:rose|rises|risen|climbed|increased)(?: from \w+)? to\b"
    r"|now stands at|уточнил|уточнено|зросл[аио]?(?: (?:з|із) \w+)? до|збільшил"
    r"|уточнен|(?:возросл|выросл)[аио]?(?: с \w+)? до|увеличил",
    re.IGNORECASE,
)
# The figure a revision corrects: "rose from 9 to 12", "up from 9", "Раніше повідомлялося про
# 9 загиблих", "з 9 до 12", "ранее сообщалось о 9" (digits: notes on a toll write them so)
_EARLIER = re.compile(
    r"\bfrom (\d{1,3}) to \d{1,3}\b|\bup from (\d{1,3})\b|\b(?:previously|earlier|initially|first)"
    r" (?:reported|said|given|put at|stated)\D{0,30}?(\d{1,3})\b"
    r"|\b(?:з|с) (\d{1,3}) до \d{1,3}\b|\b(?:раніше|спочатку|ранее|изначально|сначала)"
    r" (?:повідомлялося|йшлося|говорилося|сообщалось|говорилось|шла речь)\D{0,20}?(\d{1,3})\b",
    re.IGNORECASE,
)
# A report about an earlier killing rather than a new one: its victims identified, a suspect
# named or charged, a verdict. It may state a newer count than the first reports did.
_FOLLOW_UP = re.compile(
    r"\bidentif(?:ied|ies|y|ication)\b|\bidentities\b|\bsuspect|\bcharged\b|\bverdict"
    r"|установ(?:лены|или|лена) личност|опознал|опознан|подозрени|приговор"
    r"|встановл\w* особ|ідентифіку|ідентифікова|підозр|вирок",
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


def _weight(place: str) -> float:
    return 2.0 if place in NARROW_OBLASTS else _LEVEL_WEIGHT[level(place)]


def towns(places: Sequence[str]) -> set[str]:
    """The settlements among places."""
    return {p for p in places if level(p) == "settlement"}


def _place_evidence(new: Sequence[str], old: Sequence[str]) -> tuple[float, str, str] | None:
    """(score, reason, relation) of the best agreeing places; None if the places contradict.

    relation: "town" (a shared settlement), "seat" (a district's seat town vs a town in that
    district the other side names: "near Bakhmut" vs "Ivanivske, Bakhmut district"), "area"
    (containment only), "" (one side silent).
    """
    if not new or not old:
        return 0.0, "", ""
    towns_new, towns_old = towns(new), towns(old)
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


def earlier_count(title: str, text: str) -> int | None:
    """The earlier toll a revision says it corrects ("rose from 9 to 12" -> 9), or None."""
    m = _EARLIER.search(f"{title}\n{text}")
    return int(next(g for g in m.groups() if g)) if m else None


def says_follow_up(title: str, text: str) -> bool:
    """True for a report about an earlier killing: victims identified, a suspect, a verdict."""
    return _FOLLOW_UP.search(f"{title}\n{text}") is not None


def is_revision(
    facts: Facts,
    published: date | None,
    view: IncidentView,
    relation: str,
    revised: bool,
    follow_up: bool = False,
) -> bool:
    """May a report restate the incident's count differently? Only a later report (a day or
    more after the incident's last one) naming the incident's settlement, and either saying it
    revises the toll, or correcting it by at most a fifth (6 -> 5, 53 -> 50) within
    LONG_GAP_DAYS; if either states the day, only from SIBLING_DAYS on (dated releases of a
    burst with other counts are other incidents)."""
    old, new = view.victims, facts.victims
    if old is None or new is None or relation != "town" or published is None:
        return False
    same_day = facts.incident_date is not None and facts.incident_date == view.incident_date
    if same_day and (
        revised
        or follow_up
        or (new < old and any(says_revised(t, "") for t in view.titles))
        or any(says_follow_up(t, "") for t in view.titles)
    ):
        # "the toll rose to 12" naming the incident's town and day is that incident, whenever
        # it is published; so is an earlier, lower figure once the incident holds the update
        # (feeds arrive in any order), and a follow-up ("the victims of the 24 November
        # killing near X identified") that gives a newer count, before or after the others
        return True
    if view.latest_published is None or published < view.latest_published + timedelta(days=1):
        return False  # sibling releases of one day with other counts are other incidents
    if revised:
        return True
    is_close = abs(old - new) * 5 <= max(old, new)
    gap = (published - view.latest_published).days
    # A dated release (or its undated copy) days after another with a close count is more
    # likely a sibling of a burst than a correction; weeks later it is a correction.
    is_sibling = bool(facts.incident_date or view.incident_date) and gap < SIBLING_DAYS
    return is_close and not is_sibling and gap <= LONG_GAP_DAYS


def assess(
    facts: Facts,
    published: date | None,
    view: IncidentView,
    revised: bool = False,
    follow_up: bool = False,
    earlier: int | None = None,
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
        elif is_revision(facts, published, view, relation, revised, follow_up):
            # A correction that says so is evidence, more so when small (19 -> 17); a silent
            # one is only no contradiction (and loses to an incident stating the count).
            is_small = abs(facts.victims - view.victims) * 5 <= max(facts.victims, view.victims)
            score += (2.0 if is_small else 0.5) if revised else 0.0
            if revised and earlier is not None and earlier == view.victims:
                # the report names the figure it corrects, and it is this incident's: stronger
                # than another incident that already states the new figure
                score += 3.0
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
