"""Shared fixtures: loopback feed server, fake Bot API, settings with a real SQLite file."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings, load_settings
from tests.servers import ALLOWED_LOOPBACK, FakeBotAPI, FeedServer

CHANNEL_ID = -1001234567890
ADMIN_ID = 4242
USER_ID = 5151


@pytest.fixture
async def feed_server() -> AsyncIterator[FeedServer]:
    server = FeedServer()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def bot_api() -> AsyncIterator[FakeBotAPI]:
    api = FakeBotAPI()
    await api.start()
    yield api
    await api.stop()


def write_feeds(path: Path, feeds: list[dict[str, Any]]) -> Path:
    lines = ["feeds:"]
    for feed in feeds:
        lines.append(f"  - name: {feed['name']}")
        for key, value in feed.items():
            if key != "name":
                rendered = str(value).lower() if isinstance(value, bool) else value
                lines.append(f"    {key}: {rendered}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    """Settings from a real env dict and a real feeds.yaml under tmp_path."""

    def make(
        feeds: list[dict[str, Any]], *, api: FakeBotAPI | None = None, **env: str
    ) -> Settings:
        feeds_file = write_feeds(tmp_path / "feeds.yaml", feeds)
        values = {
            "FEEDS_FILE": str(feeds_file),
            "DATABASE_PATH": str(tmp_path / "data" / "powwatch.db"),
            "TELEGRAM_ADMIN_IDS": str(ADMIN_ID),
            "WORKER_PROCESSES": "0",  # one test uses a real process pool; the rest stay quick
            "ALLOWED_PRIVATE_NETWORKS": ALLOWED_LOOPBACK,  # the test servers, nothing else
        }
        if api is not None:
            values.update(
                TELEGRAM_BOT_TOKEN=api.token,
                TELEGRAM_API_BASE_URL=api.base_url,
                TELEGRAM_CHANNEL_ID=str(CHANNEL_ID),
            )
        values.update(env)
        return load_settings(values)

    return make
