"""Feed administration from the chat: a real bot, loopback servers and a real feeds.yaml."""

from __future__ import annotations

import asyncio
import logging
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from telegram import Update
from telegram.ext import Application

from bot.app import schedule_on_job_queue, tick
from bot.config import load_feeds
from bot.feeds.opml import export_opml, import_opml
from bot.lifecycle import Stopper
from bot.models import FeedSpec
from bot.runtime import Runtime
from handlers.admin import ADMIN_ONLY
from handlers.watch import run_watch
from storage.store import Store
from tests.conftest import ADMIN_ID, USER_ID
from tests.feeds import NEGATIVE_EXCHANGE, NEGATIVE_PLAN, POSITIVE, rss
from tests.servers import FakeBotAPI, FeedServer
from tests.telegram_helpers import command_update, running_bot, settle

HEADER = "# Watched feeds; keep this comment.\n"


async def send(app: Application, text: str, user_id: int = ADMIN_ID, **extra: Any) -> None:  # type: ignore[type-arg]
    update = command_update(text, user_id=user_id)
    update["message"].update(extra)
    await app.process_update(Update.de_json(update, app.bot))
    await settle()  # /addfeed and /importfeeds run beside the update queue


def replies(api: FakeBotAPI, chat_id: int = ADMIN_ID) -> list[str]:
    return [p["text"] for p in api.sent() if str(p.get("chat_id")) == str(chat_id)]


async def cycle(runtime: Runtime, *, force: bool = False) -> None:
    """One poll cycle now, waiting out the bot's own poll job if it is mid-cycle."""
    for _ in range(200):
        if await tick(runtime, force=force) is not None:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the poll cycle never became free")


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/feed.xml"


@pytest.fixture
def settings_with(
    feed_server: FeedServer, bot_api: FakeBotAPI, make_settings: Any, tmp_path: Path
) -> Any:
    def make(**env: str) -> Any:
        url = feed_server.set("/alpha.xml", rss([NEGATIVE_PLAN], title="Alpha"))
        settings = make_settings([{"name": "Alpha", "url": url}], api=bot_api, **env)
        path = tmp_path / "feeds.yaml"
        path.write_text(HEADER + path.read_text(encoding="utf-8"), encoding="utf-8")
        return settings

    return make


async def test_every_admin_command_refuses_everyone_else(
    settings_with: Any, bot_api: FakeBotAPI, tmp_path: Path
) -> None:
    settings = settings_with()
    before = settings.feeds_file.read_text(encoding="utf-8")
    strangers = [USER_ID + 1 + i for i in range(len(ADMIN_ONLY))]  # one refusal per user
    async with running_bot(settings) as app:
        for name, user in zip(ADMIN_ONLY, strangers, strict=True):
            await send(app, f"/{name} Alpha 5", user_id=user)
        texts = [t for user in strangers for t in replies(bot_api, user)]
        assert len(texts) == len(ADMIN_ONLY)
        assert all(t == "Sorry, that command is for the bot's admins only." for t in texts)
        assert not bot_api.sent("sendDocument")
        entries = await app.bot_data.runtime.worker.run(Store.audit_entries, 100)
        assert {e.detail for e in entries} == {f"/{n}" for n in ADMIN_ONLY}
        assert {e.action for e in entries} == {"refused"}
        assert {e.user_id for e in entries} == set(strangers)
    assert settings.feeds_file.read_text(encoding="utf-8") == before


