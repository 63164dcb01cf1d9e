"""Incident history for exports and charts: filtered lists of incidents and their sources."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlite_utils

from bot.incidents.regions import is_within
from bot.models import IncidentRecord, ReviewTally, StoredArticle
from storage.incident_store import Incidents
from storage.reviews import Reviews

MAX_EXPORT = 5000


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """Which incidents an export or chart covers (dates are first-reported days, inclusive)."""

    since: date | None = None
    until: date | None = None
    place: str | None = None
    min_victims: int | None = None
    include_recaps: bool = False


def _place_matches(place: str, locations: tuple[str, ...]) -> bool:
    return any(loc == place or is_within(loc, place) for loc in locations)


class History:
    """Exports and charts read through here: incidents by filter, with sources and verdicts."""

    def __init__(self, db: sqlite_utils.Database, incidents: Incidents, reviews: Reviews) -> None:
        self.db = db
        self.incidents = incidents
        self.reviews = reviews

    def incidents_matching(
        self, flt: IncidentFilter, limit: int = MAX_EXPORT
    ) -> list[IncidentRecord]:
        """Incidents by first report, oldest first, narrowed by dates, place and victims."""
        clauses, args = ["1 = 1"], []
        if flt.since:
            clauses.append("first_published >= ?")
            args.append(flt.since.isoformat())
        if flt.until:
            clauses.append("first_published < date(?, '+1 day')")
            args.append(flt.until.isoformat())
        if not flt.include_recaps:
            clauses.append("coalesce(is_recap, 0) = 0")
        if flt.min_victims is not None:
            clauses.append("victims >= ?")
            args.append(str(flt.min_victims))
        rows = self.db.execute(
            f"select id from incidents where {' and '.join(clauses)} order by first_published, id",
            args,
        ).fetchall()
        found: list[IncidentRecord] = []
        for (incident_id,) in rows:
            record = self.incidents.incident(incident_id)
            if record is None:
                continue
            if flt.place and not _place_matches(flt.place, record.facts.locations):
                continue
            found.append(record)
            if len(found) >= limit:
                break
        return found

    def export_rows(
        self, flt: IncidentFilter, limit: int = MAX_EXPORT
    ) -> list[tuple[IncidentRecord, list[StoredArticle], ReviewTally]]:
        """Each matching incident with its sources and review verdicts."""
        incidents, reviews = self.incidents, self.reviews
        return [
            (record, incidents.incident_articles(record.id), reviews.review_tally(record.id))
            for record in self.incidents_matching(flt, limit)
        ]
