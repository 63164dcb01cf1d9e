"""Incidents end to end: real detection and extraction, a real Store, one alert per incident."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.alerts.render import render_alert, render_incident_detail
from bot.analyse import analyse
from bot.models import Article, Entry
from storage.store import Store

NOW = datetime(2025, 3, 21, 12, 0, tzinfo=UTC)
FEED = "https://feeds.test/rss"

EN_FOUR = (
    "Russian troops executed four surrendered Ukrainian soldiers near Piatykhatky",
    "Four Ukrainian soldiers who had surrendered were shot dead by Russian troops near "
    "Piatykhatky in Zaporizhzhia Oblast on March 13, the Prosecutor General's Office said. "
    "Investigators opened a war crimes case and are identifying the unit involved.",
)
UK_FOUR = (
    "Окупанти розстріляли чотирьох полонених біля П'ятихаток",
    "Російські військові 13 березня стратили чотирьох українських військовополонених поблизу "
    "П'ятихаток на Запоріжжі, повідомили в Офісі генпрокурора. Розпочато досудове "
    "розслідування.",
)
EN_TWO_LATER = (
    "Two captured Ukrainian soldiers shot near Piatykhatky, prosecutors say",
    "Russian forces shot two captured Ukrainian soldiers near Piatykhatky in Zaporizhzhia "
    "Oblast on March 20, the Prosecutor General's Office reported.",
)
RECAP = (
    "Timeline: the executions of Ukrainian POWs so far",
    "Prosecutors have documented many cases. In October 2024, sixteen POWs were shot near "
    "Pokrovsk. In March 2025, four surrendered soldiers were executed near Piatykhatky. "
    "Nine drone operators were shot in Kursk Oblast. Three captured soldiers were shot near "
    "Robotyne.",
)


def article(
    n: int, title: str, text: str, *, outlet: str = "Outlet", hours: float = 1.0, lang: str = "en"
) -> Article:
    entry = Entry(
        feed_name=outlet,
        guid=f"g{n}",
        link=f"https://{outlet.lower()}.test/{n}",
        title=title,
        text=text,
        published=NOW - timedelta(hours=hours),
        language=lang,
    )
    result = analyse(entry, NOW)
    assert result.verdict.flagged, title
    return result


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "x.db")


def alerts(store: Store) -> list[tuple[int, str]]:
    return [(j.incident_id, j.kind) for j in store.pending_alerts()]


def test_same_incident_in_two_languages_is_one_alert(store: Store) -> None:
    first = store.add_article(article(1, *EN_FOUR, outlet="Ledger"), FEED, NOW, alert=True)
    second = store.add_article(
        article(2, *UK_FOUR, outlet="Strichka", lang="uk"), FEED, NOW, alert=True
    )
    assert first.incident_id == second.incident_id
    assert alerts(store) == [(first.incident_id, "new"), (first.incident_id, "update")]
    joined = store.article(second.article_id or 0)
    assert joined is not None
    assert any("Piatykhatky" in reason for reason in joined.merge_reasons)
    incident = store.incident(first.incident_id or 0)
    assert incident is not None
    text = render_alert(incident, store.incident_articles(incident.id))
    assert "Also reported by" in text and "strichka.test/2" in text


def test_syndicated_copy_under_another_url_is_not_alerted_again(store: Store) -> None:
    first = store.add_article(article(1, *EN_FOUR, outlet="Ledger"), FEED, NOW, alert=True)
    title, text = EN_FOUR
    copy = article(2, title, text.replace("said", "said on Friday"), outlet="Mirror")
    second = store.add_article(copy, FEED, NOW, alert=True)
    assert second.is_new and second.incident_id == first.incident_id
    assert [kind for _, kind in alerts(store)] == ["new", "update"]
    stored = store.article(second.article_id or 0)
    assert stored is not None and "near-duplicate" in stored.merge_reasons[0]


def test_updated_article_at_the_same_url_is_stored_once(store: Store) -> None:
    first = article(1, *EN_FOUR)
    store.add_article(first, FEED, NOW, alert=True)
    updated = replace(
        first, entry=replace(first.entry, guid="g1-v2", text=first.entry.text + " Updated.")
    )
    assert not store.add_article(updated, FEED, NOW, alert=True).is_new
    assert len(alerts(store)) == 1


def test_two_incidents_in_one_town_a_week_apart_stay_apart(store: Store) -> None:
    first = store.add_article(article(1, *EN_FOUR), FEED, NOW, alert=True)
    later = store.add_article(article(2, *EN_TWO_LATER), FEED, NOW, alert=True)
    assert first.incident_id != later.incident_id
    assert [kind for _, kind in alerts(store)] == ["new", "new"]


def test_recap_neither_swallows_nor_joins(store: Store) -> None:
    first = store.add_article(article(1, *EN_FOUR), FEED, NOW, alert=True)
    recap = store.add_article(article(2, *RECAP, hours=0.5), FEED, NOW, alert=True)
    assert recap.incident_id != first.incident_id
    uk = store.add_article(article(3, *UK_FOUR, lang="uk"), FEED, NOW, alert=True)
    assert uk.incident_id == first.incident_id


def test_split_undoes_a_merge_and_updates_both_alerts(store: Store) -> None:
    first = store.add_article(article(1, *EN_FOUR), FEED, NOW, alert=True)
    second = store.add_article(article(2, *UK_FOUR, lang="uk"), FEED, NOW, alert=True)
    new_id = store.split_article(second.article_id or 0, NOW)
    assert new_id is not None and new_id != first.incident_id
    assert len(store.incident_articles(first.incident_id or 0)) == 1
    assert alerts(store)[-2:] == [(first.incident_id, "update"), (new_id, "new")]
    detail = "\n".join(
        render_incident_detail(
            store.incident(new_id) or pytest.fail("missing"), store.incident_articles(new_id)
        )
    )
    assert "split from incident" in detail
