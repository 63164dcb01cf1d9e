"""Deliver the outbox: post new incidents, edit their message when reports join, in order.

Telegram errors decide what happens to an alert: RetryAfter/network -> retry later, bad HTML ->
plain text, Forbidden/chat not found -> kept pending and the admins told, any other BadRequest ->
failed after MAX_ATTEMPTS (the admins told) so the alerts behind it go out.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol, TextIO

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.alerts.render import render_alert, to_plain
from bot.feeds.schedule import is_quiet
from bot.models import IncidentRecord, StoredArticle
from storage.outbox import AlertJob
from storage.store import Store
from storage.worker import StoreWorker

logger = logging.getLogger(__name__)

MAX_RETRY_DELAY = 900.0
MAX_ATTEMPTS = 3  # tries of an alert Telegram refuses as a bad request before it is given up


class DeliveryError(Exception):
    """Delivery failed; `retry_in` says when to try again, `is_fatal` that a human must act,
    `is_permanent` that this alert itself is refused (retrying the same request cannot help)."""

    def __init__(
        self, message: str, retry_in: float, *, is_fatal: bool = False, is_permanent: bool = False
    ) -> None:
        super().__init__(message)
        self.retry_in = retry_in
        self.is_fatal = is_fatal
        self.is_permanent = is_permanent


class Sender(Protocol):
    async def post(self, text: str, incident_id: int | None = None) -> int | None: ...
    async def edit(
        self, message_id: int, text: str, incident_id: int | None = None
    ) -> int | None: ...


class TerminalSender:
    """No token: alerts are printed to the terminal (as plain text) instead of Telegram."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout
        self.count = 0

    async def post(self, text: str, incident_id: int | None = None) -> int | None:
        return self._print("ALERT", text)

    async def edit(self, message_id: int, text: str, incident_id: int | None = None) -> int | None:
        """A later report of an incident: in Telegram its message is edited; here it is
        printed again under its own banner, so it is not taken for a new incident."""
        return self._print(f"UPDATE of #incident{incident_id}", text)

    def _print(self, banner: str, text: str) -> int | None:
        self.count += 1
        self.stream.write(f"\n===== {banner} =====\n{to_plain(text)}\n=================\n")
        self.stream.flush()
        return None  # nothing to edit later: the terminal keeps no message ids


def review_buttons(incident_id: int | None) -> InlineKeyboardMarkup | None:
    """Two buttons under each alert; admins' presses are stored as review verdicts."""
    if incident_id is None:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("✅ Confirmed", callback_data=f"r:{incident_id}:c"),
                InlineKeyboardButton("❌ Not relevant", callback_data=f"r:{incident_id}:n"),
            ]
        ]
    )


def _is_parse_error(exc: BadRequest) -> bool:
    return "can't parse entities" in exc.message.lower() or "parse" in exc.message.lower()


def _unreadable_answer(method: str, exc: Exception) -> None:
    """PTB raises TelegramError for every refusal, so any other error means Telegram accepted
    the call and only its answer could not be read: the call must not be repeated."""
    logger.warning(
        "%s was accepted but its answer could not be read (%s); not sent again",
        method,
        f"{type(exc).__name__}: {exc}"[:200],
    )


class TelegramSender:
    """Posts to the channel through python-telegram-bot; maps errors to DeliveryError."""

    def __init__(
        self,
        bot: Bot,
        chat_id: int | str,
        *,
        silent: bool = False,
        quiet_hours: tuple[int, int] | None = None,
    ) -> None:
        self.bot = bot
        self.chat_id = chat_id
        self.silent = silent
        self.quiet_hours = quiet_hours
        self.previews = LinkPreviewOptions(is_disabled=True)

    async def post(self, text: str, incident_id: int | None = None) -> int | None:
        async def send(body: str, mode: str | None) -> int | None:
            try:
                msg = await self.bot.send_message(
                    self.chat_id,
                    body,
                    parse_mode=mode,
                    link_preview_options=self.previews,
                    reply_markup=review_buttons(incident_id),
                    disable_notification=self.silent
                    or is_quiet(datetime.now(UTC), self.quiet_hours),
                )
            except TelegramError:
                raise
            except Exception as exc:
                _unreadable_answer("sendMessage", exc)
                return None  # posted: never again; later reports of it are posted anew
            return msg.message_id

        return await self._guard(send, text)

    async def edit(self, message_id: int, text: str, incident_id: int | None = None) -> int | None:
        async def edit(body: str, mode: str | None) -> int | None:
            try:
                await self.bot.edit_message_text(
                    body,
                    chat_id=self.chat_id,
                    message_id=message_id,
                    parse_mode=mode,
                    link_preview_options=self.previews,
                    reply_markup=review_buttons(incident_id),
                )
            except TelegramError as exc:
                if not isinstance(exc, BadRequest):
                    raise
                if "not modified" in exc.message.lower():
                    return message_id
                if "not found" in exc.message.lower() or "can't be edited" in exc.message.lower():
                    return await self.post(text, incident_id)  # the old one is gone: post anew
                raise
            except Exception as exc:
                _unreadable_answer("editMessageText", exc)
            return message_id

        return await self._guard(edit, text)

    async def _guard(
        self, action: Callable[[str, str | None], Awaitable[int | None]], text: str
    ) -> int | None:
        try:
            try:
                return await action(text, ParseMode.HTML)
            except BadRequest as exc:
                if not _is_parse_error(exc) or "chat not found" in exc.message.lower():
                    raise
                logger.warning("telegram rejected HTML (%s); sending plain text", exc.message)
                return await action(to_plain(text), None)
        except RetryAfter as exc:
            delay = exc.retry_after
            seconds = delay.total_seconds() if isinstance(delay, timedelta) else float(delay)
            raise DeliveryError(f"rate limited for {seconds:.0f}s", seconds + 1) from exc
        except Forbidden as exc:
            raise DeliveryError(f"forbidden: {exc.message}", 300, is_fatal=True) from exc
        except BadRequest as exc:
            if "chat not found" in exc.message.lower():
                raise DeliveryError(f"chat not found: {exc.message}", 300, is_fatal=True) from exc
            raise DeliveryError(f"bad request: {exc.message}", 60, is_permanent=True) from exc
        except NetworkError as exc:  # includes TimedOut
            raise DeliveryError(f"network: {exc.message}", 30) from exc
        except TelegramError as exc:
            raise DeliveryError(f"telegram: {exc.message}", 60) from exc


