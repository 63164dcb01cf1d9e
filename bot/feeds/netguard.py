"""Where outbound requests may go: only public addresses, unless ALLOWED_PRIVATE_NETWORKS says so.

The check runs on the socket address at connect time (GuardedConnector), so it covers every
request of the shared session, IP literals and DNS answers alike (no rebinding).
"""

from __future__ import annotations

import contextlib
import contextvars
import ipaddress
import socket
from collections.abc import Iterator, Sequence
from typing import Any

import aiohttp

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
VARIABLE = "ALLOWED_PRIVATE_NETWORKS"

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# Cloud metadata services, including those on otherwise public or "global" addresses.
_METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",
        "169.254.170.2",
        "168.63.129.16",
        "100.100.100.200",
        "192.0.0.192",
        "fd00:ec2::254",
    )
)
# Set for requests a public address led to (a redirect, a feed's item link): no private address
# then, allowed or not (a public page must not steer us into the local network).
_FROM_PUBLIC: contextvars.ContextVar[bool] = contextvars.ContextVar("from_public", default=False)
# The peers of the connections used by requests in this block (see peers_used).
_PEERS: contextvars.ContextVar[tuple[list[str], ...]] = contextvars.ContextVar("peers", default=())


class AddressRefused(OSError):
    """A connection to an address the guard does not allow; the message says why."""


def parse_networks(raw: str) -> tuple[IPNetwork, ...]:
    """Comma-separated CIDRs (or single addresses); ValueError names the bad part."""
    networks: list[IPNetwork] = []
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise ValueError(f"{part[:60]!r} is not an IP network like 10.0.0.0/8") from None
    return tuple(networks)


def _plain(ip: IPAddress) -> IPAddress:
    """The IPv4 address inside an IPv4-mapped, NAT64 or 6to4 IPv6 address, else ip itself."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip.sixtofour is not None:
            return ip.sixtofour
        if ip in _NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


def kind_of(ip: IPAddress) -> str | None:
    """What makes an address non-public ("loopback", "private", …), or None when it is public."""
    ip = _plain(ip)
    if ip in _METADATA:
        return "cloud metadata"
    checks = (
        (ip.is_unspecified, "unspecified"),
        (ip.is_loopback, "loopback"),
        (ip.is_link_local, "link-local"),
        # fec0::/10 is deprecated, yet Python counts it neither private nor reserved.
        (isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local, "site-local"),
        (ip in _CGNAT, "carrier-grade NAT"),
        (ip.is_multicast, "multicast"),
        (ip.is_reserved, "reserved"),
        (ip.is_private, "private"),
        (not ip.is_global, "reserved"),
    )
    return next((name for hit, name in checks if hit), None)


class AddressGuard:
    """Refuses connections to non-public addresses outside the allowed networks."""

    def __init__(self, allowed: Sequence[IPNetwork] = ()) -> None:
        self.allowed = tuple(allowed)

    def refusal(self, address: str | IPAddress) -> str | None:
        """Why a connection to address is refused, or None when it may go ahead."""
        try:
            ip = ipaddress.ip_address(
                address.split("%", 1)[0] if isinstance(address, str) else address
            )
        except ValueError:
            return f"refused: {str(address)[:60]!r} is not an IP address"
        kind = kind_of(ip)
        if kind is None:
            return None
        if _FROM_PUBLIC.get():
            return (
                f"refused: {ip} is a {kind} address reached from a public one "
                f"({VARIABLE} never covers redirects or links from public addresses)"
            )
        plain = _plain(ip)
        if any(plain in net or ip in net for net in self.allowed):
            return None
        return f"refused: {ip} is a {kind} address (set {VARIABLE} to allow it)"

    def socket_factory(self, addr_info: tuple[Any, ...]) -> socket.socket:
        """aiohttp's TCPConnector(socket_factory=...): a socket, only for an allowed address."""
        family, type_, proto, _, sockaddr = addr_info
        reason = self.refusal(str(sockaddr[0]))
        if reason is not None:
            raise AddressRefused(reason)
        return socket.socket(family=family, type=type_, proto=proto)


def is_public(address: str) -> bool:
    """True for a public address (the start of a redirect that may not turn private)."""
    try:
        return kind_of(ipaddress.ip_address(address.split("%", 1)[0])) is None
    except ValueError:
        return False


@contextlib.contextmanager
def after_public_hop(active: bool) -> Iterator[None]:
    """Within this block (when active), connections to non-public addresses are refused."""
    token = _FROM_PUBLIC.set(active or _FROM_PUBLIC.get())
    try:
        yield
    finally:
        _FROM_PUBLIC.reset(token)


@contextlib.contextmanager
def peers_used() -> Iterator[list[str]]:
    """Collects the peer address of every connection requests in this block go out on
    (blocks nest: each one collects its own and those of the blocks inside it)."""
    peers: list[str] = []
    token = _PEERS.set((*_PEERS.get(), peers))
    try:
        yield peers
    finally:
        _PEERS.reset(token)


class GuardedConnector(aiohttp.TCPConnector):
    """A TCPConnector that lets no request out to an address its guard refuses.

    New sockets are checked before they connect (socket factory: IP literals and every DNS
    answer); a pooled connection is checked again when it is handed to a request, before
    anything is sent, because the rules of this request (after_public_hop) may be stricter.
    """

    def __init__(self, guard: AddressGuard, **kwargs: Any) -> None:
        super().__init__(socket_factory=guard.socket_factory, **kwargs)
        self.guard = guard

    async def connect(
        self,
        req: aiohttp.ClientRequest,
        traces: list[Any],
        timeout: aiohttp.ClientTimeout,  # noqa: ASYNC109 - aiohttp's signature
    ) -> aiohttp.connector.Connection:
        connection = await super().connect(req, traces, timeout)
        transport = connection.transport
        peer = transport.get_extra_info("peername") if transport is not None else None
        if peer:
            address = str(peer[0])
            reason = self.guard.refusal(address)
            if reason is not None:
                connection.close()
                raise aiohttp.ClientConnectorError(req.connection_key, AddressRefused(reason))
            for peers in _PEERS.get():
                peers.append(address)
        return connection
