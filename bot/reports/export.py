"""Incidents as CSV and JSON for analysts (pure): one row per incident, claims ranges kept."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass

from bot.incidents.regions import oblast
from bot.models import IncidentRecord, ReviewTally, StoredArticle

COLUMNS = (
    "incident_id",
    "first_reported",
    "incident_date",
    "places",
    "oblast",
    "victims",
    "victims_min",
    "victims_max",
    "victim_side",
    "source_authority",
    "sources",
    "links",
    "summary",
    "review",
)


@dataclass(frozen=True, slots=True)
class IncidentRow:
    """One exported incident with the spread of its sources' claims."""

    values: dict[str, str | int | None]


def incident_row(
    incident: IncidentRecord, articles: Sequence[StoredArticle], review: ReviewTally
) -> IncidentRow:
    facts = incident.facts
    counts = [a.facts.victims for a in articles if a.facts.victims is not None]
    oblasts = dict.fromkeys(o for p in facts.locations if (o := oblast(p)))
    first = articles[0] if articles else None
    verdict = ""
    if review.confirmed or review.not_relevant:
        verdict = "confirmed" if review.confirmed >= review.not_relevant else "not_relevant"
    return IncidentRow(
        {
            "incident_id": incident.id,
            "first_reported": (
                incident.first_published.date().isoformat() if incident.first_published else None
            ),
            "incident_date": facts.incident_date.isoformat() if facts.incident_date else None,
            "places": "; ".join(facts.locations),
            "oblast": "; ".join(oblasts),
            "victims": facts.victims,
            "victims_min": min(counts) if counts else None,
            "victims_max": max(counts) if counts else None,
            "victim_side": facts.victim_side,
            "source_authority": facts.source_authority,
            "sources": "; ".join(dict.fromkeys(a.feed_name for a in articles)),
            "links": " ".join(a.link for a in articles if a.link),
            "summary": first.summary if first else incident.title,
            "review": verdict,
        }
    )


def _safe_cell(value: str | int | None) -> str | int:
    """Spreadsheets run cells that start with = + - @ as formulas: defuse feed text."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(rows: Sequence[IncidentRow]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _safe_cell(row.values.get(k)) for k in COLUMNS})
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8 correctly


def to_json(rows: Sequence[IncidentRow]) -> bytes:
    return json.dumps([r.values for r in rows], ensure_ascii=False, indent=1).encode("utf-8")
