"""The read-only connection with an awkward DATABASE_PATH, and /stats counting by day."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage.store import Store
from tests.history import add, report

NOW = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("folder", ["reports#1", "what?now", "50% done", "a b"])
def test_reader_opens_the_same_file_whatever_the_path_holds(tmp_path: Path, folder: str) -> None:
    path = tmp_path / folder / "powwatch.db"
    writer = Store(path)
    add(writer, report(1, "Prisoners shot near Pokrovsk", now=NOW))
    before = sorted(p.name for p in tmp_path.rglob("*"))
    reader = Store(path, readonly=True)
    assert [a.title for a in reader.latest(5)] == ["Prisoners shot near Pokrovsk"]
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # no stray empty database
    with pytest.raises(Exception, match="readonly"):
        reader.db.execute("create table x (y)")


def test_stats_counts_an_incident_first_reported_yesterday_within_24_hours(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "powwatch.db")
    # Published 20 h ago: yesterday's date, but within the last 24 hours.
    add(store, report(1, "Prisoners shot near Pokrovsk", age_hours=20, now=NOW))
    add(store, report(2, "Old report from Kursk", place="Kursk", age_hours=24 * 40, now=NOW))
    stats = store.stats(NOW)
    assert dict(stats.incidents) == {"24 h": 1, "7 d": 1, "30 d": 1}
    assert dict(stats.reports)["24 h"] == 1
