"""One poll cycle: every due source through fetch -> parse -> analyse -> store; the only chain.

A source is an RSS/Atom feed or a Telegram channel's web preview; both yield the same Entry
records, so everything after the parse step is shared.

Parsing and detection run in worker processes (one round trip per feed body); SQL runs on the
store thread; a feed's alerts go out as soon as it is stored.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TypeVar

import aiohttp

from bot.analyse import FeedBatch, analyse_many, channel_and_analyse, guid_mark, parse_and_analyse
from bot.feeds.archive import archive_body, body_sha256
from bot.feeds.fetch import HostSlots, fetch_feed
from bot.feeds.fulltext import HostLocks, fetch_pages, split_for_pages, with_full_text
from bot.feeds.netguard import is_public, peers_used
from bot.feeds.schedule import (
    feed_interval,
    is_due,
    next_due_after_failure,
    next_due_after_success,
    should_alert,
)
from bot.feeds.telegram import channel_of, fetch_channel, last_seen_id, with_last_seen
from bot.models import (
    Article,
    CycleReport,
    Entry,
    FeedOutcome,
    FeedSpec,
    FetchResult,
    FetchTrail,
)
from storage.feedstate import FeedState
from storage.store import Store, StoreError
from storage.worker import StoreWorker

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PollContext:
    """What a cycle needs: the HTTP session, the store worker and the limits."""

    session: aiohttp.ClientSession
    worker: StoreWorker
    default_interval: int
    alert_window_hours: float
    max_feed_bytes: int
    concurrency: int = 16
    cpu: Executor | None = None  # a process pool uses both cores; None = a worker thread
    archive_dir: Path | None = None  # where `archive: true` feeds keep flagged bodies
    host_locks: HostLocks = field(default_factory=HostLocks)  # full-text pages: one per host
    telegram_base: str = "https://t.me"  # where channel previews are read (tests: loopback)
    host_slots: HostSlots = field(default_factory=HostSlots)  # feeds: a few at a time per host


T = TypeVar("T")


async def _cpu(ctx: PollContext, job: Callable[[], T]) -> T:
    """Run CPU-bound work (parsing, detection) off the event loop; retry once on a dead pool."""
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(ctx.cpu, job)
    except BrokenProcessPool:
        logger.error("a worker process died during a job; retrying it in a fresh pool")
        return await loop.run_in_executor(ctx.cpu, job)


def _oldest_first(article: Article) -> tuple[bool, float]:
    published = article.entry.published
    return published is None, published.timestamp() if published else 0.0


def _store_articles(
    store: Store,
    articles: list[Article],
    feed_url: str,
    now: datetime,
    window: float,
    is_first_poll: bool,
    trail: FetchTrail | None = None,
) -> tuple[int, int, int, int]:
    new = flagged = alerted = too_old = 0
    # Oldest first (undated last, feed order kept among equals): feeds list newest first, and
    # an update placed before its original would start the incident with the revised count.
    articles = sorted(articles, key=_oldest_first)
    items = [
        (a, should_alert(a.entry.published, now, window, is_first_poll=is_first_poll))
        for a in articles
    ]
    results = store.add_articles(items, feed_url, now, trail)
    for (article, alert), result in zip(items, results, strict=True):
        if result.is_new:
            new += 1
            flagged += int(article.verdict.flagged)
            alerted += int(result.alert_id is not None)
            too_old += int(article.verdict.flagged and not alert)
    return new, flagged, alerted, too_old


async def _full_text_articles(
    ctx: PollContext, entries: list[Entry], now: datetime, feed_is_public: bool, feed_url: str
) -> tuple[list[Article], list[Entry]]:
    """full_text feeds: fetch the new items' pages, take their main text, then analyse.

    Returns the articles and the items kept back (over the pages-per-poll cap): those are
    neither stored nor marked as seen, so the next poll reads them in full.
    """
    entries, later = split_for_pages(entries)
    pages = await fetch_pages(
        ctx.session, entries, ctx.host_locks, feed_is_public=feed_is_public, feed_url=feed_url
    )
    if pages:
        entries = await _cpu(ctx, partial(with_full_text, entries, pages))
    return await _cpu(ctx, partial(analyse_many, entries, now)), later


async def _trail(
    ctx: PollContext, spec: FeedSpec, result: FetchResult, body: bytes, now: datetime
) -> FetchTrail:
    """The evidence of how this body was obtained; archived on disk if the feed asks for it."""
    digest = body_sha256(body)
    path = None
    if spec.archive and ctx.archive_dir is not None:
        try:
            path = str(await asyncio.to_thread(archive_body, ctx.archive_dir, body, digest))
        except OSError:
            logger.exception("could not archive the body of feed=%s", spec.name)
    return FetchTrail(
        fetched_at=now,
        final_url=result.final_url or result.url,
        status=result.status,
        headers=result.headers,
        body_sha256=digest,
        archive_path=path,
    )


def _record_crash(store: Store, spec: FeedSpec, error: str, now: datetime, default: int) -> None:
    """An unexpected failure counts as a feed error, with backoff, like any other."""
    state = store.feed_state(spec.url) or FeedState(url=spec.url, name=spec.name)
    errors = state.error_count + 1
    interval = feed_interval(spec.interval, default)
    store.save_feed_state(
        replace(
            state,
            name=spec.name,
            last_attempt_at=now,
            last_error=error,
            error_count=errors,
            failing_since=state.failing_since or now,
            next_due_at=next_due_after_failure(now, interval, errors),
        )
    )


async def _fetch(
    ctx: PollContext, spec: FeedSpec, state: FeedState, now: datetime
) -> tuple[FetchResult, bytes, Callable[[], FeedBatch] | None, int | None, str | None]:
    """Fetch a source: its result, body (for the trail), the CPU job that parses and analyses
    it (None when there is nothing to parse), the newest channel post id and a warning."""
    known = frozenset(state.recent_guids)
    if spec.kind == "telegram":
        channel = channel_of(spec)
        fetched = await fetch_channel(
            ctx.session,
            channel,
            base=ctx.telegram_base,
            last_id=last_seen_id(state.recent_guids),
            etag=state.etag,
            last_modified=state.last_modified,
            max_bytes=ctx.max_feed_bytes,
        )
        if not fetched.pages:
            return fetched.result, b"", None, None, fetched.warning
        pages = fetched.pages
        job = partial(
            channel_and_analyse,
            pages,
            channel,
            spec.name,
            now=now,
            language=spec.language,
            known=known,
        )
        return fetched.result, b"".join(pages), job, fetched.newest_id, fetched.warning
    result = await fetch_feed(
        ctx.session,
        spec.url,
        etag=state.etag,
        last_modified=state.last_modified,
        max_bytes=ctx.max_feed_bytes,
    )
    if result.error is not None or result.is_not_modified or result.body is None:
        return result, b"", None, None, None
    job = partial(
        parse_and_analyse,
        result.body,
        spec.name,
        now=now,
        content_type=result.content_type,
        base_url=result.final_url,
        language=spec.language,
        known=known,
        analyse_new=not spec.full_text,  # full text: pages first, then analysis
    )
    return result, result.body, job, None, None


async def poll_feed(ctx: PollContext, spec: FeedSpec, now: datetime) -> FeedOutcome:
    """Fetch one feed and store what is new; failures become the feed's recorded error."""
    worker = ctx.worker
    state = await worker.run(Store.feed_state, spec.url) or FeedState(url=spec.url, name=spec.name)
    interval = feed_interval(spec.interval, ctx.default_interval)
    started = time.monotonic()
    with peers_used() as peers:  # full-text pages of a feed on a public address stay public
        result, body, job, newest_id, warning = await _fetch(ctx, spec, state, now)
    outcome = FeedOutcome(feed=spec.name, status=str(result.status or "-"))
    mark = started  # the first lap is the fetch

    def lap(stage: str) -> None:
        nonlocal mark
        now_mark = time.monotonic()
        outcome.stages[stage] = outcome.stages.get(stage, 0.0) + now_mark - mark
        mark = now_mark

    lap("fetch")
    recent = state.recent_guids
    if result.error is None and job is not None:
        batch = await _cpu(ctx, job)
        lap("parse_analyse")
        warning = "; ".join(w for w in (warning, batch.warning) if w) or None
        if not batch.is_feed:
            why = f"; {warning}" if warning else ""
            error = batch.error or f"not a feed (no RSS/Atom items found{why})"
            result = replace(result, error=error, body=None)
        else:
            outcome.fetched = batch.fetched
            recent = batch.marks
            if spec.kind == "telegram":
                recent = with_last_seen(recent, newest_id or last_seen_id(state.recent_guids))
            articles = list(batch.articles)
            if batch.new_entries:
                articles, later = await _full_text_articles(
                    ctx,
                    list(batch.new_entries),
                    now,
                    any(is_public(p) for p in peers),
                    result.final_url or spec.url,
                )
                if later:
                    held = {guid_mark(e.guid) for e in later}
                    recent = tuple(m for m in recent if m not in held)
                    outcome.kept_back = len(later)
                    logger.info("full text feed=%s kept_back=%d", spec.name, len(later))
                lap("full_text")
            trail = None
            if any(a.verdict.flagged for a in articles):
                trail = await _trail(ctx, spec, result, body, now)
            outcome.new, outcome.flagged, outcome.alerted, outcome.too_old = await worker.run(
                _store_articles,
                articles,
                spec.url,
                now,
                ctx.alert_window_hours,
                state.last_success_at is None,
                trail,
            )
            lap("store")
    duration = time.monotonic() - started
    if result.error is not None:
        errors = state.error_count + 1
        state = replace(
            state,
            name=spec.name,
            last_attempt_at=now,
            last_status=result.status,
            last_error=result.error,
            error_count=errors,
            failing_since=state.failing_since or now,
            last_duration=duration,
            next_due_at=next_due_after_failure(now, interval, errors, result.retry_after),
        )
        outcome.error = result.error
    else:
        state = replace(
            state,
            name=spec.name,
            # With items kept back, the next poll must get the whole feed again, not a 304.
            etag=None if outcome.kept_back else result.etag,
            last_modified=None if outcome.kept_back else result.last_modified,
            last_attempt_at=now,
            last_success_at=now,
            last_status=result.status,
            last_error=None,
            error_count=0,
            failing_since=None,
            last_duration=duration,
            next_due_at=next_due_after_success(now, interval),
            last_warning=warning,
            items_seen=state.items_seen + outcome.new,
            flagged_seen=state.flagged_seen + outcome.flagged,
            last_new_item_at=now if outcome.new else state.last_new_item_at,
            recent_guids=recent,
        )
    await worker.run(Store.save_feed_state, state)
    logger.log(
        logging.WARNING if outcome.error else logging.INFO,
        "poll feed=%s status=%s fetched=%d new=%d flagged=%d alerted=%d secs=%.2f error=%s",
        spec.name,
        outcome.status,
        outcome.fetched,
        outcome.new,
        outcome.flagged,
        outcome.alerted,
        duration,
        outcome.error or "-",
    )
    return outcome


