"""The /stats monthly series: gaps filled, and the latest months kept when the range is long."""

from __future__ import annotations

from datetime import date

from bot.models import Facts, IncidentRecord
from bot.reports.chart import MAX_MONTHS, monthly_series


def incident(n: int, day: date, victims: int, place: str) -> IncidentRecord:
    facts = Facts(locations=(place,), victims=victims, incident_date=day)
    return IncidentRecord(n, f"incident {n}", facts, None, None, None)


def test_months_between_reports_are_filled_with_zeros() -> None:
    series = monthly_series(
        [incident(1, date(2025, 1, 5), 3, "Lyman"), incident(2, date(2025, 4, 2), 2, "Lyman")]
    )
    assert series.months == ("2025-01", "2025-02", "2025-03", "2025-04")
    assert series.incidents == (1, 0, 0, 1)
    assert series.victims == (3, 0, 0, 2)
    assert series.top_places == (("Lyman", 2),)


def test_a_stray_early_date_does_not_push_out_the_latest_month() -> None:
    series = monthly_series(
        [incident(1, date(1941, 6, 22), 1, "Kyiv"), incident(2, date(2026, 11, 20), 4, "Siversk")]
    )
    assert len(series.months) == MAX_MONTHS
    assert series.months[-1] == "2026-11"
    assert series.incidents[-1] == 1 and series.victims[-1] == 4
    assert series.months[0] == "2006-12"
