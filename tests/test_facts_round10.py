"""Fact kinds of the tenth blind round (texts written here): counts told indirectly (more
bodies beside the first, the first N then the next, the group's number, one case out of a
tally, one more), ranges and labels that are no count, and the victims' side."""

from __future__ import annotations

from datetime import date

import pytest

from bot.detect.extract import extract_facts
from bot.detect.quantities import count, victims
from bot.detect.side import victim_side

PUB = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # "N more … beside the first": the first and the N more
        ("Investigators later dug up three more bodies next to the first one", 4),
        ("Біля першого тіла пошуковці знайшли ще три", 4),
        ("Возле первого тела саперы обнаружили еще два", 3),
        # the group's number told after the group: "there were N of them"
        ("They were five.", 5),
        ("Їх було шестеро.", 6),
        ("Их было трое, все из одной роты.", 3),
        # "shot all N": a count with no noun after the killing verb
        ("Then they simply shot all four.", 4),
        ("Потім розстріляли всіх п'ятьох.", 5),
        ("Говорит, расстреляли всех семерых.", 7),
        # the group that gave itself up
        ("Троє вийшли з бліндажа з піднятими руками.", 3),
        ("Четверо вышли из подвала без оружия.", 4),
        ("Two crawled out of the trench and raised their hands.", 2),
        # ... but not where a later count gives the dead
        ("Six came out with their hands up, four were shot on the spot", 4),
        # a range is no one count
        ("Between 8 and 12 captured marines may have been shot, the monitors said", None),
        ("Від 6 до 9 полонених бійців могли розстріляти, вважають правозахисники", None),
        ("От 5 до 7 пленных военных, по данным миссии, были убиты", None),
        # a label is no count: a school's or a unit's number
        ("На школі № 12 відкрили дошку чотирьом бійцям, розстріляним у полоні", 4),
        ("Плиту восьмерым бойцам, расстрелянным в плену, установили у школы №27", 8),
        ("At School No. 12 soldiers unveiled a plaque for three POWs shot in captivity", 3),
        # "both", a parenthetical, then the chain of verbs that ends in the killing
        ("Обох, як розповів свідок, окупанти поклали на землю і розстріляли.", 2),
        ("Обоих, по словам сослуживца, военные отвели к лесополосе и расстреляли.", 2),
        # "all N", a parenthetical, then the verb
        ("Усі четверо, як з'ясувало слідство, потрапили в полон напередодні.", 4),
        ("Все пятеро, по данным следствия, были убиты выстрелами в голову.", 5),
    ],
)
def test_counts_told_indirectly_in_one_sentence(sentence: str, want: int | None) -> None:
    assert count(sentence)[1] == want


def test_more_bodies_beside_a_single_victim_add_up() -> None:
    statements = ["The team found a captured gunner lying shot near the dugout."]
    narrative = [("Nearby they found two more bodies with bound hands.", False)]
    assert victims(statements, "", narrative) == 3
    # companions of the subject are not more victims
    with_men = [("He came back with two more men from the platoon.", False)]
    assert victims(statements, "", with_men) == 1


def test_the_first_n_then_the_next_ordinal_counts_one_more() -> None:
    statements = ["«Третього добили вже біля дороги»: свідчення бійця, який вижив"]
    narrative = [("Перших двох вивели з окопу і застрелили.", True)]
    assert victims(statements, "", narrative) == 3
    ru = [("Первых троих вывели из блиндажа и расстреляли.", True)]
    assert victims(["Четвертого, по словам выжившего, добили у дороги."], "", ru) == 4
    en = [("The first two were led out and shot.", True)]
    assert victims(["Then, he said, the third man was killed as well."], "", en) == 3


def test_one_case_singled_out_of_a_tally_gives_the_count() -> None:
    statements = ["The monitors recorded 80 executions of captured soldiers since 2022."]
    narrative = [
        (
            "In one documented case, troops led five captured medics out of a dugout and "
            "shot them.",
            True,
        ),
    ]
    assert victims(statements, "", narrative) == 5
    uk = [("В одному з задокументованих випадків окупанти розстріляли трьох полонених.", True)]
    tally = ["З 2022 року місія зафіксувала понад 90 страт полонених."]
    assert victims(tally, "", uk) == 3
    # a tally alone still gives no count
    assert victims(tally, "", [("Окупанти розстріляли трьох полонених.", True)]) is None


