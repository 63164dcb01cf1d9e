"""Runs Store calls on one dedicated thread so SQLite work never stalls the event loop."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from storage.store import Store, StoreError

T = TypeVar("T")


class StoreWorker:
    """Owns the Store and its one thread; `await worker.run(Store.latest, 5)`."""

    def __init__(self, path: Path) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        self.delivery_lock = asyncio.Lock()  # one outbox delivery run at a time
        self.store = self._executor.submit(Store, path).result()

    async def run(self, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
        """Run fn(store, ...) on the store thread; a failing disk becomes one clear StoreError."""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(
                self._executor, lambda: fn(self.store, *args, **kwargs)
            )
        except sqlite3.OperationalError as exc:
            # `with conn:` rolled the transaction back: nothing half-written remains.
            raise StoreError(
                f"DATABASE_PATH: {str(self.store.path)!r} cannot be used: {exc}"
            ) from exc

    def close(self) -> None:
        self._executor.submit(self.store.close).result()
        self._executor.shutdown(wait=True)
