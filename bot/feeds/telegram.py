"""Public Telegram channels through their web preview (t.me/s/<name>): paging, then parsing.

The preview's markup is undocumented; what the parser needs and does not find becomes a feed
error naming the element, so a markup change is loud, never an empty feed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from bot.feeds.fetch import fetch_feed
from bot.feeds.parse import EARLIEST, MAX_TEXT_CHARS, ParsedFeed
from bot.feeds.sources import channel_of_url
from bot.models import Entry, FeedSpec, FetchResult

BACKLOG_PAGES = 3  # a channel's first poll reads this many pages (~20 posts each) of history
MAX_PAGES = 10  # later polls page back at most this far to reach the last post seen
LAST_ID = "tg-last-id:"  # the newest post id seen, kept among the feed's recent GUID marks
TITLE_CHARS = 200
MAX_RAW_TEXT = 3000
_DATA_POST_RE = re.compile(rb'data-post="([A-Za-z0-9_]{1,64})/(\d{1,12})"')
_HISTORY = b"tgme_channel_history"
_MESSAGE = b"tgme_widget_message"


def _has(cls: str) -> str:
    """XPath predicate: the element's class list contains cls (a whole word)."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')"


_POSTS = f"//div[{_has('tgme_widget_message')}]"
_DATE = f".//a[{_has('tgme_widget_message_date')}]//time[@datetime]"
_META = f".//*[{_has('tgme_widget_message_meta')}]"
_EDITED = ("edited", "изменено", "змінено")
_TEXT = (
    f".//div[{_has('tgme_widget_message_text')}]"
    f"[not(ancestor::*[{_has('tgme_widget_message_reply')}])]"
)
_PREVIEW = (
    f".//*[{_has('tgme_widget_message_link_preview')}]"
    f"//*[{_has('link_preview_title')} or {_has('link_preview_description')}]"
)
_FORWARDED = f".//*[{_has('tgme_widget_message_forwarded_from_name')}]"
_VIEWS = f".//*[{_has('tgme_widget_message_views')}]"
_CHANNEL_TITLE = f"//*[{_has('tgme_channel_info_header_title')}]"


def channel_of(spec: FeedSpec) -> str:
    """The channel name of a telegram FeedSpec (its url is always https://t.me/s/<name>)."""
    name = channel_of_url(spec.url)
    if name is None:
        raise ValueError(f"{spec.name}: {spec.url!r} is not a channel URL")
    return name


def preview_url(base: str, channel: str, before: int | None = None) -> str:
    """The preview page of a channel, or of its posts older than `before`."""
    url = f"{base.rstrip('/')}/s/{channel}"
    return url if before is None else f"{url}?before={before}"


def last_seen_id(marks: Sequence[str]) -> int | None:
    """The newest post id an earlier poll read, from the feed's recent marks."""
    for mark in marks:
        if mark.startswith(LAST_ID) and mark[len(LAST_ID) :].isdigit():
            return int(mark[len(LAST_ID) :])
    return None


def with_last_seen(marks: Sequence[str], newest: int | None) -> tuple[str, ...]:
    """marks plus the newest post id (so the next poll knows where to stop paging)."""
    kept = tuple(m for m in marks if not m.startswith(LAST_ID))
    return kept if newest is None else (*kept, f"{LAST_ID}{newest}")


def page_problem(result: FetchResult, channel: str) -> str | None:
    """Why a fetched page is not this channel's message list, or None when it is."""
    final = urlsplit(result.final_url or result.url)
    if not final.path.lower().startswith(f"/s/{channel}"):
        # t.me sends a channel without a public preview (missing, private, renamed, or not a
        # channel at all) to its plain t.me/<name> page.
        where = final.geturl()[:200]
        return f"@{channel} has no public preview (redirected to {where}): missing or private?"
    body = result.body or b""
    if _HISTORY not in body:
        return (
            f"@{channel}: no message list on the preview page (.tgme_channel_history is "
            "missing): the channel is gone or the page markup changed"
        )
    names = {name.decode().lower() for name, _ in _DATA_POST_RE.findall(body)}
    if not names and b"tgme_widget_message_wrap" in body:
        return f'@{channel}: posts without data-post="{channel}/<id>": the markup changed'
    if names and channel not in names:
        return f"@{channel}: the page lists posts of @{sorted(names)[0]} (renamed?)"
    return None


