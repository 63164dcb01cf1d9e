"""Alert delivery through the outbox with Telegram errors: nothing lost, nothing doubled."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.alerts.notify import deliver_pending
from bot.runtime import Runtime
from storage.store import Store
from tests.conftest import CHANNEL_ID
from tests.history import add, report
from tests.servers import FakeBotAPI
from tests.telegram_helpers import running_bot


def channel_texts(api: FakeBotAPI) -> list[str]:
    return [p["text"] for p in api.sent() if str(p.get("chat_id")) == str(CHANNEL_ID)]


async def queue(runtime: Runtime, *titles: str) -> None:
    for i, title in enumerate(titles):
        await runtime.worker.run(add, report(i, title))


async def test_429_then_success_posts_once_later(bot_api: FakeBotAPI, make_settings: Any) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    bot_api.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await queue(runtime, "Three POWs shot near Robotyne")
        report_ = await deliver_pending(runtime.worker, runtime.sender)
        assert report_.sent == 1
        assert len(channel_texts(bot_api)) == 2  # the refused attempt and the one that landed
        assert await runtime.worker.run(Store.outbox_depth) == 0
        await deliver_pending(runtime.worker, runtime.sender)
        assert len(channel_texts(bot_api)) == 2


async def test_forbidden_keeps_alerts_in_order_until_the_channel_is_back(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    bot_api.fail("sendMessage", 403, "Forbidden: bot is not a member of the channel chat")
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await queue(runtime, "first report", "second report", "third report")
        result = await deliver_pending(runtime.worker, runtime.sender)
        assert result.sent == 0
        assert result.is_fatal
        assert await runtime.worker.run(Store.outbox_depth) == 3
        # Nothing is retried before its time ...
        assert (await deliver_pending(runtime.worker, runtime.sender)).sent == 0
        # ... and when the channel is back, all go out, in order, once.
        later = datetime.now(UTC) + timedelta(hours=1)
        result = await deliver_pending(runtime.worker, runtime.sender, now=later)
        assert result.sent == 3
        posted = channel_texts(bot_api)[1:]
        assert [t.count("report") > 0 for t in posted] == [True] * 3
        order = [next(w for w in ("first", "second", "third") if w in t) for t in posted]
        assert order == ["first", "second", "third"]


async def test_unparseable_html_falls_back_to_plain_text(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    bot_api.fail("sendMessage", 400, "Bad Request: can't parse entities: unexpected end tag")
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await queue(runtime, "Report with <odd> & markup")
        assert (await deliver_pending(runtime.worker, runtime.sender)).sent == 1
        calls = bot_api.sent()
        assert calls[-1].get("parse_mode") in (None, "")
        assert "Report with <odd> & markup" in calls[-1]["text"]


async def test_server_errors_retry_later_without_losing_anything(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    bot_api.fail("sendMessage", 502, "Bad Gateway", times=2)
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await queue(runtime, "one", "two")
        now = datetime.now(UTC)
        for step in range(4):
            await deliver_pending(runtime.worker, runtime.sender, now=now + timedelta(hours=step))
        assert await runtime.worker.run(Store.outbox_depth) == 0
        assert len(channel_texts(bot_api)) == 4  # two refused, two delivered
        assert all("disable_notification" in p for p in bot_api.sent())


async def test_alerts_are_silent_in_quiet_hours(bot_api: FakeBotAPI, make_settings: Any) -> None:
    settings = make_settings(
        [{"name": "A", "url": "https://a.test/rss"}], api=bot_api, QUIET_HOURS="0-0"
    )
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await queue(runtime, "quiet one")
        await deliver_pending(runtime.worker, runtime.sender)
        assert str(bot_api.sent()[-1]["disable_notification"]).lower() == "true"
        preview = bot_api.sent()[-1]["link_preview_options"]
        assert preview.get("is_disabled") is True


async def test_a_later_report_edits_the_incident_message(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    from tests.test_incident_flow import EN_FOUR, UK_FOUR, article

    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        now = datetime.now(UTC)
        await runtime.worker.run(
            Store.add_article,
            article(1, *EN_FOUR, outlet="Ledger"),
            "https://a.test/rss",
            now,
            alert=True,
        )
        await deliver_pending(runtime.worker, runtime.sender)
        posted = bot_api.sent()[-1]
        await runtime.worker.run(
            Store.add_article,
            article(2, *UK_FOUR, outlet="Strichka", lang="uk"),
            "https://a.test/rss",
            now,
            alert=True,
        )
        await deliver_pending(runtime.worker, runtime.sender)
        edits = bot_api.sent("editMessageText")
        assert len(channel_texts(bot_api)) == 1  # one message per incident
        assert len(edits) == 1
        assert int(edits[0]["message_id"]) == int(bot_api._message_id)
        assert "Also reported by" in edits[0]["text"]
        assert "Strichka" in edits[0]["text"] and "Ledger" in posted["text"]


async def incident_posted(runtime: Runtime) -> int:
    """One incident whose "new" alert is delivered; returns its id."""
    from tests.test_incident_flow import EN_FOUR, article

    now = datetime.now(UTC)
    result = await runtime.worker.run(
        Store.add_article,
        article(1, *EN_FOUR, outlet="Ledger"),
        "https://a.test/rss",
        now,
        alert=True,
    )
    assert (await deliver_pending(runtime.worker, runtime.sender)).sent == 1
    assert result.incident_id is not None
    return result.incident_id


def queue_update(store: Store, incident_id: int) -> int:
    with store.db.conn:
        return store.outbox.queue_alert(incident_id, "update", datetime.now(UTC))


async def test_pending_updates_of_one_incident_become_one_edit(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        incident_id = await incident_posted(runtime)
        for _ in range(3):
            await runtime.worker.run(queue_update, incident_id)
        await deliver_pending(runtime.worker, runtime.sender)
        assert len(bot_api.sent("editMessageText")) == 1
        assert await runtime.worker.run(Store.outbox_depth) == 0


async def test_a_deleted_channel_message_is_replaced_and_remembered(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        incident_id = await incident_posted(runtime)
        first = int(bot_api._message_id)
        bot_api.fail("editMessageText", 400, "Bad Request: message to edit not found")
        await runtime.worker.run(queue_update, incident_id)
        await deliver_pending(runtime.worker, runtime.sender)
        replacement = int(bot_api._message_id)
        assert replacement != first and len(channel_texts(bot_api)) == 2
        record = await runtime.worker.run(Store.incident, incident_id)
        assert record is not None and record.message_id == replacement
        # The next update edits the new message instead of posting yet another one.
        await runtime.worker.run(queue_update, incident_id)
        await deliver_pending(runtime.worker, runtime.sender)
        assert len(channel_texts(bot_api)) == 2
        assert int(bot_api.sent("editMessageText")[-1]["message_id"]) == replacement


async def test_an_alert_telegram_keeps_refusing_is_given_up_and_the_rest_go_out(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    from bot.alerts.notify import MAX_ATTEMPTS
    from bot.app import deliver
    from tests.conftest import ADMIN_ID

    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    bot_api.fail("sendMessage", 400, "Bad Request: message is too long", times=MAX_ATTEMPTS)
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await queue(runtime, "first report", "second report")
        now = datetime.now(UTC)
        for step in range(MAX_ATTEMPTS + 2):
            await deliver(runtime, now=now + timedelta(minutes=5 * step))
        posted = channel_texts(bot_api)[MAX_ATTEMPTS:]
        assert len(posted) == 1 and "second report" in posted[0]
        assert await runtime.worker.run(Store.outbox_depth) == 0
        dms = [p["text"] for p in bot_api.sent() if str(p.get("chat_id")) == str(ADMIN_ID)]
        assert len(dms) == 1 and "message is too long" in dms[0].lower() and "given up" in dms[0]


async def test_a_post_whose_sent_mark_fails_is_not_posted_again(
    bot_api: FakeBotAPI,
    make_settings: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Disk full after Telegram accepted the post: later ticks retry the mark, not the post."""
    from bot.app import tick
    from tests.conftest import ADMIN_ID

    settings = make_settings(
        [{"name": "A", "url": "https://a.test/rss", "enabled": False}], api=bot_api
    )
    real_mark = Store.mark_sent

    def disk_full(store: Store, *args: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await queue(runtime, "Three POWs shot near Robotyne")
        monkeypatch.setattr(Store, "mark_sent", disk_full)
        for _ in range(4):
            await tick(runtime)
        assert len(channel_texts(bot_api)) == 1
        dms = [p["text"] for p in bot_api.sent() if str(p.get("chat_id")) == str(ADMIN_ID)]
        assert len(dms) == 1 and "disk is full" in dms[0]
        monkeypatch.setattr(Store, "mark_sent", real_mark)
        await tick(runtime)
        assert len(channel_texts(bot_api)) == 1
        assert await runtime.worker.run(Store.outbox_depth) == 0
        assert not runtime.posted


async def test_a_first_poll_alerts_only_reports_inside_the_alert_window(
    bot_api: FakeBotAPI, feed_server: Any, make_settings: Any
) -> None:
    """A new feed's back catalogue is stored and searchable, but does not flood the channel."""
    from dataclasses import replace as with_changes

    from bot.app import tick
    from tests.feeds import POSITIVE, rss

    old = with_changes(POSITIVE, age_hours=24 * 10)
    url = feed_server.set("/news.xml", rss([old]))
    settings = make_settings([{"name": "News", "url": url}], api=bot_api)
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        cycle = await tick(runtime, force=True)
        assert cycle is not None and cycle.outcomes[0].flagged == 1
        assert cycle.outcomes[0].alerted == 0
        assert await runtime.worker.run(Store.outbox_depth) == 0
        assert not channel_texts(bot_api)
