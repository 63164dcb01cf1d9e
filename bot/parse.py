"""Feed bytes -> normalised Entry records (plain text, UTC dates); feedparser stays in here.

DOCTYPE internal subsets are removed before parsing so entity tricks never expand.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from typing import Any

import feedparser

from bot.models import Entry

MAX_TEXT_CHARS = 20_000
MAX_TITLE_CHARS = 500
MAX_ENTRIES = 500
_DOCTYPE_RE = re.compile(rb"<!DOCTYPE[^>\[]*(\[.*?\]\s*)?>", re.IGNORECASE | re.DOTALL)
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
_SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "iframe", "svg"))
_SPACES_RE = re.compile(r"[ \t\u00a0\u200b\r\f\v]+")
_NEWLINES_RE = re.compile(r"\s*\n\s*")
EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """What parse_feed found: the entries plus feed-level facts for health and /addfeed."""

    title: str
    entries: tuple[Entry, ...]
    is_feed: bool
    warning: str | None = None


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str, limit: int = MAX_TEXT_CHARS) -> str:
    """Strip tags, decode entities, keep paragraph breaks as newlines."""
    if "<" not in markup and "&" not in markup:
        text = markup
    else:
        extractor = _TextExtractor()
        try:
            extractor.feed(markup[: limit * 4])
            extractor.close()
        except (AssertionError, ValueError):  # pragma: no cover - HTMLParser is lenient
            pass
        text = html.unescape("".join(extractor.parts))
    text = _SPACES_RE.sub(" ", text)
    text = _NEWLINES_RE.sub("\n", text).strip()
    return text[:limit]


def _defuse(body: bytes) -> tuple[bytes, str | None]:
    """Drop DOCTYPE declarations (and their entity definitions) before any XML parser sees them."""
    head = body[:65536]
    if b"<!DOCTYPE" not in head.upper() and b"<!ENTITY" not in head.upper():
        return body, None
    cleaned = _DOCTYPE_RE.sub(b"", body, count=1)
    return cleaned, "DOCTYPE removed (entity declarations are not expanded)"


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


def _entry_text(item: Any) -> str:
    summary = item.get("summary") or ""
    contents = item.get("content") or []
    body = ""
    for part in contents:
        value = part.get("value") or ""
        if len(value) > len(body):
            body = value
    return html_to_text(body if len(body) > len(summary) else summary)


def _guid(item: Any, link: str, title: str, published: datetime | None) -> str:
    guid = str(item.get("id") or item.get("guid") or "").strip()
    if guid:
        return guid[:1000]
    if link:
        return link
    # No id and no link: fall back to a hash of what the item says, so it is still stable.
    seed = f"{title}|{published.isoformat() if published else ''}|{_entry_text(item)[:500]}"
    return "sha1:" + hashlib.sha1(seed.encode("utf-8")).hexdigest()


def parse_feed(
    body: bytes,
    feed_name: str,
    *,
    now: datetime,
    content_type: str | None = None,
    base_url: str | None = None,
    language: str | None = None,
) -> ParsedFeed:
    """Parse downloaded feed bytes (never a URL) into normalised entries."""
    safe, warning = _defuse(body)
    headers = {}
    if content_type:
        headers["content-type"] = content_type
    if base_url:
        headers["content-location"] = base_url
    parsed = feedparser.parse(io.BytesIO(safe), response_headers=headers, sanitize_html=False)
    version = parsed.get("version") or ""
    entries_raw = parsed.get("entries") or []
    if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
        exc = parsed["bozo_exception"]
        note = f"{type(exc).__name__}: {exc}"[:200]
        warning = f"{warning}; {note}" if warning else note
    is_feed = bool(version) or bool(entries_raw)
    entries: list[Entry] = []
    seen: set[str] = set()
    for item in entries_raw[:MAX_ENTRIES]:
        title = html_to_text(item.get("title") or "", MAX_TITLE_CHARS)
        link = str(item.get("link") or "").strip()[:2000]
        if link and not link.lower().startswith(("http://", "https://")):
            link = ""
        published = _utc(item.get("published_parsed") or item.get("updated_parsed"), now)
        text = _entry_text(item)
        if not title and not text:
            continue
        guid = _guid(item, link, title, published)
        if guid in seen:
            continue
        seen.add(guid)
        entries.append(
            Entry(
                feed_name=feed_name,
                guid=guid,
                link=link,
                title=title or text[:120],
                text=text,
                published=published,
                language=language or _language_of(parsed),
            )
        )
    feed_title = html_to_text(parsed.get("feed", {}).get("title") or "", MAX_TITLE_CHARS)
    return ParsedFeed(title=feed_title, entries=tuple(entries), is_feed=is_feed, warning=warning)


def _language_of(parsed: Any) -> str | None:
    lang = str(parsed.get("feed", {}).get("language") or "").lower()[:2]
    return lang if lang in ("en", "uk", "ru") else None
