#!/usr/bin/env bash
# Create .venv and install powwatch (with EXTRAS, e.g. "test") unless pyproject.toml is unchanged
# since the last install. Used by run.sh, test.sh and .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python="${PYTHON:-python3}"
if ! command -v "$python" >/dev/null 2>&1; then
  echo "powwatch needs Python 3.11 or newer ($python not found)" >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "powwatch needs Python 3.11 or newer; $python is $("$python" --version)" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
stamp=".venv/.powwatch-installed-${extras:-base}"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  # The first install takes a while with no output of its own: say what is happening.
  echo "powwatch: installing into .venv${extras:+ (with $extras)}; the first time takes about a minute…" >&2
  .venv/bin/python -m pip install --quiet --upgrade pip
  spec="."
  [ -n "$extras" ] && spec=".[${extras}]"
  .venv/bin/python -m pip install --quiet -e "$spec"
  echo "$want" > "$stamp"
fi
