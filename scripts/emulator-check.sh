#!/usr/bin/env bash
# Run the real bot against a third-party Bot API emulator (npm telegram-test-api) and a loopback
# feed: one alert, an edit for a second report, commands answered, clean SIGTERM, no re-alert on
# restart. Needs node and npm; not run in CI. Everything listens on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
EMULATOR_VERSION="${EMULATOR_VERSION:-4.2.1}"
command -v npm >/dev/null || { echo "emulator-check: needs node and npm" >&2; exit 2; }
py="$root/.venv/bin/python"

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "emulator-check: FAIL: $*" >&2; echo "--- bot log ---" >&2; cat "$work"/bot*.log >&2 || true; exit 1; }
./scripts/ensure_venv.sh > "$work/venv.log" 2>&1 || { cat "$work/venv.log" >&2; exit 1; }

echo "emulator-check: installing telegram-test-api@$EMULATOR_VERSION"
(cd "$work" && npm init -y >/dev/null && timeout 300 npm install --no-audit --no-fund --silent \
  "telegram-test-api@$EMULATOR_VERSION" >/dev/null) || fail "npm install"
emu_port="$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
feed_port="$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
token="123456:emulator-check-abcdefghijklmnop"
channel="${EMULATOR_CHANNEL:--1001234567890}"  # or @name: getChat is then tried
admin=4242
user=5151

cat > "$work/emulator.js" <<'JS'
const TelegramServer = require('telegram-test-api');
const server = new TelegramServer({ port: Number(process.argv[2]), host: '127.0.0.1', storeTimeout: 3600 });
server.start().then(() => console.log(`listening on ${server.config.apiURL}`));
process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
JS

# The driver: writes the feed, plays the user through the emulator's client API, and waits for
# conditions (each with a deadline).
cat > "$work/driver.py" <<'PY'
import json, os, sys, time, urllib.request
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

api, token, channel = sys.argv[1], sys.argv[2], sys.argv[3]
ITEMS = [
    ("Soldiers who surrendered near Pokrovsk were shot, officials say",
     "Four Ukrainian servicemen were taken captive near Pokrovsk in Donetsk Oblast and then shot "
     "dead by Russian troops, regional prosecutors said. A war crimes case on the killing of the "
     "prisoners of war has been opened.", "http://news.test/pokrovsk-pows-shot"),
    ("Grain exports rise at Odesa ports", "Shipments through the Odesa ports grew in November, "
     "the port authority reported.", "http://news.test/odesa-grain"),
    ("Dnipro theatre executed its renovation plan ahead of time",
     "The city theatre said the renovation plan was executed early and within budget.",
     "http://news.test/dnipro-theatre"),
]
SECOND = ("Prosecutors open case after captured defenders executed near Pokrovsk",
          "Russian forces executed four Ukrainian prisoners of war who had surrendered near "
          "Pokrovsk, the Prosecutor General's Office said, citing drone footage.",
          "http://news.test/pokrovsk-case-opened")


