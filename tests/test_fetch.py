"""Fetching from a loopback server: conditional GET, errors as values, size cap, timeout."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.feeds.fetch import fetch_feed, make_session, parse_retry_after
from tests.feeds import POSITIVE, rss
from tests.servers import LOOPBACK, FeedServer


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    s = make_session(timeout=2.0, concurrency=4, allowed=LOOPBACK)
    yield s
    await s.close()


async def test_conditional_get_returns_304(
    feed_server: FeedServer, session: aiohttp.ClientSession
) -> None:
    url = feed_server.set("/a.xml", rss([POSITIVE]))
    first = await fetch_feed(session, url)
    assert first.status == 200 and first.body and first.etag
    second = await fetch_feed(session, url, etag=first.etag)
    assert second.is_not_modified and second.body is None and second.error is None


@pytest.mark.parametrize(
    ("status", "expected"), [(404, "HTTP 404"), (410, "HTTP 410"), (500, "HTTP 500")]
)
async def test_http_errors_are_values(
    feed_server: FeedServer, session: aiohttp.ClientSession, status: int, expected: str
) -> None:
    url = feed_server.set("/e.xml", "nope", status=status)
    result = await fetch_feed(session, url)
    assert result.error is not None and result.error.startswith(expected)


async def test_retry_after_is_read(
    feed_server: FeedServer, session: aiohttp.ClientSession
) -> None:
    url = feed_server.set("/busy.xml", "busy", status=503, headers={"Retry-After": "120"})
    result = await fetch_feed(session, url)
    assert result.retry_after == 120.0


async def test_oversize_body_is_refused(
    feed_server: FeedServer, session: aiohttp.ClientSession
) -> None:
    url = feed_server.set("/big.xml", b"x" * 300_000)
    result = await fetch_feed(session, url, max_bytes=100_000)
    assert result.body is None and result.error is not None and "too large" in result.error


async def test_slow_server_times_out(feed_server: FeedServer) -> None:
    url = feed_server.set("/slow.xml", rss([POSITIVE]), delay=3.0)
    async with make_session(timeout=0.5, concurrency=2, allowed=LOOPBACK) as s:
        result = await fetch_feed(s, url)
    assert result.error == "timed out waiting for the response (deadline 0.5 s)"


async def test_refused_connection_is_a_value(session: aiohttp.ClientSession) -> None:
    result = await fetch_feed(session, "http://127.0.0.1:9/feed.xml")
    assert result.error is not None and result.error.startswith("cannot connect")


def test_retry_after_forms() -> None:
    assert parse_retry_after("30") == 30.0
    assert parse_retry_after("not a date") is None
    assert parse_retry_after(None) is None
