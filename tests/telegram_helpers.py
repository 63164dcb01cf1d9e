"""Drive the real PTB Application against the fake Bot API."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram.ext import Application

from bot.app import attach_runtime, build_application, close_runtime, on_connected
from bot.config import Settings
from tests.servers import FakeBotAPI

_ids = itertools.count(1000)


def command_update(
    text: str, *, user_id: int, chat_id: int | None = None, chat_type: str = "private"
) -> dict[str, Any]:
    chat = chat_id if chat_id is not None else user_id
    entity_len = len(text.split()[0]) if text.startswith("/") else 0
    message: dict[str, Any] = {
        "message_id": next(_ids),
        "date": 1700000000,
        "chat": {"id": chat, "type": chat_type},
        "from": {"id": user_id, "is_bot": False, "first_name": "Tester"},
        "text": text,
    }
    if entity_len:
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": entity_len}]
    return {"update_id": next(_ids), "message": message}


@asynccontextmanager
async def running_bot(settings: Settings, *, polling: bool = False) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """The real Application: runtime attached, connected (getMe), optionally polling getUpdates.

    No scheduler runs: tests call tick() themselves.
    """
    app = build_application(settings)
    runtime = await attach_runtime(app, settings)
    try:
        await app.initialize()
        await on_connected(app, runtime)
        await app.start()
        if polling:
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            yield app
        finally:
            if polling and app.updater is not None:
                await app.updater.stop()
            await app.stop()
            await app.shutdown()
    finally:
        await close_runtime(runtime)


async def settle() -> None:
    """Wait for the handlers PTB runs beside the update queue (block=False), e.g. /addfeed."""
    tasks = [
        t
        for t in asyncio.all_tasks()
        if "process_update_non_blocking" in t.get_name() and t is not asyncio.current_task()
    ]
    if tasks:
        await asyncio.wait(tasks, timeout=60)


async def wait_for(
    api: FakeBotAPI, method: str, count: int, seconds: float = 10.0
) -> list[dict[str, Any]]:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while loop.time() < deadline:
        if len(api.sent(method)) >= count:
            return api.sent(method)
        await asyncio.sleep(0.05)
    raise AssertionError(f"expected {count} {method} calls, got {len(api.sent(method))}")
