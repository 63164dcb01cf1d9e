"""Failure kinds of the seventh blind round, in en/uk/ru (texts written here).

False alarms: the business and sports idiom "take no prisoners", a daily loss report, a
captive testifying as a witness, an audio drama, "no evidence that ... were shot", the law
explained as a question, soldiers killing their own who try to surrender, and a numbered
most-read list whose items stand a blank line apart.
"""

from __future__ import annotations

import pytest

from bot.detect.boilerplate import strip_boilerplate
from bot.detect.classify import classify

NOT_A_KILLING = {
    "the idiom in business and sport": [
        (
            "Steelmaker's new boss takes no prisoners in cost drive",
            "The new chief of the Kyiv-based group has executed a sweeping restructuring, "
            "surrendering its loss-making plants and cutting a third of the head office.",
        ),
        (
            "Dynamo took no prisoners at the Olympic Stadium",
            "Dynamo Kyiv took no prisoners in Kyiv on Saturday, beating Oleksandriia 5-1.",
        ),
    ],
    "a daily loss report": [
        (
            "General Staff: the enemy's losses over the day",
            "Near Lyman the enemy lost 27 killed and 31 wounded, and 3 servicemen were taken "
            "prisoner.",
        ),
    ],
    "a captive testifying about his unit": [
        (
            "Captured Russian describes checkpoint shooting to court",
            "A Russian prisoner of war testifying as a witness in a Chernihiv court described "
            "how his unit opened fire on a minibus carrying pensioners.",
        ),
    ],
    "an audio drama": [
        (
            "Episode 4: 'The Quarry'",
            "In this episode of our audio drama, Marko learns what happened to the two Ukrainian "
            "sappers captured near Bakhmut in episode 2: Russian guards shot both of them.",
        ),
    ],
    "no evidence of a killing": [
        (
            "Brigade: the seven captured near Toretsk are alive",
            "The brigade said there was no evidence that any of the seven captives had been shot.",
        ),
        (
            "Бригада: полонені живі",
            "У бригаді заявили, що немає жодних доказів, що полонених розстріляли.",
        ),
    ],
    "the law explained as a question": [
        (
            "Что грозит за убийство военнопленного: разбираем нормы права",
            "Юристы объясняют, как международное право защищает пленных.",
        ),
        (
            "Що загрожує за вбивство полоненого: пояснюємо",
            "Юристи пояснюють, як міжнародне право захищає полонених.",
        ),
        (
            "Explainer: what is the penalty for killing a Ukrainian prisoner of war?",
            "Lawyers explain how the Geneva Conventions protect captured soldiers.",
        ),
    ],
    "soldiers killing their own who try to surrender": [
        (
            "Бійці: росіяни добивають дронами своїх, хто намагається здатися",
            "Оператори бригади показали кілька таких відео.",
        ),
        (
            "Бойцы ВСУ: российские военные добивают дронами своих, кто пытается сдаться",
            "Операторы бригады показали несколько таких видео.",
        ),
    ],
}


@pytest.mark.parametrize(
    ("title", "text"),
    [case for cases in NOT_A_KILLING.values() for case in cases],
)
def test_seventh_round_false_alarm_kinds(title: str, text: str) -> None:
    assert not classify(title, text).flagged


def test_a_numbered_list_with_blank_lines_is_furniture() -> None:
    page = (
        "Repair crews restored power to most of the city by the evening.\n\n"
        "POPULAR NOW\n\n"
        "1. Drone footage shows captured soldiers shot near Vovchansk\n\n"
        "2. New rules for conscription explained\n\n"
        "3. Snow expected from Thursday\n\n"
        "The utility said the next repairs would take a week."
    )
    kept = strip_boilerplate(page)
    assert "captured soldiers shot" not in kept
    assert "next repairs" in kept and "restored power" in kept
    assert not classify("City gets power back after strike", page).flagged


def test_a_real_numbered_account_still_flags() -> None:
    # one numbered paragraph with a closing stop is content, not a list of links
    text = (
        "The mission listed its findings.\n\n"
        "1. Russian troops shot three captured Ukrainian soldiers near Vovchansk in May."
    )
    assert classify("UN mission: findings", text).flagged


