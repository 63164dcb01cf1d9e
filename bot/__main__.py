"""Command line: `python -m bot` runs the bot; --check-config, --once, and `classify`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys

from bot.config import ConfigError, Settings, load_settings
from storage.store import StoreError

logger = logging.getLogger("bot")


class _RedactToken(logging.Filter):
    """Belt and braces: the token never reaches a log line, whatever library logs a URL."""

    def __init__(self, token: str | None) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if self.token:
            message = record.getMessage()
            if self.token in message:
                record.msg = message.replace(self.token, "<token>")
                record.args = None
        return True


def setup_logging(token: str | None) -> None:
    level = os.environ.get("LOG_LEVEL", "INFO").upper()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_RedactToken(token))
    logging.basicConfig(
        level=level if level in logging.getLevelNamesMapping() else "INFO",
        handlers=[handler],
        force=True,
    )
    # httpx logs every request URL, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="powwatch: watch news feeds for reports of executions of prisoners of war.",
        epilog="Subcommands: `python -m bot classify [FILE]` (JSON Lines in, verdicts out); "
        "`python -m bot search WORDS…` (the stored history, like /search).",
    )
    parser.add_argument(
        "--check-config",
        action="store_true",
        help="validate the environment and feeds.yaml, then exit",
    )
    parser.add_argument(
        "--once",
        action="store_true",
        help="run one poll cycle over every enabled feed, print a summary, exit",
    )
    return parser.parse_args(argv)


def _print_report(settings: Settings, report: object) -> None:
    from bot.poll import CycleReport

    assert isinstance(report, CycleReport)
    out = sys.stdout
    for o in report.outcomes:
        line = (
            f"{o.feed}: status={o.status} fetched={o.fetched} new={o.new} "
            f"flagged={o.flagged} alerted={o.alerted}"
        )
        out.write(line + (f" error={o.error}" if o.error else "") + "\n")
    t = report.totals
    out.write(
        f"total: feeds={len(report.outcomes)} fetched={t['fetched']} new={t['new']} "
        f"flagged={t['flagged']} alerted={t['alerted']} in {report.duration:.1f}s\n"
    )


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "classify":
        from bot.cli.classify import main as classify_main

        return classify_main(argv[1:])
    if argv and argv[0] == "search":
        from bot.cli.search import main as search_main

        return search_main(argv[1:])
    args = parse_args(argv)
    try:
        settings = load_settings(os.environ)
    except ConfigError as exc:
        sys.stderr.write("Configuration error:\n" + "".join(f"  {p}\n" for p in exc.problems))
        return 2
    if args.check_config:
        mode = "Telegram" if settings.has_telegram else "terminal (no TELEGRAM_BOT_TOKEN)"
        sys.stdout.write(
            f"Configuration OK: {len(settings.feeds)} feeds "
            f"({sum(f.enabled for f in settings.feeds)} enabled), mode: {mode}, "
            f"database: {settings.database_path}\n"
        )
        return 0
    setup_logging(settings.token)
    from bot.app import TokenRejected, run_once, run_telegram, run_terminal

    try:
        if args.once:
            _print_report(settings, asyncio.run(run_once(settings)))
        elif settings.has_telegram:
            run_telegram(settings)
        else:
            asyncio.run(run_terminal(settings))
    except StoreError as exc:
        sys.stderr.write(f"Storage error: {exc}\n")
        return 2
    except TokenRejected as exc:
        logger.error("%s", exc)  # one line, in the log format, where docker logs shows it
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
