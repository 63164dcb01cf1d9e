"""OPML export and import: round trip, escaping, nested categories, hostile documents."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.feeds.opml import MAX_OPML_BYTES, OpmlError, OpmlFeed, export_opml, import_opml
from bot.models import FeedSpec

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def test_export_then_import_gives_the_same_feeds() -> None:
    feeds = (
        FeedSpec("Kyiv & <Independent>", "https://k.test/rss?a=1&b=2", language="en"),
        FeedSpec('Ukrainska "Pravda"', "https://p.test/uk/rss/", language="uk", enabled=False),
        FeedSpec("No language", "http://n.test/feed"),
    )
    data = export_opml(feeds, NOW)
    assert data.startswith(b"<?xml") and b"&amp;" in data and b"<Independent>" not in data
    assert import_opml(data) == (
        OpmlFeed("Kyiv & <Independent>", "https://k.test/rss?a=1&b=2", "en"),
        OpmlFeed('Ukrainska "Pravda"', "https://p.test/uk/rss/", "uk"),
        OpmlFeed("No language", "http://n.test/feed", None),
    )


def test_import_reads_nested_categories_and_skips_plain_links() -> None:
    data = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>Reader export</title></head><body>
  <outline text="War">
    <outline text="Alpha   News" type="rss" xmlUrl="https://alpha.test/rss" language="fr"/>
    <outline title="Beta" text="ignored" xmlUrl="https://beta.test/atom"/>
  </outline>
  <outline text="Just a web page" htmlUrl="https://gamma.test/"/>
</body></opml>"""
    assert import_opml(data) == (
        OpmlFeed("Alpha News", "https://alpha.test/rss", None),
        OpmlFeed("Beta", "https://beta.test/atom", None),
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;">]><opml><body>'
            b'<outline text="&lol2;" xmlUrl="https://x.test/"/></body></opml>',
            "DOCTYPE or entities",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE opml SYSTEM "file:///etc/passwd"><opml/>',
            "DOCTYPE",
        ),
        ("<opml><body/></opml>".encode("utf-16"), "not UTF-8"),
        (b"<html><body>hello</body></html>", "not an OPML document"),
        (b"this is not xml", "not well-formed XML"),
        (b"<opml>" + b" " * MAX_OPML_BYTES + b"</opml>", "larger than"),
    ],
)
def test_hostile_or_wrong_files_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(OpmlError, match=reason):
        import_opml(data)


def test_too_many_outlines_are_refused() -> None:
    outlines = b"".join(b'<outline xmlUrl="https://x.test/%d"/>' % i for i in range(1001))
    with pytest.raises(OpmlError, match="more than 1000 feeds"):
        import_opml(b"<opml><body>" + outlines + b"</body></opml>")
