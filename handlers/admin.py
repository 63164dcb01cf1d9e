"""Admin commands (ids in TELEGRAM_ADMIN_IDS only): /feeds /health /audit and the feed editors.

Everyone else gets one polite refusal, and the attempt is logged and audited.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from datetime import UTC, datetime

from telegram import Update
from telegram.ext import Application, filters

from bot.alerts.alarms import FAILING, SILENT
from bot.alerts.render import esc, paginate
from bot.models import FeedSpec
from bot.reports.query import parse_count
from bot.runtime import BotContext
from handlers import feedadmin
from handlers.access import command
from handlers.public import MAX_ID, reply
from storage.feedstate import FeedState
from storage.store import Store

logger = logging.getLogger(__name__)

FEEDS_PAGE = 10
AUDIT_DEFAULT = 20
AUDIT_MAX = 100
REFUSAL_INTERVAL = 600.0  # seconds: one audited refusal per user, the rest answered by silence
MAX_REFUSERS = 10_000  # users remembered at once, so a crowd cannot grow the table unbounded


def _ago(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f}s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 172800:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} d"


def _when(at: datetime | None, now: datetime) -> str:
    if at is None:
        return "never"
    return f"{at:%Y-%m-%d %H:%M} UTC ({_ago(max(0.0, (now - at).total_seconds()))} ago)"


def _status(spec: FeedSpec, state: FeedState | None, now: datetime) -> str:
    if not spec.enabled:
        return "⏸ paused"
    if state is None or state.last_attempt_at is None:
        return "… not polled yet"
    if state.is_failing:
        error = esc(state.last_error or "unknown error", 150)
        return (
            f"❌ failing since {_when(state.failing_since, now)}, "
            f"{state.error_count} attempts: {error}"
        )
    return "✅ ok"


def _kind(spec: FeedSpec) -> str:
    """The source kind as /feeds and /health show it: "rss", or "telegram" and the channel."""
    if spec.kind == "telegram":
        return f"telegram {esc(spec.url.replace('https://t.me/s/', '@'), 40)}"
    return spec.kind


def feed_block(
    spec: FeedSpec,
    state: FeedState | None,
    alarms: Sequence[str],
    default_interval: int,
    now: datetime,
) -> str:
    """One feed in /feeds: status, last new item, counts, interval and any raised alarm."""
    interval = spec.interval or default_interval
    every = f"{interval // 60} min" if interval % 60 == 0 else f"{interval}s"
    last_new = _when(state.last_new_item_at if state else None, now)
    stored, flagged = (state.items_seen, state.flagged_seen) if state else (0, 0)
    lines = [
        f"<b>{esc(spec.name, 80)}</b> — {_status(spec, state, now)}",
        f"last new item: {last_new}",
        f"{_kind(spec)} · stored {stored} · flagged {flagged} · every {every}",
    ]
    if alarms:
        lines.append("🔔 alarm raised: " + ", ".join(alarms))
    return "\n".join(lines)


async def feeds(update: Update, context: BotContext) -> None:
    runtime = context.runtime
    arg = " ".join(context.args or []).strip().lower()[:20]
    states = await runtime.worker.run(Store.feed_states)
    raised = await runtime.worker.run(Store.raised_alarms)
    now = datetime.now(UTC)
    listed = list(runtime.feeds)
    paused = sum(not f.enabled for f in listed)
    failing = [
        f for f in listed if f.enabled and (s := states.get(f.url)) is not None and s.is_failing
    ]
    number = parse_count(arg, 1, 9999)
    if arg == "failing":
        listed, page = failing, 1
    elif number is not None:
        page = number
    elif arg:
        await reply(update, ["Usage: /feeds [page] or /feeds failing"])
        return
    else:
        page = 1
    pages = max(1, -(-len(listed) // FEEDS_PAGE))
    if not 1 <= page <= pages:
        await reply(update, [f"There are {pages} pages; try /feeds 1 … /feeds {pages}."])
        return
    header = (
        f"<b>{len(runtime.feeds)} feeds</b>: {len(runtime.feeds) - paused - len(failing)} ok or "
        f"not polled yet · {len(failing)} failing · {paused} paused"
    )
    if pages > 1:
        header += f" — page {page}/{pages}"
    blocks = [header]
    for spec in listed[(page - 1) * FEEDS_PAGE : page * FEEDS_PAGE]:
        kinds = [k for k in (FAILING, SILENT) if (spec.url, k) in raised]
        blocks.append(
            feed_block(
                spec,
                states.get(spec.url),
                kinds,
                runtime.settings.poll_interval,
                now,
            )
        )
    if not listed:
        blocks.append("No failing feeds." if arg == "failing" else "No feeds configured.")
    if page < pages:
        blocks.append(f"More: /feeds {page + 1}")
    await reply(update, paginate(blocks))


async def health(update: Update, context: BotContext) -> None:
    runtime = context.runtime
    uptime = time.monotonic() - runtime.started_monotonic
    depth = await runtime.worker.run(Store.outbox_depth)
    states = await runtime.worker.run(Store.feed_states)
    watched = {f.url: f.kind for f in runtime.feeds if f.enabled}
    failing = [
        f"{s.name} ({watched[s.url]})"
        for s in states.values()
        if s.is_failing and s.url in watched
    ]
    kinds = [f.kind for f in runtime.feeds if f.enabled]
    sources = " · ".join(f"{kinds.count(k)} {k}" for k in sorted(set(kinds))) or "none"
    path = runtime.settings.database_path
    size = path.stat().st_size if path.exists() else 0
    cycle = runtime.last_cycle
    cycle_line = (
        f"last cycle: {cycle.started_at:%Y-%m-%d %H:%M:%S} UTC, {cycle.duration:.1f}s, "
        f"{len(cycle.outcomes)} feeds"
        if cycle
        else "last cycle: none yet"
    )
    lines = [
        f"uptime: {_ago(uptime)}",
        cycle_line,
        f"sources polled: {sources}",
        f"failing feeds: {len(failing)}"
        + (f" ({esc(', '.join(failing), 500)})" if failing else ""),
        f"outbox pending: {depth}",
        f"database: {size / 1e6:.1f} MB",
    ]
    await reply(update, ["\n".join(lines)])


async def audit(update: Update, context: BotContext) -> None:
    args = context.args or []
    count = AUDIT_DEFAULT
    if args:
        parsed = parse_count(args[0], 1, AUDIT_MAX) if len(args) == 1 else None
        if parsed is None:
            await reply(update, [f"Usage: /audit [n] — n from 1 to {AUDIT_MAX}"])
            return
        count = parsed
    entries = await context.runtime.worker.read(Store.audit_entries, count)
    if not entries:
        await reply(update, ["No admin actions recorded yet."])
        return
    blocks = ["<b>Feed administration, newest first</b>"]
    for e in entries:
        who = f"{e.user_name} ({e.user_id})" if e.user_id is not None else e.user_name
        line = f"{e.at:%Y-%m-%d %H:%M} UTC · {esc(who, 80)} · <b>{esc(e.action, 40)}</b>"
        if e.feed:
            line += f" · {esc(e.feed, 100)}"
        if e.detail:
            line += f"\n    {esc(e.detail, 300)}"
        blocks.append(line)
    await reply(update, paginate(blocks))


async def split(update: Update, context: BotContext) -> None:
    """/split <report>: take a wrongly merged report out of its incident; both alerts update."""
    args = context.args or []
    article_id = parse_count(args[0].removeprefix("#"), 1, MAX_ID) if len(args) == 1 else None
    if article_id is None:
        await reply(update, ["Usage: /split <report> — the report number shown by /incident."])
        return
    new_id = await context.runtime.worker.run(Store.split_article, article_id, datetime.now(UTC))
    if new_id is None:
        await reply(update, [f"No flagged report {article_id} in an incident."])
        return
    await feedadmin.record(context, update, "split", "", f"report {article_id} -> {new_id}")
    await reply(
        update,
        [f"Report {article_id} is now incident {new_id}; see /incident {new_id}."],
    )


ADMIN_HANDLERS = {
    "feeds": feeds,
    "health": health,
    "audit": audit,
    "addfeed": feedadmin.addfeed,
    "removefeed": feedadmin.removefeed,
    "pausefeed": feedadmin.pausefeed,
    "resumefeed": feedadmin.resumefeed,
    "setinterval": feedadmin.setinterval,
    "exportfeeds": feedadmin.exportfeeds,
    "importfeeds": feedadmin.importfeeds,
    "split": split,
}
ADMIN_ONLY = tuple(ADMIN_HANDLERS)


# Slow commands (a feed probe takes up to 30 s) run beside the update queue, not in it.
SLOW = frozenset({"addfeed", "importfeeds"})


def is_refusal_due(refusals: dict[int, float], user_id: int, now: float) -> bool:
    """True once per user per REFUSAL_INTERVAL: a flood writes a bounded number of rows."""
    last = refusals.get(user_id)
    if last is not None and now - last < REFUSAL_INTERVAL:
        return False
    if len(refusals) >= MAX_REFUSERS:  # forget users who stopped trying
        for uid in [u for u, t in refusals.items() if now - t >= REFUSAL_INTERVAL]:
            del refusals[uid]
        if len(refusals) >= MAX_REFUSERS:
            return False
    refusals[user_id] = now
    return True


async def refuse(update: Update, context: BotContext) -> None:
    user_id, _ = feedadmin.who(update)
    if not is_refusal_due(context.runtime.refusals, user_id or 0, time.monotonic()):
        logger.debug("refused admin command from user=%s again (not logged)", user_id)
        return
    message = update.effective_message
    command = (message.text or "").split(maxsplit=1)[0][:40] if message else "?"
    logger.warning("refused admin command=%s from user=%s", command, user_id)
    await feedadmin.record(context, update, "refused", "", command)
    await reply(update, ["Sorry, that command is for the bot's admins only."])


def register(app: Application, admin_ids: frozenset[int]) -> None:  # type: ignore[type-arg]
    admins = filters.User(user_id=list(admin_ids))
    for name, callback in ADMIN_HANDLERS.items():
        app.add_handler(command(name, callback, admins, block=name not in SLOW))
    app.add_handler(command(list(ADMIN_ONLY), refuse))
