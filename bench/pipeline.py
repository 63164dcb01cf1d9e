"""Poll cycles through the real code path: open_runtime, run_cycle, deliver_pending (null sink).

Cycle 1 finds every item new, cycle 2 gets 304s only, cycle 3 follows a change of 10 % of the
feeds. While each cycle runs, a ticker measures the event loop's worst stall and a prober sends
`/latest` (StoreWorker.read(Store.latest, 5), as the handler calls it) every PROBE_SECONDS.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.world import World, WorldServer, feedparser_only_in_child, warm_worker
from bot.alerts.notify import deliver_pending
from bot.app import close_runtime, open_runtime
from bot.config import DEFAULT_API_BASE_URL, Settings
from bot.feeds.netguard import parse_networks
from bot.models import FeedSpec
from bot.poll import run_cycle
from bot.runtime import Runtime
from storage.store import Store

TICK_SECONDS = 0.005
PROBE_SECONDS = 0.1


class NullSender:
    """Alerts go nowhere; counts them."""

    def __init__(self) -> None:
        self.posted = 0

    async def post(self, text: str, incident_id: int | None = None) -> int | None:
        self.posted += 1
        return self.posted

    async def edit(self, message_id: int, text: str, incident_id: int | None = None) -> int | None:
        return message_id


def _proc_status(pid: int, key: str) -> int | None:
    """A kB field of /proc/<pid>/status (VmHWM = peak RSS, VmRSS = now), or None off Linux."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def _cpu_seconds(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


async def warm_pool(runtime: Runtime, workers: int) -> tuple[list[int], float]:
    """Start every pool worker and import the stages there; their pids and the time it took."""
    if runtime.cpu is None:
        return [], 0.0
    loop = asyncio.get_running_loop()
    started = time.perf_counter()
    pids = await asyncio.gather(
        *(loop.run_in_executor(runtime.cpu, warm_worker) for _ in range(workers))
    )
    return sorted(set(pids)), time.perf_counter() - started


def memory_mb(pool: list[int]) -> dict[str, float]:
    """Peak RSS (MB) of this process and of each pool worker, and their sum."""
    own = _proc_status(os.getpid(), "VmHWM")
    if own is None:  # not Linux: getrusage's high-water marks (kB on Linux, bytes on macOS)
        scale = 1 / 1024 / 1024 if sys.platform == "darwin" else 1 / 1024
        main = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale
        return {"main": main, "workers": children, "total": main + children}
    workers = [(_proc_status(pid, "VmHWM") or 0) / 1024 for pid in pool]
    main = own / 1024
    return {"main": main, "workers": sum(workers), "total": main + sum(workers)}


@dataclass(slots=True)
class Monitor:
    """Event-loop stalls and /latest latencies while a cycle runs."""

    stalls: list[float] = field(default_factory=list)
    latest: list[float] = field(default_factory=list)

    async def tick(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            before = time.perf_counter()
            await asyncio.sleep(TICK_SECONDS)
            self.stalls.append(max(0.0, time.perf_counter() - before - TICK_SECONDS))

    async def probe(self, runtime: Runtime, stop: asyncio.Event) -> None:
        while not stop.is_set():
            before = time.perf_counter()
            await runtime.worker.read(Store.latest, 5)
            self.latest.append(time.perf_counter() - before)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), PROBE_SECONDS)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def make_settings(world_urls: list[str], db_path: Path, workers: int) -> Settings:
    feeds = tuple(
        FeedSpec(name=f"bench-{i}", url=url, language=None) for i, url in enumerate(world_urls)
    )
    return Settings(
        token=None,
        api_base_url=DEFAULT_API_BASE_URL,
        channel_id=None,
        admin_ids=frozenset(),
        allowed_chat_ids=frozenset(),
        feeds_file=Path("bench-feeds.yaml"),
        database_path=db_path,
        poll_interval=300,
        alert_window_hours=24.0,
        max_feed_bytes=5_000_000,
        fetch_timeout=60.0,
        fetch_concurrency=16,
        feeds=feeds,
        worker_processes=workers,
        # The synthetic world is served on loopback addresses 127.0.0.1, .2, … (one per host).
        allowed_private_networks=parse_networks("127.0.0.0/8"),
    )


