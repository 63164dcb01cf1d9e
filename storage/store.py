"""The Store: the one facade over powwatch's SQLite file, speaking in records.

Each table group lives in its own module as a small class over the connection (articles,
incident_store, outbox, feedstate, search, history, reviews, audit); Store opens the file and
hands each call to its part. One connection, used from one thread at a time (storage.worker).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

import sqlite_utils

from storage.articles import Articles
from storage.audit import AuditLog
from storage.feedstate import FeedStates
from storage.history import History
from storage.incident_store import Incidents
from storage.migrations import migrate
from storage.outbox import Outbox
from storage.records import StoreError
from storage.reviews import Reviews
from storage.search import Search

logger = logging.getLogger(__name__)

__all__ = ["Store", "StoreError", "open_database", "open_reader"]

P = ParamSpec("P")
T = TypeVar("T")
Part = TypeVar("Part")


def open_database(path: Path) -> sqlite_utils.Database:
    """Open (creating the directory) in WAL mode with a busy timeout; check integrity."""
    try:
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
            if not os.access(path.parent, os.W_OK) or (
                path.exists() and not os.access(path, os.W_OK)
            ):
                raise StoreError(f"DATABASE_PATH: {str(path)!r} is not writable")
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        # Checkpoint every 10,000 pages of WAL instead of 1,000: pages rewritten by many small
        # feed commits (indexes, FTS5 segments) are copied into the database once, not again
        # and again (README, Performance). The WAL file is truncated back to 64 MB after a
        # checkpoint if it ever grew past that.
        db.execute("PRAGMA wal_autocheckpoint=10000")
        db.execute("PRAGMA journal_size_limit=67108864")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=30000")
        result = db.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise StoreError(f"DATABASE_PATH: {str(path)!r} failed its integrity check: {result}")
        migrate(db)
    except PermissionError as exc:
        raise StoreError(f"DATABASE_PATH: {str(path)!r} is not writable ({exc})") from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"DATABASE_PATH: {str(path)!r} cannot be used: {exc}") from None
    except OSError as exc:
        raise StoreError(f"DATABASE_PATH: {str(path)!r} cannot be created: {exc}") from None
    return db


def open_reader(path: Path) -> sqlite_utils.Database:
    """A read-only connection beside the writer (WAL lets it read while feeds are stored)."""
    try:
        conn = sqlite3.connect(
            f"file:{path.resolve()}?mode=ro", uri=True, timeout=30, check_same_thread=False
        )
        conn.execute("PRAGMA busy_timeout=30000")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"DATABASE_PATH: {str(path)!r} cannot be read: {exc}") from None
    return sqlite_utils.Database(conn)


def _via(
    part: Callable[[Store], Part], fn: Callable[Concatenate[Part, P], T]
) -> Callable[Concatenate[Store, P], T]:
    """A Store method that hands the call to one of its parts, keeping fn's signature."""

    def method(store: Store, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return fn(part(store), *args, **kwargs)

    method.__doc__ = fn.__doc__
    return method


class Store:
    """Articles, incidents, feed state and the alert outbox in one SQLite file."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = path
        self.db = open_reader(path) if readonly else open_database(path)
        self.outbox = Outbox(self.db)
        self.incidents = Incidents(self.db, self.outbox)
        self.articles = Articles(self.db, path, self.incidents)
        self.feeds = FeedStates(self.db)
        self.reviews = Reviews(self.db)
        self.history = History(self.db, self.incidents, self.reviews)
        self.search_index = Search(self.db)
        self.audit = AuditLog(self.db)

    def close(self) -> None:
        self.db.conn.close()

    # articles and sightings
    add_article = _via(lambda s: s.articles, Articles.add_article)
    add_articles = _via(lambda s: s.articles, Articles.add_articles)
    article = _via(lambda s: s.articles, Articles.article)
    trails = _via(lambda s: s.articles, Articles.trails)
    counts = _via(lambda s: s.articles, Articles.counts)
    # incidents
    place_article = _via(lambda s: s.incidents, Incidents.place_article)
    split_article = _via(lambda s: s.incidents, Incidents.split_article)
    incident = _via(lambda s: s.incidents, Incidents.incident)
    incident_articles = _via(lambda s: s.incidents, Incidents.incident_articles)
    # alert outbox
    pending_alerts = _via(lambda s: s.outbox, Outbox.pending_alerts)
    outbox_depth = _via(lambda s: s.outbox, Outbox.outbox_depth)
    mark_sent = _via(lambda s: s.outbox, Outbox.mark_sent)
    mark_retry = _via(lambda s: s.outbox, Outbox.mark_retry)
    mark_merged = _via(lambda s: s.outbox, Outbox.mark_merged)
    mark_failed = _via(lambda s: s.outbox, Outbox.mark_failed)
    # feed health
    feed_state = _via(lambda s: s.feeds, FeedStates.feed_state)
    feed_states = _via(lambda s: s.feeds, FeedStates.feed_states)
    save_feed_state = _via(lambda s: s.feeds, FeedStates.save_feed_state)
    raised_alarms = _via(lambda s: s.feeds, FeedStates.raised_alarms)
    raise_alarm = _via(lambda s: s.feeds, FeedStates.raise_alarm)
    clear_alarm = _via(lambda s: s.feeds, FeedStates.clear_alarm)
    published_history = _via(lambda s: s.feeds, FeedStates.published_history)
    # reading: latest, search, stats, exports
    latest = _via(lambda s: s.search_index, Search.latest)
    search = _via(lambda s: s.search_index, Search.search)
    stats = _via(lambda s: s.search_index, Search.stats)
    incidents_matching = _via(lambda s: s.history, History.incidents_matching)
    export_rows = _via(lambda s: s.history, History.export_rows)
    # reviews and the audit log
    record_review = _via(lambda s: s.reviews, Reviews.record_review)
    review_tally = _via(lambda s: s.reviews, Reviews.review_tally)
    record_action = _via(lambda s: s.audit, AuditLog.record_action)
    audit_entries = _via(lambda s: s.audit, AuditLog.audit_entries)
