"""Admin commands (ids in TELEGRAM_ADMIN_IDS only): /feeds and /health."""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.ext import Application, CommandHandler, filters

from bot.render import esc, paginate
from bot.runtime import BotContext
from handlers.public import reply
from storage.store import Store

logger = logging.getLogger(__name__)

ADMIN_ONLY = ("feeds", "health")


def _ago(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f}s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 172800:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} d"


async def feeds(update: Update, context: BotContext) -> None:
    runtime = context.runtime
    states = await runtime.worker.run(Store.feed_states)
    counts = await runtime.worker.run(Store.feed_counts)
    blocks = []
    for spec in runtime.feeds:
        state = states.get(spec.url)
        stored, flagged = counts.get(spec.name, (0, 0))
        interval = spec.interval or runtime.settings.poll_interval
        if not spec.enabled:
            status = "⏸ paused"
        elif state is None or state.last_attempt_at is None:
            status = "… not polled yet"
        elif state.is_failing:
            since = state.failing_since.strftime("%Y-%m-%d %H:%M") if state.failing_since else "?"
            error = esc(state.last_error or "", 150)
            status = f"❌ failing since {since} UTC ({state.error_count} errors): {error}"
        else:
            status = "✅ ok"
        last_new = (
            state.last_new_item_at.strftime("%Y-%m-%d %H:%M")
            if state and state.last_new_item_at
            else "never"
        )
        blocks.append(
            f"<b>{esc(spec.name, 80)}</b> — {status}\n"
            f"last new item: {last_new} · stored {stored} · flagged {flagged} · every {interval}s"
        )
    await reply(update, paginate(blocks or ["No feeds configured."]))


async def health(update: Update, context: BotContext) -> None:
    runtime = context.runtime
    uptime = time.monotonic() - runtime.started_monotonic
    depth = await runtime.worker.run(Store.outbox_depth)
    states = await runtime.worker.run(Store.feed_states)
    failing = [s.name for s in states.values() if s.is_failing]
    size = (
        runtime.settings.database_path.stat().st_size
        if runtime.settings.database_path.exists()
        else 0
    )
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
        f"failing feeds: {len(failing)}"
        + (f" ({esc(', '.join(failing), 500)})" if failing else ""),
        f"outbox pending: {depth}",
        f"database: {size / 1e6:.1f} MB",
    ]
    await reply(update, ["\n".join(lines)])


async def refuse(update: Update, context: BotContext) -> None:
    user = update.effective_user
    logger.warning("refused admin command from user=%s", user.id if user else "?")
    await reply(update, ["Sorry, that command is for the bot's admins only."])


def register(app: Application, admin_ids: frozenset[int]) -> None:  # type: ignore[type-arg]
    admins = filters.User(user_id=list(admin_ids)) if admin_ids else filters.User(user_id=[])
    app.add_handler(CommandHandler("feeds", feeds, filters=admins))
    app.add_handler(CommandHandler("health", health, filters=admins))
    app.add_handler(CommandHandler(list(ADMIN_ONLY), refuse))
