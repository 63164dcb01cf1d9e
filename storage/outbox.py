"""The alert outbox: pending -> sent (or merged into a later update of its incident), in order."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

import sqlite_utils

from bot.models import Facts, IncidentRecord
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


class OutboxStore:
    """Outbox and incident queries; mixed into Store."""

    db: sqlite_utils.Database

    def _queue_alert(self, incident_id: int, kind: str, now: datetime) -> int:
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

    def incident(self, incident_id: int) -> IncidentRecord | None:
        row = self.db.execute(
            "select id, title, locations, victims, victim_side, incident_date, "
            "source_authority, first_published, last_published, message_id "
            "from incidents where id = ?",
            [incident_id],
        ).fetchone()
        if row is None:
            return None
        facts = Facts(
            locations=tuple(json.loads(row[2] or "[]")),
            victims=row[3],
            victim_side=row[4],
            incident_date=date.fromisoformat(row[5]) if row[5] else None,
            source_authority=row[6],
        )
        return IncidentRecord(
            row[0], row[1] or "", facts, from_iso(row[7]), from_iso(row[8]), row[9]
        )

    def mark_sent(self, alert_id: int, message_id: int | None, now: datetime) -> None:
        """Record delivery; the incident remembers its message so later reports can edit it."""
        with self.db.conn:
            self.db.conn.execute(
                "update alerts set status = 'sent', sent_at = ?, message_id = ?, "
                "attempts = attempts + 1 where id = ?",
                [iso(now), message_id, alert_id],
            )
            if message_id is not None:
                self.db.conn.execute(
                    "update incidents set message_id = ? where id = "
                    "(select incident_id from alerts where id = ?) and message_id is null",
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
