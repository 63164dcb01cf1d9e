"""Run `python -m bot …` as a real process from the repository, with a clean environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.servers import ALLOWED_LOOPBACK

ROOT = Path(__file__).resolve().parent.parent


def run_bot(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The bot's command line with `env` over this environment minus any Telegram/metrics
    settings of the machine running the tests."""
    full = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "METRICS_"))}
    full["ALLOWED_PRIVATE_NETWORKS"] = ALLOWED_LOOPBACK  # the test servers, unless env says
    full.update(env)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env=full,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
