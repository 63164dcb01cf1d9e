"""Feeds that share a slow host: each feed's deadline starts when its own request starts."""

from __future__ import annotations

import asyncio
import io
import time
from typing import Any

from bot.alerts.notify import TerminalSender
from bot.app import close_runtime, open_runtime, tick
from storage.store import Store
from tests.feeds import Item, rss
from tests.servers import FeedServer


def _feed(n: int) -> str:
    return rss(
        [Item(title=f"Council news {n}", text="Roads repaired.", link=f"https://a.test/{n}")]
    )


async def test_a_host_hanging_two_feeds_still_serves_its_other_fourteen(
    feed_server: FeedServer, make_settings: Any
) -> None:
    # Two feeds of the host hang past the deadline and take the host's two places first; the
    # fourteen behind them wait for a place, and their deadline must not run while they wait.
    never = asyncio.Event()  # set only at the end, so the server can stop
    hanging = [feed_server.set(f"/hang{i}.xml", _feed(i), hold=never) for i in range(2)]
    served = [feed_server.set(f"/ok{i}.xml", _feed(i)) for i in range(14)]
    other = FeedServer()  # another host (port): never held up by the slow one
    await other.start()
    try:
        elsewhere = other.set("/feed.xml", _feed(99))
        urls = [*hanging, *served, elsewhere]
        feeds = [{"name": f"F{i}", "url": url} for i, url in enumerate(urls)]
        settings = make_settings(feeds, FETCH_TIMEOUT_SECONDS="1", FETCH_CONCURRENCY="3")
        runtime = await open_runtime(settings, TerminalSender(io.StringIO()))
        try:
            report = await tick(runtime, force=True)
            states = await runtime.worker.run(Store.feed_states)
        finally:
            await close_runtime(runtime)
    finally:
        never.set()
        await other.stop()
    assert report is not None
    errors = {url: states[url].last_error for url in urls}
    assert [errors[u] for u in hanging] == [
        "timed out waiting for the response (deadline 1 s)"
    ] * 2
    assert [errors[u] for u in [*served, elsewhere]] == [None] * 15
    assert all(feed_server.hits[f"/ok{i}.xml"] == 1 for i in range(14))
    assert other.hits == {"/feed.xml": 1}


async def test_a_slow_host_delays_only_its_own_feeds(
    feed_server: FeedServer, make_settings: Any
) -> None:
    # The slow host answers its two hanging feeds only once the other host's feed has been
    # requested. If waiting for the slow host held places in the cycle, that request would
    # wait for the 30 s deadline instead, and the hanging feeds would time out.
    release = asyncio.Event()
    hanging = [feed_server.set(f"/hang{i}.xml", _feed(i), hold=release) for i in range(2)]
    queued = [feed_server.set(f"/ok{i}.xml", _feed(i)) for i in range(6)]
    other = FeedServer()
    await other.start()
    try:
        elsewhere = other.set("/feed.xml", _feed(99))
        urls = [*hanging, *queued, elsewhere]
        feeds = [{"name": f"F{i}", "url": url} for i, url in enumerate(urls)]
        settings = make_settings(feeds, FETCH_TIMEOUT_SECONDS="30", FETCH_CONCURRENCY="3")
        runtime = await open_runtime(settings, TerminalSender(io.StringIO()))
        try:
            cycle = asyncio.create_task(tick(runtime, force=True))
            deadline = time.monotonic() + 20
            while not other.hits:
                assert time.monotonic() < deadline, "the other host waited for the slow one"
                await asyncio.sleep(0.01)
            assert not any(feed_server.hits.get(f"/ok{i}.xml") for i in range(6))
            release.set()
            report = await cycle
            states = await runtime.worker.run(Store.feed_states)
        finally:
            release.set()  # on failure too: a held handler would hold up the server's stop
            await close_runtime(runtime)
    finally:
        await other.stop()
    assert report is not None
    assert [states[url].last_error for url in urls] == [None] * len(urls)
