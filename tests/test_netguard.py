"""No request reaches a non-public address unless ALLOWED_PRIVATE_NETWORKS covers it.

The test servers listen on 127.0.0.1, which the tests allow; the forbidden targets listen on
127.0.0.2 (Linux routes all of 127/8 to lo), which nothing allows.
"""

from __future__ import annotations

import asyncio
import io
import ipaddress
import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.abc import AbstractResolver, ResolveResult

from bot import poll
from bot.alerts.notify import TerminalSender
from bot.app import close_runtime, open_runtime, tick
from bot.config import ConfigError, Settings
from bot.feeds import fetch
from bot.feeds.fetch import fetch_feed, make_session
from bot.feeds.netguard import (
    AddressGuard,
    GuardedConnector,
    after_public_hop,
    kind_of,
    parse_networks,
)
from bot.models import CycleReport
from storage.store import Store
from tests.channels import Post, channel_page
from tests.conftest import write_feeds
from tests.feeds import NEGATIVE_PLAN, Item, rss
from tests.processes import run_bot
from tests.servers import FORBIDDEN_HOST, LOOPBACK, FakeBotAPI, FeedServer
from tests.telegram_helpers import running_bot
from tests.test_admin_commands import replies, send

SECRET = "INTERNAL-SECRET-7731"
REFUSED = (
    f"refused: {FORBIDDEN_HOST} is a loopback address (set ALLOWED_PRIVATE_NETWORKS to allow it)"
)


@pytest.fixture
async def forbidden() -> AsyncIterator[FeedServer]:
    """An 'internal' server the guard must never let a request reach."""
    server = FeedServer(host=FORBIDDEN_HOST)
    await server.start()
    server.set("/feed.xml", rss([NEGATIVE_PLAN], title=SECRET))
    server.set(
        "/secret.html", f"<html><body><p>{SECRET}</p></body></html>", content_type="text/html"
    )
    yield server
    await server.stop()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    s = make_session(timeout=5.0, concurrency=4, allowed=LOOPBACK)
    yield s
    await s.close()


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.2", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.5", "private"),
        ("172.16.3.4", "private"),
        ("192.168.1.1", "private"),
        ("fd12:3456::1", "private"),  # IPv6 unique local (fc00::/7)
        ("169.254.10.1", "link-local"),
        ("fe80::1", "link-local"),
        ("fec0::1", "site-local"),  # deprecated, still routed inside some networks
        ("fec0::a9fe:a9fe", "site-local"),
        ("100.64.0.1", "carrier-grade NAT"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("169.254.169.254", "cloud metadata"),
        ("168.63.129.16", "cloud metadata"),
        ("fd00:ec2::254", "cloud metadata"),
        ("::ffff:10.0.0.1", "private"),  # IPv4-mapped
        ("::ffff:127.0.0.1", "loopback"),
        ("64:ff9b::a00:1", "private"),  # NAT64 of 10.0.0.1
        ("2002:7f00:1::", "loopback"),  # 6to4 of 127.0.0.1
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
        ("::ffff:93.184.215.14", None),
    ],
)
def test_every_kind_of_non_public_address_is_named(address: str, kind: str | None) -> None:
    assert kind_of(ipaddress.ip_address(address)) == kind


def test_allowed_networks_and_redirects_from_public_addresses() -> None:
    guard = AddressGuard(parse_networks("10.0.0.0/8, 127.0.0.1"))
    assert guard.refusal("10.1.2.3") is None
    assert guard.refusal("::ffff:10.1.2.3") is None  # the mapped form of an allowed address
    assert guard.refusal("127.0.0.1") is None
    assert guard.refusal("93.184.215.14") is None
    assert guard.refusal("192.168.0.1") == (
        "refused: 192.168.0.1 is a private address (set ALLOWED_PRIVATE_NETWORKS to allow it)"
    )
    with after_public_hop(True):
        reason = guard.refusal("10.1.2.3")
        assert guard.refusal("93.184.215.14") is None
    assert reason is not None and "reached from a public one" in reason
    assert "ALLOWED_PRIVATE_NETWORKS" in reason