def test_one_more_after_a_group_adds_one() -> None:
    statements = ["Їх розстріляли на місці, ще одного — пораненого — добили пострілом."]
    narrative = [("Двоє бійців вийшли до окупантів без зброї.", False)]
    assert victims(statements, "", narrative) == 3
    ru = ["Их расстреляли у забора, еще одного добили позже."]
    assert victims(ru, "", [("Четверо пленных бойцов стояли у забора.", False)]) == 5


def test_the_group_that_came_out_before_a_pronoun_killing_is_counted() -> None:
    facts = extract_facts(
        "Оператор дрона: окупанти розстріляли бійців, які виходили здаватися в полон",
        "Оператор, який служить у бригаді на сході, розповів, що бачив на екрані. "
        "«Троє вийшли з посадки, піднявши руки. Їх застрелили за кілька секунд», — каже він.",
        PUB,
    )
    assert facts.victims == 3


@pytest.mark.parametrize(
    "sentence",
    [
        # the one who tells it, or who saw and survived it, is no single victim
        "Intercept: Russian soldier tells his mother his unit shot captured Ukrainians",
        "In the call a Russian soldier says his platoon killed the captured men",
        "Свідчення бійця, який вижив: окупанти розстріляли полонених біля посадки",
        "Рассказ бойца, который видел, как расстреливали пленных",
    ],
)
def test_the_teller_or_witness_is_no_single_victim(sentence: str) -> None:
    assert count(sentence)[0].name == "NONE"


def test_the_tellers_story_gives_the_count() -> None:
    statements = ["Intercept: Russian soldier tells his mother his unit shot captured Ukrainians"]
    assert victims(statements, "", [("So we shot all five.", True)]) == 5


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # the dead a count is taken from, the names on a memorial or a list
        ("Щонайменше п'ятеро з переданих загиблих — бійці, розстріляні в полоні", 5),
        ("Не менее четверых из возвращенных погибших были расстреляны после пленения", 4),
        ("A plaque bearing eleven names was put up for the marines shot after capture", 11),
        ("На плиті вибили дев'ять прізвищ: це страчені в полоні бійці", 9),
    ],
)
def test_the_dead_and_the_names_take_a_count(sentence: str, want: int) -> None:
    assert count(sentence)[1] == want


def test_a_run_of_short_lines_after_the_statement_gives_the_count() -> None:
    facts = extract_facts(
        "Окупанти розстріляли бійців, які склали зброю біля Бахмута",
        "Командир батальйону звернувся до журналістів увечері. Окупанти знову розстріляли "
        "наших хлопців, які склали зброю. Це було вранці. Семеро людей, семеро наших "
        "піхотинців. Без зброї.",
        PUB,
    )
    assert facts.victims == 7


def test_a_recalled_earlier_case_gives_no_count() -> None:
    facts = extract_facts(
        "Новий злочин під Торецьком: прокуратура встановлює особи загиблих",
        "Донецька обласна прокуратура розслідує ще один випадок страти українських захисників. "
        "Нагадаємо, торік під Бахмутом окупанти вбили п'ятьох бійців, які потрапили в "
        "оточення. Цього разу, за даними слідства, російські військові захопили двох поранених "
        "українських бійців. Пізніше їхні тіла з вогнепальними пораненнями голови знайшли "
        "аеророзвідники.",
        PUB,
    )
    assert facts.victims == 2


def test_numbered_episodes_give_no_one_count() -> None:
    facts = extract_facts(
        "Прокуратура: нові розстріли полонених під Торецьком і Часовим Яром",
        "Офіс генпрокурора повідомив про нові епізоди вбивства українських полонених. "
        "Перший — під Торецьком, де окупанти розстріляли пораненого бійця, який здався. "
        "Другий — біля Часового Яру: там розстріляли бійців, які вийшли з укриття без зброї. "
        "Розпочато розслідування.",
        PUB,
    )
    assert facts.victims is None


