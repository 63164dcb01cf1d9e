"""Keep a fetched feed body on disk, gzip-compressed and addressed by its SHA-256 (I/O)."""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path


def body_sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def archive_body(directory: Path, body: bytes, digest: str | None = None) -> Path:
    """Write body once under directory/ab/abcdef….gz (atomically); return its path."""
    digest = digest or body_sha256(body)
    target = directory / digest[:2] / f"{digest}.gz"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
            gz.write(body)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def read_archived(path: Path) -> bytes:
    """The original bytes of an archived body."""
    with gzip.open(path, "rb") as handle:
        return handle.read()