async def _cycle(runtime: Runtime, sender: NullSender, pids: list[int]) -> dict[str, Any]:
    monitor = Monitor()
    stop = asyncio.Event()
    watchers = [
        asyncio.create_task(monitor.tick(stop)),
        asyncio.create_task(monitor.probe(runtime, stop)),
    ]
    cpu_before = {pid: _cpu_seconds(pid) for pid in [os.getpid(), *pids]}
    started = time.perf_counter()
    try:
        report = await run_cycle(runtime.poll_context(), runtime.feeds, force=True)
        cycle_done = time.perf_counter()
        posted = sender.posted
        await deliver_pending(runtime.worker, sender)
        wall = time.perf_counter() - started
    finally:
        stop.set()
        await asyncio.gather(*watchers)
    cpu = {pid: _cpu_seconds(pid) - before for pid, before in cpu_before.items()}
    statuses: dict[str, int] = {}
    for outcome in report.outcomes:
        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
    totals = report.totals
    return {
        "wall": wall,
        "cycle": cycle_done - started,
        "notify": wall - (cycle_done - started),
        "feeds": len(report.outcomes),
        "statuses": statuses,
        "errors": sorted({o.error for o in report.outcomes if o.error})[:3],
        "changed": [o.feed for o in report.outcomes if o.status == "200"],
        **totals,
        "alerts_sent": sender.posted - posted,
        "stages": report.stage_seconds,
        "cpu_main": cpu[os.getpid()],
        "cpu_workers": sum(v for k, v in cpu.items() if k != os.getpid()),
        "memory": memory_mb(pids),
        "loop_stall_max": max(monitor.stalls, default=0.0),
        "loop_stall_p99": percentile(monitor.stalls, 99),
        "latest_p50": percentile(monitor.latest, 50),
        "latest_p99": percentile(monitor.latest, 99),
        "latest_max": max(monitor.latest, default=0.0),
        "latest_probes": len(monitor.latest),
    }


async def run_pipeline(
    world: World, db_dir: Path, workers: int, *, change_percent: float = 10.0
) -> dict[str, Any]:
    """Start the world, run the three cycles, time feedparser alone on each cycle's bytes."""
    server = WorldServer(world)
    server.start()
    urls = [server.url(i) for i in range(world.feeds)]
    by_name = {f"bench-{i}": url for i, url in enumerate(urls)}
    settings = make_settings(urls, db_dir / "bench.db", workers)
    sender = NullSender()
    runtime = await open_runtime(settings, sender=sender)
    cycles: list[dict[str, Any]] = []
    try:
        pids, warm_seconds = await warm_pool(runtime, workers)
        for name in ("cold (all new)", "unchanged (304)", f"{change_percent:g} % changed"):
            if name.endswith("changed"):
                await asyncio.to_thread(server.change, change_percent)
            result = await _cycle(runtime, sender, pids)
            result["name"] = name
            # feedparser alone, one process, on exactly the bodies this cycle downloaded
            # (the world does not change until the next cycle).
            bodies = [by_name[f] for f in result.pop("changed")]
            result["feedparser"] = (
                await asyncio.to_thread(feedparser_only_in_child, bodies) if bodies else None
            )
            cycles.append(result)
        served = await asyncio.to_thread(server.stats)
    finally:
        await close_runtime(runtime)
        server.stop()
    return {
        "world": {
            "feeds": world.feeds,
            "items": world.items,
            "bytes": served["bytes"],
            "hosts": server.hosts,
        },
        "workers": workers,
        "pool_start_seconds": warm_seconds,
        "cores": os.cpu_count() or 1,
        "cycles": cycles,
        "served": served,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