async def test_addfeed_checks_the_url_before_watching_it(
    settings_with: Any, feed_server: FeedServer, bot_api: FakeBotAPI
) -> None:
    settings = settings_with()
    good = feed_server.set(
        "/beta.xml", rss([NEGATIVE_EXCHANGE, NEGATIVE_PLAN], title="Beta Daily")
    )
    page = feed_server.set("/page.html", "<html><body>Hi</body></html>", content_type="text/html")
    attempts = [
        ("/addfeed ftp://example.test/feed", "not an http(s) URL"),
        (f"/addfeed {feed_server.url('/alpha.xml')}?utm_source=x", "already watched as “Alpha”"),
        (f"/addfeed {page}", "not an RSS or Atom feed (the server sent text/html)"),
        (f"/addfeed {feed_server.url('/missing.xml')}", "cannot be fetched: HTTP 404"),
        (f"/addfeed {closed_port_url()}", "cannot be fetched: cannot connect"),
        (f"/addfeed {good} alpha", "a feed is already called “alpha”"),
        ("/addfeed", "Usage: /addfeed"),
    ]
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        for text, _ in attempts:
            await send(app, text)
        for reply, (_, expected) in zip(replies(bot_api), attempts, strict=True):
            assert expected in reply
        assert [f.name for f in runtime.feeds] == ["Alpha"]

        await send(app, f"/addfeed {good}")
        answer = replies(bot_api)[-1]
        assert "Now watching <b>Beta Daily</b>" in answer
        assert "items: 2" in answer and "newest: 20" in answer
        assert [f.name for f in runtime.feeds] == ["Alpha", "Beta Daily"]
        text = settings.feeds_file.read_text(encoding="utf-8")
        assert text.startswith(HEADER) and good in text
        assert [f.url for f in load_feeds(settings.feeds_file)][-1] == good

        await cycle(runtime, force=True)  # the next cycle polls the new feed
        assert feed_server.hits.get("/beta.xml", 0) >= 2  # the check, then the poll
        actions = [e.action for e in await runtime.worker.run(Store.audit_entries, 20)]
        assert actions[0] == "addfeed" and actions.count("addfeed refused") == 6


async def test_pause_resume_interval_remove_and_audit(
    settings_with: Any, feed_server: FeedServer, bot_api: FakeBotAPI
) -> None:
    settings = settings_with()
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await send(app, "/pausefeed alpha")
        assert runtime.feeds[0].enabled is False
        assert "enabled: false" in settings.feeds_file.read_text(encoding="utf-8")
        await send(app, "/pausefeed Alpha")
        await send(app, "/resumefeed Alpha")
        assert runtime.feeds[0].enabled is True
        await send(app, "/setinterval Alpha 15")
        await send(app, "/setinterval Alpha 0")
        assert runtime.feeds[0].interval == 900
        await send(app, "/feeds")
        await send(app, "/removefeed Nope")
        await send(app, "/removefeed Alpha")
        assert runtime.feeds == ()
        await send(app, "/audit")
        texts = replies(bot_api)
        assert "is paused" in texts[0] and "already paused" in texts[1]
        assert "polled again" in texts[2] and "every 15 min" in texts[3]
        assert texts[4].startswith("Usage: /setinterval")
        assert "<b>Alpha</b> — … not polled yet" in texts[5] and "every 15 min" in texts[5]
        assert "no feed named “Nope”" in texts[6]
        assert "Removed <b>Alpha</b>" in texts[7]
        audit = texts[8]
        for action in ("pausefeed", "resumefeed", "setinterval", "removefeed"):
            assert f"<b>{action}</b>" in audit
        assert audit.index("removefeed") < audit.index("pausefeed")  # newest first
        assert "default → 15 min" in audit
        assert settings.feeds_file.read_text(encoding="utf-8").startswith(HEADER)


async def test_feeds_lists_long_lists_in_pages(bot_api: FakeBotAPI, make_settings: Any) -> None:
    feeds: list[dict[str, Any]] = [
        {"name": f"Feed {i:02d}", "url": f"https://f{i}.test/rss"} for i in range(23)
    ]
    feeds[3]["enabled"] = False
    settings = make_settings(feeds, api=bot_api)
    async with running_bot(settings) as app:
        await send(app, "/feeds")
        await send(app, "/feeds 3")
        await send(app, "/feeds 4")
        await send(app, "/feeds failing")
        first, third, beyond, failing = replies(bot_api)
        assert "23 feeds" in first and "1 paused" in first and "page 1/3" in first
        assert "Feed 00" in first and "Feed 10" not in first and "More: /feeds 2" in first
        assert "Feed 03</b> — ⏸ paused" in first
        assert "Feed 22" in third and "More:" not in third
        assert "There are 3 pages" in beyond
        assert "No failing feeds." in failing


