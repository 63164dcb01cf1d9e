"""The whole path: a loopback feed -> detection -> SQLite -> a channel message -> commands."""

from __future__ import annotations

from typing import Any

from telegram import Update

from bot.app import tick
from bot.runtime import Runtime
from tests.conftest import CHANNEL_ID, USER_ID
from tests.feeds import NEGATIVE_EXCHANGE, NEGATIVE_PLAN, POSITIVE, rss
from tests.servers import FakeBotAPI, FeedServer
from tests.telegram_helpers import command_update, running_bot, wait_for


def channel_posts(api: FakeBotAPI) -> list[dict[str, Any]]:
    return [p for p in api.sent() if str(p.get("chat_id")) == str(CHANNEL_ID)]


def replies_to(api: FakeBotAPI, chat_id: int) -> list[str]:
    return [p["text"] for p in api.sent() if str(p.get("chat_id")) == str(chat_id)]


async def test_one_positive_gives_one_alert_and_commands_find_it(
    feed_server: FeedServer, bot_api: FakeBotAPI, make_settings: Any
) -> None:
    url = feed_server.set("/news.xml", rss([POSITIVE, NEGATIVE_EXCHANGE, NEGATIVE_PLAN]))
    settings = make_settings([{"name": "Example News", "url": url, "language": "en"}], api=bot_api)

    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        report = await tick(runtime, force=True)
        assert report is not None
        assert report.totals["new"] == 3
        posts = channel_posts(bot_api)
        assert len(posts) == 1
        assert "example-news.test/2024/prosecutors-three-pows-robotyne" in posts[0]["text"]
        assert posts[0]["parse_mode"] == "HTML"

        await tick(runtime, force=True)  # same feed again: 304, nothing new
        assert len(channel_posts(bot_api)) == 1
        assert feed_server.conditional_hits.get("/news.xml") == 1

        await app.process_update(
            Update.de_json(command_update("/latest", user_id=USER_ID), app.bot)
        )
        await app.process_update(
            Update.de_json(command_update("/search Robotyne", user_id=USER_ID), app.bot)
        )
        replies = replies_to(bot_api, USER_ID)
        assert len(replies) == 2
        assert all("Robotyne" in text for text in replies)
        assert "Ukraine and Russia swap" not in replies[0]

    # A restart on the same database: nothing is alerted twice even when the feed changes ETag.
    feed_server.set("/news.xml", rss([POSITIVE, NEGATIVE_EXCHANGE, NEGATIVE_PLAN], title="v2"))
    async with running_bot(settings) as app:
        await tick(app.bot_data.runtime, force=True)
        assert len(channel_posts(bot_api)) == 1


async def test_commands_through_real_polling(
    feed_server: FeedServer, bot_api: FakeBotAPI, make_settings: Any
) -> None:
    url = feed_server.set("/news.xml", rss([POSITIVE]))
    settings = make_settings([{"name": "Example News", "url": url}], api=bot_api)
    async with running_bot(settings, polling=True) as app:
        await tick(app.bot_data.runtime, force=True)
        bot_api.push_update(
            command_update("/latest@powwatch_bot", user_id=USER_ID, chat_id=-42, chat_type="group")
        )
        await wait_for(bot_api, "sendMessage", 2)
        group = replies_to(bot_api, -42)
        assert group and "Robotyne" in group[0]
        assert any(name == "setMyCommands" for name, _ in bot_api.calls)


async def test_odd_input_gets_usage_not_an_exception(
    feed_server: FeedServer, bot_api: FakeBotAPI, make_settings: Any
) -> None:
    url = feed_server.set("/news.xml", rss([NEGATIVE_PLAN]))
    settings = make_settings([{"name": "Example News", "url": url}], api=bot_api)
    async with running_bot(settings) as app:
        for text in ("/search", "/latest abc", "/latest 9999", "/nonsense", '/search (("*'):
            await app.process_update(
                Update.de_json(command_update(text, user_id=USER_ID), app.bot)
            )
        replies = replies_to(bot_api, USER_ID)
        assert len(replies) == 5
        assert replies[0].startswith("Usage: /search")
        assert replies[1].startswith("Usage: /latest")
        assert replies[2].startswith("Usage: /latest")
        assert "/help" in replies[3]
        assert replies[4].startswith("Usage: /search")  # only FTS syntax, no words to search


async def test_cycle_through_a_process_pool(
    feed_server: FeedServer, bot_api: FakeBotAPI, make_settings: Any
) -> None:
    """WORKER_PROCESSES > 0: parsing and detection run in child processes, same result."""
    url = feed_server.set("/news.xml", rss([POSITIVE, NEGATIVE_EXCHANGE, NEGATIVE_PLAN]))
    settings = make_settings(
        [{"name": "Example News", "url": url}], api=bot_api, WORKER_PROCESSES="2"
    )
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        assert runtime.cpu is not None
        report = await tick(runtime, force=True)
        assert report is not None
        assert report.totals["new"] == 3
        assert report.totals["flagged"] == 1
        assert len(channel_posts(bot_api)) == 1


def test_a_poll_analyses_only_items_it_has_not_seen() -> None:
    """The worker job skips items whose GUID marks the previous poll recorded."""
    from datetime import UTC, datetime

    from bot.analyse import guid_mark, parse_and_analyse

    now = datetime.now(UTC)
    body = rss([POSITIVE, NEGATIVE_EXCHANGE, NEGATIVE_PLAN], now=now).encode()
    first = parse_and_analyse(body, "F", now=now, content_type=None, base_url=None, language="en")
    assert first.fetched == 3 and len(first.articles) == 3
    again = parse_and_analyse(
        body,
        "F",
        now=now,
        content_type=None,
        base_url=None,
        language="en",
        known=frozenset(first.marks[:2]),
    )
    assert [a.entry.guid for a in again.articles] == [NEGATIVE_PLAN.link]
    assert first.marks[0] == guid_mark(POSITIVE.link)
