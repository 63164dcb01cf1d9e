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

from bot.alerts.render import esc
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
    """An alarm that starts (is_raised) or clears; `notify` is False for quiet clean-ups."""

    url: str
    name: str
    kind: str
    is_raised: bool
    message: str = ""  # Telegram HTML for the admins, already escaped

    @property
    def notify(self) -> bool:
        return bool(self.message)


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


def _span(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    if hours < 2:
        return f"{max(hours * 60, 1):.0f} min"
    return f"{hours:.1f} h" if hours < 48 else f"{hours / 24:.1f} days"


def _when(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC")


def _failing(
    spec: FeedSpec,
    state: FeedState | None,
    started: datetime | None,
    now: datetime,
    after: timedelta,
) -> AlarmChange | None:
    name = esc(spec.name, 80)
    since = state.failing_since if state is not None and state.is_failing else None
    if started is None and since is not None and now - since >= after:
        error = esc(state.last_error or "unknown error", 300) if state else ""
        count = state.error_count if state else 0
        text = (
            f"⚠️ Feed <b>{name}</b> has been failing for {_span(now - since)} "
            f"(since {_when(since)}, {count} attempts).\nLast error: {error}\n"
            "It is retried with backoff; /feeds shows every feed."
        )
        return AlarmChange(spec.url, spec.name, FAILING, True, text)
    if started is not None and since is None:
        text = f"✅ Feed <b>{name}</b> works again (it failed for {_span(now - started)})."
        return AlarmChange(spec.url, spec.name, FAILING, False, text)
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
    name = esc(spec.name, 80)
    if started is None and limit is not None and now - last > limit:
        gap = usual_gap(published) or limit
        text = (
            f"🔇 Feed <b>{name}</b> has published nothing new for {_span(now - last)} "
            f"(last item {_when(last)}; it usually publishes every {_span(gap)}).\n"
            "The feed may have moved or changed format; check it in a browser."
        )
        return AlarmChange(spec.url, spec.name, SILENT, True, text)
    if started is not None and last > started:
        text = f"✅ Feed <b>{name}</b> publishes again (new item at {_when(last)})."
        return AlarmChange(spec.url, spec.name, SILENT, False, text)
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
