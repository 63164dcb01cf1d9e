"""A process pool for parsing and detection that replaces itself when a worker dies.

Each worker's heap is capped (MEMORY_LIMIT): a hostile feed body that makes the parser build a
huge tree fails its own feed with a MemoryError instead of taking the machine's memory.
"""

from __future__ import annotations

import logging
import multiprocessing
import resource
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")

PRELOAD = ("bot.feeds.parse", "bot.analyse", "bot.feeds.fulltext")
# Private writable memory per worker (RLIMIT_DATA). An ordinary feed needs a few tens of MB;
# a 5 MB body of deeply nested elements made feedparser use about 1 GB.
MEMORY_LIMIT = 768 * 1024 * 1024


def limit_memory(limit: int) -> None:
    """Worker initializer: cap this process's data segment (heap and anonymous mappings)."""
    if limit > 0:
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


class RestartingPool(Executor):
    """ProcessPoolExecutor that starts a fresh pool when the old one is broken.

    A worker killed by the OOM killer breaks a ProcessPoolExecutor for good; without this every
    later parse would fail until the bot is restarted.
    """

    def __init__(self, workers: int, memory_limit: int = MEMORY_LIMIT) -> None:
        self.workers = workers
        self.memory_limit = memory_limit
        self._lock = threading.Lock()
        self._pool = self._start()
        self.restarts = 0

    def _start(self) -> ProcessPoolExecutor:
        # forkserver, not fork: the bot process already runs threads (store worker, aiohttp).
        # The server imports only the pipeline's modules, so a worker does not carry the bot's
        # own imports (python-telegram-bot, aiohttp, the handlers) and stays small.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(PRELOAD))
        return ProcessPoolExecutor(
            self.workers,
            mp_context=context,
            initializer=limit_memory,
            initargs=(self.memory_limit,),
        )

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
