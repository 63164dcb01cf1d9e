"""History queries for commands: latest flagged reports and full-text search (FTS5).

Both stay fast on a long history: /latest walks the `articles_flagged_when` index, and /search
ranks (bm25) at most RANK_WINDOW matches per index — flagged reports come from the small
`articles_flagged_fts` index, so they never have to be picked out of every match.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import sqlite_utils

from bot.models import MARK_END, MARK_START, Stats, StoredArticle
from bot.reports.query import SearchQuery, parse_query
from storage.records import article_from_row, iso

MAX_QUERY_TERMS = 12
# Relevance is judged among the newest RANK_WINDOW matches of each index (flagged, all);
# older matches follow, newest stored first. bm25 costs a few microseconds a match, so this
# bounds a query's cost however long the history grows.
RANK_WINDOW = 4000
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
_WHEN = "coalesce(a.published, a.fetched_at)"


def fts_query(text: str) -> str | None:
    """User words -> a safe FTS5 query: every term quoted (no FTS syntax passes), prefixes."""
    terms = [t for t in _TOKEN_RE.findall(text.lower()) if t.strip("_")][:MAX_QUERY_TERMS]
    if not terms:
        return None
    return " ".join(f'"{t}"*' if len(t) >= 3 else f'"{t}"' for t in terms)


def _filters(query: SearchQuery) -> tuple[str, list[object]]:
    """SQL conditions on `articles a` for a query's filters (always parameterised)."""
    where: list[str] = []
    args: list[object] = []
    if query.since:
        where.append(f"{_WHEN} >= ?")
        args.append(query.since.isoformat())
    if query.until:
        where.append(f"{_WHEN} < date(?, '+1 day')")
        args.append(query.until.isoformat())
    if query.language:
        where.append("a.language = ?")
        args.append(query.language)
    if query.min_victims is not None:
        where.append("a.victims >= ?")
        args.append(query.min_victims)
    if query.flagged_only:
        where.append("a.flagged = 1")
    return "".join(f" and {w}" for w in where), args


class Search:
    """Latest, full-text search and stats over the articles and their FTS indexes."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def latest(self, limit: int = 5, *, flagged_only: bool = True) -> list[StoredArticle]:
        where = "where flagged = 1" if flagged_only else ""
        # The order matches the articles_flagged_when index exactly, so no sort is needed.
        sql = (
            f"select * from articles {where} "
            "order by coalesce(published, fetched_at) desc, id desc limit ?"
        )
        return [article_from_row(r) for r in self.db.query(sql, [limit])]

    def search(
        self, text: str | SearchQuery, limit: int = 5, offset: int = 0
    ) -> list[StoredArticle]:
        """Flagged reports first, then by relevance, then the most recent.

        Words are language-aware (bot.reports.query: place spellings, Cyrillic endings); filters
        since: until: lang: place: min: flagged: narrow the matches.
        """
        parsed = parse_query(text) if isinstance(text, str) else text
        if parsed.is_empty or limit <= 0:
            return []
        offset = max(0, offset)
        where, args = _filters(parsed)
        query = parsed.fts
        if query is None:
            return self._filtered(where, args, limit, offset)
        flagged_ids = self._page_ids("articles_flagged_fts", query, where, args, offset, limit)
        other_ids: list[int] = []
        if len(flagged_ids) < limit and not parsed.flagged_only:
            flagged = self.db.execute(
                "select count(*) from articles_flagged_fts join articles a "
                "on a.id = articles_flagged_fts.rowid "
                f"where articles_flagged_fts match ? {where}",
                [query, *args],
            ).fetchone()[0]
            other_ids = self._page_ids(
                "articles_fts",
                query,
                where + " and a.flagged = 0",
                args,
                max(0, offset - flagged),
                limit - len(flagged_ids),
            )
        return self._with_snippets("articles_flagged_fts", query, flagged_ids) + (
            self._with_snippets("articles_fts", query, other_ids)
        )

    def _with_snippets(self, fts: str, query: str, ids: list[int]) -> list[StoredArticle]:
        """The articles with these ids, in this order, each with its highlighted snippet.

        One query per index: a prefix term ("pokrovsk"*) costs a pass over its whole doclist
        each time FTS5 is asked, so the ids are filtered (+rowid: not an index lookup) inside
        one pass over their rowid range.
        """
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        sql = (
            f"select a.*, snippet({fts}, 1, ?, ?, '…', 16) as snippet "
            f"from {fts} join articles a on a.id = {fts}.rowid "
            f"where {fts} match ? and {fts}.rowid between ? and ? and +{fts}.rowid in ({marks})"
        )
        args = [MARK_START, MARK_END, query, min(ids), max(ids), *ids]
        by_id = {row["id"]: article_from_row(row) for row in self.db.query(sql, args)}
        return [by_id[i] for i in ids if i in by_id]

    def _filtered(
        self, where: str, args: list[object], limit: int, offset: int
    ) -> list[StoredArticle]:
        """Filters without words: flagged first, newest first."""
        sql = (
            f"select a.* from articles a where 1 = 1 {where} "
            f"order by a.flagged desc, {_WHEN} desc, a.id desc limit ? offset ?"
        )
        return [article_from_row(r) for r in self.db.query(sql, [*args, limit, offset])]

    def _page_ids(
        self, fts: str, query: str, where: str, args: list[object], offset: int, limit: int
    ) -> list[int]:
        """One index's matches (rows passing `where`): the newest RANK_WINDOW by relevance
        then recency, then older ones newest first; `limit` ids from `offset`."""
        floor_row = self.db.execute(
            f"select rowid from {fts} where {fts} match ? order by rowid desc limit 1 offset ?",
            [query, RANK_WINDOW - 1],
        ).fetchone()
        floor = int(floor_row[0]) if floor_row else 0
        base = f"from {fts} join articles a on a.id = {fts}.rowid where {fts} match ? {where}"
        ranked = (
            f"select a.id {base} and {fts}.rowid >= ? "
            f"order by {fts}.rank, {_WHEN} desc, a.id desc limit ? offset ?"
        )
        ids = [int(r[0]) for r in self.db.execute(ranked, [query, *args, floor, limit, offset])]
        if len(ids) == limit or floor_row is None:
            return ids
        # The page runs past the window: continue with older matches, newest stored first.
        in_window = self.db.execute(
            f"select count(*) {base} and {fts}.rowid >= ?", [query, *args, floor]
        ).fetchone()[0]
        older = (
            f"select a.id {base} and {fts}.rowid < ? order by {fts}.rowid desc limit ? offset ?"
        )
        more = [query, *args, floor, limit - len(ids), max(0, offset - in_window)]
        return ids + [int(r[0]) for r in self.db.execute(older, more)]

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
            # first_published is a day ('2024-06-01'): compare it with a day, not a timestamp
            # string, or the oldest day of the window never counts.
            day = (now - span).date().isoformat()
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
                            "select count(*) from incidents where first_published >= ?", [day]
                        ).fetchone()[0]
                    ),
                )
            )
        month = iso(now - timedelta(days=30))
        places = self.db.execute(
            "select j.value, count(*) from incidents, json_each(incidents.locations) j "
            "where first_published >= ? group by j.value order by count(*) desc, j.value limit ?",
            [(now - timedelta(days=30)).date().isoformat(), top],
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
