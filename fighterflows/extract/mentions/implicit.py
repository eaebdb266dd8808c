"""Counts the number grammar cannot see alone, because they need the words around them:
"a woman" as a member of a list of counts ("eight men, a woman and two children": 1) and
"No" before people named by their country ("No Icelanders have gone") or by a noun of people
("no foreign fighters have returned"): an exact zero.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fighterflows.extract.mentions.populations import head_after
from fighterflows.extract.numbers import NumberKind, NumberMention
from fighterflows.initials import compile_guarded
from fighterflows.model import Qualifier
from fighterflows.places import PlaceForm, PlaceMention

_SINGLE = compile_guarded(
    r"(?<![\w-])(?P<n>[Aa]n?|[Oo]ne)\s+(?:(?:young|adult|teenage|minor)\s+)?"
    r"(?:woman|man|child|girl|boy|minor|teenager)\b"
)
# What separates members of a list: ", ", ", and ", " and "
_LIST_BEFORE = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)$")
_LIST_AFTER = re.compile(r"^(?:,\s*(?:and\s+)?|\s+and\s+)")
_NO = compile_guarded(r"(?<![\w-])(?:[Nn]o|[Nn]ot\s+(?:a\s+single|one))\s+(?=\S)")
_PEOPLE_FORMS = frozenset({PlaceForm.DEMONYM, PlaceForm.ADJECTIVE, PlaceForm.ETHNIC})
# "no foreign fighters", "no Maltese citizens", "no women": at most one word before the noun of
# people, so that "no longer" or "no evidence that the fighters" stay words
_NOUN_GAP = re.compile(r"(?:[\w-]+\s+)?\w+")


def implicit_numbers(
    text: str, numbers: Sequence[NumberMention], places: Sequence[PlaceMention]
) -> list[NumberMention]:
    """The numbers of `numbers` with the implicit ones added, in order."""
    extra = [*_singles(text, numbers), *_zeros(text, places)]
    if not extra:
        return list(numbers)
    taken = [(n.start, n.end) for n in numbers]
    kept = [e for e in extra if not any(s < e.end and e.start < t for s, t in taken)]
    return sorted([*numbers, *kept], key=lambda n: n.start)


def _mention(start: int, end: int, text: str, value: float) -> NumberMention:
    return NumberMention(
        start, end, text, value, value, value, Qualifier.EXACT, NumberKind.COUNT, start, end
    )


def _singles(text: str, numbers: Sequence[NumberMention]) -> list[NumberMention]:
    counts = [n for n in numbers if n.kind is NumberKind.COUNT]
    if not counts or "a" not in text:
        return []
    out = []
    for m in _SINGLE.finditer(text):
        before = [n for n in counts if n.end <= m.start() and m.start() - n.end <= 40]
        after = [n for n in counts if n.start >= m.end() and n.start - m.end() <= 8]
        listed = (before and _LIST_BEFORE.search(text, 0, m.start())) or (
            after and _LIST_AFTER.match(text[m.end() :])
        )
        if listed:
            out.append(_mention(m.start("n"), m.end("n"), m.group("n"), 1.0))
    return out


def _zeros(text: str, places: Sequence[PlaceMention]) -> list[NumberMention]:
    out = []
    for m in _NO.finditer(text):
        if any(p.start == m.end() and p.form in _PEOPLE_FORMS for p in places) or _people_next(
            text, m.end(), places
        ):
            end = len(m.group().rstrip()) + m.start()
            out.append(_mention(m.start(), end, text[m.start() : end], 0.0))
    return out


def _people_next(text: str, pos: int, places: Sequence[PlaceMention]) -> bool:
    """A noun of people within two words after "no" ("no foreign fighters", "no women")."""
    head = head_after(text, pos, places)
    if head is None or head.population is None or head.excluded:
        return False
    near = _NOUN_GAP.match(text, pos)
    return near is not None and head.end <= near.end()
