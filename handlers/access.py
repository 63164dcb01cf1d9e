"""Who may talk to the bot: TELEGRAM_ALLOWED_CHAT_IDS (history may be sensitive), and commands
from new messages only (an edited message must not run its command again)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, CommandHandler, TypeHandler, filters

from bot.runtime import BotContext

logger = logging.getLogger(__name__)


async def gate(update: Update, context: BotContext) -> None:
    runtime = context.runtime
    allowed = runtime.settings.allowed_chat_ids
    chat = update.effective_chat
    # The alert channel itself is always allowed: its review buttons arrive from there (by its
    # numeric id, resolved at start when TELEGRAM_CHANNEL_ID is an @name).
    if not allowed or (
        chat is not None and (chat.id in allowed or chat.id == runtime.channel_chat_id)
    ):
        return
    logger.warning("refused update from chat=%s", chat.id if chat else "?")
    message = update.message
    if message is not None and message.text and message.text.startswith("/"):
        await message.reply_text("This bot answers only in its monitoring team's chats.")
    raise ApplicationHandlerStop


NEW_MESSAGES = filters.UpdateType.MESSAGE  # PTB's default also takes edited messages


def command(
    names: str | Sequence[str],
    callback: Callable[[Update, BotContext], Coroutine[Any, Any, None]],
    only: filters.BaseFilter | None = None,
    *,
    block: bool = True,
) -> CommandHandler[BotContext, None]:
    """A CommandHandler for new messages only; `only` narrows it further (e.g. admins)."""
    wanted = NEW_MESSAGES if only is None else NEW_MESSAGES & only
    return CommandHandler(names, callback, filters=wanted, block=block)


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(TypeHandler(Update, gate), group=-1)
