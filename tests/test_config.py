"""Bad configuration: one clear message naming field and value, exit 2, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings
from tests.conftest import write_feeds
from tests.processes import run_bot

ROOT = Path(__file__).resolve().parent.parent


def env_for(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "FEEDS_FILE": str(tmp_path / "feeds.yaml"),
        "DATABASE_PATH": str(tmp_path / "db.sqlite"),
        **extra,
    }


@pytest.mark.parametrize(
    ("feeds", "expected"),
    [
        ([{"name": "A", "url": "ftp://x"}], "feeds[0].url: 'ftp://x' is not http(s)"),
        (  # urlsplit raises on an unclosed IPv6 bracket: a config error, not a traceback
            [{"name": "A", "url": "http://[::1/rss"}],
            "feeds[0].url: 'http://[::1/rss' is not a valid URL",
        ),
        (
            [{"name": "A", "url": "https://a.test:99999/rss"}],
            "feeds[0].url: 'https://a.test:99999/rss' is not a valid URL",
        ),
        (
            [{"name": "A", "url": "https://a.test/rss"}, {"name": "A", "url": "https://b.test/"}],
            "feeds[1].name: 'A' is used twice",
        ),
        ([{"name": "A", "url": "https://a.test/rss", "interval": 1}], "feeds[0].interval: 1"),
        (
            [{"name": "A", "url": "https://a.test/rss", "language": "de"}],
            "feeds[0].language: 'de' must be one of",
        ),
        (
            [{"name": "A", "url": "https://a.test/rss", "colour": "red"}],
            "feeds[0]: unknown key(s) colour",
        ),
    ],
)
def test_bad_feed_entries_are_named(
    tmp_path: Path, feeds: list[dict[str, object]], expected: str
) -> None:
    write_feeds(tmp_path / "feeds.yaml", feeds)  # type: ignore[arg-type]
    with pytest.raises(ConfigError) as caught:
        load_settings(env_for(tmp_path))
    assert any(expected in p for p in caught.value.problems), caught.value.problems


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"POLL_INTERVAL_SECONDS": "soon"}, "POLL_INTERVAL_SECONDS: 'soon' is not a whole number"),
        ({"TELEGRAM_ADMIN_IDS": "12,bob"}, "TELEGRAM_ADMIN_IDS: 'bob' is not a numeric"),
        ({"TELEGRAM_CHANNEL_ID": "my channel"}, "TELEGRAM_CHANNEL_ID: 'my channel' must be"),
        (
            {"TELEGRAM_BOT_TOKEN": "123456:abcdefghijklmnopqrstuvwxyz"},
            "TELEGRAM_CHANNEL_ID: '' must be set",
        ),
        ({"TELEGRAM_API_BASE_URL": "localhost:8081/bot"}, "TELEGRAM_API_BASE_URL: 'localhost"),
    ],
)
def test_bad_environment_is_named(tmp_path: Path, env: dict[str, str], expected: str) -> None:
    write_feeds(tmp_path / "feeds.yaml", [{"name": "A", "url": "https://a.test/rss"}])
    with pytest.raises(ConfigError) as caught:
        load_settings(env_for(tmp_path, **env))
    assert any(expected in p for p in caught.value.problems), caught.value.problems


def test_all_problems_are_listed_at_once(tmp_path: Path) -> None:
    write_feeds(tmp_path / "feeds.yaml", [{"name": "A", "url": "ftp://x"}])
    with pytest.raises(ConfigError) as caught:
        load_settings(env_for(tmp_path, POLL_INTERVAL_SECONDS="-3"))
    assert len(caught.value.problems) == 2


def test_token_is_never_echoed(tmp_path: Path) -> None:
    write_feeds(tmp_path / "feeds.yaml", [{"name": "A", "url": "https://a.test/rss"}])
    with pytest.raises(ConfigError) as caught:
        load_settings(env_for(tmp_path, TELEGRAM_BOT_TOKEN="secret-but-malformed"))
    assert "secret-but-malformed" not in str(caught.value)


def test_shipped_feeds_file_is_valid() -> None:
    settings = load_settings({"FEEDS_FILE": str(ROOT / "feeds.yaml")})
    languages = {f.language for f in settings.feeds}
    assert languages == {"en", "uk", "ru"}
    assert len(settings.feeds) >= 10


def test_check_config_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / "feeds.yaml").write_text("feeds:\n  - name: A\n    url: ftp://x\n")
    result = run_bot(["--check-config"], env_for(tmp_path))
    assert result.returncode == 2
    assert "feeds[0].url: 'ftp://x' is not http(s)" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "feeds.yaml").write_text("feeds:\n  - name: A\n   url: [oops\n")
    result = run_bot(["--check-config"], env_for(tmp_path))
    assert result.returncode == 2
    assert "line 3, column 4: invalid YAML" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_config_accepts_the_shipped_file(tmp_path: Path) -> None:
    result = run_bot(["--check-config"], {"DATABASE_PATH": str(tmp_path / "x.db")})
    assert result.returncode == 0, result.stderr
    assert "Configuration OK" in result.stdout