@dataclass(slots=True)
class DeliveryReport:
    sent: int = 0
    waiting: int = 0
    error: str | None = None
    is_fatal: bool = False
    failed: list[tuple[int, int, str]] = field(default_factory=list)  # alert, incident, error


def _load(store: Store, incident_id: int) -> tuple[IncidentRecord | None, list[StoredArticle]]:
    return store.incident(incident_id), store.incident_articles(incident_id)


async def deliver_pending(
    worker: StoreWorker,
    sender: Sender,
    *,
    now: datetime | None = None,
    limit: int = 50,
    posted: dict[int, int | None] | None = None,
) -> DeliveryReport:
    """Send pending alerts in order; stop at the first failure so the order is kept.

    `posted` remembers alerts Telegram accepted whose "sent" mark could not be written (disk
    full): the next run retries only the mark, never the post. Keep it for the process.
    """
    # One delivery run at a time per outbox, or two runs could post one alert twice.
    async with worker.delivery_lock:
        return await _deliver(worker, sender, now, limit, {} if posted is None else posted)


async def _mark_sent(
    worker: StoreWorker,
    posted: dict[int, int | None],
    job: AlertJob,
    message_id: int | None,
    now: datetime,
) -> None:
    """Record a post; if the store refuses, remember it so the post is never repeated."""
    posted[job.id] = message_id
    await worker.run(Store.mark_sent, job.id, message_id, now)  # a failure propagates
    del posted[job.id]


async def _deliver(
    worker: StoreWorker,
    sender: Sender,
    now: datetime | None,
    limit: int,
    posted: dict[int, int | None],
) -> DeliveryReport:
    report = DeliveryReport()
    jobs: list[AlertJob] = await worker.run(Store.pending_alerts, limit)
    for index, job in enumerate(jobs):
        now = now or datetime.now(UTC)
        if job.id in posted:
            logger.info("alert=%d was posted; writing its sent mark again", job.id)
            await _mark_sent(worker, posted, job, posted[job.id], now)
            report.sent += 1
            continue
        if job.next_attempt_at and job.next_attempt_at > now:
            report.waiting = len(jobs) - index
            break
        # Several pending updates of one incident: one edit shows them all.
        later = next(
            (
                j
                for j in jobs[index + 1 :]
                if j.incident_id == job.incident_id and j.kind == "update"
            ),
            None,
        )
        if job.kind == "update" and later is not None:
            await worker.run(Store.mark_merged, job.id, later.id, now)
            continue
        incident, articles = await worker.run(_load, job.incident_id)
        if incident is None:
            logger.error("alert=%d names missing incident=%d", job.id, job.incident_id)
            await worker.run(Store.mark_merged, job.id, 0, now)
            continue
        text = render_alert(incident, articles)
        try:
            is_terminal = isinstance(sender, TerminalSender)
            if job.kind == "update" and (incident.message_id is not None or is_terminal):
                message_id = await sender.edit(incident.message_id or 0, text, incident.id)
            else:
                message_id = await sender.post(text, incident.id)
        except DeliveryError as exc:
            if exc.is_permanent and job.attempts + 1 >= MAX_ATTEMPTS:
                await worker.run(Store.mark_failed, job.id, str(exc), now)
                logger.error(
                    "alert=%d incident=%d given up after %d tries: %s",
                    job.id,
                    job.incident_id,
                    job.attempts + 1,
                    exc,
                )
                report.failed.append((job.id, job.incident_id, str(exc)))
                continue
            retry_at = now + timedelta(seconds=min(max(exc.retry_in, 1.0), MAX_RETRY_DELAY))
            await worker.run(Store.mark_retry, job.id, str(exc), retry_at)
            logger.warning(
                "alert=%d incident=%d not delivered: %s (retry at %s)",
                job.id,
                job.incident_id,
                exc,
                retry_at.isoformat(timespec="seconds"),
            )
            report.error, report.is_fatal = str(exc), exc.is_fatal
            report.waiting = len(jobs) - index
            break
        await _mark_sent(worker, posted, job, message_id, now)
        if message_id is None:  # terminal mode: printed above, there is no message id
            logger.info("alert=%d incident=%d kind=%s printed", job.id, job.incident_id, job.kind)
        else:
            logger.info(
                "alert=%d incident=%d kind=%s sent message_id=%s",
                job.id,
                job.incident_id,
                job.kind,
                message_id,
            )
        report.sent += 1
    return report
