"""Feed bytes -> normalised Entry records (plain text, UTC dates); feedparser stays in here.

Bytes are decoded here (BOM, UTF-16, wrong charsets) and every DOCTYPE/ENTITY declaration is
removed before feedparser sees UTF-8, so entity tricks never expand, in either of its parsers.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import io
import json
import logging
import re
import xml.sax
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser

from bot.feeds.charset import decode_feed
from bot.feeds.xmlguard import (
    MAX_ELEMENTS,
    as_utf8_xml,
    count_elements,
    defuse,
    safe_charrefs,
    without_items_past,
)
from bot.models import Entry

logger = logging.getLogger(__name__)
MAX_TEXT_CHARS = 20_000
MAX_TITLE_CHARS = 500
MAX_ENTRIES = 500
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "table",
        "section",
        "article",
        "figure",
        "figcaption",
        "header",
        "footer",
        "aside",
        "pre",
        "hr",
    ]
)
EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """What parse_feed found: the entries plus feed-level facts for health and /addfeed."""

    title: str
    entries: tuple[Entry, ...]
    is_feed: bool
    warning: str | None = None
    # With parse_feed(raw=False): the feedparser item behind each entry, in the same order,
    # so raw_entry() can be made for the few that need an evidence trail.
    items: tuple[Any, ...] = ()
    error: str | None = None  # why this is not a usable feed, when is_feed is False


# A tag's inside is [^<>]*, never [^>]*: each try then stops at the next `<`, so unclosed
# tags (`<p<p<p…`) cost linear time instead of one scan to the end per `<` (quadratic).
_SKIP_RE = re.compile(
    r"<(script|style|noscript|template|iframe|svg)\b[^<>]*>.*?(?:</\1\s*>|\Z)",
    re.IGNORECASE | re.DOTALL,
)
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[|\]\]>", re.DOTALL)
_BLOCK_RE = re.compile(r"</?(?:" + "|".join(sorted(_BLOCK_TAGS)) + r")\b[^<>]*>", re.IGNORECASE)
_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>|<![A-Za-z][^<>]*>|<\?[^<>]*\?>")
# Decimal character references too long for int() (html.unescape raises past 4300 digits).
_LONG_DECIMAL_REF_RE = re.compile(r"&#([0-9]{8,});?")


def _long_decimal_ref(match: re.Match[str]) -> str:
    digits = match.group(1).lstrip("0")
    return "\ufffd" if len(digits) > 7 else f"&#{digits or '0'};"  # > 7 digits: past U+10FFFF


def html_to_text(markup: str, limit: int = MAX_TEXT_CHARS) -> str:
    """Strip tags, decode entities, keep paragraph breaks as newlines.

    Regular expressions, not html.parser: feed item HTML is small and simple, and this runs
    for every item of every feed (html.parser, pure Python, was about 15 % of parsing).
    """
    if "<" not in markup and "&" not in markup:
        text = markup
    else:
        text = markup[: limit * 4]
        if "<" in text:
            if "<!" in text or "]]>" in text:
                text = _COMMENT_RE.sub("", text)
            text = _SKIP_RE.sub("", text)
            text = _BLOCK_RE.sub("\n", text)
            text = _TAG_RE.sub("", text)
        if "&" in text:
            if "&#" in text:
                text = _LONG_DECIMAL_REF_RE.sub(_long_decimal_ref, text)
            text = html.unescape(text)
    # Whitespace runs -> one space, blank lines dropped; str.split, not a regex, because a
    # pattern starting with a repeated class is tried at every position (3x slower here).
    lines = (" ".join(line.replace("\u200b", " ").split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)[:limit]


def _utc(parsed: Any, now: datetime) -> datetime | None:
    if not parsed:
        return None
    try:
        when = datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    except (OverflowError, ValueError, TypeError):
        return None
    # Absurd dates (epoch zero, far future) are treated as unknown, not trusted.
    if when < EARLIEST or when > now + timedelta(days=2):
        return None
    return when


# Full-text elements of Yandex-style feeds, as feedparser names them (prefix_localname, with
# the document's own prefix for namespaces it does not know: yandex:full-text, turbo:content).
_FULL_TEXT_SUFFIXES = ("_full-text", "_fulltext")
_TURBO_KEYS = ("turbo_content",)
_TURBO_HEADER_RE = re.compile(r"<header\b.*?</header\s*>", re.IGNORECASE | re.DOTALL)


def _full_texts(item: Any) -> list[str]:
    """The item's full-text extensions: <yandex:full-text> and <turbo:content>."""
    texts: list[str] = []
    for key, value in dict.items(item):
        if not isinstance(value, str) or not value:
            continue
        if key.endswith(_FULL_TEXT_SUFFIXES):
            texts.append(value)
        elif key in _TURBO_KEYS:
            # A Turbo page starts with a <header> repeating the title and the lead image.
            texts.append(_TURBO_HEADER_RE.sub("", value, count=1))
    return texts


def _entry_text(item: Any) -> str:
    """The longest of the description, content:encoded and the full-text extensions."""
    body = item.get("summary") or ""
    candidates = [part.get("value") or "" for part in item.get("content") or []]
    for value in (*candidates, *_full_texts(item)):
        if len(value) > len(body):
            body = value
    return html_to_text(body)


def _guid(item: Any, link: str, title: str, published: datetime | None) -> str:
    guid = str(item.get("id") or item.get("guid") or "").strip()
    if guid:
        return guid[:1000]
    if link:
        return link
    # No id and no link: fall back to a hash of what the item says, so it is still stable.
    seed = f"{title}|{published.isoformat() if published else ''}|{_entry_text(item)[:500]}"
    return "sha1:" + hashlib.sha1(seed.encode("utf-8")).hexdigest()


