"""Articles and sightings: store a feed's batch once each, with its evidence trail.

A new flagged article is placed in an incident (storage/incident_store.py) and its alert queued
in the same transaction.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from bot.models import Article, FetchTrail, StoredArticle
from storage.incident_store import Incidents
from storage.records import AddResult, StoreError, article_from_row, iso, sha256

logger = logging.getLogger(__name__)


class _RetryCarefully(Exception):
    """A flagged article failed in add_articles' fast pass: run the batch with savepoints."""


def _article_row(article: Article, now: datetime) -> dict[str, Any]:
    entry, verdict, facts = article.entry, article.verdict, article.facts
    return {
        "url_key": url_key_of(article),
        "canonical_url": article.canonical_url,
        "link": entry.link,
        "feed_name": entry.feed_name,
        "title": entry.title,
        "text": entry.text,
        "summary": article.summary,
        "published": iso(entry.published),
        "fetched_at": iso(article.fetched_at or now),
        "language": entry.language,
        "flagged": int(verdict.flagged),
        "score": round(verdict.score, 4),
        "evidence": json.dumps(
            [{"sentence": e.sentence, "terms": list(e.terms)} for e in verdict.evidence],
            ensure_ascii=False,
        ),
        "locations": json.dumps(list(facts.locations), ensure_ascii=False),
        "victims": facts.victims,
        "victim_side": facts.victim_side,
        "incident_date": facts.incident_date.isoformat() if facts.incident_date else None,
        "source_authority": facts.source_authority,
    }


def url_key_of(article: Article) -> str:
    """Exact-dedup key: the canonical link, or the GUID when an item has no link."""
    if article.canonical_url:
        return sha256(article.canonical_url)
    return sha256("guid:" + article.entry.feed_name + "\n" + article.entry.guid)


def guid_key_of(feed_url: str, guid: str) -> str:
    return sha256(feed_url + "\n" + guid)


