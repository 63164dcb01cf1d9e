"""/export: incidents as CSV and JSON files an analyst can load, with filters."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from telegram import Update

from bot.runtime import Runtime
from tests.conftest import USER_ID
from tests.history import add, report
from tests.servers import FakeBotAPI
from tests.telegram_helpers import command_update, running_bot


async def test_export_sends_csv_and_json_with_filters(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await runtime.worker.run(add, report(1, "Nine POWs shot near Pokrovsk", victims=9))
        await runtime.worker.run(
            add, report(2, '=HYPERLINK("x") two shot near Robotyne', place="Robotyne", victims=2)
        )

        async def send(text: str) -> None:
            update = command_update(text, user_id=USER_ID)
            await app.process_update(Update.de_json(update, app.bot))

        await send("/export")
        names = [name for name, _ in bot_api.uploads]
        assert names[0].endswith(".csv") and names[1].endswith(".json")
        rows = list(csv.DictReader(io.StringIO(bot_api.uploads[0][1].decode("utf-8-sig"))))
        assert [r["places"] for r in rows] == ["Pokrovsk", "Robotyne"]
        assert rows[0]["oblast"] == "Donetsk Oblast"
        assert rows[0]["victims"] == "9" and rows[0]["victims_min"] == "9"
        assert rows[1]["summary"].startswith("'=HYPERLINK")  # no formula injection
        data = json.loads(bot_api.uploads[1][1])
        assert data[1]["places"] == "Robotyne" and data[1]["victims"] == 2

        await send("/export place:Pokrovsk min:5")
        rows = list(csv.DictReader(io.StringIO(bot_api.uploads[2][1].decode("utf-8-sig"))))
        assert [r["incident_id"] for r in rows] == ["1"]

        await send("/export place:Atlantis")
        assert "not a place I know" in bot_api.sent()[-1]["text"]
        await send("/export since:2000-01-01 until:2000-01-02")
        assert bot_api.sent()[-1]["text"] == "No incidents match."
        assert len(bot_api.uploads) == 4


async def test_stats_sends_a_chart_and_narrows_by_place(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    settings = make_settings([{"name": "A", "url": "https://a.test/rss"}], api=bot_api)
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        for n in range(6):
            place = "Pokrovsk" if n % 2 else "Kursk Oblast"
            await runtime.worker.run(
                add, report(n, f"Report {n} about shot POWs", place=place, victims=n + 1)
            )

        async def send(text: str) -> None:
            await app.process_update(
                Update.de_json(command_update(text, user_id=USER_ID), app.bot)
            )

        await send("/stats")
        assert "last 7 d: 6 incidents" in bot_api.sent()[-1]["text"]
        photo = bot_api.sent("sendPhoto")[-1]
        assert photo["caption"].startswith("6 incidents, 21 reported victims")
        assert bot_api.uploads[-1][1][:8] == b"\x89PNG\r\n\x1a\n"

        await send("/stats place:Kursk_Oblast")
        assert bot_api.sent("sendPhoto")[-1]["caption"].startswith("3 incidents, 9 reported")
        await send("/stats lang:xx")
        assert bot_api.sent()[-1]["text"].startswith("Usage: /stats")
