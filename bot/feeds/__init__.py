"""Feeds: fetching, parsing, full text, feeds.yaml, OPML, schedule, archive."""