async def test_hand_edit_is_picked_up_without_restart(
    settings_with: Any, feed_server: FeedServer, bot_api: FakeBotAPI
) -> None:
    settings = settings_with()
    beta = feed_server.set("/beta.xml", rss([NEGATIVE_PLAN], title="Beta"))
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        assert app.job_queue is not None
        schedule_on_job_queue(app.job_queue, runtime, Stopper())  # what serve_telegram does
        assert {job.name for job in app.job_queue.jobs()} == {"poll", "watch"}
        state = runtime.watch  # what the "watch" job runs every tick
        await run_watch(runtime, app.bot, state, _now())
        assert replies(bot_api) == []  # the file is what the bot started with
        path = settings.feeds_file
        path.write_text(
            path.read_text(encoding="utf-8") + f"  - name: Beta\n    url: {beta}\n",
            encoding="utf-8",
        )
        await run_watch(runtime, app.bot, state, _now())
        assert [f.name for f in runtime.feeds] == ["Alpha", "Beta"]
        assert "reloaded: 2 feeds" in replies(bot_api)[0] and "added: Beta" in replies(bot_api)[0]
        await cycle(runtime)
        assert feed_server.hits.get("/beta.xml") == 1
        await run_watch(runtime, app.bot, state, _now())
        assert len(replies(bot_api)) == 1


async def test_invalid_hand_edit_keeps_the_last_good_list_and_says_why(
    settings_with: Any, feed_server: FeedServer, bot_api: FakeBotAPI
) -> None:
    settings = settings_with()
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        state = runtime.watch
        path = settings.feeds_file
        good = path.read_text(encoding="utf-8")
        path.write_text(good + "  - name: Broken\n    url: ftp://nope.test/\n", encoding="utf-8")
        await run_watch(runtime, app.bot, state, _now())
        await run_watch(runtime, app.bot, state, _now())
        [alarm] = replies(bot_api)
        assert "feeds.yaml</b> was edited but is invalid" in alarm
        assert "last good list (1 feed) keeps running" in alarm
        assert f"{path}: line 6: feeds[1].url: 'ftp://nope.test/' is not http(s)" in alarm
        assert [f.name for f in runtime.feeds] == ["Alpha"]
        await cycle(runtime, force=True)
        assert feed_server.hits.get("/alpha.xml", 0) >= 1  # still polling the good list

        await send(app, "/pausefeed Alpha")  # a chat edit cannot save a broken file either
        assert "would not be valid" in replies(bot_api)[-1]
        path.write_text(good, encoding="utf-8")
        await run_watch(runtime, app.bot, state, _now())
        assert "valid again" in replies(bot_api)[-1]


async def test_opml_export_and_import(
    settings_with: Any, feed_server: FeedServer, bot_api: FakeBotAPI
) -> None:
    settings = settings_with()
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await send(app, "/exportfeeds")
        [(filename, content)] = bot_api.uploads
        assert filename == "powwatch-feeds.opml"
        assert [o.url for o in import_opml(content)] == [runtime.feeds[0].url]

        incoming = export_opml(
            (*runtime.feeds, _spec("Gamma", "https://gamma.test/rss"), _spec("Bad", "ftp://x/")),
            _now(),
        )
        bot_api.add_file("opml-1", incoming)
        bot_api.add_file("opml-2", b'<!DOCTYPE x [<!ENTITY a "b">]><opml/>')
        await send(app, "/importfeeds", reply_to_message=_document_message("opml-1", incoming))
        await send(app, "/importfeeds", reply_to_message=_document_message("opml-2", b"x" * 40))
        await send(app, "/importfeeds")
        imported, hostile, usage = replies(bot_api)
        assert "added 1, already watched 1, not http(s) 1" in imported and "Gamma" in imported
        assert [f.name for f in runtime.feeds] == ["Alpha", "Gamma"]
        assert "DOCTYPE or entities" in hostile
        assert usage.startswith("Usage: send an OPML file")
        assert [f.name for f in load_feeds(settings.feeds_file)] == ["Alpha", "Gamma"]


def _now() -> datetime:
    return datetime.now(UTC)


def _spec(name: str, url: str) -> FeedSpec:
    return FeedSpec(name, url)


def _document_message(file_id: str, content: bytes) -> dict[str, Any]:
    return {
        "message_id": 7,
        "date": 1700000000,
        "chat": {"id": ADMIN_ID, "type": "private"},
        "from": {"id": ADMIN_ID, "is_bot": False, "first_name": "Admin"},
        "document": {
            "file_id": file_id,
            "file_unique_id": f"u-{file_id}",
            "file_name": "feeds.opml",
            "file_size": len(content),
        },
    }


