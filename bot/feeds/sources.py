"""What a feed entry names: an http(s) feed URL, or a public Telegram channel (pure)."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit

DEFAULT_TELEGRAM_PREVIEW = "https://t.me"
CHANNEL_URL = "https://t.me/s/{}"  # a channel source's identity (state key, OPML, dedup)
_TELEGRAM_HOSTS = frozenset(("t.me", "www.t.me", "telegram.me", "www.telegram.me"))
_CHANNEL_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")
# t.me paths that are not channels: invite links, private-chat links, stickers, sharing.
_NOT_CHANNELS = frozenset(
    ("s", "c", "joinchat", "addstickers", "addemoji", "share", "proxy", "iv", "addlist", "boost")
)


def split_url(url: str) -> SplitResult | None:
    """urlsplit(url), or None for a URL it cannot read (it raises on `http://[::1/`) or whose
    port is out of range (yarl, under aiohttp, raises on it later, outside any feed's guard)."""
    try:
        parts = urlsplit(url.strip())
        _ = parts.port
    except ValueError:
        return None
    return parts


def channel_of_url(url: str) -> str | None:
    """The public channel a t.me URL names (t.me/s/<name>, t.me/<name>[/<post>]), lower case."""
    parts = split_url(url)
    if parts is None or parts.scheme not in ("http", "https"):
        return None
    if (parts.hostname or "") not in _TELEGRAM_HOSTS:
        return None
    segments = [p for p in parts.path.split("/") if p]
    if segments[:1] == ["s"]:
        segments = segments[1:]
    if not 1 <= len(segments) <= 2 or (len(segments) == 2 and not segments[1].isdigit()):
        return None
    name = segments[0]
    if name.lower() in _NOT_CHANNELS or not _CHANNEL_NAME_RE.match(name):
        return None
    return name.lower()


def channel_name(value: str) -> str | None:
    """A channel named as `name`, `@name` or a t.me URL, lower case; None if it names none."""
    value = value.strip()
    if "/" in value:
        return channel_of_url(value)
    name = value.removeprefix("@")
    return name.lower() if _CHANNEL_NAME_RE.match(name) else None


def http_url_problem(value: object) -> str | None:
    """Return a reason when value is not an absolute http(s) URL."""
    if not isinstance(value, str) or not value.strip():
        return "is not a URL"
    parts = split_url(value)
    if parts is None:
        return "is not a valid URL"
    if parts.scheme not in ("http", "https"):
        return "is not http(s)"
    if not parts.hostname:
        return "has no host"
    return None
