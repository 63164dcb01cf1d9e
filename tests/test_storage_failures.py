"""Storage trouble at start: a clear one-line error and exit status 2, never a traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bot.app import tick
from storage.store import Store, StoreError
from tests.conftest import ADMIN_ID, write_feeds
from tests.feeds import POSITIVE, rss
from tests.history import add, report
from tests.processes import run_bot as run_command
from tests.servers import FakeBotAPI, FeedServer
from tests.telegram_helpers import running_bot

ROOT = Path(__file__).resolve().parent.parent
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run_bot(tmp_path: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    feeds = write_feeds(tmp_path / "feeds.yaml", [{"name": "A", "url": "http://127.0.0.1:9/"}])
    env = {"FEEDS_FILE": str(feeds), "DATABASE_PATH": str(db), "WORKER_PROCESSES": "0"}
    return run_command(list(args), env)


def test_missing_data_directory_is_created(tmp_path: Path) -> None:
    db = tmp_path / "new" / "nested" / "powwatch.db"
    result = run_bot(tmp_path, db, "--once")
    # The only feed is unreachable (port 9): exit 1 says so; the database is made regardless.
    assert result.returncode == 1 and "every feed failed" in result.stderr, result.stderr
    assert db.exists()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_corrupt_database_file_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "powwatch.db"
    db.write_bytes(b"this is not a database" * 200)
    result = run_bot(tmp_path, db, "--once")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "DATABASE_PATH" in result.stderr and str(db) in result.stderr


def test_damaged_pages_fail_the_integrity_check(tmp_path: Path) -> None:
    db = tmp_path / "powwatch.db"
    store = Store(db)
    for i in range(300):
        add(store, report(i, f"report {i} {POSITIVE.title}"))
    store.close()
    raw = bytearray(db.read_bytes())
    for offset in range(4096 * 3, len(raw) - 4096, 4096 * 2):
        raw[offset + 100 : offset + 400] = b"\xff" * 300  # scribble over b-tree pages
    db.write_bytes(bytes(raw))
    result = run_bot(tmp_path, db, "--once")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "DATABASE_PATH" in result.stderr


def test_read_only_directory_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    if IS_ROOT:
        # root ignores permissions: use a read-only file system (sysfs in containers) instead.
        locked = Path("/sys")
        try:
            (locked / "powwatch-probe").touch()
        except OSError:
            pass
        else:
            pytest.skip("no read-only directory available to root")
    try:
        result = run_bot(tmp_path, locked / "powwatch.db", "--once")
    finally:
        (tmp_path / "locked").chmod(0o700)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "DATABASE_PATH" in result.stderr


def test_data_path_under_a_file_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data directory should be", encoding="utf-8")
    result = run_bot(tmp_path, blocker / "powwatch.db", "--once")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "DATABASE_PATH" in result.stderr


def test_full_disk_write_is_all_or_nothing(tmp_path: Path) -> None:
    """SQLite's max_page_count stands in for a full disk: the write fails, nothing is half-kept."""
    store = Store(tmp_path / "powwatch.db")
    try:
        add(store, report(0, "kept before the disk filled"))
        before = store.counts()
        pages = store.db.execute("pragma page_count").fetchone()[0]
        store.db.execute(f"pragma max_page_count = {pages}")
        big = report(1, "too big to fit " + "x" * 200_000)
        with pytest.raises((StoreError, sqlite3.Error)) as caught:
            add(store, big)
        assert "full" in str(caught.value).lower()
        assert store.counts() == before
        assert store.db.execute("pragma integrity_check").fetchone()[0] == "ok"
        leftovers = store.db.execute(
            "select count(*) from incidents where id not in (select incident_id from articles "
            "where incident_id is not null)"
        ).fetchone()[0]
        assert leftovers == 0
    finally:
        store.close()


async def test_a_storage_failure_while_polling_reaches_the_admins(
    bot_api: FakeBotAPI,
    feed_server: FeedServer,
    make_settings: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = feed_server.set("/news.xml", rss([POSITIVE]))
    settings = make_settings([{"name": "News", "url": url}], api=bot_api)

    def disk_failing(store: Store, *args: Any) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Store, "add_articles", disk_failing)
    async with running_bot(settings) as app:
        report_ = await tick(app.bot_data.runtime, force=True)
        assert report_ is not None and report_.outcomes[0].status == "crash"
    dms = [p["text"] for p in bot_api.sent() if str(p.get("chat_id")) == str(ADMIN_ID)]
    assert len(dms) == 1 and "DATABASE_PATH" in dms[0] and "disk I/O error" in dms[0]