KILLED = [
    # captivity named by where the men were or what was done to them
    (
        "Forensic report on the eleven from the basement",
        "Examiners said the Ukrainian gunners were killed after they were already in Russian "
        "hands.",
    ),
    (
        "Brigade posts new video from the north",
        "Russian troops shot a Ukrainian soldier they had captured near Vovchansk.",
    ),
    (
        "Monitors examine footage from the south",
        "Russian servicemen may have executed three Ukrainian soldiers after capturing them "
        "near Robotyne, the mission said.",
    ),
    (
        "Prosecutors: officer shot a gunner from the dugout",
        "A Russian officer shot a wounded Ukrainian gunner who had been dragged out of a dugout "
        "near Toretsk, prosecutors said.",
    ),
    # a review of non-fiction: the book is built on case files
    (
        "Review: 'Salt Ledger' — a reporter's record of surrenders that ended in gunfire",
        "This is not a novel, though parts of it move with the pace of one. The author, a court "
        "reporter from Zaporizhzhia, built the book on case files and witness interviews.\n\n"
        "Its best chapter reconstructs the killing of three Ukrainian soldiers who were shot "
        "after surrendering near Robotyne in 2023.",
    ),
    # the setup and the killing in different sentences
    (
        "Brigade reconstructs the loss of a position near Kupiansk",
        "The five Ukrainian soldiers were marched in single file towards the trees. The Russian "
        "soldiers escorting them opened fire from behind.",
    ),
    (
        "Brigade: two of ours killed near Siversk",
        "Both had leg wounds; neither could move on his own and neither had a weapon. The "
        "Russians did not take them. Both were shot where they lay.",
    ),
    (
        "Заметки с фронта под Бахмутом",
        "Раненый боец ВСУ, без автомата, выполз к ним и кричал «сдаюсь». Оккупанты подождали, "
        "пока он подползет поближе, — и пристрелили.",
    ),
    (
        "Сводка с Угледарского направления",
        "У нас остались четверо раненых бойцов ВСУ. Сегодня противник выложил видео: наших "
        "вытаскивают из окопа и добивают.",
    ),
    (
        "Сводка из-под Торецка",
        "Трое бойцов ВСУ вылезли из подвала с белой тряпкой, сдаются. Наши разбираться не стали."
        " Положили всех троих прямо у подвала.",
    ),
    (
        "Обмен: освобожденные рассказали о расстреле",
        "Бойцы рассказали, что двух их раненых сослуживцев, захваченных у Бердычей, российские "
        "военные расстреляли прямо на позиции.",
    ),
    (
        "Омбудсман перевіряє відео з Луганщини",
        "На відео українські військові стріляють у кількох російських солдатів, які лежать на "
        "землі вже без зброї.",
    ),
]


@pytest.mark.parametrize(("title", "text"), KILLED)
def test_seventh_round_killings_flag(title: str, text: str) -> None:
    assert classify(title, text).flagged


def test_a_post_ending_in_emoji_is_not_a_teaser() -> None:
    post = (
        "⚡️Покровское направление, Новоэкономическое\n\n"
        "Двое наших парней выходят из дома, руки подняты, оружия нет. Орки кладут их лицом в "
        "землю и через пару секунд стреляют в затылок. Обоим. Смотреть это невозможно, но "
        "нужно, чтобы все знали. 🤬\n\n"
        "Координаты уже переданы кому надо."
    )
    assert "стреляют в затылок" in strip_boilerplate(post)
    assert classify("Окопный вестник 🇺🇦", post).flagged


STILL_KILLED = [
    # a denial's words around a real report: the doubt is about resistance, not the killing
    (
        "Investigators: the captives did not resist",
        "Investigators found no evidence that the captured men resisted when they were shot "
        "near Bakhmut.",
    ),
    # an investigative podcast is not fiction
    (
        "Podcast: the men from the basement",
        "In episode 3 of our investigative podcast, survivors describe how Russian troops shot "
        "four captured Ukrainian soldiers near Bakhmut.",
    ),
    # an order carried out, told with "forces"
    (
        "Survivors: no quarter near Bakhmut",
        "Wagner stormtroopers took no prisoners in the trenches.",
    ),
    # a numbered list of incidents without a related-links header is the story itself
    (
        "Monitors list the cases of the spring",
        "The mission listed the cases it has verified.\n\n"
        "1. Execution of three captured Ukrainian soldiers near Robotyne (May 2024)\n\n"
        "2. Two captured marines shot near Krynky (January 2024)",
    ),
]


@pytest.mark.parametrize(("title", "text"), STILL_KILLED)
def test_seventh_round_rules_leave_real_reports(title: str, text: str) -> None:
    assert classify(title, text).flagged
