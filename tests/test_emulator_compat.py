"""The bot against a Bot API answering like the npm emulator telegram-test-api (FakeBotAPI with
`emulator = True`): it starts, alerts once, edits, answers commands and never loops or repeats."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import Any

import pytest
from telegram import Bot, Update
from telegram.request import HTTPXRequest

from bot.alerts.notify import TelegramSender, deliver_pending
from bot.app import run_once, tick
from bot.botapi import repair_result
from bot.runtime import Runtime
from storage.store import Store
from tests.conftest import ADMIN_ID, CHANNEL_ID, USER_ID
from tests.feeds import NEGATIVE_PLAN, POSITIVE, rss
from tests.servers import FakeBotAPI, FeedServer
from tests.telegram_helpers import command_update, running_bot
from tests.test_incident_flow import EN_FOUR, UK_FOUR, article


@pytest.fixture
def emulator(bot_api: FakeBotAPI) -> FakeBotAPI:
    bot_api.emulator = True
    return bot_api


def to_chat(api: FakeBotAPI, chat_id: int, method: str = "sendMessage") -> list[dict[str, Any]]:
    return [p for p in api.sent(method) if str(p.get("chat_id")) == str(chat_id)]


async def wait_until(found: Any, seconds: float = 15.0) -> Any:
    deadline = asyncio.get_running_loop().time() + seconds
    while not (result := found()):
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.05)
    return result


async def add_report(runtime: Runtime, n: int, title: str, text: str, outlet: str) -> None:
    lang = "uk" if outlet == "Strichka" else "en"
    await runtime.worker.run(
        Store.add_article,
        article(n, title, text, outlet=outlet, lang=lang),
        "https://a.test/rss",
        datetime.now(UTC),
        alert=True,
    )


async def test_starts_with_a_menu_warning_alerts_once_and_edits(
    emulator: FakeBotAPI, make_settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=emulator)
    with caplog.at_level(logging.WARNING):
        async with running_bot(settings) as app:  # getMe has no is_bot; setMyCommands is a 500
            assert app.bot.username == "TestNameBot"
            runtime: Runtime = app.bot_data.runtime
            await add_report(runtime, 1, *EN_FOUR, outlet="Ledger")
            await deliver_pending(runtime.worker, runtime.sender)
            await deliver_pending(runtime.worker, runtime.sender)
            posts = to_chat(emulator, CHANNEL_ID)
            assert len(posts) == 1  # the echoed, millisecond-dated answer is read, not re-posted
            await add_report(runtime, 2, *UK_FOUR, outlet="Strichka")
            await deliver_pending(runtime.worker, runtime.sender)
            await deliver_pending(runtime.worker, runtime.sender)
            edits = to_chat(emulator, CHANNEL_ID, "editMessageText")
            assert len(edits) == 1  # the null answer to an edit counts as done
            assert int(edits[0]["message_id"]) == emulator._message_id
            assert len(to_chat(emulator, CHANNEL_ID)) == 1
    menu = [r for r in caplog.records if "setMyCommands failed" in r.getMessage()]
    assert len(menu) == 1
    assert menu[0].levelno == logging.WARNING
    assert menu[0].exc_info is None  # one line, no traceback
    assert "is not supported" in menu[0].getMessage()  # the server's own reason, not "500"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    # Every answer was repaired before PTB read it: none fell through to the sender's last resort.
    assert not [r for r in caplog.records if "could not be read" in r.getMessage()]


async def test_an_unreadable_answer_to_a_post_is_never_posted_again(
    emulator: FakeBotAPI, make_settings: Any
) -> None:
    """Even through a plain PTB Bot (no repairs): Telegram accepted the post, so it was made."""
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=emulator)
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        requests = (HTTPXRequest(), HTTPXRequest())
        plain = Bot(  # not initialized: its getMe would fail, and posting does not need it
            emulator.token,
            base_url=emulator.base_url,
            request=requests[0],
            get_updates_request=requests[1],
        )
        runtime.sender = TelegramSender(plain, CHANNEL_ID)
        await add_report(runtime, 1, *EN_FOUR, outlet="Ledger")
        try:
            for _ in range(3):
                await deliver_pending(runtime.worker, runtime.sender)
        finally:
            for request in requests:
                await request.shutdown()
        assert len(to_chat(emulator, CHANNEL_ID)) == 1
        assert await runtime.worker.run(Store.outbox_depth) == 0


async def test_once_mode_reads_the_bot_from_the_emulator(
    emulator: FakeBotAPI, feed_server: FeedServer, make_settings: Any
) -> None:
    url = feed_server.set("/news.xml", rss([POSITIVE, NEGATIVE_PLAN]))
    settings = make_settings([{"name": "Example News", "url": url}], api=emulator)
    report = await run_once(settings)
    assert report.totals["alerted"] == 1
    assert len(to_chat(emulator, CHANNEL_ID)) == 1


async def test_polling_answers_commands_and_button_presses_without_a_busy_loop(
    emulator: FakeBotAPI, feed_server: FeedServer, make_settings: Any
) -> None:
    url = feed_server.set("/news.xml", rss([POSITIVE]))
    settings = make_settings([{"name": "Example News", "url": url}], api=emulator)
    async with running_bot(settings, polling=True) as app:
        await tick(app.bot_data.runtime, force=True)
        # An update PTB cannot read at all (a message without chat or date) goes first in the
        # same batch as /latest: it is skipped, and /latest is still answered.
        emulator.push_update({"message": {"message_id": 7, "text": "/help"}})
        emulator.push_update(command_update("/latest", user_id=USER_ID))
        latest = await wait_until(lambda: to_chat(emulator, USER_ID))
        assert "Robotyne" in latest[0]["text"]
        # A press as the emulator's client sends it: the message has neither id nor date.
        person = {"id": ADMIN_ID, "is_bot": False, "first_name": "Admin"}
        emulator.push_update(
            {
                "callback_query": {
                    "id": "1",
                    "from": person,
                    "message": {"from": person, "chat": {"id": ADMIN_ID, "type": "private"}},
                    "data": "r:1:c",
                }
            }
        )
        answers = await wait_until(lambda: emulator.sent("answerCallbackQuery"))
        assert "Recorded" in answers[0]["text"]
        # Idle: the emulator answers every long poll at once; the bot still polls calmly.
        before = emulator.polls
        await asyncio.sleep(2.0)  # a measured idle window, not a wait for a condition
        assert emulator.polls - before <= 4


async def test_stats_and_export_say_when_files_cannot_be_sent(
    emulator: FakeBotAPI, feed_server: FeedServer, make_settings: Any
) -> None:
    url = feed_server.set("/news.xml", rss([POSITIVE]))
    settings = make_settings([{"name": "Example News", "url": url}], api=emulator)
    async with running_bot(settings) as app:
        await tick(app.bot_data.runtime, force=True)
        for text in ("/stats", "/export"):
            await app.process_update(
                Update.de_json(command_update(text, user_id=USER_ID), app.bot)
            )
        texts = [p["text"] for p in to_chat(emulator, USER_ID)]
        assert "statistics" in texts[0]
        assert "the chart could not be sent" in texts[1]
        assert "the export files could not be sent" in texts[2]
        assert not to_chat(emulator, ADMIN_ID)  # not an error the admins are pinged about


def test_telegram_shaped_answers_pass_unchanged() -> None:
    message = {"message_id": 5, "date": 1700000000, "chat": {"id": -100, "type": "channel"}}
    me = {"id": 1, "is_bot": True, "first_name": "powwatch", "username": "powwatch_bot"}
    answers = (
        ("sendMessage", message),
        ("getMe", me),
        ("editMessageText", True),
        ("copyMessage", {"message_id": 9}),  # a MessageId, not a message
    )
    for method, result in answers:
        assert repair_result(method, result) == (result, None)
