"""Terminal mode's output: updates under their own banner, plain notices, a quiet idle log."""

from __future__ import annotations

import io
import logging
from typing import Any

import pytest

from bot.alerts.notify import TerminalSender
from bot.app import close_runtime, open_runtime, tick
from bot.cli.health import heartbeat_path
from handlers.watch import tell_admins
from tests.feeds import POSITIVE, Item, rss
from tests.servers import FeedServer

LATER = Item(
    title="Prosecutors open case: three captured Ukrainian soldiers shot near Robotyne",
    text=POSITIVE.text,
    link="https://other-news.test/robotyne-three-captives-shot",
)


async def test_a_later_report_is_printed_as_an_update_of_its_incident(
    feed_server: FeedServer, make_settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    first = feed_server.set("/a.xml", rss([POSITIVE]))
    second = feed_server.set("/b.xml", rss([]))
    settings = make_settings([{"name": "A", "url": first}, {"name": "B", "url": second}])
    out = io.StringIO()
    caplog.set_level(logging.INFO)
    runtime = await open_runtime(settings, TerminalSender(out))
    try:
        await tick(runtime, force=True)
        assert out.getvalue().count("===== ALERT =====") == 1
        feed_server.set("/b.xml", rss([LATER]))
        await tick(runtime, force=True)
    finally:
        await close_runtime(runtime)
    printed = out.getvalue()
    assert printed.count("===== ALERT =====") == 1, printed
    assert "===== UPDATE of #incident1 =====" in printed
    assert not [r for r in caplog.records if "message_id=None" in r.getMessage()]


async def test_idle_ticks_are_debug_and_failed_polls_are_warnings(
    feed_server: FeedServer, make_settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    bad = feed_server.set("/gone.xml", "gone", status=410)
    settings = make_settings([{"name": "Gone", "url": bad}])
    caplog.set_level(logging.DEBUG)
    runtime = await open_runtime(settings, TerminalSender(io.StringIO()))
    try:
        await tick(runtime, force=True)
        await tick(runtime)  # nothing is due now
    finally:
        await close_runtime(runtime)
    levels = {
        r.getMessage().split(" ", 2)[1]: r.levelno
        for r in caplog.records
        if r.getMessage().startswith(("poll feed=", "cycle feeds="))
    }
    assert levels["feed=Gone"] == logging.WARNING
    idle = [r for r in caplog.records if r.getMessage().startswith("cycle feeds=0 ")]
    assert idle and all(r.levelno == logging.DEBUG for r in idle)
    assert heartbeat_path(settings.database_path).exists()  # python -m bot health reads it


async def test_admin_notices_in_the_terminal_are_plain_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    notice = (
        "⚠️ Feed <b>Kyiv &amp; Co</b> has been failing for 2 h.\nLast error: HTTP 410\n"
        "It is retried with backoff; /feeds shows every feed."
    )
    await tell_admins(None, frozenset({1}), notice)
    logged = caplog.records[-1].getMessage()
    assert "Feed Kyiv & Co has been failing" in logged
    assert "<b>" not in logged and "&amp;" not in logged and "/feeds" not in logged
