"""A tiny run of the benchmark (`python -m bench`): every section is there and the numbers are
sane. The full-size run is not part of the suite; see README "Performance"."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bench.__main__ import main
from bench.search import build_database
from storage import search as search_module
from storage.store import Store


def test_tiny_benchmark_reports_every_section(tmp_path: Path) -> None:
    out = io.StringIO()
    argv = ["--feeds", "5", "--items", "5", "--articles", "1000", "--reps", "3"]
    report = main([*argv, "--workers", "0", "--cache-dir", str(tmp_path)], out=out)
    text = out.getvalue()
    for section in ("== Machine", "== Pipeline", "== Search", "== Targets", "feedparser alone"):
        assert section in text, section
    cold, unchanged, changed = report["pipeline"]["cycles"]
    assert cold["statuses"] == {"200": 5}
    assert cold["fetched"] == cold["new"] == 25
    assert {"fetch", "parse_analyse", "store"} <= set(cold["stages"])
    # five HTTP round trips on loopback take well over a millisecond: the fetch is timed
    assert cold["stages"]["fetch"] > 0.001
    assert cold["feedparser"]["entries"] == 25 and cold["feedparser"]["seconds"] > 0
    assert unchanged["statuses"] == {"304": 5} and unchanged["new"] == 0
    assert changed["statuses"] == {"200": 1, "304": 4} and changed["new"] == 5
    for cycle in (cold, unchanged, changed):
        assert 0 < cycle["wall"] < 30
        assert 10 < cycle["memory"]["total"] < 2000
        assert cycle["latest_probes"] >= 1 and cycle["latest_p99"] < 5
    search = report["search"]
    assert search["articles"] == 1000 and 0 < search["flagged"] < 100
    for name, q in search["queries"].items():
        assert q["ordered"], name
        assert 0 <= q["p50"] <= q["p99"] < 1, name
        assert (q["rows"] == 0) == ("no hits" in name), name
    assert search["queries"]["/latest 5"]["rows"] == 5


def test_search_pages_past_the_rank_window_without_gaps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.db"
    build_database(path, 600)
    store = Store(path)
    try:
        everything = store.search("Pokrovsk", 10_000)
        monkeypatch.setattr(search_module, "RANK_WINDOW", 7)
        pages = [store.search("Pokrovsk", 6, offset) for offset in range(0, len(everything), 6)]
    finally:
        store.close()
    paged = [a for page in pages for a in page]
    assert len(everything) > 20
    assert sorted(a.id for a in paged) == sorted(a.id for a in everything)  # each match once
    flags = [a.flagged for a in paged]
    assert flags == sorted(flags, reverse=True) and any(flags) and not all(flags)
