"""Near-duplicate lookup over a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from bot.incidents.dedup import content_signature
from storage import dedup_index

STORY = (
    "Regional prosecutors said assault troops shot three wounded defenders who had been taken "
    "prisoner at a forward position east of the river. Video from a reconnaissance drone shows "
    "the men sitting by a wall before they were killed. Investigators opened a criminal case "
    "and are checking which regiment held the sector that week, the office said in a statement."
)
COPY = STORY.replace("said in a statement", "said in a statement on Friday") + " (Agency copy.)"
OTHER = (
    "A regional library reopened after renovation with a new reading hall for children, a "
    "small cinema and longer opening hours on weekends, the city administration announced."
)


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    database = sqlite_utils.Database(tmp_path / "dedup.db")
    dedup_index.ensure_schema(database)
    return database


def test_schema_is_idempotent(db: sqlite_utils.Database) -> None:
    dedup_index.ensure_schema(db)
    assert {"article_signatures", "article_bands"} <= set(db.table_names())


def test_copy_is_found_and_unrelated_is_not(db: sqlite_utils.Database) -> None:
    with db.conn:
        dedup_index.add(db, 1, content_signature("Three POWs shot", STORY))
        dedup_index.add(db, 2, content_signature("Library reopens", OTHER))
    found = dedup_index.near_duplicates(db, content_signature("Three POWs shot", COPY))
    assert [article_id for article_id, _ in found] == [1]
    assert found[0][1] >= 0.5
    assert dedup_index.near_duplicates(db, content_signature("Other", "Quiet day in town.")) == []


def test_exclude_and_threshold(db: sqlite_utils.Database) -> None:
    sig = content_signature("t", STORY)
    with db.conn:
        dedup_index.add(db, 7, sig)
    assert dedup_index.near_duplicates(db, sig) == [(7, 1.0)]
    assert dedup_index.near_duplicates(db, sig, exclude=7) == []


def test_survives_reopen_and_remove(db: sqlite_utils.Database, tmp_path: Path) -> None:
    sig = content_signature("t", STORY)
    with db.conn:
        dedup_index.add_many(db, [(1, sig), (2, content_signature("t", OTHER))])
    db.close()
    reopened = sqlite_utils.Database(tmp_path / "dedup.db")
    assert dedup_index.near_duplicates(reopened, sig) == [(1, 1.0)]
    with reopened.conn:
        dedup_index.remove(reopened, 1)
    assert dedup_index.near_duplicates(reopened, sig) == []
    assert reopened.execute("select count(*) from article_bands").fetchone()[0] == 32


def test_empty_signature_is_not_stored(db: sqlite_utils.Database) -> None:
    with db.conn:
        assert dedup_index.add_many(db, [(1, content_signature("", ""))]) == 0
    assert db.execute("select count(*) from article_signatures").fetchone()[0] == 0
