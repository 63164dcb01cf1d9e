"""Facts told around the statement: the day in a separate sentence or after "said", places
in a front round-up's other paragraphs, a border named beside the scene (texts written here)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.detect import canonical_places, extract_facts
from bot.detect.dates import incident_dates

PUB = date(2025, 6, 20)


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        (
            "Prosecutors open a case after captured soldiers were shot near Lyman",
            "Russian troops shot three captured Ukrainian soldiers near Lyman, the regional "
            "prosecutor's office said on Friday, which said the killing took place on June 12.",
            date(2025, 6, 12),
        ),
        (
            "Two surrendered soldiers executed near Lyman",
            "Russian troops executed two Ukrainian soldiers who had surrendered near Lyman, "
            "prosecutors reported. According to the investigation, the crime was committed on "
            "11 June.",
            date(2025, 6, 11),
        ),
        (
            "Під Лиманом окупанти розстріляли полоненого",
            "Російські військові розстріляли полоненого українського бійця під Лиманом, "
            "повідомили в прокуратурі. Злочин стався 9 червня.",
            date(2025, 6, 9),
        ),
        (
            "Под Лиманом расстреляли пленного",
            "Российские военные расстреляли украинского пленного под Лиманом. Преступление "
            "совершено 8 июня, сообщили в прокуратуре.",
            date(2025, 6, 8),
        ),
        # the statement's own day stays a statement day
        (
            "Prosecutors: captured soldiers shot near Lyman",
            "Prosecutors said on June 14 that Russian troops had shot two captured soldiers.",
            None,
        ),
    ],
)
def test_the_incident_day_told_apart_from_the_statement(
    title: str, body: str, want: date | None
) -> None:
    assert extract_facts(title, body, PUB).incident_date == want


def test_a_round_up_names_the_front_before_the_incident() -> None:
    title = "Фронт за добу: бої під Куп'янськом і Боровою, у Вовчанську — вуличні бої"
    body = (
        "За добу противник 14 разів атакував позиції поблизу Куп'янська. Ще кілька штурмів "
        "відбито біля Борової. На Лиманському напрямку без змін. Окремо прокуратура "
        "повідомила, що поблизу села Кругляківка Куп'янського району окупанти розстріляли "
        "двох полонених українських військових."
    )
    facts = extract_facts(title, body, PUB)
    assert facts.victims == 2
    assert "Kruhliakivka" in facts.locations
    assert not {"Kupiansk", "Borova", "Vovchansk"} & set(facts.locations)


def test_a_border_named_beside_the_scene_is_not_a_place() -> None:
    facts = extract_facts(
        "Russians shot two captured paratroopers near Yunakivka, brigade says",
        "Russian soldiers shot two captured Ukrainian paratroopers near Yunakivka in Sumy "
        "Oblast, as fighting goes on along the border with Russia's Kursk region.",
        PUB,
    )
    assert set(facts.locations) == {"Yunakivka", "Sumy Oblast"}


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        (
            "Survivors tell how their comrades were shot after capture near Lyman",
            "Two soldiers who survived told investigators that Russian troops shot four of their "
            "captured comrades near Lyman.",
            4,
        ),
        # the counted group before the verb is the killers, the one after it the victims
        ("Двое российских десантников расстреляли троих пленных под Лиманом", "", 3),
        ("Двоє російських десантників розстріляли трьох полонених під Лиманом", "", 3),
        (
            "Russian troops executed captured Ukrainian field medic near Lyman, prosecutors say",
            "",
            1,
        ),
    ],
)
def test_whose_count_it_is(title: str, body: str, want: int) -> None:
    assert extract_facts(title, body, PUB).victims == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # a headline's passive "shot with raised hands": the soldiers named are the victims
        (
            "Two Ukrainian soldiers shot with raised hands near Lyman, prosecutors say",
            "The men walked out of a cellar with their hands up before Russian infantrymen "
            "opened fire on them, the prosecutor's office said.",
            "Ukrainian",
        ),
        # soldiers who do the killing speak for the other side
        (
            "Встановлено імена бійців, розстріляних у полоні під Лиманом",
            "Слідчі встановили особи двох військових, яких російські солдати розстріляли після "
            "того, як ті здалися.",
            "Ukrainian",
        ),
        (
            "Blogger: our wounded were finished off near Tetkino",
            "Ukrainian militants shot our wounded fighters who had been taken prisoner.",
            "Russian",
        ),
        # the sentenced soldier is the killer, the captives he shot were Russian
        (
            "Бойца ВСУ приговорили к пожизненному за расстрел пленных",
            "Суд приговорил военнослужащего ВСУ, признав его виновным. По данным суда, он вместе "
            "с сослуживцами захватил в плен двух российских военнослужащих и расстрелял их.",
            "Russian",
        ),
        (
            "Омбудсмен заявила о расстреле пленных российских срочников в Курской области",
            "",
            "Russian",
        ),
    ],
)
def test_whose_side_the_victims_are(title: str, body: str, want: str) -> None:
    assert extract_facts(title, body, PUB).victim_side == want


def test_the_scene_beside_a_statement_without_a_place() -> None:
    facts = extract_facts(
        "Prosecutors examine a new drone video",
        "Regional prosecutors opened a case on Monday. The footage was first posted by a "
        "Russian channel in Kupiansk. It shows two Ukrainian soldiers who walked out to surrender"
        " near the village of Novoselivka Druha. Moments later a drone dropped a "
        "grenade and the surrendering men were killed on the spot.",
        PUB,
    )
    assert "Novoselivka Druha" in facts.locations


def test_olenivka_in_its_russian_official_spelling() -> None:
    facts = extract_facts(
        "Годовщина взрыва в Еленовке",
        "Три года назад в колонии в Еленовке погибли более 50 украинских военнопленных.",
        PUB,
    )
    assert facts.locations == ("Olenivka",)


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        (
            "Під Лиманом окупанти розстріляли полонених",
            "Окупанти захопили шістьох бійців. Полонених поставили в ряд і відкрили вогонь. "
            "П'ятьох убито. Шостий, поранений, зміг доповзти до своїх.",
            5,
        ),
        (
            "Blogger: our wounded men were shot after capture near Tetkino",
            "Our wounded guys stayed behind and were captured. Today the enemy posted the "
            "video: both were shot as they lay on the ground.",
            2,
        ),
    ],
)
def test_a_count_told_without_a_noun(title: str, body: str, want: int) -> None:
    assert extract_facts(title, body, PUB).victims == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # the day the men were captured, told beside the statement
        (
            "Survivors describe how Russian soldiers shot their comrades after capture",
            "Two survivors told investigators how Russian troops shot four of their captured "
            "comrades near Lyman. The prosecutor's office said the six men were captured on "
            "2 June when their trench was overrun.",
            date(2025, 6, 2),
        ),
        # the day a video appeared is not the killing's
        (
            "Поранені бійці залишилися на позиції — згодом їх розстріляли",
            "Окупанти добили трьох поранених бійців біля Лимана. А 18 травня в російському "
            "телеграм-каналі з'явилося відео з тілами.",
            None,
        ),
    ],
)
def test_the_day_beside_the_statement(title: str, body: str, want: date | None) -> None:
    assert extract_facts(title, body, PUB).incident_date == want


def test_the_scene_of_men_who_came_out_with_hands_raised() -> None:
    facts = extract_facts(
        "Prosecutors examine a new drone video",
        "Regional prosecutors opened a case on Monday. The footage was first posted by a "
        "Russian channel in Kupiansk. It shows two Ukrainian soldiers who walked out with their "
        "hands raised near the village of Novoselivka Druha. Moments later a drone dropped a "
        "grenade and the surrendering men were killed on the spot.",
        PUB,
    )
    assert facts.locations == ("Novoselivka Druha",)


@pytest.mark.parametrize(
    ("body", "origin"),
    [
        (
            "The soldier shot after surrendering near Lyman was a 31-year-old rifleman from a "
            "village in Poltava Oblast, his brigade said.",
            "Poltava Oblast",
        ),
        (
            "He was a sniper with a battalion from Chernihiv region, taken prisoner near Lyman "
            "and shot.",
            "Chernihiv Oblast",
        ),
        (
            "Полоненого, уродженця Вінниччини, окупанти розстріляли під Лиманом.",
            "Vinnytsia Oblast",
        ),
    ],
)
def test_where_a_victim_came_from_is_not_the_scene(body: str, origin: str) -> None:
    facts = extract_facts("Captured soldier shot near Lyman identified", body, PUB)
    assert "Lyman" in facts.locations and origin not in facts.locations


def test_videos_from_a_place_are_from_the_scene() -> None:
    facts = extract_facts(
        "UN urges a probe of the videos from Lyman",
        "The UN said the videos from Lyman appear to show soldiers shot after surrendering.",
        PUB,
    )
    assert facts.locations == ("Lyman",)


def test_a_unit_transferred_elsewhere_later_is_not_the_scene() -> None:
    facts = extract_facts(
        "Russian commander jailed for the execution of two POWs near Orlivka",
        "A court sentenced a Russian commander for ordering the execution of two Ukrainian "
        "prisoners of war near Orlivka. Prosecutors said he was later transferred with his "
        "unit to the Pokrovsk direction, where he was wounded.",
        PUB,
    )
    assert facts.locations == ("Orlivka",)


@pytest.mark.parametrize(
    "body",
    [
        "Суд встановив, що біля села Білогорівка Луганської області обвинувачений вивів з "
        "бліндажа українського захисника, поставив його на коліна і вистрілив йому в потилицю.",
        "Суд установил, что у села Белогоровка Луганской области обвиняемый вывел из блиндажа "
        "украинского защитника, поставил его на колени и выстрелил ему в затылок.",
    ],
)
def test_a_shot_in_the_back_of_the_head_tells_the_scene(body: str) -> None:
    title = "Росіянину, який застрелив полоненого біля Білогорівки, дали довічне"
    facts = extract_facts(title, "Вирок ухвалив суд у Краматорську.\n\n" + body, PUB)
    assert set(facts.locations) == {"Bilohorivka", "Luhansk Oblast"}


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Вбивство полонених під Роботиним: встановлено підозрюваного",
            "СБУ повідомила про підозру російському військовому, який розстріляв двох полонених "
            "під Роботиним.",
        ),
        (
            "Убийство пленных под Работино: установлен подозреваемый",
            "СБУ сообщила о подозрении российскому военному, который расстрелял двоих пленных "
            "под Работино.",
        ),
    ],
)
def test_the_soldier_who_shot_them_is_not_their_side(title: str, body: str) -> None:
    assert extract_facts(title, body, PUB).victim_side == "Ukrainian"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Москва заявила о расстреле российских пленных под Курском", ["Kursk Oblast"]),
        ("Пленных расстреляли под Брянском и в Белгороде", ["Bryansk Oblast", "Belgorod Oblast"]),
        ("Полонених розстріляли у селі Курське", ["Kurske"]),
    ],
)
def test_russian_cities_name_their_oblasts_not_ukrainian_villages(
    text: str, want: list[str]
) -> None:
    assert canonical_places(text) == want


def test_a_list_of_cases_under_a_cases_headline_is_a_recap() -> None:
    facts = extract_facts(
        "The cases prosecutors opened this year",
        "Prosecutors are investigating the killing of surrendered soldiers in several places: "
        "seven men shot near Ivanivske in February, three captured marines killed near Krynky "
        "in April and nine captives shot near Robotyne in October.",
        PUB,
    )
    assert facts.victims is None
    assert {"Ivanivske", "Krynky", "Robotyne"} <= set(facts.locations)


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # the counted group is the suspects, the witnesses who tell it, or a bigger tally
        ("Two Russian paratroopers suspected of shooting three Ukrainian prisoners", "", 3),
        (
            "Freed soldiers describe a comrade's killing",
            "Four Ukrainian soldiers freed in an exchange last week have told investigators that "
            "Russian troops shot one of their comrades shortly after they were captured.",
            1,
        ),
        (
            "Exchange: a fellow soldier was shot, freed men say",
            "Several of the freed men told the headquarters that a fellow soldier, wounded in the "
            "leg, was shot by Russian troops on the day of capture near Lyptsi.",
            1,
        ),
        (
            "Bodies of marines shot after surrender returned",
            "Ukraine received the bodies of 502 soldiers, among them six marines who were shot "
            "after they surrendered near Krynky, officials said.",
            6,
        ),
        (
            "Testimonies describe killings after capture",
            "Their accounts describe the killing of three members of their group shortly after "
            "capture near Bakhmut.",
            3,
        ),
        ("Body of missing soldier found with hands taped behind his back near Lyman", "", 1),
        # a group named as the victims, then "prosecutors say": still the victims
        ("Two Ukrainian soldiers shot with raised hands near Lyman, prosecutors say", "", 2),
    ],
)
def test_who_the_counted_group_is(title: str, body: str, want: int) -> None:
    assert extract_facts(title, body, PUB).victims == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # a wire dateline is the filing day
        (
            "UN documents the killing of a wounded captive",
            "GENEVA, Jun 12 (Wire) - The UN monitoring mission said it had documented a case in "
            "which soldiers killed a wounded captured serviceman near Lyman.",
            None,
        ),
        (
            "Soldier says comrades were shot after capture",
            "MOSCOW, Jun 12. /Agency/. A soldier who escaped captivity said his three wounded "
            "comrades were shot after capture near Lyman.",
            None,
        ),
        # the day of an exchange is not the killing's
        (
            "75 defenders return home; freed men tell of a comrade shot",
            "Seventy-five Ukrainian prisoners of war returned home on June 12 in an exchange. "
            "The freed men said a wounded comrade was shot by Russian troops after capture.",
            None,
        ),
        # the day the men were surrounded, told before the statement
        (
            "Five surrendered soldiers shot near Lyman",
            "According to investigators, on 9 June a group of seven servicemen was surrounded "
            "near Lyman. Russian troops shot five of them after they surrendered.",
            date(2025, 6, 9),
        ),
    ],
)
def test_which_day_is_the_killings(title: str, body: str, want: date | None) -> None:
    assert extract_facts(title, body, PUB).incident_date == want


def test_a_town_taken_earlier_is_not_the_scene() -> None:
    facts = extract_facts(
        "Commander suspected of ordering the execution of 16 POWs near Verbove",
        "When the front moved after the liberation of Robotyne, a group of Ukrainian soldiers "
        "was encircled near Verbove. The Russians shot sixteen of them after they laid down their "
        "arms near Verbove.",
        PUB,
    )
    assert facts.locations == ("Verbove",)


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # the agent of a passive names the killers' side
        (
            "Soldier who escaped captivity tells of his unit's fate",
            "Four soldiers were taken prisoner near Lyman. The wounded were shot by Ukrainian "
            "servicemen on the spot, the soldier said.",
            "Russian",
        ),
        (
            "Investigators: two captured border guards murdered",
            "Investigators opened a case over the murder of two border guards who were captured "
            "by Ukrainian sabotage and reconnaissance groups near the border.",
            "Russian",
        ),
        # a participle names its soldiers as the victims, not the killers
        (
            "Кількість страчених полонених зросла до дев'яти",
            "Кількість українських військових, розстріляних окупантами після взяття в полон, "
            "зросла до дев'яти.",
            "Ukrainian",
        ),
        # an active participle names the killer
        ("СБУ установила российского военного, расстрелявшего троих пленных", "", "Ukrainian"),
        # a report on both parties gives no one side
        (
            "Monitors: executions of captives rise",
            "The mission documented the executions of 173 Ukrainian servicemen hors de combat. "
            "It also documented the executions of 41 Russian servicemen hors de combat by "
            "Ukrainian forces. Both parties should protect all persons hors de combat and "
            "investigate all allegations of summary executions.",
            None,
        ),
    ],
)
def test_whose_side_in_passives_participles_and_reports(
    title: str, body: str, want: str | None
) -> None:
    assert extract_facts(title, body, PUB).victim_side == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # the second of a pair of villages
        (
            "Two captured soldiers shot on a road in Kharkiv Oblast",
            "Prosecutors said Russian troops shot two captured Ukrainian soldiers on the road "
            "between the villages of Kruhliakivka and Kivsharivka.",
            {"Kruhliakivka", "Kivsharivka", "Kharkiv Oblast"},
        ),
        # the captive set up one sentence before the shots
        (
            "На Гуляйпільському напрямку окупанти вбили бійця, який здавався",
            "Сили оборони оприлюднили відео, на якому український військовий із білою ганчіркою "
            "в руці виходить з посадки поблизу Малинівки. Через кілька секунд по ньому "
            "відкривають вогонь.",
            {"Huliaipole", "Malynivka"},
        ),
        # wounded civilians elsewhere, an office's adjective, a breadcrumb: not the scene
        (
            "Біля Кучерівки знайшли тіла військових зі зв'язаними руками",
            "Головна » Новини » Деокупація\n\nУ лісосмузі біля села Кучерівка поліцейські "
            "виявили тіла п'ятьох військових зі зв'язаними руками, повідомили в Головному "
            "управлінні поліції. Поранення дістали троє цивільних у Куп'янську.",
            {"Kucherivka"},
        ),
        # where a unit was moved from, and a town left earlier
        (
            "Осужденный застрелил двоих пленных у Урожайного",
            "Подразделение осужденного захватило в плен двоих бойцов бригады, переброшенной "
            "туда из-под Херсона. Пленных держали в подвале у Урожайного и затем застрелили.",
            {"Urozhaine"},
        ),
        (
            "Командира засудили за розстріл полонених у Водяному",
            "Вже після відходу Сил оборони з Авдіївки підрозділ захопив у полон трьох бійців у "
            "селі Водяне і розстріляв їх.",
            {"Vodiane"},
        ),
    ],
)
def test_which_places_are_the_scene(title: str, body: str, want: set[str]) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("body", "region"),
    [
        (
            "Russian troops shot a wounded captured soldier near Bilohorivka. Bilohorivka, a "
            "village on the Siverskyi Donets in Luhansk region, has been fought over since 2022.",
            "Luhansk Oblast",
        ),
        (
            "Окупанти розстріляли пораненого полоненого біля Білогорівки. Білогорівка — село на "
            "Сіверському Дінці в Луганській області.",
            "Luhansk Oblast",
        ),
    ],
)
def test_the_region_where_the_story_describes_the_village(body: str, region: str) -> None:
    facts = extract_facts("A captive was shot near Bilohorivka", body, PUB)
    assert set(facts.locations) == {"Bilohorivka", region}


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("Злочин скоєно 29.07.2024 поблизу Лиману.", [date(2024, 7, 29)]),
        ("Повідомлення оприлюднено 30.07.2024.", []),
        ("14.10.2022 07:13 | Переглядів: 28", []),
        ("March 26, 2024 14:12 GMT · Updated 3 hours ago", []),
        ("On July 29 at 05:30 Russian troops shot the captives.", [date(2024, 7, 29)]),
    ],
)
def test_numeric_days_and_page_time_stamps(sentence: str, want: list[date]) -> None:
    assert incident_dates(sentence, date(2024, 8, 1)) == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        ("Шістьох полонених розстріляли під Лиманом — прокуратура", "", 6),
        (
            "Постріли в голову одинадцятьом знерухомленим військовим: нове відео",
            "Аналітики встановили, що російські солдати стріляють у голову одинадцятьом "
            "знерухомленим українським військовим під Лиманом.",
            11,
        ),
        (
            "Командира засудили за розстріл полонених під Лиманом",
            "Він наказав розстріляти двух взятых в плен украинских военных под Лиманом.",
            2,
        ),
        ("Під Лиманом розстріляли полонених", "Троє потрапили в полон. Двоє загинули.", 2),
    ],
)
def test_number_words_in_more_cases(title: str, body: str, want: int) -> None:
    assert extract_facts(title, body, PUB).victims == want


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Пятерых пленных ВСУ казнили под Лиманом — Генпрокуратура", ""),
        (
            "Видео: военные ведут захваченных бойцов к лесополосе",
            "СБУ установила место съемки видео, на котором российские военные ведут троих "
            "захваченных украинских бойцов к лесополосе и расстреливают.",
        ),
        (
            "Двое российских военных расстреляли пленного под Лиманом",
            "Двое военнослужащих ВС РФ расстреляли украинского солдата, которого взяли в плен.",
        ),
    ],
)
def test_the_units_named_beside_captives_and_killers(title: str, body: str) -> None:
    assert extract_facts(title, body, PUB).victim_side == "Ukrainian"


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Commander: men who came out with raised hands were shot",
            "A company commander says Russian soldiers opened fire on members of his unit who had "
            "emerged from a basement near Lyman with their hands raised.",
        ),
        (
            "Два бійці загинули після полону під Лиманом",
            "Російські військові їх обшукали, поставили на коліна, а потім розстріляли.",
        ),
        (
            "Two captured soldiers were shot near Lyman, the brigade says",
            "Two soldiers of the brigade were shot the next day near Lyman, the brigade said, "
            "citing a Russian prisoner who had seen it.",
        ),
    ],
)
def test_captors_who_opened_fire_or_searched_and_a_prisoner_who_tells(
    title: str, body: str
) -> None:
    assert extract_facts(title, body, PUB).victim_side == "Ukrainian"


def test_a_short_storys_only_place_is_the_scene() -> None:
    title = "Intercepted call: 'we sorted out the two from this morning'"
    body = (
        "Military intelligence released a call in which a soldier tells his wife that two men "
        'his squad took in the morning near Synkivka "are sorted, no need to feed them."\n\n'
        "Investigators later found two bodies in Ukrainian uniform in a barn. Both were shot at "
        "close range. A case into the murder of prisoners of war has been opened."
    )
    assert extract_facts(title, body, PUB).locations == ("Synkivka",)


def test_a_long_storys_only_place_is_not_the_scene_of_a_passing_mention() -> None:
    title = "Ministers open talks on the energy package"
    body = (
        "Ministers met on Tuesday to open talks on the energy package. The talks will cover "
        "grids, storage and prices. Diplomats said a compromise had been found after weeks. "
        "The minister said the country was ready to move fast. She also condemned the "
        "execution of prisoners of war by Russian forces, documented by monitors. A second "
        "round is planned for the spring. Observers from Zakarpattia region will attend."
    )
    assert extract_facts(title, body, PUB).locations == ()


def test_a_killing_told_after_its_captives_takes_their_place_and_count() -> None:
    title = "Что видел наш дрон"
    body = (
        "Запись с нашего дрона, вчера около 16:00. Четверых бойцов ВСУ оккупанты выводят из "
        "подвала на окраине Новомихайловки, без оружия. Ставят на колени у забора. Через "
        "минуту у забора никто не шевелится."
    )
    facts = extract_facts(title, body, PUB)
    assert "Novomykhailivka" in facts.locations
    assert facts.victims == 4