@pytest.mark.parametrize(
    "texts",
    [
        [
            "Moscow investigators charge Ukrainian soldier over killing of surrendered man",
            "They say the accused shot a Russian serviceman who lay face down",
        ],
        [
            "Суд заочно осудил украинского военного за убийство сдавшегося",
            "По версии следствия, он застрелил российского военнослужащего, который сдался",
        ],
        [
            "Суд заочно засудив українського військового за вбивство бійця, що здався",
            "За версією слідства, він застрелив російського військовослужбовця",
        ],
    ],
)
def test_the_accused_soldier_does_not_name_the_victims_side(texts: list[str]) -> None:
    assert victim_side(texts) == "Russian"


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # a member of the group names the group's number
        ("The eldest of the three shot that day was 41.", 3),
        ("Найстаршому з п'ятьох страчених було 44 роки.", 5),
        ("Старшему из шестерых расстрелянных пленных было 52.", 6),
        # the part of a group that was killed
        ("Nine men were cut off; of whom four were executed at the roadside.", 4),
        ("Відрізаними виявилися восьмеро бійців, трьох із них розстріляли.", 3),
        ("В окружение попали семеро бойцов, из них двоих расстреляли.", 2),
        ("Three of the seven were shot in the back of the head.", 3),
        ("Четверо з шести були розстріляні біля посадки.", 4),
        ("Из отряда из семи бойцов пятерых расстреляли у дороги.", 5),
        # ... not the part that survived
        ("Two of them escaped, five were shot at the treeline.", 5),
        # all N in the accusative before the killing verb
        ("Усіх сімох розстріляли біля дороги.", 7),
        ("Всех четверых расстреляли у оврага.", 4),
        # brothers are two; comrades called brothers and an address are no count
        ("The brothers were shot after they raised their hands.", 2),
        ("Братів розстріляли на подвір'ї.", 2),
        ("Братьев расстреляли после сдачи.", 2),
        ("Our brothers were shot after they surrendered.", None),
        ("Держитесь, братья.", None),
        # a pair in uk/ru
        ("Пару поранених розвідників добили пострілами.", 2),
        ("Пару раненых разведчиков добили выстрелами.", 2),
        # a crew or a squad: its number is not told, unless it is
        ("The crew of the howitzer was shot after surrendering.", None),
        ("Екіпаж бронемашини розстріляли після того, як він здався.", None),
        ("Расчет гаубицы расстреляли после сдачи в плен.", None),
        ("A crew of three surrendered and was shot.", 3),
        ("Екіпаж із трьох здався і був розстріляний.", 3),
    ],
)
def test_groups_parts_brothers_and_crews(sentence: str, want: int | None) -> None:
    assert count(sentence)[1] == want


def test_a_crew_with_no_number_stops_the_count() -> None:
    narrative = [("Поруч лежало тіло пораненого бійця.", True)]
    assert victims(["Екіпаж бронемашини розстріляли, коли він здався."], "", narrative) is None
    assert victims(["Расчет гаубицы расстреляли после сдачи в плен."], "", narrative) is None


def test_a_count_told_only_in_a_photo_caption() -> None:
    facts = extract_facts(
        "Омбудсман показав відео розстрілу полонених під Покровськом",
        "Вони виходили з посадки один за одним, тримаючи руки за головою. Далі на записі "
        "лунають черги впритул. Омбудсман назвав це стратою полонених і звернувся до ООН.\n\n"
        "Фото: кадр із відео, на якому п'ятеро українських бійців за мить до розстрілу",
        PUB,
    )
    assert facts.victims == 5
    # a caption is read only when the story itself tells nothing
    told = victims(["Окупанти розстріляли двох полонених."], "", [], lambda: ["Фото: троє бійців"])
    assert told == 2


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # an accusative count, then a chain of verbs that ends in the killing
        ("«Трьох узяли, допитали й ліквідували на місці.", 3),
        ("Четверых вывели, поставили на колени и расстреляли.", 4),
    ],
)
def test_an_accusative_count_before_a_chain_of_verbs(sentence: str, want: int) -> None:
    assert count(sentence)[1] == want


