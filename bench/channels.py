"""`python -m bench.channels`: polling N Telegram channels against N RSS feeds of the same posts.

One loopback server (its own process) serves every source both ways: as t.me/s/<name> preview
pages (20 posts a page, ?before= paging) and as an RSS 2.0 feed. Each kind gets a fresh
database; the bot runs with WORKER_PROCESSES=0, so its process CPU time is the whole cost.

python -m bench.channels                 # 50 sources, 3 rounds
python -m bench.channels --sources 10 --rounds 1 --json out.json
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TextIO

from aiohttp import web

from bench.pipeline import make_settings
from bench.texts import headline, paragraphs
from bot.alerts.notify import TerminalSender
from bot.app import close_runtime, open_runtime
from bot.config import Settings
from bot.feeds.sources import CHANNEL_URL
from bot.models import FeedSpec
from bot.poll import run_cycle

BACKLOG = 60  # posts on the first poll: the RSS feed carries as many as 3 channel pages
PAGE = 20  # posts per preview page, as t.me serves them
FEED_ITEMS = 20  # later polls: an RSS feed of one page's size
NEW = 5  # posts each source gains between the first and second poll


def _post(source: int, n: int, started: float) -> dict[str, str]:
    rng = random.Random(f"channels:{source}:{n}")
    lang = ("uk", "en", "ru")[source % 3]
    size = rng.randint(400, 1200) // (2 if lang != "en" else 1)
    text = [headline(rng, lang), *paragraphs(rng, lang, size, positive=rng.random() < 0.03)]
    when = datetime.fromtimestamp(started, UTC) - timedelta(minutes=10 * (BACKLOG + NEW - n))
    return {"lines": "\n".join(text), "title": text[0], "when": when.isoformat()}


def preview_page(source: int, posts: list[tuple[int, dict[str, str]]]) -> bytes:
    """A preview page with the structure the parser reads (see tests/channels.py)."""
    name = f"bench_channel_{source}"
    items = "".join(
        '<div class="tgme_widget_message_wrap js-widget_message_wrap">'
        f'<div class="tgme_widget_message js-widget_message" data-post="{name}/{n}">'
        '<div class="tgme_widget_message_bubble">'
        '<div class="tgme_widget_message_text js-message_text" dir="auto">'
        + "<br/>".join(escape(line) for line in p["lines"].split("\n"))
        + "</div>"
        '<div class="tgme_widget_message_footer"><div class="tgme_widget_message_info">'
        '<span class="tgme_widget_message_views">1K</span>'
        f'<span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" '
        f'href="https://t.me/{name}/{n}"><time datetime="{p["when"]}">x</time></a></span>'
        "</div></div></div></div></div>"
        for n, p in posts
    )
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{name}</title></head><body>'
        f'<div class="tgme_channel_info_header_title"><span>Bench {source}</span></div>'
        f'<section class="tgme_channel_history js-message_history">{items}</section>'
        "</body></html>"
    ).encode()


def rss_feed(source: int, posts: list[tuple[int, dict[str, str]]]) -> bytes:
    items = "".join(
        f"<item><title>{escape(p['title'])}</title>"
        f"<link>https://feed{source}.example/{n}</link>"
        f'<guid isPermaLink="false">s{source}-{n}</guid>'
        f"<pubDate>{format_datetime(datetime.fromisoformat(p['when']), usegmt=True)}</pubDate>"
        f"<description>{escape(p['lines'])}</description></item>"
        for n, p in reversed(posts)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Bench {source}</title><link>https://feed{source}.example/</link>"
        f"{items}</channel></rss>"
    ).encode()


class _Server:
    def __init__(self, sources: int, started: float) -> None:
        self.posts = [
            [(n, _post(s, n, started)) for n in range(1, BACKLOG + NEW + 1)]
            for s in range(sources)
        ]
        self.visible = BACKLOG
        self.requests = 0
        self.bytes = 0

    def _send(self, body: bytes, content_type: str) -> web.Response:
        self.requests += 1
        self.bytes += len(body)
        return web.Response(body=body, content_type=content_type)

    async def preview(self, request: web.Request) -> web.Response:
        source = int(request.match_info["name"].rsplit("_", 1)[1])
        before = int(request.query.get("before", 10**9))
        shown = [p for p in self.posts[source][: self.visible] if p[0] < before]
        return self._send(preview_page(source, shown[-PAGE:]), "text/html")

    async def feed(self, request: web.Request) -> web.Response:
        source = int(request.match_info["n"])
        size = BACKLOG if self.visible == BACKLOG else FEED_ITEMS
        shown = self.posts[source][: self.visible][-size:]
        return self._send(rss_feed(source, shown), "application/rss+xml")

    async def control(self, request: web.Request) -> web.Response:
        if request.method == "POST":
            self.visible = int(request.query["visible"])
        stats = {"requests": self.requests, "bytes": self.bytes}
        self.requests = self.bytes = 0
        return web.json_response(stats)


def _serve(sources: int, started: float, conn: Connection) -> None:
    async def main() -> None:
        server = _Server(sources, started)
        app = web.Application()
        app.router.add_get("/s/{name}", server.preview)
        app.router.add_get("/feed/{n}.xml", server.feed)
        app.router.add_route("*", "/_control", server.control)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        conn.send(site._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]
        await asyncio.get_running_loop().run_in_executor(None, conn.recv)
        await runner.cleanup()

    asyncio.run(main())


async def _control(base: str, visible: int | None = None) -> dict[str, int]:
    import aiohttp

    query = f"?visible={visible}" if visible is not None else ""
    async with aiohttp.ClientSession() as session:
        method = "POST" if visible is not None else "GET"
        async with session.request(method, f"{base}/_control{query}") as resp:
            data: dict[str, int] = await resp.json()
            return data


def _settings(feeds: tuple[FeedSpec, ...], db: Path, base: str) -> Settings:
    """The pipeline benchmark's settings, with these feeds and the preview pages at `base`."""
    return replace(make_settings([], db, 0), feeds=feeds, telegram_preview_base=base)


