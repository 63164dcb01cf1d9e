"""Scale test: dedup and incident-candidate cost for one new article as history grows.

Builds SQLite files with N stored articles (synthetic signatures and bands, url keys, incidents
at a constant daily rate, so a bigger N is a longer history), then times per new article:
url-key lookup, near-duplicate lookup, and loading + matching the incidents in its window.
    python scripts/bench_dedup.py [--sizes 10k,100k,1M] [--lookups 300]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlite_utils  # noqa: E402

from bot.incidents.cluster import IncidentView, candidate_window, match_incident  # noqa: E402
from bot.incidents.dedup import NUM_PERM, Signature, content_signature, url_key  # noqa: E402
from bot.models import Facts  # noqa: E402
from storage import dedup_index  # noqa: E402

ARTICLES_PER_DAY = 12  # so even 10k articles span more than the 2-year incident window
INCIDENTS_PER_DAY = 1
REAL_TEXTS = 1000  # stored articles with real text signatures, targets for near-dup lookups
BATCH = 50_000
END = date(2026, 1, 1)
PLACES = ("Pokrovsk", "Robotyne", "Krynky", "Vuhledar", "Bakhmut", "Kupiansk", "Huliaipole")
WORDS = [f"w{i}" for i in range(5000)]


def parse_size(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * scale)


def synthetic_text(rng: random.Random, n: int = 180) -> str:
    return " ".join(rng.choices(WORDS, k=n))


def build(path: Path, size: int, rng: random.Random) -> tuple[list[str], list[str]]:
    """Fill a database; returns the real texts stored and a sample of stored url strings."""
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-1000000")
    db.execute(
        "CREATE TABLE articles (id INTEGER PRIMARY KEY, url_key TEXT NOT NULL, published TEXT)"
    )
    db.execute(
        "CREATE TABLE incidents (id INTEGER PRIMARY KEY, locations TEXT, victims INTEGER,"
        " victim_side TEXT, incident_date TEXT, first_published TEXT, last_published TEXT)"
    )
    dedup_index.ensure_schema(db)
    days = size // ARTICLES_PER_DAY + 1
    nprng = np.random.default_rng(7)
    texts = [synthetic_text(rng) for _ in range(min(REAL_TEXTS, size))]
    real_every = max(1, size // len(texts))
    urls: list[str] = []
    for start in range(0, size, BATCH):
        ids = range(start + 1, min(size, start + BATCH) + 1)
        rows = []
        for i in ids:
            url = f"https://outlet{i % 97}.example/news/{i}"
            published = END - timedelta(days=days - (i - 1) // ARTICLES_PER_DAY)
            rows.append((i, url_key(url), published.isoformat()))
            if i % 9973 == 0:
                urls.append(url)
        random_sigs = nprng.integers(0, 2**32, size=(len(ids), NUM_PERM), dtype=np.uint32)
        sigs = []
        for n, i in enumerate(ids):
            k = (i - 1) // real_every
            if (i - 1) % real_every == 0 and k < len(texts):
                sigs.append((i, content_signature("", texts[k])))
            else:
                sigs.append((i, Signature(random_sigs[n].astype("<u4").tobytes())))
        with db.conn:
            db.conn.executemany("INSERT INTO articles VALUES (?, ?, ?)", rows)
            dedup_index.add_many(db, sigs)
    n_incidents = days * INCIDENTS_PER_DAY
    inc_rows = []
    for i in range(1, n_incidents + 1):
        first = END - timedelta(days=days - (i - 1) // INCIDENTS_PER_DAY)
        last = first + timedelta(days=rng.choice((0, 0, 1, 3, 30)))
        inc_rows.append(
            (
                i,
                json.dumps([rng.choice(PLACES)]),
                rng.randint(1, 9),
                "Ukrainian",
                (first - timedelta(days=2)).isoformat(),
                first.isoformat(),
                last.isoformat(),
            )
        )
    with db.conn:
        db.conn.executemany("INSERT INTO incidents VALUES (?, ?, ?, ?, ?, ?, ?)", inc_rows)
        db.execute("CREATE UNIQUE INDEX articles_url_key ON articles (url_key)")
        db.execute("CREATE INDEX incidents_last_published ON incidents (last_published)")
    db.close()
    return texts, urls


def load_candidates(db: sqlite_utils.Database, published: date) -> list[IncidentView]:
    start, end = candidate_window(published)
    rows = db.execute(
        "SELECT id, locations, victims, victim_side, incident_date, first_published,"
        " last_published FROM incidents WHERE last_published BETWEEN ? AND ?",
        [start.isoformat(), end.isoformat()],
    ).fetchall()
    return [
        IncidentView(
            id=r[0],
            locations=tuple(json.loads(r[1])),
            victims=r[2],
            victim_side=r[3],
            incident_date=date.fromisoformat(r[4]),
            first_published=date.fromisoformat(r[5]),
            latest_published=date.fromisoformat(r[6]),
        )
        for r in rows
    ]


def measure(
    path: Path, texts: list[str], urls: list[str], lookups: int, rng: random.Random
) -> dict[str, list[float]]:
    """Time each step for `lookups` new articles: half edited copies, half fresh texts."""
    db = sqlite_utils.Database(path)
    out: dict[str, list[float]] = {k: [] for k in ("signature", "url", "neardup", "incidents")}
    copies = found_copies = 0
    facts = Facts(locations=("Pokrovsk",), victims=4, victim_side="Ukrainian")
    for n in range(lookups):
        is_copy = n % 2 == 0
        if is_copy:  # a lightly edited copy of a stored article, under a known URL
            words = rng.choice(texts).split()
            words[rng.randrange(len(words))] = "edited"
            text, url = " ".join(words), rng.choice(urls)
        else:
            text, url = synthetic_text(rng), f"https://new.example/{n}"
        published = END - timedelta(days=rng.randrange(30))
        t0 = time.perf_counter()
        sig = content_signature("", text)
        t1 = time.perf_counter()
        db.execute("SELECT id FROM articles WHERE url_key = ?", [url_key(url)]).fetchone()
        t2 = time.perf_counter()
        found = dedup_index.near_duplicates(db, sig)
        t3 = time.perf_counter()
        match_incident(facts, "t", "x", published, load_candidates(db, published), sig)
        t4 = time.perf_counter()
        for key, ms in zip(out, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            out[key].append(ms * 1000)
        copies += is_copy
        found_copies += is_copy and bool(found)
    out["copies_found"] = [found_copies / max(1, copies)]
    db.close()
    return out


def pct(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, round(q * (len(values) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10k,100k,1M")
    parser.add_argument("--lookups", type=int, default=300)
    args = parser.parse_args()
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    workdir = Path(tempfile.mkdtemp(prefix="powwatch-bench-"))
    results = []
    try:
        for size in sizes:
            rng = random.Random(size)
            path = workdir / f"bench-{size}.db"
            t0 = time.perf_counter()
            texts, urls = build(path, size, rng)
            build_s = time.perf_counter() - t0
            mb = path.stat().st_size / 1e6
            res = measure(path, texts, urls, args.lookups, rng)
            results.append((size, build_s, mb, res))
            path.unlink()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(
        f"{args.lookups} lookups per size, ms median / p99; synthetic history of "
        f"{ARTICLES_PER_DAY} articles and {INCIDENTS_PER_DAY} incident per day"
    )
    head = ("articles", "build s", "db MB", "url key", "near-dup", "incidents", "total", "copies")
    print("{:>9} {:>8} {:>7} {:>14} {:>14} {:>14} {:>14} {:>7}".format(*head))
    base = 0.0
    for size, build_s, mb, res in results:
        total = [sum(t) for t in zip(res["url"], res["neardup"], res["incidents"], strict=True)]
        cells = [
            f"{statistics.median(v):6.2f} /{pct(v, 0.99):6.2f}"
            for v in (res["url"], res["neardup"], res["incidents"], total)
        ]
        found = f"{res['copies_found'][0]:.0%}"
        print(f"{size:>9} {build_s:>8.1f} {mb:>7.0f} {' '.join(cells)} {found:>7}")
        base = base or statistics.median(total)
        print(f"{'':>9} median total = {statistics.median(total) / base:.2f}x the smallest size")
    sig = [v for _, _, _, r in results for v in r["signature"]]
    print(
        f"content_signature: median {statistics.median(sig):.2f} ms, p99 {pct(sig, 0.99):.2f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
