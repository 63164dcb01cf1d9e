"""Helpers for the detector-shortcut tests: the eval/ sentences and a count of regex scans."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

from bot.detect import lexicon as lx
from bot.detect.sentences import split_sentences

EVAL = Path(__file__).resolve().parent.parent / "eval"
ROWS = [
    json.loads(line)
    for path in sorted(EVAL.glob("*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
TITLES_AND_SENTENCES = [t for row in ROWS for t in (row["title"], *split_sentences(row["text"]))]
SENTENCES = [lx.lower(t) for t in TITLES_AND_SENTENCES]  # lowercased
TEXTS = [
    "",
    "12 . 05",
    "prisoners were shot near the village",
    "полонених розстріляли біля села",
    "пленных расстреляли у деревни; в'язнів",
    "mixed: Ukrainian POWs / українських полонених / ёлка",
    "ЗСУ and ВСУ said nothing; call them, surgery, any day",
]


@contextmanager
def scans() -> Iterator[list[re.Pattern[str]]]:
    """The compiled patterns whose search/match/finditer/findall/sub ran inside the block."""
    seen: list[re.Pattern[str]] = []

    def hook(frame: FrameType, event: str, arg: Any) -> None:
        if event == "c_call" and isinstance(getattr(arg, "__self__", None), re.Pattern):
            seen.append(arg.__self__)

    sys.setprofile(hook)
    try:
        yield seen
    finally:
        sys.setprofile(None)


def scanned(run: Callable[[], object]) -> set[re.Pattern[str]]:
    """The patterns `run` scanned with."""
    with scans() as seen:
        run()
    return set(seen)


def scan_list(run: Callable[[], object]) -> list[re.Pattern[str]]:
    """Each scan `run` made, in order (a pattern once per scan)."""
    with scans() as seen:
        run()
    return list(seen)


def calls(run: Callable[[], object], name: str) -> list[tuple[Any, Any]]:
    """The first two arguments of each Python-level call to a function named `name`."""
    seen: list[tuple[Any, Any]] = []

    def hook(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call" and frame.f_code.co_name == name:
            names = frame.f_code.co_varnames[: min(2, frame.f_code.co_argcount)]
            args = [frame.f_locals[a] for a in names]
            seen.append((args[0], args[1] if len(args) > 1 else None))

    sys.setprofile(hook)
    try:
        run()
    finally:
        sys.setprofile(None)
    return seen
