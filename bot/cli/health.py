"""`python -m bot health`: exit 0 when the running bot finished a tick lately (a HEALTHCHECK).

The bot touches a heartbeat file beside its database after every tick, in every mode; this
reads only that file's age, so it is cheap and needs no token, network or database access.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path
from typing import TextIO

from bot.cli.common import Parser, database_path

DEFAULT_MAX_AGE = 120  # seconds: eight 15-second ticks


def heartbeat_path(database: Path) -> Path:
    """Where the bot records that it is alive: `<database>.heartbeat`."""
    return database.with_name(database.name + ".heartbeat")


def beat(database: Path) -> None:
    """Record one finished tick (called by the bot; a failure here must not stop it)."""
    with contextlib.suppress(OSError):
        heartbeat_path(database).touch()


def main(argv: list[str], stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr
    parser = Parser(
        prog="python -m bot health",
        description="Exit 0 when the running bot finished a poll tick within --max-age "
        "seconds (it touches DATABASE_PATH.heartbeat after each tick), else 1.",
    )
    parser.add_argument(
        "--max-age",
        type=int,
        default=DEFAULT_MAX_AGE,
        help=f"seconds since the last tick still counted healthy (default {DEFAULT_MAX_AGE})",
    )
    args = parser.parse_args(argv)
    if args.max_age < 1:
        err.write(f"health: --max-age: {args.max_age} must be 1 or more\n")
        return 2
    path = heartbeat_path(database_path())
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        err.write(f"unhealthy: no heartbeat at {str(path)!r} (is the bot running?)\n")
        return 1
    if age > args.max_age:
        err.write(f"unhealthy: the last tick finished {age:.0f} s ago (> {args.max_age} s)\n")
        return 1
    out.write(f"healthy: the last tick finished {age:.0f} s ago\n")
    return 0
