"""Telegram trouble: 429 floods, 5xx, timeouts, an hour-long outage, a channel that refuses us.

Alerts wait in the outbox and go out in order once Telegram is back; polling for commands
recovers by itself; a refusal only a human can fix reaches the admins, rate-limited.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from telegram import Bot

from bot.alerts.escalate import Escalator
from bot.alerts.notify import deliver_pending
from bot.app import tick
from bot.runtime import Runtime
from storage.store import Store
from tests.conftest import ADMIN_ID, CHANNEL_ID, USER_ID
from tests.feeds import POSITIVE, rss
from tests.history import add, report
from tests.servers import FakeBotAPI, FeedServer
from tests.telegram_helpers import command_update, running_bot

TITLES = ("first report", "second report", "third report")


def channel_texts(api: FakeBotAPI) -> list[str]:
    return [p["text"] for p in api.sent() if str(p.get("chat_id")) == str(CHANNEL_ID)]


def order_of(texts: list[str]) -> list[str]:
    return [next(w for w in ("first", "second", "third") if w in t) for t in texts]


async def queue_three(runtime: Runtime) -> None:
    for i, title in enumerate(TITLES):
        await runtime.worker.run(add, report(i, title))


async def test_429_flood_then_all_out_in_order_once(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    # More 429s in a row than the rate limiter retries (3): the outbox has to wait them out.
    bot_api.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1, times=5)
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await queue_three(runtime)
        now = datetime.now(UTC)
        for step in range(4):
            await deliver_pending(
                runtime.worker, runtime.sender, now=now + timedelta(minutes=step)
            )
        assert await runtime.worker.run(Store.outbox_depth) == 0
        landed = channel_texts(bot_api)[5:]
        assert order_of(landed) == ["first", "second", "third"]


async def test_timeouts_then_recovery_deliver_everything_in_order(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await queue_three(runtime)
        bot_api.latency["sendMessage"] = 7.0  # longer than the Bot API read timeout (5 s)
        result = await deliver_pending(runtime.worker, runtime.sender)
        assert result.sent == 0 and result.error and "network" in result.error
        assert await runtime.worker.run(Store.outbox_depth) == 3
        bot_api.latency.clear()
        later = datetime.now(UTC) + timedelta(minutes=5)
        assert (await deliver_pending(runtime.worker, runtime.sender, now=later)).sent == 3
        # The timed-out post may have reached Telegram: it is the one that can appear twice.
        assert order_of(channel_texts(bot_api)) == ["first", "first", "second", "third"]


async def test_an_hour_long_outage_loses_nothing(bot_api: FakeBotAPI, make_settings: Any) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await queue_three(runtime)
        bot_api.down = True
        now = datetime.now(UTC)
        for minute in range(0, 61, 5):
            result = await deliver_pending(
                runtime.worker, runtime.sender, now=now + timedelta(minutes=minute)
            )
            assert result.sent == 0
        assert await runtime.worker.run(Store.outbox_depth) == 3
        bot_api.down = False
        result = await deliver_pending(
            runtime.worker, runtime.sender, now=now + timedelta(hours=2)
        )
        assert result.sent == 3
        assert order_of(channel_texts(bot_api)) == ["first", "second", "third"]
        assert await runtime.worker.run(Store.outbox_depth) == 0


async def test_polling_for_commands_recovers_by_itself(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    async with running_bot(settings, polling=True):
        bot_api.down = True
        await asyncio.sleep(3)
        bot_api.down = False
        bot_api.push_update(command_update("/help", user_id=USER_ID))
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline:
            if any(str(p.get("chat_id")) == str(USER_ID) for p in bot_api.sent()):
                break
            await asyncio.sleep(0.2)
        replies = [p["text"] for p in bot_api.sent() if str(p.get("chat_id")) == str(USER_ID)]
        assert replies and "/latest" in replies[0]


async def test_forbidden_keeps_alerts_and_tells_the_admins_once(
    bot_api: FakeBotAPI,
    feed_server: FeedServer,
    make_settings: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = feed_server.set("/news.xml", rss([POSITIVE]))
    settings = make_settings([{"name": "News", "url": url}], api=bot_api)
    bot_api.fail("sendMessage", 403, "Forbidden: bot was kicked from the channel chat")
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await tick(runtime, force=True)
        assert await runtime.worker.run(Store.outbox_depth) == 1
        dms = [p["text"] for p in bot_api.sent() if str(p.get("chat_id")) == str(ADMIN_ID)]
        assert len(dms) == 1 and "kicked" in dms[0] and "1 alert(s) are kept" in dms[0]
        # The channel is back: the kept alert goes out once.
        later = datetime.now(UTC) + timedelta(hours=1)
        assert (await deliver_pending(runtime.worker, runtime.sender, now=later)).sent == 1
        assert "Robotyne" in channel_texts(bot_api)[-1]


async def test_escalation_is_rate_limited(bot_api: FakeBotAPI) -> None:
    escalator = Escalator(interval=1800)
    async with Bot(bot_api.token, base_url=bot_api.base_url) as telegram_bot:
        sent = [
            await escalator.escalate(telegram_bot, {ADMIN_ID, 77}, "delivery", "x", now=t)
            for t in (0.0, 60.0, 1799.0, 1800.0)
        ]
        assert sent == [2, 0, 0, 2]
        assert await escalator.escalate(telegram_bot, {ADMIN_ID}, "other", "y", now=61.0) == 1
        assert await escalator.escalate(None, {ADMIN_ID}, "terminal", "z") == 0
