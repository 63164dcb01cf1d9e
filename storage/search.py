"""History queries for commands: latest flagged reports and full-text search (FTS5)."""

from __future__ import annotations

import re

import sqlite_utils

from bot.models import MARK_END, MARK_START, StoredArticle
from storage.records import article_from_row

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
