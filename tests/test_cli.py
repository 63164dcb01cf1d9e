"""The command line as a new user meets it: subcommands, help, typos, bad input, --once."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from pathlib import Path

import pytest

from storage.store import Store
from tests.conftest import write_feeds
from tests.feeds import POSITIVE, Item, rss
from tests.history import add, report
from tests.processes import run_bot
from tests.servers import FeedServer


def test_help_lists_every_subcommand_and_each_has_its_own_help() -> None:
    top = run_bot(["--help"], {})
    assert top.returncode == 0
    for name in ("run", "classify", "search", "incident", "health", "--once", "--check-config"):
        assert name in top.stdout, name
    assert run_bot(["help"], {}).stdout == top.stdout
    search = run_bot(["search", "--help"], {})
    assert search.returncode == 0 and "python -m bot search" in search.stdout
    assert "page on" in search.stdout  # --offset says what it is for
    assert "--render" in run_bot(["help", "classify"], {}).stdout
    assert "--once" in run_bot(["run", "--help"], {}).stdout


def test_version() -> None:
    result = run_bot(["--version"], {})
    assert result.returncode == 0 and result.stdout.startswith("powwatch 0.")


def test_a_typo_suggests_the_closest_subcommand() -> None:
    result = run_bot(["serch", "Pokrovsk"], {})
    assert result.returncode == 2
    assert "did you mean `python -m bot search`?" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_once_and_check_config_together_are_refused(tmp_path: Path) -> None:
    feeds = write_feeds(tmp_path / "feeds.yaml", [{"name": "A", "url": "https://a.test/"}])
    env = {"FEEDS_FILE": str(feeds), "DATABASE_PATH": str(tmp_path / "db.sqlite")}
    result = run_bot(["--once", "--check-config"], env)
    assert result.returncode == 2 and "not allowed with" in result.stderr


def foreign_database(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("create table contacts (name text, phone text)")
    conn.execute("insert into contacts values ('Olena', '123')")
    conn.commit()
    conn.close()
    return path


def tables(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in conn.execute("select name from sqlite_master"))
    finally:
        conn.close()


@pytest.mark.parametrize("command", [["search", "Pokrovsk"], ["incident", "1"]])
def test_readers_refuse_bad_database_files_in_one_line(tmp_path: Path, command: list[str]) -> None:
    garbage = tmp_path / "notes.db"
    garbage.write_text("these are my notes, not a database\n" * 100)
    for path, expected in (
        (garbage, "cannot be read: file is not a database"),
        (foreign_database(tmp_path / "contacts.db"), "is another program's SQLite database"),
    ):
        result = run_bot(command, {"DATABASE_PATH": str(path)})
        assert result.returncode == 2, result.stderr
        assert expected in result.stderr and str(path) in result.stderr
        assert len(result.stderr.splitlines()) == 1, result.stderr


def test_once_refuses_another_programs_database_and_leaves_it_alone(tmp_path: Path) -> None:
    db = foreign_database(tmp_path / "contacts.db")
    before = tables(db)
    feeds = write_feeds(tmp_path / "feeds.yaml", [{"name": "A", "url": "http://127.0.0.1:9/"}])
    result = run_bot(["--once"], {"FEEDS_FILE": str(feeds), "DATABASE_PATH": str(db)})
    assert result.returncode == 2
    assert "another program's SQLite database (tables: contacts)" in result.stderr
    assert "Traceback" not in result.stderr
    assert tables(db) == before
    check = run_bot(["--check-config"], {"FEEDS_FILE": str(feeds), "DATABASE_PATH": str(db)})
    assert check.returncode == 2 and "another program's" in check.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--limit", "0"], "--limit: 0 must be between 1 and 500"),
        (["--limit", "9999"], "--limit: 9999 must be between 1 and 500"),
        (["--offset", "-5"], "--offset: -5 must be 0 or more"),
        (["since:2024-12-01", "until:2024-01-01"], "since: 2024-12-01 is after until: 2024-01-01"),
    ],
)
def test_search_says_what_is_wrong_instead_of_guessing(
    tmp_path: Path, args: list[str], expected: str
) -> None:
    db = tmp_path / "x.db"
    Store(db).close()
    result = run_bot(["search", "Pokrovsk", *args], {"DATABASE_PATH": str(db)})
    assert result.returncode == 2 and expected in result.stderr, result.stderr


def test_search_snippets_have_one_ellipsis_and_none_at_the_start_of_the_text(
    tmp_path: Path,
) -> None:
    db = tmp_path / "x.db"
    store = Store(db)
    add(store, report(1, "Pokrovsk: captured soldiers shot", place="Pokrovsk"))
    long_title = "Report " + " ".join(f"word{i}" for i in range(60)) + " near Huliaipole today"
    add(store, report(2, long_title, place="Huliaipole"))
    store.close()
    start = run_bot(["search", "Pokrovsk"], {"DATABASE_PATH": str(db)})
    snippet = [ln for ln in start.stdout.splitlines() if "[Pokrovsk]" in ln and ln.startswith(" ")]
    assert snippet and snippet[0].strip().startswith("[Pokrovsk]"), start.stdout
    middle = run_bot(["search", "Huliaipole"], {"DATABASE_PATH": str(db)})
    assert "……" not in middle.stdout and "[Huliaipole]" in middle.stdout, middle.stdout


def test_incident_prints_what_the_chat_command_shows(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    store = Store(db)
    add(store, report(1, "Captured soldiers shot near Pokrovsk", place="Pokrovsk"))
    incident_id = store.latest(1)[0].incident_id
    store.close()
    env = {"DATABASE_PATH": str(db)}
    result = run_bot(["incident", f"#incident{incident_id}"], env)
    assert result.returncode == 0, result.stderr
    assert f"Incident {incident_id}:" in result.stdout and "Sources (1)" in result.stdout
    assert "<b>" not in result.stdout and "Pokrovsk" in result.stdout
    missing = run_bot(["incident", "999"], env)
    assert missing.returncode == 1 and "no incident 999" in missing.stderr
    bad = run_bot(["incident", "twelve"], env)
    assert bad.returncode == 2 and "not an incident number" in bad.stderr


def test_health_reads_the_heartbeat_the_bot_writes(tmp_path: Path) -> None:
    db = tmp_path / "data" / "powwatch.db"
    env = {"DATABASE_PATH": str(db)}
    before = run_bot(["health"], env)
    assert before.returncode == 1 and "no heartbeat" in before.stderr
    db.parent.mkdir()
    (tmp_path / "data" / "powwatch.db.heartbeat").touch()
    assert run_bot(["health"], env).returncode == 0


async def once(tmp_path: Path, feeds: list[dict[str, object]], **env: str) -> tuple[int, str, str]:
    feeds_file = write_feeds(tmp_path / "feeds.yaml", feeds)  # type: ignore[arg-type]
    full = {
        "FEEDS_FILE": str(feeds_file),
        "DATABASE_PATH": str(tmp_path / "data" / "powwatch.db"),
        "WORKER_PROCESSES": "0",
        **env,
    }
    result = await asyncio.to_thread(run_bot, ["--once"], full)
    return result.returncode, result.stdout, result.stderr


async def test_once_exits_1_when_every_feed_failed(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    broken = feed_server.set("/garbage.xml", "this is not a feed at all")
    code, out, err = await once(
        tmp_path, [{"name": "A", "url": broken}, {"name": "B", "url": broken + "?2"}]
    )
    assert code == 1, err
    assert "failed=2" in out and "every feed failed (2 of 2)" in err
    good = feed_server.set("/good.xml", rss([]))
    code, out, err = await once(
        tmp_path, [{"name": "A", "url": broken}, {"name": "G", "url": good}]
    )
    assert code == 0 and "failed=1" in out, err


async def test_once_prints_each_line_once_and_says_why_an_old_report_is_not_alerted(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    old = Item(POSITIVE.title, POSITIVE.text, POSITIVE.link, age_hours=24 * 30)
    url = feed_server.set("/old.xml", rss([old]))
    code, out, err = await once(tmp_path, [{"name": "Old", "url": url}], ALERT_WINDOW_HOURS="24")
    assert code == 0, err
    assert "flagged=1 alerted=0 (1 flagged older than the alert window: not alerted)" in out
    assert "poll feed=Old" not in err  # the summary line is not repeated in the log


async def test_a_truncated_feed_is_not_a_feed_like_garbage(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    whole = rss([POSITIVE])
    cut = feed_server.set("/cut.xml", whole[: whole.index("<item>") + 3])
    code, out, _ = await once(tmp_path, [{"name": "Cut", "url": cut}])
    assert code == 1 and "error=not a feed" in out, out


def test_classify_render_prints_the_alert_of_each_flagged_line(tmp_path: Path) -> None:
    lines = tmp_path / "items.jsonl"
    lines.write_text(
        '{"id": "a", "title": "Three captured soldiers shot near Robotyne", "text": '
        '"Prosecutors said three Ukrainian prisoners of war were shot dead after they '
        'surrendered near Robotyne.", "published": "2024-05-04", "url": "https://n.test/a"}\n'
        '{"id": "b", "title": "Rain in Kharkiv", "text": "Showers are expected all week."}\n',
        encoding="utf-8",
    )
    result = run_bot(["classify", "--render", str(lines)], {})
    assert result.returncode == 0, result.stderr
    assert "===== ALERT for line 1, id a =====" in result.stdout
    assert (
        "Reported execution of prisoners of war" in result.stdout and "Robotyne" in result.stdout
    )
    assert "line 2: not flagged" in result.stdout and "<b>" not in result.stdout


def test_chat_snippets_keep_only_the_ellipsis_fts5_put_where_it_cut() -> None:
    from bot.alerts.render import render_snippet
    from bot.models import MARK_END, MARK_START

    shown = render_snippet(f"{MARK_START}Pokrovsk{MARK_END}: soldiers shot…")
    assert not shown.startswith("…") and shown.endswith("shot…") and "……" not in shown


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere: no read-only directory")
def test_search_in_a_read_only_directory_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    store = Store(folder / "x.db")
    add(store, report(1, "Captured soldiers shot near Pokrovsk"))
    store.close()
    for leftover in folder.glob("x.db-*"):
        leftover.unlink()
    folder.chmod(0o555)
    try:
        result = run_bot(["search", "Pokrovsk"], {"DATABASE_PATH": str(folder / "x.db")})
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2 and "its directory is not writable" in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
