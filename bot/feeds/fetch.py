"""Polite HTTP for feeds: conditional GET, one total deadline, a streamed size cap, redirects.

Bodies are decompressed here, not by aiohttp, so the size cap counts decompressed bytes (a gzip
bomb stops at the cap) and a wrong Content-Encoding header is survived. Expected failures
(timeouts, refusals, 4xx/5xx, oversize bodies) come back as FetchResult.error.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import aiohttp
from yarl import URL

from bot.feeds.netguard import (
    AddressGuard,
    AddressRefused,
    GuardedConnector,
    IPNetwork,
    after_public_hop,
    is_public,
    peers_used,
)
from bot.models import FetchResult

logger = logging.getLogger(__name__)

USER_AGENT = "powwatch/0.1 (+https://github.com/powwatch; POW-execution monitoring)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
# English first: a Telegram channel preview words its "edited" marker in this language
ACCEPT_LANGUAGE = "en, *;q=0.5"
ACCEPT_ENCODING = "gzip, deflate"  # what _Decoder can undo; never br/zstd
MAX_REDIRECTS = 5
REDIRECTS = frozenset((301, 302, 303, 307, 308))
PER_HOST = 2  # requests at a time to one host from the poll cycle (HostSlots)
# Response headers worth keeping as evidence of what a server said (bounded, no cookies).
KEPT_HEADERS = frozenset(
    (
        "content-type",
        "content-length",
        "content-encoding",
        "date",
        "etag",
        "last-modified",
        "server",
        "cache-control",
        "age",
        "x-cache",
        "via",
    )
)
CHUNK = 65536
_GZIP_MAGIC = b"\x1f\x8b"


class BodyTooLarge(Exception):
    """The decoded body passed the size cap."""


def make_session(
    timeout: float, concurrency: int, allowed: Sequence[IPNetwork] = ()
) -> aiohttp.ClientSession:
    """The one ClientSession of the process: guarded addresses, connect/read timeouts.

    There is no per-host connection limit here: aiohttp counts the wait for a pooled
    connection in the request's timeout, so feeds queued behind a hanging host timed out
    without being requested. The poll cycle limits each host with HostSlots instead, before
    a feed's deadline starts; the connector's own limit is only a backstop.
    """
    return aiohttp.ClientSession(
        timeout=aiohttp.ClientTimeout(
            total=timeout, sock_connect=min(10.0, timeout), sock_read=min(15.0, timeout)
        ),
        connector=GuardedConnector(
            AddressGuard(allowed), limit=concurrency * 4 + 16, limit_per_host=0, ttl_dns_cache=300
        ),
        headers={"User-Agent": USER_AGENT},
        trace_configs=[_phase_tracing()],
    )


def _phase_tracing() -> aiohttp.TraceConfig:
    """Marks when a request's headers are sent, so a timeout can say what it waited for."""

    async def sent(_: aiohttp.ClientSession, context: Any, __: Any) -> None:
        progress = (context.trace_request_ctx or {}).get("progress")
        if isinstance(progress, _Progress):
            progress.phase = "waiting for the response"

    tracing = aiohttp.TraceConfig()
    tracing.on_request_headers_sent.append(sent)
    return tracing


class HostSlots:
    """PER_HOST requests at a time per host (scheme, name, port), waited for before a feed's
    deadline starts, so a slow host delays only its own feeds."""

    def __init__(self, per_host: int = PER_HOST) -> None:
        self.per_host = per_host
        self._slots: dict[tuple[str, str, int | None], asyncio.Semaphore] = {}

    def for_url(self, url: str) -> asyncio.Semaphore:
        # Never raises: it runs outside a feed's guard, so a URL yarl refuses (a port past
        # 65535) would end the whole cycle; fetch_feed then reports it as that feed's error.
        try:
            parts = URL(url)
            key = (parts.scheme, (parts.host or "").lower(), parts.port)
        except ValueError:
            key = ("", url, None)
        return self._slots.setdefault(key, asyncio.Semaphore(self.per_host))


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), capped at 1 day."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), 86400.0)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    delta = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(delta, 0.0), 86400.0)


