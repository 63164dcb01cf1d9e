"""Where canonical places sit: settlement -> district (raion, 2020 borders) -> oblast.

Pure data plus look-ups for incident matching. Names are the canonical English ones the
extractor emits; a name not listed here is treated as a settlement with no known parents.
"""

from __future__ import annotations

from typing import Literal

from bot.detect import place_parents

Level = Literal["settlement", "district", "oblast"]

_DISTRICTS: dict[str, str] = {
    "Pokrovsk district": "Donetsk Oblast",
    "Bakhmut district": "Donetsk Oblast",
    "Kramatorsk district": "Donetsk Oblast",
    "Volnovakha district": "Donetsk Oblast",
    "Kalmiuske district": "Donetsk Oblast",
    "Donetsk district": "Donetsk Oblast",
    "Horlivka district": "Donetsk Oblast",
    "Mariupol district": "Donetsk Oblast",
    "Polohy district": "Zaporizhzhia Oblast",
    "Vasylivka district": "Zaporizhzhia Oblast",
    "Zaporizhzhia district": "Zaporizhzhia Oblast",
    "Kherson district": "Kherson Oblast",
    "Skadovsk district": "Kherson Oblast",
    "Kakhovka district": "Kherson Oblast",
    "Svatove district": "Luhansk Oblast",
    "Sievierodonetsk district": "Luhansk Oblast",
    "Melitopol district": "Zaporizhzhia Oblast",
    "Beryslav district": "Kherson Oblast",
    "Bucha district": "Kyiv Oblast",
    "Sudzha district": "Kursk Oblast",
    "Korenevo district": "Kursk Oblast",
    "Kupiansk district": "Kharkiv Oblast",
    "Chuhuiv district": "Kharkiv Oblast",
    "Izium district": "Kharkiv Oblast",
    "Kharkiv district": "Kharkiv Oblast",
    "Huliaipole district": "Zaporizhzhia Oblast",  # a pre-2020 district, still named
}


def _towns(parent: str, names: str) -> dict[str, str]:
    return dict.fromkeys((n.strip() for n in names.split(",")), parent)


