#!/bin/sh
# The image's entry point: on first start, seed FEEDS_FILE (in the writable config directory)
# from the shipped feeds.yaml, so chat edits (/addfeed …) can save it; then run the command.
set -eu
seed="${POWWATCH_FEEDS_SEED:-/app/feeds.yaml}"
if [ -n "${FEEDS_FILE:-}" ] && [ ! -e "$FEEDS_FILE" ] && [ -f "$seed" ]; then
  dir="$(dirname "$FEEDS_FILE")"
  if cp "$seed" "$FEEDS_FILE" 2>/dev/null; then
    echo "powwatch: $FEEDS_FILE created from the shipped feeds.yaml" >&2
  else
    echo "powwatch: cannot create $FEEDS_FILE: $dir must be writable by uid $(id -u)" \
      "(chown $(id -u) the host directory mounted there)" >&2
  fi
fi
exec "$@"
