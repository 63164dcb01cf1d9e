"""Throughput of the detector on RSS-sized items, one process, one core.

Usage: python scripts/bench_classify.py [CORPUS.jsonl] [--items N]
Takes the corpus's short items (<= 620 chars of text), repeats them with a varying suffix so
no cache can answer, and reports articles/s for classify() alone and for the full pure stage
(classify + extract_facts + summarize on flagged items), by wall clock and by CPU time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.detect import analyse, classify, extract_facts, find_places, summarize  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
RSS_LIMIT = 620


def _run(items: list[tuple[str, str]], full: bool) -> tuple[float, float]:
    analyse.cache_clear()
    find_places.cache_clear()
    wall, cpu = time.perf_counter(), time.process_time()
    for title, text in items:
        verdict = classify(title, text)
        if full and verdict.flagged:
            extract_facts(title, text, None, None, verdict)
            summarize(title, text, verdict)
    return len(items) / (time.perf_counter() - wall), len(items) / (time.process_time() - cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--items", type=int, default=10_000)
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in Path(args.corpus).read_text().splitlines() if line]
    short = [r for r in rows if len(r["text"]) <= RSS_LIMIT]
    if not short:
        sys.stdout.write("no RSS-sized items in the corpus\n")
        return 0
    items = [
        (r["title"], f"{r['text']} ({i})")
        for i in range(args.items // len(short) + 1)
        for r in short
    ][: args.items]
    flagged = sum(1 for r in short if r["label"]) / len(short)
    sys.stdout.write(
        f"{len(items)} RSS-sized items from {len(short)} distinct ones "
        f"(mean {sum(len(t) for _, t in items) / len(items):.0f} chars, "
        f"{flagged:.0%} positive)\n"
    )
    # the full gazetteer loads once per process (at the first place look-up): timed apart
    start = time.perf_counter()
    find_places("біля Петрівки")
    sys.stdout.write(f"  gazetteer load (once per process)  {time.perf_counter() - start:.2f} s\n")
    for label, full in (("classify only", False), ("classify + extract + summary", True)):
        wall, cpu = _run(items, full)
        sys.stdout.write(f"  {label:<30} {wall:8,.0f} articles/s wall   {cpu:8,.0f} /s CPU\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
