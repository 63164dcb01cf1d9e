"""`python -m bot search "…"`: the same search as /search, for people on the server."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TextIO

from bot.models import MARK_END, MARK_START, StoredArticle
from bot.reports.query import parse_query
from storage.store import Store, StoreError


def _line(article: StoredArticle) -> str:
    when = (article.published or article.fetched_at).strftime("%Y-%m-%d")
    mark = "FLAGGED" if article.flagged else "-"
    snippet = article.snippet.replace(MARK_START, "[").replace(MARK_END, "]")
    parts = [f"{mark} {when} {article.feed_name} — {article.title}", f"  {article.link}"]
    if article.incident_id:
        parts[0] += f" (incident {article.incident_id})"
    if snippet:
        parts.append(f"  …{snippet}…")
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


def main(argv: list[str], stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr
    parser = argparse.ArgumentParser(
        prog="python -m bot search",
        description="Search the stored history like /search (filters: since: until: lang: "
        "place: min: flagged:). Reads DATABASE_PATH (default data/powwatch.db).",
    )
    parser.add_argument("query", nargs="+", help="words and filters")
    parser.add_argument("--limit", type=int, default=20, help="results (default 20, max 500)")
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    args = parser.parse_args(argv)
    query = parse_query(" ".join(args.query))
    if query.problems or query.is_empty:
        err.write("\n".join(query.problems or ["nothing to search for"]) + "\n")
        return 2
    path = Path(os.environ.get("DATABASE_PATH", "").strip() or "data/powwatch.db")
    if not path.exists():
        err.write(f"DATABASE_PATH: {str(path)!r} does not exist (has the bot run yet?)\n")
        return 2
    try:
        store = Store(path, readonly=True)
    except StoreError as exc:
        err.write(f"{exc}\n")
        return 2
    try:
        found = store.search(query, max(1, min(args.limit, 500)), max(0, args.offset))
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
