"""The full gazetteer from the KATOTTG codifier: transliteration, inflected and Russian forms,
same-name villages, place context, and the hierarchy it feeds (sentences written here)."""

from __future__ import annotations

import gzip
import importlib.util
from datetime import date
from pathlib import Path

import pytest

from bot.detect import canonical_places, place_variants
from bot.detect.classify import classify
from bot.detect.extract import extract_facts
from bot.detect.gazetteer import find_places
from bot.detect.katottg import DATA, index
from bot.detect.translit import kmu2010, russian_forms
from bot.incidents.regions import area, parents

PUB = date(2024, 10, 18)


@pytest.mark.parametrize(
    ("uk", "en"),
    [
        # word-initial є ї й ю я, and elsewhere; зг -> zgh; ь and the apostrophe dropped
        ("Єнакієве", "Yenakiieve"),
        ("Їжакевич", "Yizhakevych"),
        ("Йосипівка", "Yosypivka"),
        ("Юр'ївка", "Yurivka"),
        ("Яготин", "Yahotyn"),
        ("Стрий", "Stryi"),
        ("Корюківка", "Koriukivka"),
        ("Феодосія", "Feodosiia"),
        ("Згурівка", "Zghurivka"),
        ("Розгон", "Rozghon"),
        ("Знам'янка", "Znamianka"),
        ("Щербанівка", "Shcherbanivka"),
        ("Ґорбані", "Gorbani"),
        ("Біла Церква", "Bila Tserkva"),
        ("Івано-Франківськ", "Ivano-Frankivsk"),
    ],
)
def test_national_transliteration(uk: str, en: str) -> None:
    assert kmu2010(uk) == en


@pytest.mark.parametrize(
    ("uk", "ru"),
    [
        ("Петрівка", "Петровка"),
        ("Андріївка", "Андреевка"),
        ("Іванівське", "Ивановское"),
        ("Новоолександрівка", "Новоалександровка"),
        ("П'ятихатки", "Пятихатки"),
        ("Нова Каховка", "Новая Каховка"),
        ("Шахове", "Шахово"),
        # Russian spellings that differ in the root or the ending (session 5)
        ("Світле", "Светлое"),
        ("Вільне", "Вольное"),
        ("Кринки", "Крынки"),
        ("Бердичі", "Бердычи"),
        ("Піщане", "Песчаное"),
        ("Новоекономічне", "Новоэкономическое"),
        ("Червоногорівка", "Красногоровка"),
        # a plural adjective first word (round 10): hard -ые, soft or after к/г/х -ие
        ("Малі Щербаки", "Малые Щербаки"),
        ("Нові Кошари", "Новые Кошары"),
        ("Великі Проходи", "Великие Проходы"),
        ("Нижні Орішники", "Нижние Орешники"),
    ],
)
def test_russian_spelling(uk: str, ru: str) -> None:
    assert ru in russian_forms(uk)


def test_the_data_file_covers_the_whole_codifier() -> None:
    rows = [ln for ln in gzip.decompress(DATA.read_bytes()).decode().splitlines() if ln[:1] != "#"]
    kinds = [r.split("\t")[0] for r in rows]
    assert kinds.count("O") == 25 and kinds.count("P") == 136
    assert kinds.count("C") + kinds.count("X") + kinds.count("M") > 29_000
    assert len(index().names) > 29_000


def test_the_data_files_spellings_are_translits() -> None:
    # English and Russian columns are made at build time; a stale file would disagree
    rows = [ln.split("\t") for ln in gzip.decompress(DATA.read_bytes()).decode().splitlines()]
    rows = [r for r in rows if r[0][:1] != "#"]
    for _kind, _code, uk, _parent, en, ru in rows[::97]:
        assert en == kmu2010(uk), uk
        assert ru.split(",") == (russian_forms(uk) or [""]), uk


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a small village, inflected, in Ukrainian, Russian and English
        ("Окупанти розстріляли полонених біля Згурівки", ["Zghurivka"]),
        ("Пленных расстреляли возле Згуровки", ["Zghurivka"]),
        ("The captured men were shot near Zghurivka", ["Zghurivka"]),
        ("у селі Новоолександрівка, под Новоалександровкой", ["Novooleksandrivka"]),
        # adjective names decline as adjectives, "-піль" and "-ів" alternate their vowel
        ("бої біля Борової Ізюмського району", ["Borova", "Izium district"]),
        ("у Боровій Ізюмського району", ["Borova", "Izium district"]),
        ("розстріляли полонених біля Ямполя", ["Yampil"]),
        ("у селі Сніжна, біля Сніжної", ["Snizhna"]),
        # Russian region nouns: "на Харьковщине", "Донетчина"
        ("у села Табаевка на Харьковщине", ["Tabaivka", "Kharkiv Oblast"]),
        ("бои на Донетчине и на Луганщине", ["Donetsk Oblast", "Luhansk Oblast"]),
        # two-word names decline in both words
        ("в селе Зеленый Гай и у Зеленому Гаї", ["Zelenyi Hai"]),
        # a shared name: the district named nearby resolves it, else it stays bare
        ("біля Петрівки Ізюмського району", ["Petrivka", "Izium district"]),
        ("біля Петрівки", ["Petrivka"]),
        ("near Petrivka in Kharkiv Oblast", ["Petrivka", "Kharkiv Oblast"]),
        # only a capitalised name in a place context counts
        ("Перемога буде за нами", []),
        ("Веселе свято, у веселому настрої", []),
        ("the village of Peremoha", ["Peremoha"]),
        # big cities, countries and unit names are not villages here
        ("у Києві, у Молдові, бійці Азову, в Риге", []),
        ("у Харкові, під Запоріжжям, біля Азова, у Молдові", []),
        # streets are named after people, as villages are
        ("the killings took place around Ivana Franka, Maksyma Ridzanycha streets", []),
        # the hand list still wins for front-line places
        ("під Покровськом і у Миколаївці", ["Pokrovsk", "Mykolaivka"]),
    ],
)
def test_codifier_places_in_text(text: str, places: list[str]) -> None:
    assert canonical_places(text) == places


