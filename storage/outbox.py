"""The alert outbox: pending -> sent (or merged into a later update of its incident), in order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from storage.records import from_iso, iso


@dataclass(frozen=True, slots=True)
class AlertJob:
    """One pending alert: post a new incident, or edit the incident's message."""

    id: int
    incident_id: int
    kind: str
    attempts: int
    next_attempt_at: datetime | None
    created_at: datetime | None


class Outbox:
    """The alerts table: queue, read in order, mark sent / retry / merged."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def queue_alert(self, incident_id: int, kind: str, now: datetime) -> int:
        cur = self.db.conn.execute(
            "insert into alerts (incident_id, kind, status, created_at, attempts) "
            "values (?, ?, 'pending', ?, 0)",
            [incident_id, kind, iso(now)],
        )
        return int(cur.lastrowid or 0)

    def pending_alerts(self, limit: int = 50) -> list[AlertJob]:
        """Pending alerts in the order they were created."""
        sql = (
            "select id, incident_id, kind, attempts, next_attempt_at, created_at from alerts "
            "where status = 'pending' order by id limit ?"
        )
        return [
            AlertJob(r[0], r[1], r[2], r[3] or 0, from_iso(r[4]), from_iso(r[5]))
            for r in self.db.execute(sql, [limit]).fetchall()
        ]

    def outbox_depth(self) -> int:
        return int(
            self.db.execute("select count(*) from alerts where status = 'pending'").fetchone()[0]
        )

    def mark_sent(self, alert_id: int, message_id: int | None, now: datetime) -> None:
        """Record delivery; the incident remembers its message so later reports can edit it.

        An update may have been posted as a new message (the old one was deleted): the incident
        then points at the new one, or every later update would post yet another message.
        """
        with self.db.conn:
            self.db.conn.execute(
                "update alerts set status = 'sent', sent_at = ?, message_id = ?, "
                "attempts = attempts + 1 where id = ?",
                [iso(now), message_id, alert_id],
            )
            if message_id is not None:
                self.db.conn.execute(
                    "update incidents set message_id = ? where id = "
                    "(select incident_id from alerts where id = ?)",
                    [message_id, alert_id],
                )

    def mark_retry(self, alert_id: int, error: str, next_attempt_at: datetime) -> None:
        with self.db.conn:
            self.db.conn.execute(
                "update alerts set attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
                "where id = ?",
                [error[:500], iso(next_attempt_at), alert_id],
            )

    def mark_merged(self, alert_id: int, into_alert_id: int, now: datetime) -> None:
        """An update made redundant by a later one for the same incident (one edit shows both)."""
        with self.db.conn:
            self.db.conn.execute(
                "update alerts set status = 'merged', sent_at = ?, last_error = ? where id = ?",
                [iso(now), f"covered by alert {into_alert_id}", alert_id],
            )

    def mark_failed(self, alert_id: int, error: str, now: datetime) -> None:
        """Give an alert up (Telegram keeps refusing this very request); the rest go on."""
        with self.db.conn:
            self.db.conn.execute(
                "update alerts set status = 'failed', sent_at = ?, last_error = ?, "
                "attempts = attempts + 1 where id = ?",
                [iso(now), error[:500], alert_id],
            )
