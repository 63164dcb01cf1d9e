"""The /stats chart (pure: numbers in, PNG out): incidents and victims per month, top places."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bot.models import IncidentRecord


@dataclass(frozen=True, slots=True)
class MonthlySeries:
    """Incidents and reported victims per month, and the most named places."""

    months: tuple[str, ...]
    incidents: tuple[int, ...]
    victims: tuple[int, ...]
    top_places: tuple[tuple[str, int], ...]

    @property
    def total_incidents(self) -> int:
        return sum(self.incidents)

    @property
    def total_victims(self) -> int:
        return sum(self.victims)


MAX_MONTHS = 240


def monthly_series(incidents: Sequence[IncidentRecord], top: int = 8) -> MonthlySeries:
    """Group incidents by the month they were first reported (gaps filled with zeros)."""
    per_month: Counter[str] = Counter()
    victims: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for incident in incidents:
        when = incident.facts.incident_date or (
            incident.first_published.date() if incident.first_published else None
        )
        if when is None:
            continue
        key = f"{when.year:04d}-{when.month:02d}"
        per_month[key] += 1
        victims[key] += incident.facts.victims or 0
        places.update(dict.fromkeys(incident.facts.locations, 1))
    if not per_month:
        return MonthlySeries((), (), (), ())
    first, last = min(per_month), max(per_month)
    # At most MAX_MONTHS bars, the latest ones: a stray early date must not push out this month.
    end = int(last[:4]) * 12 + int(last[5:]) - 1
    start = max(int(first[:4]) * 12 + int(first[5:]) - 1, end - MAX_MONTHS + 1)
    months = [f"{n // 12:04d}-{n % 12 + 1:02d}" for n in range(start, end + 1)]
    return MonthlySeries(
        months=tuple(months),
        incidents=tuple(per_month[m] for m in months),
        victims=tuple(victims[m] for m in months),
        top_places=tuple(places.most_common(top)),
    )


def render_chart(series: MonthlySeries, title: str = "Reported executions of POWs") -> bytes:
    """A two-panel PNG: bars per month (incidents, victims) and the top places."""
    # Imported on first use: matplotlib costs memory the polling bot rarely needs.
    # A Figure without pyplot has no global state and no display backend: thread-safe.
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 7), dpi=100)
    top, bottom = fig.subplots(2, 1, gridspec_kw={"height_ratios": [3, 2]})
    x = range(len(series.months))
    top.bar([i - 0.2 for i in x], series.incidents, width=0.4, label="incidents")
    top.bar([i + 0.2 for i in x], series.victims, width=0.4, label="reported victims")
    step = max(1, len(series.months) // 12)
    top.set_xticks(list(x)[::step], series.months[::step], rotation=45, ha="right")
    top.set_title(title)
    top.legend()
    names = [p for p, _ in series.top_places][::-1]
    counts = [c for _, c in series.top_places][::-1]
    bottom.barh(names, counts, color="#b33")
    bottom.set_title("Incidents by place")
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()