class _Decoder:
    """Undo gzip/deflate with bounded output; trust the bytes over the Content-Encoding header."""

    def __init__(self, declared: str, max_bytes: int) -> None:
        self.declared = declared.strip().lower()
        self.max_bytes = max_bytes
        self.size = 0
        self.note: str | None = None
        self._zlib: zlib._Decompress | None = None
        self._sniffed = False
        self._head = b""

    def _start(self, data: bytes) -> None:
        self._sniffed = True
        is_gzip = data.startswith(_GZIP_MAGIC)
        is_zlib = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
        if self.declared in ("gzip", "x-gzip", "deflate") and not (is_gzip or is_zlib):
            if self.declared != "deflate" or data.lstrip()[:1] == b"<":
                self.note = f"Content-Encoding says {self.declared} but the body is plain"
                return
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, no zlib header
        elif is_gzip or (self.declared == "deflate" and is_zlib):
            if self.declared not in ("gzip", "x-gzip", "deflate"):
                self.note = "gzip body without Content-Encoding"
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib, auto-detected
        elif self.declared not in ("", "identity"):
            raise ValueError(f"unsupported Content-Encoding {self.declared[:40]!r}")

    def feed(self, data: bytes) -> bytes:
        if not self._sniffed:
            self._head += data
            if len(self._head) < 2:
                return b""
            data, self._head = self._head, b""
            self._start(data)
        return self._decode(data)

    def finish(self) -> bytes:
        out = b""
        if not self._sniffed and self._head:
            data, self._head = self._head, b""
            self._start(data)
            out = self._decode(data)
        if self._zlib is not None:
            tail = self._zlib.flush(self.max_bytes - self.size + 1)
            self.size += len(tail)
            if self.size > self.max_bytes:
                raise BodyTooLarge
            out += tail
            if not self._zlib.eof:
                self.note = "compressed body ends early"
        return out

    def _decode(self, data: bytes) -> bytes:
        if self._zlib is None:
            out = data
        else:
            # max_length bounds what one compressed chunk may expand to (zip-bomb safe).
            out = self._zlib.decompress(data, self.max_bytes - self.size + 1)
            if self._zlib.unconsumed_tail:
                raise BodyTooLarge
        self.size += len(out)
        if self.size > self.max_bytes:
            raise BodyTooLarge
        return out


@dataclass(slots=True)
class _Progress:
    """How far a request got, so a timeout can say what it was waiting for."""

    phase: str = "connecting"
    hops: int = 0


async def fetch_feed(
    session: aiohttp.ClientSession,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = 5_000_000,
    deadline: float | None = None,
) -> FetchResult:
    """GET url conditionally within one total deadline; stop once the body passes max_bytes.

    Redirects are followed here, hop by hop, so each hop's address is checked by the guard.
    """
    started = time.monotonic()
    seconds = deadline or session.timeout.total or 60.0
    progress = _Progress()
    try:
        async with asyncio.timeout(seconds):
            result = await _get(session, url, etag, last_modified, max_bytes, progress)
    except aiohttp.ConnectionTimeoutError:
        limit = session.timeout.sock_connect or session.timeout.connect or seconds
        result = FetchResult(url=url, error=f"timed out connecting (no connection in {limit:g} s)")
    except aiohttp.SocketTimeoutError:
        limit = session.timeout.sock_read or seconds
        result = FetchResult(url=url, error=f"timed out {progress.phase} (silent for {limit:g} s)")
    except TimeoutError:
        # A server that trickles bytes never trips a read timeout; this deadline ends it.
        result = FetchResult(url=url, error=f"timed out {progress.phase} (deadline {seconds:g} s)")
    except aiohttp.ClientConnectorDNSError as exc:
        result = FetchResult(url=url, error=f"DNS lookup failed: {exc.os_error or exc}"[:300])
    except aiohttp.ClientConnectorError as exc:
        result = FetchResult(url=url, error=_connect_error(exc))
    except aiohttp.ClientPayloadError as exc:
        result = FetchResult(url=url, error=f"broken body: {exc}"[:300])
    except aiohttp.InvalidURL as exc:  # yarl refuses hosts like 2130706434 or 0177.0.0.2
        result = FetchResult(url=url, error=f"invalid URL: {exc}"[:300])
    except aiohttp.ClientResponseError as exc:
        result = FetchResult(url=url, status=exc.status, error=f"bad response: {exc.message}")
    except (aiohttp.ClientError, ValueError, UnicodeError, zlib.error) as exc:
        result = FetchResult(url=url, error=f"{type(exc).__name__}: {exc}"[:300])
    return replace(result, elapsed=time.monotonic() - started)


