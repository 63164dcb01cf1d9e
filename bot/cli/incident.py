"""`python -m bot incident N`: what /incident N shows in the chat, as plain text."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.alerts.render import render_incident_detail, to_plain
from bot.cli.common import Parser, UsageError, open_history


def main(argv: list[str], stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr
    parser = Parser(
        prog="python -m bot incident",
        description="One incident as /incident shows it: merged facts, evidence, review "
        "verdicts and every source. Reads DATABASE_PATH (default data/powwatch.db).",
    )
    parser.add_argument("id", help="the incident number shown in an alert (#incident12 or 12)")
    args = parser.parse_args(argv)
    raw = args.id.removeprefix("#").removeprefix("incident")
    try:
        if not (raw.isascii() and raw.isdigit()) or len(raw) > 12:
            raise UsageError(f"{args.id[:40]!r} is not an incident number")
        store = open_history()
    except UsageError as exc:
        err.write(f"incident: {exc}\n")
        return 2
    try:
        record = store.incident(int(raw))
        if record is None:
            err.write(f"incident: no incident {int(raw)} in {store.path}\n")
            return 1
        blocks = render_incident_detail(
            record,
            store.incident_articles(record.id),
            store.review_tally(record.id),
            store.trails(record.id),
        )
    finally:
        store.close()
    out.write("\n\n".join(to_plain(b) for b in blocks) + "\n")
    return 0