def test_a_crew_that_is_not_killed_leaves_the_count_to_the_group() -> None:
    statements = ["Their crew had held the bridge for a week.", "The four were shot at dawn."]
    assert victims(statements) == 4


def test_one_more_case_adds_no_victim() -> None:
    narrative = [("Двоє бійців вийшли до окупантів без зброї.", False)]
    told = ["Слідчі встановили обставини ще одного злочину: їх розстріляли біля посадки."]
    assert victims(told, "", narrative) == 2


def test_the_soldier_who_killed_still_names_the_other_side() -> None:
    texts = [
        "Следователи установили личность российского военного, который застрелил "
        "безоружного защитника под Торецком",
        "По материалам дела, военный РФ велел пленному встать на колени и выстрелил",
    ]
    assert victim_side(texts) == "Ukrainian"


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # the dead's number given as a figure after a dash or colon
        ("• Загиблих — троє, повідомили в обласній прокуратурі.", 3),
        ("Убитых — четверо, уточнили в штабе.", 4),
        ("The dead: five, all from one company.", 5),
        # "him" as the object of the killing
        ("Our medic walked out unarmed, and they put a bullet in him on the spot.", 1),
        ("He was lying wounded when the soldiers shot him twice.", 1),
    ],
)
def test_the_dead_as_a_figure_and_him(sentence: str, want: int) -> None:
    assert count(sentence)[1] == want


def test_victims_told_one_by_one_are_counted_to_the_last() -> None:
    statements = [
        "За його словами, першого полоненого розстріляли одразу біля бліндажа.",
        "Третього полоненого відвели до посадки, і за хвилину пролунав постріл.",
    ]
    narrative = [("Другого — коли він попросив води.", False)]
    assert victims(statements, "", narrative) == 3
    en = ["The first prisoner was shot at the door.", "The second one was shot in the yard."]
    assert victims(en) == 2
    # "другого дня" is the next day, not a second victim
    uk = ["Першого полоненого розстріляли біля бліндажа, а тіло знайшли другого дня."]
    assert victims(uk) == 1


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("The bodies of all four were found in a ditch a week later.", 4),
        ("Тіла всіх трьох знайшли у посадці.", 3),
        ("Тела всех пятерых были обнаружены в овраге.", 5),
        # the bodies of others: civilians
        ("Поруч знайшли тіла трьох цивільних, загиблих від обстрілу.", None),
    ],
)
def test_the_bodies_of_all_n(sentence: str, want: int | None) -> None:
    assert count(sentence)[1] == want


def test_a_definite_count_after_the_killing_sentence_refers_back() -> None:
    facts = extract_facts(
        "Минобороны: захваченных у Козинки бойцов расстреляли",
        "В Минобороны сообщили, что в освобожденном селе найдены тела российских "
        "военнослужащих, которые были захвачены украинскими боевиками и расстреляны. "
        "Все трое были ранены при обороне села. "
        "В ведомстве добавили, что за сутки в районе уничтожено 5 танков.",
        PUB,
    )
    assert (facts.victims, facts.victim_side) == (3, "Russian")


def test_side_from_the_killing_sentences_when_the_statements_name_none() -> None:
    statements = ["Захваченных бойцов расстреляли у посадки"]
    narrative = ["Тела российских военных, расстрелянных украинскими боевиками, нашли позже"]
    assert victim_side(statements, "", narrative) == "Russian"
    # a side's soldiers there may be the killers: they alone name no side
    killers = ["Затем российский военный по очереди производит выстрелы в каждого"]
    assert victim_side(statements, "", killers) == "Ukrainian"


