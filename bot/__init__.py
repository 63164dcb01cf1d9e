"""powwatch: a Telegram bot that watches news feeds for reports of POW executions."""

import os

# Opt in to python-telegram-bot's timedelta durations (RetryAfter.retry_after etc.) now, as v22
# recommends, instead of a deprecation warning on every rate-limit answer.
os.environ.setdefault("PTB_TIMEDELTA", "1")
