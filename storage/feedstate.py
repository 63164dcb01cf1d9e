"""Runtime state per feed (keyed by URL, so renaming a feed keeps it): ETag, errors, health."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from storage.records import from_iso, iso, table


@dataclass(frozen=True, slots=True)
class FeedState:
    """What the bot knows about one feed between polls."""

    url: str
    name: str
    etag: str | None = None
    last_modified: str | None = None
    last_attempt_at: datetime | None = None
    last_success_at: datetime | None = None
    last_new_item_at: datetime | None = None
    last_status: int | None = None
    last_error: str | None = None
    failing_since: datetime | None = None
    error_count: int = 0
    next_due_at: datetime | None = None
    items_seen: int = 0  # articles this feed was first to deliver
    flagged_seen: int = 0  # of those, flagged
    last_duration: float | None = None
    last_warning: str | None = None
    recent_guids: tuple[str, ...] = ()  # marks of the items in the last good fetch

    @property
    def is_failing(self) -> bool:
        return self.error_count > 0


def _state_from_row(row: dict[str, Any]) -> FeedState:
    return FeedState(
        url=row["url"],
        name=row["name"] or "",
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_attempt_at=from_iso(row["last_attempt_at"]),
        last_success_at=from_iso(row["last_success_at"]),
        last_new_item_at=from_iso(row["last_new_item_at"]),
        last_status=row["last_status"],
        last_error=row["last_error"],
        failing_since=from_iso(row["failing_since"]),
        error_count=row["error_count"] or 0,
        next_due_at=from_iso(row["next_due_at"]),
        items_seen=row["items_seen"] or 0,
        flagged_seen=row.get("flagged_seen") or 0,
        last_duration=row["last_duration"],
        last_warning=row["last_warning"],
        recent_guids=tuple(json.loads(row.get("recent_guids") or "[]")),
    )


class FeedStates:
    """Feed health: the feed_state and feed_alarms tables, and each feed's item-date history."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def feed_state(self, url: str) -> FeedState | None:
        rows = list(self.db.query("select * from feed_state where url = ?", [url]))
        return _state_from_row(rows[0]) if rows else None

    def feed_states(self) -> dict[str, FeedState]:
        return {r["url"]: _state_from_row(r) for r in self.db.query("select * from feed_state")}

    def save_feed_state(self, state: FeedState) -> None:
        row = {
            "url": state.url,
            "name": state.name,
            "etag": state.etag,
            "last_modified": state.last_modified,
            "last_attempt_at": iso(state.last_attempt_at),
            "last_success_at": iso(state.last_success_at),
            "last_new_item_at": iso(state.last_new_item_at),
            "last_status": state.last_status,
            "last_error": state.last_error,
            "failing_since": iso(state.failing_since),
            "error_count": state.error_count,
            "next_due_at": iso(state.next_due_at),
            "items_seen": state.items_seen,
            "flagged_seen": state.flagged_seen,
            "last_duration": state.last_duration,
            "last_warning": state.last_warning,
            "recent_guids": json.dumps(list(state.recent_guids)),
        }
        with self.db.conn:
            table(self.db, "feed_state").upsert(row, pk="url")

    def raised_alarms(self) -> dict[tuple[str, str], datetime]:
        """(feed url, kind) -> when the alarm started."""
        rows = self.db.execute("select url, kind, started_at from feed_alarms").fetchall()
        return {(r[0], r[1]): datetime.fromisoformat(r[2]) for r in rows}

    def raise_alarm(self, url: str, kind: str, name: str, at: datetime) -> None:
        with self.db.conn:
            self.db.conn.execute(
                "insert or ignore into feed_alarms (url, kind, name, started_at) "
                "values (?, ?, ?, ?)",
                [url, kind, name, iso(at)],
            )

    def clear_alarm(self, url: str, kind: str) -> None:
        with self.db.conn:
            self.db.conn.execute("delete from feed_alarms where url = ? and kind = ?", [url, kind])

    def published_history(self, per_feed: int = 50) -> dict[str, list[datetime]]:
        """The publication dates of each feed's most recently seen items, by feed name.

        Per feed through the sightings_feed index, newest sighting first, so it never ranks
        every sighting by date (the timing is in the commit that added the index).
        """
        names = [r[0] for r in self.db.execute("select distinct name from feed_state")]
        sql = (
            "select a.published from sightings s join articles a on a.id = s.article_id"
            " where s.feed_name = ? and a.published is not null order by s.rowid desc limit ?"
        )
        history: dict[str, list[datetime]] = {}
        for name in names:
            dates = [from_iso(r[0]) for r in self.db.execute(sql, [name, per_feed])]
            known = sorted((d for d in dates if d is not None), reverse=True)
            if known:
                history[name] = known
        return history
