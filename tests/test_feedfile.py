"""feeds.yaml round trips: chat edits keep comments and order, never write an invalid file."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from bot.config import ConfigError, load_feeds
from bot.feeds.feedfile import (
    FeedFileError,
    FeedFileWatch,
    NewFeed,
    add_feeds,
    apply_edit,
    check_text,
    describe_changes,
    remove_feed,
    set_enabled,
    set_interval,
    unique_name,
)
from bot.models import FeedSpec

COMMENTED = """\
# Feeds powwatch watches (kept by hand and by the bot).
feeds:
  # English
  - name: Alpha News   # the first one
    url: https://alpha.test/rss
    language: en
  # Ukrainian
  - name: Beta
    url: https://beta.test/feed   # moved in 2024
    enabled: true  # keep on
  - name: Gamma
    url: https://gamma.test/atom.xml
# end of list
"""


@pytest.fixture
def feeds_file(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


def comments(text: str) -> list[str]:
    return [line.split("#", 1)[1].strip() for line in text.splitlines() if "#" in line]


def test_every_edit_keeps_comments_order_and_validity(feeds_file: Path) -> None:
    apply_edit(feeds_file, partial(set_interval, name="alpha news", seconds=600))
    apply_edit(feeds_file, partial(set_enabled, name="Beta", enabled=False))
    apply_edit(feeds_file, partial(add_feeds, new=[NewFeed("Delta: live", "https://d.test/?a=1")]))
    apply_edit(feeds_file, partial(remove_feed, name="Gamma"))

    text = feeds_file.read_text(encoding="utf-8")
    assert comments(text) == comments(COMMENTED)
    assert text.index("# Ukrainian") < text.index("name: Beta")
    assert "enabled: false" in text and "# keep on" in text
    feeds = load_feeds(feeds_file)  # exactly what a restart would read
    assert [f.name for f in feeds] == ["Alpha News", "Beta", "Delta: live"]
    assert feeds[0].interval == 600 and feeds[0].language == "en"
    assert feeds[1].enabled is False
    assert feeds[2].url == "https://d.test/?a=1"
    assert text.rstrip().endswith("# end of list")


def test_untouched_round_trip_is_byte_identical(feeds_file: Path) -> None:
    _, result = apply_edit(feeds_file, partial(set_enabled, name="Beta", enabled=True))
    assert result == ("Beta", False)
    assert feeds_file.read_text(encoding="utf-8") == COMMENTED


def test_removing_the_first_feed_keeps_the_next_section_header(feeds_file: Path) -> None:
    spec = apply_edit(feeds_file, partial(remove_feed, name="Alpha News"))[1]
    assert spec.url == "https://alpha.test/rss"
    text = feeds_file.read_text(encoding="utf-8")
    assert "# Ukrainian" in text and "# English" in text and "Alpha" not in text
    assert [f.name for f in load_feeds(feeds_file)] == ["Beta", "Gamma"]


def test_an_edit_that_would_be_invalid_leaves_the_file_alone(feeds_file: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        apply_edit(feeds_file, partial(add_feeds, new=[NewFeed("Beta", "ftp://x.test/")]))
    text = "\n".join(caught.value.problems)
    assert "feeds[3].name" in text and "used twice" in text
    assert "feeds[3].url" in text and "not http(s)" in text
    assert feeds_file.read_text(encoding="utf-8") == COMMENTED
    assert [p.name for p in feeds_file.parent.iterdir()] == ["feeds.yaml"]  # no temp files


def test_unknown_feed_is_a_user_facing_refusal(feeds_file: Path) -> None:
    with pytest.raises(FeedFileError, match="no feed named “Nope”"):
        apply_edit(feeds_file, partial(remove_feed, name="Nope"))


def test_save_keeps_the_file_mode(feeds_file: Path) -> None:
    feeds_file.chmod(0o640)
    apply_edit(feeds_file, partial(set_interval, name="Gamma", seconds=900))
    assert feeds_file.stat().st_mode & 0o777 == 0o640


def test_errors_name_the_file_the_line_and_the_field(tmp_path: Path) -> None:
    bad = COMMENTED.replace("https://beta.test/feed", "ftp://beta.test/feed")
    with pytest.raises(ConfigError) as caught:
        check_text(bad, "feeds.yaml")
    assert caught.value.problems == [
        "feeds.yaml: line 9: feeds[1].url: 'ftp://beta.test/feed' is not http(s)"
    ]
    with pytest.raises(ConfigError) as caught:
        check_text("feeds:\n  - name: [oops\n", "feeds.yaml")
    assert caught.value.problems[0].startswith("feeds.yaml: line 3, column 1: invalid YAML")


def test_watch_reports_hand_edits_once(feeds_file: Path) -> None:
    watch = FeedFileWatch(feeds_file)
    first = watch.check()
    assert first is not None and first.feeds is not None and len(first.feeds) == 3
    assert watch.check() is None  # unchanged

    feeds_file.write_text(COMMENTED.replace("language: en", "language: xx"), encoding="utf-8")
    broken = watch.check()
    assert broken is not None and broken.error is not None and broken.feeds is None
    assert "line 6: feeds[0].language" in broken.error.problems[0]
    feeds_file.write_text(COMMENTED.replace("language: en", "language: xx"), encoding="utf-8")
    assert watch.check() is None  # same broken content again: no second report

    feeds_file.write_text(COMMENTED.replace("Gamma", "Gamma Ray"), encoding="utf-8")
    fixed = watch.check()
    assert fixed is not None and fixed.was_broken and fixed.feeds is not None
    assert fixed.feeds[2].name == "Gamma Ray"

    feeds_file.unlink()
    missing = watch.check()
    assert missing is not None and missing.error is not None
    assert "does not exist" in missing.error.problems[0]
    assert watch.check() is None


def test_describe_changes_and_unique_names() -> None:
    old = (FeedSpec("A", "https://a.test/"), FeedSpec("B", "https://b.test/"))
    new = (FeedSpec("A2", "https://a.test/"), FeedSpec("C", "https://c.test/", interval=60))
    assert describe_changes(old, new) == "added: C; removed: B; renamed: A → A2"
    assert describe_changes(old, old) == "order or comments only"
    assert unique_name("Alpha", ["alpha", "Alpha (2)"]) == "Alpha (3)"
    assert unique_name("New", ["Old"]) == "New"
