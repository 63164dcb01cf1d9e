"""Drive the real PTB Application against the fake Bot API."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram.ext import Application

from bot.app import build_application
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
    """The real Application: initialised, post_init run, optionally polling getUpdates."""
    app = build_application(settings)
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
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
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
        await app.shutdown()


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
