"""SIGTERM finishes the current step and exits cleanly within 10 seconds, in both modes."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import write_feeds
from tests.feeds import NEGATIVE_PLAN, POSITIVE, rss
from tests.servers import FakeBotAPI, FeedServer
from tests.test_crash_restart import bot_env, channel_texts, spawn


async def _wait_until(check: object, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(check) and check():
            return
        await asyncio.sleep(0.1)
    raise AssertionError("condition not reached in time")


async def _terminate(proc: asyncio.subprocess.Process) -> tuple[int, float]:
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    code = await asyncio.wait_for(proc.wait(), timeout=20)
    return code, time.monotonic() - started


@pytest.mark.parametrize("moment", ["idle", "mid-fetch", "mid-send"])
async def test_sigterm_exits_cleanly_within_ten_seconds(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotAPI, moment: str
) -> None:
    good = feed_server.set("/good.xml", rss([POSITIVE, NEGATIVE_PLAN]))
    feeds = [{"name": "Good", "url": good}]
    if moment == "mid-fetch":
        # A feed that trickles for ever: its fetch would only end at the 30 s deadline.
        feeds.append({"name": "Trickle", "url": feed_server.set("/t.xml", rss([]), trickle=0.2)})
    if moment == "mid-send":
        bot_api.latency["sendMessage"] = 3.0
    feeds_file = write_feeds(tmp_path / "feeds.yaml", feeds)
    db = tmp_path / "data" / "powwatch.db"
    log = tmp_path / "bot.log"
    env = bot_env(tmp_path, bot_api, feeds_file, db)
    env["FETCH_TIMEOUT_SECONDS"] = "30"
    proc = await spawn(env, log)
    if moment == "mid-fetch":
        await _wait_until(lambda: feed_server.hits.get("/t.xml"), 20)
        # The good feed's alert goes out at once, while the other feed still trickles.
        await _wait_until(lambda: len(channel_texts(bot_api)) == 1, 20)
        await asyncio.sleep(0.5)
    else:
        await _wait_until(lambda: len(channel_texts(bot_api)) == 1, 20)
        if moment == "idle":
            await asyncio.sleep(0.5)
    code, seconds = await _terminate(proc)
    text = log.read_text(encoding="utf-8")
    assert code == 0, text[-3000:]
    assert seconds < 10, f"{seconds:.1f}s"
    assert "Traceback" not in text, text[-3000:]
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        states = [r[0] for r in conn.execute("select status from alerts")]
    finally:
        conn.close()
    # The alert went out once and is recorded as sent, even with a fetch still running.
    assert states == ["sent"], (states, text[-3000:])
    sys.stderr.write(f"sigterm {moment}: exit in {seconds:.2f}s\n")


async def test_sigterm_in_terminal_mode(tmp_path: Path, feed_server: FeedServer) -> None:
    url = feed_server.set("/t.xml", rss([]), trickle=0.2)
    feeds_file = write_feeds(tmp_path / "feeds.yaml", [{"name": "Trickle", "url": url}])
    env = bot_env(tmp_path, FakeBotAPI(), feeds_file, tmp_path / "data" / "powwatch.db")
    for key in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE_URL", "TELEGRAM_CHANNEL_ID"):
        env.pop(key)
    env["FETCH_TIMEOUT_SECONDS"] = "30"
    log = tmp_path / "bot.log"
    proc = await spawn(env, log)
    await _wait_until(lambda: feed_server.hits.get("/t.xml"), 20)
    code, seconds = await _terminate(proc)
    text = log.read_text(encoding="utf-8")
    assert code == 0 and seconds < 10, (code, seconds, text[-3000:])
    assert "Traceback" not in text and "stopped" in text, text[-3000:]
