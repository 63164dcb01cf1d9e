"""Runs Store calls off the event loop: writes on one thread, queries on another.

The writer thread owns the read-write connection (one writer, like Datasette); the reader
thread has its own read-only connection, so /latest never waits behind a cold cycle's writes.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from storage.store import Store, StoreError

T = TypeVar("T")
P = ParamSpec("P")


class StoreWorker:
    """`await worker.run(Store.add_article, ...)` writes; `await worker.read(Store.latest, 5)`."""

    def __init__(self, path: Path) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        self._reader_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader")
        self.delivery_lock = asyncio.Lock()  # one outbox delivery run at a time
        self.store = self._executor.submit(Store, path).result()
        self.reader = self._reader_executor.submit(Store, path, readonly=True).result()

    async def run(
        self, fn: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run fn(store, ...) on the writer thread; a failing disk becomes one StoreError."""
        return await self._call(self._executor, self.store, fn, *args, **kwargs)

    async def read(
        self, fn: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run a query fn(store, ...) on the reader thread, beside any write in progress."""
        return await self._call(self._reader_executor, self.reader, fn, *args, **kwargs)

    async def _call(
        self,
        executor: ThreadPoolExecutor,
        store: Store,
        fn: Callable[Concatenate[Store, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(executor, lambda: fn(store, *args, **kwargs))
        except sqlite3.OperationalError as exc:
            # `with conn:` rolled the transaction back: nothing half-written remains.
            raise StoreError(f"DATABASE_PATH: {str(store.path)!r} cannot be used: {exc}") from exc

    def close(self) -> None:
        self._reader_executor.submit(self.reader.close).result()
        self._reader_executor.shutdown(wait=True)
        self._executor.submit(self.store.close).result()
        self._executor.shutdown(wait=True)
