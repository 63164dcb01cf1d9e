"""Hostile and broken feeds: each leaves the bot running, its error recorded, the others served.

Everything is real: a loopback HTTP server, the real fetch/parse code, a real SQLite file.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import io
import socket
import time
import tracemalloc
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.alerts.notify import TerminalSender
from bot.app import close_runtime, open_runtime, tick
from bot.feeds.fetch import fetch_feed, make_session
from bot.feeds.parse import parse_feed
from bot.models import FeedSpec
from storage.store import Store
from tests.feeds import NEGATIVE_PLAN, POSITIVE, Item, rss
from tests.servers import LOOPBACK, FeedServer

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
MB = 1_000_000


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    s = make_session(timeout=2.0, concurrency=8, allowed=LOOPBACK)
    yield s
    await s.close()


@pytest.fixture
def stalled_port() -> Iterator[int]:
    """A port whose accept queue is full: connections hang in the handshake."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    port = server.getsockname()[1]
    fillers = []
    for _ in range(4):
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(("127.0.0.1", port))
        fillers.append(filler)
    yield port
    for sock in [*fillers, server]:
        sock.close()


# --- fetch: timeouts, sizes, encodings, redirects, statuses ----------------------------------


async def test_connect_timeout_is_a_value(stalled_port: int) -> None:
    async with make_session(timeout=1.0, concurrency=2, allowed=LOOPBACK) as s:
        started = time.monotonic()
        result = await fetch_feed(s, f"http://127.0.0.1:{stalled_port}/feed.xml")
    assert result.error is not None and result.error.startswith("timed out connecting")
    assert time.monotonic() - started < 3


async def test_trickling_server_is_cut_off_by_the_total_deadline(feed_server: FeedServer) -> None:
    # One byte every 50 ms never trips a read timeout; only the total deadline ends it.
    url = feed_server.set("/trickle.xml", rss([POSITIVE]), trickle=0.05)
    async with make_session(timeout=1.0, concurrency=2, allowed=LOOPBACK) as s:
        started = time.monotonic()
        result = await fetch_feed(s, url)
    assert result.error == "timed out reading the body (deadline 1 s)" and result.body is None
    assert time.monotonic() - started < 2.5


async def test_endless_body_is_stopped_while_streaming(
    feed_server: FeedServer, session: aiohttp.ClientSession
) -> None:
    url = feed_server.set("/endless.xml", b"<item>" + b"x" * 65536, endless=True)
    result = await fetch_feed(session, url, max_bytes=200_000)
    assert result.error is not None and "too large" in result.error
    # Once the server has seen the hang-up its count is final: wait for that, not for a time.
    deadline = time.monotonic() + 30
    while not feed_server.streams_ended.get("/endless.xml"):
        assert time.monotonic() < deadline, "the server never noticed the client hang up"
        await asyncio.sleep(0.01)
    # The server could push a little more into socket buffers, never megabytes.
    assert feed_server.bytes_sent["/endless.xml"] < 200_000 + 8 * MB


async def test_gzip_bomb_stops_at_the_cap_with_bounded_memory(
    feed_server: FeedServer, session: aiohttp.ClientSession
) -> None:
    bomb = gzip.compress(b"\0" * (200 * MB), compresslevel=9)  # ~200 KB on the wire
    url = feed_server.set(
        "/bomb.xml", bomb, headers={"Content-Encoding": "gzip"}, conditional=False
    )
    tracemalloc.start()
    try:
        result = await fetch_feed(session, url, max_bytes=1 * MB)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.error is not None and "too large" in result.error
    assert peak < 20 * MB


@pytest.mark.parametrize(
    ("kwargs", "note"),
    [
        ({"encode": "gzip"}, "gzip"),
        ({"encode": "deflate"}, "deflate"),
        ({"headers": {"Content-Encoding": "gzip"}}, "says gzip, body is plain"),
        ({"headers": {"Content-Encoding": "deflate"}}, "says deflate, body is plain"),
    ],
)
async def test_content_encodings_right_and_wrong_are_read(
    feed_server: FeedServer, session: aiohttp.ClientSession, kwargs: dict[str, Any], note: str
) -> None:
    url = feed_server.set("/enc.xml", rss([POSITIVE], now=NOW), **kwargs)
    result = await fetch_feed(session, url)
    assert result.error is None, note
    assert result.body is not None
    parsed = parse_feed(result.body, "F", now=NOW, content_type=result.content_type)
    assert [e.link for e in parsed.entries] == [POSITIVE.link], note


