"""The place hierarchy (bot/incidents/regions.py) and the gazetteer (bot/detect/gazetteer.py)
stay in step."""

from __future__ import annotations

import pytest

from bot.detect import gazetteer
from bot.incidents import regions
from bot.incidents.regions import area, is_within, level, oblast, parents

# names the gazetteer knows but whose district is not recorded on purpose
_UNPLACED = {"Crimea", "Vesele"}  # Crimea has no oblast parent; several villages are "Vesele"


def _gazetteer_names() -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {}
    for entries in gazetteer._INDEX.values():
        for entry in entries:
            kinds.setdefault(entry.canonical, set()).add(entry.kind)
    return kinds


def test_every_gazetteer_place_has_a_parent() -> None:
    orphans = [
        name
        for name in _gazetteer_names()
        if level(name) != "oblast" and not parents(name) and name not in _UNPLACED
    ]
    assert orphans == []


def test_every_hierarchy_place_is_in_the_gazetteer() -> None:
    known = _gazetteer_names()
    names = [*regions._SETTLEMENTS, *regions._DISTRICTS]
    missing = [n for n in names if n not in known and n != "Donetsk"]  # the city: too ambiguous
    assert missing == []


def test_every_parent_oblast_is_a_gazetteer_oblast() -> None:
    known = _gazetteer_names()
    for name in [*regions._SETTLEMENTS, *regions._DISTRICTS]:
        top = oblast(name)
        assert top is not None, name
        assert "oblast" in known[top], top


@pytest.mark.parametrize(
    ("place", "district", "top"),
    [
        ("Chasiv Yar", "Bakhmut district", "Donetsk Oblast"),
        ("Stepnohirsk", "Zaporizhzhia district", "Zaporizhzhia Oblast"),
        ("Torske", "Kramatorsk district", "Donetsk Oblast"),
        ("Novoselivka Persha", "Pokrovsk district", "Donetsk Oblast"),
        ("Hola Prystan", "Skadovsk district", "Kherson Oblast"),
        ("Huliaipole", "Polohy district", "Zaporizhzhia Oblast"),
        ("Lyptsi", "Kharkiv district", "Kharkiv Oblast"),
    ],
)
def test_new_front_line_places_sit_in_their_district(place: str, district: str, top: str) -> None:
    assert parents(place) == (district, top)
    assert is_within(place, top)
    assert area(place) == district


def test_border_villages_fall_in_their_narrow_oblast() -> None:
    for place in ("Tetkino", "Korenevo", "Malaya Loknya"):
        assert area(place) == "Kursk Oblast"
    for place in ("Kozinka", "Grayvoron", "Shebekino"):
        assert area(place) == "Belgorod Oblast"
