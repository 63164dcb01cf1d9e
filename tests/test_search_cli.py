"""`python -m bot search` on the server: the same search as /search, as a real process."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from storage.store import Store
from tests.history import add, report
from tests.processes import run_bot

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str], db: Path) -> subprocess.CompletedProcess[str]:
    return run_bot(["search", *args], {"DATABASE_PATH": str(db)})


def test_search_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    store = Store(db)
    add(store, report(1, "Captured soldiers shot near Pokrovsk", place="Pokrovsk"))
    add(store, report(2, "Weather in Kharkiv", flagged=False))
    store.close()
    result = run(["Pokrovsk"], db)
    assert result.returncode == 0, result.stderr
    assert "FLAGGED" in result.stdout and "Captured soldiers shot near Pokrovsk" in result.stdout
    assert "Kharkiv" not in result.stdout
    as_json = run(["Pokrovsk", "--json"], db)
    rows = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert rows[0]["flagged"] is True and rows[0]["locations"] == ["Pokrovsk"]
    assert rows[0]["published"][:4] == str(datetime.now(UTC).year)


def test_bad_input_is_a_clear_error(tmp_path: Path) -> None:
    result = run(["x", "lang:de"], tmp_path / "x.db")
    assert result.returncode == 2 and "lang: 'de'" in result.stderr
    missing = run(["Pokrovsk"], tmp_path / "none.db")
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    assert "Traceback" not in missing.stderr