async def _polls(kind: str, sources: int, base: str, workdir: Path) -> list[dict[str, Any]]:
    """A first poll, then one after NEW posts each; wall and CPU seconds, requests, bytes."""
    if kind == "telegram":
        feeds = tuple(
            FeedSpec(f"c{i}", CHANNEL_URL.format(f"bench_channel_{i}"), kind="telegram")
            for i in range(sources)
        )
    else:
        feeds = tuple(FeedSpec(f"f{i}", f"{base}/feed/{i}.xml") for i in range(sources))
    db = workdir / f"{kind}-{time.monotonic_ns()}.db"
    runtime = await open_runtime(_settings(feeds, db, base), TerminalSender(io.StringIO()))
    polls: list[dict[str, Any]] = []
    try:
        for visible in (BACKLOG, BACKLOG + NEW):
            await _control(base, visible)
            cpu, wall = time.process_time(), time.perf_counter()
            report = await run_cycle(runtime.poll_context(), runtime.feeds, force=True)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            served = await _control(base)
            errors = [o.error for o in report.outcomes if o.error]
            if errors:
                raise RuntimeError(f"{kind}: {errors[0]}")
            polls.append({"wall": wall, "cpu": cpu, **served, **report.totals})
    finally:
        await close_runtime(runtime)
    return polls


async def run(sources: int, rounds: int, out: TextIO) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    conn, child = context.Pipe()
    process = context.Process(target=_serve, args=(sources, time.time(), child), daemon=True)
    process.start()
    if not conn.poll(120):
        raise RuntimeError("the bench server did not start")
    base = f"http://127.0.0.1:{conn.recv()}"
    results: dict[str, list[list[dict[str, Any]]]] = {"rss": [], "telegram": []}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for _ in range(rounds):
                for kind in ("rss", "telegram"):  # alternate, so drift hits both alike
                    results[kind].append(await _polls(kind, sources, base, Path(tmp)))
    finally:
        with contextlib.suppress(OSError):
            conn.send("stop")
        process.join(10)
    report: dict[str, Any] = {"sources": sources, "rounds": rounds}
    out.write(f"{sources} sources, {rounds} round(s), medians; one loopback host for both\n")
    for index, label in enumerate(("first poll", "next poll (+5 posts each)")):
        row: dict[str, Any] = {}
        for kind in ("rss", "telegram"):
            polls = [r[index] for r in results[kind]]
            row[kind] = {
                key: statistics.median(p[key] for p in polls)
                for key in ("wall", "cpu", "requests", "bytes", "fetched", "new")
            }
        row["cpu_ratio"] = row["telegram"]["cpu"] / max(row["rss"]["cpu"], 1e-9)
        report[label] = row
        out.write(f"== {label}\n")
        for kind in ("rss", "telegram"):
            r = row[kind]
            out.write(
                f"  {kind:8} wall {r['wall']:.2f} s · cpu {r['cpu']:.2f} s · "
                f"{r['requests']:.0f} requests, {r['bytes'] / 1e6:.1f} MB · "
                f"read {r['fetched']:.0f} items, {r['new']:.0f} new\n"
            )
        out.write(f"  telegram cpu / rss cpu = {row['cpu_ratio']:.2f}\n")
    return report


def main(argv: list[str] | None = None, out: TextIO = sys.stdout) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m bench.channels", description=__doc__)
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    report = asyncio.run(run(args.sources, args.rounds, out))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return report


if __name__ == "__main__":
    main()
