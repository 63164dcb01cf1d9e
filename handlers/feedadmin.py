"""Admin commands that change the feed list: they write feeds.yaml, and each one is audited.

/addfeed /removefeed /pausefeed /resumefeed /setinterval /exportfeeds /importfeeds
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import TypeVar
from urllib.parse import urlsplit

from ruamel.yaml.comments import CommentedSeq
from telegram import Update
from telegram.error import TelegramError

from bot.alerts.render import clip, esc
from bot.config import MAX_INTERVAL, ConfigError
from bot.feeds.feedfile import (
    FeedFileError,
    NewFeed,
    add_feeds,
    apply_edit,
    remove_feed,
    set_enabled,
    set_interval,
    unique_name,
)
from bot.feeds.fetch import fetch_feed
from bot.feeds.opml import MAX_OPML_BYTES, OpmlError, export_opml, import_opml
from bot.feeds.parse import ParsedFeed, parse_feed
from bot.feeds.sources import CHANNEL_URL, channel_name, channel_of_url, split_url
from bot.feeds.telegram import fetch_channel, parse_channel
from bot.incidents.dedup import canonical_url
from bot.models import FetchResult
from bot.reports.query import parse_count
from bot.runtime import BotContext, Runtime
from handlers.public import reply
from storage.store import Store

logger = logging.getLogger(__name__)

T = TypeVar("T")
MAX_URL = 2000
MAX_NAME = 80
MAX_ARGS_CHARS = 300
MAX_INTERVAL_MINUTES = MAX_INTERVAL // 60


def who(update: Update) -> tuple[int | None, str]:
    user = update.effective_user
    if user is None:
        return None, "?"
    return user.id, f"@{user.username}" if user.username else user.full_name


async def record(
    context: BotContext, update: Update, action: str, feed: str = "", detail: str = ""
) -> None:
    """Write one audit row for this update's user."""
    user_id, user_name = who(update)
    await context.runtime.worker.run(
        Store.record_action, datetime.now(UTC), user_id, user_name, action, feed, detail
    )


async def _edit(context: BotContext, edit: Callable[[CommentedSeq], T]) -> T:
    """Apply an edit to the feeds file under the feed-list lock; the next tick polls the result."""
    runtime = context.runtime
    path = runtime.settings.feeds_file
    async with runtime.watch.lock:
        try:
            feeds, result = await asyncio.to_thread(apply_edit, path, edit)
        except ConfigError as exc:
            raise FeedFileError(
                "the feeds file would not be valid: " + "; ".join(exc.problems)
            ) from None
        except OSError as exc:
            raise FeedFileError(f"cannot write {path.name}: {exc.strerror or exc}") from None
        runtime.feeds = feeds
    return result


def feed_name(text: str) -> str:
    """A feed name from a chat argument, a feed title or an OPML outline: one line, no bidi
    controls, at most MAX_NAME characters."""
    # Bidi overrides in a name (whoever writes a feed title or an OPML file chooses it) would
    # reorder the rest of the line in /feeds and in alerts; clip() drops them.
    return clip(" ".join(text.split()), MAX_NAME)


def _name_arg(context: BotContext) -> str:
    return " ".join(" ".join(context.args or []).split())[:MAX_ARGS_CHARS]


def _http_problem(url: str) -> str | None:
    if len(url) > MAX_URL:
        return f"the URL is longer than {MAX_URL} characters"
    parts = split_url(url)
    if parts is None:
        return "that is not a valid URL"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return "that is not an http(s) URL"
    return None


# Fetch errors worded by us alone; anything else may carry what the server sent (a reason
# phrase, a bad status line), which must not be shown for an address that may be internal.
_OWN_WORDS = (
    "refused: ",
    "timed out",
    "too many redirects",
    "redirect to a non-http(s) URL",
    "body too large",
    "empty body",
    "cannot connect",
    "DNS lookup failed",
    "invalid URL",
)


def _fetch_problem(result: FetchResult) -> str:
    """Why the probe failed, in words that never come from the server."""
    error = result.error or "no content"
    if error.startswith(_OWN_WORDS) or error == "no content":
        return error
    if result.status is not None and result.status >= 300:
        return f"HTTP {result.status}"
    return "the server's answer could not be read"