async def test_gzip_body_without_header_is_read(
    feed_server: FeedServer, session: aiohttp.ClientSession
) -> None:
    url = feed_server.set("/gz.xml", gzip.compress(rss([POSITIVE], now=NOW).encode()))
    result = await fetch_feed(session, url)
    assert result.body is not None and result.body.startswith(b"<?xml")


async def test_unknown_content_encoding_is_a_value(
    feed_server: FeedServer, session: aiohttp.ClientSession
) -> None:
    url = feed_server.set("/br.xml", b"\x8b\x05\x80abc", headers={"Content-Encoding": "br"})
    result = await fetch_feed(session, url)
    assert result.error is not None and "Content-Encoding" in result.error


async def test_corrupt_gzip_is_a_value(
    feed_server: FeedServer, session: aiohttp.ClientSession
) -> None:
    broken = gzip.compress(rss([POSITIVE]).encode())[:20] + b"garbage" * 50
    url = feed_server.set("/bad.gz", broken, headers={"Content-Encoding": "gzip"})
    result = await fetch_feed(session, url)
    assert result.error is not None and result.body is None


async def test_redirect_loop_and_long_chain_are_values(
    feed_server: FeedServer, session: aiohttp.ClientSession
) -> None:
    feed_server.set("/a", "", redirect="/b")
    feed_server.set("/b", "", redirect="/a")
    loop = await fetch_feed(session, feed_server.url("/a"))
    assert loop.error is not None and "too many redirects" in loop.error
    for i in range(8):
        feed_server.set(f"/hop{i}", "", redirect=f"/hop{i + 1}")
    feed_server.set("/hop8", rss([POSITIVE]))
    chain = await fetch_feed(session, feed_server.url("/hop0"))
    assert chain.error is not None and "too many redirects" in chain.error
    short = await fetch_feed(session, feed_server.url("/hop5"))
    assert short.error is None and short.final_url == feed_server.url("/hop8")


async def test_redirect_to_another_scheme_is_a_value(
    feed_server: FeedServer, session: aiohttp.ClientSession
) -> None:
    url = feed_server.set("/file", "", redirect="file:///etc/passwd")
    result = await fetch_feed(session, url)
    assert result.error is not None and result.body is None


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [(200, b"", "empty body"), (200, b"  \n ", "empty body"), (204, b"", "empty body")],
)
async def test_empty_answers_are_values(
    feed_server: FeedServer,
    session: aiohttp.ClientSession,
    status: int,
    body: bytes,
    expected: str,
) -> None:
    url = feed_server.set("/empty.xml", body, status=status)
    result = await fetch_feed(session, url)
    assert result.error == expected


