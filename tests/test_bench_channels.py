"""A tiny run of `python -m bench.channels`: both kinds read the same posts, all sections there."""

from __future__ import annotations

import io

from bench.channels import main


def test_tiny_channel_benchmark_reads_the_same_posts_both_ways() -> None:
    out = io.StringIO()
    report = main(["--sources", "3", "--rounds", "1"], out=out)
    first, later = report["first poll"], report["next poll (+5 posts each)"]
    for kind in ("rss", "telegram"):
        assert first[kind]["new"] == 180 and later[kind]["new"] == 15, kind
        assert first[kind]["cpu"] > 0 and later[kind]["wall"] > 0
    assert first["telegram"]["requests"] == 9  # three pages of backlog per channel
    assert later["telegram"]["requests"] == 3  # the newest page reaches the last post seen
    assert "telegram cpu / rss cpu" in out.getvalue()