async def _probe(
    runtime: Runtime, url: str, name: str, watched: dict[str, str]
) -> tuple[ParsedFeed | None, str | None]:
    """Fetch and parse a candidate feed; the parsed feed, or why it is refused."""
    channel = channel_of_url(url)
    if channel is not None:
        return await _probe_channel(runtime, channel, name)
    result = await fetch_feed(runtime.session, url, max_bytes=runtime.settings.max_feed_bytes)
    if result.error is not None or result.body is None:
        return None, f"it cannot be fetched: {_fetch_problem(result)}"
    parsed = await asyncio.to_thread(
        parse_feed,
        result.body,
        name or "new feed",
        now=datetime.now(UTC),
        content_type=result.content_type,
        base_url=result.final_url,
    )
    if not parsed.is_feed:
        kind = (result.content_type or "unknown type").split(";")[0]
        return None, f"it is not an RSS or Atom feed (the server sent {kind})"
    final = canonical_url(result.final_url or url)
    if final in watched:
        return None, f"it redirects to a feed already watched as “{watched[final]}”"
    return parsed, None


async def _probe_channel(
    runtime: Runtime, channel: str, name: str
) -> tuple[ParsedFeed | None, str | None]:
    """Read a channel's newest preview page; its posts, or why it is refused."""
    settings = runtime.settings
    fetched = await fetch_channel(
        runtime.session,
        channel,
        base=settings.telegram_preview_base,
        last_id=None,
        max_bytes=settings.max_feed_bytes,
        max_pages=1,
    )
    if fetched.result.error is not None or not fetched.pages:
        return None, f"it cannot be read: {fetched.result.error or 'no content'}"
    parsed = await asyncio.to_thread(
        parse_channel, fetched.pages, channel, name or f"@{channel}", now=datetime.now(UTC)
    )
    if not parsed.is_feed:
        return None, f"its preview cannot be read: {parsed.error}"
    return parsed, None


async def addfeed(update: Update, context: BotContext) -> None:
    runtime = context.runtime
    args = context.args or []
    if not args:
        await reply(
            update,
            [
                "Usage: /addfeed <url> [name] — e.g. /addfeed https://example.org/rss, "
                "or a public Telegram channel: /addfeed @channel_name"
            ],
        )
        return
    url = args[0].strip()
    channel = channel_name(url) if url.startswith("@") else channel_of_url(url)
    if channel is not None:
        url = CHANNEL_URL.format(channel)  # the one form the feed list keys channels on
    name = feed_name(" ".join(args[1:]))
    watched = {canonical_url(f.url): f.name for f in runtime.feeds}
    names = [f.name for f in runtime.feeds]
    parsed: ParsedFeed | None = None
    problem = _http_problem(url)
    if problem is None and canonical_url(url) in watched:
        problem = f"it is already watched as “{watched[canonical_url(url)]}”"
    if problem is None and name and name.casefold() in {n.casefold() for n in names}:
        problem = f"a feed is already called “{name}”"
    if problem is None:
        parsed, problem = await _probe(runtime, url, name, watched)
    if parsed is None:
        problem = problem or "unknown problem"
        await record(context, update, "addfeed refused", url[:200], problem)
        await reply(update, [f"Not added: {esc(problem, 500)}."])
        return
    name = name or unique_name(feed_name(parsed.title) or urlsplit(url).hostname or url, names)
    try:
        await _edit(context, partial(add_feeds, new=[NewFeed(name=name, url=url)]))
    except FeedFileError as exc:
        await reply(update, [f"Not added: {esc(str(exc), 1000)}"])
        return
    dates = [e.published for e in parsed.entries if e.published is not None]
    newest = f"{max(dates):%Y-%m-%d %H:%M} UTC" if dates else "no dates given"
    await record(context, update, "addfeed", name, url)
    await reply(
        update,
        [
            f"✅ Now watching <b>{esc(name, MAX_NAME)}</b>\n"
            f"title: {esc(parsed.title or '(none)', 200)}\n"
            f"items: {len(parsed.entries)} · newest: {newest}\n"
            "Its current items are stored without alerts; new reports alert from now on."
        ],
    )


async def removefeed(update: Update, context: BotContext) -> None:
    name = _name_arg(context)
    if not name:
        await reply(update, ["Usage: /removefeed <name> — the name as /feeds shows it"])
        return
    try:
        spec = await _edit(context, partial(remove_feed, name=name))
    except FeedFileError as exc:
        await reply(update, [f"Not removed: {esc(str(exc), 1000)}"])
        return
    await record(context, update, "removefeed", spec.name, spec.url)
    await reply(
        update,
        [
            f"🗑 Removed <b>{esc(spec.name, MAX_NAME)}</b> from the feeds file. Its stored "
            "reports stay in the database; /addfeed brings it back with its history."
        ],
    )


