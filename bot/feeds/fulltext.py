"""Full text for feeds whose items are one-liners (`full_text: true`): fetch the article page,
politely (one request at a time per host, bounded count, size and time), and extract its main
text with trafilatura, a maintained extractor, instead of scraping HTML by hand.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import replace

import aiohttp

from bot.feeds.fetch import fetch_feed
from bot.feeds.netguard import after_public_hop
from bot.feeds.sources import split_url
from bot.models import Entry

logger = logging.getLogger(__name__)

MAX_PAGES_PER_POLL = 20  # a feed's first poll may list 50 items: the rest wait for later polls
MAX_PAGE_BYTES = 2_000_000
PAGE_SECONDS = 20.0
MAX_TEXT = 20_000
MIN_GAIN = 1.2  # use the page only if it says clearly more than the feed item did


class HostLocks:
    """One request at a time per host, across all feeds of a cycle."""

    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}

    def for_url(self, url: str) -> asyncio.Lock:
        parts = split_url(url)  # never raises: an odd link must not cost the feed's pages
        host = ((parts.hostname if parts else None) or url).lower()
        return self._locks.setdefault(host, asyncio.Lock())


def split_for_pages(entries: Sequence[Entry]) -> tuple[list[Entry], list[Entry]]:
    """(now, later): items without a link and the first MAX_PAGES_PER_POLL with one are read
    now; the rest wait, unread and unstored, for a later poll."""
    now: list[Entry] = []
    later: list[Entry] = []
    linked = 0
    for entry in entries:
        if entry.link:
            linked += 1
            if linked > MAX_PAGES_PER_POLL:
                later.append(entry)
                continue
        now.append(entry)
    return now, later


_PORTS = {"http": 80, "https": 443}


def _origin(url: str) -> tuple[str, str, int | None] | None:
    parts = split_url(url)
    if parts is None:
        return None
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or _PORTS.get(scheme)


async def fetch_pages(
    session: aiohttp.ClientSession,
    entries: Sequence[Entry],
    locks: HostLocks,
    *,
    feed_is_public: bool = False,
    feed_url: str | None = None,
) -> dict[str, bytes]:
    """Article pages by entry GUID; a page that fails is skipped (the feed text is kept).

    Item links are the feed's content, not the operator's choice: a link may reach a
    non-public address (one ALLOWED_PRIVATE_NETWORKS allows) only on the feed's own origin
    (feed_url's scheme, host and port), and only when the feed itself was not served from a
    public address. Otherwise it is treated like a redirect from a public address: a local
    RSSHub relays public feeds, and their links must not reach its neighbours.
    """
    home = _origin(feed_url) if feed_url else None
    pages: dict[str, bytes] = {}
    for entry in [e for e in entries if e.link][:MAX_PAGES_PER_POLL]:
        elsewhere = feed_url is not None and (home is None or _origin(entry.link) != home)
        async with locks.for_url(entry.link):
            with after_public_hop(feed_is_public or elsewhere):
                result = await fetch_feed(
                    session, entry.link, max_bytes=MAX_PAGE_BYTES, deadline=PAGE_SECONDS
                )
        if result.body is not None and result.error is None:
            pages[entry.guid] = result.body
        else:
            logger.info("full text url=%s error=%s", entry.link[:200], result.error)
    return pages


def extract_main_text(page: bytes, url: str) -> str:
    """The page's main text (no menus, sidebars or comments), or '' when none is found."""
    import trafilatura  # heavy (lxml and friends): only processes that need it load it

    try:
        text = trafilatura.extract(
            page,
            url=url,
            include_comments=False,
            include_tables=False,
            include_links=False,
            favor_precision=True,
        )
    except (ValueError, TypeError, RecursionError) as exc:  # malformed markup
        logger.info("full text url=%s extraction failed: %s", url[:200], exc)
        return ""
    return (text or "")[:MAX_TEXT]


def with_full_text(entries: Sequence[Entry], pages: dict[str, bytes]) -> list[Entry]:
    """Entries whose page said clearly more get the page's main text (CPU-bound: run in a pool)."""
    out: list[Entry] = []
    for entry in entries:
        page = pages.get(entry.guid)
        text = extract_main_text(page, entry.link) if page else ""
        if len(text) > len(entry.text) * MIN_GAIN:
            entry = replace(entry, text=text)
        out.append(entry)
    return out