@pytest.mark.parametrize(
    "verb",
    [
        "вбили", "убили", "розстріляли", "расстреляли", "застрелили", "пристрелили",
        "стратили", "казнили", "добили", "ліквідували", "ликвидировали",
    ],
)  # fmt: skip
def test_every_accusative_killing_verb_passes_the_literal_gate(verb: str) -> None:
    assert count(f"Потім трьох {verb} біля дороги.")[1] == 3


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # the names of all N on a memorial
        ("On the plaque are the names of all nine.", 9),
        ("На плиті — імена всіх п'ятьох.", 5),
        ("На стеле — имена всех шестерых.", 6),
        # "пацаны" is a soldier word like "хлопці", "ребята"
        ("Троє пацанів, усі поранені, без зброї.", 3),
        ("Четверо пацанов, все без оружия.", 4),
        # interviews and testimonies count the sources, not the victims
        ("The report rests on 31 interviews with soldiers and relatives.", None),
        ("Доповідь ґрунтується на 27 інтерв'ю з військовими та їхніми родинами.", None),
        ("Доклад основан на 52 интервью с военными и их близкими.", None),
    ],
)
def test_names_lads_and_interviews(sentence: str, want: int | None) -> None:
    assert count(sentence)[1] == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # a headline's bare singular noun, then its killing
        ("Medic shot after surrender near Toretsk named as 31-year-old from Lviv", 1),
        ("Marine executed in captivity was a teacher before the war", 1),
        # ... not a plural
        ("Marines executed in captivity are remembered in Mykolaiv", None),
    ],
)
def test_a_headline_singular_then_its_killing(sentence: str, want: int | None) -> None:
    assert count(sentence)[1] == want


def test_a_caption_beside_a_tally_gives_the_count() -> None:
    statements = ["Kyiv says troops have executed more than 200 captured soldiers since 2022."]
    caption = ["Photo caption: the ditch where the bodies of the four men were found."]
    assert victims(statements, "", [], lambda: caption) == 4
    assert victims(statements, "", [], lambda: []) is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # infantrymen, marines, paratroopers with a side's adjective name it
        (
            "Russian soldiers of a battalion formed in Siberia killed Ukrainian marines "
            "after capture",
            "Ukrainian",
        ),
        ("Бійці штурмового загону вбили російських десантників, які здалися", "Russian"),
        (
            "Российские военные из отряда, набранного в Туве, убили украинских пехотинцев "
            "после пленения",
            "Ukrainian",
        ),
    ],
)
def test_more_soldier_words_name_the_side(text: str, want: str) -> None:
    assert victim_side([text]) == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # two or more cases named as examples: no one count
        (
            "Among the cases they cite is the killing of a wounded Ukrainian medic, and a case "
            "in which several captives were found shot in a ditch.",
            None,
        ),
        (
            "Серед випадків у доповіді — розстріл пораненого бійця та інший випадок, коли "
            "полонених знайшли з зав'язаними руками.",
            None,
        ),
        # one case named among many is that case's count
        ("Among the cases in the file is the shooting of seven captured soldiers in May.", 7),
    ],
)
def test_cases_named_as_examples(sentence: str, want: int | None) -> None:
    assert count(sentence)[1] == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # the teller's one comrade is the victim; the teller is not
        ("A medic says he watched Russian troops shoot his injured comrade after capture.", 1),
        ("The sergeant says his comrades were shot after they surrendered.", None),
    ],
)
def test_the_tellers_comrade(sentence: str, want: int | None) -> None:
    assert count(sentence)[1] == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # the accusative count right after the killing verb
        ("Під Бахмутом із шести полонених розстріляли чотирьох — прокуратура", 4),
        ("Из семерых пленных расстреляли пятерых, остальных увезли.", 5),
        # "all N were killed" after a connective, not only at the start
        ("Командир наказав не брати полонених, після чого всі п'ятеро були розстріляні.", 5),
        ("Офицер отдал приказ, после чего все четверо были убиты.", 4),
        # the soldiers among mixed dead
        (
            "Exhumers recovered the remains of 23 people, including the bodies of three "
            "Ukrainian soldiers with bound hands.",
            3,
        ),
        ("Знайшли тіла 14 людей, серед них двох бійців зі зв'язаними руками.", 2),
        # ... not a subset of the victims themselves
        ("Troops shot five captured soldiers, including two paratroopers.", 5),
    ],
)
def test_after_the_verb_all_n_and_soldiers_among_the_dead(sentence: str, want: int) -> None:
    assert count(sentence)[1] == want


def test_the_first_n_then_the_next_beats_a_statements_count() -> None:
    statements = [
        "Третього полоненого застрелили на камеру",
        "Перших двох полонених окупанти вбили ще в окопі.",
    ]
    assert victims(statements) == 3
