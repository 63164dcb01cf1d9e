"""Hostile chat input: never an exception, always a sensible reply (the real Application)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from telegram import Update

from bot.app import tick
from tests.conftest import ADMIN_ID, USER_ID
from tests.feeds import NEGATIVE_PLAN, POSITIVE, rss
from tests.servers import FakeBotAPI, FeedServer
from tests.telegram_helpers import command_update, running_bot
from tests.test_admin_commands import _document_message as document_message
from tests.test_admin_commands import send as admin_send
from tests.test_commands import populate

_ids = itertools.count(90_000)

SORRY = "something went wrong"

SEARCHES = [
    '/search "unbalanced',
    "/search Robotyne*",
    "/search *",
    "/search NEAR(",
    "/search NEAR(Robotyne shot, 3)",
    "/search -Robotyne",
    "/search Robotyne -",
    "/search ((((Robotyne",
    "/search Robotyne))))",
    "/search AND OR NOT",
    "/search title:Robotyne",
    "/search ^Robotyne",
    "/search {Robotyne}",
    '/search "" "" ""',
    "/search ;drop table articles;--",
    "/search %_%",
    "/search " + "Robotyne " * 600,  # about 4,000 characters
    "/search " + "я" * 4000,
    "/search 🔥🔥 \u202e\u200b\u0000 ZWJ\u200d test",
    "/search ﷽" * 3,
    "/search Роботине",
    "/search \U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
    "/latest -1",
    "/latest 0",
    "/latest 99999999999999999999999",
    "/latest ١٢",  # Arabic-Indic digits: str.isdigit() is True for them
    "/latest 5 5",
    "/help " + "x" * 4000,
    "/start \u0000",
    "/nonsense_" + "a" * 200,
]


# str.isdigit() accepts "²" and other digits int() refuses: handlers must check isascii() too.
SUPERSCRIPT = [
    pytest.param(USER_ID, "/latest ²"),
    pytest.param(USER_ID, "/incident ²"),
    pytest.param(ADMIN_ID, "/feeds ²"),
    pytest.param(ADMIN_ID, "/audit ²"),
    pytest.param(ADMIN_ID, "/split ²"),
    pytest.param(ADMIN_ID, "/setinterval News ²"),
    pytest.param(USER_ID, "/incident 99999999999999999999"),
    pytest.param(USER_ID, "/search min:²"),
    pytest.param(USER_ID, "/search Robotyne min:١٢"),
    pytest.param(USER_ID, "/export min:²"),
    pytest.param(USER_ID, "/stats min:²"),
    pytest.param(ADMIN_ID, "/audit 0099999"),
    pytest.param(ADMIN_ID, "/audit ００５"),  # fullwidth digits
    pytest.param(ADMIN_ID, "/feeds 0001"),
    pytest.param(USER_ID, "/latest 05"),
]


def replies(api: FakeBotAPI, chat_id: int) -> list[str]:
    return [str(p["text"]) for p in api.sent() if str(p.get("chat_id")) == str(chat_id)]


@pytest.fixture
async def app_with_history(
    feed_server: FeedServer, bot_api: FakeBotAPI, make_settings: Any
) -> Any:
    url = feed_server.set("/news.xml", rss([POSITIVE, NEGATIVE_PLAN]))
    settings = make_settings([{"name": "News", "url": url}], api=bot_api)
    async with running_bot(settings) as app:
        await tick(app.bot_data.runtime, force=True)
        yield app


@pytest.mark.parametrize("text", SEARCHES, ids=range(len(SEARCHES)))
async def test_hostile_commands_get_a_sensible_reply(
    app_with_history: Any, bot_api: FakeBotAPI, text: str
) -> None:
    app = app_with_history
    await app.process_update(Update.de_json(command_update(text, user_id=USER_ID), app.bot))
    answers = replies(bot_api, USER_ID)
    assert answers, f"no reply to {text[:40]!r}"
    assert all(SORRY not in a for a in answers), answers
    assert all(0 < len(a) <= 4096 for a in answers)
    assert not replies(bot_api, ADMIN_ID), "an error reached the admins"


@pytest.mark.parametrize(("user", "text"), SUPERSCRIPT)
async def test_odd_digits_get_a_usage_line(
    app_with_history: Any, bot_api: FakeBotAPI, user: int, text: str
) -> None:
    app = app_with_history
    await app.process_update(Update.de_json(command_update(text, user_id=user), app.bot))
    answers = replies(bot_api, user)
    assert answers and all(SORRY not in a for a in answers), answers
    assert "Usage" in answers[-1] or "must be a number" in answers[-1], answers
    assert not replies(bot_api, ADMIN_ID if user != ADMIN_ID else 0), "an error reached admins"


async def test_found_reports_survive_fts_syntax(
    app_with_history: Any, bot_api: FakeBotAPI
) -> None:
    app = app_with_history
    for text in ('/search "Robotyne', "/search Robotyne*)", "/search NEAR(Robotyne"):
        await app.process_update(Update.de_json(command_update(text, user_id=USER_ID), app.bot))
    answers = replies(bot_api, USER_ID)
    assert len(answers) >= 3 and all("Robotyne" in a for a in answers), answers


async def test_unknown_chats_are_refused_politely(bot_api: FakeBotAPI, make_settings: Any) -> None:
    settings = make_settings(
        [{"name": "A", "url": "https://a.test/rss"}], api=bot_api, TELEGRAM_ALLOWED_CHAT_IDS="-42"
    )
    async with running_bot(settings) as app:
        for text in (
            "/latest",
            "/search x",
            "/feeds",
            "/health",
            "hello",
            "/search " + "y" * 4000,
        ):
            update = command_update(text, user_id=USER_ID, chat_id=-999, chat_type="group")
            await app.process_update(Update.de_json(update, app.bot))
        answers = replies(bot_api, -999)
        assert answers and all("monitoring team" in a for a in answers), answers
        assert len(answers) == 5  # plain text gets no answer, commands one each


async def test_admin_commands_from_strangers_reveal_nothing(
    app_with_history: Any, bot_api: FakeBotAPI
) -> None:
    app = app_with_history
    for text in ("/feeds", "/health"):
        await app.process_update(Update.de_json(command_update(text, user_id=USER_ID), app.bot))
    answers = replies(bot_api, USER_ID)
    assert answers and all("news.xml" not in a and SORRY not in a for a in answers), answers


def _press(data: str, user_id: int, chat_id: int) -> dict[str, Any]:
    """A callback as a modified client can send it: any data, under any message it can see."""
    return {
        "update_id": next(_ids),
        "callback_query": {
            "id": str(next(_ids)),
            "chat_instance": "forged",
            "data": data,
            "from": {"id": user_id, "is_bot": False, "first_name": "M"},
            "message": {
                "message_id": 7,
                "date": 1700000000,
                "chat": {"id": chat_id, "type": "private"},
                "text": "x",
            },
        },
    }


async def test_forged_more_buttons_never_show_another_chats_search(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    async with running_bot(settings) as app:
        await populate(app.bot_data.runtime, 12)
        words = "soldiers shot since:2001-02-03"  # the date marks this query
        await app.process_update(
            Update.de_json(command_update(f"/search {words}", user_id=USER_ID), app.bot)
        )
        button = bot_api.sent()[-1]["reply_markup"]["inline_keyboard"][0][0]
        key = button["callback_data"].split(":")[1]
        stranger = USER_ID + 1
        forged = [f"s:{key}:5", f"s:{key}:0", f"s:{key}:{'9' * 55}", f"s:{'9' * 60}:5", "s:0:5"]
        for data in forged:
            await app.process_update(Update.de_json(_press(data, stranger, stranger), app.bot))
        answers = replies(bot_api, stranger)
        assert len(answers) == len(forged)
        assert all(a == "That search has expired; send /search again." for a in answers)
        # The asker's own button still works, in the chat it was asked in.
        await app.process_update(
            Update.de_json(_press(button["callback_data"], USER_ID, USER_ID), app.bot)
        )
        assert "since:2001-02-03" in replies(bot_api, USER_ID)[-1]


# URLs urlsplit() raises on (an unclosed IPv6 bracket), or that are far too long.
BROKEN_URLS = [
    "http://[::1/feed",
    "https://]/rss",
    "http://[v1.x/",
    "https://a.test:99999/rss",  # yarl raises on the port, later, outside the feed's guard
    "https://a.test/" + "x" * 10000,
]


async def test_broken_urls_in_addfeed_and_opml_get_a_refusal_not_an_error(
    feed_server: FeedServer, bot_api: FakeBotAPI, make_settings: Any
) -> None:
    good = feed_server.set("/good.xml", rss([NEGATIVE_PLAN], title="Good"))
    settings = make_settings([], api=bot_api)
    async with running_bot(settings) as app:
        for url in BROKEN_URLS:
            await admin_send(app, f"/addfeed {url}")
        outlines = "".join(f'<outline text="o" xmlUrl="{u}"/>' for u in [*BROKEN_URLS, good])
        opml = f'<opml version="2.0"><body>{outlines}</body></opml>'.encode()
        bot_api.add_file("opml-broken", opml)
        await admin_send(
            app, "/importfeeds", reply_to_message=document_message("opml-broken", opml)
        )
        answers = replies(bot_api, ADMIN_ID)
        assert len(answers) == len(BROKEN_URLS) + 1, answers
        assert all(SORRY not in a for a in answers), answers
        assert all(a.startswith("Not added: ") for a in answers[:-1]), answers
        assert "added 1, already watched 0, not http(s) 5" in answers[-1], answers[-1]
        assert [f.url for f in app.bot_data.runtime.feeds] == [good]


BIDI = "\u202e\u2066\u200f"


async def test_feed_names_carry_no_bidi_controls(
    feed_server: FeedServer, bot_api: FakeBotAPI, make_settings: Any
) -> None:
    """A name from a feed's title, the chat or an OPML title cannot reorder /feeds lines or
    channel alerts."""
    titled = feed_server.set("/titled.xml", rss([NEGATIVE_PLAN], title=f"Daily{BIDI} News"))
    named = feed_server.set("/named.xml", rss([NEGATIVE_PLAN], title="Plain"))
    listed = feed_server.set("/listed.xml", rss([NEGATIVE_PLAN], title="Plain"))
    settings = make_settings([], api=bot_api)
    async with running_bot(settings) as app:
        await admin_send(app, f"/addfeed {titled}")
        await admin_send(app, f"/addfeed {named} Chat{BIDI} Name")
        opml = f'<opml version="2.0"><body><outline text="Op{BIDI}ml" xmlUrl="{listed}"/>'
        opml += "</body></opml>"
        bot_api.add_file("opml-bidi", opml.encode())
        await admin_send(
            app,
            "/importfeeds",
            reply_to_message=document_message("opml-bidi", opml.encode()),
        )
        names = [f.name for f in app.bot_data.runtime.feeds]
    assert names == ["Daily News", "Chat Name", "Opml"], names
