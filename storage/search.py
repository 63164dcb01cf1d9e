"""History queries for commands: latest flagged reports and full-text search (FTS5)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import sqlite_utils

from bot.models import MARK_END, MARK_START, Stats, StoredArticle
from storage.records import article_from_row, iso

MAX_QUERY_TERMS = 12
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """User words -> a safe FTS5 query: every term quoted (no FTS syntax passes), prefixes."""
    terms = [t for t in _TOKEN_RE.findall(text.lower()) if t.strip("_")][:MAX_QUERY_TERMS]
    if not terms:
        return None
    return " ".join(f'"{t}"*' if len(t) >= 3 else f'"{t}"' for t in terms)


class SearchStore:
    """Read-side queries; mixed into Store."""

    db: sqlite_utils.Database

    def latest(self, limit: int = 5, *, flagged_only: bool = True) -> list[StoredArticle]:
        where = "where flagged = 1" if flagged_only else ""
        sql = (
            f"select * from articles {where} "
            "order by coalesce(published, fetched_at) desc, id desc limit ?"
        )
        return [article_from_row(r) for r in self.db.query(sql, [limit])]

    def search(self, text: str, limit: int = 5, offset: int = 0) -> list[StoredArticle]:
        """Flagged reports first, then by relevance, then the most recent."""
        query = fts_query(text)
        if query is None:
            return []
        sql = (
            "select a.*, snippet(articles_fts, 1, ?, ?, '…', 16) as snippet "
            "from articles_fts join articles a on a.id = articles_fts.rowid "
            "where articles_fts match ? "
            "order by a.flagged desc, articles_fts.rank, coalesce(a.published, a.fetched_at) desc "
            "limit ? offset ?"
        )
        rows = self.db.query(sql, [MARK_START, MARK_END, query, limit, offset])
        return [article_from_row(r) for r in rows]

    def stats(self, now: datetime, top: int = 5) -> Stats:
        """Counts for the last 24 h / 7 d / 30 d, and the top places and outlets of 30 d."""
        periods = (
            ("24 h", timedelta(hours=24)),
            ("7 d", timedelta(days=7)),
            ("30 d", timedelta(days=30)),
        )
        when = "coalesce(published, fetched_at)"
        reports, incidents = [], []
        for label, span in periods:
            since = iso(now - span)
            reports.append(
                (
                    label,
                    int(
                        self.db.execute(
                            f"select count(*) from articles where flagged = 1 and {when} >= ?",
                            [since],
                        ).fetchone()[0]
                    ),
                )
            )
            incidents.append(
                (
                    label,
                    int(
                        self.db.execute(
                            "select count(*) from incidents where first_published >= ?", [since]
                        ).fetchone()[0]
                    ),
                )
            )
        month = iso(now - timedelta(days=30))
        places = self.db.execute(
            "select j.value, count(*) from incidents, json_each(incidents.locations) j "
            "where first_published >= ? group by j.value order by count(*) desc, j.value limit ?",
            [month, top],
        ).fetchall()
        outlets = self.db.execute(
            f"select feed_name, count(*) from articles where flagged = 1 and {when} >= ? "
            "group by feed_name order by count(*) desc, feed_name limit ?",
            [month, top],
        ).fetchall()
        total = self.db.execute(
            "select count(*), coalesce(sum(flagged), 0) from articles"
        ).fetchone()
        return Stats(
            reports=tuple(reports),
            incidents=tuple(incidents),
            top_places=tuple((str(p), int(c)) for p, c in places),
            top_outlets=tuple((str(o), int(c)) for o, c in outlets),
            total_articles=int(total[0]),
            total_flagged=int(total[1]),
        )
