"""Records that flow through the pipeline: fetch -> parse -> classify -> extract -> dedup -> store.

Dataclasses only; this module imports nothing local so every stage can depend on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# Highlight markers in search snippets; render turns them into <b>...</b>.
MARK_START = "\x02"
MARK_END = "\x03"


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """One watched feed as declared in feeds.yaml.

    kind "telegram" is a public channel read from its web preview; its url is then always
    https://t.me/s/<name> (lower case), whatever form feeds.yaml used, so state keys are stable.
    """

    name: str
    url: str
    interval: int | None = None  # seconds; None = the global POLL_INTERVAL_SECONDS
    language: str | None = None  # "en" | "uk" | "ru" | None (unknown / mixed)
    enabled: bool = True
    full_text: bool = False  # fetch the article page when items carry only a headline
    archive: bool = False  # keep fetched bodies that carried flagged reports, gzipped, by hash
    kind: str = "rss"  # "rss" (RSS/Atom, any feed format) | "telegram" (a public channel)


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one conditional GET of a feed returned; expected failures are values, not raises."""

    url: str
    status: int | None = None
    body: bytes | None = None
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    content_type: str | None = None
    error: str | None = None
    retry_after: float | None = None  # seconds the server asked us to wait (429/503)
    headers: tuple[tuple[str, str], ...] = ()  # response headers kept for the evidence trail
    elapsed: float = 0.0

    @property
    def is_not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True, slots=True)
class Entry:
    """One normalised feed item: plain text, UTC datetime, no feedparser objects."""

    feed_name: str
    guid: str
    link: str
    title: str
    text: str
    published: datetime | None = None
    language: str | None = None
    raw: str = ""  # the feed item as received (JSON of its main fields, bounded): evidence trail


@dataclass(frozen=True, slots=True)
class FetchTrail:
    """How a feed body was obtained, kept with every flagged article it carried."""

    fetched_at: datetime
    final_url: str
    status: int | None
    headers: tuple[tuple[str, str], ...]
    body_sha256: str
    archive_path: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence that made the detector fire, with the terms it matched."""

    sentence: str
    terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Verdict:
    """The detector's answer for one article."""

    flagged: bool
    score: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Facts:
    """What a monitor wants at a glance about one flagged report."""

    locations: tuple[str, ...] = ()
    victims: int | None = None
    victim_side: str | None = None  # "Ukrainian" | "Russian" | None
    incident_date: date | None = None
    source_authority: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """An entry after detection and extraction, ready to store."""

    entry: Entry
    canonical_url: str
    verdict: Verdict
    facts: Facts = field(default_factory=Facts)
    summary: str = ""
    fetched_at: datetime | None = None
    signature: bytes = b""  # MinHash of the text, if computed early; the Store makes it if not


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as read back for commands and alerts."""

    id: int
    title: str
    link: str
    feed_name: str
    published: datetime | None
    fetched_at: datetime
    language: str | None
    flagged: bool
    score: float
    summary: str
    evidence: tuple[Evidence, ...]
    facts: Facts
    incident_id: int | None
    snippet: str = ""
    merge_reasons: tuple[str, ...] = ()  # why it joined its incident (explained merges)


@dataclass(frozen=True, slots=True)
class IncidentRecord:
    """An incident as stored: its merged facts and its channel message, if posted."""

    id: int
    title: str
    facts: Facts
    first_published: datetime | None
    last_published: datetime | None
    message_id: int | None


@dataclass(frozen=True, slots=True)
class Stats:
    """History counts for /stats: flagged reports and incidents per period, top places/outlets."""

    reports: tuple[tuple[str, int], ...]  # (period label, flagged reports)
    incidents: tuple[tuple[str, int], ...]  # (period label, new incidents)
    top_places: tuple[tuple[str, int], ...]
    top_outlets: tuple[tuple[str, int], ...]
    total_articles: int
    total_flagged: int


@dataclass(frozen=True, slots=True)
class ReviewTally:
    """How reviewers judged one incident, or all of them."""

    confirmed: int = 0
    not_relevant: int = 0

    @property
    def precision(self) -> float | None:
        total = self.confirmed + self.not_relevant
        return self.confirmed / total if total else None


@dataclass(slots=True)
class FeedOutcome:
    """What one feed's poll did, for the log line, --once and /health."""

    feed: str
    status: str
    fetched: int = 0
    new: int = 0
    flagged: int = 0
    alerted: int = 0
    too_old: int = 0  # new flagged items published before the alert window: stored, not alerted
    kept_back: int = 0  # full_text items left, unread and unstored, for the next poll
    error: str | None = None
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage, for benchmarks


@dataclass(slots=True)
class CycleReport:
    """A whole cycle's outcomes."""

    started_at: datetime
    duration: float = 0.0
    outcomes: list[FeedOutcome] = field(default_factory=list)
    storage_error: str | None = None  # the store failed during the cycle: the admins are told

    @property
    def totals(self) -> dict[str, int]:
        keys = ("fetched", "new", "flagged", "alerted")
        return {k: sum(getattr(o, k) for o in self.outcomes) for k in keys}

    @property
    def stage_seconds(self) -> dict[str, float]:
        total: dict[str, float] = {}
        for outcome in self.outcomes:
            for stage, seconds in outcome.stages.items():
                total[stage] = total.get(stage, 0.0) + seconds
        return total
