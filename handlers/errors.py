"""One error handler: log with the traceback, answer the user politely, tell the admins."""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.ext import Application

from bot.runtime import BotContext

logger = logging.getLogger(__name__)

ADMIN_PING_INTERVAL = 600.0


async def on_error(update: object, context: BotContext) -> None:
    logger.error("handler failed", exc_info=context.error)
    if isinstance(update, Update) and update.effective_message is not None:
        try:
            await update.effective_message.reply_text(
                "Sorry, something went wrong with that request; the admins have been told."
            )
        except Exception:
            logger.warning("could not send the error reply", exc_info=True)
    if not context.bot_data.has_runtime:
        return
    runtime = context.runtime
    now = time.monotonic()
    last = runtime.last_error_ping
    if last is not None and now - last < ADMIN_PING_INTERVAL:
        return
    runtime.last_error_ping = now
    for admin in sorted(runtime.settings.admin_ids):
        try:
            await context.bot.send_message(
                admin, f"powwatch error: {type(context.error).__name__}: {context.error}"[:500]
            )
        except Exception:
            logger.warning("could not notify admin %s", admin, exc_info=True)


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_error_handler(on_error)
