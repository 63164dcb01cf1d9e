"""Run the burst through bot.analyse and a real Store (SQLite file) and score it against the
generator's truth: `python -m bench burst [--incidents 300] [--seed 1] [--newest-first]
[--wave-days 1] [--json F] [--world FEEDS]`."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.burst import Report, generate
from bot.analyse import analyse
from bot.incidents.regions import level
from bot.models import Entry
from storage.store import Store


def place_reports(reports: Sequence[Report], db_path: Path) -> dict[str, Any]:
    """Store every report; return where each flagged one went and the queued alerts."""
    store = Store(db_path)
    placed: dict[int, int] = {}  # report index -> incident id
    towns: dict[int, frozenset[str]] = {}  # report index -> settlements its facts name
    seconds = 0.0
    try:
        for n, r in enumerate(reports):
            entry = Entry(
                feed_name=r.outlet,
                guid=r.link,
                link=r.link,
                title=r.title,
                text=r.text,
                published=r.published,
                language=r.lang,
            )
            t0 = time.perf_counter()
            result = store.add_article(
                analyse(entry, r.published), "burst", r.published, alert=True
            )
            seconds += time.perf_counter() - t0
            if result.incident_id is not None:
                placed[n] = result.incident_id
                article = store.article(result.article_id or 0)
                places = article.facts.locations if article else ()
                towns[n] = frozenset(p for p in places if level(p) == "settlement")
        kinds = [(j.incident_id, j.kind) for j in store.pending_alerts(limit=100_000)]
        core = {i: store.incident(i) for i in set(placed.values())}
        core_towns = {
            i: {p for p in rec.facts.locations if level(p) == "settlement"} if rec else set()
            for i, rec in core.items()
        }
    finally:
        store.close()
    return {
        "placed": placed,
        "towns": towns,
        "alerts": kinds,
        "core_towns": core_towns,
        "ms_per_report": seconds / max(len(reports), 1) * 1000,
    }


def score(reports: Sequence[Report], run: dict[str, Any]) -> dict[str, Any]:
    """Pairwise precision/recall over flagged reports, place spread and alert counts."""
    placed: dict[int, int] = run["placed"]
    towns: dict[int, frozenset[str]] = run["towns"]
    flagged = sorted(placed)
    same_truth = same_pred = both = 0
    for a, b in itertools.combinations(flagged, 2):
        t = reports[a].truth == reports[b].truth
        p = placed[a] == placed[b]
        same_truth += t
        same_pred += p
        both += t and p
    members: dict[int, list[int]] = defaultdict(list)
    for n, inc in placed.items():
        members[inc].append(n)
    spread = 0
    unrelated = 0
    recaps = {placed[n] for n in flagged if reports[n].kind == "recap"}
    for inc, reps in members.items():
        if inc in recaps:  # a recap names many towns by nature; it stays its own incident
            continue
        named = set().union(*(towns[n] for n in reps))
        spread = max(spread, len(named))
        # Two towns in one incident that no single report names together.
        if any(
            not any({x, y} <= towns[n] for n in reps) for x, y in itertools.combinations(named, 2)
        ):
            unrelated += 1
    news = Counter(inc for inc, kind in run["alerts"] if kind == "new")
    truth_incidents = {reports[n].truth for n in flagged}
    # An incident's first alert must be "new"; every real incident should get exactly one.
    first_reports = {reports[n].truth: n for n in reversed(flagged)}
    missed_new = sum(1 for n in first_reports.values() if news[placed[n]] != 1)
    return {
        "reports": len(reports),
        "flagged": len(flagged),
        "truth_incidents": len(truth_incidents),
        "incidents": len(members),
        "precision": both / same_pred if same_pred else 1.0,
        "recall": both / same_truth if same_truth else 1.0,
        "pairs": {"true": same_truth, "predicted": same_pred, "both": both},
        "max_settlements_in_reports": spread,  # recaps aside, as below
        "max_settlements_in_incident": max(
            (len(t) for i, t in run["core_towns"].items() if i not in recaps), default=0
        ),
        "incidents_with_unrelated_towns": unrelated,
        "new_alerts": sum(news.values()),
        "update_alerts": sum(1 for _, kind in run["alerts"] if kind == "update"),
        "real_incidents_without_one_new_alert": missed_new,
        "ms_per_report": round(run["ms_per_report"], 2),
        "kinds": dict(Counter(r.kind for r in reports)),
    }


def measure(
    incidents: int = 300, seed: int = 1, newest_first: bool = False, wave_days: int = 1
) -> dict[str, Any]:
    """Generate, place and score one scenario in a temporary directory.

    newest_first: each day's reports arrive newest first, as feeds list them (copies and
    follow-ups before the release they repeat); otherwise in publication order.
    """
    reports = generate(incidents, seed, wave_days=wave_days)
    if newest_first:
        reports.sort(key=lambda r: (r.published.date(), -r.published.timestamp()))
    with tempfile.TemporaryDirectory() as tmp:
        return score(reports, place_reports(reports, Path(tmp) / "burst.db"))


def world_incidents(feeds: int, workers: int = 0) -> dict[str, Any]:
    """`python -m bench`'s world through the real runtime, then its incidents' spread (the
    world has no ground truth: each positive item is a report of its own)."""
    import asyncio
    import sqlite3

    from bench.pipeline import run_pipeline
    from bench.world import World

    with tempfile.TemporaryDirectory(prefix="powwatch-burst-") as tmp:
        asyncio.run(run_pipeline(World(feeds=feeds, started=time.time()), Path(tmp), workers))
        conn = sqlite3.connect(Path(tmp) / "bench.db")
        try:
            rows = conn.execute(
                "select incident_id, locations from articles where flagged = 1"
            ).fetchall()
        finally:
            conn.close()
    members: dict[int, list[frozenset[str]]] = defaultdict(list)
    for incident, places in rows:
        named = json.loads(places or "[]")
        members[incident].append(frozenset(p for p in named if level(p) == "settlement"))
    spread = [len(set().union(*reps)) for reps in members.values()]
    unrelated = sum(
        1
        for reps in members.values()
        if any(
            not any({x, y} <= r for r in reps)
            for x, y in itertools.combinations(set().union(*reps), 2)
        )
    )
    return {
        "world_feeds": feeds,
        "world_flagged": len(rows),
        "world_incidents": len(members),
        "world_max_reports_per_incident": max(map(len, members.values()), default=0),
        "world_max_settlements_per_incident": max(spread, default=0),
        "world_incidents_with_unrelated_towns": unrelated,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.burst", description=__doc__)
    parser.add_argument("--incidents", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument(
        "--world", type=int, default=0, help="also run python -m bench's world of this many feeds"
    )
    parser.add_argument(
        "--newest-first", action="store_true", help="each day's reports arrive newest first"
    )
    parser.add_argument("--wave-days", type=int, default=1, help="days between waves (1)")
    args = parser.parse_args(argv)
    figures = measure(args.incidents, args.seed, args.newest_first, args.wave_days)
    if args.world:
        figures.update(world_incidents(args.world))
    for key, value in figures.items():
        shown = f"{value:.3f}" if isinstance(value, float) else value
        sys.stdout.write(f"{key}: {shown}\n")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0
