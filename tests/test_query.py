"""/search text -> FTS clauses and filters: language-aware, never raw FTS syntax."""

from __future__ import annotations

from datetime import date

import pytest

from bot.reports.query import parse_count, parse_query, stem


@pytest.mark.parametrize(
    ("text", "must_match"),
    [
        ("Pokrovsk", ["покровськ", "покровську", "покровском", "красноармейск"]),
        ("Покровськ", ["pokrovsk", "покровска"]),
        ("Kursk", ["курщина", "курская область", "курській області"]),
    ],
)
def test_place_names_expand_across_languages(text: str, must_match: list[str]) -> None:
    fts = parse_query(text).fts
    assert fts is not None
    for variant in must_match:
        assert f'"{variant}"' in fts


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("полонених", "полонен"),
        ("пленных", "пленн"),
        ("розстріляли", "розстрілял"),
        ("расстреляли", "расстрелял"),
        ("executed", "executed"),
        ("ПЛЕНЁННЫХ", "плененн"),
    ],
)
def test_cyrillic_words_lose_their_endings(word: str, root: str) -> None:
    assert stem(word) == root


def test_filters_are_parsed() -> None:
    q = parse_query(
        "shot since:2024-10-01 until:2024-12-31 lang:uk place:Pokrovsk min:5 flagged:only"
    )
    assert q.since == date(2024, 10, 1)
    assert q.until == date(2024, 12, 31)
    assert q.language == "uk"
    assert q.places == ("Pokrovsk",)
    assert q.min_victims == 5
    assert q.flagged_only
    assert q.fts is not None
    assert q.fts.startswith('"shot"* AND ("pokrovsk" OR')  # place: narrows by any spelling


def test_bad_filters_are_explained_not_fatal() -> None:
    q = parse_query("POWs since:yesterday lang:de place:Atlantis min:many flagged:maybe")
    assert len(q.problems) == 5
    assert q.fts == '"pows"*'


@pytest.mark.parametrize("hostile", ['"unbalanced', "NEAR(a b)", "a* -b OR c", "((x", "'; drop"])
def test_fts_syntax_is_always_quoted(hostile: str) -> None:
    fts = parse_query(hostile).fts or ""
    outside_quotes = "".join(fts.split('"')[::2])
    assert set(outside_quotes) <= set(" *ANDOR()")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("5", 5),
        ("100", 100),
        ("1", 1),
        ("0", None),  # below the range
        ("101", None),
        ("²", None),
        ("١٢", None),
        ("０５", None),
        ("05", None),
        ("0099999", None),
        ("-1", None),
        ("+5", None),
        (" 5", None),
        ("5.0", None),
        ("", None),
        ("9" * 40, None),
    ],
)
def test_one_parser_for_counts(raw: str, expected: int | None) -> None:
    assert parse_count(raw, 1, 100) == expected


def test_min_filter_takes_only_plain_numbers() -> None:
    assert parse_query("min:5").min_victims == 5
    assert parse_query("min:0").min_victims == 0
    for bad in ("min:²", "min:١٢", "min:007", "min:999999"):
        query = parse_query(bad)
        assert query.min_victims is None and query.problems, bad
