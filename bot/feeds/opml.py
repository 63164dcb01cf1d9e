"""OPML 2.0 export and import of the feed list (pure), the format feed readers exchange.

Import refuses DOCTYPE/ENTITY declarations before xml.etree sees a byte, so no entity expands.
Telegram channels travel as type="telegram" outlines whose xmlUrl is https://t.me/s/<name>.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from bot.config import LANGUAGES
from bot.feeds.sources import CHANNEL_URL, channel_of_url
from bot.models import FeedSpec

MAX_OPML_BYTES = 1_000_000
MAX_OUTLINES = 1000
MAX_TITLE = 200
_DECLARATION_RE = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


class OpmlError(ValueError):
    """The file is not an OPML document we accept; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    """One feed outline: its title and feed URL (not yet validated as http(s))."""

    title: str
    url: str
    language: str | None = None


def export_opml(feeds: Sequence[FeedSpec], now: datetime, title: str = "powwatch feeds") -> bytes:
    """The feed list as an OPML 2.0 document (UTF-8, every attribute escaped by ElementTree)."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(now, usegmt=True)
    body = ET.SubElement(root, "body")
    for feed in feeds:
        attrs = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        channel = channel_of_url(feed.url) if feed.kind == "telegram" else None
        if channel is not None:
            attrs.update(type="telegram", htmlUrl=f"https://t.me/{channel}")
        if feed.language:
            attrs["language"] = feed.language
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def _scan_text(data: bytes) -> str:
    """The document as ASCII-compatible text for the declaration check; refuse UTF-16/32."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]:
        raise OpmlError("the file is not UTF-8 (save it as UTF-8 and try again)")
    # latin-1 never fails, and "<!DOCTYPE" is ASCII in every ASCII-compatible encoding.
    return data.decode("latin-1")


def import_opml(data: bytes) -> tuple[OpmlFeed, ...]:
    """Feed outlines (those with an xmlUrl) of an OPML document, nested categories included."""
    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(f"the file is larger than {MAX_OPML_BYTES // 1000} kB")
    if _DECLARATION_RE.search(_scan_text(data)):
        raise OpmlError("the file declares a DOCTYPE or entities, which are not accepted")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise OpmlError(f"not well-formed XML ({exc})") from None
    if root.tag.lower() != "opml":
        raise OpmlError(f"not an OPML document (root element <{root.tag[:40]}>)")
    feeds: list[OpmlFeed] = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url:
            continue  # a category or a plain link
        if len(feeds) >= MAX_OUTLINES:
            raise OpmlError(f"more than {MAX_OUTLINES} feeds in one file")
        channel = channel_of_url(url)
        if channel is not None:  # any t.me form of a channel: the one form feeds.yaml keys on
            url = CHANNEL_URL.format(channel)
        title = " ".join((outline.get("title") or outline.get("text") or "").split())
        language = (outline.get("language") or "").strip().lower()[:2]
        feeds.append(
            OpmlFeed(
                title=title[:MAX_TITLE],
                url=url,  # length and scheme are checked by the importer, never silently cut
                language=language if language in LANGUAGES else None,
            )
        )
    return tuple(feeds)