_RAW_FIELDS = ("id", "guid", "link", "title", "published", "updated", "author", "summary")
MAX_RAW = 8000


def raw_entry(item: Any) -> str:
    """The item's main fields as received, for the evidence trail (JSON, at most 8 KB)."""
    fields = {k: str(dict.get(item, k))[:3000] for k in _RAW_FIELDS if dict.get(item, k)}
    contents = dict.get(item, "content") or []
    if contents:
        fields["content"] = str(contents[0].get("value") or "")[:3000]
    elif full := _full_texts(item):
        fields["content"] = max(full, key=len)[:3000]
    tags = dict.get(item, "tags") or []
    if tags:
        fields["tags"] = ", ".join(str(t.get("term") or "") for t in tags[:20])
    return json.dumps(fields, ensure_ascii=False)[:MAX_RAW]


def parse_feed(
    body: bytes,
    feed_name: str,
    *,
    now: datetime,
    content_type: str | None = None,
    base_url: str | None = None,
    language: str | None = None,
    raw: bool = True,
) -> ParsedFeed:
    """Parse downloaded feed bytes (never a URL) into normalised entries.

    raw=False leaves Entry.raw empty and returns the items instead (see ParsedFeed.items).
    """
    text, warning = decode_feed(body, content_type, language)
    text, defused = defuse(text)
    text = without_items_past(text, MAX_ENTRIES)
    if (elements := count_elements(text)) > MAX_ELEMENTS:
        error = f"not parsed: {elements} XML elements, more than the limit of {MAX_ELEMENTS}"
        return ParsedFeed(title="", entries=(), is_feed=False, error=error)
    text = safe_charrefs(text)
    warning = "; ".join(w for w in (warning, defused) if w) or None
    media_type = (content_type or "application/xml").split(";", 1)[0].strip()
    # The bytes are UTF-8 now, whatever the server said: tell feedparser exactly that.
    headers = {"content-type": f"{media_type or 'application/xml'}; charset=utf-8"}
    if base_url:
        headers["content-location"] = base_url
    try:
        parsed = feedparser.parse(
            io.BytesIO(as_utf8_xml(text)),
            response_headers=headers,
            sanitize_html=False,
            # Links inside item HTML are dropped by html_to_text anyway: don't resolve them.
            resolve_relative_uris=False,
        )
    except Exception as exc:  # feedparser's fallback parser is old code: never let it crash a poll
        note = f"parser failed: {type(exc).__name__}: {exc}"[:200]
        return ParsedFeed(title="", entries=(), is_feed=False, warning=note)
    version = parsed.get("version") or ""
    entries_raw = parsed.get("entries") or []
    if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
        bozo = parsed["bozo_exception"]
        note = f"{type(bozo).__name__}: {bozo}"[:200]
        warning = f"{warning}; {note}" if warning else note
    # A feed cut off before its first item is broken XML with no items: as much "not a feed" as
    # garbage is, rather than a quiet "fetched=0". A well-formed empty feed is still a feed.
    broken = isinstance(parsed.get("bozo_exception"), xml.sax.SAXException)
    is_feed = bool(entries_raw) or (bool(version) and not broken)
    entries: list[Entry] = []
    items: list[Any] = []
    seen: set[str] = set()
    unreadable: list[str] = []
    language = language or _language_of(parsed)
    for item in entries_raw[:MAX_ENTRIES]:
        # One hostile item must not fail its whole feed on every poll: skip it, count it.
        try:
            entry = _entry(item, feed_name, now, language, raw)
        except Exception as exc:
            unreadable.append(f"{type(exc).__name__}: {exc}"[:100])
            continue
        if entry is None or entry.guid in seen:
            continue
        seen.add(entry.guid)
        entries.append(entry)
        items.append(item)
    if unreadable:
        note = f"{len(unreadable)} unreadable item(s) skipped ({unreadable[0]})"
        logger.warning("parse feed=%s %s", feed_name, note)
        warning = f"{warning}; {note}" if warning else note
    try:
        feed_title = html_to_text(parsed.get("feed", {}).get("title") or "", MAX_TITLE_CHARS)
    except Exception:  # the title is a nicety: never worth the feed
        feed_title = ""
    return ParsedFeed(
        title=feed_title,
        entries=tuple(entries),
        is_feed=is_feed,
        warning=warning,
        items=() if raw else tuple(items),
    )


def _entry(
    item: Any, feed_name: str, now: datetime, language: str | None, raw: bool
) -> Entry | None:
    """One feedparser item as an Entry; None when it has neither title nor text."""
    title = html_to_text(item.get("title") or "", MAX_TITLE_CHARS)
    link = str(item.get("link") or "").strip()[:2000]
    if link and not link.lower().startswith(("http://", "https://")):
        link = ""
    # Plain dict lookups: FeedParserDict maps updated_parsed to published_parsed with a
    # DeprecationWarning when a date was present but unparseable.
    published = _utc(dict.get(item, "published_parsed") or dict.get(item, "updated_parsed"), now)
    text = _entry_text(item)
    if not title and not text:
        return None
    return Entry(
        feed_name=feed_name,
        guid=_guid(item, link, title, published),
        link=link,
        title=title or text[:120],
        text=text,
        published=published,
        language=language,
        raw=raw_entry(item) if raw else "",
    )


def _language_of(parsed: Any) -> str | None:
    lang = str(parsed.get("feed", {}).get("language") or "").lower()[:2]
    return lang if lang in ("en", "uk", "ru") else None
