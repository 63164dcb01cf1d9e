#!/usr/bin/env bash
# Install (first time) and run the checks: ruff (format and lint), mypy, then the test suite.
set -uo pipefail
cd "$(dirname "$0")"
scripts/ensure_venv.sh test || exit 1
.venv/bin/ruff format --check --quiet . || exit 1
.venv/bin/ruff check . || exit 1
.venv/bin/mypy || exit 1
.venv/bin/python -m pytest "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "test.sh: pytest collected no tests - treating that as a failure" >&2
  exit 1
fi
exit "$status"
