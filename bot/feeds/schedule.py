"""When is a feed due, and how far to back off after failures (pure: pass `now`)."""

from __future__ import annotations

from datetime import datetime, timedelta

MAX_BACKOFF_SECONDS = 6 * 3600


def feed_interval(spec_interval: int | None, default: int) -> int:
    return spec_interval or default


def is_due(next_due_at: datetime | None, now: datetime) -> bool:
    """A feed with no schedule yet is due at once."""
    return next_due_at is None or next_due_at <= now


def next_due_after_success(now: datetime, interval: int) -> datetime:
    return now + timedelta(seconds=interval)


def next_due_after_failure(
    now: datetime, interval: int, error_count: int, retry_after: float | None = None
) -> datetime:
    """Capped exponential backoff: interval x 2^(errors-1), at most 6 h; Retry-After if longer."""
    exponent = max(0, min(error_count - 1, 16))
    delay = min(interval * (2**exponent), MAX_BACKOFF_SECONDS)
    delay = max(delay, interval)
    if retry_after is not None:
        delay = max(delay, min(retry_after, 24 * 3600))
    return now + timedelta(seconds=delay)


def should_alert(
    published: datetime | None, now: datetime, window_hours: float, *, is_first_poll: bool
) -> bool:
    """Alert only fresh reports, so a first run on an empty database never floods the channel.

    Items without a date count as fresh, except on a feed's first poll, where they are history.
    """
    if published is None:
        return not is_first_poll
    return published >= now - timedelta(hours=window_hours)


def is_quiet(now: datetime, quiet_hours: tuple[int, int] | None) -> bool:
    """Inside the UTC quiet hours [start, end), which may wrap past midnight (22-07)."""
    if quiet_hours is None:
        return False
    start, end = quiet_hours
    hour = now.hour
    if start == end:
        return True
    return start <= hour < end if start < end else hour >= start or hour < end