def post_ids(body: bytes, channel: str) -> list[int]:
    """The ids of this channel's posts on a preview page (a cheap scan, no HTML parsing)."""
    return [int(n) for name, n in _DATA_POST_RE.findall(body) if name.decode().lower() == channel]


@dataclass(frozen=True, slots=True)
class ChannelFetch:
    """The preview pages one poll read, newest first; `result` is the first page's answer, or
    the error that ended the poll (no partial reads: the next poll starts again)."""

    result: FetchResult
    pages: tuple[bytes, ...] = ()
    newest_id: int | None = None
    warning: str | None = None


async def fetch_channel(
    session: aiohttp.ClientSession,
    channel: str,
    *,
    base: str,
    last_id: int | None,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = 5_000_000,
    max_pages: int | None = None,
) -> ChannelFetch:
    """Read the newest page, then `?before=` pages back to the last post seen (bounded).

    A first poll (no last id) reads BACKLOG_PAGES; later polls read until the page that reaches
    the last id, at most MAX_PAGES. Every request goes through fetch_feed: the same session,
    size cap, per-host connection limit and Retry-After handling as any feed.
    """
    first = await fetch_feed(
        session,
        preview_url(base, channel),
        etag=etag,
        last_modified=last_modified,
        max_bytes=max_bytes,
    )
    if first.error is not None or first.is_not_modified or first.body is None:
        return ChannelFetch(result=first)
    limit = max_pages or (BACKLOG_PAGES if last_id is None else MAX_PAGES)
    pages: list[bytes] = []
    newest: int | None = None
    oldest: int | None = None
    warning: str | None = None
    page = first
    while True:
        problem = page_problem(page, channel)
        if problem is not None:
            return ChannelFetch(result=replace(page, error=problem, body=None))
        body = page.body or b""
        pages.append(body)
        ids = post_ids(body, channel)
        if not ids:
            break  # an empty channel, or older than its first post
        newest = max(newest or 0, max(ids))
        if oldest is not None and min(ids) >= oldest:
            warning = f"?before={oldest} did not page back (the page repeats newer posts)"
            break
        oldest = min(ids)
        if oldest <= 1 or (last_id is not None and oldest <= last_id + 1):
            break
        if len(pages) >= limit:
            if last_id is not None:
                warning = (
                    f"more than {limit} pages of new posts since the last poll: "
                    f"posts {last_id + 1}…{oldest - 1} were not read"
                )
            break
        page = await fetch_feed(
            session, preview_url(base, channel, before=oldest), max_bytes=max_bytes
        )
        if page.error is not None or page.body is None:
            error = f"page before post {oldest}: {page.error or 'no content'}"
            return ChannelFetch(result=replace(page, error=error))
    return ChannelFetch(result=first, pages=tuple(pages), newest_id=newest, warning=warning)


def _utc(value: str, now: datetime) -> datetime | None:
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return when if EARLIEST <= when <= now + timedelta(days=2) else None


