"""The running bot's shared parts, reachable from handlers and jobs through one typed context."""

from __future__ import annotations

import time
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from telegram.ext import CallbackContext, ExtBot

from bot.alerts.notify import Sender
from bot.config import Settings
from bot.models import FeedSpec
from bot.poll import CycleReport, PollContext
from storage.worker import StoreWorker


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
        )


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """CallbackContext with the Runtime attached (PTB's contexttypes pattern)."""

    @property
    def runtime(self) -> Runtime:
        runtime = self.bot_data.get("runtime")
        if not isinstance(runtime, Runtime):
            raise RuntimeError("runtime not initialised")
        return runtime
