"""Measure incident clustering and near-duplicate detection on the labelled dev corpus.

Positives are fed in `published` order through the same steps the Store runs: recap check,
candidate window, rank_incidents (an ambiguous report starts a copies-only incident),
merge_facts; `--store` runs the real pipeline instead. Usage:
    python scripts/evaluate_clusters.py [path/to/dev.jsonl] [--gold-facts] [--quiet]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlite_utils  # noqa: E402

from bot.incidents.cluster import (  # noqa: E402
    IncidentView,
    candidate_window,
    is_ambiguous,
    is_recap,
    merge_facts,
    new_incident,
    rank_incidents,
    score_incident,
)
from bot.incidents.dedup import NEAR_DUP_THRESHOLD, content_signature, similarity  # noqa: E402
from bot.models import Facts  # noqa: E402
from scripts.labelled import CorpusError, corpus_path, load  # noqa: E402
from storage import dedup_index  # noqa: E402

SYNDICATED = (("d013", "d058"), ("d044", "d096"), ("d028", "d154"))
Row = dict[str, Any]


def gold_facts(row: Row) -> Facts:
    f = row["facts"]
    day = f.get("incident_date")
    return Facts(
        locations=tuple(f.get("locations") or ()),
        victims=f.get("victims"),
        victim_side=f.get("victim_side"),
        incident_date=date.fromisoformat(day) if day else None,
        source_authority=f.get("source_authority"),
    )


def extractor() -> tuple[Callable[[Row], Facts] | None, str]:
    """The real extractor wrapped for a corpus row, or None and why it cannot be used."""
    try:
        from bot.detect import extract_facts
    except Exception as exc:  # an unfinished module may fail in any way at import
        return None, f"bot.detect.extract not importable ({type(exc).__name__}: {exc})"

    def run(row: Row) -> Facts:
        published = date.fromisoformat(row["published"])
        return extract_facts(row["title"], row["text"], published, row["lang"])

    return run, "bot.detect.extract.extract_facts"


def cluster(rows: list[Row], facts_of: dict[str, Facts]) -> tuple[dict[str, int], dict[str, str]]:
    """Assign each positive an incident id, as the Store would; also why it joined."""
    views: dict[int, IncidentView] = {}
    assigned: dict[str, int] = {}
    why: dict[str, str] = {}
    for row in rows:
        facts, published = facts_of[row["id"]], date.fromisoformat(row["published"])
        sig = content_signature(row["title"], row["text"])
        start, end = candidate_window(published)
        window = [
            v for v in views.values() if v.latest_published and start <= v.latest_published <= end
        ]
        recap = is_recap(row["title"], facts)
        found = (
            []
            if recap
            else rank_incidents(facts, row["title"], row["text"], published, window, sig)
        )
        ambiguous = is_ambiguous(found)
        match = found[0] if found and not ambiguous else None
        if match is None:
            new_id = len(views) + 1
            views[new_id] = new_incident(
                new_id, facts, row["title"], published, sig, recap, ambiguous
            )
            assigned[row["id"]] = new_id
            why[row["id"]] = "recap: own incident" if recap else "new incident"
        else:
            views[match.incident_id] = merge_facts(
                views[match.incident_id], facts, row["title"], published, sig
            )
            assigned[row["id"]] = match.incident_id
            why[row["id"]] = f"joined #{match.incident_id} ({match.score}): " + "; ".join(
                match.reasons
            )
    return assigned, why


def explain_miss(a: Row, b: Row, facts_of: dict[str, Facts]) -> str:
    """Why b did not join a's report: b's facts scored against a one-report view of a."""
    later, earlier = (a, b) if a["published"] > b["published"] else (b, a)
    pub = date.fromisoformat(earlier["published"])
    view = new_incident(0, facts_of[earlier["id"]], earlier["title"], pub)
    found = score_incident(facts_of[later["id"]], date.fromisoformat(later["published"]), view)
    return "contradiction (veto)" if found is None else f"{found[0]:.1f}: " + "; ".join(found[1])


def fmt_facts(f: Facts) -> str:
    day = f.incident_date.isoformat() if f.incident_date else None
    return f"{list(f.locations)} v={f.victims} side={f.victim_side} date={day}"


def near_dup_report(all_rows: list[Row]) -> None:
    t0 = time.perf_counter()
    sigs = {r["id"]: content_signature(r["title"], r["text"]) for r in all_rows}
    per_article = (time.perf_counter() - t0) / len(all_rows) * 1000
    db = sqlite_utils.Database(memory=True)
    dedup_index.ensure_schema(db)
    ids = {r["id"]: n for n, r in enumerate(all_rows, 1)}
    with db.conn:
        dedup_index.add_many(db, [(ids[i], s) for i, s in sigs.items()])
    print(f"\nNear-duplicates (threshold {NEAR_DUP_THRESHOLD}, {per_article:.2f} ms/signature)")
    for a, b in SYNDICATED:
        if a not in sigs or b not in sigs:
            continue  # the known syndicated pairs are those of the dev corpus
        hits = dict(dedup_index.near_duplicates(db, sigs[b], exclude=ids[b]))
        found = "found" if ids[a] in hits else "MISSED"
        print(f"  {a} ~ {b}: similarity {similarity(sigs[a], sigs[b]):.3f}, index lookup {found}")
    syn = {frozenset(p) for p in SYNDICATED}
    others = sorted(
        (similarity(sigs[x], sigs[y]), x, y)
        for x, y in itertools.combinations(sigs, 2)
        if frozenset((x, y)) not in syn
    )
    false_hits = [o for o in others if o[0] >= NEAR_DUP_THRESHOLD]
    top = ", ".join(f"{x}~{y} {s:.3f}" for s, x, y in others[-3:][::-1])
    print(f"  other pairs ({len(others)}): highest {top}; at/above threshold: {len(false_hits)}")


def cluster_through_store(rows: list[Row]) -> tuple[dict[str, int], dict[str, str]]:
    """The real path: analyse() then Store.add_article into a temporary SQLite file."""
    import tempfile
    from datetime import UTC, datetime

    from bot.analyse import analyse
    from bot.models import Entry
    from storage.store import Store

    assigned: dict[str, int] = {}
    why: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "eval.db")
        for n, row in enumerate(rows):
            published = datetime.fromisoformat(row["published"]).replace(tzinfo=UTC)
            entry = Entry(
                feed_name=row.get("outlet") or "corpus",
                guid=row["id"],
                link=row.get("url") or "",
                title=row["title"],
                text=row["text"],
                published=published,
                language=row.get("lang"),
            )
            result = store.add_article(analyse(entry, published), "corpus", published, alert=False)
            if result.incident_id is None:  # not flagged, or a duplicate link
                assigned[row["id"]] = -1 - n
                why[row["id"]] = "no incident"
                continue
            assigned[row["id"]] = result.incident_id
            stored = store.article(result.article_id or 0)
            why[row["id"]] = ", ".join(stored.merge_reasons) if stored else ""
        store.close()
    return assigned, why


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "path", nargs="?", help="labelled JSON Lines (default ../shared/corpus/dev.jsonl)"
    )
    parser.add_argument("--gold-facts", action="store_true", help="use the corpus's facts")
    parser.add_argument("--quiet", action="store_true", help="figures only")
    parser.add_argument(
        "--store",
        action="store_true",
        help="cluster through the real pipeline (analyse + Store) instead of in memory",
    )
    args = parser.parse_args()
    try:
        all_rows = load(corpus_path(args.path))
    except CorpusError as exc:
        sys.stderr.write(f"evaluate_clusters: {exc}\n")
        return 2
    rows = sorted(
        (r for r in all_rows if r["label"] == 1), key=lambda r: (r["published"], r["id"])
    )

    source = "gold facts (--gold-facts)"
    facts_of = {r["id"]: gold_facts(r) for r in rows}
    if not args.gold_facts:
        run, source = extractor()
        if run is None:
            print(f"facts: {source}; falling back to gold facts")
            source = "gold facts (fallback)"
        else:
            try:
                facts_of = {r["id"]: run(r) for r in rows}
            except Exception as exc:  # an unfinished extractor: say so, measure gold instead
                print(f"facts: {source} failed ({type(exc).__name__}: {exc}); using gold facts")
                source = "gold facts (fallback)"
    t0 = time.perf_counter()
    if args.store:
        assigned, why = cluster_through_store(rows)
        source = "the real pipeline (analyse + Store, temporary SQLite file)"
    else:
        assigned, why = cluster(rows, facts_of)
    per_report = (time.perf_counter() - t0) / len(rows) * 1000

    by_id = {r["id"]: r for r in rows}
    gold = {
        frozenset((a["id"], b["id"]))
        for a, b in itertools.combinations(rows, 2)
        if a["event_key"] and a["event_key"] == b["event_key"]
    }
    pred = {
        frozenset((a["id"], b["id"]))
        for a, b in itertools.combinations(rows, 2)
        if assigned[a["id"]] == assigned[b["id"]]
    }
    tp = len(gold & pred)
    precision = tp / len(pred) if pred else 1.0
    recall = tp / len(gold) if gold else 1.0
    print(f"facts: {source}; positives: {len(rows)}; clustering {per_report:.2f} ms/report")
    n_gold = len({r["event_key"] or r["id"] for r in rows})
    print(f"clusters: {len(set(assigned.values()))} (gold: {n_gold})")
    print(f"pairwise precision: {precision:.3f} ({tp}/{len(pred)})")
    print(f"pairwise recall:    {recall:.3f} ({tp}/{len(gold)})")
    if not args.quiet:
        print("\nFalse merges:")
        for pair in sorted(pred - gold, key=sorted):
            for i in sorted(pair):
                r = by_id[i]
                print(f"  {i} [{r['event_key']}] {fmt_facts(facts_of[i])} -> {why[i]}")
            print()
        print("Missed pairs:")
        for pair in sorted(gold - pred, key=sorted):
            a, b = (by_id[i] for i in sorted(pair))
            print(f"  {a['id']} + {b['id']} [{a['event_key']}]: {explain_miss(a, b, facts_of)}")
            for r in (a, b):
                print(f"      {r['id']} {r['published']} {fmt_facts(facts_of[r['id']])}")
    near_dup_report(all_rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
