"""Does a new flagged report join an existing incident? Facts first, words second.

Rule order: recaps never join; a near-duplicate text joins its twin's incident; otherwise a
contradiction (incident day, place, victim count, a killing dated after the candidate was first
reported) vetoes, and the evidence is scored against JOIN_SCORE.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot.incidents.dedup import NEAR_DUP_THRESHOLD, Signature, content_signature, similarity
from bot.incidents.regions import NARROW_OBLASTS, area, is_within, level, oblast, parents
from bot.models import Facts

JOIN_SCORE = 3.5
CANDIDATE_DAYS = 730  # follow-ups (identifications, trials) come months or years later
LONG_GAP_DAYS = 60
REVISION_DAYS = 5  # a different count is a revision only this soon after the last report
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


@dataclass(frozen=True, slots=True)
class IncidentView:
    """What matching needs to know about one stored incident (merged over its reports)."""

    id: int
    locations: tuple[str, ...] = ()
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


def _place_evidence(new: Sequence[str], old: Sequence[str]) -> tuple[float, str] | None:
    """(score, reason) for the best agreeing pair of places; None if the places contradict."""
    if not new or not old:
        return 0.0, ""
    found = _best_place(new, old)
    if found is None:
        return None
    # A report that also places the killing in another oblast is only half about this one
    # (or the extractor kept a background place): weaker evidence.
    old_oblasts = {oblast(p) for p in old} - {None}
    elsewhere = sorted(p for p in new if oblast(p) not in old_oblasts | {None})
    if old_oblasts and elsewhere:
        return found[0] - 1.0, f"{found[1]} (also {elsewhere[0]})"
    return found


def _best_place(new: Sequence[str], old: Sequence[str]) -> tuple[float, str] | None:
    towns_new = {p for p in new if level(p) == "settlement"}
    towns_old = {p for p in old if level(p) == "settlement"}
    if towns_new and towns_old and not towns_new & towns_old:
        # Different settlements: the same incident only if a locator town sits in the district.
        shared = {area(p) for p in towns_new} & {area(p) for p in towns_old}
        if not shared:
            return None
        return 1.0, f"place: {min(shared)} (different settlements)"
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
    return best if best[0] > 0 else None


def _victim_weight(n: int) -> float:
    return 0.5 if n <= 1 else 1.0 if n == 2 else 1.5 if n <= 4 else 2.0


def _gap_days(published: date | None, view: IncidentView) -> int | None:
    if published is None or view.first_published is None or view.latest_published is None:
        return None
    if published < view.first_published:
        return (view.first_published - published).days
    return max(0, (published - view.latest_published).days)


def score_incident(
    facts: Facts, published: date | None, view: IncidentView
) -> tuple[float, tuple[str, ...]] | None:
    """Evidence that a report belongs to an incident: (score, reasons), None on a contradiction."""
    day, first = facts.incident_date, view.first_published
    if day and first and day > first + timedelta(days=1):
        return None  # the new report's killing happened after this incident was reported
    if view.incident_date and published and view.incident_date > published + timedelta(days=1):
        return None
    place = _place_evidence(facts.locations, view.locations)
    if place is None:
        return None
    score, reasons = place[0], [place[1]] if place[1] else []
    if day and view.incident_date:
        if abs((day - view.incident_date).days) > 1:
            return None
        score += 3.0
        reasons.append(f"date: {view.incident_date.isoformat()}")
    gap = _gap_days(published, view)
    # A late follow-up names the incident's places; a new settlement next to an old locator
    # town ("Karlivka near Avdiivka") months later is another killing.
    is_late = gap is not None and gap > LONG_GAP_DAYS and not (day and view.incident_date)
    if is_late and any(
        level(p) == "settlement" and p not in view.locations for p in facts.locations
    ):
        return None
    if facts.victims is not None and view.victims is not None:
        if facts.victims == view.victims or facts.victims in view.victim_claims:
            score += _victim_weight(facts.victims)
            reasons.append(f"victims: {facts.victims}")
        elif gap is not None and gap <= REVISION_DAYS and place[0] >= 2.0:
            reasons.append(f"victims: {view.victims} → {facts.victims} (revision)")
        else:
            return None
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
    return score, tuple(reasons)


def match_incident(
    facts: Facts,
    title: str,
    text: str,
    published: date | None,
    candidates: Sequence[IncidentView],
    signature: Signature | None = None,
) -> Match | None:
    """The incident this report belongs to, or None (start a new one; recaps always None)."""
    if is_recap(title, text, facts):
        return None
    sig = signature if signature is not None else content_signature(title, text)
    best: Match | None = None
    for view in candidates:
        if view.is_recap:
            continue
        near = max((similarity(sig, other) for other in view.signatures), default=0.0)
        if near >= NEAR_DUP_THRESHOLD:
            found: tuple[float, tuple[str, ...]] | None = (
                10.0 + near,
                (f"near-duplicate text: {near:.2f}",),
            )
        else:
            found = score_incident(facts, published, view)
        if found is None or found[0] < JOIN_SCORE:
            continue
        if best is None or found[0] > best.score:
            best = Match(view.id, round(found[0], 2), found[1])
    return best


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
    )


def merge_facts(
    view: IncidentView,
    facts: Facts,
    title: str,
    published: date | None,
    signature: Signature | None = None,
) -> IncidentView:
    """The incident after a report joins: places united, the latest count kept in a ledger."""
    claims = view.victim_claims
    if facts.victims is not None and (not claims or claims[-1] != facts.victims):
        claims = (*claims, facts.victims)
    dates = [d for d in (view.incident_date, facts.incident_date) if d is not None]
    stamps = [d for d in (view.first_published, view.latest_published, published) if d]
    sigs = view.signatures
    if signature is not None and not signature.is_empty:
        sigs = (*sigs, signature)[-MAX_SIGNATURES:]
    return replace(
        view,
        locations=_union(view.locations, facts.locations),
        victims=facts.victims if facts.victims is not None else view.victims,
        victim_side=view.victim_side or facts.victim_side,
        incident_date=min(dates) if dates else None,  # bundled episodes: the earliest day
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
