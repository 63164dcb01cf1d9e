"""The review loop: buttons under each alert, admins' verdicts stored and shown."""

from __future__ import annotations

import itertools
from typing import Any

from telegram import Update

from bot.alerts.notify import deliver_pending
from bot.runtime import Runtime
from storage.store import Store
from tests.conftest import ADMIN_ID, CHANNEL_ID, USER_ID
from tests.history import add, report
from tests.servers import FakeBotAPI
from tests.telegram_helpers import command_update, running_bot

_ids = itertools.count(70_000)


def press(data: str, user_id: int) -> dict[str, Any]:
    return {
        "update_id": next(_ids),
        "callback_query": {
            "id": str(next(_ids)),
            "chat_instance": "c",
            "data": data,
            "from": {"id": user_id, "is_bot": False, "first_name": "R", "username": "reviewer"},
            "message": {
                "message_id": 101,
                "date": 1700000000,
                "chat": {"id": CHANNEL_ID, "type": "channel"},
                "text": "alert",
            },
        },
    }


async def test_admins_review_alerts_and_the_verdicts_show(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    settings = make_settings(
        [{"name": "A", "url": "https://a.test/rss"}],
        api=bot_api,
        TELEGRAM_ALLOWED_CHAT_IDS=str(USER_ID),
    )
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await runtime.worker.run(add, report(1, "Captured soldiers shot near Robotyne"))
        await deliver_pending(runtime.worker, runtime.sender)
        alert = bot_api.sent()[-1]
        buttons = alert["reply_markup"]["inline_keyboard"][0]
        assert [b["callback_data"] for b in buttons] == ["r:1:c", "r:1:n"]

        await app.process_update(Update.de_json(press("r:1:n", USER_ID), app.bot))
        await app.process_update(Update.de_json(press("r:1:c", ADMIN_ID), app.bot))
        answers = bot_api.sent("answerCallbackQuery")
        assert "Only the bot's admins" in answers[0]["text"]
        assert answers[1]["text"] == "Recorded: incident 1 confirmed."

        await app.process_update(
            Update.de_json(command_update("/incident 1", user_id=USER_ID), app.bot)
        )
        incident_text = "\n".join(p["text"] for p in bot_api.sent()[-3:])
        assert "confirmed by 1 · ❌ not relevant by 0" in incident_text
        await app.process_update(
            Update.de_json(command_update("/stats", user_id=USER_ID), app.bot)
        )
        assert "detector precision 100%" in bot_api.sent()[-1]["text"]


async def test_a_changed_verdict_replaces_the_old_one(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await runtime.worker.run(add, report(1, "Captured soldiers shot near Robotyne"))
        for data in ("r:1:c", "r:1:n", "r:999:c", "r:1:x"):
            await app.process_update(Update.de_json(press(data, ADMIN_ID), app.bot))
        answers = [a.get("text", "") for a in bot_api.sent("answerCallbackQuery")]
        assert answers[:3] == [
            "Recorded: incident 1 confirmed.",
            "Recorded: incident 1 not relevant.",
            "Incident 999 is not in the database.",
        ]
        tally = await runtime.worker.run(Store.review_tally, 1)
        assert (tally.confirmed, tally.not_relevant) == (0, 1)
