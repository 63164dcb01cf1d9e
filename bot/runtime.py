"""The running bot's shared parts, reachable from handlers and jobs through one typed context.

PTB keeps one `BotData` per Application (ContextTypes' custom bot_data class); it holds the
Runtime, so handlers read `context.runtime` instead of string keys or module globals.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import aiohttp
from telegram import Bot
from telegram.ext import CallbackContext, ExtBot

from bot.alerts.escalate import Escalator
from bot.alerts.notify import Sender
from bot.config import Settings
from bot.feeds.feedfile import FeedFileWatch
from bot.models import CycleReport, FeedSpec
from bot.poll import PollContext
from storage.worker import StoreWorker


@dataclass(slots=True)
class WatchState:
    """The feeds-file watcher, the lock every feed-list change takes, and alarm caches."""

    file: FeedFileWatch
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    history: dict[str, list[datetime]] = field(default_factory=dict)
    history_at: datetime | None = None
    alarms_at: datetime | None = None


@dataclass(slots=True)
class Runtime:
    """Settings, the store worker, the HTTP session and the alert sender of this process."""

    settings: Settings
    worker: StoreWorker
    session: aiohttp.ClientSession
    sender: Sender
    feeds: tuple[FeedSpec, ...]
    cpu: Executor | None = None
    started_monotonic: float = field(default_factory=time.monotonic)
    last_cycle: CycleReport | None = None
    cycle_running: bool = False
    # False while Telegram has not answered getMe yet: alerts then wait in the outbox.
    can_deliver: bool = True
    # The numeric id of the alert channel (resolved from @name at start), for the access gate.
    channel_chat_id: int | None = None
    escalator: Escalator = field(default_factory=Escalator)
    # Alerts Telegram accepted whose "sent" mark could not be written: id -> message id.
    posted: dict[int, int | None] = field(default_factory=dict)
    last_error_ping: float | None = None  # monotonic time the admins last heard of a crash
    refusals: dict[int, float] = field(default_factory=dict)  # user -> last audited refusal
    # /search queries for the "more" button: key -> (chat id, query); other chats get nothing.
    search_queries: OrderedDict[int, tuple[int, str]] = field(default_factory=OrderedDict)
    search_seq: int = 0
    watch: WatchState = field(init=False)

    def __post_init__(self) -> None:
        self.watch = WatchState(file=FeedFileWatch(self.settings.feeds_file))
        if isinstance(self.settings.channel_id, int):
            self.channel_chat_id = self.settings.channel_id

    @property
    def bot(self) -> Bot | None:
        """The Telegram bot once it is connected (for admin messages); None otherwise."""
        bot = getattr(self.sender, "bot", None)
        return bot if isinstance(bot, Bot) and self.can_deliver else None

    def poll_context(self) -> PollContext:
        s = self.settings
        return PollContext(
            session=self.session,
            worker=self.worker,
            default_interval=s.poll_interval,
            alert_window_hours=s.alert_window_hours,
            max_feed_bytes=s.max_feed_bytes,
            concurrency=s.fetch_concurrency,
            cpu=self.cpu,
            archive_dir=s.database_path.parent / "archive",
            telegram_base=s.telegram_preview_base,
        )


class BotData:
    """PTB's per-Application bot_data: the Runtime, set once the store is open."""

    __slots__ = ("_runtime",)

    def __init__(self) -> None:
        self._runtime: Runtime | None = None

    @property
    def has_runtime(self) -> bool:
        return self._runtime is not None

    @property
    def runtime(self) -> Runtime:
        if self._runtime is None:
            raise RuntimeError("runtime not initialised")
        return self._runtime

    @runtime.setter
    def runtime(self, runtime: Runtime) -> None:
        self._runtime = runtime


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """CallbackContext with the Runtime attached (PTB's contexttypes pattern)."""

    @property
    def runtime(self) -> Runtime:
        return self.bot_data.runtime
