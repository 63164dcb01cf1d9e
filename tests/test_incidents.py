"""Incident matching: facts decide, across languages; recaps never merge (texts written here)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.incidents.cluster import (
    IncidentView,
    Match,
    candidate_window,
    count_change,
    is_recap,
    match_incident,
    merge_facts,
    new_incident,
    view_facts,
)
from bot.incidents.dedup import content_signature
from bot.incidents.regions import area, is_within, oblast, parents
from bot.models import Facts

EN_TITLE = (
    "Russian troops shot four surrendering Ukrainian soldiers near Hrodivka, prosecutors say"
)
EN_TEXT = (
    "Four Ukrainian servicemen who had laid down their weapons were shot dead near Hrodivka in "
    "the Pokrovsk district on March 3, the Prosecutor General's Office said. A drone recorded "
    "the men walking out of a dugout with raised hands before they were killed."
)
UK_TITLE = "Біля Гродівки окупанти розстріляли чотирьох полонених захисників"
UK_TEXT = (
    "За даними прокуратури, 3 березня поблизу Гродівки Покровського району російські військові "
    "вбили чотирьох українських бійців, які вийшли з бліндажа з піднятими руками."
)
RU_TITLE = "Под Гродовкой расстреляли четырех сдавшихся в плен украинских военных"
RU_TEXT = (
    "Украинская прокуратура сообщила, что 3 марта у Гродовки российские военные расстреляли "
    "четырех военнопленных. Открыто производство по статье о военных преступлениях."
)
HRODIVKA = Facts(
    locations=("Hrodivka", "Pokrovsk district"),
    victims=4,
    victim_side="Ukrainian",
    incident_date=date(2025, 3, 3),
    source_authority="Prosecutor General's Office",
)


def hrodivka_incident(published: date = date(2025, 3, 5)) -> IncidentView:
    sig = content_signature(EN_TITLE, EN_TEXT)
    return new_incident(1, HRODIVKA, EN_TITLE, published, sig)


@pytest.mark.parametrize(
    ("title", "text", "facts"),
    [
        (UK_TITLE, UK_TEXT, HRODIVKA),
        (RU_TITLE, RU_TEXT, Facts(locations=("Hrodivka",), victims=4, incident_date=None)),
        (RU_TITLE, RU_TEXT, Facts(locations=("Donetsk Oblast",), incident_date=date(2025, 3, 3))),
    ],
)
def test_same_incident_in_another_language_joins(title: str, text: str, facts: Facts) -> None:
    match = match_incident(facts, title, text, date(2025, 3, 6), [hrodivka_incident()])
    assert isinstance(match, Match)
    assert match.incident_id == 1
    assert any(r.startswith("place:") for r in match.reasons)


@pytest.mark.parametrize(
    "facts",
    [
        # same town, a week later, another day and count
        Facts(("Hrodivka",), victims=2, victim_side="Ukrainian", incident_date=date(2025, 3, 10)),
        # same town, days not stated, another count a week later: not a revision
        Facts(("Hrodivka", "Pokrovsk district"), victims=2, victim_side="Ukrainian"),
        # same town and count, but Russian captives
        Facts(("Hrodivka",), victims=4, victim_side="Russian"),
        # the same town, but the report also places the killing in another oblast
        Facts(("Hrodivka", "Kursk Oblast")),
        # another settlement in another district
        Facts(("Vuhledar",), victims=4, victim_side="Ukrainian", incident_date=None),
    ],
)
def test_different_incidents_stay_apart(facts: Facts) -> None:
    text = "Another report of captured soldiers shot near the front line."
    assert match_incident(facts, "Report", text, date(2025, 3, 12), [hrodivka_incident()]) is None


def test_side_slip_is_outweighed_by_place_day_and_count() -> None:
    slip = Facts(("Hrodivka",), victims=4, victim_side="Russian", incident_date=date(2025, 3, 3))
    match = match_incident(slip, RU_TITLE, RU_TEXT, date(2025, 3, 6), [hrodivka_incident()])
    assert match is not None
    assert "side: Ukrainian vs Russian" in match.reasons


def test_killing_dated_after_the_incident_was_reported_is_another_incident() -> None:
    facts = Facts(("Pokrovsk district",), victims=4, incident_date=date(2025, 3, 20))
    assert match_incident(facts, "x", "y", date(2025, 3, 21), [hrodivka_incident()]) is None


def test_late_follow_up_joins_but_late_new_place_does_not() -> None:
    view = hrodivka_incident(date(2025, 3, 5))
    trial = Facts(
        ("Hrodivka",), victims=4, victim_side="Ukrainian", incident_date=date(2025, 3, 3)
    )
    assert match_incident(trial, "Life sentence", "...", date(2026, 2, 1), [view]) is not None
    nearby = Facts(("Hrodivka", "Myrnohrad"), victims=4, victim_side="Ukrainian")
    assert match_incident(nearby, "Deserter", "...", date(2025, 9, 1), [view]) is None


def test_passing_mention_with_only_an_oblast_does_not_join() -> None:
    view = new_incident(
        3, Facts(("Piatykhatky", "Zaporizhzhia Oblast"), 1, "Ukrainian"), "t", date(2025, 5, 1)
    )
    mention = Facts(("Zaporizhzhia Oblast",), victims=1, victim_side="Ukrainian")
    assert match_incident(mention, "Convict units", "...", date(2025, 5, 12), [view]) is None


RECAP_TITLE = "Shot after surrender: the cases investigators keep returning to"
RECAP_TEXT = "March, Hrodivka: four men. May, Robotyne: three men. October, Krynky: two men."
RECAP = Facts(
    locations=("Hrodivka", "Robotyne", "Krynky", "Kherson Oblast"), victim_side="Ukrainian"
)


def test_recap_neither_joins_nor_swallows() -> None:
    assert is_recap(RECAP_TITLE, RECAP)
    assert (
        match_incident(RECAP, RECAP_TITLE, RECAP_TEXT, date(2025, 3, 7), [hrodivka_incident()])
        is None
    )
    recap_view = new_incident(9, RECAP, RECAP_TITLE, date(2025, 3, 7), recap=True)
    assert match_incident(HRODIVKA, UK_TITLE, UK_TEXT, date(2025, 3, 8), [recap_view]) is None


@pytest.mark.parametrize(
    ("title", "facts", "expected"),
    [
        ("Випадки розстрілу полонених у 2024 році: хронологія", Facts(("Robotyne",)), True),
        ("Итоги года: казни пленных", Facts(()), True),
        ("Prosecutors open two more cases", Facts(("Selydove",), victims=6), False),
        (EN_TITLE, HRODIVKA, False),
        (
            "Sixteen POWs shot",
            Facts(("Pokrovsk", "Mykolaivka", "Sukhyi Yar", "Pokrovsk district")),
            False,
        ),
    ],
)
def test_is_recap(title: str, facts: Facts, expected: bool) -> None:
    assert is_recap(title, facts) is expected


def test_updated_count_is_a_revision_with_a_ledger() -> None:
    view = new_incident(
        5, Facts(("Hrodivka",), 9, "Ukrainian"), "Nine POWs shot", date(2025, 3, 5)
    )
    update = Facts(("Hrodivka", "Pokrovsk district"), victims=16, victim_side="Ukrainian")
    match = match_incident(update, "Toll rises to 16", "...", date(2025, 3, 6), [view])
    assert match is not None
    assert "victims: 9 → 16 (revision)" in match.reasons
    merged = merge_facts(view, update, "Toll rises to 16", date(2025, 3, 6))
    assert merged.victims == 16
    assert merged.victim_claims == (9, 16)
    assert count_change(view.victims, merged.victims) == "9 → 16"
    assert merged.locations == ("Hrodivka",)  # the core: the update does not widen it
    assert (merged.first_published, merged.latest_published) == (
        date(2025, 3, 5),
        date(2025, 3, 6),
    )
    assert view_facts(merged).victims == 16


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [(9, 16, "9 → 16"), (6, 5, "6 → 5"), (5, 5, None), (None, 11, None), (4, None, None)],
)
def test_count_change(old: int | None, new: int | None, expected: str | None) -> None:
    assert count_change(old, new) == expected


def test_syndicated_copy_joins_on_text_even_without_facts() -> None:
    copy = (
        EN_TEXT.replace("said.", "said on Wednesday.")
        + " Republished under a content-sharing deal."
    )
    match = match_incident(Facts(), EN_TITLE, copy, date(2025, 3, 5), [hrodivka_incident()])
    assert match is not None
    assert match.reasons[0].startswith("near-duplicate text")


def test_no_facts_and_no_shared_text_starts_a_new_incident() -> None:
    assert (
        match_incident(
            Facts(), "Tally", "Monitors count 79 cases.", date(2025, 3, 6), [hrodivka_incident()]
        )
        is None
    )


def test_candidate_window_is_bounded() -> None:
    start, end = candidate_window(date(2025, 3, 6))
    assert start < date(2025, 3, 6) < end
    assert (end - start).days <= 800


def test_region_hierarchy() -> None:
    assert parents("Hrodivka") == ("Pokrovsk district", "Donetsk Oblast")
    assert is_within("Sukhyi Yar", "Donetsk Oblast")
    assert not is_within("Robotyne", "Donetsk Oblast")
    assert area("Ivanivske") == area("Bakhmut") == "Bakhmut district"
    assert area("Zelenyi Shliakh") == "Kursk Oblast"
    assert area("Somewhere Unlisted") == "Somewhere Unlisted"
    assert oblast("Niu-York") == oblast("Bakhmut district") == "Donetsk Oblast"
    assert oblast("Somewhere Unlisted") is None
