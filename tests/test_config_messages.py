"""Configuration as a new user meets it: plain messages, real paths, --check-config, run.sh."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings
from tests.conftest import write_feeds
from tests.processes import ROOT, run_bot


def problems_of(tmp_path: Path, text: str, **env: str) -> list[str]:
    (tmp_path / "feeds.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(
            {
                "FEEDS_FILE": str(tmp_path / "feeds.yaml"),
                "DATABASE_PATH": str(tmp_path / "db.sqlite"),
                **env,
            }
        )
    return caught.value.problems


def test_feed_messages_have_no_python_reprs_and_carry_line_numbers(tmp_path: Path) -> None:
    text = "feeds:\n  - name: A\n    language: de\n  - name: A\n    url: ftp://x\n"
    problems = "\n".join(problems_of(tmp_path, text))
    assert "line 2: feeds[0].url: missing" in problems
    assert "line 3: feeds[0].language: 'de' must be one of en, uk, ru" in problems
    # The second A is a duplicate even though the first A has problems of its own.
    assert "line 4: feeds[1].name: 'A' is used twice" in problems
    assert "None" not in problems and "('en'" not in problems


def test_log_level_is_checked(tmp_path: Path) -> None:
    write_feeds(tmp_path / "feeds.yaml", [{"name": "A", "url": "https://a.test/"}])
    problems = problems_of(tmp_path, (tmp_path / "feeds.yaml").read_text(), LOG_LEVEL="loud")
    assert problems == ["LOG_LEVEL: 'LOUD' must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL"]


def test_an_interval_below_the_tick_is_accepted_with_the_real_floor(tmp_path: Path) -> None:
    feeds = write_feeds(
        tmp_path / "feeds.yaml", [{"name": "A", "url": "https://a.test/", "interval": 10}]
    )
    settings = load_settings({"FEEDS_FILE": str(feeds), "DATABASE_PATH": str(tmp_path / "d")})
    assert settings.warnings == (
        "feed 'A': interval 10 s is below the real floor; it is polled every 15 s at most "
        "(feeds are checked every 15 s)",
    )


def test_check_config_says_1_feed_and_absolute_paths_from_the_users_directory(
    tmp_path: Path,
) -> None:
    write_feeds(tmp_path / "feeds.yaml", [{"name": "A", "url": "https://a.test/"}])
    env = {"FEEDS_FILE": "feeds.yaml", "DATABASE_PATH": "data/x.db", "POWWATCH_CWD": str(tmp_path)}
    result = run_bot(["--check-config"], env)
    assert result.returncode == 0, result.stderr
    assert "Configuration OK: 1 feed (1 enabled)" in result.stdout
    assert f"feeds file: {tmp_path / 'feeds.yaml'}" in result.stdout
    assert f"database: {tmp_path / 'data' / 'x.db'}" in result.stdout
    missing = run_bot(["--check-config"], {**env, "FEEDS_FILE": "nope.yaml"})
    assert missing.returncode == 2 and repr(str(tmp_path / "nope.yaml")) in missing.stderr


def test_check_config_checks_the_database_path_as_a_start_does(tmp_path: Path) -> None:
    feeds = write_feeds(tmp_path / "feeds.yaml", [{"name": "A", "url": "https://a.test/"}])
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the data directory should be")
    env = {"FEEDS_FILE": str(feeds), "DATABASE_PATH": str(blocker / "powwatch.db")}
    check = run_bot(["--check-config"], env)
    assert check.returncode == 2 and "DATABASE_PATH" in check.stderr, check.stdout
    start = run_bot(["--once"], env)
    assert start.returncode == 2 and "DATABASE_PATH" in start.stderr


def fake_repo(tmp_path: Path) -> Path:
    """run.sh and ensure_venv.sh in a tree whose .venv python only reports where it runs."""
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "run.sh", repo / "run.sh")
    shutil.copy(ROOT / "scripts" / "ensure_venv.sh", repo / "scripts" / "ensure_venv.sh")
    shutil.copy(ROOT / "pyproject.toml", repo / "pyproject.toml")
    fake = tmp_path / "fake-python"
    # Enough of Python for ensure_venv.sh: the version check, `-m venv`, `-m pip`; as the
    # venv's python it prints where `python -m bot` would look for relative paths.
    fake.write_text(
        "#!/usr/bin/env bash\n"
        'if [ "$1" = -m ] && [ "$2" = venv ]; then\n'
        '  mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; exit 0\n'
        "fi\n"
        'if [ "$1" = -m ] && [ "$2" = bot ]; then echo "cwd=$PWD user=$POWWATCH_CWD"; fi\n'
        "exit 0\n"
    )
    fake.chmod(0o755)
    return repo


@pytest.mark.skipif(sys.platform == "win32", reason="bash script")
def test_run_sh_says_it_is_installing_and_passes_the_users_directory(tmp_path: Path) -> None:
    repo = fake_repo(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHON": str(tmp_path / "fake-python")}
    env.pop("POWWATCH_CWD", None)
    first = subprocess.run(
        [str(repo / "run.sh")], cwd=elsewhere, env=env, capture_output=True, text=True, check=True
    )
    assert "powwatch: installing into .venv" in first.stderr
    assert f"cwd={repo} user={elsewhere}" in first.stdout
    again = subprocess.run(
        [str(repo / "run.sh")], cwd=elsewhere, env=env, capture_output=True, text=True, check=True
    )
    assert "installing" not in again.stderr  # only when there is something to install
