"""The Store on a real SQLite file: exact dedup across restarts, outbox, search."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.models import Article, Entry, Evidence, Facts, Verdict
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
