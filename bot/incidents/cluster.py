"""Which incident does a flagged report join? Recaps none; contradicting facts veto whatever the
wording (bot.incidents.evidence); near-duplicate text is one more piece of evidence; reports
are matched against an incident's core facts, never a union of them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot.incidents.dedup import NEAR_DUP_THRESHOLD, Signature, content_signature, similarity
from bot.incidents.evidence import (
    IncidentView,
    assess,
    earlier_count,
    says_follow_up,
    says_revised,
    score_incident,
    towns,
)
from bot.incidents.regions import NARROW_OBLASTS, area, is_within, level, parents
from bot.models import Facts

__all__ = [  # the evidence step is re-exported: callers know one module
    "IncidentView",
    "Match",
    "assess",
    "candidate_window",
    "core_places",
    "count_change",
    "is_ambiguous",
    "is_recap",
    "match_incident",
    "merge_facts",
    "new_incident",
    "rank_incidents",
    "score_incident",
    "view_facts",
]

JOIN_SCORE = 3.5
NEAR_DUP_POINTS = 3.0  # a copy's text counts as much as a shared incident day
AMBIGUOUS_MARGIN = 1.0  # the best incident must beat the runner-up by this much
CANDIDATE_DAYS = 730  # follow-ups (identifications, trials) come months or years later
MAX_SIGNATURES = 8
MAX_TITLES = 5

_RECAP_TITLE = re.compile(
    r"timeline|recap|year in review|so far|the cases|cases (?:that|which)|worst cases"
    r"|випадк(?:и|ів|ах)\b|підсумк|хронолог|найтяжч|наймасштабн"
    r"|случа(?:и|ев|ях)\b|итог|хронолог|самых громких",
    re.IGNORECASE,
)
_RECAP_AREAS = 3


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


def is_recap(title: str, facts: Facts) -> bool:
    """True for recaps and tallies: places in several front areas, or a recap headline."""
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
    if is_recap(title, facts):
        return []
    sig = signature if signature is not None else content_signature(title, text)
    revised = says_revised(title, text)
    follow_up = says_follow_up(title, text)
    earlier = earlier_count(title, text) if revised else None
    found: list[Match] = []
    for view in candidates:
        if view.is_recap:
            continue
        veto, score, reasons = assess(facts, published, view, revised, follow_up, earlier)
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
    if towns(core):
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
