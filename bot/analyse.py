"""Entry -> Article: detection, fact extraction and summary behind one small function."""

from __future__ import annotations

from datetime import datetime

from bot.classify import classify
from bot.dedup import canonical_url
from bot.extract import extract_facts, summarize
from bot.models import Article, Entry, Facts


def analyse(entry: Entry, now: datetime) -> Article:
    """Run the pure stages over one entry; facts and summary only for flagged ones."""
    verdict = classify(entry.title, entry.text, entry.language)
    facts = Facts()
    summary = ""
    if verdict.flagged:
        published = entry.published.date() if entry.published else now.date()
        facts = extract_facts(entry.title, entry.text, published, entry.language, verdict)
        summary = summarize(entry.title, entry.text, verdict)
    return Article(
        entry=entry,
        canonical_url=canonical_url(entry.link) if entry.link else "",
        verdict=verdict,
        facts=facts,
        summary=summary,
        fetched_at=now,
    )


def analyse_many(entries: list[Entry], now: datetime) -> list[Article]:
    """analyse() over a batch: one call per feed, so a process pool pays one round trip."""
    return [analyse(entry, now) for entry in entries]
