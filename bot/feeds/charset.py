"""Feed bytes -> text: BOMs, UTF-16/32 without BOM, valid UTF-8, the declared charset, a guess.

The guess tells the Cyrillic code pages apart (windows-1251, KOI8-R/U, ISO-8859-5).
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_NUL_PATTERNS = (
    (re.compile(rb"[^\x00]\x00\x00\x00"), "utf-32-le"),
    (re.compile(rb"\x00\x00\x00[^\x00]"), "utf-32-be"),
    (re.compile(rb"[^\x00]\x00[^\x00]?\x00"), "utf-16-le"),
    (re.compile(rb"\x00[^\x00]\x00?[^\x00]"), "utf-16-be"),
)
_CHARSET_RE = re.compile(r"charset\s*=\s*([^;\s]+)", re.IGNORECASE)
# Single-byte code pages Russian and Ukrainian sites still use; windows-1251 decodes any byte,
# so KOI8 text read as windows-1251 comes out as gibberish without an error.
_CYRILLIC = ("cp1251", "koi8_r", "koi8_u", "iso8859_5")
_UTF8_VALID_PER_BREAK = 10  # valid multibyte characters per broken sequence to call it UTF-8
_XML_ENCODING_RE = re.compile(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']")


def decode_feed(
    body: bytes, content_type: str | None, language: str | None
) -> tuple[str, str | None]:
    """Bytes -> text: BOM, UTF-16/32 sniffing, valid UTF-8, the declared charset, then a guess.

    Valid UTF-8 wins over a declared charset: feeds that say iso-8859-1 but send UTF-8 are
    common, and non-ASCII text that happens to be valid UTF-8 is almost never anything else.
    """
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(codec, "replace"), None
    head = body[:4]
    if len(head) == 4 and b"\x00" in head:
        for pattern, codec in _NUL_PATTERNS:
            if pattern.match(head):
                return body.decode(codec, "replace"), None
    try:
        return body.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(body)
    if mostly is not None:
        return mostly
    declared = [_charset(content_type), _xml_encoding(body)]
    for name in declared:
        candidate = _codec(name)
        if candidate is None:
            continue
        try:
            return body.decode(candidate), f"not UTF-8; decoded as declared {name}"
        except UnicodeDecodeError:
            continue
    if language in ("uk", "ru") or _looks_cyrillic(body):
        guess = _cyrillic_code_page(body)
    else:
        guess = "windows-1252"
    shown = "/".join(d for d in declared if d) or "none"
    note = f"charset {shown} does not fit the bytes; read as {guess}"
    return body.decode(guess, "replace"), note


def _mostly_utf8(body: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few broken sequences (a cut or a stray byte) as UTF-8 with U+FFFD for
    each break, or None; read as a single-byte code page, all of it would turn to gibberish.

    A legacy code page almost never forms valid multibyte sequences, so many valid ones and
    few breaks mean UTF-8.
    """
    text = body.decode("utf-8", "replace")
    breaks = text.count("\ufffd") - body.count("\ufffd".encode())
    ascii_chars = len(body) - len(body.translate(None, bytes(range(128))))
    valid = len(text) - ascii_chars - text.count("\ufffd")  # decoded non-ASCII characters
    if breaks <= 0 or valid < _UTF8_VALID_PER_BREAK * breaks:
        return None
    return text, f"not valid UTF-8; {breaks} broken byte sequence(s) replaced"


def _cyrillic_code_page(body: bytes) -> str:
    """The Cyrillic single-byte code page the bytes read best in (windows-1251 if unsure)."""
    best = charset_normalizer.from_bytes(body, cp_isolation=list(_CYRILLIC)).best()
    return codecs.lookup(best.encoding).name if best is not None else "cp1251"


def _charset(content_type: str | None) -> str | None:
    match = _CHARSET_RE.search(content_type or "")
    if match is None:
        return None
    return match.group(1).strip("\"' ") or None


def _xml_encoding(body: bytes) -> str | None:
    match = _XML_ENCODING_RE.match(body[:200])
    return match.group(1).decode("ascii", "replace") if match else None


def _codec(name: str | None) -> str | None:
    """A known ASCII-compatible codec for a declared charset, else None."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return None if codec.startswith(("utf-16", "utf-32", "utf_16", "utf_32")) else codec


def _looks_cyrillic(body: bytes) -> bool:
    """Cyrillic letters in windows-1251 and KOI8 are mostly bytes >= 0xC0; Latin-1 text is
    mostly ASCII."""
    sample = body[:65536]
    high = sum(1 for b in sample if b >= 0xC0)
    letters = sum(1 for b in sample if 0x41 <= (b | 0x20) <= 0x7A)
    return high > letters // 4
