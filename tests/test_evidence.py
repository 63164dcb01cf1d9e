"""The evidence trail: how each flagged report was fetched, kept and shown; bodies archived."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

from telegram import Update

from bot.app import tick
from bot.feeds.archive import read_archived
from tests.conftest import USER_ID
from tests.feeds import NEGATIVE_PLAN, POSITIVE, rss
from tests.servers import FakeBotAPI, FeedServer
from tests.telegram_helpers import command_update, running_bot


async def test_flagged_reports_keep_their_trail_and_archived_body(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotAPI, make_settings: Any
) -> None:
    document = rss([POSITIVE, NEGATIVE_PLAN])
    url = feed_server.set("/news.xml", document)
    settings = make_settings([{"name": "News", "url": url, "archive": True}], api=bot_api)
    async with running_bot(settings) as app:
        await tick(app.bot_data.runtime, force=True)
        await app.process_update(
            Update.de_json(command_update("/incident 1", user_id=USER_ID), app.bot)
        )
    digest = hashlib.sha256(document.encode()).hexdigest()
    shown = "\n".join(p["text"] for p in bot_api.sent() if str(p["chat_id"]) == str(USER_ID))
    assert "HTTP 200" in shown
    assert f"sha256 {digest[:16]}" in shown
    assert "body archived" in shown

    db = sqlite3.connect(settings.database_path)
    rows = db.execute(
        "select final_url, status, headers, body_sha256, raw_entry, archive_path "
        "from article_trail"
    ).fetchall()
    db.close()
    assert len(rows) == 1  # the flagged report only
    final_url, status, headers, sha, raw, path = rows[0]
    assert final_url == url and status == 200 and sha == digest
    assert "etag" in {k.lower() for k in json.loads(headers)}
    assert json.loads(raw)["link"] == POSITIVE.link
    assert read_archived(Path(path)) == document.encode()
    assert Path(path).is_relative_to(settings.database_path.parent / "archive")


async def test_no_archive_unless_the_feed_asks(
    feed_server: FeedServer, bot_api: FakeBotAPI, make_settings: Any
) -> None:
    url = feed_server.set("/news.xml", rss([POSITIVE]))
    settings = make_settings([{"name": "News", "url": url}], api=bot_api)
    async with running_bot(settings) as app:
        await tick(app.bot_data.runtime, force=True)
    assert not (settings.database_path.parent / "archive").exists()
    db = sqlite3.connect(settings.database_path)
    assert db.execute("select archive_path from article_trail").fetchall() == [(None,)]
    db.close()
