"""`python -m bench`: the pipeline over a synthetic world of feeds, then search latencies.

python -m bench                                  # 1,000 feeds x 50 items, 1 M articles
python -m bench --feeds 200 --articles 100000    # quicker
python -m bench --json report.json               # also write the figures as JSON
python -m bench burst [--incidents 300]           # incident clustering on a template burst
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import platform
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, TextIO

TARGETS = {
    "first cycle / feedparser-only": 2.0,
    "unchanged cycle seconds (1,000 feeds)": 5.0,
    "/search p99 ms": 50.0,
    "/latest p99 ms": 10.0,
    "peak memory MB (1,000 feeds)": 250.0,
    "/latest during cold cycle p99 ms": 200.0,
}


def _default_workers() -> int:
    cores = os.cpu_count() or 1
    return min(cores, 4) if cores > 1 else 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000, help="feeds in the world (1000)")
    parser.add_argument("--items", type=int, default=50, help="items per feed (50)")
    parser.add_argument("--articles", type=int, default=1_000_000, help="stored articles (1M)")
    parser.add_argument(
        "--workers",
        type=int,
        default=_default_workers(),
        help="WORKER_PROCESSES for parse+detect (default: the bot's default for this machine)",
    )
    parser.add_argument("--reps", type=int, default=50, help="repetitions per query (50)")
    parser.add_argument("--cache-dir", type=Path, default=None, help="where search DBs are kept")
    parser.add_argument("--skip-pipeline", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    parser.add_argument("--json", type=Path, default=None, help="write the report here too")
    return parser.parse_args(argv)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def print_pipeline(report: dict[str, Any], out: TextIO) -> None:
    world = report["world"]
    print(
        f"== Pipeline: {world['feeds']} feeds x {world['items']} items "
        f"({world['bytes'] / 1e6:.1f} MB of feeds on {world['hosts']} loopback hosts), "
        f"{report['workers']} worker processes on {report['cores']} cores "
        f"(pool started in {report['pool_start_seconds']:.1f} s, before the cycles)",
        file=out,
    )
    for c in report["cycles"]:
        wall = c["wall"]
        print(f"-- cycle: {c['name']}", file=out)
        print(
            f"  wall {wall:.2f} s (poll {c['cycle']:.2f} s + alerts {c['notify']:.2f} s); "
            f"{c['feeds'] / wall:.0f} feeds/s; {c['fetched'] / wall:.0f} items/s; "
            f"statuses {c['statuses']}",
            file=out,
        )
        print(
            f"  items fetched {c['fetched']}, new {c['new']}, flagged {c['flagged']}, "
            f"alerts queued {c['alerted']}, sent {c['alerts_sent']}"
            + (f"; errors {c['errors']}" if c["errors"] else ""),
            file=out,
        )
        stages = ", ".join(f"{k} {v:.2f}" for k, v in c["stages"].items())
        print(f"  stage seconds (summed over feeds, overlapping): {stages or '-'}", file=out)
        print(
            f"  cpu seconds: main {c['cpu_main']:.2f}, workers {c['cpu_workers']:.2f} "
            f"({(c['cpu_main'] + c['cpu_workers']) / wall:.2f} cores busy)",
            file=out,
        )
        mem = c["memory"]
        print(
            f"  peak RSS: main {mem['main']:.0f} MB + workers {mem['workers']:.0f} MB "
            f"= {mem['total']:.0f} MB",
            file=out,
        )
        fp = c["feedparser"]
        if fp:
            print(
                f"  feedparser alone (1 process, same {fp['feeds']:.0f} bodies, "
                f"{fp['bytes'] / 1e6:.1f} MB): {fp['seconds']:.2f} s; "
                f"pipeline / feedparser-only = {wall / fp['seconds']:.2f}",
                file=out,
            )
            if fp.get("tuned_seconds"):
                print(
                    f"  feedparser with bot.feeds.parse's options (no relative-URI resolution): "
                    f"{fp['tuned_seconds']:.2f} s; pipeline / that = "
                    f"{wall / fp['tuned_seconds']:.2f}",
                    file=out,
                )
        else:
            print("  feedparser alone: nothing to parse (no bodies downloaded)", file=out)
        print(
            f"  event loop: worst stall {_ms(c['loop_stall_max'])}, "
            f"p99 {_ms(c['loop_stall_p99'])}; /latest during the cycle "
            f"({c['latest_probes']} probes): p50 {_ms(c['latest_p50'])}, "
            f"p99 {_ms(c['latest_p99'])}, max {_ms(c['latest_max'])}",
            file=out,
        )


def print_search(report: dict[str, Any], out: TextIO) -> None:
    built = report["built_seconds"]
    print(
        f"== Search: {report['articles']:,} articles ({report['flagged']:,} flagged), "
        f"database {report['db_mb']:.0f} MB"
        + (f", built in {built:.0f} s" if built is not None else ", cached"),
        file=out,
    )
    for name, q in report["queries"].items():
        print(
            f"  {name}: p50 {_ms(q['p50'])}, p99 {_ms(q['p99'])}; "
            + (f"{q['matches']:,} matches, " if "matches" in q else "")
            + f"{q['rows']} rows, "
            f"{q['flagged']} flagged, order {'ok' if q['ordered'] else 'WRONG'}",
            file=out,
        )


def print_targets(report: dict[str, Any], out: TextIO) -> None:
    measured: dict[str, float] = {}
    pipeline = report.get("pipeline")
    if pipeline:
        cold, unchanged = pipeline["cycles"][0], pipeline["cycles"][1]
        if cold["feedparser"]:
            measured["first cycle / feedparser-only"] = (
                cold["wall"] / cold["feedparser"]["seconds"]
            )
        if pipeline["world"]["feeds"] >= 1000:
            measured["unchanged cycle seconds (1,000 feeds)"] = unchanged["wall"]
            measured["peak memory MB (1,000 feeds)"] = max(
                c["memory"]["total"] for c in pipeline["cycles"]
            )
        measured["/latest during cold cycle p99 ms"] = cold["latest_p99"] * 1000
    search = report.get("search")
    if search:
        queries = search["queries"]
        measured["/search p99 ms"] = max(
            q["p99"] * 1000 for n, q in queries.items() if n.startswith("/search")
        )
        measured["/latest p99 ms"] = max(
            q["p99"] * 1000 for n, q in queries.items() if n.startswith("/latest")
        )
    print("== Targets", file=out)
    for name, limit in TARGETS.items():
        if name in measured:
            verdict = "met" if measured[name] <= limit else "MISSED"
            print(f"  {name}: {measured[name]:.2f} (target <= {limit:g}) {verdict}", file=out)
        else:
            print(f"  {name}: not measured at this size", file=out)


def machine() -> str:
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def main(argv: list[str] | None = None, out: TextIO = sys.stdout) -> dict[str, Any]:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    # Imported here, not at the top: the pool's spawned workers import this module as their
    # __main__, and the bot's own __main__ keeps them as light (see bot/__main__.py).
    from bench.pipeline import run_pipeline
    from bench.search import default_cache_dir, run_search
    from bench.world import World

    report: dict[str, Any] = {"machine": machine()}
    print(f"== Machine: {report['machine']}", file=out)
    if not args.skip_pipeline:
        world = World(feeds=args.feeds, items=args.items, started=time.time())
        with tempfile.TemporaryDirectory(prefix="powwatch-bench-") as tmp:
            report["pipeline"] = asyncio.run(run_pipeline(world, Path(tmp), args.workers))
        print_pipeline(report["pipeline"], out)
    if not args.skip_search:
        report["search"] = run_search(
            args.articles, args.cache_dir or default_cache_dir(), args.reps
        )
        print_search(report["search"], out)
    print_targets(report, out)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return report


if __name__ == "__main__":
    if sys.argv[1:2] == ["burst"]:  # the template-burst clustering scenario (bench/burst.py)
        from bench.burst_score import main as burst_main

        raise SystemExit(burst_main(sys.argv[2:]))
    main()
