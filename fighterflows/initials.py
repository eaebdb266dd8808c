"""A regex behind a guard on the characters its matches can start with: same matches, faster.

`re` tries a pattern at every position of a text, and a pattern of many alternatives (the
attributions, the dates) tries each of them there before it fails. A lookahead for the
characters a match can start with fails at once at the other positions. The characters are
read from the pattern's own parse, so the guard follows every edit of the pattern; where they
cannot be known (a pattern that may match nothing, `.`, a negated class) there is no guard.

A regex of many named word lists (the flow cues) goes further: `scan_by_initial` tries, at each
word, only the alternatives that can start with its first character.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from typing import Any

try:  # the standard library's own parser of regexes (re._parser since Python 3.11)
    _PARSER: Any = importlib.import_module("re._parser")
    _OPS: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - another Python: no guards, the same matches
    _PARSER = _OPS = None

# The non-ASCII characters that an ASCII letter matches under re.IGNORECASE (the Kelvin sign is
# a "k"); tests/test_initials.py checks the list against `re` itself.
FOLDS = {"i": "İı", "k": "\u212a", "s": "ſ"}
_FOLDED = {c: letter for letter, chars in FOLDS.items() for c in chars}
_UNFOLD = str.maketrans(_FOLDED)


def lowered(text: str) -> str:
    """`text` in lower case, each character of FOLDS made its ASCII letter: a word of ASCII
    letters that a regex under re.IGNORECASE matches in `text` is a substring of
    `lowered(text)`, so `in` tests on it are a cheap guard before such a regex (never the same
    length as `text` for sure: no offsets from it)."""
    if not text.isascii() and any(c in text for c in _FOLDED):
        text = text.translate(_UNFOLD)
    return text.lower()


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


def compile_guarded(text: str, flags: int = 0) -> re.Pattern[str]:
    """`guarded(re.compile(text, flags))`, compiled once."""
    first = _first_characters(text, flags)
    return re.compile(text if first is None else f"(?=(?-i:[{first}]))(?:{text})", flags)


def guarded_branches(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`guarded(pattern)`, with each of its top-level alternatives behind a lookahead of its own
    too: at a position, the alternatives that cannot start there fail at once. `guarded` alone
    where its alternatives cannot be told apart."""
    branches = _top_level_branches(pattern.pattern)
    items = _top_level_items(pattern)
    if len(branches) < 2 or len(items) != len(branches):
        return guarded(pattern)  # (the cut is checked against the regex's own parse)
    ignorecase = bool(pattern.flags & re.IGNORECASE)
    parts, union = [], set()
    for branch, item in zip(branches, items, strict=True):
        try:
            found, empty = _first(item.data, ignorecase)
        except _Unknown:
            found, empty = set(), True
        if empty:
            return guarded(pattern)  # a branch that may start anywhere: no guard fits them all
        union |= found
        parts.append(f"(?=(?-i:[{''.join(sorted(found))}])){branch}")
    whole = "".join(sorted(union))
    return re.compile(f"(?=(?-i:[{whole}]))(?:{'|'.join(parts)})", pattern.flags)


def _top_level_items(pattern: re.Pattern[str]) -> list[Any]:
    """The alternatives of the parse of `pattern` at its top level (none: not one BRANCH)."""
    if _PARSER is None:
        return []
    try:
        data = _PARSER.parse(pattern.pattern, pattern.flags).data
    except (re.error, AttributeError, TypeError, ValueError):
        return []
    if len(data) != 1 or str(data[0][0]) != "BRANCH":
        return []
    return list(data[0][1][1])


def _top_level_branches(text: str) -> list[str]:
    """`text` cut at each "|" outside brackets, classes and escapes."""
    out: list[str] = []
    depth, start, i = 0, 0, 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(text, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(text[start:i])
            start = i + 1
        i += 1
    return [*out, text[start:]]


def _class_end(text: str, i: int) -> int:
    """The index after the character class opening at `i` ("]" first in it is a member)."""
    i += 1
    if text[i : i + 1] == "^":
        i += 1
    if text[i : i + 1] == "]":
        i += 1
    while i < len(text) and text[i] != "]":
        i += 2 if text[i] == "\\" else 1
    return i + 1


def first_characters(pattern: re.Pattern[str]) -> str | None:
    """The body of a character class holding every character a match of `pattern` can start
    with; None when they cannot be known or a match may be empty."""
    return _first_characters(pattern.pattern, pattern.flags)


def _first_characters(text: str, flags: int) -> str | None:
    """`first_characters` of the regex `text` under `flags`, from its parse alone (no compile)."""
    if _PARSER is None:
        return None
    try:
        parsed = _PARSER.parse(text, flags)
        found, empty = _first(parsed.data, bool(flags & re.IGNORECASE))
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


Scan = Callable[[str], Iterator[re.Match[str]]]
_ASCII = [chr(code) for code in range(128)]


def scan_by_initial(
    groups: list[tuple[str, list[str]]], lead: str, tail: str, flags: int
) -> tuple[re.Pattern[str], Scan]:
    """The regex `lead(?:(?P<name>alt|…)|…)tail` and a scan that finds the matches of its
    `finditer`, trying at each position only the alternatives that can start with the character
    there (a regex of many named word lists otherwise tries every word of every list at every
    word of the text). The plain `finditer` where some alternative's first characters cannot
    be known."""
    whole = re.compile(lead + "(?:" + _named(groups, None) + ")" + tail, flags)
    alternatives = {a for _, alts in groups for a in alts}
    starting: dict[str, set[str]] = {}  # alternative -> the ASCII characters it may start with
    for a in alternatives:
        body = _first_characters(a, flags)  # None too for a part that is no regex alone
        if body is None:
            return whole, whole.finditer
        one = re.compile(f"[{body}]")
        starting[a] = {c for c in _ASCII if one.fullmatch(c)}
    by_char: dict[str, re.Pattern[str]] = {}
    for c in _ASCII:
        body = _named(groups, {a for a in alternatives if c in starting[a]})
        if body:
            by_char[c] = re.compile(lead + "(?:" + body + ")" + tail, flags)
    initials = "".join(re.escape(c) for c in by_char)
    starts = re.compile(lead + f"(?:[{initials}]|[^\\x00-\\x7f])", flags & ~re.IGNORECASE)

    def scan(text: str) -> Iterator[re.Match[str]]:
        pos = 0
        for start in starts.finditer(text):
            at = start.start()
            if at < pos:
                continue  # inside the last match
            char = text[at]
            m = (by_char[char] if char.isascii() else whole).match(text, at)
            if m is not None:
                yield m
                pos = m.end()  # never empty: every alternative has a first character

    return whole, scan


def _named(groups: list[tuple[str, list[str]]], keep: set[str] | None) -> str:
    """The named groups of the alternatives in `keep` (all for None; an emptied group is left
    out)."""
    return "|".join(
        f"(?P<{name}>{'|'.join(kept)})"
        for name, alts in groups
        if (kept := [a for a in alts if keep is None or a in keep])
    )
