"""Exact and near-duplicate keys for articles: canonical URL, its sha256, MinHash signatures.

Pure: no network, DB or clock. Near-duplicates are found by LSH bands over a MinHash of word
shingles (rensa); `storage/dedup_index.py` keeps the bands in SQLite.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

import numpy as np
from rensa import RMinHash

NUM_PERM = 128
SEED = 1
ROWS_PER_BAND = 4  # 32 bands of 4 rows: a pair at Jaccard 0.5 shares a band with p = 0.87
SHINGLE = 3  # words per shingle
# Measured on the dev corpus (docs/incidents.md): syndicated copies score >= 0.76, different
# reports of the same incident in the same language <= 0.22, unrelated articles <= 0.13.
NEAR_DUP_THRESHOLD = 0.5

_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")
_TRACKING_KEYS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
        "mc_cid", "mc_eid", "ref", "ref_src", "cmpid", "_hsenc", "_hsmi", "mkt_tok", "amp",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "at_")
_DEFAULT_PORTS = frozenset({80, 443})
_SAFE_PATH = "/:@!$&'()*+,;=-._~"


def _idna_host(host: str) -> str:
    host = host.lower().rstrip(".")
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def _strip_amp_path(path: str) -> str:
    # AMP variants seen on news sites: /amp/news/x, /news/x/amp, /news/x.amp, /news/x.amp.html
    if path.startswith("/amp/"):
        path = path[4:]
    path = path.rstrip("/")
    if path.endswith(("/amp", ".amp")):
        path = path[:-4]
    return path.replace(".amp.", ".")


def _is_tracking(key: str, value: str) -> bool:
    k = key.lower()
    if k in _TRACKING_KEYS or k.startswith(_TRACKING_PREFIXES):
        return True
    return k == "outputtype" and value.lower() == "amp"


def canonical_url(url: str) -> str:
    """Normalise a URL so that AMP, mobile, tracking and http/https variants compare equal."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return url  # a GUID such as "tag:..." or "urn:uuid:..." is its own key
    host = _idna_host(parts.hostname)
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
            break
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or port in _DEFAULT_PORTS else f"{host}:{port}"
    path = quote(unquote(_strip_amp_path(parts.path)), safe=_SAFE_PATH)
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k, v)
    )
    return urlunsplit(("https", netloc, path, urlencode(query), ""))


def url_key(canonical_or_guid: str) -> str:
    """Exact-dedup key: sha256 hex of a canonical URL or a GUID."""
    return hashlib.sha256(canonical_or_guid.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Signature:
    """A MinHash of an article's word shingles: NUM_PERM little-endian uint32 values."""

    digest: bytes

    @property
    def is_empty(self) -> bool:
        return not self.digest


_WORD = re.compile(r"\w+")
_APOSTROPHES = str.maketrans({"'": "", "\u2019": "", "\u02bc": "", "`": "", "\u0451": "\u0435"})


def normalise_words(text: str) -> list[str]:
    """Casefolded NFKC words, apostrophes inside words removed (п'ять = пять), yo as ye."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
    return _WORD.findall(folded)


def content_signature(title: str, text: str) -> Signature:
    """MinHash of the article's word 3-shingles (title + text); empty text gives an empty one."""
    words = normalise_words(f"{title}\n{text}")
    if not words:
        return Signature(b"")
    n = max(1, len(words) - SHINGLE + 1)
    shingles = list(dict.fromkeys(" ".join(words[i : i + SHINGLE]) for i in range(n)))
    mh = RMinHash(num_perm=NUM_PERM, seed=SEED)
    mh.update(shingles)
    return Signature(np.asarray(mh.digest(), dtype="<u4").tobytes())


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two articles' shingle sets (0.0 if either is empty)."""
    if a.is_empty or b.is_empty or len(a.digest) != len(b.digest):
        return 0.0
    va = np.frombuffer(a.digest, dtype="<u4")
    vb = np.frombuffer(b.digest, dtype="<u4")
    return float(np.count_nonzero(va == vb)) / len(va)


def band_keys(sig: Signature) -> list[str]:
    """LSH band keys (16 hex chars each); articles sharing a key are near-duplicate candidates."""
    if sig.is_empty:
        return []
    # 64-bit blake2b of (band index, rows) keeps the SQLite index small; collisions only add a
    # candidate that similarity() then rejects.
    width = 4 * ROWS_PER_BAND
    return [
        hashlib.blake2b(
            bytes([i]) + sig.digest[i * width : (i + 1) * width], digest_size=8
        ).hexdigest()
        for i in range(len(sig.digest) // width)
    ]


def signature_to_bytes(sig: Signature) -> bytes:
    """Serialise a signature for a BLOB column."""
    return sig.digest


def signature_from_bytes(blob: bytes) -> Signature:
    """Inverse of signature_to_bytes."""
    return Signature(bytes(blob))
