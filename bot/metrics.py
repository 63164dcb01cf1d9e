"""Optional Prometheus metrics (METRICS_PORT; bound to METRICS_HOST, 127.0.0.1 by default).

Counters per feed (polls, errors, new items, flagged), alerts sent and pending, cycle duration.
"""

from __future__ import annotations

import logging
import threading
from wsgiref.simple_server import WSGIServer

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server

logger = logging.getLogger(__name__)

REGISTRY = CollectorRegistry(auto_describe=True)
POLLS = Counter("powwatch_feed_polls", "Feed polls", ["feed"], registry=REGISTRY)
ERRORS = Counter("powwatch_feed_errors", "Feed polls that failed", ["feed"], registry=REGISTRY)
ITEMS = Counter("powwatch_items", "New items stored", ["feed"], registry=REGISTRY)
FLAGGED = Counter("powwatch_flagged", "New items flagged", ["feed"], registry=REGISTRY)
ALERTS_SENT = Counter("powwatch_alerts_sent", "Alerts delivered", registry=REGISTRY)
ALERTS_PENDING = Gauge(
    "powwatch_alerts_pending", "Alerts waiting in the outbox", registry=REGISTRY
)
DELIVERY_FAILING = Gauge(
    "powwatch_delivery_failing", "1 while the last delivery attempt failed", registry=REGISTRY
)
CYCLE_SECONDS = Histogram(
    "powwatch_cycle_seconds",
    "Duration of one poll cycle",
    buckets=(0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
    registry=REGISTRY,
)
LAST_CYCLE = Gauge(
    "powwatch_last_cycle_timestamp_seconds", "When the last cycle ended", registry=REGISTRY
)

_server: tuple[WSGIServer, threading.Thread] | None = None


def start(port: int | None, host: str = "127.0.0.1") -> bool:
    """Serve /metrics on host:port in a daemon thread; no port = off. True when serving."""
    global _server
    if port is None or _server is not None:
        return _server is not None
    _server = start_http_server(port, addr=host, registry=REGISTRY)
    logger.info("metrics on http://%s:%d/metrics", host, port)
    return True


def stop() -> None:
    global _server
    if _server is not None:
        server, thread = _server
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        _server = None


def is_serving() -> bool:
    return _server is not None


def observe_cycle(outcomes: list[tuple[str, int, int, bool]], seconds: float) -> None:
    """One cycle: (feed, new, flagged, failed) per polled feed, and its duration."""
    if _server is None:
        return
    for feed, new, flagged, failed in outcomes:
        POLLS.labels(feed).inc()
        if failed:
            ERRORS.labels(feed).inc()
        if new:
            ITEMS.labels(feed).inc(new)
        if flagged:
            FLAGGED.labels(feed).inc(flagged)
    if outcomes:
        CYCLE_SECONDS.observe(seconds)
        LAST_CYCLE.set_to_current_time()


def observe_delivery(sent: int, pending: int, failing: bool) -> None:
    if _server is None:
        return
    ALERTS_SENT.inc(sent)
    ALERTS_PENDING.set(pending)
    DELIVERY_FAILING.set(int(failing))
