"""The snowball rules: facts veto text, no widening, the bound, new incident -> new alert, a
bounded count-change line (texts written here, template-style like prosecutors' releases)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.alerts.render import render_alert
from bot.analyse import analyse
from bot.incidents.cluster import (
    IncidentView,
    match_incident,
    merge_facts,
    new_incident,
)
from bot.incidents.dedup import content_signature
from bot.incidents.regions import area, level
from bot.models import Article, Entry, Facts
from storage.store import Store

NOW = datetime(2025, 6, 10, 12, 0, tzinfo=UTC)
TITLE = "Russian occupiers shot {n} Ukrainian prisoners of war near {town}: a case is opened"
TEXT = (
    "The Prosecutor General's Office opened a war crimes case after Russian troops shot {n} "
    "Ukrainian prisoners of war near {town} on June {day}. The servicemen had laid down their "
    "arms and were captured before they were killed."
)


def release(town: str, n: int, day: int) -> tuple[str, str]:
    return TITLE.format(n=n, town=town), TEXT.format(n=n, town=town, day=day)


def view_of(town: str, n: int, day: int, incident_id: int = 1) -> IncidentView:
    title, text = release(town, n, day)
    facts = Facts((town,), n, "Ukrainian", date(2025, 6, day))
    return new_incident(
        incident_id, facts, title, date(2025, 6, 9), content_signature(title, text)
    )


@pytest.mark.parametrize(
    ("town", "n", "day"),
    [("Siversk", 5, 7), ("Toretsk", 6, 7), ("Toretsk", 5, 3)],  # town / count / day differ
)
def test_facts_veto_a_near_duplicate_template(town: str, n: int, day: int) -> None:
    title, text = release(town, n, day)
    facts = Facts((town,), n, "Ukrainian", date(2025, 6, day))
    match = match_incident(facts, title, text, date(2025, 6, 9), [view_of("Toretsk", 5, 7)])
    assert match is None


def test_a_copy_of_the_template_with_agreeing_facts_joins() -> None:
    title, text = release("Toretsk", 5, 7)
    match = match_incident(
        Facts(), title, text + " Republished.", date(2025, 6, 9), [view_of("Toretsk", 5, 7)]
    )
    assert match is not None and match.reasons[0].startswith("near-duplicate text")


def test_no_widening_match_against_the_core_places() -> None:
    view = new_incident(1, Facts(("Hrodivka",), 4), "four POWs", date(2025, 6, 1))
    both = Facts(("Hrodivka", "Selydove"), 4)
    assert match_incident(both, "t", "x", date(2025, 6, 1), [view]) is not None
    view = merge_facts(view, both, "t", date(2025, 6, 1))
    assert view.locations == ("Hrodivka",)
    # Had the places been united, Selydove alone would now match.
    only_selydove = Facts(("Selydove",), 4)
    assert match_incident(only_selydove, "t", "x", date(2025, 6, 1), [view]) is None


def test_a_town_in_another_district_beside_the_incidents_keeps_a_report_out() -> None:
    view = new_incident(1, Facts(("Hrodivka",), 4), "four POWs", date(2025, 6, 1))
    elsewhere = Facts(("Hrodivka", "Robotyne"), 4)
    assert match_incident(elsewhere, "t", "x", date(2025, 6, 1), [view]) is None
    nearby = Facts(("Hrodivka", "Myrnohrad"), 4)  # a locator in the same district
    assert match_incident(nearby, "t", "x", date(2025, 6, 1), [view]) is not None


def test_core_keeps_the_first_stated_day() -> None:
    view = new_incident(1, Facts(("Hrodivka",), 4, None, date(2025, 6, 3)), "t", date(2025, 6, 4))
    view = merge_facts(
        view, Facts(("Hrodivka",), 4, None, date(2025, 6, 2)), "t", date(2025, 6, 4)
    )
    assert view.incident_date == date(2025, 6, 3)
    # A day that drifted to June 2 would let June 1 in.
    day_one = Facts(("Hrodivka",), 4, None, date(2025, 6, 1))
    assert match_incident(day_one, "t", "x", date(2025, 6, 4), [view]) is None


TOWNS = ("Toretsk", "Siversk", "Bakhmut", "Hrodivka", "Selydove", "Robotyne", "Kupiansk")


def test_bound_an_incident_holds_the_settlements_of_one_report() -> None:
    """Random reports about a few towns: an incident's core settlements are always named
    together by one of its reports, and no report brings a town of another district."""
    rng = random.Random(7)
    views: dict[int, IncidentView] = {}
    members: dict[int, list[Facts]] = {}
    for _ in range(400):
        towns = tuple(rng.sample(TOWNS, rng.choice((1, 1, 1, 2))))
        places = (*towns, "Donetsk Oblast") if rng.random() < 0.3 else towns
        facts = Facts(
            places if rng.random() < 0.9 else (),
            rng.choice((None, 2, 3, 4, 5)),
            "Ukrainian",
            rng.choice((None, date(2025, 6, rng.randrange(1, 6)))),
        )
        published = date(2025, 6, rng.randrange(5, 9))
        match = match_incident(facts, "t", "x", published, list(views.values()))
        if match is None:
            new_id = len(views) + 1
            views[new_id] = new_incident(new_id, facts, "t", published)
            members[new_id] = [facts]
        else:
            views[match.incident_id] = merge_facts(views[match.incident_id], facts, "t", published)
            members[match.incident_id].append(facts)
    assert len(views) > 20
    for incident_id, view in views.items():
        core = {p for p in view.locations if level(p) == "settlement"}
        assert len(core) <= 2
        assert any(core <= set(f.locations) for f in members[incident_id]), view
        # Every town its reports name lies in a district of the core's towns.
        named = {p for f in members[incident_id] for p in f.locations if level(p) == "settlement"}
        assert {area(p) for p in named} <= {area(p) for p in core}, (view, members[incident_id])


def test_revision_rules() -> None:
    view = view_of("Toretsk", 53, 7)
    later = date(2025, 6, 30)
    revised = Facts(("Toretsk",), 50, "Ukrainian")
    assert match_incident(revised, "Toll corrected", "x", later, [view]) is not None
    # A sibling release of the same day with another count: another incident.
    sibling = Facts(("Toretsk",), 50, "Ukrainian")
    assert match_incident(sibling, "t", "x", date(2025, 6, 9), [view]) is None
    dated = Facts(("Toretsk",), 50, "Ukrainian", date(2025, 6, 7))
    assert match_incident(dated, "t", "x", date(2025, 6, 12), [view]) is None
    assert match_incident(dated, "t", "x", later, [view]) is not None  # three weeks on
    # An undated copy of a sibling release days later is not a correction of a dated incident.
    assert match_incident(sibling, "t", "x", date(2025, 6, 12), [view]) is None
    # A much bigger count weeks later, not called a revision: another incident.
    assert match_incident(Facts(("Toretsk",), 9), "t", "x", later, [view]) is None
    # Saying so makes a revision, a day or more later.
    title = "Toll of POWs shot near Toretsk revised to 60"
    assert match_incident(Facts(("Toretsk",), 60), title, "x", date(2025, 6, 11), [view])


def test_district_seat_joins_only_with_the_district_named_day_and_count() -> None:
    core = Facts(("Ivanivske", "Bakhmut district"), 7, "Ukrainian", date(2025, 6, 3))
    view = new_incident(1, core, "seven POWs", date(2025, 6, 4))
    near_bakhmut = Facts(("Bakhmut",), 7, "Ukrainian", date(2025, 6, 3))
    assert match_incident(near_bakhmut, "t", "x", date(2025, 6, 4), [view]) is not None
    no_day = Facts(("Bakhmut",), 7, "Ukrainian")
    assert match_incident(no_day, "t", "x", date(2025, 6, 4), [view]) is None
    town_only = new_incident(
        2, Facts(("Ivanivske",), 7, None, date(2025, 6, 3)), "t", date(2025, 6, 4)
    )
    assert match_incident(near_bakhmut, "t", "x", date(2025, 6, 4), [town_only]) is None


def test_a_report_fitting_two_incidents_starts_its_own() -> None:
    a, b = view_of("Toretsk", 5, 7, 1), view_of("Toretsk", 8, 3, 2)
    follow_up = Facts(("Toretsk",), None, "Ukrainian")
    assert match_incident(follow_up, "Suspect named", "x", date(2025, 6, 12), [a, b]) is None
    assert match_incident(follow_up, "Suspect named", "x", date(2025, 6, 12), [a]) is not None


def article(n: int, town: str, victims: int, day: int, hours: float) -> Article:
    title, text = release(town, victims, day)
    entry = Entry(
        feed_name="Prosecutors",
        guid=f"g{n}",
        link=f"https://prosecutors.test/{n}",
        title=title,
        text=text,
        published=NOW - timedelta(hours=hours),
        language="en",
    )
    result = analyse(entry, NOW)
    assert result.verdict.flagged and result.facts.locations == (town,), result.facts
    return result


def test_template_burst_new_incident_new_alert(tmp_path: Path) -> None:
    """Releases for different towns, counts and days: each a new incident and a new alert;
    copies only update their own incident."""
    store = Store(tmp_path / "burst.db")
    burst = [("Toretsk", 5, 7), ("Siversk", 5, 7), ("Toretsk", 9, 7), ("Toretsk", 5, 2),
             ("Vuhledar", 3, 8), ("Robotyne", 4, 8)]  # fmt: skip
    ids = []
    for n, (town, victims, day) in enumerate(burst):
        ids.append(store.add_article(article(n, town, victims, day, 6 - n), "f", NOW, alert=True))
    copy = store.add_article(article(99, "Siversk", 5, 7, 0.5), "f", NOW, alert=True)
    store.close()
    incidents = [r.incident_id for r in ids]
    assert len(set(incidents)) == len(burst)
    assert copy.incident_id == incidents[1]
    kinds = [k for k in Store(tmp_path / "burst.db").pending_alerts(100)]
    assert [(j.incident_id, j.kind) for j in kinds] == [
        *((i, "new") for i in incidents),
        (incidents[1], "update"),
    ]


def test_count_change_line_is_bounded(tmp_path: Path) -> None:
    store = Store(tmp_path / "x.db")
    first = None
    counts = (10, 11, 12, 13, 14, 15, 16)
    for n, victims in enumerate(counts):
        a = article(n, "Toretsk", victims, 3, 100 - 24 * n)
        title = f"Toll of POWs shot near Toretsk revised to {victims}"
        a = Article(
            entry=Entry(**{**_fields(a.entry), "title": title}),
            canonical_url=a.canonical_url,
            verdict=a.verdict,
            facts=a.facts,
            summary=a.summary,
            fetched_at=a.fetched_at,
        )
        result = store.add_article(a, "f", NOW, alert=False)
        first = first or result.incident_id
        assert result.incident_id == first
    incident = store.incident(first or 0)
    assert incident is not None
    text = render_alert(incident, store.incident_articles(incident.id))
    line = next(x for x in text.splitlines() if "Count changed" in x)
    assert line.count("→") == 3 and "15 → 16" in line and "10 → 11" not in line


def _fields(entry: Entry) -> dict[str, object]:
    return {f: getattr(entry, f) for f in entry.__slots__}  # type: ignore[attr-defined]


FOLLOW_UP = (
    "Suspect identified in the killing of captured Ukrainian soldiers near Toretsk",
    "Investigators identified a Russian commander suspected of ordering the execution of{n} "
    "Ukrainian prisoners of war near Toretsk. He was served a notice of suspicion in absentia.",
)


def follow_up(n: int, victims: int | None, hours: float, day: int | None = None) -> Article:
    entry = Entry(
        feed_name="Wire",
        guid=f"f{n}",
        link=f"https://wire.test/{n}",
        title=FOLLOW_UP[0],
        text=FOLLOW_UP[1].format(n=f" {victims}" if victims else "")
        + (f" The killing took place on June {day}." if day else ""),
        published=NOW - timedelta(hours=hours),
        language="en",
    )
    result = analyse(entry, NOW)
    assert result.verdict.flagged and result.facts.victims == victims, result.facts
    return result


def test_ambiguous_follow_up_stands_alone_and_takes_only_copies(tmp_path: Path) -> None:
    store = Store(tmp_path / "x.db")
    five = store.add_article(article(1, "Toretsk", 5, 7, 60), "f", NOW, alert=True)
    eight = store.add_article(article(2, "Toretsk", 8, 4, 59), "f", NOW, alert=True)
    vague = store.add_article(follow_up(3, None, 30), "f", NOW, alert=True)
    assert vague.incident_id not in {five.incident_id, eight.incident_id}
    stored = store.article(vague.article_id or 0)
    assert stored is not None and stored.merge_reasons[0].startswith("ambiguous: fits")
    # A release about a third Toretsk killing does not join the vague follow-up's incident...
    third = store.add_article(article(4, "Toretsk", 12, 9, 2), "f", NOW, alert=True)
    assert third.incident_id not in {five.incident_id, eight.incident_id, vague.incident_id}
    # ... and a follow-up stating a count goes to the incident with that count, though its
    # text is a near-duplicate of the vague one (a sibling of a template, not a copy).
    counted = store.add_article(follow_up(5, 5, 1), "f", NOW, alert=True)
    assert counted.incident_id == five.incident_id
    copy = follow_up(6, None, 0.5)
    assert store.add_article(copy, "f", NOW, alert=True).incident_id == vague.incident_id
    # Naming the day makes the same template a sibling of the vague one, not a copy.
    dated = store.add_article(follow_up(7, None, 0.2, day=4), "f", NOW, alert=True)
    assert dated.incident_id == eight.incident_id


def test_exact_day_and_small_revision_break_ties() -> None:
    a, b = view_of("Toretsk", 5, 7, 1), view_of("Toretsk", 9, 8, 2)
    dated = Facts(("Toretsk",), None, "Ukrainian", date(2025, 6, 7))
    match = match_incident(dated, "Suspect named", "x", date(2025, 6, 12), [a, b])
    assert match is not None and match.incident_id == 1
    big, small = view_of("Toretsk", 19, 7, 3), view_of("Toretsk", 8, 7, 4)
    revised = Facts(("Toretsk",), 17, "Ukrainian", date(2025, 6, 7))
    title = "Toll of POWs shot near Toretsk revised to 17"
    match = match_incident(revised, title, "x", date(2025, 6, 12), [big, small])
    assert match is not None and match.incident_id == 3


def test_recall_cases_join_when_facts_do_not_conflict() -> None:
    view = view_of("Toretsk", 5, 7)
    # No place extracted, but the count and the day agree.
    no_place = Facts((), 5, "Ukrainian", date(2025, 6, 7))
    assert match_incident(no_place, "t", "x", date(2025, 6, 10), [view]) is not None
    # A follow-up a week later naming the town and repeating no count.
    follow = Facts(("Toretsk",), None, "Ukrainian")
    assert match_incident(follow, "Suspect named", "x", date(2025, 6, 16), [view]) is not None
    # ... but not a town two oblasts away in the same week, however alike the text.
    title, text = release("Robotyne", 5, 7)
    far = Facts(("Robotyne",), 5, "Ukrainian", date(2025, 6, 7))
    assert match_incident(far, title, text, date(2025, 6, 9), [view]) is None