async def test_feeds_counts_survive_a_rename(
    feed_server: FeedServer, bot_api: FakeBotAPI, make_settings: Any
) -> None:
    url = feed_server.set("/alpha.xml", rss([POSITIVE, NEGATIVE_PLAN, NEGATIVE_EXCHANGE]))
    settings = make_settings([{"name": "Alpha", "url": url}], api=bot_api)
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        await cycle(runtime, force=True)
        await send(app, "/feeds")
        assert "<b>Alpha</b>" in replies(bot_api)[-1]
        assert "stored 3 · flagged 1" in replies(bot_api)[-1]
        # the feed is renamed by hand, same URL: its history and counts stay with it
        path = settings.feeds_file
        path.write_text(
            path.read_text(encoding="utf-8").replace("name: Alpha", "name: Alpha Wire"),
            encoding="utf-8",
        )
        await run_watch(runtime, app.bot, runtime.watch, _now())
        assert [f.name for f in runtime.feeds] == ["Alpha Wire"]
        await send(app, "/feeds")
        assert "<b>Alpha Wire</b>" in replies(bot_api)[-1]
        assert "stored 3 · flagged 1" in replies(bot_api)[-1]


async def test_refusals_are_rate_limited_per_user(
    settings_with: Any, bot_api: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    """A stranger hammering admin commands writes one audit row and one WARNING per interval."""
    settings = settings_with()
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        with caplog.at_level(logging.WARNING, logger="handlers.admin"):
            for i in range(30):
                await send(app, f"/{ADMIN_ONLY[i % len(ADMIN_ONLY)]}", user_id=USER_ID)
        entries = await runtime.worker.run(Store.audit_entries, 100)
        assert len(entries) == 1
        assert len([r for r in caplog.records if "refused admin" in r.getMessage()]) == 1
        assert len(replies(bot_api, USER_ID)) == 1
        # Another stranger is refused on their own account.
        await send(app, "/health", user_id=USER_ID + 1)
        assert len(await runtime.worker.run(Store.audit_entries, 100)) == 2


async def test_an_edited_message_does_not_run_its_command_again(
    settings_with: Any, bot_api: FakeBotAPI
) -> None:
    settings = settings_with()
    async with running_bot(settings) as app:
        update = command_update("/pausefeed Alpha", user_id=ADMIN_ID)
        await app.process_update(Update.de_json(update, app.bot))
        assert "is paused" in replies(bot_api)[-1]
        # The admin edits the message into another command: nothing runs, nothing answers.
        edited = command_update("/resumefeed Alpha", user_id=ADMIN_ID)
        edited["edited_message"] = {**edited.pop("message"), "edit_date": 1700000100}
        count = len(replies(bot_api))
        await app.process_update(Update.de_json(edited, app.bot))
        assert len(replies(bot_api)) == count
        assert not [f for f in app.bot_data.runtime.feeds if f.enabled]


async def test_a_slow_addfeed_does_not_hold_up_other_commands(
    settings_with: Any, feed_server: FeedServer, bot_api: FakeBotAPI
) -> None:
    """PTB handles updates one after another: the feed probe runs beside that queue."""
    slow = feed_server.set("/slow.xml", rss([NEGATIVE_PLAN], title="Slow"), delay=4.0)
    settings = settings_with()
    async with running_bot(settings, polling=True):
        bot_api.push_update(command_update(f"/addfeed {slow}", user_id=ADMIN_ID))
        bot_api.push_update(command_update("/latest", user_id=USER_ID))
        latest = await wait_until(lambda: replies(bot_api, USER_ID))
        assert "No flagged reports" in latest[0]
        assert not replies(bot_api, ADMIN_ID)  # the probe is still waiting for the server
        added = await wait_until(lambda: replies(bot_api, ADMIN_ID))
        assert "Now watching" in added[0]


async def wait_until(found: Any, seconds: float = 20.0) -> Any:
    deadline = asyncio.get_running_loop().time() + seconds
    while not (result := found()):
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.05)
    return result
