"""Environment variables and feeds.yaml -> Settings and FeedSpec, validated once.

Every problem is collected and raised as one ConfigError naming the field and the bad value.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from bot.feeds.netguard import IPNetwork, parse_networks
from bot.feeds.sources import (
    CHANNEL_URL,
    DEFAULT_TELEGRAM_PREVIEW,
    channel_name,
    channel_of_url,
    http_url_problem,
)
from bot.models import FeedSpec

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
LANGUAGES = ("en", "uk", "ru")
MIN_INTERVAL = 5
TICK_SECONDS = 15  # how often due feeds and the outbox are checked: the real floor of intervals
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
MAX_INTERVAL = 7 * 24 * 3600
FEED_KEYS = {"name", "url", "telegram", "interval", "language", "enabled", "full_text", "archive"}
_TOKEN_RE = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{20,}$")
_CHANNEL_RE = re.compile(r"^(-?\d+|@[A-Za-z][A-Za-z0-9_]{3,})$")


class ConfigError(Exception):
    """Bad configuration: carries every problem found, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the bot is configured with; built once by load_settings()."""

    token: str | None
    api_base_url: str
    channel_id: int | str | None
    admin_ids: frozenset[int]
    allowed_chat_ids: frozenset[int]
    feeds_file: Path
    database_path: Path
    poll_interval: int
    alert_window_hours: float
    max_feed_bytes: int
    fetch_timeout: float
    fetch_concurrency: int
    feeds: tuple[FeedSpec, ...]
    alerts_silent: bool = False
    worker_processes: int = 0  # processes for parsing/detection; 0 = a thread in this process
    quiet_hours: tuple[int, int] | None = None  # UTC hours [start, end): alerts without sound
    failing_alarm_minutes: int = 60  # tell the admins when a feed fails for longer than this
    metrics_port: int | None = None  # Prometheus /metrics; None = off
    metrics_host: str = "127.0.0.1"
    telegram_preview_base: str = DEFAULT_TELEGRAM_PREVIEW  # where t.me/s/<name> pages are read
    log_level: str = "INFO"
    warnings: tuple[str, ...] = ()  # accepted, but worth a line in the log at start
    # Private networks feeds may be fetched from (a local RSSHub); empty = public addresses only.
    allowed_private_networks: tuple[IPNetwork, ...] = ()

    @property
    def has_telegram(self) -> bool:
        return self.token is not None


def _show(value: object) -> str:
    """A value as messages quote it: 'text', 12, or its kind (never a Python repr of None)."""
    if isinstance(value, str):
        return repr(value[:200])
    if value is None:
        return "missing"
    if isinstance(value, bool | int | float):
        return str(value).lower() if isinstance(value, bool) else str(value)
    return f"a {type(value).__name__}"


def plural(n: int, word: str) -> str:
    """'1 feed', '2 feeds'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _int_env(
    env: Mapping[str, str], key: str, default: int, lo: int, hi: int, problems: list[str]
) -> int:
    raw = env.get(key, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        problems.append(f"{key}: {_show(raw)} is not a whole number")
        return default
    if not lo <= value <= hi:
        problems.append(f"{key}: {value} is out of range ({lo}..{hi})")
        return default
    return value


def _id_set(env: Mapping[str, str], key: str, problems: list[str]) -> frozenset[int]:
    ids: set[int] = set()
    for part in env.get(key, "").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            ids.add(int(part))
        except ValueError:
            problems.append(f"{key}: {_show(part)} is not a numeric Telegram id")
    return frozenset(ids)


def _feed_source(item: dict[Any, Any], where: str, problems: list[str]) -> tuple[str, str]:
    """(kind, url) of a feed entry: `url:` (a t.me URL is a channel) or `telegram: <name>`."""
    if "telegram" in item:
        raw = item["telegram"]
        if "url" in item:
            problems.append(f"{where}: give either url or telegram, not both")
            return "telegram", ""
        channel = channel_name(raw) if isinstance(raw, str) else None
        if channel is None:
            problems.append(
                f"{where}.telegram: {_show(raw)} is not a public channel name "
                "(5-32 letters, digits or _, e.g. pgo_gov_ua)"
            )
            return "telegram", ""
        return "telegram", CHANNEL_URL.format(channel)
    url = item.get("url")
    if url is None:
        problems.append(f"{where}.url: missing (or give telegram: <channel>)")
        return "rss", ""
    reason = http_url_problem(url)
    if reason:
        problems.append(f"{where}.url: {_show(url)} {reason}")
        return "rss", ""
    channel = channel_of_url(str(url))
    if channel is not None:
        return "telegram", CHANNEL_URL.format(channel)
    return "rss", str(url).strip()


def parse_feeds(data: Any, source: str = "feeds.yaml") -> tuple[tuple[FeedSpec, ...], list[str]]:
    """Validate the parsed YAML document; return the feeds and the problems found."""
    problems: list[str] = []
    if not isinstance(data, dict) or "feeds" not in data:
        return (), [f"{source}: top level must be a mapping with a 'feeds:' list"]
    items = data["feeds"]
    if items is None:
        items = []
    if not isinstance(items, list):
        return (), [f"{source}: feeds: must be a list, got {type(items).__name__}"]
    feeds: list[FeedSpec] = []
    names: set[str] = set()
    urls: set[str] = set()
    for i, item in enumerate(items):
        where = f"feeds[{i}]"
        if not isinstance(item, dict):
            problems.append(f"{where}: must be a mapping with name and url, got {_show(item)}")
            continue
        before = len(problems)
        unknown = sorted(str(k) for k in item if k not in FEED_KEYS)
        if unknown:
            problems.append(f"{where}: unknown key(s) {', '.join(unknown)}")
        kind, url = _feed_source(item, where, problems)
        name = item.get("name")
        if name is None and kind == "telegram" and url:
            name = "@" + url.rsplit("/", 1)[-1]  # a channel may go without a name
        if name is None:
            problems.append(f"{where}.name: missing")
        elif not isinstance(name, str) or not name.strip():
            problems.append(f"{where}.name: {_show(name)} must be a non-empty string")
        elif name.strip() in names:
            problems.append(f"{where}.name: {_show(name)} is used twice")
        if url and url in urls:
            field = "telegram" if "telegram" in item else "url"
            problems.append(f"{where}.{field}: {_show(item[field])} is listed twice")
        # Taken even when this entry has other problems: a later duplicate is still reported.
        if isinstance(name, str) and name.strip():
            names.add(name.strip())
        if url:
            urls.add(url)
        interval = item.get("interval")
        if interval is not None and (
            isinstance(interval, bool)
            or not isinstance(interval, int)
            or not MIN_INTERVAL <= interval <= MAX_INTERVAL
        ):
            problems.append(
                f"{where}.interval: {_show(interval)} must be seconds "
                f"between {MIN_INTERVAL} and {MAX_INTERVAL}"
            )
        language = item.get("language")
        if language is not None and language not in LANGUAGES:
            problems.append(
                f"{where}.language: {_show(language)} must be one of {', '.join(LANGUAGES)}"
            )
        for flag in ("enabled", "full_text", "archive"):
            if flag in item and not isinstance(item[flag], bool):
                problems.append(f"{where}.{flag}: {_show(item[flag])} must be true or false")
        if len(problems) > before:
            continue
        feeds.append(
            FeedSpec(
                name=str(name).strip(),
                url=url,
                kind=kind,
                interval=interval,
                language=language,
                enabled=item.get("enabled", True),
                full_text=item.get("full_text", False),
                archive=item.get("archive", False),
            )
        )
    return tuple(feeds), problems


def read_feeds_text(path: Path) -> str:
    """The feeds file's text; a missing or unreadable file is a ConfigError naming FEEDS_FILE."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError([f"FEEDS_FILE: {str(path.absolute())!r} does not exist"]) from None
    except IsADirectoryError:
        raise ConfigError([f"FEEDS_FILE: {str(path.absolute())!r} is a directory"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ConfigError(
            [f"FEEDS_FILE: {str(path.absolute())!r} cannot be read ({reason})"]
        ) from None


def yaml_document(text: str, source: str) -> Any:
    """yaml.safe_load, with a syntax error reported as 'source: line L, column C: …'."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError([f"{source}: {at}invalid YAML: {problem}"]) from None


def load_feeds(path: Path) -> tuple[FeedSpec, ...]:
    """Read and validate a feeds file; raise ConfigError with every problem and its line."""
    from bot.feeds.feedfile import check_text  # the same check, with lines, as a hot reload

    return check_text(read_feeds_text(path), str(path))


def resolve_path(env: Mapping[str, str], key: str, default: str) -> Path:
    """An absolute path: a relative setting is taken from where the user ran the command
    (POWWATCH_CWD, set by run.sh, which changes directory), a default from the current one."""
    raw = env.get(key, "").strip()
    if not raw:
        return Path(default).absolute()
    path = Path(raw).expanduser()
    base = Path(env.get("POWWATCH_CWD", "").strip() or os.getcwd())
    return path if path.is_absolute() else base / path


def _interval_warnings(feeds: tuple[FeedSpec, ...], poll_interval: int) -> tuple[str, ...]:
    floor = min(TICK_SECONDS, poll_interval)
    return tuple(
        f"feed {f.name!r}: interval {f.interval} s is below the real floor; it is polled "
        f"every {floor} s at most (feeds are checked every {floor} s)"
        for f in feeds
        if f.interval is not None and f.interval < floor
    )


def _default_workers() -> int:
    """Both cores of a small machine: parsing is CPU-bound; one core gains nothing."""
    cores = os.cpu_count() or 1
    return min(cores, 4) if cores > 1 else 0


def _quiet_hours(env: Mapping[str, str], problems: list[str]) -> tuple[int, int] | None:
    raw = env.get("QUIET_HOURS", "").strip()
    if not raw:
        return None
    match = re.fullmatch(r"(\d{1,2})\s*-\s*(\d{1,2})", raw)
    if not match or not all(0 <= int(h) <= 23 for h in match.groups()):
        problems.append(f"QUIET_HOURS: {_show(raw)} must be two UTC hours like 22-07")
        return None
    return int(match.group(1)), int(match.group(2))


def _flag(env: Mapping[str, str], key: str, problems: list[str]) -> bool:
    raw = env.get(key, "").strip().lower()
    if raw in ("", "0", "false", "no", "off"):
        return False
    if raw in ("1", "true", "yes", "on"):
        return True
    problems.append(f"{key}: {_show(raw)} must be true or false")
    return False


def _networks(env: Mapping[str, str], problems: list[str]) -> tuple[IPNetwork, ...]:
    raw = env.get("ALLOWED_PRIVATE_NETWORKS", "")
    try:
        return parse_networks(raw)
    except ValueError as exc:
        problems.append(f"ALLOWED_PRIVATE_NETWORKS: {exc}")
        return ()


def load_settings(env: Mapping[str, str]) -> Settings:
    """Build Settings from the environment and the feeds file; raise one ConfigError."""
    problems: list[str] = []
    token = env.get("TELEGRAM_BOT_TOKEN", "").strip() or None
    if token is not None and not _TOKEN_RE.match(token):
        # Never echo the token itself: it is a secret.
        problems.append("TELEGRAM_BOT_TOKEN: is not shaped like a BotFather token (digits:key)")
    base = env.get("TELEGRAM_API_BASE_URL", "").strip() or DEFAULT_API_BASE_URL
    reason = http_url_problem(base)
    if reason:
        problems.append(f"TELEGRAM_API_BASE_URL: {_show(base)} {reason}")
    channel_raw = env.get("TELEGRAM_CHANNEL_ID", "").strip()
    channel: int | str | None = None
    if channel_raw:
        if not _CHANNEL_RE.match(channel_raw):
            problems.append(
                f"TELEGRAM_CHANNEL_ID: {_show(channel_raw)} must be a numeric chat id "
                "(e.g. -1001234567890) or @channelname"
            )
        else:
            channel = channel_raw if channel_raw.startswith("@") else int(channel_raw)
    elif token is not None:
        problems.append("TELEGRAM_CHANNEL_ID: '' must be set when TELEGRAM_BOT_TOKEN is set")
    feeds_file = resolve_path(env, "FEEDS_FILE", "feeds.yaml")
    database = resolve_path(env, "DATABASE_PATH", "data/powwatch.db")
    log_level = env.get("LOG_LEVEL", "").strip().upper() or "INFO"
    if log_level not in LOG_LEVELS:
        problems.append(f"LOG_LEVEL: {_show(log_level)} must be one of {', '.join(LOG_LEVELS)}")
        log_level = "INFO"
    window_raw = env.get("ALERT_WINDOW_HOURS", "").strip()
    window = 24.0
    if window_raw:
        try:
            window = float(window_raw)
            if not 0 <= window <= 24 * 365:
                raise ValueError
        except ValueError:
            problems.append(f"ALERT_WINDOW_HOURS: {_show(window_raw)} must be hours (0..8760)")
            window = 24.0
    feeds: tuple[FeedSpec, ...] = ()
    try:
        feeds = load_feeds(feeds_file)
    except ConfigError as exc:
        problems.extend(exc.problems)
    settings = Settings(
        token=token,
        api_base_url=base,
        channel_id=channel,
        admin_ids=_id_set(env, "TELEGRAM_ADMIN_IDS", problems),
        allowed_chat_ids=_id_set(env, "TELEGRAM_ALLOWED_CHAT_IDS", problems),
        feeds_file=feeds_file,
        database_path=database,
        poll_interval=_int_env(
            env, "POLL_INTERVAL_SECONDS", 300, MIN_INTERVAL, MAX_INTERVAL, problems
        ),
        alert_window_hours=window,
        max_feed_bytes=_int_env(env, "FEED_MAX_BYTES", 5_000_000, 10_000, 100_000_000, problems),
        fetch_timeout=float(_int_env(env, "FETCH_TIMEOUT_SECONDS", 30, 1, 600, problems)),
        fetch_concurrency=_int_env(env, "FETCH_CONCURRENCY", 16, 1, 256, problems),
        feeds=feeds,
        alerts_silent=_flag(env, "ALERT_SILENT", problems),
        worker_processes=_int_env(env, "WORKER_PROCESSES", _default_workers(), 0, 64, problems),
        quiet_hours=_quiet_hours(env, problems),
        failing_alarm_minutes=_int_env(env, "FEED_FAILING_ALARM_MINUTES", 60, 1, 10080, problems),
    )
    preview = env.get("TELEGRAM_PREVIEW_BASE_URL", "").strip().rstrip("/")
    preview = preview or DEFAULT_TELEGRAM_PREVIEW
    reason = http_url_problem(preview)
    if reason:
        problems.append(f"TELEGRAM_PREVIEW_BASE_URL: {_show(preview)} {reason}")
    metrics_port: int | None = None
    if env.get("METRICS_PORT", "").strip():
        metrics_port = _int_env(env, "METRICS_PORT", 0, 1, 65535, problems)
    settings = replace(
        settings,
        metrics_port=metrics_port,
        metrics_host=env.get("METRICS_HOST", "").strip() or "127.0.0.1",
        telegram_preview_base=preview,
        log_level=log_level,
        warnings=_interval_warnings(feeds, settings.poll_interval),
        allowed_private_networks=_networks(env, problems),
    )
    if problems:
        raise ConfigError(problems)
    return settings
