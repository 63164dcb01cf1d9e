"""SQL side of near-duplicate lookup: MinHash signatures and their LSH bands in SQLite.

Functions over a `sqlite_utils.Database` for the Store to call inside its own transaction (they
never commit). A lookup reads only the rows of the new article's 32 band keys (a primary-key
range each), so its cost does not grow with history.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from bot.incidents.dedup import (
    NEAR_DUP_THRESHOLD,
    Signature,
    band_keys,
    signature_from_bytes,
    signature_to_bytes,
    similarity,
)

# Upper bound on candidates verified per lookup: articles sharing only page boilerplate with the
# new one hit one band or two; real copies hit many, so they sort first and survive the cut.
MAX_CANDIDATES = 200

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS article_signatures (
        article_id INTEGER PRIMARY KEY,
        sig BLOB NOT NULL
    )""",
    # WITHOUT ROWID: the (band, article_id) primary key is the band index itself.
    """CREATE TABLE IF NOT EXISTS article_bands (
        band TEXT NOT NULL,
        article_id INTEGER NOT NULL,
        PRIMARY KEY (band, article_id)
    ) WITHOUT ROWID""",
)


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create the signature and band tables if they are missing."""
    for statement in _SCHEMA:
        db.execute(statement)


def add_many(db: sqlite_utils.Database, items: Iterable[tuple[int, Signature]]) -> int:
    """Store signatures and bands for many articles (caller commits); returns how many."""
    sig_rows: list[tuple[int, bytes]] = []
    band_rows: list[tuple[str, int]] = []
    for article_id, sig in items:
        if sig.is_empty:
            continue
        sig_rows.append((article_id, signature_to_bytes(sig)))
        band_rows.extend((band, article_id) for band in band_keys(sig))
    db.conn.executemany(
        "INSERT OR REPLACE INTO article_signatures (article_id, sig) VALUES (?, ?)", sig_rows
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO article_bands (band, article_id) VALUES (?, ?)", band_rows
    )
    return len(sig_rows)


def add(db: sqlite_utils.Database, article_id: int, sig: Signature) -> None:
    """Store one article's signature and bands (caller commits)."""
    add_many(db, [(article_id, sig)])


def remove(db: sqlite_utils.Database, article_id: int) -> None:
    """Forget one article's signature and bands, e.g. when pruning old history."""
    row = db.execute(
        "SELECT sig FROM article_signatures WHERE article_id = ?", [article_id]
    ).fetchone()
    if row is None:
        return
    bands = band_keys(signature_from_bytes(row[0]))
    db.conn.executemany(
        "DELETE FROM article_bands WHERE band = ? AND article_id = ?",
        [(band, article_id) for band in bands],
    )
    db.execute("DELETE FROM article_signatures WHERE article_id = ?", [article_id])


def near_duplicates(
    db: sqlite_utils.Database,
    sig: Signature,
    threshold: float = NEAR_DUP_THRESHOLD,
    exclude: int | None = None,
) -> list[tuple[int, float]]:
    """Stored articles whose estimated Jaccard similarity to `sig` is >= threshold, best first."""
    bands = band_keys(sig)
    if not bands:
        return []
    marks = ", ".join("?" for _ in bands)
    candidates = [
        row[0]
        for row in db.execute(
            f"SELECT article_id FROM article_bands WHERE band IN ({marks})"
            " GROUP BY article_id ORDER BY COUNT(*) DESC LIMIT ?",
            [*bands, MAX_CANDIDATES],
        )
        if row[0] != exclude
    ]
    if not candidates:
        return []
    id_marks = ", ".join("?" for _ in candidates)
    found: list[tuple[int, float]] = []
    for article_id, blob in db.execute(
        f"SELECT article_id, sig FROM article_signatures WHERE article_id IN ({id_marks})",
        candidates,
    ):
        score = similarity(sig, signature_from_bytes(blob))
        if score >= threshold:
            found.append((int(article_id), score))
    found.sort(key=lambda pair: (-pair[1], pair[0]))
    return found