# settlement -> district (or the oblast itself when the district is not recorded)
_SETTLEMENTS: dict[str, str] = {
    **_towns(
        "Pokrovsk district",
        "Pokrovsk, Myrnohrad, Mykolaivka, Sukhyi Yar, Avdiivka, Karlivka, Stepove, Selydove,"
        " Udachne, Kotlyne, Shakhove, Novohrodivka, Kurakhove, Marinka, Krasnohorivka,"
        " Ocheretyne, Dobropillia, Rodynske, Hrodivka, Prohres, Orlivka, Tonenke, Berdychi,"
        " Novoselivka Persha, Zhelanne, Lastochkyne",
    ),
    **_towns(
        "Bakhmut district",
        "Bakhmut, Soledar, Ivanivske, Khromove, Niu-York, Chasiv Yar, Toretsk, Klishchiivka,"
        " Andriivka, Siversk, Bohdanivka, Kurdiumivka",
    ),
    **_towns(
        "Kramatorsk district", "Kramatorsk, Sloviansk, Kostiantynivka, Druzhkivka, Lyman, Torske"
    ),
    **_towns(
        "Volnovakha district", "Vuhledar, Volnovakha, Velyka Novosilka, Pavlivka, Staromaiorske"
    ),
    "Olenivka": "Kalmiuske district",
    "Donetsk": "Donetsk district",
    "Horlivka": "Horlivka district",
    "Mariupol": "Mariupol district",
    **_towns(
        "Polohy district",
        "Robotyne, Verbove, Novodarivka, Polohy, Huliaipole, Orikhiv, Tokmak, Mala Tokmachka,"
        " Novoprokopivka",
    ),
    **_towns("Zaporizhzhia Oblast", "Piatykhatky, Pryiutne"),
    **_towns("Vasylivka district", "Kamianske, Vasylivka, Enerhodar"),
    **_towns("Zaporizhzhia district", "Stepnohirsk, Zaporizhzhia"),
    **_towns("Kherson district", "Krynky, Kherson, Oleshky, Kozachi Laheri"),
    "Nova Kakhovka": "Kakhovka district",
    "Hola Prystan": "Skadovsk district",
    **_towns("Svatove district", "Makiivka, Svatove"),
    **_towns("Sievierodonetsk district", "Kreminna, Sievierodonetsk, Lysychansk, Bilohorivka"),
    **_towns("Bucha district", "Dmytrivka, Bucha, Irpin, Hostomel, Borodianka"),
    "Kupiansk": "Kupiansk district",
    "Vovchansk": "Chuhuiv district",
    **_towns("Izium district", "Izium, Balakliia"),
    **_towns("Kharkiv district", "Kharkiv, Lyptsi, Mala Rohan"),
    **_towns(
        "Kursk Oblast",
        "Zelenyi Shliakh, Sudzha, Malaya Loknya, Sverdlikovo, Plekhovo, Tetkino, Korenevo, Guevo",
    ),
    **_towns("Belgorod Oblast", "Kozinka, Grayvoron, Shebekino, Zhuravlevka, Nekhoteevka"),
    # the hand list's BORDER villages
    **_towns(
        "Kursk Oblast",
        "Martynovka, Russkoye Porechnoye, Cherkasskoye Porechnoye, Kazachya Loknya, Pogrebki,"
        " Goncharovka, Kurilovka, Zaoleshenka, Makhnovka, Kamyshevka, Kositsa, Lebedevka,"
        " Fanaseyevka, Olgovka, Lyubimovka, Tolpino, Kremyanoye, Komarovka, Vishnevka,"
        " Pushkarnoye, Glushkovo",
    ),
    **_towns(
        "Belgorod Oblast",
        "Glotovo, Novaya Tavolzhanka, Demidovka, Spodaryushino, Krasnaya Yaruga, Kolotilovka",
    ),
    **_towns("Bryansk Oblast", "Klimovo, Sushany"),
}

# Russian border oblasts: fighting there was confined to a strip the size of a raion, so the
# oblast alone locates an incident about as well as a Ukrainian district does.
NARROW_OBLASTS = frozenset({"Kursk Oblast", "Belgorod Oblast", "Bryansk Oblast"})


def level(place: str) -> Level:
    """Settlement, district or oblast (unknown names count as settlements)."""
    if place.endswith(" Oblast"):
        return "oblast"
    if place.endswith(" district") or place in _DISTRICTS:
        return "district"
    return "settlement"


def parents(place: str) -> tuple[str, ...]:
    """The known enclosing district and oblast of a place, innermost first.

    The hand-kept front-line data above comes first; any other Ukrainian settlement or
    district comes from the KATOTTG codifier (a shared village name left unresolved: ()).
    """
    chain: list[str] = []
    current = place
    for _ in range(3):
        parent = _SETTLEMENTS.get(current) or _DISTRICTS.get(current)
        if parent is None:
            if not chain and level(place) != "oblast":
                return place_parents(place)
            break
        chain.append(parent)
        current = parent
    return tuple(chain)


def oblast(place: str) -> str | None:
    """The oblast a place lies in (itself for an oblast), None when unknown."""
    if level(place) == "oblast":
        return place
    chain = parents(place)
    return chain[-1] if chain and level(chain[-1]) == "oblast" else None


def is_within(inner: str, outer: str) -> bool:
    """True if `outer` is `inner` or encloses it."""
    return inner == outer or outer in parents(inner)


def area(place: str) -> str:
    """The district (or narrow oblast, or the place itself) a place falls in: one front area."""
    if level(place) != "settlement":
        return place
    for parent in parents(place)[:1]:
        if level(parent) == "district" or parent in NARROW_OBLASTS:
            return parent
    return place


def is_seat_of_district(town: str, other: str) -> bool:
    """True if `town` names the district `other` lies in ("near Bakhmut" for Ivanivske)."""
    district = _SETTLEMENTS.get(other)
    return district is not None and district == f"{town} district" and town in _SETTLEMENTS
