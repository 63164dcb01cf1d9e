"""The bot token never reaches the log, even at DEBUG level with every library logging."""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path

from tests.conftest import write_feeds
from tests.feeds import POSITIVE, rss
from tests.servers import FakeBotAPI, FeedServer
from tests.test_crash_restart import bot_env, channel_texts, spawn


async def test_token_is_not_logged(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotAPI
) -> None:
    url = feed_server.set("/a.xml", rss([POSITIVE]))
    feeds_file = write_feeds(tmp_path / "feeds.yaml", [{"name": "A", "url": url}])
    env = bot_env(tmp_path, bot_api, feeds_file, tmp_path / "data" / "powwatch.db")
    env["LOG_LEVEL"] = "DEBUG"
    log = tmp_path / "bot.log"
    proc = await spawn(env, log)
    try:
        deadline = time.monotonic() + 30
        while not channel_texts(bot_api):
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")[-2000:]
            await asyncio.sleep(0.2)
        await asyncio.sleep(1.0)  # a few getUpdates round trips at DEBUG level
    finally:
        proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.wait(), timeout=20)
    text = log.read_text(encoding="utf-8")
    assert "DEBUG" in text  # the level really was DEBUG
    secret = bot_api.token.split(":", 1)[1]
    assert secret not in text
