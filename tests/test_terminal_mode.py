"""Terminal mode (no token) as a real process: alerts on stdout, hand edits picked up."""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from pathlib import Path

from tests.conftest import write_feeds
from tests.feeds import POSITIVE, rss
from tests.servers import FakeBotAPI, FeedServer
from tests.test_crash_restart import ROOT, bot_env


async def test_terminal_mode_prints_alerts_and_reloads_the_feeds_file(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    first = feed_server.set("/a.xml", rss([POSITIVE]))
    later = feed_server.set("/b.xml", rss([]))
    feeds_file = write_feeds(tmp_path / "feeds.yaml", [{"name": "A", "url": first}])
    env = bot_env(tmp_path, FakeBotAPI(), feeds_file, tmp_path / "data" / "powwatch.db")
    for key in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE_URL", "TELEGRAM_CHANNEL_ID"):
        env.pop(key)
    out_path, err_path = tmp_path / "out.txt", tmp_path / "err.txt"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            cwd=ROOT,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=out,
            stderr=err,
        )
    try:
        deadline = time.monotonic() + 30
        while "===== ALERT =====" not in out_path.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, err_path.read_text(encoding="utf-8")[-2000:]
            await asyncio.sleep(0.2)
        assert "prosecutors-three-pows-robotyne" in out_path.read_text(encoding="utf-8")
        # A hand edit adds a feed: it is polled without a restart.
        write_feeds(feeds_file, [{"name": "A", "url": first}, {"name": "B", "url": later}])
        while not feed_server.hits.get("/b.xml"):
            assert time.monotonic() < deadline + 30, err_path.read_text(encoding="utf-8")[-2000:]
            await asyncio.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(proc.wait(), timeout=20)
    assert code == 0
    assert "Traceback" not in err_path.read_text(encoding="utf-8")
