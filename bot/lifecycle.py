"""Graceful stop: SIGTERM/SIGINT refuse new steps, let the running one finish, then exit.

A running tick gets GRACE_SECONDS; what is still running then is cancelled. Every store write is
its own transaction, so a cancelled step leaves the same state as SIGKILL (docs/reliability.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Awaitable, Callable

logger = logging.getLogger(__name__)

GRACE_SECONDS = 6.0


class Stopper:
    """Runs the bot's periodic steps and stops them within a bounded time."""

    def __init__(self, grace: float = GRACE_SECONDS) -> None:
        self.grace = grace
        self.is_stopping = False
        self._running: set[asyncio.Task[object]] = set()
        self._stop_task: asyncio.Task[None] | None = None

    async def run(self, step: Callable[[], Awaitable[object]]) -> None:
        """Run one step (a tick) unless stopping; a stop may cancel it after the grace time."""
        if self.is_stopping:
            return

        async def call() -> object:
            return await step()

        task: asyncio.Task[object] = asyncio.create_task(call())
        self._running.add(task)
        try:
            await task
        except asyncio.CancelledError:
            if not (self.is_stopping and task.cancelled()):
                raise
        finally:
            self._running.discard(task)

    async def stop(self) -> float:
        """Refuse new steps, wait up to `grace` for running ones, cancel the rest; seconds."""
        started = time.monotonic()
        self.is_stopping = True
        pending = set(self._running)
        if pending:
            logger.info("stopping: waiting up to %.0fs for the running step", self.grace)
            _, pending = await asyncio.wait(pending, timeout=self.grace)
        for task in pending:
            logger.warning("stopping: cancelling a step still running after %.0fs", self.grace)
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=2.0)
        return time.monotonic() - started

    def install(self, then: Callable[[], object]) -> None:
        """On SIGTERM/SIGINT: stop(), then call `then` (e.g. Application.stop_running)."""
        loop = asyncio.get_running_loop()

        def on_signal(signum: int) -> None:
            if self._stop_task is not None:
                return
            logger.info("received %s: finishing the current step", signal.Signals(signum).name)

            async def stop_then() -> None:
                await self.stop()
                then()

            self._stop_task = asyncio.create_task(stop_then())

        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, on_signal, sig)
