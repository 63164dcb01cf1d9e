"""Entry -> Article: detection, fact extraction and summary behind one small function.

parse_and_analyse is the worker-process job: one feed body in, its new items analysed out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime

from bot.classify import classify
from bot.dedup import canonical_url
from bot.extract import extract_facts, summarize
from bot.models import Article, Entry, Facts
from bot.parse import parse_feed


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


@dataclass(frozen=True, slots=True)
class FeedBatch:
    """One feed body parsed, and its new items analysed, in a single worker round trip."""

    title: str
    is_feed: bool
    warning: str | None
    fetched: int
    marks: tuple[str, ...]  # a mark per current item, so the next poll skips them early
    articles: tuple[Article, ...] = ()  # new items, analysed
    new_entries: tuple[Entry, ...] = ()  # new items, not analysed (when analyse_new is False)


def _lean(article: Article) -> Article:
    """The raw feed item is kept as evidence for flagged reports only: don't ship the rest's
    back to the bot process (it is as large as the text itself)."""
    if article.verdict.flagged or not article.entry.raw:
        return article
    return replace(article, entry=replace(article.entry, raw=""))


def guid_mark(guid: str) -> str:
    """A short stable mark of an item's GUID (64 bits: collisions only cost a skipped item
    that the Store would have refused as already seen)."""
    return hashlib.blake2b(guid.encode("utf-8"), digest_size=8).hexdigest()


def parse_and_analyse(
    body: bytes,
    feed_name: str,
    *,
    now: datetime,
    content_type: str | None,
    base_url: str | None,
    language: str | None,
    known: frozenset[str] = frozenset(),
    analyse_new: bool = True,
) -> FeedBatch:
    """Parse a feed body and analyse the items not in `known` (the previous poll's marks).

    Parse and analyse run in one job so each item's text crosses the process boundary once;
    the Store still refuses anything it has seen, so `known` only saves work.
    """
    parsed = parse_feed(
        body,
        feed_name,
        now=now,
        content_type=content_type,
        base_url=base_url,
        language=language,
    )
    marks = tuple(guid_mark(e.guid) for e in parsed.entries)
    new = tuple(e for e, m in zip(parsed.entries, marks, strict=True) if m not in known)
    return FeedBatch(
        title=parsed.title,
        is_feed=parsed.is_feed,
        warning=parsed.warning,
        fetched=len(parsed.entries),
        marks=marks,
        articles=tuple(_lean(a) for a in analyse_many(list(new), now)) if analyse_new else (),
        new_entries=() if analyse_new else new,
    )
