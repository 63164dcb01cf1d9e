"""Command line: `python -m bot [run]` runs the bot (--once, --check-config); subcommands
classify, search, incident and health each have their own --help."""

from __future__ import annotations

import argparse
import asyncio
import difflib
import logging
import os
import sys
from importlib.metadata import PackageNotFoundError, version

from bot.config import ConfigError, Settings, load_settings, plural
from storage.store import StoreError, check_database_path

logger = logging.getLogger("bot")

# name -> (module under bot.cli, one line for the list of subcommands)
COMMANDS = {
    "run": ("", "run the bot (the default): Telegram with a token, else terminal mode"),
    "classify": ("classify", "JSON Lines in, one verdict per line out (--render: alert text)"),
    "search": ("search", "search the stored history, like /search"),
    "incident": ("incident", "one incident as /incident shows it, as plain text"),
    "health": ("health", "exit 0 when the running bot completed a cycle lately (HEALTHCHECK)"),
    "help": ("", "this help, or a subcommand's: python -m bot help search"),
}


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


def setup_logging(token: str | None, level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_RedactToken(token))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    # httpx logs every request URL, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def _version() -> str:
    try:
        return version("powwatch")
    except PackageNotFoundError:
        return "unknown (not installed)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="powwatch: watch news feeds for reports of executions of prisoners of war.",
        epilog="Without a subcommand the bot runs. `python -m bot SUBCOMMAND --help` tells more.",
    )
    parser.add_argument("--version", action="version", version=f"powwatch {_version()}")
    add_run_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", title="subcommands")
    for name, (_, line) in COMMANDS.items():
        sub.add_parser(name, help=line, add_help=False)
    return parser


def add_run_options(parser: argparse.ArgumentParser) -> None:
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check-config",
        action="store_true",
        help="check what a start checks (environment, feeds file, database path), then exit",
    )
    mode.add_argument(
        "--once",
        action="store_true",
        help="run one poll cycle over every enabled feed, print a summary, exit "
        "(1 when every feed failed)",
    )


def _print_report(report: object) -> int:
    """The --once summary on stdout, one line per feed; 1 when every feed failed."""
    from bot.models import CycleReport

    assert isinstance(report, CycleReport)
    out = sys.stdout
    for o in report.outcomes:
        line = (
            f"{o.feed}: status={o.status} fetched={o.fetched} new={o.new} "
            f"flagged={o.flagged} alerted={o.alerted}"
        )
        if o.too_old:
            line += f" ({o.too_old} flagged older than the alert window: not alerted)"
        out.write(line + (f" error={o.error}" if o.error else "") + "\n")
    t = report.totals
    failed = sum(o.error is not None for o in report.outcomes)
    out.write(
        f"total: feeds={len(report.outcomes)} failed={failed} fetched={t['fetched']} "
        f"new={t['new']} flagged={t['flagged']} alerted={t['alerted']} "
        f"in {report.duration:.1f}s\n"
    )
    if report.outcomes and failed == len(report.outcomes):
        sys.stderr.write(f"every feed failed ({failed} of {failed})\n")
        return 1
    return 0


def _check_config(settings: Settings) -> int:
    problem = check_database_path(settings.database_path)
    if problem:
        sys.stderr.write(f"Configuration error:\n  {problem}\n")
        return 2
    enabled = sum(f.enabled for f in settings.feeds)
    mode = "Telegram" if settings.has_telegram else "terminal (no TELEGRAM_BOT_TOKEN)"
    sys.stdout.write(
        f"Configuration OK: {plural(len(settings.feeds), 'feed')} ({enabled} enabled), "
        f"mode: {mode}, feeds file: {settings.feeds_file}, database: {settings.database_path}\n"
    )
    return 0


def run(args: argparse.Namespace) -> int:
    try:
        settings = load_settings(os.environ)
    except ConfigError as exc:
        sys.stderr.write("Configuration error:\n" + "".join(f"  {p}\n" for p in exc.problems))
        return 2
    if args.check_config:
        return _check_config(settings)
    setup_logging(settings.token, settings.log_level)
    if args.once:
        # The summary below says everything per feed: the same lines in the log would repeat it.
        logging.getLogger("bot.poll").setLevel(logging.ERROR)
    for warning in settings.warnings:
        logger.warning("%s", warning)
    from bot.app import TokenRejected, run_once, run_telegram, run_terminal

    try:
        if args.once:
            return _print_report(asyncio.run(run_once(settings)))
        if settings.has_telegram:
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


def _subcommand(name: str, argv: list[str]) -> int:
    import importlib

    module = importlib.import_module(f"bot.cli.{COMMANDS[name][0]}")
    try:
        code: int = module.main(argv)
    except BrokenPipeError:
        # the reader went away (`... | head`): stop quietly, as other Unix tools do, and keep
        # the interpreter from complaining again when it flushes stdout at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a killed writer
    return code


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = argv[0] if argv else ""
    if first == "help":
        if len(argv) > 1 and COMMANDS.get(argv[1], ("", ""))[0]:
            return _subcommand(argv[1], ["--help"])
        build_parser().print_help()
        return 0
    if first in COMMANDS and COMMANDS[first][0]:
        return _subcommand(first, argv[1:])
    if first and not first.startswith("-") and first not in COMMANDS:
        close = difflib.get_close_matches(first, list(COMMANDS), n=1, cutoff=0.5)
        hint = f"; did you mean `python -m bot {close[0]}`?" if close else ""
        sys.stderr.write(
            f"python -m bot: unknown subcommand {first!r}{hint} "
            f"(subcommands: {', '.join(COMMANDS)})\n"
        )
        return 2
    if first == "run":
        parser = argparse.ArgumentParser(prog="python -m bot run", description=COMMANDS["run"][1])
        add_run_options(parser)
        return run(parser.parse_args(argv[1:]))
    return run(build_parser().parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