def call(path, data):
    request = urllib.request.Request(f"{api}/{path}", json.dumps(data).encode(),
                                     {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.load(answer)


def channel_posts():
    history = call("getUpdatesHistory", {"token": token})["result"]
    return [h["message"] for h in history if str(h["message"].get("chat_id")) == channel]


def bot_alive():
    pid = os.environ.get("BOT_PID")
    try:
        return not pid or open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def until(what, check, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not bot_alive():
            sys.exit(f"the bot exited while waiting for {what}")
        try:
            if (found := check()):
                return found
        except OSError:  # not listening yet
            pass
        time.sleep(0.2)
    sys.exit(f"timed out after {seconds}s waiting for {what}")


def write_feed(path, second):
    now = datetime.now(UTC)
    items = ITEMS + ([SECOND] if second else [])
    parts = ['<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>',
             "<title>Loopback News</title><link>http://news.test/</link><description>t</description>"]
    for i, (title, text, link) in enumerate(items):
        when = format_datetime(now - timedelta(minutes=30 + i), usegmt=True)
        parts.append(f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
                     f"<pubDate>{when}</pubDate><description>{text}</description></item>")
    parts.append("</channel></rss>")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(parts))


def command(text, user, expect, seconds=20):
    """Send a command as `user`; wait for a reply from the bot containing `expect`."""
    call("getUpdates", {"token": token, "chatId": user})  # drop anything unread in that chat
    word = text.split()[0]
    person = {"id": user, "is_bot": False, "first_name": "Tester"}
    call("sendCommand", {"botToken": token, "date": int(time.time()), "text": text,
                         "from": person, "chat": {**person, "type": "private"},
                         "entities": [{"offset": 0, "length": len(word), "type": "bot_command"}]})
    seen = []
    def answered():
        got = call("getUpdates", {"token": token, "chatId": user})["result"]
        seen.extend(g["message"]["text"] for g in got)
        return next((t for t in seen if expect in t), None)
    reply = until(f"a reply to {text} containing {expect!r}", answered, seconds)
    print(f"  {text} -> {reply.splitlines()[0][:90]}")


step = sys.argv[4]
if step == "feed":
    write_feed(sys.argv[5], sys.argv[6] == "second")
elif step == "ready":
    until("the emulator", lambda: call(f"bot{token}/getMe", {}).get("ok"), 20)
elif step == "alerts":
    want, seconds = int(sys.argv[5]), float(sys.argv[6])
    posts = until(f"{want} channel alert(s)", lambda: len(channel_posts()) >= want or None, seconds)
    posts = channel_posts()
    if len(posts) != want:
        sys.exit(f"expected {want} channel alert(s), found {len(posts)}")
    print(f"  channel alerts: {len(posts)}")
elif step == "edited":
    until("the alert edited with the second report",
          lambda: any("Also reported by" in p.get("text", "") for p in channel_posts()), 60)
    print(f"  alert edited in place; channel alerts: {len(channel_posts())}")
elif step == "command":
    command(sys.argv[6], int(sys.argv[5]), sys.argv[7])
PY
drive() {
  "$py" "$work/driver.py" "http://127.0.0.1:$emu_port" "$token" "$channel" "$@" || fail "step: $*"
}

# Wait until FILE holds at least N lines matching PATTERN (bounded).
wait_log() {
  local file=$1 pattern=$2 n=$3 seconds=$4 start=$SECONDS count
  while count="$(grep -c -- "$pattern" "$file" 2>/dev/null)" || true; [ "${count:-0}" -lt "$n" ]; do
    [ $((SECONDS - start)) -lt "$seconds" ] || fail "timed out waiting for $n x '$pattern' in $file"
    sleep 0.2
  done
}

# Stop the bot with SIGTERM; it must exit 0 within 20 s.
stop_bot() {
  local pid=$1 start=$SECONDS
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    [ $((SECONDS - start)) -lt 20 ] || fail "the bot did not stop within 20 s of SIGTERM"
    sleep 0.2
  done
  local rc=0
  wait "$pid" || rc=$?
  [ "$rc" -eq 0 ] || fail "the bot exited $rc after SIGTERM"
  echo "  SIGTERM: exit 0 after $((SECONDS - start)) s"
}

node "$work/emulator.js" "$emu_port" > "$work/emulator.log" 2>&1 &
pids+=($!)
drive ready
mkdir -p "$work/feed"
drive feed "$work/feed/news.xml" first
"$py" -m http.server "$feed_port" --bind 127.0.0.1 --directory "$work/feed" > "$work/feed.log" 2>&1 &
pids+=($!)
start=$SECONDS
until "$py" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$feed_port/news.xml', timeout=2)" 2>/dev/null; do
  [ $((SECONDS - start)) -lt 20 ] || fail "the feed server did not start"
  sleep 0.2
done
printf 'feeds:\n  - name: Loopback News\n    url: http://127.0.0.1:%s/news.xml\n' "$feed_port" > "$work/feeds.yaml"

export TELEGRAM_BOT_TOKEN="$token" TELEGRAM_API_BASE_URL="http://127.0.0.1:$emu_port/bot"
export TELEGRAM_CHANNEL_ID="$channel" TELEGRAM_ADMIN_IDS="$admin" FEEDS_FILE="$work/feeds.yaml"
export DATABASE_PATH="$work/db/powwatch.db" POLL_INTERVAL_SECONDS=5
export ALLOWED_PRIVATE_NETWORKS=127.0.0.0/8 WORKER_PROCESSES=0
unset METRICS_PORT

echo "emulator-check: bot on emulator 127.0.0.1:$emu_port, feed 127.0.0.1:$feed_port"
"$py" -m bot > "$work/bot1.log" 2>&1 &
bot=$!
pids+=("$bot")
export BOT_PID=$bot
drive alerts 1 60
wait_log "$work/bot1.log" "bot.poll: cycle" 3 30  # two more cycles: still one alert
drive alerts 1 5
drive command "$user" /help "/latest"
drive command "$user" /latest "Pokrovsk"
drive command "$user" "/search Pokrovsk" "Pokrovsk"
drive command "$admin" /feeds "Loopback News"
drive command "$admin" /health "uptime"
drive feed "$work/feed/news.xml" second
drive edited
drive alerts 1 5
stop_bot "$bot"
unset BOT_PID

echo "emulator-check: restart on the same database"
touch "$work/feed/news.xml"  # a new Last-Modified: the feed is fetched again in full
"$py" -m bot > "$work/bot2.log" 2>&1 &
bot=$!
pids+=("$bot")
export BOT_PID=$bot
wait_log "$work/bot2.log" "status=200" 1 30
wait_log "$work/bot2.log" "bot.poll: cycle" 2 30
drive alerts 1 5
stop_bot "$bot"

if grep -nE "Traceback| ERROR | CRITICAL " "$work"/bot*.log; then
  fail "errors in the bot's log"
fi
echo "emulator-check: WARNING lines (unsupported or repaired Bot API calls):"
grep -h " WARNING " "$work"/bot*.log | sed -E 's/^[0-9-]+ [0-9:,]+ /  /' | cut -c1-160 | sort -u
echo "emulator-check: OK"
