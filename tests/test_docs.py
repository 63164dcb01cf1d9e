"""The README documents every setting and every command the code knows."""

from __future__ import annotations

import re
from pathlib import Path

from handlers.public import ADMIN_COMMANDS, COMMANDS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_environment_variable_is_documented() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "bot").glob("*.py"))
    names = set(
        re.findall(r'"((?:TELEGRAM|FEED|FEEDS|DATABASE|POLL|ALERT|FETCH|LOG)_[A-Z_]+)"', code)
    )
    assert names, "no settings found in the code"
    missing = sorted(n for n in names if f"`{n}`" not in README)
    assert not missing, missing


def test_every_command_is_documented() -> None:
    missing = [name for name, _ in COMMANDS + ADMIN_COMMANDS if f"/{name}" not in README]
    assert not missing, missing


def test_readme_gives_the_two_setup_commands() -> None:
    assert "./run.sh" in README and "./test.sh" in README
    assert (ROOT / "run.sh").exists() and (ROOT / "test.sh").exists()


def test_every_subcommand_is_documented() -> None:
    from bot.__main__ import COMMANDS

    missing = [
        name for name in COMMANDS if name != "help" and f"python -m bot {name}" not in README
    ]
    assert not missing, missing
    assert "python -m bot --once" in README and "python -m bot --check-config" in README
