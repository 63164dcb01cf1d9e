"""The synthetic world: N feeds x M items of 1-3 KB HTML (en/uk/ru, a few percent positives),
served on 127.0.0.1 by an aiohttp server in a child process, with ETag/Last-Modified and 304s.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import multiprocessing
import random
import time
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from multiprocessing.connection import Connection
from typing import Any
from xml.sax.saxutils import escape

from aiohttp import web

from bench.texts import LANGUAGES, headline, paragraphs

NEW_PER_CHANGE = 5  # items a changed feed gains (its oldest ones drop off)
ITEM_SPACING = timedelta(minutes=10)
# Feeds are spread over this many loopback addresses: the bot's connector allows 2 connections
# per host, and a real feed list spans many hosts, not one.
HOSTS = 16


@dataclass(frozen=True, slots=True)
class World:
    """What to generate; every byte is a pure function of these fields."""

    feeds: int = 1000
    items: int = 50
    positive_percent: float = 3.0
    seed: int = 1
    started: float = 0.0  # epoch seconds the newest item is dated just before

    def language(self, feed: int) -> str:
        return LANGUAGES[feed % 3]

    def path(self, feed: int) -> str:
        return f"/feed/{feed}.xml"


def _item(world: World, feed: int, seq: int) -> dict[str, str]:
    rng = random.Random(f"{world.seed}:{feed}:{seq}")
    lang = world.language(feed)
    positive = rng.random() * 100 < world.positive_percent
    size = rng.randint(900, 2700) // (2 if lang != "en" else 1)  # Cyrillic is 2 bytes a letter
    paras = paragraphs(rng, lang, size, positive=positive)
    body = "".join(f"<p>{p}</p>" for p in paras)
    body += f'<p><a href="https://feed{feed}.example/tag/{seq % 7}">more</a></p>'
    newest = world.items + NEW_PER_CHANGE * 4
    when = datetime.fromtimestamp(world.started, UTC) - ITEM_SPACING * (newest - seq)
    return {
        "title": headline(rng, lang),
        "link": f"https://feed{feed}.example/news/{seq}",
        "guid": f"feed{feed}-item{seq}",
        "html": body,
        "when": format_datetime(when, usegmt=True),
        "iso": when.isoformat(timespec="seconds").replace("+00:00", "Z"),
    }


def feed_body(world: World, feed: int, version: int) -> bytes:
    """The feed document at a version: RSS 2.0 for two feeds in three, Atom for the third."""
    first = version * NEW_PER_CHANGE
    items = [_item(world, feed, seq) for seq in range(first + world.items - 1, first - 1, -1)]
    lang = world.language(feed)
    if feed % 3 == 2:
        entries = "".join(
            f'<entry><title>{escape(i["title"])}</title><link href="{i["link"]}"/>'
            f"<id>{i['guid']}</id><updated>{i['iso']}</updated>"
            f'<content type="html">{escape(i["html"])}</content></entry>'
            for i in items
        )
        doc = (
            '<?xml version="1.0" encoding="utf-8"?>'
            f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">'
            f"<title>Bench feed {feed}</title><id>urn:bench:{feed}</id>"
            f"<updated>{items[0]['iso']}</updated>{entries}</feed>"
        )
    else:
        entries = "".join(
            f"<item><title>{escape(i['title'])}</title><link>{i['link']}</link>"
            f'<guid isPermaLink="false">{i["guid"]}</guid><pubDate>{i["when"]}</pubDate>'
            f"<description>{escape(i['html'])}</description></item>"
            for i in items
        )
        doc = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Bench feed {feed}</title><link>https://feed{feed}.example/</link>"
            f"<language>{lang}</language>{entries}</channel></rss>"
        )
    return doc.encode("utf-8")


class _Server:
    def __init__(self, world: World) -> None:
        self.world = world
        self.versions = [0] * world.feeds
        self.bodies = [feed_body(world, i, 0) for i in range(world.feeds)]
        self.tags = [self._tag(b) for b in self.bodies]
        self.counts = {"200": 0, "304": 0}

    @staticmethod
    def _tag(body: bytes) -> str:
        return '"' + hashlib.sha1(body).hexdigest()[:16] + '"'

    async def feed(self, request: web.Request) -> web.Response:
        index = int(request.match_info["n"])
        if not 0 <= index < self.world.feeds:
            return web.Response(status=404)
        modified = format_datetime(
            datetime.fromtimestamp(self.world.started, UTC)
            + timedelta(minutes=self.versions[index]),
            usegmt=True,
        )
        tag = self.tags[index]
        match = request.headers.get("If-None-Match")
        if match == tag or (
            match is None and request.headers.get("If-Modified-Since") == modified
        ):
            self.counts["304"] += 1
            return web.Response(status=304, headers={"ETag": tag, "Last-Modified": modified})
        self.counts["200"] += 1
        return web.Response(
            body=self.bodies[index],
            headers={
                "ETag": tag,
                "Last-Modified": modified,
                "Content-Type": "application/xml; charset=utf-8",
            },
        )

    async def change(self, request: web.Request) -> web.Response:
        """Every k-th feed gains NEW_PER_CHANGE items: `percent` of the feeds change."""
        percent = float(request.query.get("percent", "10"))
        step = max(1, round(100 / percent)) if percent > 0 else self.world.feeds + 1
        changed = 0
        for index in range(0, self.world.feeds, step):
            self.versions[index] += 1
            self.bodies[index] = feed_body(self.world, index, self.versions[index])
            self.tags[index] = self._tag(self.bodies[index])
            changed += 1
        return web.json_response({"changed": changed})

    async def stats(self, request: web.Request) -> web.Response:
        return web.json_response({**self.counts, "bytes": sum(map(len, self.bodies))})


def _serve(world: World, conn: Connection) -> None:
    async def main() -> None:
        server = _Server(world)
        app = web.Application()
        app.router.add_get("/feed/{n:\\d+}.xml", server.feed)
        app.router.add_post("/_change", server.change)
        app.router.add_get("/_stats", server.stats)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        hosts = 1
        for k in range(2, HOSTS + 1):  # 127.0.0.0/8 is all loopback on Linux
            try:
                await web.TCPSite(runner, f"127.0.0.{k}", port, backlog=1024).start()
            except OSError:
                break
            hosts = k
        conn.send((port, hosts))
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, conn.recv)  # any message (or EOF) stops the server
        await runner.cleanup()

    with contextlib.suppress(EOFError):  # the parent died: stop quietly
        asyncio.run(main())


class WorldServer:
    """The feed server in its own process, so it never competes for the measured GIL."""

    def __init__(self, world: World) -> None:
        self.world = world
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(world, child), daemon=True)
        self.port = 0
        self.hosts = 1

    def start(self, timeout: float = 600.0) -> None:
        self.process.start()
        if not self._conn.poll(timeout):
            raise RuntimeError("the feed server did not start in time")
        self.port, self.hosts = self._conn.recv()

    def url(self, feed: int) -> str:
        host = f"127.0.0.{1 + feed % self.hosts}"
        return f"http://{host}:{self.port}{self.world.path(feed)}"

    def _call(self, method: str, path: str) -> Any:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", method=method)
        with urllib.request.urlopen(request, timeout=600) as resp:  # loopback only
            return json.loads(resp.read())

    def change(self, percent: float) -> int:
        """Make `percent` of the feeds gain new items; returns how many changed."""
        return int(self._call("POST", f"/_change?percent={percent}")["changed"])

    def stats(self) -> dict[str, int]:
        return dict(self._call("GET", "/_stats"))

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self._conn.send("stop")
        self.process.join(10)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(5)


def warm_worker(seconds: float = 0.3) -> int:
    """Import what the pool's jobs need (a cold worker pays it once); returns the worker's pid."""
    import os

    import bot.analyse
    import bot.feeds.parse

    del bot
    time.sleep(seconds)  # hold this worker so the next warm-up job lands on another
    return os.getpid()


def feedparser_only(urls: list[str]) -> dict[str, float]:
    """Download every feed, then time feedparser alone on those bytes (one process, one core).

    `seconds`: bytes plus headers with sanitize_html off (the target's baseline, as the bot
    first called feedparser); `tuned_seconds`: the call bot.feeds.parse makes now, which also skips
    resolving relative URIs - a stricter baseline, reported beside it.
    """
    import io

    import feedparser

    bodies: list[tuple[bytes, str]] = []
    for url in urls:
        with urllib.request.urlopen(url, timeout=60) as resp:  # loopback only
            bodies.append((resp.read(), resp.headers.get("Content-Type") or ""))
    entries = 0
    started = time.perf_counter()
    for body, ctype in bodies:
        parsed = feedparser.parse(
            io.BytesIO(body), response_headers={"content-type": ctype}, sanitize_html=False
        )
        entries += len(parsed.entries)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    for body, ctype in bodies:
        feedparser.parse(
            io.BytesIO(body),
            response_headers={"content-type": ctype},
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    tuned = time.perf_counter() - started
    return {
        "seconds": seconds,
        "tuned_seconds": tuned,
        "feeds": float(len(bodies)),
        "entries": float(entries),
        "bytes": float(sum(len(b) for b, _ in bodies)),
    }


def feedparser_only_in_child(urls: list[str]) -> dict[str, float]:
    """feedparser_only in a fresh single process, so this process's memory is not touched."""
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(feedparser_only, urls).result()
