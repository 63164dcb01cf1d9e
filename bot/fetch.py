"""Polite HTTP for feeds: conditional GET, timeouts, a streamed size cap, bounded redirects.

Expected failures (timeouts, refusals, 4xx/5xx, oversize bodies) come back as FetchResult.error.
"""

from __future__ import annotations

import email.utils
import logging
import time
from datetime import UTC, datetime

import aiohttp

from bot.models import FetchResult

logger = logging.getLogger(__name__)

USER_AGENT = "powwatch/0.1 (+https://github.com/powwatch; POW-execution monitoring)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
MAX_REDIRECTS = 5


def make_session(timeout: float, concurrency: int) -> aiohttp.ClientSession:
    """The one ClientSession of the process, with total/connect/read timeouts."""
    return aiohttp.ClientSession(
        timeout=aiohttp.ClientTimeout(
            total=timeout, connect=min(10.0, timeout), sock_read=min(15.0, timeout)
        ),
        connector=aiohttp.TCPConnector(limit=concurrency, limit_per_host=2, ttl_dns_cache=300),
        headers={"User-Agent": USER_AGENT},
        auto_decompress=True,
    )


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), capped at 1 day."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), 86400.0)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    delta = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(delta, 0.0), 86400.0)


async def fetch_feed(
    session: aiohttp.ClientSession,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = 5_000_000,
) -> FetchResult:
    """GET url conditionally; stop reading once the body passes max_bytes."""
    headers = {"Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    started = time.monotonic()

    def done(**kwargs: object) -> FetchResult:
        return FetchResult(url=url, elapsed=time.monotonic() - started, **kwargs)  # type: ignore[arg-type]

    try:
        async with session.get(
            url, headers=headers, allow_redirects=True, max_redirects=MAX_REDIRECTS
        ) as resp:
            final_url = str(resp.url)
            common = {
                "status": resp.status,
                "final_url": final_url,
                "etag": resp.headers.get("ETag") or etag,
                "last_modified": resp.headers.get("Last-Modified") or last_modified,
                "content_type": resp.headers.get("Content-Type"),
            }
            if resp.status == 304:
                return done(**common)
            if resp.status >= 400:
                retry = parse_retry_after(resp.headers.get("Retry-After"))
                return done(
                    **common,
                    error=f"HTTP {resp.status} {resp.reason or ''}".strip(),
                    retry_after=retry,
                )
            declared = resp.content_length
            if declared is not None and declared > max_bytes:
                return done(**common, error=f"body too large ({declared} bytes > {max_bytes})")
            chunks: list[bytes] = []
            size = 0
            async for chunk in resp.content.iter_chunked(65536):
                size += len(chunk)
                if size > max_bytes:
                    return done(**common, error=f"body too large (> {max_bytes} bytes)")
                chunks.append(chunk)
            body = b"".join(chunks)
            if not body.strip():
                return done(**common, error="empty body")
            return done(**common, body=body)
    except aiohttp.TooManyRedirects:
        return done(error=f"too many redirects (> {MAX_REDIRECTS})")
    except TimeoutError:
        return done(error="timed out")
    except aiohttp.ClientConnectorError as exc:
        return done(error=f"cannot connect: {exc.os_error or exc}")
    except aiohttp.ClientPayloadError as exc:
        return done(error=f"broken body: {exc}")
    except aiohttp.ClientResponseError as exc:
        return done(status=exc.status, error=f"bad response: {exc.message}")
    except (aiohttp.ClientError, ValueError, UnicodeError) as exc:
        return done(error=f"{type(exc).__name__}: {exc}"[:300])