def _connect_error(exc: aiohttp.ClientConnectorError) -> str:
    reason = str(exc.os_error or exc)
    if isinstance(exc.os_error, AddressRefused):
        return reason[:300]
    at = reason.find("refused: ")  # the guard's words, inside happy eyeballs' "Multiple …"
    if at >= 0:
        return reason[at:][:300]
    return f"cannot connect: {reason}"[:300]


async def _get(
    session: aiohttp.ClientSession,
    url: str,
    etag: str | None,
    last_modified: str | None,
    max_bytes: int,
    progress: _Progress,
) -> FetchResult:
    headers = {
        "Accept": ACCEPT,
        "Accept-Encoding": ACCEPT_ENCODING,
        "Accept-Language": ACCEPT_LANGUAGE,
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = URL(url)
    from_public = False
    while True:
        progress.phase = "connecting"
        with after_public_hop(from_public), peers_used() as peers:
            async with session.get(
                current,
                headers=headers,
                allow_redirects=False,
                auto_decompress=False,
                trace_request_ctx={"progress": progress},
            ) as resp:
                location = resp.headers.get("Location")
                if resp.status not in REDIRECTS or not location:
                    progress.phase = "reading the body"
                    return await _read(resp, url, etag, last_modified, max_bytes)
        # After a public hop, no hop may go to a non-public address, allowed or not.
        from_public = from_public or any(is_public(peer) for peer in peers)
        progress.hops += 1
        if progress.hops > MAX_REDIRECTS:
            return FetchResult(url=url, error=f"too many redirects (> {MAX_REDIRECTS})")
        target = current.join(URL(location))
        if target.scheme not in ("http", "https") or not target.host:
            return FetchResult(
                url=url,
                status=resp.status,
                error=f"redirect to a non-http(s) URL ({location[:100]})",
            )
        current = target


async def _read(
    resp: aiohttp.ClientResponse,
    url: str,
    etag: str | None,
    last_modified: str | None,
    max_bytes: int,
) -> FetchResult:
    base = FetchResult(
        url=url,
        status=resp.status,
        final_url=str(resp.url),
        etag=resp.headers.get("ETag") or etag,
        last_modified=resp.headers.get("Last-Modified") or last_modified,
        content_type=resp.headers.get("Content-Type"),
        headers=tuple((k, v[:300]) for k, v in resp.headers.items() if k.lower() in KEPT_HEADERS),
    )
    if resp.status == 304:
        return base
    if resp.status >= 300:
        what = "redirect without a usable Location" if resp.status < 400 else resp.reason
        return replace(
            base,
            error=f"HTTP {resp.status} {what or ''}".strip(),
            retry_after=parse_retry_after(resp.headers.get("Retry-After")),
        )
    encoding = resp.headers.get("Content-Encoding", "")
    declared = resp.content_length
    if declared is not None and declared > max_bytes and encoding in ("", "identity"):
        return replace(base, error=f"body too large ({declared} bytes > {max_bytes})")
    decoder = _Decoder(encoding, max_bytes)
    chunks: list[bytes] = []
    try:
        async for chunk in resp.content.iter_chunked(CHUNK):
            chunks.append(decoder.feed(chunk))
        chunks.append(decoder.finish())
    except BodyTooLarge:
        resp.close()  # stop now: the rest is never downloaded
        return replace(base, error=f"body too large (> {max_bytes} bytes)")
    except zlib.error as exc:
        return replace(base, error=f"broken {encoding or 'gzip'} body: {exc}"[:300])
    if decoder.note:
        logger.info("fetch url=%s note=%r", url, decoder.note)
    body = b"".join(chunks)
    if not body.strip():
        return replace(base, error="empty body")
    return replace(base, body=body)
