"""A process pool for parsing and detection that replaces itself when a worker dies."""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")

PRELOAD = ("bot.feeds.parse", "bot.analyse", "bot.feeds.fulltext")


class RestartingPool(Executor):
    """ProcessPoolExecutor that starts a fresh pool when the old one is broken.

    A worker killed by the OOM killer breaks a ProcessPoolExecutor for good; without this every
    later parse would fail until the bot is restarted.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._lock = threading.Lock()
        self._pool = self._start()
        self.restarts = 0

    def _start(self) -> ProcessPoolExecutor:
        # forkserver, not fork: the bot process already runs threads (store worker, aiohttp).
        # The server imports only the pipeline's modules, so a worker does not carry the bot's
        # own imports (python-telegram-bot, aiohttp, the handlers) and stays small.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(PRELOAD))
        return ProcessPoolExecutor(self.workers, mp_context=context)

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        with self._lock:
            try:
                return self._pool.submit(fn, *args, **kwargs)
            except BrokenProcessPool:
                logger.error("worker process pool was broken; starting a new one")
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._start()
                self.restarts += 1
                return self._pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)
