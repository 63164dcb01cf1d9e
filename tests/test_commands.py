"""Every public command, on an empty and a populated database, through the real Application."""

from __future__ import annotations

import itertools
import re
from typing import Any

from telegram import Update
from telegram.ext import Application

from bot.runtime import Runtime
from tests.conftest import USER_ID
from tests.history import add, report
from tests.servers import FakeBotAPI
from tests.telegram_helpers import command_update, running_bot

_ids = itertools.count(50_000)


async def send(app: Application, api: FakeBotAPI, text: str, **kw: Any) -> list[str]:  # type: ignore[type-arg]
    before = len(api.sent())
    await app.process_update(Update.de_json(command_update(text, user_id=USER_ID, **kw), app.bot))
    return [p["text"] for p in api.sent()[before:]]


async def populate(runtime: Runtime, count: int) -> None:
    places = ["Pokrovsk", "Robotyne", "Kursk Oblast"]
    for i in range(count):
        await runtime.worker.run(
            add,
            report(
                i,
                f"Report {i}: captured soldiers shot near {places[i % 3]}",
                place=places[i % 3],
                victims=i + 1,
                age_hours=i,
                feed=f"Outlet {i % 2}",
            ),
        )
    await runtime.worker.run(add, report(999, "Pokrovsk front line update", flagged=False))


async def test_empty_database_answers(bot_api: FakeBotAPI, make_settings: Any) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    async with running_bot(settings) as app:
        assert "No flagged reports stored yet" in (await send(app, bot_api, "/latest"))[0]
        assert "No stored reports match" in (await send(app, bot_api, "/search Pokrovsk"))[0]
        assert "No incident 5" in (await send(app, bot_api, "/incident 5"))[0]
        stats = (await send(app, bot_api, "/stats"))[0]
        assert "last 24 h: 0 incidents, 0 flagged reports" in stats
        help_text = (await send(app, bot_api, "/help"))[0]
        for command in ("/latest", "/search", "/incident", "/stats"):
            assert command in help_text
        assert "/feeds" not in help_text  # admin commands only shown to admins


async def test_populated_database_answers(bot_api: FakeBotAPI, make_settings: Any) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    async with running_bot(settings) as app:
        await populate(app.bot_data.runtime, 7)
        latest = (await send(app, bot_api, "/latest 3"))[0]
        assert latest.count("🚨") == 3
        assert latest.index("Report 0") < latest.index("Report 1")  # newest first
        assert "front line update" not in latest  # only flagged reports
        incident = "\n".join(await send(app, bot_api, "/incident 2"))
        assert "Incident 2" in incident and "Sources (1)" in incident
        assert "killed: 2" in incident
        stats = (await send(app, bot_api, "/stats"))[0]
        assert "last 7 d: 7 incidents, 7 flagged reports" in stats
        assert "Pokrovsk (3)" in stats


async def test_search_pages_with_a_more_button(bot_api: FakeBotAPI, make_settings: Any) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    async with running_bot(settings) as app:
        await populate(app.bot_data.runtime, 12)  # 4 flagged Pokrovsk + 1 unflagged, ...
        await send(app, bot_api, "/search soldiers shot")
        first = bot_api.sent()[-1]
        assert first["text"].count("🚨") == 5
        button = first["reply_markup"]["inline_keyboard"][0][0]
        seen = set(re.findall(r"Report (\d+):", first["text"]))
        pages = 1
        while button is not None:
            update = {
                "update_id": next(_ids),
                "callback_query": {
                    "id": str(next(_ids)),
                    "chat_instance": "x",
                    "data": button["callback_data"],
                    "from": {"id": USER_ID, "is_bot": False, "first_name": "T"},
                    "message": {
                        "message_id": 1,
                        "date": 1700000000,
                        "chat": {"id": USER_ID, "type": "private"},
                        "text": "x",
                    },
                },
            }
            await app.process_update(Update.de_json(update, app.bot))
            page = bot_api.sent()[-1]
            pages += 1
            seen |= set(re.findall(r"Report (\d+):", page["text"]))
            markup = page.get("reply_markup")
            button = markup["inline_keyboard"][0][0] if markup else None
        assert pages == 3
        assert len(seen) == 12
        assert any(name == "answerCallbackQuery" for name, _ in bot_api.calls)


async def test_allowed_chats_refuse_others(bot_api: FakeBotAPI, make_settings: Any) -> None:
    settings = make_settings(
        [{"name": "A", "url": "https://a.test/rss"}],
        api=bot_api,
        TELEGRAM_ALLOWED_CHAT_IDS="-777",
    )
    async with running_bot(settings) as app:
        refused = await send(app, bot_api, "/latest")
        assert refused == ["This bot answers only in its monitoring team's chats."]
        allowed = await send(app, bot_api, "/latest", chat_id=-777, chat_type="group")
        assert "No flagged reports" in allowed[0]


async def test_hostile_arguments_get_sensible_replies(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    async with running_bot(settings) as app:
        await populate(app.bot_data.runtime, 3)
        for text in (
            '/search "unbalanced',
            "/search NEAR(a b",
            "/search -x *",
            "/search " + "я" * 4000,
            "/incident 99999999999999999999",
            "/incident abc",
            "/latest -1",
            "/search \u202e\u0000\ufeff",
        ):
            replies = await send(app, bot_api, text)
            assert len(replies) == 1, text
            assert "went wrong" not in replies[0], text


async def test_search_understands_languages_and_filters(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    from datetime import UTC, datetime

    from bot.models import Article, Entry, Verdict

    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    now = datetime.now(UTC)

    def stored(n: int, title: str, text: str, lang: str) -> Article:
        entry = Entry(
            feed_name="Outlet",
            guid=f"x{n}",
            link=f"https://n.test/x{n}",
            title=title,
            text=text,
            published=now,
            language=lang,
        )
        return Article(
            entry=entry, canonical_url=entry.link, verdict=Verdict(False, 0.0), fetched_at=now
        )

    async with running_bot(settings) as app:
        worker = app.bot_data.runtime.worker
        from storage.store import Store

        for n, title, text, lang in [
            (1, "Бої під Покровськом тривають", "Ситуація біля Покровська складна.", "uk"),
            (2, "Бои под Покровском", "Обстановка в Покровске.", "ru"),
            (3, "Pokrovsk front update", "Heavy fighting near Pokrovsk.", "en"),
            (4, "Kharkiv weather", "Snow is expected.", "en"),
            (5, "Звільнені полонені повернулися", "Полоненого звільнили під час обміну.", "uk"),
        ]:
            await worker.run(
                Store.add_article, stored(n, title, text, lang), "u", now, alert=False
            )
        text = (await send(app, bot_api, "/search Pokrovsk"))[0]
        assert "Покровськом" in text and "Покровском" in text and "Pokrovsk front" in text
        assert "Kharkiv" not in text
        only_uk = (await send(app, bot_api, "/search Pokrovsk lang:uk"))[0]
        assert "Покровськом" in only_uk and "Pokrovsk front" not in only_uk
        inflected = (await send(app, bot_api, "/search полонених"))[0]
        assert "Звільнені полонені" in inflected
        bad = (await send(app, bot_api, "/search Pokrovsk lang:de"))[0]
        assert "lang: 'de' must be en, uk or ru" in bad