def test_a_bad_network_is_a_config_error_naming_the_variable(
    make_settings: Any, tmp_path: Path
) -> None:
    with pytest.raises(ConfigError) as caught:
        make_settings([], ALLOWED_PRIVATE_NETWORKS="10.0.0.0/8, 10.0.0.0/33")
    assert caught.value.problems == [
        "ALLOWED_PRIVATE_NETWORKS: '10.0.0.0/33' is not an IP network like 10.0.0.0/8"
    ]
    feeds = write_feeds(tmp_path / "feeds.yaml", [{"name": "A", "url": "https://a.test/rss"}])
    env = {"FEEDS_FILE": str(feeds), "ALLOWED_PRIVATE_NETWORKS": "intranet"}
    result = run_bot(["--check-config"], env)
    assert result.returncode == 2
    assert "ALLOWED_PRIVATE_NETWORKS: 'intranet'" in result.stderr
    assert "Traceback" not in result.stderr


async def test_feed_on_a_forbidden_address_is_never_requested(
    forbidden: FeedServer, session: aiohttp.ClientSession
) -> None:
    result = await fetch_feed(session, forbidden.url("/feed.xml"))
    assert result.error == REFUSED and result.body is None
    assert forbidden.hits == {}
    allowed = parse_networks(f"127.0.0.1/32, {FORBIDDEN_HOST}/32")
    async with make_session(timeout=5.0, concurrency=2, allowed=allowed) as s:
        ok = await fetch_feed(s, forbidden.url("/feed.xml"))
    assert ok.error is None and forbidden.hits == {"/feed.xml": 1}


async def test_a_redirect_hop_to_a_forbidden_address_is_refused(
    forbidden: FeedServer, feed_server: FeedServer, session: aiohttp.ClientSession
) -> None:
    url = feed_server.set("/moved.xml", "", redirect=forbidden.url("/feed.xml"))
    result = await fetch_feed(session, url)
    assert result.error == REFUSED
    assert feed_server.hits == {"/moved.xml": 1} and forbidden.hits == {}


