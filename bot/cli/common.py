"""What the subcommands share: the database path as the bot resolves it, opened read-only."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import NoReturn

from bot.config import resolve_path
from storage.store import Store, StoreError


class UsageError(Exception):
    """Bad input to a subcommand: one line on stderr, exit status 2."""


class Parser(argparse.ArgumentParser):
    """argparse, but a bad argument is one line (and exit 2) without the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def database_path() -> Path:
    """DATABASE_PATH as the bot reads it: a relative path from where the user ran the command."""
    return resolve_path(os.environ, "DATABASE_PATH", "data/powwatch.db")


def open_history() -> Store:
    """The bot's database, read-only; UsageError when it is missing or not powwatch's."""
    path = database_path()
    if not path.exists():
        raise UsageError(f"DATABASE_PATH: {str(path)!r} does not exist (has the bot run yet?)")
    try:
        return Store(path, readonly=True)
    except StoreError as exc:
        raise UsageError(str(exc)) from None
