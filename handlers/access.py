"""TELEGRAM_ALLOWED_CHAT_IDS: when set, the bot answers only there (history may be sensitive)."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, TypeHandler

from bot.runtime import BotContext

logger = logging.getLogger(__name__)


async def gate(update: Update, context: BotContext) -> None:
    settings = context.runtime.settings
    allowed = settings.allowed_chat_ids
    chat = update.effective_chat
    # The alert channel itself is always allowed: its review buttons arrive from there.
    if not allowed or (
        chat is not None and (chat.id in allowed or chat.id == settings.channel_id)
    ):
        return
    logger.warning("refused update from chat=%s", chat.id if chat else "?")
    message = update.effective_message
    if message is not None and message.text and message.text.startswith("/"):
        await message.reply_text("This bot answers only in its monitoring team's chats.")
    raise ApplicationHandlerStop


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(TypeHandler(Update, gate), group=-1)