@pytest.mark.parametrize(
    ("text", "within"),
    [
        ("біля Петрівки Ізюмського району", "Izium district"),  # one Petrivka there
        ("у Петрівці на Харківщині, Ізюмський район", "Izium district"),
        ("біля Петрівки Покровського району", "Pokrovsk district"),  # two, both in it
        ("біля Петрівки", ""),  # dozens: no guess
        ("near Petrivka in Kharkiv Oblast", ""),  # several districts of the oblast
        ("у селі Згурівка", "Brovary district"),  # a unique name
    ],
)
def test_same_name_villages_resolved_by_district_or_oblast(text: str, within: str) -> None:
    hit = next(h for h in find_places(text) if h.canonical == "Petrivka" or h.kind == "settlement")
    assert hit.within == within


def test_hierarchy_of_codifier_places() -> None:
    assert parents("Zghurivka") == ("Brovary district", "Kyiv Oblast")
    assert parents("Petrivka (Izium district)") == ("Izium district", "Kharkiv Oblast")
    assert parents("Petrivka") == ()  # dozens of Petrivkas: no guess
    assert parents("Haisyn district") == ("Vinnytsia Oblast",)
    assert area("Zghurivka") == "Brovary district"
    # the hand-kept front-line hierarchy is unchanged
    assert parents("Pokrovsk") == ("Pokrovsk district", "Donetsk Oblast")


def test_search_expands_a_codifier_place() -> None:
    forms = place_variants("Zghurivka")
    assert {"Згурівка", "Згурівці", "Згуровка", "Згуровке"} <= set(forms)


def test_small_village_reaches_the_facts() -> None:
    title = "Окупанти розстріляли трьох полонених біля Згурівки"
    facts = extract_facts(title, "", None, None, classify(title, ""))
    assert facts.locations == ("Zghurivka",)


def test_build_script_refuses_a_missing_codifier(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", Path(__file__).resolve().parent.parent / "scripts/build_gazetteer.py"
    )
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    out = tmp_path / "out.tsv.gz"
    assert script.main([str(tmp_path / "absent.xlsx"), "--out", str(out)]) == 2
    assert "build_gazetteer:" in capsys.readouterr().err and not out.exists()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Russian spellings of codifier villages, inflected, and English copy that romanizes them
        ("Бойцов расстреляли у Песчаного Купянского района.", "Pishchane"),
        ("Позиции под Бердычами были окружены.", "Berdychi"),
        ("near the settlement of Novoekonomicheskoye, the ministry said", "Novoekonomichne"),
        ("В районе Новоэкономического пленных расстреляли.", "Novoekonomichne"),
        ("a prisoner of war killed in Mariinka in October 2022", "Marinka"),
        ("near the village of Peschanoye in the Kupiansk district", "Pishchane"),
    ],
)
def test_other_spellings_of_a_codifier_village(text: str, place: str) -> None:
    assert place in canonical_places(text)


def test_an_alternative_spelling_never_beats_the_official_one() -> None:
    # "Dibrovka" is the official name of the villages called Дібровка; Дібрівка's Russian
    # form ("Дибровка") romanizes the same, and the official owner keeps it
    idx = index()
    assert "dibrovka" in idx.english and "dibrovka" in idx.english_alt
    assert canonical_places("near Dibrovka") == ["Dibrovka"]
    assert canonical_places("near Dibrivka") == ["Dibrivka"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a village across the border beside its oblast or district counts ...
        ("near the village of Martynovka in the Kursk region", ["Martynovka", "Kursk Oblast"]),
        (
            "в селе Русское Поречное Суджанского района",
            ["Russkoye Porechnoye", "Sudzha district"],
        ),
        ("у селі Руське Поріччя на Курщині", ["Russkoye Porechnoye", "Kursk Oblast"]),
        ("в районе Казачьей Локни Курской области", ["Kazachya Loknya", "Kursk Oblast"]),
        # ... and a Ukrainian village of the same name stays itself
        ("біля Мартинівки на Донеччині", ["Martynivka", "Donetsk Oblast"]),
        ("near Martynovka", ["Martynivka"]),
    ],
)
def test_villages_across_the_border(text: str, places: list[str]) -> None:
    assert canonical_places(text) == places


def test_a_border_village_counts_when_the_article_names_the_oblast() -> None:
    title = "Из семи пленных выжили двое: в Погребках расстреляли российских военных"
    body = (
        "Генеральная прокуратура России сообщила о расстреле пятерых российских "
        "военнослужащих, попавших в плен в селе Погребки Суджанского района."
    )
    facts = extract_facts(title, body, PUB)
    assert "Pogrebki" in facts.locations and "Pohrebky" not in facts.locations