async def run_cycle(
    ctx: PollContext,
    feeds: tuple[FeedSpec, ...],
    *,
    now: datetime | None = None,
    force: bool = False,
    on_alerts: Callable[[], Awaitable[None]] | None = None,
) -> CycleReport:
    """Poll every enabled, due feed concurrently (bounded); one feed's crash spares the rest.

    on_alerts runs as soon as a feed has queued alerts, so one slow feed never holds back the
    alerts of the others until the end of the cycle.
    """
    now = now or datetime.now(UTC)
    report = CycleReport(started_at=now)
    started = time.monotonic()
    states = await ctx.worker.run(Store.feed_states)
    due = [
        f
        for f in feeds
        if f.enabled and (force or is_due(getattr(states.get(f.url), "next_due_at", None), now))
    ]
    gate = asyncio.Semaphore(ctx.concurrency)

    async def guarded(spec: FeedSpec) -> FeedOutcome:
        # The host's slot first, then the cycle's: feeds waiting for a slow host hold no
        # place in the cycle, and a feed's deadline starts only once its request can start.
        async with ctx.host_slots.for_url(spec.url), gate:
            try:
                outcome = await poll_feed(ctx, spec, now)
            except Exception as exc:
                if isinstance(exc, StoreError):
                    report.storage_error = str(exc)
                logger.exception("poll feed=%s crashed", spec.name)
                error = f"internal error: {type(exc).__name__}: {exc}"[:300]
                try:
                    await ctx.worker.run(_record_crash, spec, error, now, ctx.default_interval)
                except Exception:
                    logger.exception("could not record the crash of feed=%s", spec.name)
                return FeedOutcome(feed=spec.name, status="crash", error=error)
        if outcome.alerted and on_alerts is not None:
            try:
                await on_alerts()
            except Exception:
                logger.exception("delivering the alerts of feed=%s failed", spec.name)
        return outcome

    report.outcomes = list(await asyncio.gather(*(guarded(f) for f in due)))
    report.duration = time.monotonic() - started
    totals = report.totals
    logger.log(
        logging.INFO if due else logging.DEBUG,  # an idle tick (every 15 s) is not news
        "cycle feeds=%d fetched=%d new=%d flagged=%d alerted=%d secs=%.2f",
        len(due),
        totals["fetched"],
        totals["new"],
        totals["flagged"],
        totals["alerted"],
        report.duration,
    )
    return report