def _plain(element: Any) -> str:
    """An element's text with <br> as line breaks, whitespace runs collapsed per line."""
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = (" ".join(line.split()) for line in element.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _title(text: str) -> str:
    first = text.split("\n", 1)[0]
    if len(first) <= TITLE_CHARS:
        return first
    return first[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"


class MarkupChanged(ValueError):
    """A post lacks an element every post has had; the message names it."""


def _post(
    node: Any, channel: str, feed_name: str, now: datetime, language: str | None
) -> Entry | None:
    """One post as an Entry; None for service and media-only posts (nothing to classify)."""
    data_post = node.get("data-post") or ""
    owner, _, number = data_post.rpartition("/")
    if owner.lower() != channel or not number.isdigit():
        raise MarkupChanged(f"a post has data-post={data_post[:80]!r}, not {channel}/<id>")
    if "service_message" in (node.get("class") or ""):
        return None
    dates = node.xpath(_DATE)
    if not dates:
        raise MarkupChanged(f"post {number} has no <time datetime> in .tgme_widget_message_date")
    stamp = dates[0].get("datetime") or ""
    parts = [_plain(el) for el in node.xpath(_TEXT)]
    parts += [_plain(el) for el in node.xpath(_PREVIEW)]
    text = "\n".join(p for p in parts if p)[:MAX_TEXT_CHARS]
    if not text:
        return None  # a photo, video or file without a caption
    forwarded = node.xpath(_FORWARDED)
    source = _plain(forwarded[0]) if forwarded else ""
    source_link = (forwarded[0].get("href") or "")[:300] if forwarded else ""
    if source:
        text += f"\nForwarded from {source}" + (f" ({source_link})" if source_link else "")
    meta = node.xpath(_META)
    # The preview's language follows Accept-Language (fetch_feed asks for English first).
    is_edited = bool(meta) and any(w in meta[0].text_content().lower() for w in _EDITED)
    guid = f"t.me/{channel}/{number}"
    link = f"https://t.me/{channel}/{number}"
    if is_edited:
        # An edit is a new entry: its own GUID and link, keyed by the edited text, so an edit
        # that adds the report is classified, and re-reading the same edit stores nothing.
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
        guid += f"?edit={digest}"
        link += f"?edit={digest}"
    views = node.xpath(_VIEWS)
    raw = {
        "post": f"{channel}/{number}",
        "link": link,
        "datetime": stamp[:40],
        "edited": is_edited,
        "forwarded_from": source[:200],
        "forwarded_link": source_link,
        "views": _plain(views[0])[:20] if views else "",
        "text": text[:MAX_RAW_TEXT],
    }
    return Entry(
        feed_name=feed_name,
        guid=guid,
        link=link,
        title=_title(text),
        text=text,
        published=_utc(stamp, now),
        language=language,
        raw=json.dumps({k: v for k, v in raw.items() if v != ""}, ensure_ascii=False),
    )


def parse_channel(
    pages: Sequence[bytes],
    channel: str,
    feed_name: str,
    *,
    now: datetime,
    language: str | None = None,
) -> ParsedFeed:
    """Preview pages (newest first) -> the channel's posts as Entry records, newest first.

    A page or post missing what every preview page has is an error (ParsedFeed.error).
    """
    from lxml import etree
    from lxml import html as lxml_html  # only processes that poll channels load lxml

    entries: dict[str, Entry] = {}
    title = ""
    for body in pages:
        if _HISTORY not in body:
            error = f"@{channel}: no .tgme_channel_history on the preview page"
            return ParsedFeed(title="", entries=(), is_feed=False, error=error)
        try:
            root = lxml_html.document_fromstring(
                body, parser=lxml_html.HTMLParser(encoding="utf-8")
            )
        except (etree.LxmlError, ValueError) as exc:
            error = f"@{channel}: the preview page cannot be parsed: {exc}"[:300]
            return ParsedFeed(title="", entries=(), is_feed=False, error=error)
        if not title:
            names = root.xpath(_CHANNEL_TITLE)
            title = _plain(names[0])[:200] if names else ""
        nodes = root.xpath(_POSTS)
        if not nodes and b"tgme_widget_message_wrap" in body:
            error = f"@{channel}: posts without a .tgme_widget_message element: markup changed"
            return ParsedFeed(title="", entries=(), is_feed=False, error=error)
        posts: list[Entry] = []
        for node in nodes:
            try:
                entry = _post(node, channel, feed_name, now, language)
            except MarkupChanged as exc:
                error = f"@{channel}: {exc}: the preview markup changed"[:300]
                return ParsedFeed(title="", entries=(), is_feed=False, error=error)
            if entry is not None:
                posts.append(entry)
        for entry in reversed(posts):  # a page lists oldest first; entries go newest first
            entries.setdefault(entry.guid, entry)
    return ParsedFeed(title=title or f"@{channel}", entries=tuple(entries.values()), is_feed=True)
