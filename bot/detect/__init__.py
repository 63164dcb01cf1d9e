"""Detection: does an item report a POW execution, and what are its facts?

The public entry points are re-exported here; callers outside this package import only these.
`classify` applies the rules (see classify.py for their order), `extract_facts` and `summarize`
read the facts of a flagged item, `find_places`, `canonical_places`, `place_variants`,
`place_parents` and `spelling_of` (our name for another romanization) serve place look-ups,
`detect_language` names an article's language when its feed does not.
"""

from bot.detect.classify import analyse, classify
from bot.detect.extract import extract_facts, summarize
from bot.detect.gazetteer import (
    canonical_places,
    find_places,
    place_parents,
    place_variants,
    spelling_of,
)
from bot.detect.language import detect_language

__all__ = [
    "analyse",
    "canonical_places",
    "classify",
    "detect_language",
    "extract_facts",
    "find_places",
    "place_parents",
    "place_variants",
    "spelling_of",
    "summarize",
]
