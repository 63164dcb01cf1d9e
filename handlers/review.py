"""The review buttons under channel alerts: admins mark an incident confirmed or not relevant."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler

from bot.runtime import BotContext
from storage.store import Store

logger = logging.getLogger(__name__)

_VERDICTS = {"c": "confirmed", "n": "not_relevant"}
_LABELS = {"confirmed": "confirmed", "not_relevant": "not relevant"}


async def review(update: Update, context: BotContext) -> None:
    callback = update.callback_query
    user = update.effective_user
    if callback is None or user is None:
        return
    if user.id not in context.runtime.settings.admin_ids:
        logger.warning("refused review from user=%s", user.id)
        await callback.answer("Only the bot's admins can review alerts.", show_alert=True)
        return
    try:
        _, raw_id, code = (callback.data or "").split(":", 2)
        incident_id, verdict = int(raw_id), _VERDICTS[code]
    except (ValueError, KeyError):
        await callback.answer("That button is not valid any more.")
        return
    name = user.username or user.full_name or str(user.id)
    stored = await context.runtime.worker.run(
        Store.record_review, incident_id, user.id, name, verdict, datetime.now(UTC)
    )
    if not stored:
        await callback.answer(f"Incident {incident_id} is not in the database.", show_alert=True)
        return
    logger.info("review incident=%d verdict=%s by user=%s", incident_id, verdict, user.id)
    await callback.answer(f"Recorded: incident {incident_id} {_LABELS[verdict]}.")


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CallbackQueryHandler(review, pattern=r"^r:\d{1,12}:[cn]$"))
