"""Reviewers' verdicts on incidents (confirmed / not relevant): the detector's live precision."""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from bot.models import ReviewTally
from storage.records import iso

VERDICTS = ("confirmed", "not_relevant")


class Reviews:
    """Review verdicts: one per reviewer and incident (the latest)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def record_review(
        self, incident_id: int, user_id: int, user_name: str, verdict: str, at: datetime
    ) -> bool:
        """Store a verdict; False when the incident does not exist."""
        if verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {verdict!r}")
        with self.db.conn:
            exists = self.db.execute(
                "select 1 from incidents where id = ?", [incident_id]
            ).fetchone()
            if exists is None:
                return False
            self.db.conn.execute(
                "insert into reviews (incident_id, user_id, user_name, verdict, at) "
                "values (?, ?, ?, ?, ?) on conflict (incident_id, user_id) do update set "
                "verdict = excluded.verdict, at = excluded.at, user_name = excluded.user_name",
                [incident_id, user_id, user_name[:100], verdict, iso(at)],
            )
        return True

    def review_tally(self, incident_id: int | None = None) -> ReviewTally:
        """Verdicts for one incident, or for every incident when incident_id is None.

        Across incidents an incident counts once, by its latest verdict.
        """
        if incident_id is not None:
            rows = self.db.execute(
                "select verdict, count(*) from reviews where incident_id = ? group by verdict",
                [incident_id],
            ).fetchall()
        else:
            rows = self.db.execute(
                "select verdict, count(*) from (select incident_id, verdict from reviews r "
                "where at = (select max(at) from reviews where incident_id = r.incident_id) "
                "group by incident_id) group by verdict"
            ).fetchall()
        counts = dict(rows)
        return ReviewTally(counts.get("confirmed", 0), counts.get("not_relevant", 0))
