"""A small template burst through `python -m bot --once` (terminal mode): one new alert per
real incident, updates only as edits of their own incident (feeds on 127.0.0.1)."""

from __future__ import annotations

import asyncio
import os
import re
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.burst import generate, rss
from tests.conftest import write_feeds
from tests.processes import ROOT
from tests.servers import FeedServer


async def test_burst_through_once_alerts_each_incident_once(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    reports = generate(8, seed=1, start=datetime.now(UTC) - timedelta(hours=20), same_day=True)
    assert 20 <= len(reports) <= 40 and {r.lang for r in reports} == {"en", "uk", "ru"}
    feeds = [
        {
            "name": f"Burst {lang}",
            "url": feed_server.set(f"/{lang}.xml", rss([r for r in reports if r.lang == lang])),
            "language": lang,
        }
        for lang in ("en", "uk", "ru")
    ]
    db = tmp_path / "powwatch.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "METRICS_"))}
    env.update(
        FEEDS_FILE=str(write_feeds(tmp_path / "feeds.yaml", feeds)),
        DATABASE_PATH=str(db),
        WORKER_PROCESSES="0",
        ALLOWED_PRIVATE_NETWORKS="127.0.0.0/8",
    )
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "--once",
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout=120)
    assert proc.returncode == 0, err.decode()[-2000:]
    text = out.decode()
    banners = re.findall(r"===== (ALERT|UPDATE of #incident\d+) =====\n(.*?)\n=====", text, re.S)
    new = [body for banner, body in banners if banner == "ALERT"]
    truth = {r.truth for r in reports}
    assert len(new) == len(truth), text[-3000:]
    # Each update edits the message of an incident that was already posted, its own.
    assert len(banners) > len(new)
    posted: set[str] = set()
    for banner, body in banners:
        found = re.search(r"#incident(\d+)", body)
        assert found is not None, body
        if banner == "ALERT":
            assert found.group(1) not in posted
            posted.add(found.group(1))
        else:
            assert banner == f"UPDATE of #incident{found.group(1)}"
            assert found.group(1) in posted
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "select link, incident_id from articles where flagged = 1 order by id"
        ).fetchall()
    finally:
        conn.close()
    assert len(rows) == len(reports)
    by_link = {r.link: r.truth for r in reports}
    placed = {by_link[link]: set() for link, _ in rows}
    for link, incident in rows:
        placed[by_link[link]].add(incident)
    # Each real incident is one stored incident, and no stored incident holds two.
    assert all(len(ids) == 1 for ids in placed.values()), placed
    assert len({next(iter(ids)) for ids in placed.values()}) == len(truth)