async def test_a_redirect_from_a_public_address_never_turns_private(
    forbidden: FeedServer, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No public address is reachable from the tests: 127.0.0.1 plays the public site here.
    monkeypatch.setattr(fetch, "is_public", lambda address: address == "127.0.0.1")
    both = parse_networks(f"127.0.0.1/32, {FORBIDDEN_HOST}/32")  # 127.0.0.2 is allowed...
    url = feed_server.set("/moved.xml", "", redirect=forbidden.url("/feed.xml"))
    async with make_session(timeout=5.0, concurrency=2, allowed=both) as s:
        direct = await fetch_feed(s, forbidden.url("/feed.xml"))  # ...when asked for directly
        assert direct.error is None and forbidden.hits == {"/feed.xml": 1}
        # The direct fetch left a pooled connection to 127.0.0.2: it must not be used either.
        redirected = await fetch_feed(s, url)
    assert redirected.error is not None
    assert redirected.error.startswith(
        f"refused: {FORBIDDEN_HOST} is a loopback address reached from a public one"
    )
    assert forbidden.hits == {"/feed.xml": 1}  # nothing more was sent there


async def test_names_are_checked_on_the_address_they_resolve_to(
    feed_server: FeedServer,
) -> None:
    # localhost resolves to loopback addresses: the name itself proves nothing.
    url = feed_server.set("/feed.xml", rss([NEGATIVE_PLAN])).replace("127.0.0.1", "localhost")
    async with make_session(timeout=5.0, concurrency=2) as s:
        refused = await fetch_feed(s, url)
    assert refused.error is not None and refused.error.startswith("refused: ")
    assert "ALLOWED_PRIVATE_NETWORKS" in refused.error and feed_server.hits == {}
    async with make_session(timeout=5.0, concurrency=2, allowed=LOOPBACK) as s:
        allowed = await fetch_feed(s, url)  # ::1 is refused, 127.0.0.1 is allowed
    assert allowed.error is None and feed_server.hits == {"/feed.xml": 1}


async def test_full_text_never_fetches_a_forbidden_page(
    forbidden: FeedServer, feed_server: FeedServer, make_settings: Any
) -> None:
    hop = feed_server.set("/story", "", redirect=forbidden.url("/secret.html"))
    items = [
        Item(
            title="Story on an internal host", text="One line.", link=forbidden.url("/secret.html")
        ),
        Item(title="Story that redirects inside", text="Another line.", link=hop),
    ]
    url = feed_server.set("/full.xml", rss(items))
    settings = make_settings([{"name": "Full", "url": url, "full_text": True}])
    runtime = await open_runtime(settings, TerminalSender(io.StringIO()))
    try:
        report = await tick(runtime, force=True)
        texts = await runtime.worker.run(
            lambda store: [r[0] for r in store.db.execute("select text from articles")]
        )
        states = await runtime.worker.run(Store.feed_states)
    finally:
        await close_runtime(runtime)
    assert report is not None and report.outcomes[0].error is None
    assert len(texts) == 2 and not any(SECRET in t for t in texts)
    assert forbidden.hits == {} and feed_server.hits["/story"] == 1
    assert states[url].last_error is None


async def _one_cycle(settings: Settings) -> CycleReport | None:
    """One forced cycle of a runtime over these settings, in terminal mode."""
    runtime = await open_runtime(settings, TerminalSender(io.StringIO()))
    try:
        return await tick(runtime, force=True)
    finally:
        await close_runtime(runtime)


async def test_a_public_feed_cannot_send_full_text_into_allowed_networks(
    forbidden: FeedServer,
    feed_server: FeedServer,
    make_settings: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 127.0.0.1 plays a public feed host; 127.0.0.2 is allowed, like a local RSSHub would be.
    monkeypatch.setattr(poll, "is_public", lambda address: address == "127.0.0.1")
    item = Item(title="Story", text="One line.", link=forbidden.url("/secret.html"))
    url = feed_server.set("/full.xml", rss([item]))
    settings = make_settings(
        [{"name": "Full", "url": url, "full_text": True}],
        ALLOWED_PRIVATE_NETWORKS=f"127.0.0.1/32, {FORBIDDEN_HOST}/32",
    )
    report = await _one_cycle(settings)
    assert report is not None and report.outcomes[0].new == 1
    assert forbidden.hits == {}


async def test_addfeed_refuses_internal_addresses_and_never_echoes_bodies(
    forbidden: FeedServer, feed_server: FeedServer, bot_api: FakeBotAPI, make_settings: Any
) -> None:
    settings = make_settings([], api=bot_api)
    broken = feed_server.set("/broken.xml", f"<html>{SECRET}</html>", status=500)
    moved = feed_server.set("/moved.xml", "", redirect=forbidden.url("/feed.xml"))
    reason_server = await _raw_server(f"HTTP/1.1 503 {SECRET}\r\nContent-Length: 0\r\n\r\n")
    garbage_server = await _raw_server(f"{SECRET} garbage\r\n\r\n")
    try:
        async with running_bot(settings) as app:
            for url in (
                forbidden.url("/feed.xml"),
                moved,
                broken,
                f"http://127.0.0.1:{_port(reason_server)}/feed.xml",
                f"http://127.0.0.1:{_port(garbage_server)}/feed.xml",
            ):
                await send(app, f"/addfeed {url}")
            answers = replies(bot_api)
    finally:
        for server in (reason_server, garbage_server):
            server.close()
            await server.wait_closed()
    assert len(answers) == 5
    assert all(a.startswith("Not added: it cannot be fetched") for a in answers), answers
    assert REFUSED in answers[0] and REFUSED in answers[1]
    assert "HTTP 500" in answers[2] and "HTTP 503" in answers[3]
    assert not any(SECRET in a for a in answers), answers
    assert forbidden.hits == {}
    assert settings.feeds_file.read_text(encoding="utf-8").strip() == "feeds:"


async def _raw_server(answer: str) -> asyncio.Server:
    """A TCP server that answers any request with these exact bytes, then hangs up."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(answer.encode())
        await writer.drain()
        writer.close()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


def _port(server: asyncio.Server) -> int:
    return int(server.sockets[0].getsockname()[1])


async def test_the_bot_api_address_is_the_operators_choice_and_not_checked(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    # The fake Bot API listens on loopback; with no private network allowed it still answers.
    settings = make_settings([], api=bot_api, ALLOWED_PRIVATE_NETWORKS="")
    assert settings.allowed_private_networks == ()
    async with running_bot(settings) as app:
        await send(app, "/help")
        assert replies(bot_api)


class FlippingResolver(AbstractResolver):
    """A DNS server under an attacker's control: a harmless address first, then an inside one."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = answers

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        address = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        return [
            {
                "hostname": host,
                "host": address,
                "port": port,
                "family": socket.AF_INET,
                "proto": 0,
                "flags": socket.AI_NUMERICHOST,
            }
        ]

    async def close(self) -> None:
        return None


async def test_dns_rebinding_is_caught_at_connect_time(
    forbidden: FeedServer, feed_server: FeedServer
) -> None:
    feed_server.set("/feed.xml", rss([NEGATIVE_PLAN]))
    resolver = FlippingResolver(["127.0.0.1", FORBIDDEN_HOST])
    connector = GuardedConnector(
        AddressGuard(LOOPBACK), resolver=resolver, use_dns_cache=False, force_close=True
    )
    async with aiohttp.ClientSession(connector=connector) as s:
        first = await fetch_feed(s, f"http://feeds.rebind.test:{feed_server.port}/feed.xml")
        second = await fetch_feed(s, f"http://feeds.rebind.test:{forbidden.port}/feed.xml")
    assert first.error is None and feed_server.hits == {"/feed.xml": 1}
    assert second.error == REFUSED and forbidden.hits == {}


# Other spellings of 127.0.0.2 (the forbidden host) an attacker may try in a feed URL, an item
# link or a Location header. Each is refused by the guard on the connected address, or by yarl
# as a malformed host before any connection: either way nothing reaches the forbidden server.
SPELLINGS = [
    "http://0x7f000002:{port}/feed.xml",  # hex
    "http://2130706434:{port}/feed.xml",  # decimal
    "http://0177.0.0.2:{port}/feed.xml",  # octal
    "http://127.2:{port}/feed.xml",  # short form
    "http://[::ffff:127.0.0.2]:{port}/feed.xml",  # IPv4-mapped IPv6
    "http://[::ffff:7f00:2]:{port}/feed.xml",
    "http://[0:0:0:0:0:ffff:127.0.0.2]:{port}/feed.xml",
    "http://[::1]:{port}/feed.xml",
    "http://[::1%25lo]:{port}/feed.xml",  # with a zone id
    "http://[fe80::1%25lo]:{port}/feed.xml",
    "http://0.0.0.0:{port}/feed.xml",
    "http://public.example@127.0.0.2:{port}/feed.xml",  # userinfo that looks like a host
    "http://127.0.0.1:1@127.0.0.2:{port}/feed.xml",
]


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("via_redirect", [False, True])
async def test_other_spellings_of_a_forbidden_address_are_refused(
    forbidden: FeedServer,
    feed_server: FeedServer,
    session: aiohttp.ClientSession,
    spelling: str,
    via_redirect: bool,
) -> None:
    target = spelling.format(port=forbidden.port)
    url = feed_server.set("/hop", "", redirect=target) if via_redirect else target
    result = await fetch_feed(session, url)
    assert result.error is not None and result.body is None
    assert forbidden.hits == {}
    if "[" in target or "0x" in target or "@" in target or "0.0.0.0" in target:
        assert result.error.startswith("refused: "), result.error


@pytest.mark.parametrize(
    "location", ["//127.0.0.2:{port}/feed.xml", "HTTP://127.0.0.2:{port}/feed.xml"]
)
async def test_scheme_relative_and_upper_case_redirects_are_still_checked(
    forbidden: FeedServer, feed_server: FeedServer, session: aiohttp.ClientSession, location: str
) -> None:
    url = feed_server.set("/hop", "", redirect=location.format(port=forbidden.port))
    result = await fetch_feed(session, url)
    assert result.error == REFUSED and forbidden.hits == {}


async def test_addfeed_names_a_host_spelling_no_parser_accepts(
    forbidden: FeedServer, feed_server: FeedServer, bot_api: FakeBotAPI, make_settings: Any
) -> None:
    """Decimal and octal hosts never connect; the refusal says so in our words, not as a
    'server answer' that was never received."""
    port = forbidden.port
    hop = feed_server.set("/hop", "", redirect=f"http://0177.0.0.2:{port}/feed.xml")
    settings = make_settings([], api=bot_api)
    async with running_bot(settings) as app:
        for url in (f"http://2130706434:{port}/feed.xml", hop):
            await send(app, f"/addfeed {url}")
        answers = replies(bot_api)
    assert len(answers) == 2, answers
    assert all(a.startswith("Not added: it cannot be fetched: invalid URL: ") for a in answers)
    assert forbidden.hits == {}


async def test_channel_previews_never_lead_inside(
    forbidden: FeedServer, feed_server: FeedServer, make_settings: Any
) -> None:
    """A preview base that redirects inside is refused; the forwarded-from and link-preview
    URLs of a post are text, never fetched (full_text or not)."""
    feed_server.set("/s/moved", "", redirect=forbidden.url("/s/moved"))
    post = Post(
        id=1,
        text="A post that quotes an internal page.",
        forwarded_from=("Inside", forbidden.url("/secret.html")),
        preview=(forbidden.url("/secret.html"), "A preview that names an internal page."),
    )
    page = channel_page("leaky", "Leaky", [post], datetime.now(UTC))
    feed_server.set("/s/leaky", page, content_type="text/html")
    settings = make_settings(
        [
            {"name": "Moved", "telegram": "moved"},
            {"name": "Leaky", "telegram": "leaky", "full_text": True},
        ],
        TELEGRAM_PREVIEW_BASE_URL=feed_server.url(""),
    )
    report = await _one_cycle(settings)
    assert report is not None
    outcomes = {o.feed: o for o in report.outcomes}
    assert outcomes["Moved"].error is not None and REFUSED in outcomes["Moved"].error
    assert outcomes["Leaky"].error is None and outcomes["Leaky"].new == 1
    assert forbidden.hits == {}


async def test_a_private_feed_links_only_to_its_own_origin_inside(
    forbidden: FeedServer, feed_server: FeedServer, make_settings: Any
) -> None:
    """A local RSSHub relays public feeds: its items' links are someone else's words. With
    a whole subnet allowed (127.0.0.1 and 127.0.0.2 here, like a Docker network), a link
    may reach an allowed address only on the feed's own origin, never a neighbour."""
    own = feed_server.set("/story.html", "<html><body><p>Own page.</p></body></html>")
    items = [
        Item(title="Neighbour", text="One line.", link=forbidden.url("/secret.html")),
        Item(title="Own", text="Another line.", link=own),
    ]
    url = feed_server.set("/relay.xml", rss(items))
    settings = make_settings(
        [{"name": "Relay", "url": url, "full_text": True}],
        ALLOWED_PRIVATE_NETWORKS=f"127.0.0.1/32, {FORBIDDEN_HOST}/32",
    )
    report = await _one_cycle(settings)
    assert report is not None and report.outcomes[0].new == 2
    assert forbidden.hits == {}
    assert feed_server.hits.get("/story.html") == 1
