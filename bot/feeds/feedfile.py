"""feeds.yaml as the source of truth: round-trip edits that keep comments, atomic saves, reloads.

Every text written or reloaded is validated exactly as at start-up (yaml.safe_load + parse_feeds).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

from bot.config import ConfigError, parse_feeds, read_feeds_text, yaml_document
from bot.feeds.sources import channel_name, channel_of_url
from bot.models import FeedSpec

T = TypeVar("T")
_WHERE_RE = re.compile(r"^feeds\[(\d+)\](?:\.(\w+))?")


class FeedFileError(Exception):
    """A chat edit that cannot apply (no such feed, name taken); the message is for the user."""


@dataclass(frozen=True, slots=True)
class NewFeed:
    """A feed to append to the file."""

    name: str
    url: str
    language: str | None = None


def _located(text: str, problems: list[str]) -> list[str]:
    """Prefix 'line N' to problems that name feeds[i] or feeds[i].field (best effort)."""
    try:
        doc = YAML().load(text)
        items = doc["feeds"] if isinstance(doc, CommentedMap) else None
    except (YAMLError, KeyError, TypeError):
        items = None
    out = []
    for problem in problems:
        match = _WHERE_RE.match(problem)
        line: int | None = None
        index = int(match[1]) if match else -1
        if isinstance(items, CommentedSeq) and 0 <= index < len(items):
            item = items[index]
            line = item.lc.line if isinstance(item, CommentedMap) else items.lc.item(index)[0]
            if match and isinstance(item, CommentedMap) and match[2] in item:
                line = item.lc.key(match[2])[0]
        out.append(f"line {line + 1}: {problem}" if line is not None else problem)
    return out


def check_text(text: str, source: str) -> tuple[FeedSpec, ...]:
    """Validate feeds-file text as start-up does; raise ConfigError naming file, line, field."""
    data = yaml_document(text, source)
    feeds, problems = parse_feeds(data, source)
    if problems:
        located = _located(text, problems)
        raise ConfigError([p if p.startswith(source) else f"{source}: {p}" for p in located])
    return feeds


read_text = read_feeds_text


def _round_trip(text: str, source: str) -> tuple[YAML, Any]:
    try:
        _, indent, offset = load_yaml_guess_indent(text)
        rt = YAML()
        rt.indent(mapping=2, sequence=indent or 4, offset=offset if offset is not None else 2)
        rt.width = 4096  # never fold a long URL onto two lines
        rt.preserve_quotes = True
        return rt, rt.load(text)
    except YAMLError as exc:
        raise ConfigError([f"{source}: invalid YAML: {exc}"[:500]]) from None


def _atomic_write(path: Path, text: str) -> None:
    """Write beside the target, fsync, then rename over it: readers see old or new, never half."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def apply_edit(path: Path, edit: Callable[[CommentedSeq], T]) -> tuple[tuple[FeedSpec, ...], T]:
    """Load the file round-trip, apply edit to its feeds list, validate, save atomically."""
    rt, doc = _round_trip(read_text(path), str(path))
    if not isinstance(doc, CommentedMap) or not isinstance(doc.get("feeds"), CommentedSeq):
        if isinstance(doc, CommentedMap) and doc.get("feeds") is None:
            doc["feeds"] = CommentedSeq()
        else:
            raise FeedFileError(f"{path} has no 'feeds:' list; fix the file by hand first")
    result = edit(doc["feeds"])
    out = io.StringIO()
    rt.dump(doc, out)
    feeds = check_text(out.getvalue(), str(path))
    _atomic_write(path, out.getvalue())
    return feeds, result


# Comment lines between two list items are attached by ruamel to the previous item's last key.
# Edits move them so a section header such as "# Ukrainian" stays above the items it heads.


def _detach_tail(item: CommentedMap) -> str:
    if not item:
        return ""
    entry = item.ca.items.get(list(item)[-1])
    if not entry or len(entry) < 3 or entry[2] is None:
        return ""
    eol, _, rest = entry[2].value.partition("\n")
    if not rest:
        return ""
    if eol:
        entry[2].value = eol + "\n"
    else:
        entry[2] = None
    return str(rest)


def _attach_tail(item: CommentedMap, tail: str) -> None:
    if not tail or not item:
        return
    entry = item.ca.items.setdefault(list(item)[-1], [None, None, None, None])
    if entry[2] is None:
        entry[2] = CommentToken("\n" + tail, CommentMark(0), None)
    else:
        entry[2].value = entry[2].value.rstrip("\n") + "\n" + tail


def _name_of(item: object) -> str:
    """A feed item's name; a channel given without one is called "@<channel>", as in config."""
    if not isinstance(item, dict):
        return ""
    name = str(item.get("name") or "").strip()
    if not name and isinstance(item.get("telegram"), str):
        channel = channel_name(item["telegram"])
        name = f"@{channel}" if channel else ""
    return name


def _find(items: CommentedSeq, name: str) -> int:
    """Index of the feed called name: exact match first, then a unique case-insensitive one."""
    names = [_name_of(i) for i in items]
    if name in names:
        return names.index(name)
    folded = [i for i, n in enumerate(names) if n.casefold() == name.casefold()]
    if len(folded) == 1:
        return folded[0]
    raise FeedFileError(f"no feed named “{name}” in the feeds file")


