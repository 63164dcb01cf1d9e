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


def _where(path: Path) -> str:
    """The path as errors show it: absolute, so a relative setting's real place is plain."""
    return repr(str(path if str(path) == ":memory:" else path.absolute()))


def _foreign(names: set[str], version: int, path: Path) -> str | None:
    """Why a database with these tables is another program's (None: it is ours, or empty)."""
    if not names or (version > 0 and "articles" in names):
        return None
    shown = ", ".join(sorted(names)[:3]) + (", …" if len(names) > 3 else "")
    return (
        f"DATABASE_PATH: {_where(path)} is another program's SQLite database "
        f"(tables: {shown}); powwatch will not change it"
    )


def _refuse_foreign(db: sqlite_utils.Database, path: Path) -> None:
    """Another program's SQLite file is never extended with our tables."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    problem = _foreign(set(db.table_names()), version, path)
    if problem:
        raise StoreError(problem)


def check_database_path(path: Path) -> str | None:
    """Why the bot could not open path as its database (None: it could); creates nothing."""
    where = _where(path)
    if path.is_dir():
        return f"DATABASE_PATH: {where} is a directory"
    if path.exists():
        if not os.access(path, os.R_OK | os.W_OK):
            return f"DATABASE_PATH: {where} is not writable"
        if not os.access(path.parent, os.W_OK):
            return f"DATABASE_PATH: {where} is in a directory that is not writable"
        try:
            conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
            try:
                names = {r[0] for r in conn.execute("select name from sqlite_master")}
                version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            return f"DATABASE_PATH: {where} cannot be used: {exc}"
        return _foreign(names, version, path)
    parent = path.absolute().parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        return f"DATABASE_PATH: {where} cannot be created ({str(parent)!r} is not writable)"
    return None


def open_database(path: Path) -> sqlite_utils.Database:
    """Open (creating the directory) in WAL mode with a busy timeout; check integrity."""
    where = _where(path)
    try:
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
            if not os.access(path.parent, os.W_OK) or (
                path.exists() and not os.access(path, os.W_OK)
            ):
                raise StoreError(f"DATABASE_PATH: {where} is not writable")
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        db = sqlite_utils.Database(conn)
        _refuse_foreign(db, path)
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
            raise StoreError(f"DATABASE_PATH: {where} failed its integrity check: {result}")
        migrate(db)
    except PermissionError as exc:
        raise StoreError(f"DATABASE_PATH: {where} is not writable ({exc})") from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"DATABASE_PATH: {where} cannot be used: {exc}") from None
    except OSError as exc:
        raise StoreError(f"DATABASE_PATH: {where} cannot be created: {exc}") from None
    return db


def open_reader(path: Path) -> sqlite_utils.Database:
    """A read-only connection beside the writer (WAL lets it read while feeds are stored)."""
    where = _where(path)
    try:
        # as_uri() percent-escapes the path: a raw `#` or `?` would end it early, and SQLite
        # would open (and create) a different file.
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30, check_same_thread=False
        )
        conn.execute("PRAGMA busy_timeout=30000")
        # sqlite3 opens lazily: read the schema now, so a file that is not a database (or one
        # that cannot be opened) is refused here with one line, not at the first query.
        names = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    except sqlite3.DatabaseError as exc:
        reason = str(exc)
        if not os.access(path.parent, os.W_OK):
            reason += " (its directory is not writable, and a WAL database needs that)"
        raise StoreError(f"DATABASE_PATH: {where} cannot be read: {reason}") from None
    if "articles" not in names:
        conn.close()
        problem = _foreign(names, 0, path) or f"DATABASE_PATH: {where} is empty (has the bot run?)"
        raise StoreError(problem.replace("powwatch will not change it", "not powwatch's"))
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
