"""Visibility: one log line per feed poll and per alert; the optional Prometheus endpoint."""

from __future__ import annotations

import io
import logging
import socket
from typing import Any

import aiohttp
import pytest

from bot.alerts.notify import TerminalSender
from bot.app import close_runtime, open_runtime, tick
from tests.feeds import NEGATIVE_PLAN, POSITIVE, rss
from tests.servers import FeedServer


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_one_log_line_per_poll_and_per_alert(
    feed_server: FeedServer, make_settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    good = feed_server.set("/good.xml", rss([POSITIVE, NEGATIVE_PLAN]))
    bad = feed_server.set("/bad.xml", "gone", status=410)
    settings = make_settings([{"name": "Good", "url": good}, {"name": "Bad", "url": bad}])
    caplog.set_level(logging.INFO)
    runtime = await open_runtime(settings, TerminalSender(io.StringIO()))
    try:
        await tick(runtime, force=True)
    finally:
        await close_runtime(runtime)
    polls = [r.getMessage() for r in caplog.records if r.getMessage().startswith("poll feed=")]
    assert len(polls) == 2
    assert any("feed=Good status=200" in p and "new=2 flagged=1" in p for p in polls)
    assert any("feed=Bad status=410" in p and "error=HTTP 410" in p for p in polls)
    alerts = [r.getMessage() for r in caplog.records if r.getMessage().startswith("alert=")]
    # Terminal mode has no message id: the line says "printed", not "sent message_id=None".
    assert len(alerts) == 1 and alerts[0].endswith("kind=new printed"), alerts


async def test_metrics_endpoint_on_loopback(feed_server: FeedServer, make_settings: Any) -> None:
    port = free_port()
    good = feed_server.set("/good.xml", rss([POSITIVE, NEGATIVE_PLAN]))
    bad = feed_server.set("/bad.xml", "busy", status=503)
    good_name, bad_name = f"Good{port}", f"Bad{port}"  # counters live as long as the process
    settings = make_settings(
        [{"name": good_name, "url": good}, {"name": bad_name, "url": bad}], METRICS_PORT=str(port)
    )
    assert settings.metrics_host == "127.0.0.1"
    runtime = await open_runtime(settings, TerminalSender(io.StringIO()))
    try:
        await tick(runtime, force=True)
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"http://127.0.0.1:{port}/metrics") as resp,
        ):
            text = await resp.text()
    finally:
        await close_runtime(runtime)
    assert resp.status == 200
    lines = set(text.splitlines())
    assert f'powwatch_feed_polls_total{{feed="{good_name}"}} 1.0' in lines
    assert f'powwatch_feed_polls_total{{feed="{bad_name}"}} 1.0' in lines
    assert f'powwatch_feed_errors_total{{feed="{bad_name}"}} 1.0' in lines
    assert f'powwatch_items_total{{feed="{good_name}"}} 2.0' in lines
    assert f'powwatch_flagged_total{{feed="{good_name}"}} 1.0' in lines
    assert "powwatch_alerts_pending 0.0" in lines
    assert any(line.startswith("powwatch_alerts_sent_total ") for line in lines)
    assert any(line.startswith("powwatch_cycle_seconds_count ") for line in lines)
    # Closed with the runtime: nothing keeps listening.
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0


def test_metrics_settings_are_validated(make_settings: Any) -> None:
    from bot.config import ConfigError

    with pytest.raises(ConfigError, match="METRICS_PORT"):
        make_settings([{"name": "A", "url": "https://a.test/rss"}], METRICS_PORT="http")
    off = make_settings([{"name": "A", "url": "https://a.test/rss"}])
    assert off.metrics_port is None