def _set_key(item: CommentedMap, key: str, value: object) -> None:
    if key in item:
        item[key] = value  # keeps the comment on that line
        return
    tail = _detach_tail(item)
    item[key] = value
    _attach_tail(item, tail)


def add_feeds(items: CommentedSeq, new: Sequence[NewFeed]) -> int:
    """Append feeds at the end (after the file's trailing comments' anchor); return how many."""
    for feed in new:
        channel = channel_of_url(feed.url)
        if channel is not None:  # written the short way: telegram: <name>
            entry = CommentedMap(name=feed.name, telegram=channel)
        else:
            entry = CommentedMap(name=feed.name, url=feed.url)
        if feed.language:
            entry["language"] = feed.language
        tail = _detach_tail(items[-1]) if items and isinstance(items[-1], CommentedMap) else ""
        items.append(entry)
        _attach_tail(entry, tail)
    return len(new)


def remove_feed(items: CommentedSeq, name: str) -> FeedSpec:
    """Drop one feed from the list; return what it was."""
    index = _find(items, name)
    item = items[index]
    url = str(item.get("url") or "").strip()
    channel = channel_name(str(item.get("telegram") or "")) if not url else None
    url = f"https://t.me/s/{channel}" if channel else url
    spec = FeedSpec(name=_name_of(item), url=url, kind="telegram" if channel else "rss")
    tail = _detach_tail(item) if isinstance(item, CommentedMap) else ""
    del items[index]
    if tail and index > 0 and isinstance(items[index - 1], CommentedMap):
        _attach_tail(items[index - 1], tail)
    elif tail and isinstance(items, CommentedSeq):
        items.ca.comment = items.ca.comment or [None, []]
        if items.ca.comment[1] is None:
            items.ca.comment[1] = []
        items.ca.comment[1].append(CommentToken(tail, CommentMark(0), None))
    return spec


def set_enabled(items: CommentedSeq, name: str, enabled: bool) -> tuple[str, bool]:
    """Pause (enabled: false) or resume a feed; return its name and whether anything changed."""
    item = items[_find(items, name)]
    was = item.get("enabled", True) is not False
    if was == enabled:
        return _name_of(item), False
    _set_key(item, "enabled", enabled)
    return _name_of(item), True


def set_interval(items: CommentedSeq, name: str, seconds: int) -> tuple[str, int | None]:
    """Set a feed's own poll interval; return its name and the interval it had."""
    item = items[_find(items, name)]
    before = item.get("interval")
    _set_key(item, "interval", seconds)
    return _name_of(item), before if isinstance(before, int) else None


@dataclass(frozen=True, slots=True)
class Reload:
    """What a reload check found: new feeds, or the error that keeps the old list running."""

    feeds: tuple[FeedSpec, ...] | None = None
    error: ConfigError | None = None
    was_broken: bool = False


class FeedFileWatch:
    """Notices hand edits of the feeds file by mtime/size, then by content hash."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stat: tuple[int, int] | None = None
        self._digest: str | None = None
        self.is_broken = False

    def check(self) -> Reload | None:
        """None when the file is unchanged since the last check; else its validated content."""
        try:
            st = self.path.stat()
            stat: tuple[int, int] | None = (st.st_mtime_ns, st.st_size)
        except OSError:
            stat = None
        if stat is not None and stat == self._stat:
            return None
        self._stat = stat
        try:
            text = read_text(self.path)
        except ConfigError as exc:
            return self._result("missing", None, exc)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        try:
            return self._result(digest, check_text(text, str(self.path)), None)
        except ConfigError as exc:
            return self._result(digest, None, exc)

    def _result(
        self, digest: str, feeds: tuple[FeedSpec, ...] | None, error: ConfigError | None
    ) -> Reload | None:
        if digest == self._digest:
            return None
        self._digest = digest
        was_broken, self.is_broken = self.is_broken, error is not None
        return Reload(feeds=feeds, error=error, was_broken=was_broken)


def unique_name(name: str, taken: Sequence[str]) -> str:
    """name, or 'name (2)', 'name (3)' ... when a feed (case-insensitively) already has it."""
    used = {t.casefold() for t in taken}
    candidate, n = name, 1
    while candidate.casefold() in used:
        n += 1
        candidate = f"{name} ({n})"
    return candidate


def describe_changes(old: Sequence[FeedSpec], new: Sequence[FeedSpec]) -> str:
    """'added: a; removed: b; renamed: c → d; changed: e' between two feed lists (by URL)."""
    before = {f.url: f for f in old}
    after = {f.url: f for f in new}
    added = [f.name for f in new if f.url not in before]
    removed = [f.name for f in old if f.url not in after]
    renamed = [
        f"{before[f.url].name} → {f.name}"
        for f in new
        if f.url in before and before[f.url].name != f.name
    ]
    changed = [
        f.name
        for f in new
        if f.url in before and before[f.url].name == f.name and before[f.url] != f
    ]
    parts = [
        f"{label}: {', '.join(names)}"
        for label, names in (
            ("added", added),
            ("removed", removed),
            ("renamed", renamed),
            ("changed", changed),
        )
        if names
    ]
    return "; ".join(parts) or "order or comments only"
