#!/usr/bin/env bash
# Install (first time) and start the bot. Without TELEGRAM_BOT_TOKEN it runs in terminal mode.
# Relative FEEDS_FILE / DATABASE_PATH are taken from where you run this (POWWATCH_CWD), not
# from the repository this script changes into.
set -euo pipefail
export POWWATCH_CWD="${POWWATCH_CWD:-$PWD}"
cd "$(dirname "$0")"
scripts/ensure_venv.sh
exec .venv/bin/python -m bot "$@"
