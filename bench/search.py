"""A large stored history (default 1 M articles) built through the project's schema, and the
latencies of /search and /latest over it through the functions the handlers call.

The database is built once per size with executemany in one transaction (the FTS triggers
index every row) and cached under the temp dir, keyed by size and generator version.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.texts import LANGUAGES, POSITIVE, headline, paragraphs
from storage.migrations import MIGRATIONS
from storage.records import iso, sha256
from storage.search import fts_query
from storage.store import Store

GENERATOR_VERSION = 3  # bump when the rows or their indexing change: cached databases are rebuilt
FTS_BATCH = 50  # articles per commit while indexing, like one feed's batch
FLAGGED_PERCENT = 3.0
UNDATED_PERCENT = 5.0  # items without a date: sorted by fetched_at
HISTORY = timedelta(days=3 * 365)
END = datetime(2026, 1, 1, tzinfo=UTC)
SEARCH_PAGE = 6  # handlers ask for one page (5) plus one row that says "more"
LATEST_COUNT = 5
QUERIES = (
    ("place name", "Pokrovsk"),
    ("two words", "captured soldiers"),
    ("two common words", "drone Kharkiv"),
    ("Cyrillic word", "полонених"),
    ("no hits", "zyxwvut"),
    ("place, page 2", "Pokrovsk"),
)
_COLUMNS = (
    "url_key, canonical_url, link, feed_name, title, text, summary, published, fetched_at, "
    "language, flagged, score, evidence, locations"
)


def default_cache_dir() -> Path:
    return Path(tempfile.gettempdir()) / "powwatch-bench"


def database_path(articles: int, cache_dir: Path | None = None) -> Path:
    directory = cache_dir or default_cache_dir()
    # Keyed by schema too: a database from another migration list is rebuilt, not patched.
    return directory / f"search-{articles}-g{GENERATOR_VERSION}-s{len(MIGRATIONS)}.db"


def _rows(articles: int, seed: int) -> Iterator[tuple[Any, ...]]:
    rng = random.Random(seed)
    step = HISTORY / max(articles, 1)
    for i in range(articles):
        lang = LANGUAGES[i % 3]
        flagged = rng.random() * 100 < FLAGGED_PERCENT
        fetched = END - HISTORY + step * i
        published = None if rng.random() * 100 < UNDATED_PERCENT else fetched - timedelta(hours=1)
        paras = paragraphs(rng, lang, rng.randint(300, 700), positive=flagged)
        text = "\n".join(paras)
        link = f"https://outlet{i % 400}.example/news/{i}"
        evidence = "[]"
        summary = ""
        if flagged:
            sentence = next(p for p in paras if any(p.startswith(t[:12]) for t in POSITIVE[lang]))
            summary = sentence.split(". ")[0]
            evidence = json.dumps([{"sentence": summary, "terms": []}], ensure_ascii=False)
        yield (
            sha256(link),
            link,
            link,
            f"outlet-{i % 400}",
            headline(rng, lang),
            text,
            summary,
            iso(published),
            iso(fetched),
            lang,
            int(flagged),
            0.9 if flagged else 0.05,
            evidence,
            "[]",
        )


def build_database(path: Path, articles: int, seed: int = 7) -> float:
    """Create the database through Store (schema, migrations, FTS tables), fill it, time it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".building")
    for leftover in partial.parent.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    store = Store(partial)
    conn = store.db.conn
    # One writer, a throwaway file until it is renamed: no journal needed while building.
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-262144")
    marks = ", ".join("?" * len(_COLUMNS.split(", ")))
    with conn:
        conn.executemany(
            f"insert into articles ({_COLUMNS}) values ({marks})", _rows(articles, seed)
        )
    # Index as a live bot does: a commit per feed's batch (~50 articles), so FTS5's segments
    # and merges look like a live database's. (A one-shot 'rebuild' gives a tidier index,
    # and search p99 about a quarter lower than this.)
    for low in range(1, articles + 1, FTS_BATCH):
        with conn:
            span = [low, low + FTS_BATCH - 1]
            conn.execute(
                "INSERT INTO articles_fts (rowid, title, text) "
                "SELECT id, title, text FROM articles WHERE id BETWEEN ? AND ?",
                span,
            )
            conn.execute(
                "INSERT INTO articles_flagged_fts (rowid, title, text) "
                "SELECT id, title, text FROM articles WHERE flagged = 1 AND id BETWEEN ? AND ?",
                span,
            )
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("ANALYZE")
    store.close()
    partial.rename(path)
    return time.perf_counter() - started


def open_database(articles: int, cache_dir: Path | None = None) -> tuple[Store, float | None]:
    """The cached database of this size, built first if missing; the build time if built."""
    path = database_path(articles, cache_dir)
    built = None if path.exists() else build_database(path, articles)
    return Store(path), built


def _timed(fn: Any, reps: int) -> tuple[list[float], Any]:
    result = fn()  # warm-up: the first call also compiles the statement
    times = []
    for _ in range(reps):
        before = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - before)
    return times, result


def _quantile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def _is_ordered(found: list[Any]) -> bool:
    """Flagged before unflagged; /latest newest first."""
    flags = [a.flagged for a in found]
    return flags == sorted(flags, reverse=True)


def measure(store: Store, reps: int = 50) -> dict[str, Any]:
    """p50/p99 of Store.search and Store.latest, as the handlers call them."""
    results: dict[str, Any] = {}
    for label, text in QUERIES:
        offset = SEARCH_PAGE - 1 if "page 2" in label else 0
        times, found = _timed(lambda t=text, o=offset: store.search(t, SEARCH_PAGE, o), reps)
        query = fts_query(text)
        matches = store.db.execute(
            "select count(*) from articles_fts where articles_fts match ?", [query]
        ).fetchone()[0]
        results[f"/search {text!r} ({label})"] = {
            "matches": matches,
            "p50": _quantile(times, 50),
            "p99": _quantile(times, 99),
            "rows": len(found),
            "flagged": sum(a.flagged for a in found),
            "ordered": _is_ordered(found),
        }
    times, found = _timed(lambda: store.latest(LATEST_COUNT), reps)
    when = [a.published or a.fetched_at for a in found]
    results[f"/latest {LATEST_COUNT}"] = {
        "p50": _quantile(times, 50),
        "p99": _quantile(times, 99),
        "rows": len(found),
        "flagged": sum(a.flagged for a in found),
        "ordered": all(a.flagged for a in found) and when == sorted(when, reverse=True),
    }
    return results


def run_search(articles: int, cache_dir: Path | None = None, reps: int = 50) -> dict[str, Any]:
    store, built = open_database(articles, cache_dir)
    try:
        counts = store.counts()
        size = store.path.stat().st_size
        return {
            "articles": counts["articles"],
            "flagged": counts["flagged"],
            "db_mb": size / 1e6,
            "built_seconds": built,
            "schema_version": len(MIGRATIONS),
            "queries": measure(store, reps),
        }
    finally:
        store.close()
