"""The watch job: reload hand edits of feeds.yaml and raise or clear feed alarms for the admins.

Alarms and invalid hand edits go to each admin by direct message, never to the channel.
"""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import datetime, timedelta

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.alerts.alarms import HISTORY_ITEMS, decide
from bot.alerts.render import esc, render_alarm, to_plain
from bot.config import plural
from bot.feeds.feedfile import describe_changes
from bot.runtime import Runtime, WatchState
from storage.store import Store

logger = logging.getLogger(__name__)

ALARM_CHECK_EVERY = timedelta(seconds=60)
HISTORY_REFRESH_EVERY = timedelta(hours=1)
FILE_ACTOR = "feeds file (hand edit)"


# A pointer to a chat command means nothing in terminal mode, where there is no chat.
_CHAT_POINTER_RE = re.compile(r";?\s*/feeds shows every feed\.?")


def terminal_text(text: str) -> str:
    """An admin notice as the terminal shows it: plain text, no pointers to chat commands."""
    return _CHAT_POINTER_RE.sub(".", to_plain(text)).replace("..", ".")


async def tell_admins(bot: Bot | None, admin_ids: frozenset[int], text: str) -> None:
    """A direct message to every admin; one who never opened a chat with the bot is skipped.

    Without a bot (terminal mode) the message goes to the log instead.
    """
    if bot is None:
        logger.warning("for the admins: %s", terminal_text(text))
        return
    for admin in sorted(admin_ids):
        try:
            await bot.send_message(
                admin, text[:4096], parse_mode=ParseMode.HTML, disable_web_page_preview=True
            )
        except TelegramError as exc:
            logger.warning("could not message admin=%s: %s", admin, exc)


async def reload_feeds(
    runtime: Runtime, bot: Bot | None, state: WatchState, now: datetime
) -> None:
    """Pick up a hand edit of the feeds file; an invalid one keeps the last good list."""
    settings = runtime.settings
    async with state.lock:
        result = await asyncio.to_thread(state.file.check)
        if result is None:
            return
        if result.error is not None:
            problems = result.error.problems
            logger.error(
                "feeds file invalid; keeping %s: %s",
                plural(len(runtime.feeds), "feed"),
                "; ".join(problems),
            )
            await runtime.worker.run(
                Store.record_action,
                now,
                None,
                FILE_ACTOR,
                "reload refused",
                "",
                "; ".join(problems),
            )
            lines = "\n".join(f"• {esc(p, 400)}" for p in problems[:10])
            await tell_admins(
                bot,
                settings.admin_ids,
                f"⚠️ <b>{esc(settings.feeds_file.name, 100)}</b> was edited but is invalid, so "
                f"the last good list ({plural(len(runtime.feeds), 'feed')}) keeps running:\n"
                + lines,
            )
            return
        feeds = result.feeds or ()
        if feeds == runtime.feeds:
            if result.was_broken:
                await tell_admins(
                    bot, settings.admin_ids, "✅ The feeds file is valid again; nothing changed."
                )
            return
        summary = describe_changes(runtime.feeds, feeds)
        runtime.feeds = feeds
    logger.info("feeds file reloaded: %s; %s", plural(len(feeds), "feed"), summary)
    await runtime.worker.run(Store.record_action, now, None, FILE_ACTOR, "reload", "", summary)
    await tell_admins(
        bot,
        settings.admin_ids,
        f"🔄 The feeds file was reloaded: {plural(len(feeds), 'feed')}.\n{esc(summary, 3000)}",
    )


async def check_alarms(
    runtime: Runtime, bot: Bot | None, state: WatchState, now: datetime
) -> None:
    """Start or clear feed alarms; each start and each recovery is announced exactly once."""
    if state.alarms_at is not None and now - state.alarms_at < ALARM_CHECK_EVERY:
        return
    state.alarms_at = now
    worker = runtime.worker
    if state.history_at is None or now - state.history_at >= HISTORY_REFRESH_EVERY:
        state.history = await worker.run(Store.published_history, HISTORY_ITEMS)
        state.history_at = now
    states = await worker.run(Store.feed_states)
    raised = await worker.run(Store.raised_alarms)
    failing_after = timedelta(minutes=runtime.settings.failing_alarm_minutes)
    for change in decide(runtime.feeds, states, raised, state.history, now, failing_after):
        # Recorded before it is sent: a crash in between loses a message, never repeats one.
        if change.is_raised:
            await worker.run(Store.raise_alarm, change.url, change.kind, change.name, now)
        else:
            await worker.run(Store.clear_alarm, change.url, change.kind)
        logger.warning(
            "alarm feed=%s kind=%s raised=%s",
            change.name or change.url,
            change.kind,
            change.is_raised,
        )
        if change.notify:
            await tell_admins(bot, runtime.settings.admin_ids, render_alarm(change))


async def run_watch(runtime: Runtime, bot: Bot | None, state: WatchState, now: datetime) -> None:
    await reload_feeds(runtime, bot, state, now)
    await check_alarms(runtime, bot, state, now)
