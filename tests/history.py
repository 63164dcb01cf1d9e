"""Put reports straight into a real Store, for command and delivery tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.models import Article, Entry, Evidence, Facts, Verdict
from storage.records import AddResult
from storage.store import Store

FEED_URL = "https://feeds.test/rss"


def report(
    n: int,
    title: str,
    *,
    flagged: bool = True,
    place: str = "Pokrovsk",
    victims: int | None = 3,
    feed: str = "Test Outlet",
    age_hours: float = 1.0,
    now: datetime | None = None,
) -> Article:
    now = now or datetime.now(UTC)
    published = now - timedelta(hours=age_hours)
    text = f"{title}. Report number {n} written for the tests."
    entry = Entry(
        feed_name=feed,
        guid=f"guid-{n}",
        link=f"https://news.test/{n}",
        title=title,
        text=text,
        published=published,
        language="en",
    )
    verdict = Verdict(
        flagged, 0.9 if flagged else 0.05, (Evidence(text, ("POWs", "shot")),) if flagged else ()
    )
    facts = (
        Facts(
            locations=(place,),
            victims=victims,
            victim_side="Ukrainian",
            incident_date=date(2024, 1, 1) + timedelta(days=7 * n),
            source_authority="Prosecutor General's Office",
        )
        if flagged
        else Facts()
    )
    return Article(
        entry=entry,
        canonical_url=entry.link,
        verdict=verdict,
        facts=facts,
        summary=text if flagged else "",
        fetched_at=now,
    )


def add(store: Store, article: Article, *, alert: bool = True) -> AddResult:
    return store.add_article(article, FEED_URL, datetime.now(UTC), alert=alert)
