"""Which optional cue families an article can contain (literal keys), each checked once per
article when a rule first asks; classify gates its dearer scans on them."""

from __future__ import annotations

from bot.detect import irrealis as ir
from bot.detect.cue import Keys

IRREALIS, HELPLESS, FINISH, CHARGE, FICTION, DENIAL = map(
    Keys,
    (
        ir.IRREALIS_KEYS,
        ir.HELPLESS_KEYS,
        ir.FINISH_KEYS,
        ir.CHARGE_KEYS,
        ir.FICTION_KEYS,
        ir.DENIAL_KEYS,
    ),
)


class ArticleKeys:
    """Which optional cue families can occur in an article: each is checked once per article,
    when a rule first asks (many articles never need some of them)."""

    __slots__ = ("_found", "_low", "_present", "_script", "olenivka")

    def __init__(
        self,
        low: str,
        script: tuple[bool, bool],
        olenivka: bool,
        found: dict[str, bool] | None = None,
        present: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self._low, self._script, self.olenivka = low, script, olenivka
        self._found: dict[str, bool] = {} if found is None else found
        self._present: dict[str, tuple[str, ...]] = {} if present is None else present

    def with_olenivka(self, olenivka: bool) -> ArticleKeys:
        """The same article's keys (sharing what was checked) with another Olenivka flag."""
        return ArticleKeys(self._low, self._script, olenivka, self._found, self._present)

    def _any(self, name: str, keys: Keys) -> bool:
        if (hit := self._found.get(name)) is None:
            hit = self._found[name] = keys.any_in(self._low, self._script)
        return hit

    @property
    def irrealis(self) -> bool:
        return self._any("irrealis", IRREALIS)

    @property
    def helpless(self) -> bool:
        return self._any("helpless", HELPLESS)

    @property
    def finish(self) -> bool:
        return self._any("finish", FINISH)

    @property
    def charge(self) -> bool:
        return self._any("charge", CHARGE)

    @property
    def fiction(self) -> bool:
        return self._any("fiction", FICTION)

    @property
    def denial(self) -> tuple[str, ...]:
        """The denial keys present in the article."""
        if (found := self._present.get("denial")) is None:
            found = self._present["denial"] = DENIAL.present(self._low, self._script)
        return found


# every family may occur: for callers that check single sentences
ALL_KEYS = ArticleKeys(
    "",
    (True, True),
    True,
    {
        "irrealis": True,
        "helpless": True,
        "finish": True,
        "charge": True,
        "fiction": True,
    },
    {"denial": ir.DENIAL_KEYS},
)
