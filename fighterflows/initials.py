"""A regex behind a guard on the characters its matches can start with: same matches, faster.

`re` tries a pattern at every position of a text, and a pattern of many alternatives (the
attributions, the dates) tries each of them there before it fails. A lookahead for the
characters a match can start with fails at once at the other positions. The characters are
read from the pattern's own parse, so the guard follows every edit of the pattern; where they
cannot be known (a pattern that may match nothing, `.`, a negated class) there is no guard.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

try:  # the standard library's own parser of regexes (re._parser since Python 3.11)
    _PARSER: Any = importlib.import_module("re._parser")
    _OPS: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - another Python: no guards, the same matches
    _PARSER = _OPS = None

# The non-ASCII characters that an ASCII letter matches under re.IGNORECASE (the Kelvin sign is
# a "k"); tests/test_initials.py checks the list against `re` itself.
FOLDS = {"i": "İı", "k": "\u212a", "s": "ſ"}
# the classes a first character may be in, written as in a regex
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


class _Unknown(Exception):
    """A first character the guard cannot name: the pattern stays unguarded."""


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` behind a lookahead for its first characters (`pattern` itself when they cannot
    be known). Both find the same matches, with the same groups, at the same offsets."""
    first = first_characters(pattern)
    if first is None:
        return pattern
    return re.compile(f"(?=(?-i:[{first}]))(?:{pattern.pattern})", pattern.flags)


def first_characters(pattern: re.Pattern[str]) -> str | None:
    """The body of a character class holding every character a match of `pattern` can start
    with; None when they cannot be known or a match may be empty."""
    if _PARSER is None:
        return None
    try:
        parsed = _PARSER.parse(pattern.pattern, pattern.flags)
        found, empty = _first(parsed.data, bool(pattern.flags & re.IGNORECASE))
    except (_Unknown, re.error, AttributeError, TypeError, ValueError):
        return None
    return None if empty else "".join(sorted(found))


def _first(items: Any, ignorecase: bool) -> tuple[set[str], bool]:
    """(the first characters of the sequence `items`, whether it may match nothing)."""
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            return out | _literal(av, ignorecase), False
        if name == "IN":
            return out | _class(av, ignorecase), False
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # takes no character
        if name == "SUBPATTERN":
            _, add, remove, sub = av
            inner = (ignorecase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            found, empty = _first(sub.data, inner)
        elif name == "BRANCH":
            found, empty = set(), False
            for branch in av[1]:
                more, may_be_empty = _first(branch.data, ignorecase)
                found |= more
                empty = empty or may_be_empty
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            least, _, sub = av
            found, empty = _first(sub.data, ignorecase)
            empty = empty or least == 0
        else:
            raise _Unknown(name)
        out |= found
        if not empty:
            return out, False
    return out, True


def _literal(code: int, ignorecase: bool) -> set[str]:
    char = chr(code)
    if not ignorecase or char.lower() == char.upper():
        return {re.escape(char)}
    if not char.isascii():
        raise _Unknown(char)  # its case partners are not listed here
    low = char.lower()
    return {low, low.upper(), *FOLDS.get(low, "")}


def _class(items: Any, ignorecase: bool) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out |= _literal(av, ignorecase)
        elif name == "RANGE" and av[1] - av[0] < 256:
            for code in range(av[0], av[1] + 1):
                out |= _literal(code, ignorecase)
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            out.add(_CATEGORIES[str(av)])
        else:
            raise _Unknown(name)
    return out