async def _pause_or_resume(update: Update, context: BotContext, *, enabled: bool) -> None:
    verb = "resumefeed" if enabled else "pausefeed"
    name = _name_arg(context)
    if not name:
        await reply(update, [f"Usage: /{verb} <name> — the name as /feeds shows it"])
        return
    try:
        found, changed = await _edit(context, partial(set_enabled, name=name, enabled=enabled))
    except FeedFileError as exc:
        await reply(update, [f"Not changed: {esc(str(exc), 1000)}"])
        return
    state = "polled again" if enabled else "paused"
    if not changed:
        await reply(update, [f"<b>{esc(found, MAX_NAME)}</b> is already {state}."])
        return
    await record(context, update, verb, found)
    await reply(update, [f"{'▶️' if enabled else '⏸'} <b>{esc(found, MAX_NAME)}</b> is {state}."])


async def pausefeed(update: Update, context: BotContext) -> None:
    await _pause_or_resume(update, context, enabled=False)


async def resumefeed(update: Update, context: BotContext) -> None:
    await _pause_or_resume(update, context, enabled=True)


async def setinterval(update: Update, context: BotContext) -> None:
    args = context.args or []
    usage = f"Usage: /setinterval <name> <minutes> — minutes from 1 to {MAX_INTERVAL_MINUTES}"
    minutes = parse_count(args[-1], 1, MAX_INTERVAL_MINUTES) if len(args) >= 2 else None
    if minutes is None:
        await reply(update, [usage])
        return
    name = " ".join(args[:-1])[:MAX_ARGS_CHARS]
    try:
        found, before = await _edit(
            context, partial(set_interval, name=name, seconds=minutes * 60)
        )
    except FeedFileError as exc:
        await reply(update, [f"Not changed: {esc(str(exc), 1000)}"])
        return
    was = f"{before // 60} min" if before else "the default"
    await record(context, update, "setinterval", found, f"{was} → {minutes} min")
    await reply(update, [f"⏱ <b>{esc(found, MAX_NAME)}</b> is polled every {minutes} min."])


async def exportfeeds(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None:
        return
    feeds = context.runtime.feeds
    data = export_opml(feeds, datetime.now(UTC))
    await record(context, update, "exportfeeds", "", f"{len(feeds)} feeds")
    await message.reply_document(
        document=data,
        filename="powwatch-feeds.opml",
        caption=f"{len(feeds)} feeds (OPML 2.0)",
    )


async def importfeeds(update: Update, context: BotContext) -> None:
    message = update.effective_message
    target = message.reply_to_message if message else None
    document = target.document if target else None
    if document is None:
        await reply(update, ["Usage: send an OPML file, then reply to it with /importfeeds."])
        return
    if (document.file_size or 0) > MAX_OPML_BYTES:
        await reply(
            update, [f"Not imported: the file is larger than {MAX_OPML_BYTES // 1000} kB."]
        )
        return
    try:
        file = await context.bot.get_file(document.file_id)
        data = bytes(await file.download_as_bytearray())
        outlines = import_opml(data)
    except TelegramError as exc:
        await reply(update, [f"Not imported: the file could not be downloaded ({esc(str(exc))})."])
        return
    except OpmlError as exc:
        await reply(update, [f"Not imported: {esc(str(exc), 500)}."])
        return
    runtime = context.runtime
    taken = [f.name for f in runtime.feeds]
    watched = {canonical_url(f.url) for f in runtime.feeds}
    new: list[NewFeed] = []
    skipped: list[str] = []
    invalid = 0
    for outline in outlines:
        if _http_problem(outline.url) is not None:  # first: canonical_url needs a valid URL
            invalid += 1
            continue
        key = canonical_url(outline.url)
        if key in watched:
            skipped.append(outline.title or outline.url)
        else:
            host = urlsplit(outline.url).hostname or "feed"
            name = unique_name(feed_name(outline.title) or host, taken)
            taken.append(name)
            watched.add(key)
            new.append(NewFeed(name=name, url=outline.url, language=outline.language))
    if new:
        try:
            await _edit(context, partial(add_feeds, new=new))
        except FeedFileError as exc:
            await reply(update, [f"Not imported: {esc(str(exc), 1000)}"])
            return
    summary = f"added {len(new)}, already watched {len(skipped)}, not http(s) {invalid}"
    await record(
        context, update, "importfeeds", "", summary + ": " + ", ".join(f.name for f in new)
    )
    lines = [f"📥 OPML import: {summary}."]
    if new:
        lines.append("Added: " + esc(", ".join(f.name for f in new), 3000))
        lines.append("They are polled from the next cycle; /feeds shows how they do.")
    await reply(update, ["\n".join(lines)])
