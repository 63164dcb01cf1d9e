#!/usr/bin/env bash
# Build the image with podman and check it for real: uid 10001, an alert in the logs, the volume
# surviving container replacement without re-alerting, a chat-style save of feeds.yaml, a clean
# stop on SIGTERM. Not run in CI (minutes, needs podman). See README "Docker".
#
#   scripts/container-check.sh                 # needs a python:3.11-slim image (pulled or local)
#   scripts/container-check.sh --make-base DIR # first build a stand-in python:3.11-slim from
#                                              # Debian bookworm with debootstrap, in DIR
# Environment: PODMAN (default podman), IMAGE (default powwatch-check), CONTAINERS_CONF.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
podman="${PODMAN:-podman}"
image="${IMAGE:-powwatch-check}"
name="powwatch-check-$$"
volume="powwatch-check-data-$$"
work="$(mktemp -d)"
# The host's CA bundle goes into build steps: package downloads may pass a TLS proxy.
cabundle="${CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}"

say() { printf '== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

make_base() {  # a stand-in python:3.11-slim: bookworm's python3 (3.11) and a current pip
  local dir="$1"
  mkdir -p "$dir"
  if [ ! -x "$dir/rootfs/usr/bin/python3" ]; then
    say "debootstrap bookworm into $dir/rootfs (minutes)"
    debootstrap --variant=minbase \
      --include=python3,python3-pip,python3-venv,python-is-python3,ca-certificates \
      bookworm "$dir/rootfs" http://deb.debian.org/debian >"$dir/debootstrap.log"
  fi
  cp /etc/resolv.conf "$dir/rootfs/etc/resolv.conf"
  local bundle="$dir/rootfs/etc/ssl/certs/ca-certificates.crt"
  cp "$bundle" "$dir/ca-certificates.crt.debian"
  cp "$cabundle" "$bundle"  # for the download only; Debian's own bundle is put back below
  # bookworm's pip 23.0 mis-resolves lxml's extras: install a current pip over it, as the real
  # image has, and drop Debian's "externally managed" marker (the real image has none).
  env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin PIP_BREAK_SYSTEM_PACKAGES=1 chroot "$dir/rootfs" \
    python3 -m pip install --quiet --no-cache-dir --upgrade pip
  cp "$dir/ca-certificates.crt.debian" "$bundle"
  rm -rf "$dir/rootfs/usr/lib/python3.11/EXTERNALLY-MANAGED" \
    "$dir/rootfs/var/cache/apt/archives/"*.deb "$dir/rootfs/var/lib/apt/lists/"*
  : >"$dir/rootfs/etc/resolv.conf"
  tar -C "$dir/rootfs" -cf "$dir/rootfs.tar" .
  "$podman" import --change 'CMD ["python3"]' --change 'ENV LANG=C.UTF-8' \
    "$dir/rootfs.tar" python:3.11-slim >/dev/null
  rm -f "$dir/rootfs.tar"
  say "stand-in python:3.11-slim: $("$podman" run --rm python:3.11-slim python --version)"
}

if [ "${1:-}" = "--make-base" ]; then
  make_base "${2:?--make-base needs a directory}"
fi

cleanup() {
  "$podman" rm -f -t 0 "$name" "$name-2" >/dev/null 2>&1 || true
  "$podman" volume rm -f "$volume" "$volume-config" >/dev/null 2>&1 || true
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

say "build $image"
start=$(date +%s)
# --format docker keeps the HEALTHCHECK (the OCI format has none). The host's CA bundle is
# mounted into the build steps only (pip trusts the system store), never copied into the image.
"$podman" build --pull=never --format docker -t "$image" \
  -v "$cabundle:/etc/ssl/certs/ca-certificates.crt:ro" \
  -f "$root/Dockerfile" "$root" >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; fail build; }
say "built in $(( $(date +%s) - start )) s; image size $("$podman" image inspect "$image" \
  --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}')"

# A loopback feed with one made-up report of captives being shot, served from the host.
mkdir -p "$work/feed"
now="$(date -u '+%a, %d %b %Y %H:%M:%S +0000')"
cat >"$work/feed/rss.xml" <<XML
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Check feed</title><link>http://127.0.0.1/</link>
<description>container check</description>
<item><title>Prosecutors: three captured soldiers shot near Robotyne after surrendering</title>
<link>http://127.0.0.1/check/robotyne-three-pows</link><guid>check-robotyne-1</guid>
<pubDate>$now</pubDate>
<description>Regional prosecutors said on Monday that three Ukrainian prisoners of war were shot
dead by Russian troops near Robotyne after they had laid down their arms. An investigation into
the execution of the captives has been opened.</description></item>
</channel></rss>
XML
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/feed" >/dev/null 2>&1 &
server_pid=$!
for _ in $(seq 50); do
  python3 -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$port/rss.xml')" \
    2>/dev/null && break
  sleep 0.1
done

mkdir -p "$work/config"
cat >"$work/config/feeds.yaml" <<YAML
# container check: one loopback feed
feeds:
  - name: Check feed   # the only feed
    url: http://127.0.0.1:$port/rss.xml
YAML
chown -R 10001:10001 "$work/config"  # the documented owner of a bind-mounted config directory

run() {  # terminal mode (no token): alerts go to the log
  "$podman" run -d --name "$1" --network=host -v "$volume:/app/data" \
    -v "$work/config:/app/config" -e ALLOWED_PRIVATE_NETWORKS=127.0.0.0/8 \
    -e POLL_INTERVAL_SECONDS=5 "$image" >/dev/null
}
wait_for() {  # wait_for CONTAINER TEXT SECONDS: TEXT appears in its logs
  local deadline=$(( $(date +%s) + $3 ))
  until "$podman" logs "$1" 2>&1 | grep -qF -- "$2"; do
    [ "$(date +%s)" -lt "$deadline" ] || { "$podman" logs "$1" 2>&1 | tail -20; return 1; }
    sleep 0.5
  done
}

checks=0
say "first container"
run "$name"
uid="$("$podman" exec "$name" id -u)"
[ "$uid" = 10001 ] || fail "runs as uid $uid, not 10001"; checks=$((checks + 1))
say "ok: runs as uid 10001"
wait_for "$name" "===== ALERT =====" 60 || fail "no alert in the logs"; checks=$((checks + 1))
say "ok: the alert is in the logs"
wait_for "$name" "alert=1 incident=1 kind=new printed" 30 || fail "the alert was not recorded"
deadline=$(( $(date +%s) + 20 ))  # the heartbeat is written at the end of the first tick
until "$podman" healthcheck run "$name" >/dev/null 2>&1; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "the healthcheck does not pass"
  sleep 0.5
done
checks=$((checks + 1))
say "ok: the healthcheck passes"

# What /addfeed does: an atomic save (temporary file beside feeds.yaml, then rename).
"$podman" exec "$name" python -c '
from pathlib import Path
from bot.feeds.feedfile import NewFeed, add_feeds, apply_edit
path = Path("/app/config/feeds.yaml")
feeds, n = apply_edit(path, lambda items: add_feeds(items, [NewFeed("Added", "https://example.org/rss")]))
print("saved", len(feeds), "feeds")
' >"$work/save.txt" 2>&1 || { cat "$work/save.txt"; fail "the /addfeed-style save"; }
grep -q "Added" "$work/config/feeds.yaml" && grep -q "# the only feed" "$work/config/feeds.yaml" \
  || fail "feeds.yaml not saved with its comments"; checks=$((checks + 1))
say "ok: /addfeed-style save of feeds.yaml in the config directory"

start_ns=$(date +%s%N)
"$podman" stop -t 20 "$name" >/dev/null
stop_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
code="$("$podman" inspect "$name" --format '{{.State.ExitCode}}')"
[ "$code" = 0 ] || fail "exit status $code after SIGTERM"
"$podman" logs "$name" 2>&1 | grep -q "stopped" || fail "no clean stop in the logs"
"$podman" logs "$name" 2>&1 | grep -q Traceback && fail "a traceback in the logs"
checks=$((checks + 1))
say "ok: clean stop on SIGTERM in $stop_ms ms (exit 0)"

say "replacement container on the same volume"
"$podman" rm "$name" >/dev/null
run "$name-2"
deadline=$(( $(date +%s) + 60 ))  # two polls of the feed by the new container
until [ "$("$podman" logs "$name-2" 2>&1 | grep -c "poll feed=Check feed")" -ge 2 ]; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "the replacement did not poll the feed twice"
  sleep 0.5
done
if "$podman" logs "$name-2" 2>&1 | grep -qF "===== ALERT ====="; then
  fail "the replacement alerted again"
fi
"$podman" exec "$name-2" python -m bot search Robotyne >"$work/search.txt" 2>&1 \
  || { cat "$work/search.txt"; fail "search in the replacement"; }
grep -q Robotyne "$work/search.txt" || fail "the stored report is gone"; checks=$((checks + 1))
say "ok: the volume survived replacement; no second alert"
"$podman" stop -t 20 "$name-2" >/dev/null

say "out of the box: a fresh named volume for /app/config"
"$podman" run --rm -v "$volume-config:/app/config" "$image" sh -c '
  python -m bot --check-config && python -c "
from pathlib import Path
from bot.feeds.feedfile import NewFeed, add_feeds, apply_edit
feeds, _ = apply_edit(Path(\"/app/config/feeds.yaml\"),
                      lambda items: add_feeds(items, [NewFeed(\"Added\", \"https://example.org/a\")]))
print(\"saved\", len(feeds), \"feeds\")
"' >"$work/fresh.txt" 2>&1 || { cat "$work/fresh.txt"; fail "the default layout"; }
"$podman" volume rm -f "$volume-config" >/dev/null
grep -q "created from the shipped feeds.yaml" "$work/fresh.txt" && grep -q "^saved" "$work/fresh.txt" \
  || { cat "$work/fresh.txt"; fail "feeds.yaml not seeded or not saved"; }
checks=$((checks + 1))
say "ok: feeds.yaml seeded from the shipped file, and a chat-style save works ($(grep ^saved "$work/fresh.txt"))"
say "all $checks checks passed"
