"""What is done to a feed body before feedparser sees it: no entity is ever expanded, no
item past the cap is built, a flood of elements is refused, forbidden characters are defused."""

from __future__ import annotations

import re

_XML_DECL_RE = re.compile(r"\s*<\?xml[^>]{0,300}?\?>")
_DECL_ENCODING_RE = re.compile(r"encoding\s*=\s*([\"'])[^\"']*\1")
# feedparser's own "head" ends at the first `<` + ASCII word character (a bytes regex).
_ROOT_START_RE = re.compile(r"<[A-Za-z0-9_]")
_DECL_TOKEN_RE = re.compile(r"<!--|[\"'\[\]>]")
_DTD_WORD_RE = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_CHARREF_RE = re.compile(r"&#(?:[xX]([0-9A-Fa-f]{1,12})|([0-9]{1,12}));")


def _declaration_end(text: str, start: int) -> int:
    """Index just past the markup declaration at start (<!...>), minding quotes, [subsets]
    and comments; len(text) when it never ends."""
    depth = 0
    pos = start + 2
    while True:
        match = _DECL_TOKEN_RE.search(text, pos)
        if match is None:
            return len(text)
        token = match.group(0)
        pos = match.end()
        if token in ('"', "'"):
            close = text.find(token, pos)
            if close < 0:
                return len(text)
            pos = close + 1
        elif token == "<!--":
            close = text.find("-->", pos)
            if close < 0:
                return len(text)
            pos = close + 3
        elif token == "[":
            depth += 1
        elif token == "]":
            depth = max(0, depth - 1)
        elif token == ">" and depth == 0:
            return pos


def defuse(text: str) -> tuple[str, str | None]:
    """Remove DOCTYPE and ENTITY declarations so no parser ever expands or fetches an entity.

    feedparser re-inserts "safe" internal entities for its loose (sgmllib) fallback parser,
    which expands them without any limit, and it looks for them in everything before the first
    `<` + word character; so every `<!...>` declaration there goes, quote- and subset-aware,
    and any DOCTYPE/ENTITY left anywhere else is broken up as well.
    """
    if "<!" not in text:
        return text, None
    pieces: list[str] = []
    keep_from = pos = 0
    removed = False
    while True:
        lt = text.find("<", pos)
        if lt < 0 or _ROOT_START_RE.match(text, lt):
            break
        if text.startswith("<?", lt):
            close = text.find("?>", lt + 2)
            pos = len(text) if close < 0 else close + 2
        elif text.startswith("<!--", lt):
            close = text.find("-->", lt + 4)
            pos = len(text) if close < 0 else close + 3
        elif text.startswith("<!", lt):
            pieces.append(text[keep_from:lt])
            pos = keep_from = _declaration_end(text, lt)
            removed = True
        else:
            pos = lt + 1
    pieces.append(text[keep_from:])
    cleaned = "".join(pieces) if removed else text
    if _DTD_WORD_RE.search(cleaned):
        cleaned = _DTD_WORD_RE.sub("", cleaned)
        removed = True
    return cleaned, "DOCTYPE removed (entity declarations are not expanded)" if removed else None


# The end of an item (RSS) or entry (Atom), with any namespace prefix (rss:item in RDF feeds).
_ITEM_END_RE = re.compile(r"</(?:[A-Za-z_][\w.-]{0,40}:)?(?:item|entry)\s*>", re.IGNORECASE)


def without_items_past(text: str, cap: int) -> str:
    """The document without the items past the cap (dropped anyway), which feedparser
    would build first: 5 MB of tiny items cost seconds and hundreds of MB. The cut runs to
    the last item's end, so the closing tags stay and a well-formed feed stays well-formed.
    """
    ends = _ITEM_END_RE.finditer(text)
    cut = next((m.end() for n, m in enumerate(ends, 1) if n == cap), None)
    last = cut
    for match in ends:  # the same iterator: it goes on after the cap's item
        last = match.end()
    return text if cut is None or last == cut else text[:cut] + text[last:]


MAX_ELEMENTS = 100_000
_CDATA_RE = re.compile(r"<!\[CDATA\[.*?\]\]>", re.DOTALL)


def count_elements(text: str) -> int:
    """About how many elements the document opens (CDATA sections aside): feedparser spends
    some 20 µs on each, so 5 MB of empty tags would cost it seconds of CPU on every poll."""
    if "<![CDATA[" in text:
        text = _CDATA_RE.sub("", text)
    return text.count("<") - text.count("</") - text.count("<!") - text.count("<?")


def safe_charrefs(text: str) -> str:
    """Character references to code points XML forbids become U+FFFD."""
    return _CHARREF_RE.sub(_charref, text) if "&#" in text else text


def _charref(match: re.Match[str]) -> str:
    hexa, dec = match.groups()
    code = int(hexa, 16) if hexa else int(dec)
    if code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0x10FFFF:
        return match.group(0)
    return "&#xFFFD;"  # feedparser's loose parser calls chr() on it and raises ValueError


def as_utf8_xml(text: str) -> bytes:
    """Re-encode as UTF-8 and make the XML declaration say so."""
    text = text.removeprefix("\ufeff")
    match = _XML_DECL_RE.match(text)
    if match:
        decl = _DECL_ENCODING_RE.sub('encoding="utf-8"', match.group(0))
        text = decl + text[match.end() :]
    return text.encode("utf-8", "replace")
