"""Start-up against a Telegram that refuses the token, is unreachable, or names the channel @name.

The first two run `python -m bot` as a real process, as in the container: what they print is
what `docker logs` shows.
"""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from telegram import Update

from bot.alerts.notify import deliver_pending
from bot.runtime import Runtime
from tests.conftest import ADMIN_ID, CHANNEL_ID, USER_ID, write_feeds
from tests.feeds import POSITIVE, rss
from tests.history import add, report
from tests.processes import ROOT
from tests.servers import FakeBotAPI, FeedServer
from tests.telegram_helpers import running_bot
from tests.test_crash_restart import bot_env, channel_texts, spawn
from tests.test_review import press

UNREACHABLE = "Telegram is unreachable"


async def test_a_rejected_token_is_one_line_and_exit_2(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotAPI
) -> None:
    url = feed_server.set("/a.xml", rss([POSITIVE]))
    feeds_file = write_feeds(tmp_path / "feeds.yaml", [{"name": "A", "url": url}])
    env = bot_env(tmp_path, bot_api, feeds_file, tmp_path / "data" / "powwatch.db")
    wrong = "654321:WRONG-token-zyxwvutsrqponmlkjihgfe"
    env["TELEGRAM_BOT_TOKEN"] = wrong  # the fake API answers 401 to it, like Telegram
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=ROOT,
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout=40)
    text = out.decode() + err.decode()
    assert proc.returncode == 2, text
    assert "Telegram rejected the bot token (check TELEGRAM_BOT_TOKEN)" in text
    assert text.count("rejected") == 1
    assert "Traceback" not in text
    assert wrong not in text and wrong.split(":", 1)[1] not in text


def stored_titles(db: Path) -> list[str]:
    if not db.exists():
        return []
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return [r[0] for r in conn.execute("select title from articles")]
    except sqlite3.Error:  # not created yet
        return []


async def test_telegram_unreachable_at_start_still_polls_and_alerts_later(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotAPI
) -> None:
    url = feed_server.set("/a.xml", rss([POSITIVE]))
    feeds_file = write_feeds(tmp_path / "feeds.yaml", [{"name": "A", "url": url}])
    db = tmp_path / "data" / "powwatch.db"
    env = bot_env(tmp_path, bot_api, feeds_file, db)
    log = tmp_path / "bot.log"
    bot_api.down = True  # every method, getMe included, answers 502
    proc = await spawn(env, log)
    try:
        deadline = time.monotonic() + 30
        while not any("Robotyne" in t for t in stored_titles(db)):
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")[-3000:]
            await asyncio.sleep(0.2)
        assert feed_server.hits["/a.xml"] >= 1
        assert not channel_texts(bot_api)  # the alert waits in the outbox
        bot_api.down = False
        deadline = time.monotonic() + 40
        while not channel_texts(bot_api):
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")[-3000:]
            await asyncio.sleep(0.2)
        assert "Robotyne" in channel_texts(bot_api)[0]
    finally:
        proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.wait(), timeout=20)
    text = log.read_text(encoding="utf-8")
    warnings = [line for line in text.splitlines() if UNREACHABLE in line]
    assert len(warnings) == 1, warnings
    assert "WARNING" in warnings[0] and "retrying in" in warnings[0]
    assert "Traceback" not in text
    assert proc.returncode == 0


async def test_channel_given_as_name_is_resolved_for_the_gate(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    bot_api.chats["@powwatch_alerts"] = CHANNEL_ID
    settings = make_settings(
        [{"name": "A", "url": "https://a.test/rss"}],
        api=bot_api,
        TELEGRAM_CHANNEL_ID="@powwatch_alerts",
        TELEGRAM_ALLOWED_CHAT_IDS=str(USER_ID),
    )
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        assert runtime.channel_chat_id == CHANNEL_ID
        await runtime.worker.run(add, report(1, "Captured soldiers shot near Robotyne"))
        assert (await deliver_pending(runtime.worker, runtime.sender)).sent == 1
        assert int(bot_api.sent()[-1]["chat_id"]) == CHANNEL_ID
        # The button press arrives from the channel, which updates name by its numeric id.
        await app.process_update(Update.de_json(press("r:1:c", ADMIN_ID), app.bot))
        answers = bot_api.sent("answerCallbackQuery")
        assert answers and answers[-1]["text"] == "Recorded: incident 1 confirmed."


async def test_sigterm_while_telegram_is_unreachable_stops_cleanly(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotAPI
) -> None:
    url = feed_server.set("/a.xml", rss([POSITIVE]))
    feeds_file = write_feeds(tmp_path / "feeds.yaml", [{"name": "A", "url": url}])
    env = bot_env(tmp_path, bot_api, feeds_file, tmp_path / "data" / "powwatch.db")
    log = tmp_path / "bot.log"
    bot_api.down = True
    proc = await spawn(env, log)
    deadline = time.monotonic() + 30
    while UNREACHABLE not in log.read_text(encoding="utf-8"):
        assert time.monotonic() < deadline, log.read_text(encoding="utf-8")[-3000:]
        await asyncio.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(proc.wait(), timeout=15) == 0
    text = log.read_text(encoding="utf-8")
    assert "Traceback" not in text and "stopped" in text
