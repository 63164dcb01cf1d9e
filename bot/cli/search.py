"""`python -m bot search "…"`: the same search as /search, for people on the server."""

from __future__ import annotations

import json
import sys
from typing import TextIO

from bot.cli.common import Parser, UsageError, open_history
from bot.models import MARK_END, MARK_START, StoredArticle
from bot.reports.query import parse_query

MAX_LIMIT = 500


def _line(article: StoredArticle) -> str:
    when = (article.published or article.fetched_at).strftime("%Y-%m-%d")
    mark = "FLAGGED" if article.flagged else "-"
    # FTS5 marks with "…" where it cut the text; a snippet that starts the text has none.
    snippet = article.snippet.replace(MARK_START, "[").replace(MARK_END, "]")
    parts = [f"{mark} {when} {article.feed_name} — {article.title}", f"  {article.link}"]
    if article.incident_id:
        parts[0] += f" (incident {article.incident_id})"
    if snippet:
        parts.append(f"  {snippet}")
    return "\n".join(parts)


def _record(article: StoredArticle) -> dict[str, object]:
    return {
        "id": article.id,
        "title": article.title,
        "link": article.link,
        "outlet": article.feed_name,
        "published": (article.published or article.fetched_at).isoformat(),
        "language": article.language,
        "flagged": article.flagged,
        "incident_id": article.incident_id,
        "locations": list(article.facts.locations),
        "victims": article.facts.victims,
        "snippet": article.snippet.replace(MARK_START, "").replace(MARK_END, ""),
    }


def build_parser() -> Parser:
    parser = Parser(
        prog="python -m bot search",
        description="Search the stored history like /search: flagged reports first, then "
        "relevance, then the most recent. Filters: since:YYYY-MM-DD until:YYYY-MM-DD "
        "lang:en|uk|ru place:NAME min:N flagged:only. Reads DATABASE_PATH "
        "(default data/powwatch.db).",
    )
    parser.add_argument("query", nargs="+", help="words and filters")
    parser.add_argument(
        "--limit", type=int, default=20, help=f"how many results (1…{MAX_LIMIT}, default 20)"
    )
    parser.add_argument(
        "--offset",
        type=int,
        default=0,
        help="skip this many results first, to page on (0 or more, default 0)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    return parser


def main(argv: list[str], stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr
    args = build_parser().parse_args(argv)
    try:
        if not 1 <= args.limit <= MAX_LIMIT:
            raise UsageError(f"--limit: {args.limit} must be between 1 and {MAX_LIMIT}")
        if args.offset < 0:
            raise UsageError(f"--offset: {args.offset} must be 0 or more")
        query = parse_query(" ".join(args.query))
        if query.problems or query.is_empty:
            raise UsageError("; ".join(query.problems or ["nothing to search for"]))
        store = open_history()
    except UsageError as exc:
        err.write(f"search: {exc}\n")
        return 2
    try:
        found = store.search(query, args.limit, args.offset)
    finally:
        store.close()
    for article in found:
        out.write(
            (json.dumps(_record(article), ensure_ascii=False) if args.json else _line(article))
            + "\n"
        )
    if not found and not args.json:
        out.write("no stored reports match\n")
    return 0