class Articles:
    """The articles, sightings and article_trail tables."""

    def __init__(self, db: sqlite_utils.Database, path: Path, incidents: Incidents) -> None:
        self.db = db
        self.path = path
        self.incidents = incidents

    def add_article(
        self, article: Article, feed_url: str, now: datetime, *, alert: bool
    ) -> AddResult:
        """Store one article; see add_articles."""
        return self.add_articles([(article, alert)], feed_url, now)[0]

    def add_articles(
        self,
        items: Sequence[tuple[Article, bool]],
        feed_url: str,
        now: datetime,
        trail: FetchTrail | None = None,
    ) -> list[AddResult]:
        """Store a feed's new articles once each; a new flagged one gets an incident and, when
        its flag says so, an alert.

        One transaction for the batch (FTS5 writes a segment per commit, so this is what keeps
        a cold cycle fast): after a crash an article, its incident and its alert either all
        exist or none do, so no flagged report is lost and none alerted twice. The batch's
        GUIDs and links are looked up in two queries, and a plain article (the vast majority)
        is a few INSERTs whose keys are known to be free.

        A flagged article that cannot be stored must not cost the rest of the batch. Savepoints
        would isolate it, but each one makes FTS5 flush its pending terms to disk, so the batch
        first runs without them; only if an article fails is it rolled back and run again with
        a savepoint per flagged article, the failing one rolled back alone and logged.
        """
        conn = self.db.conn
        try:
            for careful in (False, True):
                conn.execute("BEGIN IMMEDIATE")
                try:
                    results = self._add_batch(items, feed_url, now, trail, careful=careful)
                except _RetryCarefully:
                    conn.rollback()
                    continue
                conn.commit()
                return results
        except BaseException as exc:
            # Any failure, not only the disk's: a transaction left open would be committed by
            # the next `with conn:` without the incident and alert, and the re-poll would skip
            # the report as seen.
            if conn.in_transaction:
                conn.rollback()
            if isinstance(exc, sqlite3.OperationalError):
                raise StoreError(
                    f"DATABASE_PATH: {str(self.path)!r} cannot be written: {exc}"
                ) from exc
            raise
        raise AssertionError("the careful pass never retries")  # pragma: no cover

    def _add_batch(
        self,
        items: Sequence[tuple[Article, bool]],
        feed_url: str,
        now: datetime,
        trail: FetchTrail | None,
        *,
        careful: bool,
    ) -> list[AddResult]:
        """add_articles' body, inside its transaction; see there for `careful`."""
        conn = self.db.conn
        results: list[AddResult] = []
        guid_keys = [guid_key_of(feed_url, a.entry.guid) for a, _ in items]
        url_keys = [url_key_of(a) for a, _ in items]
        seen = {k for (k,) in self._rows_in("sightings", "guid_key", guid_keys, "guid_key")}
        stored = dict(self._rows_in("articles", "url_key", url_keys, "url_key, id"))
        for (article, alert), guid_key, url_key in zip(items, guid_keys, url_keys, strict=True):
            if guid_key in seen:
                results.append(AddResult(article_id=None, is_new=False))
                continue
            seen.add(guid_key)
            if url_key in stored:
                self._insert_sighting(guid_key, stored[url_key], article.entry.feed_name, now)
                results.append(AddResult(article_id=stored[url_key], is_new=False))
                continue
            if not article.verdict.flagged:
                article_id = self._insert_article(article, now)
                self._insert_sighting(guid_key, article_id, article.entry.feed_name, now)
                stored[url_key] = article_id
                results.append(AddResult(article_id=article_id, is_new=True))
                continue
            if careful:
                conn.execute("SAVEPOINT article")
            try:
                result = self._add(article, feed_url, now, alert=alert)
                if trail is not None and result.is_new:
                    self._add_trail(result.article_id or 0, article, trail)
            except (sqlite3.IntegrityError, ValueError, KeyError, TypeError) as exc:
                if not careful:
                    raise _RetryCarefully from exc
                conn.execute("ROLLBACK TO article")
                conn.execute("RELEASE article")
                logger.exception("could not store article %r", article.entry.link[:200])
                results.append(AddResult(article_id=None, is_new=False))
                continue
            if careful:
                conn.execute("RELEASE article")
            if result.article_id is not None:
                stored[url_key] = result.article_id
            results.append(result)
        return results

    def _rows_in(
        self, table: str, column: str, keys: Sequence[str], select: str
    ) -> list[tuple[Any, ...]]:
        """Rows of `table` whose `column` is one of keys (chunked under SQLite's limit)."""
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"select {select} from {table} where {column} in ({marks})"
            rows.extend(tuple(r) for r in self.db.conn.execute(sql, chunk).fetchall())
        return rows

    def _insert_article(self, article: Article, now: datetime) -> int:
        """Insert the row and index it for search (see migrations._fts_insert_in_code)."""
        conn = self.db.conn
        row = _article_row(article, now)
        columns, marks = ", ".join(row), ", ".join("?" * len(row))
        cur = conn.execute(
            f"insert into articles ({columns}) values ({marks})", list(row.values())
        )
        article_id = int(cur.lastrowid or 0)
        indexed = [article_id, row["title"], row["text"]]
        conn.execute("insert into articles_fts (rowid, title, text) values (?, ?, ?)", indexed)
        if row["flagged"]:
            conn.execute(
                "insert into articles_flagged_fts (rowid, title, text) values (?, ?, ?)", indexed
            )
        return article_id

    def _add_trail(self, article_id: int, article: Article, trail: FetchTrail) -> None:
        self.db.conn.execute(
            "insert or replace into article_trail (article_id, fetched_at, final_url, status, "
            "headers, body_sha256, raw_entry, archive_path) values (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                article_id,
                iso(trail.fetched_at),
                trail.final_url,
                trail.status,
                json.dumps(dict(trail.headers), ensure_ascii=False),
                trail.body_sha256,
                article.entry.raw,
                trail.archive_path,
            ],
        )

    def trails(self, incident_id: int) -> dict[int, FetchTrail]:
        """The evidence trail of each article of an incident, by article id."""
        rows = self.db.execute(
            "select t.article_id, t.fetched_at, t.final_url, t.status, t.headers, "
            "t.body_sha256, t.archive_path from article_trail t join articles a "
            "on a.id = t.article_id where a.incident_id = ?",
            [incident_id],
        ).fetchall()
        return {
            r[0]: FetchTrail(
                fetched_at=datetime.fromisoformat(r[1]),
                final_url=r[2] or "",
                status=r[3],
                headers=tuple(json.loads(r[4] or "{}").items()),
                body_sha256=r[5] or "",
                archive_path=r[6],
            )
            for r in rows
        }

    def _add(self, article: Article, feed_url: str, now: datetime, *, alert: bool) -> AddResult:
        conn = self.db.conn
        guid_key = guid_key_of(feed_url, article.entry.guid)
        if conn.execute("select 1 from sightings where guid_key = ?", [guid_key]).fetchone():
            return AddResult(article_id=None, is_new=False)
        key = url_key_of(article)
        found = conn.execute("select id from articles where url_key = ?", [key]).fetchone()
        if found:
            self._insert_sighting(guid_key, found[0], article.entry.feed_name, now)
            return AddResult(article_id=found[0], is_new=False)
        article_id = self._insert_article(article, now)
        self._insert_sighting(guid_key, article_id, article.entry.feed_name, now)
        if not article.verdict.flagged:
            return AddResult(article_id=article_id, is_new=True)
        placement = self.incidents.place_article(article, article_id, now)
        alert_id = None
        if alert:
            kind = "new" if placement.is_new else "update"
            alert_id = self.incidents.outbox.queue_alert(placement.incident_id, kind, now)
        return AddResult(article_id, True, alert_id=alert_id, incident_id=placement.incident_id)

    def _insert_sighting(self, guid_key: str, article_id: int, feed: str, now: datetime) -> None:
        self.db.conn.execute(
            "insert or ignore into sightings (guid_key, article_id, feed_name, seen_at) "
            "values (?, ?, ?, ?)",
            [guid_key, article_id, feed, iso(now)],
        )

    def article(self, article_id: int) -> StoredArticle | None:
        rows = list(self.db.query("select * from articles where id = ?", [article_id]))
        return article_from_row(rows[0]) if rows else None

    def counts(self) -> dict[str, Any]:
        row = self.db.execute(
            "select count(*), coalesce(sum(flagged), 0) from articles"
        ).fetchone()
        return {"articles": row[0], "flagged": row[1]}