async def test_retry_after_as_http_date(
    feed_server: FeedServer, session: aiohttp.ClientSession
) -> None:
    when = (datetime.now(UTC) + timedelta(minutes=30)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    url = feed_server.set("/rl.xml", "slow down", status=429, headers={"Retry-After": when})
    result = await fetch_feed(session, url)
    assert result.error is not None and result.error.startswith("HTTP 429")
    assert result.retry_after is not None and 1700 < result.retry_after <= 1800


async def test_dns_failure_is_a_value(session: aiohttp.ClientSession) -> None:
    result = await fetch_feed(session, "http://no-such-host.invalid/feed.xml")
    assert result.error is not None
    assert result.error.startswith(("DNS lookup failed", "cannot connect", "timed out"))


# --- parse: charsets, malformed XML, entities ------------------------------------------------

UK_ITEM = Item(
    title="Окупанти розстріляли полонених біля Роботиного",
    text="<p>Прокуратура розпочала розслідування страти військовополонених.</p>",
    link="https://example-news.test/uk/1",
)


@pytest.mark.parametrize(
    ("encoding", "content_type", "declared"),
    [
        ("cp1251", "application/rss+xml; charset=utf-8", "UTF-8"),  # header lies
        ("utf-8", "application/rss+xml; charset=iso-8859-1", "UTF-8"),  # header lies
        ("utf-8", "text/xml", "UTF-8"),  # text/xml without charset (RFC 3023: us-ascii)
        ("cp1251", None, "windows-1251"),  # only the XML declaration tells
        ("koi8-u", "text/xml; charset=koi8-u", "koi8-u"),
        ("utf-16", None, "utf-16"),  # with BOM
        ("utf-16-le", None, "utf-16"),  # without BOM
        ("cp1251", None, "nothing-real"),  # unknown charset: guessed from the bytes
    ],
)
def test_charsets_missing_or_wrong_still_give_readable_text(
    encoding: str, content_type: str | None, declared: str
) -> None:
    doc = rss([UK_ITEM], now=NOW).replace('encoding="UTF-8"', f'encoding="{declared}"')
    parsed = parse_feed(doc.encode(encoding), "F", now=NOW, content_type=content_type)
    assert [e.title for e in parsed.entries] == [UK_ITEM.title]
    assert "страти військовополонених" in parsed.entries[0].text


def test_malformed_xml_keeps_what_is_recoverable_and_warns() -> None:
    doc = rss([POSITIVE, NEGATIVE_PLAN], now=NOW)
    broken = doc.replace("</channel></rss>", "").replace("<description>", "<description>&", 1)
    parsed = parse_feed(broken.encode(), "F", now=NOW)
    assert parsed.is_feed and len(parsed.entries) == 2
    assert parsed.warning and "SAXParseException" in parsed.warning


def _peak_parse(body: bytes, **kwargs: Any) -> tuple[Any, int, float]:
    tracemalloc.start()
    started = time.monotonic()
    try:
        parsed = parse_feed(body, "F", now=NOW, **kwargs)
        return parsed, tracemalloc.get_traced_memory()[1], time.monotonic() - started
    finally:
        tracemalloc.stop()


LAUGHS = (
    '<!DOCTYPE rss [<!ENTITY a "AAAAAAAAAA">'
    + "".join(
        f'<!ENTITY {n} "{("&" + p + ";") * 10}">'
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "]>"
)
BIG_ENTITY = '<!DOCTYPE rss [\n<!ENTITY big "' + "B" * 100_000 + '">\n]>\n'
PARAM_ENTITY = "<!DOCTYPE rss [<!ENTITY % p \"<!ENTITY big '" + "B" * 1000 + "'>\"> %p;]>"


def _doc_with(prolog: str, body_text: str, *, decl: str = "UTF-8") -> str:
    return (
        f'<?xml version="1.0" encoding="{decl}"?>\n{prolog}'
        '<rss version="2.0"><channel><title>t</title>'
        f"<item><title>Report &#1;</title><link>https://a.test/1</link>"
        f"<description>{body_text}</description></item></channel></rss>"
    )


@pytest.mark.parametrize(
    ("name", "prolog", "refs"),
    [
        ("billion laughs", LAUGHS, "&i;" * 10),
        ("one large entity, thousands of references", BIG_ENTITY, "&big;" * 20_000),
        ("large entity, strict parse broken on purpose", BIG_ENTITY, "&big;" * 20_000 + "&x; <"),
        ("parameter entity defining an entity", PARAM_ENTITY, "&big;" * 20_000),
        ("lowercase doctype", BIG_ENTITY.replace("DOCTYPE", "doctype"), "&big;" * 20_000),
        ("]> inside an entity value", '<!DOCTYPE rss [<!ENTITY q "]>">\n' + BIG_ENTITY[15:], ""),
        ("garbage before the doctype", "junk < text\n" + BIG_ENTITY, "&big;" * 20_000),
        ("unterminated doctype", '<!DOCTYPE rss [\n<!ENTITY big "B">\n', "&big;" * 20_000),
    ],
)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_entity_expansion_never_happens(name: str, prolog: str, refs: str, encoding: str) -> None:
    doc = _doc_with(prolog, refs, decl=encoding.upper())
    parsed, peak, secs = _peak_parse(doc.encode(encoding))
    text = " ".join(e.title + e.text for e in parsed.entries)
    assert "BBBBBBBBBB" not in text and "AAAAAAAAAAAAAAAAAAAA" not in text, name
    assert peak < 40 * MB, f"{name}: {peak / MB:.0f} MB"
    assert secs < 10, name


@pytest.mark.parametrize("kind", ["SYSTEM", "PUBLIC 'x'", "% SYSTEM"])
def test_external_entities_never_read_local_files(tmp_path: Path, kind: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER", encoding="utf-8")
    if kind.startswith("%"):
        prolog = f'<!DOCTYPE rss [<!ENTITY % ext SYSTEM "{secret.as_uri()}"> %ext;]>\n'
        refs = "x"
    else:
        prolog = f'<!DOCTYPE rss [\n<!ENTITY ext {kind} "{secret.as_uri()}">\n]>\n'
        refs = "&ext;"
    for broken in ("", " & <"):
        parsed = parse_feed(_doc_with(prolog, refs + broken).encode(), "F", now=NOW)
        assert parsed.entries, kind
        assert all("TOP-SECRET" not in e.text + e.title for e in parsed.entries), kind


def test_a_feed_at_the_size_cap_parses_in_bounded_memory() -> None:
    items = [
        Item(title=f"Item {i}", text="<p>" + "word " * 1800 + "</p>", link=f"https://a.test/{i}")
        for i in range(500)
    ]
    body = rss(items, now=NOW).encode()
    assert 4 * MB < len(body) < 5 * MB
    parsed, peak, _ = _peak_parse(body)
    assert len(parsed.entries) == 500
    assert peak < 150 * MB, f"{peak / MB:.0f} MB for a {len(body) / MB:.1f} MB feed"


def test_items_with_missing_or_absurd_fields_are_kept_sensibly() -> None:
    doc = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><description>Only a description, no title, link or date.</description></item>"
        "<item><title>No link</title><pubDate>Tue, 32 Foo 2024 99:99 +9999</pubDate></item>"
        "<item><title>Epoch</title><link>https://a.test/e</link>"
        "<pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate></item>"
        "<item><title>Far future</title><link>https://a.test/f</link>"
        "<pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate></item>"
        "<item><title>Year one</title><link>javascript:alert(1)</link>"
        "<pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate></item>"
        "<item></item><item><title></title><description>  </description></item>"
        "</channel></rss>"
    )
    parsed = parse_feed(doc.encode(), "F", now=NOW)
    titles = [e.title for e in parsed.entries]
    assert titles == [
        "Only a description, no title, link or date.",
        "No link",
        "Epoch",
        "Far future",
        "Year one",
    ]
    assert all(e.published is None for e in parsed.entries)
    assert parsed.entries[4].link == ""  # not http(s): dropped, never rendered as a link
    assert len({e.guid for e in parsed.entries}) == 5


# --- the whole cycle: one run over every hostile feed at once --------------------------------


async def test_one_cycle_over_every_hostile_feed_keeps_the_good_one(
    feed_server: FeedServer, make_settings: Any, stalled_port: int
) -> None:
    fs = feed_server
    hostile: dict[str, str] = {
        "trickle": fs.set("/trickle", rss([POSITIVE]), trickle=0.05),
        "endless": fs.set("/endless", b"<rss>" + b"x" * 65536, endless=True),
        "bomb": fs.set(
            "/bomb", gzip.compress(b"\0" * (50 * MB)), headers={"Content-Encoding": "gzip"}
        ),
        "loop": fs.set("/loop", "", redirect="/loop"),
        "html": fs.set("/html", "<html><body><p>Not a feed</p></body></html>"),
        "empty": fs.set("/empty", b""),
        "gone": fs.set("/gone", "gone", status=410),
        "missing": fs.url("/nothing-here"),
        "busy": fs.set("/busy", "busy", status=503, headers={"Retry-After": "3600"}),
        "refused": "http://127.0.0.1:9/feed.xml",
        "dns": "http://no-such-host.invalid/feed.xml",
        "stalled": f"http://127.0.0.1:{stalled_port}/feed.xml",
        "garbage": fs.set("/garbage", bytes(range(256)) * 100),
    }
    good = fs.set("/good", rss([POSITIVE, NEGATIVE_PLAN]))
    laughs = fs.set("/laughs", _doc_with(LAUGHS, "&i;" * 10))
    feeds = [{"name": name, "url": url} for name, url in hostile.items()]
    feeds += [{"name": "good", "url": good}, {"name": "laughs", "url": laughs}]
    settings = make_settings(feeds, FETCH_TIMEOUT_SECONDS="1", FEED_MAX_BYTES="1000000")
    out = io.StringIO()
    runtime = await open_runtime(settings, TerminalSender(out))
    try:
        started = time.monotonic()
        report = await tick(runtime, force=True)
        assert report is not None
        assert time.monotonic() - started < 10
        states = await runtime.worker.run(Store.feed_states)
    finally:
        await close_runtime(runtime)
    outcomes = {o.feed: o for o in report.outcomes}
    assert outcomes["good"].error is None and outcomes["good"].new == 2
    assert out.getvalue().count("===== ALERT =====") == 1 and "Robotyne" in out.getvalue()
    errors = {name: states[url].last_error for name, url in hostile.items()}
    assert all(errors.values()), errors
    assert all(states[url].error_count == 1 for url in hostile.values())
    assert errors["trickle"] == "timed out reading the body (deadline 1 s)"
    assert str(errors["stalled"]).startswith("timed out connecting")
    assert "too large" in str(errors["endless"]) and "too large" in str(errors["bomb"])
    assert "redirects" in str(errors["loop"]) and "not a feed" in str(errors["html"])
    assert errors["empty"] == "empty body" and str(errors["gone"]).startswith("HTTP 410")
    assert str(errors["missing"]).startswith("HTTP 404")
    busy = states[hostile["busy"]]
    assert busy.next_due_at is not None
    assert busy.next_due_at >= report.started_at + timedelta(seconds=3599)
    # Entities unexpanded, the item kept, the warning recorded for /feeds.
    assert outcomes["laughs"].error is None and outcomes["laughs"].new == 1
    assert "DOCTYPE removed" in str(states[laughs].last_warning)


async def test_a_feed_url_yarl_refuses_fails_only_its_feed(
    feed_server: FeedServer, make_settings: Any
) -> None:
    """The config refuses such a port; should one reach the poll anyway, the host-slot lookup
    (outside the per-feed guard) must not end the whole cycle."""
    good = feed_server.set("/good.xml", rss([NEGATIVE_PLAN]))
    runtime = await open_runtime(
        make_settings([{"name": "Good", "url": good}]), TerminalSender(io.StringIO())
    )
    runtime.feeds = (*runtime.feeds, FeedSpec("Bad port", "https://a.test:99999/rss"))
    try:
        report = await tick(runtime, force=True)
    finally:
        await close_runtime(runtime)
    assert report is not None
    outcomes = {o.feed: o for o in report.outcomes}
    assert outcomes["Good"].error is None and outcomes["Good"].new == 1
    assert (
        outcomes["Bad port"].error is not None
        and "Port out of range" in outcomes["Bad port"].error
    )


@contextlib.asynccontextmanager
async def _raw_http(script: Any) -> AsyncIterator[str]:
    """A TCP server on loopback that runs script(writer) for each request; yields its URL.
    Scripts still running at the end are cancelled and awaited (no stray sockets)."""
    handlers: set[asyncio.Task[None]] = set()

    async def run(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
                await reader.readuntil(b"\r\n\r\n")
                await script(writer)
        finally:
            writer.close()

    def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.create_task(run(reader, writer))
        handlers.add(task)
        task.add_done_callback(handlers.discard)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/feed.xml"
    finally:
        server.close()
        for task in list(handlers):
            task.cancel()
        await asyncio.gather(*handlers, return_exceptions=True)
        await server.wait_closed()


async def test_headers_that_never_end_are_cut_off_by_the_deadline() -> None:
    """Slowloris from the server side: a header line now and then, never the blank line."""

    async def trickle_headers(writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 200 OK\r\n")
        for n in range(100_000):
            writer.write(b"X-Wait: %d\r\n" % n)
            await writer.drain()
            await asyncio.sleep(0.01)

    session = make_session(timeout=1.0, concurrency=2, allowed=LOOPBACK)
    async with _raw_http(trickle_headers) as url, session as s:
        result = await fetch_feed(s, url)
    assert result.error == "timed out waiting for the response (deadline 1 s)", result.error


async def test_a_flood_of_informational_responses_is_survived() -> None:
    body = rss([POSITIVE]).encode()

    async def early_hints(writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n" * 20_000)
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
        await writer.drain()

    session = make_session(timeout=10.0, concurrency=2, allowed=LOOPBACK)
    async with _raw_http(early_hints) as url, session as s:
        result = await fetch_feed(s, url)
    assert result.error is None and result.body == body
