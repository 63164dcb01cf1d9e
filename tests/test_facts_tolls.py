"""Facts a burst of releases exposed: a day of the month is never a count, a revised toll is
the count, two-word place names decline in both words, and a revised toll joins its incident
whatever order the feeds arrive in (texts written here)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.detect import classify
from bot.detect.extract import extract_facts
from bot.detect.gazetteer import canonical_places
from bot.detect.quantities import count
from bot.incidents.cluster import match_incident, merge_facts, new_incident
from bot.models import Article, Entry, Facts, Verdict
from bot.poll import _store_articles
from storage.store import Store

PUB = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        ("Names of the POWs killed on the November 21 shooting near Toretsk released", "", None),
        ("Names released after the Nov. 21 killing of POWs near Toretsk", "", None),
        ("Names of POWs shot on the 21st near Toretsk released", "", None),
        ("Names of POWs shot near Toretsk (21.11) released", "", None),
        (
            "Identities of POWs from the November 21 shooting near Toretsk confirmed",
            "Prosecutors named the seven Ukrainian prisoners of war Russian troops shot there.",
            7,
        ),
        ("Оприлюднено імена полонених, розстріляних 21 листопада під Торецьком", "", None),
        ("Названы имена пленных, расстрелянных 21 ноября под Торецком", "", None),
        ("21 листопада росіяни розстріляли п'ятьох полонених під Торецьком", "", 5),
        ("21 ноября россияне расстреляли пятерых пленных под Торецком", "", 5),
    ],
)
def test_a_day_of_the_month_is_never_the_count(title: str, body: str, want: int | None) -> None:
    assert extract_facts(title, body, PUB).victims == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("The toll of captured soldiers shot near Lyman has risen to 14", 14),
        ("The number of executed POWs near Lyman rose from nine to eleven, officials said", 11),
        ("Prosecutors revised the toll of the killing of captives near Lyman to 13", None),
        ("The toll of the POW killing near Lyman was revised upward to 13", 13),
        ("Кількість страчених полонених біля Лимана зросла до 14", 14),
        ("Кількість розстріляних бранців під Лиманом збільшилася до дванадцяти", 12),
        ("Число расстрелянных пленных под Лиманом возросло до 14", 14),
        ("Количество убитых военнопленных у Лимана увеличилось до девяти", 9),
        # a war-long tally rising is not this incident's count, nor are events counted
        ("The number of POWs executed since 2022 has risen to 260", None),
        ("The number of cases of captives shot near Lyman has risen to 24", None),
        ("Кількість проваджень про розстріл полонених зросла до 24", None),
        ("Количество дел о расстрелах пленных возросло до 24", None),
    ],
)
def test_a_revised_toll_is_the_count(sentence: str, want: int | None) -> None:
    assert count(sentence)[1] == want


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("пленных расстреляли возле Часова Яра", "Chasiv Yar"),
        ("пленных расстреляли у Часова Яра", "Chasiv Yar"),
        ("бойцов перебросили к Часову Яру", "Chasiv Yar"),
        ("пленных расстреляли в районе Сухого Яра", "Sukhyi Yar"),
        ("пленных расстреляли возле Великой Новосёлки", "Velyka Novosilka"),
        ("бои за Великую Новоселку", "Velyka Novosilka"),
        ("полонених розстріляли під Великою Новосілкою", "Velyka Novosilka"),
        ("пленных расстреляли возле Зелёного Шляха", "Zelenyi Shliakh"),
        ("пленных расстреляли под Зеленым Шляхом", "Zelenyi Shliakh"),
        # codifier names, not in the hand list: a possessive first word
        ("пленных расстреляли возле Попова Яра", "Popiv Yar"),
        ("полонених розстріляли біля Попового Яру", "Popiv Yar"),
        ("пленных расстреляли под Кучеровым Яром", "Kucheriv Yar"),
    ],
)
def test_two_word_names_decline_in_both_words(text: str, place: str) -> None:
    assert canonical_places(text) == [place]


def test_a_syndication_note_keeps_the_incident_date() -> None:
    body = (
        "On November 19 Russian troops shot seven Ukrainian prisoners of war near Toretsk, "
        "prosecutors said. This article was first published by our partner newsroom."
    )
    facts = extract_facts("Russian troops shot seven POWs near Toretsk", body, PUB)
    assert (facts.incident_date, facts.victims) == (date(2026, 11, 19), 7)


DAY = date(2026, 11, 19)
ORIGINAL = (
    "Russian troops shot eight POWs near Toretsk",
    Facts(("Toretsk",), 8, "Ukrainian", DAY),
)
UPDATE = (
    "Toll of POWs shot near Toretsk rises to 10",
    Facts(("Toretsk",), 10, "Ukrainian", DAY),
)
OTHER_DAY = (
    "Russian troops shot six POWs near Toretsk",
    Facts(("Toretsk",), 6, "Ukrainian", DAY - timedelta(days=1)),
)


@pytest.mark.parametrize("update_first", [False, True])
def test_a_revised_toll_joins_its_incident_in_either_order(update_first: bool) -> None:
    first, second = (UPDATE, ORIGINAL) if update_first else (ORIGINAL, UPDATE)
    view = new_incident(1, first[1], first[0], DAY)
    other = new_incident(2, OTHER_DAY[1], OTHER_DAY[0], DAY)
    match = match_incident(second[1], second[0], "", DAY, [view, other])
    assert match is not None and match.incident_id == 1
    merged = merge_facts(view, second[1], second[0], DAY)
    # the other day's report, with its own count, stays out of the merged incident
    assert match_incident(OTHER_DAY[1], OTHER_DAY[0], "", DAY, [merged]) is None


def test_an_unrevised_other_count_of_the_same_day_stays_out() -> None:
    view = new_incident(1, ORIGINAL[1], ORIGINAL[0], DAY)
    sibling = Facts(("Toretsk",), 10, "Ukrainian", DAY)
    title = "Russian troops shot ten POWs near Toretsk"
    assert match_incident(sibling, title, "", DAY, [view]) is None


def test_a_feed_batch_is_placed_oldest_first(tmp_path: Path) -> None:
    start = datetime(2026, 11, 20, tzinfo=UTC)

    def article(guid: str, hours: int | None, title: str, facts: Facts) -> Article:
        when = None if hours is None else start + timedelta(hours=hours)
        entry = Entry("feed", guid, f"https://example.org/{guid}", title, "", when)
        return Article(entry, entry.link, Verdict(True, 1.0), facts)

    # as a feed lists them: newest first, an undated item among them
    batch = [
        article("update", 5, UPDATE[0], UPDATE[1]),
        article("undated", None, "Video shows POWs shot near Lyman", Facts(("Lyman",), 2)),
        article("original", 1, ORIGINAL[0], ORIGINAL[1]),
    ]
    store = Store(tmp_path / "s.db")
    try:
        _store_articles(
            store, batch, "https://example.org/feed", start + timedelta(hours=6), 8760.0, False
        )
        rows = store.db.execute("select id, title from articles order by id").fetchall()
    finally:
        store.close()
    assert [r[1] for r in rows] == [ORIGINAL[0], UPDATE[0], "Video shows POWs shot near Lyman"]


@pytest.mark.parametrize(
    "title",
    [
        "Ten POWs shot near Toretsk on 19 November identified by investigators",
        "Встановлено особи десятьох полонених, розстріляних біля Торецька 19 листопада",
        "Установлены личности десяти пленных, расстрелянных под Торецком 19 ноября",
        "Suspect named in the 19 November killing of ten POWs near Toretsk",
    ],
)
def test_a_follow_up_with_a_newer_count_joins_its_incident(title: str) -> None:
    """A report about an earlier killing (victims identified, a suspect) naming the incident's
    town and day may give a newer count than the first reports; another day stays out."""
    later = DAY + timedelta(days=2)
    view = new_incident(1, ORIGINAL[1], ORIGINAL[0], DAY)
    other = new_incident(2, OTHER_DAY[1], OTHER_DAY[0], DAY)
    facts = Facts(("Toretsk",), 10, "Ukrainian", DAY)
    match = match_incident(facts, title, "", later, [view, other])
    assert match is not None and match.incident_id == 1
    moved = Facts(("Toretsk",), 10, "Ukrainian", DAY - timedelta(days=5))
    assert match_incident(moved, title, "", later, [view]) is None


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # the count sits in the sentence after the one that tells the killing
        (
            "A gunner's account: 'we saw what they did to the ones we left'",
            "We pulled back from the treeline south of Toretsk at night. Our wounded stayed in "
            "the dugout. A day later the enemy posted a clip: they had been finished off where "
            "they lay. Seven of our lads.",
            7,
        ),
        # the count sits in the sentence before, the statement names no number
        (
            "Bodies handed back show captured marines were shot, ombudsman says",
            "Forensic examinations found that four marines, all taken near Krynky, died of "
            "gunshot wounds to the back of the head. The ombudsman said the men had been shot "
            "after they were captured.",
            4,
        ),
        (
            "Під Мирноградом розстріляли полонених",
            "Окупанти вивели бійців із бліндажа. Вони розстріляли полонених на місці. "
            "Загинули шестеро наших хлопців.",
            6,
        ),
        # a singular bystander beside the statement is not the victim
        (
            "Captured soldiers were shot near Toretsk, prosecutors say",
            "A soldier from a neighbouring unit filmed the aftermath. Prosecutors say the "
            "captured men were shot after they had laid down their weapons.",
            None,
        ),
    ],
)
def test_the_count_beside_the_statement(title: str, body: str, want: int | None) -> None:
    assert extract_facts(title, body, PUB).victims == want


def test_wounded_civilians_finished_off_are_not_prisoners() -> None:
    body = "Several wounded civilians lay in the street near Bakhmut. They were finished off."
    assert not classify("Witnesses describe the morning after the shelling", body).flagged


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("Окупанти розстріляли двадцять двох полонених під Лиманом", 22),
        ("Оккупанты расстреляли двадцать двух пленных под Лиманом", 22),
        ("Оккупанты расстреляли тридцать пять пленных под Лиманом", 35),
        ("Окупанти розстріляли двадцять одного полоненого під Лиманом", 21),
        ("Окупанти розстріляли двадцятьох полонених під Лиманом", 20),
    ],
)
def test_cyrillic_compound_numbers(sentence: str, want: int) -> None:
    assert count(sentence)[1] == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # the victims named by their service or by soldiers' own words
        (
            "Investigators: captured border guards shot",
            "Investigators said Russian troops shot three border guards who had been taken"
            " prisoner.",
            3,
        ),
        (
            "СК: расстреляны пленные",
            "СК сообщил, что военные расстреляли четверых пограничников, захваченных в плен.",
            4,
        ),
        (
            "Прокуратура: розстріляли полонених",
            "Окупанти розстріляли трьох прикордонників, які потрапили в полон.",
            3,
        ),
        (
            "Знову кадри",
            "Кадри з-під Курахового: двоє наших стоять на колінах. Їх розстріляли.",
            2,
        ),
    ],
)
def test_a_count_of_other_soldier_words(title: str, body: str, want: int) -> None:
    assert extract_facts(title, body, PUB).victims == want


def test_the_first_reports_join_a_follow_up_that_arrived_before_them() -> None:
    """Feeds arrive in any order: when a follow-up ("the ten victims ... identified") started
    the incident, the first reports with the earlier figure of its town and day join it."""
    follow_up = "Victims of the November 19 killing of POWs near Toretsk identified"
    view = new_incident(1, Facts(("Toretsk",), 10, "Ukrainian", DAY), follow_up, DAY)
    match = match_incident(ORIGINAL[1], ORIGINAL[0], "", DAY, [view])
    assert match is not None and match.incident_id == 1
    # another day near the same town stays out
    assert match_incident(OTHER_DAY[1], OTHER_DAY[0], "", DAY, [view]) is None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Кількість розстріляних полонених під Торецьком зросла до 12",
            "Кількість полонених, розстріляних 19 листопада, зросла до 12. Раніше повідомлялося "
            "про 9 загиблих.",
        ),
        ("Toll of POWs shot near Toretsk on Nov. 19 rises from 9 to 12", ""),
        ("Число расстрелянных под Торецком пленных возросло с 9 до 12", ""),
    ],
)
def test_a_revision_that_names_the_figure_it_corrects_joins_that_incident(
    title: str, text: str
) -> None:
    # nine killed on the 19th; another incident of twelve in the same town a day earlier
    nine = new_incident(1, Facts(("Toretsk",), 9, "Ukrainian", DAY), "Nine POWs shot", DAY)
    twelve = Facts(("Toretsk",), 12, "Ukrainian", DAY - timedelta(days=1))
    other = new_incident(2, twelve, "Twelve POWs shot near Toretsk", DAY)
    update = Facts(("Toretsk",), 12, "Ukrainian", DAY)
    match = match_incident(update, title, text, DAY, [nine, other])
    assert match is not None and match.incident_id == 1
