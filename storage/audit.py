"""Who changed which feed and when: admin actions, refused attempts and hand edits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from storage.records import iso

MAX_DETAIL = 500


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One recorded admin action (or refused attempt, or hand edit of the feeds file)."""

    id: int
    at: datetime
    user_id: int | None
    user_name: str
    action: str
    feed: str
    detail: str


class AuditLog:
    """The audit table."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def record_action(
        self,
        at: datetime,
        user_id: int | None,
        user_name: str,
        action: str,
        feed: str = "",
        detail: str = "",
    ) -> None:
        with self.db.conn:
            self.db.conn.execute(
                "insert into audit (at, user_id, user_name, action, feed, detail) "
                "values (?, ?, ?, ?, ?, ?)",
                [iso(at), user_id, user_name[:100], action[:40], feed[:200], detail[:MAX_DETAIL]],
            )

    def audit_entries(self, limit: int) -> list[AuditEntry]:
        """The most recent actions first."""
        rows = self.db.execute(
            "select id, at, user_id, user_name, action, feed, detail from audit "
            "order by id desc limit ?",
            [limit],
        ).fetchall()
        return [
            AuditEntry(
                id=r[0],
                at=datetime.fromisoformat(r[1]),
                user_id=r[2],
                user_name=r[3] or "",
                action=r[4] or "",
                feed=r[5] or "",
                detail=r[6] or "",
            )
            for r in rows
        ]
