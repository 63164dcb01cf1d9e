"""Feed health alarms (pure: pass `now`): a feed failing too long, or silent far longer than usual.

Each alarm is announced once when it starts and once when it clears; paused or removed feeds
drop their alarms quietly.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.models import FeedSpec
from storage.feedstate import FeedState

FAILING = "failing"
SILENT = "silent"
SILENCE_FACTOR = 4  # silent for this many times the feed's median gap between items
MIN_SILENCE = timedelta(hours=24)
MIN_GAPS = 5  # fewer known gaps than this: too little history to call a feed silent
HISTORY_ITEMS = 50


@dataclass(frozen=True, slots=True)
class AlarmChange:
    """An alarm that starts (is_raised) or clears; `notify` is False for quiet clean-ups.

    The facts the admins are told travel with it; render_alarm (alerts/render.py) words them.
    """

    url: str
    name: str
    kind: str
    is_raised: bool
    notify: bool = False
    since: datetime | None = None  # failing since / last new item / when the alarm started
    duration: timedelta | None = None  # how long it failed, or has been silent
    last_error: str = ""
    attempts: int = 0
    usual_gap: timedelta | None = None


def usual_gap(published: Sequence[datetime]) -> timedelta | None:
    """Median gap between a feed's recent items; None with too little history."""
    times = sorted(set(published))[-HISTORY_ITEMS:]
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(times)]
    if len(gaps) < MIN_GAPS:
        return None
    return timedelta(seconds=statistics.median(gaps))


def silence_limit(published: Sequence[datetime]) -> timedelta | None:
    """How long a feed may stay silent before it is worth an alarm."""
    gap = usual_gap(published)
    return None if gap is None else max(gap * SILENCE_FACTOR, MIN_SILENCE)


def _failing(
    spec: FeedSpec,
    state: FeedState | None,
    started: datetime | None,
    now: datetime,
    after: timedelta,
) -> AlarmChange | None:
    since = state.failing_since if state is not None and state.is_failing else None
    if started is None and since is not None and now - since >= after:
        return AlarmChange(
            spec.url,
            spec.name,
            FAILING,
            is_raised=True,
            notify=True,
            since=since,
            duration=now - since,
            last_error=(state.last_error if state else "") or "unknown error",
            attempts=state.error_count if state else 0,
        )
    if started is not None and since is None:
        return AlarmChange(
            spec.url, spec.name, FAILING, is_raised=False, notify=True, duration=now - started
        )
    return None


def _silent(
    spec: FeedSpec,
    state: FeedState | None,
    started: datetime | None,
    published: Sequence[datetime],
    now: datetime,
) -> AlarmChange | None:
    if state is None or state.is_failing:
        return None  # a failing feed has its own alarm; silence says nothing new then
    known = [t for t in (state.last_new_item_at, max(published, default=None)) if t is not None]
    if not known:
        return None
    last = max(known)
    limit = silence_limit(published)
    if started is None and limit is not None and now - last > limit:
        return AlarmChange(
            spec.url,
            spec.name,
            SILENT,
            is_raised=True,
            notify=True,
            since=last,
            duration=now - last,
            usual_gap=usual_gap(published) or limit,
        )
    if started is not None and last > started:
        return AlarmChange(spec.url, spec.name, SILENT, is_raised=False, notify=True, since=last)
    return None


def decide(
    feeds: Sequence[FeedSpec],
    states: Mapping[str, FeedState],
    raised: Mapping[tuple[str, str], datetime],
    published: Mapping[str, Sequence[datetime]],
    now: datetime,
    failing_after: timedelta,
) -> list[AlarmChange]:
    """Alarms to start and to clear, given feed states, raised alarms (url, kind) -> start time
    and recent item dates per feed name."""
    changes: list[AlarmChange] = []
    active = {f.url for f in feeds if f.enabled}
    for spec in feeds:
        if not spec.enabled:
            continue
        state = states.get(spec.url)
        for change in (
            _failing(spec, state, raised.get((spec.url, FAILING)), now, failing_after),
            _silent(
                spec,
                state,
                raised.get((spec.url, SILENT)),
                published.get(spec.name, ()),
                now,
            ),
        ):
            if change is not None:
                changes.append(change)
    for url, kind in sorted(raised):
        if url not in active:
            changes.append(AlarmChange(url, "", kind, False))
    return changes
