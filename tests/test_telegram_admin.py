"""Channels in the feed list: /addfeed @name, /feeds and /health kinds, OPML, feeds.yaml edits,
and a channel's alert in terminal mode (`python -m bot --once`, a real process)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from bot.config import load_feeds
from bot.feeds.feedfile import NewFeed, add_feeds, apply_edit, remove_feed, set_enabled
from bot.feeds.opml import export_opml, import_opml
from bot.models import FeedSpec
from bot.runtime import Runtime
from tests.channels import ChannelServer, Post, posts_range
from tests.conftest import write_feeds
from tests.feeds import NEGATIVE_PLAN, rss
from tests.processes import run_bot
from tests.servers import FakeBotAPI, FeedServer
from tests.telegram_helpers import running_bot
from tests.test_admin_commands import cycle, replies, send
from tests.test_telegram_channel import EXECUTION_POST


@pytest.fixture
async def channels() -> AsyncIterator[ChannelServer]:
    server = ChannelServer()
    await server.start()
    yield server
    await server.stop()


async def test_addfeed_at_name_feeds_health_and_opml(
    make_settings: Any, channels: ChannelServer, feed_server: FeedServer, bot_api: FakeBotAPI
) -> None:
    channels.add("hq_test_ua", "Coordination HQ (test)", posts_range(1, 3))
    channels.add("gone_test_ua", "Gone", posts_range(1, 2))
    url = feed_server.set("/alpha.xml", rss([NEGATIVE_PLAN], title="Alpha"))
    settings = make_settings(
        [{"name": "Alpha", "url": url}],
        api=bot_api,
        TELEGRAM_PREVIEW_BASE_URL=channels.base_url,
    )
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await send(app, "/addfeed @missing_test_ua")
        await send(app, "/addfeed @hq_test_ua")
        await send(app, "/addfeed https://t.me/gone_test_ua Gone channel")
        await send(app, "/addfeed https://t.me/s/HQ_test_ua")
        missing, added, named, twice = replies(bot_api)
        assert "cannot be read: @missing_test_ua has no public preview" in missing
        assert "Now watching <b>Coordination HQ (test)</b>" in added and "items: 3" in added
        assert "Now watching <b>Gone channel</b>" in named
        assert "already watched as “Coordination HQ (test)”" in twice
        text = settings.feeds_file.read_text(encoding="utf-8")
        assert "telegram: hq_test_ua" in text and "telegram: gone_test_ua" in text
        assert [(f.kind, f.url) for f in runtime.feeds][1:] == [
            ("telegram", "https://t.me/s/hq_test_ua"),
            ("telegram", "https://t.me/s/gone_test_ua"),
        ]

        channels.channels["gone_test_ua"].gone = True
        await cycle(runtime, force=True)
        await send(app, "/feeds")
        await send(app, "/health")
        feeds_text, health = replies(bot_api)[-2:]
        assert "rss · stored 1" in feeds_text
        assert "telegram @hq_test_ua · stored 3" in feeds_text
        assert "sources polled: 1 rss · 2 telegram" in health
        assert "failing feeds: 1 (Gone channel (telegram))" in health

        await send(app, "/exportfeeds")
        [(_, opml)] = bot_api.uploads
        outlines = import_opml(opml)
        assert [o.url for o in outlines] == [f.url for f in runtime.feeds]
        assert b'type="telegram"' in opml and b'htmlUrl="https://t.me/hq_test_ua"' in opml


def test_opml_writes_channels_as_t_me_urls_and_reads_any_t_me_form() -> None:
    feeds = (
        FeedSpec("PGO", "https://t.me/s/pgo_gov_ua", language="uk", kind="telegram"),
        FeedSpec("News", "https://news.test/rss"),
    )
    document = export_opml(feeds, datetime(2025, 1, 1, tzinfo=UTC))
    assert (
        b'<outline type="telegram" text="PGO" title="PGO" xmlUrl="https://t.me/s/pgo_gov_ua"'
        in (document)
    )
    assert [(o.title, o.url) for o in import_opml(document)] == [
        ("PGO", "https://t.me/s/pgo_gov_ua"),
        ("News", "https://news.test/rss"),
    ]
    foreign = (
        b'<opml version="2.0"><body><outline text="HQ" xmlUrl="https://t.me/Koordshtab/12"/>'
        b'<outline text="Invite" xmlUrl="https://t.me/joinchat/abcdef"/></body></opml>'
    )
    assert [o.url for o in import_opml(foreign)] == [
        "https://t.me/s/koordshtab",
        "https://t.me/joinchat/abcdef",  # not a channel: the importer sees an ordinary URL
    ]


def test_feed_file_edits_write_and_find_channels(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "feeds:\n  # official channels\n  - telegram: pgo_gov_ua   # no name: @pgo_gov_ua\n",
        encoding="utf-8",
    )
    feeds, _ = apply_edit(
        path, partial(add_feeds, new=[NewFeed("HQ", "https://t.me/s/koordshtab", "uk")])
    )
    assert [(f.name, f.url) for f in feeds] == [
        ("@pgo_gov_ua", "https://t.me/s/pgo_gov_ua"),
        ("HQ", "https://t.me/s/koordshtab"),
    ]
    text = path.read_text(encoding="utf-8")
    assert "  - name: HQ\n    telegram: koordshtab\n    language: uk\n" in text
    _, (name, changed) = apply_edit(path, partial(set_enabled, name="@PGO_gov_ua", enabled=False))
    assert (name, changed) == ("@pgo_gov_ua", True)
    feeds, spec = apply_edit(path, partial(remove_feed, name="@pgo_gov_ua"))
    assert (spec.name, spec.url, spec.kind) == (
        "@pgo_gov_ua",
        "https://t.me/s/pgo_gov_ua",
        "telegram",
    )
    assert [f.name for f in feeds] == ["HQ"] and "# official channels" in path.read_text()
    assert [f.kind for f in load_feeds(path)] == ["telegram"]


async def test_once_in_terminal_mode_prints_the_alert_of_a_channel_post(
    tmp_path: Path, channels: ChannelServer
) -> None:
    channels.add(
        "pgo_test_ua", "PGO (test)", [*posts_range(1, 2), Post(3, EXECUTION_POST, age_hours=1)]
    )
    feeds = write_feeds(
        tmp_path / "feeds.yaml", [{"name": "PGO", "telegram": "pgo_test_ua", "language": "uk"}]
    )
    env = {
        "FEEDS_FILE": str(feeds),
        "DATABASE_PATH": str(tmp_path / "data" / "powwatch.db"),
        "WORKER_PROCESSES": "0",
        "TELEGRAM_PREVIEW_BASE_URL": channels.base_url,
        "ALLOWED_PRIVATE_NETWORKS": "127.0.0.0/8",  # the loopback server, past the SSRF guard
    }
    # In a thread: the channel server answers on this test's event loop meanwhile.
    result = await asyncio.to_thread(run_bot, ["--once"], env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.count("===== ALERT =====") == 1
    assert "https://t.me/pgo_test_ua/3" in result.stdout
    assert "Степногірськ" in result.stdout
    assert "Traceback" not in result.stderr


def test_shipped_list_says_what_supports_every_address() -> None:
    from tests.processes import ROOT

    text = (ROOT / "feeds.yaml").read_text(encoding="utf-8")
    blocks = text.split("\nfeeds:\n", 1)[1].split("\n  - ")[1:]
    feeds = load_feeds(ROOT / "feeds.yaml")
    assert len(blocks) == len(feeds)
    for block, feed in zip(blocks, feeds, strict=True):
        assert "\n    # " in block, f"{feed.name}: no comment saying what supports it"
    assert not [f.url for f in feeds if "gp.gov.ua" in f.url or "ombudsman.gov.ua" in f.url]
    channels = {f.url for f in feeds if f.kind == "telegram"}
    assert "https://t.me/s/pgo_gov_ua" in channels and "https://t.me/s/koord_shtab" in channels
