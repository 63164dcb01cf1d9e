"""Canonical URLs, url keys and MinHash near-duplicate signatures (texts written for the tests)."""

from __future__ import annotations

import pytest

from bot.incidents.dedup import (
    NEAR_DUP_THRESHOLD,
    NUM_PERM,
    Signature,
    band_keys,
    canonical_url,
    content_signature,
    signature_from_bytes,
    signature_to_bytes,
    similarity,
    url_key,
)

BASE = "https://example.org/news/2024/10/01/story"


@pytest.mark.parametrize(
    "variant",
    [
        BASE,
        "http://example.org/news/2024/10/01/story",
        "HTTPS://WWW.Example.ORG/news/2024/10/01/story/",
        "https://m.example.org/news/2024/10/01/story",
        "https://mobile.example.org/news/2024/10/01/story",
        "https://amp.example.org/news/2024/10/01/story",
        "https://example.org:443/news/2024/10/01/story",
        "http://example.org:80/news/2024/10/01/story",
        "https://example.org/news/2024/10/01/story/amp",
        "https://example.org/news/2024/10/01/story/amp/",
        "https://example.org/amp/news/2024/10/01/story",
        "https://example.org/news/2024/10/01/story.amp",
        "https://example.org/news/2024/10/01/story?amp",
        "https://example.org/news/2024/10/01/story?amp=1",
        "https://example.org/news/2024/10/01/story?outputType=amp",
        "https://example.org/news/2024/10/01/story#comments",
        "https://example.org/news/2024/10/01/story?utm_source=rss&utm_medium=feed",
        "https://example.org/news/2024/10/01/story?fbclid=abc123",
        "https://example.org/news/2024/10/01/story?gclid=x&yclid=y&mc_cid=1&mc_eid=2",
        "https://example.org/news/2024/10/01/story?ref=homepage&cmpid=nl",
        "https://example.org/news/2024/10/01/story?at_medium=social&at_campaign=tw",
        "  https://www.example.org/news/2024/10/01/story/?utm_campaign=x#top  ",
    ],
)
def test_canonical_url_variants_collapse(variant: str) -> None:
    assert canonical_url(variant) == BASE


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=2&a=1", "https://example.org/a?a=1&b=2"),
        ("https://example.org/a?id=7&utm_source=x", "https://example.org/a?id=7"),
        ("https://example.org:8080/a/", "https://example.org:8080/a"),
        ("https://example.org/", "https://example.org"),
        ("https://example.org/story.amp.html", "https://example.org/story.html"),
        ("https://m.co/x", "https://m.co/x"),  # a short host is not a mobile prefix
        ("tag:example.org,2024:post-17", "tag:example.org,2024:post-17"),
    ],
)
def test_canonical_url_details(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_canonical_url_idna_host_and_encoded_path() -> None:
    unicode_form = canonical_url("https://новини.укр/статті/1")
    assert unicode_form.startswith("https://xn--b1amarcd.xn--j1amh/%D1%81%D1%82")
    assert canonical_url(
        "http://www.XN--B1AMARCD.xn--j1amh/%d1%81%d1%82%d0%b0%d1%82%d1%82%d1%96/1"
    ) == (unicode_form)


def test_canonical_url_keeps_meaningful_params_apart() -> None:
    assert canonical_url("https://example.org/a?id=1") != canonical_url(
        "https://example.org/a?id=2"
    )


def test_url_key_is_sha256_hex() -> None:
    key = url_key(BASE)
    assert len(key) == 64
    assert key == url_key(canonical_url("http://www.example.org/news/2024/10/01/story/?ref=x"))
    assert key != url_key(BASE + "-2")


ORIGINAL = (
    "Prosecutors in the region said on Tuesday that soldiers of an assault unit shot four "
    "captured defenders near a ruined farm after disarming them. Drone footage reviewed by "
    "investigators shows the men being led out of a trench with their hands raised, then made "
    "to lie on the ground before the shooting started. A criminal case was opened under the "
    "article on violations of the laws and customs of war, and investigators are identifying "
    "the unit involved. The regional office said it was the third such case this month and "
    "urged international monitors to document the evidence collected so far."
)
SYNDICATED = (
    ORIGINAL.replace("said on Tuesday", "said Tuesday").replace("ruined farm", "destroyed farm")
    + " This story was first published by a partner outlet and is republished with permission."
)
UPDATED = (
    ORIGINAL.replace("are identifying the unit involved", "have identified the unit involved")
    + " Update: the brigade has since named two of the four soldiers who were killed."
)
UNRELATED = (
    "The city council approved a new budget for road repairs on Monday, with most of the money "
    "going to bridges damaged by spring floods. Officials said tenders would be announced in "
    "June and that work on the central avenue should be finished before the school year begins."
)
SAME_STORY_REWRITTEN = (
    "Four disarmed servicemen were killed by an enemy assault group after surrendering near a "
    "farm, according to regional prosecutors, who cited drone video and opened a war crimes case."
)


@pytest.mark.parametrize(
    ("other", "is_duplicate"),
    [
        (SYNDICATED, True),
        (UPDATED, True),
        (ORIGINAL, True),
        (UNRELATED, False),
        (SAME_STORY_REWRITTEN, False),  # same incident, own words: incidents.py decides that
    ],
)
def test_near_duplicate_detection(other: str, is_duplicate: bool) -> None:
    a = content_signature("Four captured soldiers shot", ORIGINAL)
    b = content_signature("Four captured soldiers shot", other)
    assert (similarity(a, b) >= NEAR_DUP_THRESHOLD) is is_duplicate


def test_near_duplicates_share_a_band() -> None:
    a = band_keys(content_signature("t", ORIGINAL))
    b = band_keys(content_signature("t", SYNDICATED))
    assert len(a) == NUM_PERM // 4
    assert set(a) & set(b)
    assert not set(a) & set(band_keys(content_signature("t", UNRELATED)))


def test_signature_is_deterministic_and_round_trips() -> None:
    sig = content_signature("Title", ORIGINAL)
    assert sig == content_signature("Title", ORIGINAL)
    blob = signature_to_bytes(sig)
    assert len(blob) == NUM_PERM * 4
    assert signature_from_bytes(blob) == sig


def test_normalisation_ignores_case_and_apostrophes() -> None:
    a = content_signature("", "Окупанти розстріляли п'ятьох полонених біля села")
    b = content_signature("", "ОКУПАНТИ розстріляли пʼятьох полонених біля села")
    assert similarity(a, b) == 1.0


def test_empty_text_matches_nothing() -> None:
    empty = content_signature("", "  ")
    assert empty == Signature(b"")
    assert band_keys(empty) == []
    assert similarity(empty, empty) == 0.0
