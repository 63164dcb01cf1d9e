"""Entry -> Article: detection, fact extraction and summary behind one small function.

parse_and_analyse (a feed body) and channel_and_analyse (a channel's preview pages) are the
worker-process jobs: the source's bytes in, its new items analysed out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from bot.detect import classify, detect_language, extract_facts, summarize
from bot.feeds.parse import ParsedFeed, parse_feed, raw_entry
from bot.feeds.telegram import parse_channel
from bot.incidents.dedup import canonical_url
from bot.models import Article, Entry, Facts


def analyse(entry: Entry, now: datetime) -> Article:
    """Run the pure stages over one entry; facts and summary only for flagged ones.

    An entry whose feed declares no language gets the one its text shows, so `lang:` filters
    and language-aware search work for every feed.
    """
    if not entry.language:
        entry = replace(entry, language=detect_language(entry.title, entry.text))
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
    error: str | None = None  # why the body is not a usable source (is_feed False)


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
        raw=False,  # the raw item is evidence for flagged reports only: made below, on demand
    )
    return _batch(parsed, now, known, analyse_new)


def channel_and_analyse(
    pages: tuple[bytes, ...],
    channel: str,
    feed_name: str,
    *,
    now: datetime,
    language: str | None,
    known: frozenset[str] = frozenset(),
) -> FeedBatch:
    """parse_and_analyse for a Telegram channel's preview pages (entries carry their raw)."""
    parsed = parse_channel(pages, channel, feed_name, now=now, language=language)
    return _batch(parsed, now, known, analyse_new=True)


def _batch(
    parsed: ParsedFeed, now: datetime, known: frozenset[str], analyse_new: bool
) -> FeedBatch:
    marks = tuple(guid_mark(e.guid) for e in parsed.entries)
    items: tuple[Any, ...] = parsed.items or (None,) * len(parsed.entries)
    fresh = [
        (entry, item)
        for entry, item, mark in zip(parsed.entries, items, marks, strict=True)
        if mark not in known
    ]
    articles: tuple[Article, ...] = ()
    new_entries: tuple[Entry, ...] = ()
    if analyse_new:
        analysed = analyse_many([entry for entry, _ in fresh], now)
        articles = tuple(
            replace(a, entry=_with_raw(a.entry, item)) if a.verdict.flagged else a
            for a, (_, item) in zip(analysed, fresh, strict=True)
        )
    else:  # analysed later, after their pages are fetched: any of them may be flagged
        new_entries = tuple(_with_raw(entry, item) for entry, item in fresh)
    return FeedBatch(
        title=parsed.title,
        is_feed=parsed.is_feed,
        warning=parsed.warning,
        fetched=len(parsed.entries),
        marks=marks,
        articles=articles,
        new_entries=new_entries,
        error=parsed.error,
    )


def _with_raw(entry: Entry, item: Any) -> Entry:
    return entry if item is None else replace(entry, raw=raw_entry(item))
