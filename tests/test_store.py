"""The Store on a real SQLite file: exact dedup across restarts, outbox, search."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from bot.models import Article, Entry, Evidence, Facts, Verdict
from storage.feedstate import FeedState
from storage.migrations import MIGRATIONS
from storage.store import Store

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
FEED = "https://feeds.test/a.xml"


def article(guid: str, link: str, title: str, text: str, *, flagged: bool) -> Article:
    entry = Entry(feed_name="A", guid=guid, link=link, title=title, text=text, published=NOW)
    verdict = Verdict(
        flagged=flagged,
        score=0.9 if flagged else 0.0,
        evidence=(Evidence(text, ("executed", "POWs")),) if flagged else (),
    )
    facts = Facts(locations=("Pokrovsk",), victims=16) if flagged else Facts()
    return Article(
        entry=entry,
        canonical_url=link,
        verdict=verdict,
        facts=facts,
        summary=text[:100] if flagged else "",
        fetched_at=NOW,
    )


def test_dedup_by_guid_and_link_survives_restart(tmp_path: Path) -> None:
    path = tmp_path / "d" / "x.db"
    store = Store(path)
    pos = article(
        "g1",
        "https://n.test/a",
        "POWs executed near Pokrovsk",
        "Sixteen POWs were executed near Pokrovsk.",
        flagged=True,
    )
    first = store.add_article(pos, FEED, NOW, alert=True)
    assert first.is_new and first.alert_id is not None
    store.close()

    store = Store(path)
    assert not store.add_article(pos, FEED, NOW, alert=True).is_new
    # Same link under another GUID in another feed: one article that remembers both feeds.
    again = article(
        "other-guid", "https://n.test/a", "POWs executed near Pokrovsk", "x", flagged=True
    )
    result = store.add_article(again, "https://other.test/rss", NOW, alert=True)
    assert not result.is_new and result.article_id == first.article_id
    assert store.outbox_depth() == 1
    feeds = store.db.execute(
        "select count(*) from sightings where article_id = ?", [first.article_id]
    ).fetchone()[0]
    assert feeds == 2


def test_search_puts_flagged_first_and_quotes_user_syntax(tmp_path: Path) -> None:
    store = Store(tmp_path / "x.db")
    store.add_article(
        article(
            "n",
            "https://n.test/n",
            "Pokrovsk front update",
            "Fighting continues near Pokrovsk.",
            flagged=False,
        ),
        FEED,
        NOW,
        alert=False,
    )
    store.add_article(
        article(
            "p",
            "https://n.test/p",
            "POWs executed near Pokrovsk",
            "Sixteen POWs were executed near Pokrovsk.",
            flagged=True,
        ),
        FEED,
        NOW,
        alert=False,
    )
    hits = store.search("Pokrovsk")
    assert [h.title for h in hits] == ["POWs executed near Pokrovsk", "Pokrovsk front update"]
    assert hits[0].snippet
    for hostile in ('"', "NEAR(", "a*", "-x", "((", "AND OR NOT"):
        store.search(hostile)  # never raises
    assert store.search("") == []


def test_outbox_orders_and_marks(tmp_path: Path) -> None:
    store = Store(tmp_path / "x.db")
    for i in range(3):
        store.add_article(
            article(f"g{i}", f"https://n.test/{i}", f"t{i}", f"POWs {i}", flagged=True),
            FEED,
            NOW,
            alert=True,
        )
    jobs = store.pending_alerts()
    assert [j.incident_id for j in jobs] == sorted(j.incident_id for j in jobs)
    store.mark_sent(jobs[0].id, 555, NOW)
    assert store.outbox_depth() == 2
    record = store.incident(jobs[0].incident_id)
    assert record is not None and record.message_id == 555


def test_search_index_follows_text_changes_only(tmp_path: Path) -> None:
    store = Store(tmp_path / "x.db")
    result = store.add_article(
        article(
            "g",
            "https://n.test/g",
            "POWs executed near Pokrovsk",
            "Sixteen POWs shot.",
            flagged=True,
        ),
        FEED,
        NOW,
        alert=False,
    )
    conn = store.db.conn
    with conn:
        conn.execute("update articles set summary = 'x' where id = ?", [result.article_id])
        conn.execute(
            "update articles set title = 'Renamed report' where id = ?", [result.article_id]
        )
    assert [a.title for a in store.search("Renamed")] == ["Renamed report"]
    assert store.search("Sixteen")[0].title == "Renamed report"  # text still indexed
    assert store.search("Pokrovsk") == []  # the old title is gone from the index


def test_a_flagged_article_that_fails_costs_only_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    store = Store(tmp_path / "x.db")
    batch = [
        article(
            "p1", "https://n.test/p1", "Shelling update", "Shelling in Kherson.", flagged=False
        ),
        article("bad", "https://n.test/bad", "Broken report", "POWs shot, broken.", flagged=True),
        article(
            "good",
            "https://n.test/good",
            "POWs shot near Pokrovsk",
            "Two POWs shot.",
            flagged=True,
        ),
        article("p2", "https://n.test/p2", "Grain exports", "Ships left Odesa.", flagged=False),
    ]
    placed = store.incidents.place_article

    def place_or_fail(a: Article, article_id: int, now: datetime) -> Any:
        if a.entry.guid == "bad":  # a bug in incident matching, for this article only
            raise ValueError("cannot place this one")
        return placed(a, article_id, now)

    monkeypatch.setattr(store.incidents, "place_article", place_or_fail)
    with caplog.at_level(logging.ERROR, logger="storage.articles"):
        results = store.add_articles([(a, a.verdict.flagged) for a in batch], FEED, NOW)
    assert [r.is_new for r in results] == [True, False, True, True]
    assert "could not store article 'https://n.test/bad'" in caplog.text
    titles = [r[0] for r in store.db.execute("select title from articles order by id")]
    assert titles == ["Shelling update", "POWs shot near Pokrovsk", "Grain exports"]
    assert store.outbox_depth() == 1  # the good report's alert, the broken one's none
    # every stored article is searchable, the flagged one in the flagged-only index too
    assert [a.title for a in store.search("Odesa")] == ["Grain exports"]
    assert [a.title for a in store.search("Pokrovsk")] == ["POWs shot near Pokrovsk"]
    assert store.search("broken") == []
    # the bad article was not marked seen: the next poll tries it again
    monkeypatch.undo()
    again = store.add_articles([(batch[1], True)], FEED, NOW)
    assert again[0].is_new and store.outbox_depth() == 2


def test_articles_stored_in_one_batch_are_each_searchable(tmp_path: Path) -> None:
    store = Store(tmp_path / "x.db")
    batch = [
        article(
            f"g{i}",
            f"https://n.test/{i}",
            f"Report {i} from Sumy",
            f"word{i} here",
            flagged=i % 5 == 0,
        )
        for i in range(40)
    ]
    store.add_articles([(a, False) for a in batch], FEED, NOW)
    store.close()
    store = Store(tmp_path / "x.db")
    assert len(store.search("Sumy", limit=100)) == 40
    assert [a.title for a in store.search("word7")] == ["Report 7 from Sumy"]
    flagged = store.db.execute(
        "select count(*) from articles_flagged_fts where articles_flagged_fts match 'Sumy'"
    ).fetchone()[0]
    assert flagged == 8


def database_before(path: Path, migration: str) -> sqlite_utils.Database:
    """A database file migrated up to, not including, the named migration."""
    db = sqlite_utils.Database(path)
    upto = [m.__name__ for m in MIGRATIONS].index(migration)
    for number, step in enumerate(MIGRATIONS[:upto], start=1):
        with db.conn:
            step(db)
            db.execute(f"PRAGMA user_version = {number}")
    return db


def test_a_database_from_before_the_fts_change_keeps_its_index(tmp_path: Path) -> None:
    """A database written while AFTER INSERT triggers indexed articles upgrades cleanly."""
    path = tmp_path / "old.db"
    old = database_before(path, "_fts_insert_in_code")
    with old.conn:
        old.execute(
            "insert into articles (url_key, title, text, fetched_at, flagged) "
            "values ('k-old', 'POWs shot near Vuhledar', 'Old report text.', ?, 1)",
            [NOW.isoformat()],
        )
    old.conn.close()

    store = Store(path)
    store.add_article(
        article("g", "https://n.test/new", "POWs shot near Vuhledar again", "New.", flagged=True),
        FEED,
        NOW,
        alert=False,
    )
    titles = {a.title for a in store.search("Vuhledar", limit=10)}
    assert titles == {"POWs shot near Vuhledar", "POWs shot near Vuhledar again"}
    for fts in ("articles_fts", "articles_flagged_fts"):  # both reports in both indexes
        hits = store.db.execute(f"select count(*) from {fts} where {fts} match 'Vuhledar'")
        assert hits.fetchone()[0] == 2
    triggers = {
        r[0] for r in store.db.execute("select name from sqlite_master where type='trigger'")
    }
    assert "articles_ai" not in triggers and "articles_flagged_ai" not in triggers


def test_flagged_counts_per_feed_are_carried_into_feed_state(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = database_before(path, "_flagged_seen")
    with old.conn:
        old.execute("insert into feed_state (url, name, items_seen) values ('u', 'Alpha', 3)")
        for key, flagged in (("a", 1), ("b", 0), ("c", 1)):
            old.execute(
                "insert into articles (url_key, title, text, fetched_at, flagged, feed_name) "
                "values (?, 't', 'x', '2024-06-01', ?, 'Alpha')",
                [key, flagged],
            )
    old.conn.close()
    state = Store(path).feed_state("u")
    assert state is not None and (state.items_seen, state.flagged_seen) == (3, 2)


def test_published_history_has_each_feeds_latest_items_newest_first(tmp_path: Path) -> None:
    store = Store(tmp_path / "x.db")
    now = datetime(2024, 6, 1, tzinfo=UTC)
    wire = []
    for i in range(60):  # hourly items, oldest first, one poll each
        a = article(f"w{i}", f"https://n.test/w{i}", f"Wire {i}", "text", flagged=False)
        a = replace(a, entry=replace(a.entry, published=now + timedelta(hours=i)))
        store.add_articles([(a, False)], FEED, now)
        wire.append(a)
    undated = article("u", "https://n.test/u", "Undated", "text", flagged=False)
    store.add_articles(
        [(replace(undated, entry=replace(undated.entry, published=None)), False)], FEED, now
    )
    other = replace(wire[-1], entry=replace(wire[-1].entry, feed_name="Other", guid="o1"))
    store.add_articles([(other, False)], "https://other.test/rss", now)  # same link, 2nd feed
    for url, name in ((FEED, "A"), ("https://other.test/rss", "Other")):
        store.save_feed_state(FeedState(url=url, name=name))

    history = store.published_history(50)
    assert history["A"] == [now + timedelta(hours=i) for i in range(59, 9, -1)]
    assert history["Other"] == [now + timedelta(hours=59)]


def test_never_written_columns_are_dropped_on_upgrade(tmp_path: Path) -> None:
    """incidents.chat_id and feed_state.retry_after_until go; the rows stay."""
    path = tmp_path / "old.db"
    old = database_before(path, "_drop_unused_columns")
    assert "chat_id" in old["incidents"].columns_dict
    with old.conn:
        old.execute("insert into feed_state (url, name) values ('https://n.test/f', 'F')")
    old.conn.close()

    store = Store(path)
    assert "chat_id" not in store.db["incidents"].columns_dict
    assert "retry_after_until" not in store.db["feed_state"].columns_dict
    assert store.feed_state("https://n.test/f") is not None


def test_any_exception_mid_batch_rolls_the_whole_batch_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not only disk errors: an open transaction would be committed by the next write without
    its incident and alert, and the re-poll would then skip the report as seen."""
    store = Store(tmp_path / "x.db")
    batch = [
        article(
            "p1", "https://n.test/p1", "Shelling update", "Shelling in Kherson.", flagged=False
        ),
        article(
            "f1", "https://n.test/f1", "POWs shot near Pokrovsk", "Two POWs shot.", flagged=True
        ),
    ]
    placed = store.incidents.place_article

    def broken(a: Article, article_id: int, now: datetime) -> Any:
        raise RuntimeError("a bug outside the expected kinds")

    monkeypatch.setattr(store.incidents, "place_article", broken)
    with pytest.raises(RuntimeError):
        store.add_articles([(a, True) for a in batch], FEED, NOW)
    assert not store.db.conn.in_transaction
    store.save_feed_state(FeedState(url=FEED, name="F"))  # the next write commits its own only
    assert store.counts() == {"articles": 0, "flagged": 0}
    assert store.db.execute("select count(*) from sightings").fetchone()[0] == 0
    # The re-poll stores the report with its incident and alert.
    monkeypatch.setattr(store.incidents, "place_article", placed)
    results = store.add_articles([(a, True) for a in batch], FEED, NOW)
    assert [r.is_new for r in results] == [True, True]
    assert results[1].incident_id is not None and results[1].alert_id is not None
    assert store.outbox_depth() == 1
