#!/usr/bin/env bash
# Install (first time) and start the bot. Without TELEGRAM_BOT_TOKEN it runs in terminal mode.
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure_venv.sh
exec .venv/bin/python -m bot "$@"
