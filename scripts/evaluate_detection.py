"""Measure the detector and fact extractor on a labelled JSONL corpus.

Usage: python scripts/evaluate_detection.py [CORPUS.jsonl] [--summary] [--verbose] [--speed]
Prints precision/recall/F1 (overall and per language) and per-field extraction accuracy on
the positives (overall and per language); without --summary also every miss and false alarm.
Exit status 0; 2 with one line when the corpus is missing or not labelled (format:
eval/README.md; positives need no event_key here).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.cli.classify import facts_record  # noqa: E402
from bot.detect import analyse, classify, extract_facts, spelling_of, summarize  # noqa: E402
from scripts.labelled import CorpusError, corpus_path, load  # noqa: E402

FIELDS = ("locations", "victims", "victim_side", "incident_date", "source_authority")
# every labelled place found, extra ones allowed: a locator town ("near Pokrovsk") is listed
# by the corpus policy and left out by some writers
FOUND = "places found"
DETECTION_KEYS = ("published", "facts")  # event_key is for clustering only
LANGS = ("en", "uk", "ru")


def _published(row: dict[str, Any]) -> date | None:
    raw = str(row.get("published") or "")[:10]
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _facts_row(facts: Any) -> dict[str, Any]:
    row = facts_record(facts)
    row["locations"] = sorted(row["locations"])  # compared as sets
    return row


def _speed(rows: list[dict[str, Any]]) -> float:
    analyse.cache_clear()
    rounds = max(1, 2000 // max(len(rows), 1))
    start = time.perf_counter()
    for i in range(rounds):
        for row in rows:
            text = f"{row['text']}\n{i}"  # vary the text so the analysis cache cannot answer
            v = classify(row["title"], text, row.get("lang"))
            if v.flagged:
                extract_facts(row["title"], text, _published(row), row.get("lang"), v)
                summarize(row["title"], text, v)
    return rounds * len(rows) / (time.perf_counter() - start)


def evaluate(rows: list[dict[str, Any]], args: argparse.Namespace, corpus: str) -> None:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    field_ok: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys((*FIELDS, FOUND), 0))
    positives: dict[str, int] = defaultdict(int)
    misses: list[str] = []
    alarms: list[str] = []
    field_bad: list[str] = []
    for row in rows:
        verdict = classify(row["title"], row["text"], row.get("lang"))
        gold = bool(row["label"])
        for key in ("all", row["lang"]):
            c = counts[key]
            c[0] += verdict.flagged and gold
            c[1] += verdict.flagged and not gold
            c[2] += gold and not verdict.flagged
        head = f"{row['id']} [{row['lang']}] {row['title'][:90]}"
        if gold and not verdict.flagged:
            why = analyse(row["title"], row["text"]).suppressed
            misses.append(f"  MISS  {head}" + (f"  (suppressed: {why})" if why else ""))
        if verdict.flagged and not gold:
            alarms.append(f"  FALSE {head}")
            alarms.extend(f"        {e.terms} {e.sentence[:200]}" for e in verdict.evidence)
        if not gold:
            continue
        got = _facts_row(extract_facts(row["title"], row["text"], _published(row), row["lang"]))
        want = dict(row["facts"])
        # a label's other spelling of one of our places ("Liptsi", "Russkoe Porechnoe") is
        # that place: the writer's romanization is accepted, not counted as a miss
        want["locations"] = sorted({spelling_of(p) for p in want["locations"] or []})
        for key in ("all", row["lang"]):
            positives[key] += 1
            for f in FIELDS:
                field_ok[key][f] += got[f] == want[f]
            field_ok[key][FOUND] += set(want["locations"]) <= set(got["locations"])
        field_bad.extend(
            f"  {row['id']} {f}: got {got[f]!r} want {want[f]!r}"
            for f in FIELDS
            if got[f] != want[f]
        )

    out = sys.stdout.write
    out(f"corpus: {corpus} ({len(rows)} items, {positives['all']} positive)\n\n")
    out("detection        P      R      F1     tp  fp  fn\n")
    langs = list(dict.fromkeys(k for k in (*LANGS, *sorted(counts)) if k in counts and k != "all"))
    for key in ("all", *langs):
        tp, fp, fn = counts[key]
        p, r, f1 = _prf(tp, fp, fn)
        out(f"  {key:<10} {p:6.3f} {r:6.3f} {f1:6.3f}  {tp:4d} {fp:3d} {fn:3d}\n")
    out("\nextraction accuracy on positives  all" + "".join(f"{k:>8}" for k in langs) + "\n")
    for f in (FIELDS[0], FOUND, *FIELDS[1:]):
        cells = "".join(
            f"{field_ok[k][f] / positives[k]:8.3f}" if positives[k] else f"{'-':>8}" for k in langs
        )
        total = f"{field_ok['all'][f] / max(positives['all'], 1):.3f}"
        out(f"  {f:<17} {total:>6} ({field_ok['all'][f]}/{positives['all']}){cells}\n")
    if not args.summary:
        out(f"\nmisses ({len(misses)}):\n" + "".join(m + "\n" for m in misses))
        out(f"false alarms ({sum(a.startswith('  FALSE') for a in alarms)}):\n")
        out("".join(a + "\n" for a in alarms))
        if args.verbose:
            out("\nfield mismatches:\n" + "".join(b + "\n" for b in field_bad))
    if args.speed:
        rate = _speed(rows)
        out(f"\nthroughput: {rate:,.0f} articles/s (classify + extract + summary, one process)\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "corpus", nargs="?", help="labelled JSON Lines (default ../shared/corpus/dev.jsonl)"
    )
    parser.add_argument("--summary", action="store_true", help="aggregate figures only")
    parser.add_argument("--verbose", action="store_true", help="print every field mismatch")
    parser.add_argument("--speed", action="store_true", help="also measure throughput")
    args = parser.parse_args(argv)
    try:
        path = corpus_path(args.corpus)
        rows = load(path, positive_keys=DETECTION_KEYS)
    except CorpusError as exc:
        sys.stderr.write(f"evaluate_detection: {exc}\n")
        return 2
    evaluate(rows, args, str(path))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
