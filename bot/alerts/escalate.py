"""Tell the admins by direct message when something needs a human; at most once per interval.

Used for delivery failures that retrying cannot fix (bot removed from the channel, chat not
found); handler exceptions go through handlers/errors.py.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable

from telegram import Bot
from telegram.error import TelegramError

logger = logging.getLogger(__name__)

ESCALATE_INTERVAL = 1800.0  # seconds between two messages about the same problem


class Escalator:
    """Rate-limited admin DMs, keyed by problem kind (e.g. "delivery")."""

    def __init__(self, interval: float = ESCALATE_INTERVAL) -> None:
        self.interval = interval
        self._last: dict[str, float] = {}

    def is_due(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        last = self._last.get(key)
        return last is None or now - last >= self.interval

    async def escalate(
        self,
        bot: Bot | None,
        admin_ids: Iterable[int],
        key: str,
        text: str,
        *,
        now: float | None = None,
    ) -> int:
        """DM every admin about `key` unless told within the interval; returns DMs sent."""
        logger.error("needs a human: %s: %s", key, text)
        if not self.is_due(key, now):
            return 0
        self._last[key] = time.monotonic() if now is None else now
        if bot is None:
            return 0  # terminal mode: the log line above is the message
        sent = 0
        for admin in sorted(admin_ids):
            try:
                await bot.send_message(admin, f"⚠️ powwatch needs attention: {text}"[:1000])
                sent += 1
            except TelegramError as exc:
                logger.warning("could not tell admin %s: %s", admin, exc)
        return sent


def delivery_problem(error: str, waiting: int) -> str:
    """The admin message for a fatal delivery failure."""
    return (
        f"alerts cannot be posted to the channel ({error}). {waiting} alert(s) are kept and "
        "will go out in order once the bot can post again: check that it is still an admin "
        "of the channel and that TELEGRAM_CHANNEL_ID is right."
    )


def failed_alert_problem(alert_id: int, incident_id: int, error: str) -> str:
    """The admin message for an alert Telegram keeps refusing, given up so others can go out."""
    return (
        f"alert {alert_id} (incident {incident_id}) was refused by Telegram {error!r} and has "
        f"been given up after several tries; the alerts after it went on. /incident "
        f"{incident_id} shows the report."
    )
