"""Versioned schema migrations, tracked in PRAGMA user_version; each step runs once, in order."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from storage import dedup_index
from storage.records import table

Migration = Callable[[sqlite_utils.Database], None]


def _v1_initial(db: sqlite_utils.Database) -> None:
    table(db, "feed_state").create(
        {
            "url": str,
            "name": str,
            "etag": str,
            "last_modified": str,
            "last_attempt_at": str,
            "last_success_at": str,
            "last_new_item_at": str,
            "last_status": int,
            "last_error": str,
            "failing_since": str,
            "error_count": int,
            "next_due_at": str,
            "retry_after_until": str,
            "items_seen": int,
            "last_duration": float,
            "last_warning": str,
        },
        pk="url",
        defaults={"error_count": 0, "items_seen": 0},
    )
    table(db, "articles").create(
        {
            "id": int,
            "url_key": str,
            "canonical_url": str,
            "link": str,
            "feed_name": str,
            "title": str,
            "text": str,
            "summary": str,
            "published": str,
            "fetched_at": str,
            "language": str,
            "flagged": int,
            "score": float,
            "evidence": str,
            "locations": str,
            "victims": int,
            "victim_side": str,
            "incident_date": str,
            "source_authority": str,
            "incident_id": int,
            "duplicate_of": int,
        },
        pk="id",
        not_null={"url_key", "title", "fetched_at", "flagged"},
    )
    table(db, "articles").create_index(["url_key"], unique=True)
    table(db, "articles").create_index(["flagged", "published"])
    table(db, "articles").create_index(["published"])
    table(db, "articles").create_index(["incident_id"])
    table(db, "articles").enable_fts(
        ["title", "text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )
    # One row per (feed, guid): the same article in two feeds remembers both feeds.
    table(db, "sightings").create(
        {"guid_key": str, "article_id": int, "feed_name": str, "seen_at": str},
        pk="guid_key",
        foreign_keys=[("article_id", "articles", "id")],
    )
    table(db, "sightings").create_index(["article_id"])
    table(db, "incidents").create(
        {
            "id": int,
            "created_at": str,
            "title": str,
            "locations": str,
            "victims": int,
            "victim_side": str,
            "incident_date": str,
            "source_authority": str,
            "first_published": str,
            "last_published": str,
            "message_id": int,
            "chat_id": str,
        },
        pk="id",
    )
    table(db, "incidents").create_index(["last_published"])
    # The outbox: an alert is written in the same transaction as its article, so none is lost.
    table(db, "alerts").create(
        {
            "id": int,
            "incident_id": int,
            "kind": str,  # "new" posts a message, "update" edits the incident's message
            "status": str,  # pending | sent | dropped
            "created_at": str,
            "attempts": int,
            "next_attempt_at": str,
            "last_error": str,
            "sent_at": str,
            "message_id": int,
        },
        pk="id",
        defaults={"attempts": 0, "status": "pending"},
        foreign_keys=[("incident_id", "incidents", "id")],
    )
    table(db, "alerts").create_index(["status", "id"])


def _audit_and_alarms(db: sqlite_utils.Database) -> None:
    """Feed administration: every admin action, and the feed alarms currently raised."""
    table(db, "audit").create(
        {
            "id": int,
            "at": str,
            "user_id": int,
            "user_name": str,
            "action": str,
            "feed": str,
            "detail": str,
        },
        pk="id",
        not_null={"at", "action"},
    )
    # One row per raised alarm; deleted when it clears, so a restart never announces it twice.
    table(db, "feed_alarms").create(
        {"url": str, "kind": str, "name": str, "started_at": str},
        pk=("url", "kind"),
        not_null={"started_at"},
    )


def _incidents_cluster(db: sqlite_utils.Database) -> None:
    """Incidents keep their merged view (bot.incidents.cluster.IncidentView) and articles why they
    joined; flagged articles get MinHash signatures and LSH bands for near-duplicate lookup."""
    db.execute("ALTER TABLE incidents ADD COLUMN view TEXT")
    db.execute("ALTER TABLE incidents ADD COLUMN is_recap INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE articles ADD COLUMN merge_reasons TEXT")
    dedup_index.ensure_schema(db)


def _fast_history(db: sqlite_utils.Database) -> None:
    """/latest and /search stay fast on a long history (see storage/search.py).

    An index in /latest's exact order, and a small FTS index of flagged reports only, kept in
    step with `articles` by triggers (never 'rebuild' it: that would index every article).
    """
    db.execute(
        "CREATE INDEX IF NOT EXISTS articles_flagged_when "
        "ON articles (flagged, coalesce(published, fetched_at), id)"
    )
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS articles_flagged_fts USING fts5("
        "title, text, content='articles', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    db.execute(
        "INSERT INTO articles_flagged_fts (rowid, title, text) "
        "SELECT id, title, text FROM articles WHERE flagged = 1"
    )
    for statement in (
        """CREATE TRIGGER IF NOT EXISTS articles_flagged_ai AFTER INSERT ON articles
        WHEN new.flagged = 1 BEGIN
            INSERT INTO articles_flagged_fts (rowid, title, text)
            VALUES (new.id, new.title, new.text);
        END""",
        """CREATE TRIGGER IF NOT EXISTS articles_flagged_ad AFTER DELETE ON articles
        WHEN old.flagged = 1 BEGIN
            INSERT INTO articles_flagged_fts (articles_flagged_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END""",
        """CREATE TRIGGER IF NOT EXISTS articles_flagged_au
        AFTER UPDATE OF flagged, title, text ON articles BEGIN
            INSERT INTO articles_flagged_fts (articles_flagged_fts, rowid, title, text)
            SELECT 'delete', old.id, old.title, old.text WHERE old.flagged = 1;
            INSERT INTO articles_flagged_fts (rowid, title, text)
            SELECT new.id, new.title, new.text WHERE new.flagged = 1;
        END""",
    ):
        db.execute(statement)


def _reviews(db: sqlite_utils.Database) -> None:
    """Reviewers' verdicts on incidents, one per reviewer (the review buttons on alerts)."""
    db.execute(
        "CREATE TABLE reviews (incident_id INTEGER NOT NULL REFERENCES incidents(id), "
        "user_id INTEGER NOT NULL, user_name TEXT, verdict TEXT NOT NULL, at TEXT NOT NULL, "
        "PRIMARY KEY (incident_id, user_id))"
    )


def _evidence_trail(db: sqlite_utils.Database) -> None:
    """How each flagged article was obtained: fetch time, final URL, status, headers, body hash,
    the raw feed item, and where the body is archived (if the feed has `archive: true`)."""
    db.execute(
        "CREATE TABLE article_trail (article_id INTEGER PRIMARY KEY REFERENCES articles(id), "
        "fetched_at TEXT NOT NULL, final_url TEXT, status INTEGER, headers TEXT, "
        "body_sha256 TEXT, raw_entry TEXT, archive_path TEXT)"
    )


def _fts_update_on_text_only(db: sqlite_utils.Database) -> None:
    """sqlite-utils' FTS update trigger re-indexed an article on any update (e.g. setting its
    incident); re-index only when its title or text changes."""
    db.execute("DROP TRIGGER IF EXISTS articles_au")
    db.execute(
        "CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN "
        "INSERT INTO articles_fts (articles_fts, rowid, title, text) "
        "VALUES ('delete', old.rowid, old.title, old.text); "
        "INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); "
        "END"
    )


def _recent_guids(db: sqlite_utils.Database) -> None:
    """Marks of each feed's current items, so a poll analyses only the new ones."""
    db.execute("ALTER TABLE feed_state ADD COLUMN recent_guids TEXT")


def _fts_insert_in_code(db: sqlite_utils.Database) -> None:
    """Index new articles with plain INSERTs from Store, not AFTER INSERT triggers.

    An INSERT that fires triggers runs as a statement transaction, and FTS5 (SQLite 3.40)
    flushes its pending terms to a new on-disk segment at every statement savepoint: each
    article became a one-document segment, then merged over and over. Separate INSERTs let
    FTS5 buffer a feed's batch and write one segment at commit (a third less CPU storing a
    cold cycle). Store._insert_article is the one place articles are inserted; the update and
    delete triggers stay (they are rare).
    """
    db.execute("DROP TRIGGER IF EXISTS articles_ai")
    db.execute("DROP TRIGGER IF EXISTS articles_flagged_ai")


def _flagged_seen(db: sqlite_utils.Database) -> None:
    """Per-feed counts of flagged reports beside items_seen, in feed_state: keyed by URL, so
    they survive a rename, and /feeds no longer counts the whole articles table by name."""
    db.execute("ALTER TABLE feed_state ADD COLUMN flagged_seen INTEGER DEFAULT 0")
    db.execute(
        "UPDATE feed_state SET flagged_seen = (SELECT count(*) FROM articles "
        "WHERE articles.flagged = 1 AND articles.feed_name = feed_state.name)"
    )


def _sightings_by_feed(db: sqlite_utils.Database) -> None:
    """Each feed's latest sightings without a scan (published_history, for silence alarms)."""
    db.execute("CREATE INDEX IF NOT EXISTS sightings_feed ON sightings (feed_name)")


def _drop_unused_columns(db: sqlite_utils.Database) -> None:
    """incidents.chat_id and feed_state.retry_after_until were created but never written."""
    db.execute("ALTER TABLE incidents DROP COLUMN chat_id")
    db.execute("ALTER TABLE feed_state DROP COLUMN retry_after_until")


MIGRATIONS: tuple[Migration, ...] = (
    _v1_initial,
    _audit_and_alarms,
    _incidents_cluster,
    _fast_history,
    _reviews,
    _evidence_trail,
    _fts_update_on_text_only,
    _recent_guids,
    _fts_insert_in_code,
    _flagged_seen,
    _sightings_by_feed,
    _drop_unused_columns,
)


def migrate(db: sqlite_utils.Database) -> int:
    """Apply every migration newer than the database; return the resulting version."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
        with db.conn:
            step(db)
            db.execute(f"PRAGMA user_version = {number}")
    return max(version, len(MIGRATIONS))
