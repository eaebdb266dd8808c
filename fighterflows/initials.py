"""A regex behind a guard on the characters its matches can start with: same matches, faster.

`re` tries a pattern at every position of a text, and a pattern of many alternatives (the
attributions, the dates) tries each of them there before it fails. A lookahead for the
characters a match can start with fails at once at the other positions. The characters are
read from the pattern's own parse, so the guard follows every edit of the pattern; where they
cannot be known (a pattern that may match nothing, `.`, a negated class) there is no guard.

A regex of many named word lists (the flow cues) goes further: `scan_by_initial` tries, at each
word, only the alternatives that can start with its first four characters (read from their
parse too). `lowered` gives the text those characters are looked up in, and makes cheap
substring guards before a regex under re.IGNORECASE.
"""

from __future__ import annotations

import importlib
import itertools
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
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
# what `\s` matches (tests/test_extract_initials.py checks the list against `re` itself)
SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000"
)
_PLAIN = str.maketrans({**_FOLDED, **{c: " " for c in SPACES}})
_UNUSUAL = re.compile("[" + re.escape("".join(_FOLDED) + SPACES.replace(" ", "")) + "]")


# (a sentence's is asked for by several rules and for each of its figures: the last few are kept)
@lru_cache(maxsize=64)
def lowered(text: str) -> str:
    """`text` in lower case, each character of FOLDS made its ASCII letter and each white space
    a plain space (`SPACES`): what a regex under re.IGNORECASE matches in `text` as a word of
    ASCII letters and spaces ("put out" for "put\\s+out") is at the same offsets in
    `lowered(text)`, so `in` tests and look-ups on it are a cheap guard before such a regex."""
    return lower_word(text)


_WORD_RUN_END = re.compile(r"\w+\Z")


# (asked by several rules for each figure of a sentence, at the figure's start: the last few
# answers are kept, a sentence's, never a corpus's)
@lru_cache(maxsize=16)
def last_word(text: str, end: int) -> str:
    r"""The word (its run of `\w`) that ends the text before `end` where only white space
    follows it, as `lowered` has it; else "". A regex whose matches end in one of a few whole
    words (`\b` or white space before each) and white space (`\s+$`), searched in a window that
    ends at `end`, can match only where this is one of them: a cheap test first."""
    lead = text[:end]
    bare = lead.rstrip()
    if len(bare) == len(lead) or not bare:
        return ""
    word = _WORD_RUN_END.search(bare.rsplit(None, 1)[-1])
    return lower_word(word.group()) if word is not None else ""


def needed_words(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Words, lower-cased, one of which every match of `pattern` holds (read from its parse: a
    run of plain ASCII characters it must match, or one of each branch's); none where none is
    known. Where `lowered(text)` has none of them between two offsets, `pattern` finds no match
    there: `holds_any` is a cheap exact test before a regex that mostly fails."""
    words = _needed(_PARSER.parse(pattern.pattern, pattern.flags).data) if _PARSER else None
    return tuple(sorted(words or ()))


def holds_any(text: str, words: tuple[str, ...], start: int = 0, end: int | None = None) -> bool:
    """Whether `lowered(text)[start:end]` holds one of `words` (from `needed_words`; always
    where none are known)."""
    if not words:
        return True
    low = lowered(text)
    if end is None:
        end = len(low)
    return any(low.find(word, start, end) >= 0 for word in words)


def lower_word(text: str) -> str:
    """`lowered(text)` without its cache (for a word: sentences stay in the cache)."""
    if _UNUSUAL.search(text) is not None:
        text = text.translate(_PLAIN)  # (no "İ" is left to lower to two characters)
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


def with_dead_branches(pattern: re.Pattern[str], dead: frozenset[str]) -> re.Pattern[str]:
    """`guarded_branches(pattern)` for a text where the top-level alternatives that are the
    groups `dead` match nowhere: the same matches, with the same named groups (`re` tries the
    others at each position in the same order). The dead ones stand last behind a lookahead
    that always fails, so that their groups are still the pattern's (each None), and out of the
    guards."""
    branches = _top_level_branches(pattern.pattern)
    if len(branches) < 2 or len(_top_level_items(pattern)) != len(branches):
        raise ValueError("no top-level alternatives")
    gone = [b for b in branches if any(b.startswith(f"(?P<{name}>") for name in dead)]
    live = [b for b in branches if b not in gone]
    if len(gone) != len(dead) or not live:
        raise ValueError(f"not each of {sorted(dead)} is a top-level alternative of its own")
    alive = guarded_branches(re.compile("|".join(live), pattern.flags)).pattern
    never = f"(?!)(?:{'|'.join(gone)})"
    if alive.startswith("(?=(?-i:["):  # "(?=guard)(?:…)": inside the guard's group
        return re.compile(f"{alive[:-1]}|{never})", pattern.flags)
    return re.compile(f"(?:{alive}|{never})", pattern.flags)  # pragma: no cover - unguarded


def without_branch(pattern: re.Pattern[str], name: str) -> re.Pattern[str]:
    """`pattern` without its top-level alternative that is the group `name`: the same matches
    (but for that group's keys) in a text where that group matches nowhere (at each position
    the others are tried in the same order)."""
    branches = _top_level_branches(pattern.pattern)
    kept = [b for b in branches if not b.startswith(f"(?P<{name}>")]
    if len(kept) != len(branches) - 1 or len(_top_level_items(pattern)) != len(branches):
        raise ValueError(f"no top-level alternative of its own holds {name}")
    return re.compile("|".join(kept), pattern.flags)


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
    `finditer`, trying at each position only the alternatives that can start with the text
    there (a regex of many named word lists otherwise tries every word of every list at every
    word of the text): those whose first characters (up to `_HEAD` of them, read from their
    parse) are the text's (`lowered`), as one regex in the order of the whole (compiled when
    first met), so that the same one wins. An alternative "a(?:nswered…|rrived…)" is the
    alternatives it holds ("answered…", "arrived…"), in the same order. The plain `finditer`
    where some alternative's first character cannot be known."""
    whole = re.compile(lead + "(?:" + _named(groups, None) + ")" + tail, flags)
    alternatives = {a for _, alts in groups for a in alts}
    starting: set[str] = set()  # the ASCII characters some alternative may start with
    for a in alternatives:
        body = _first_characters(a, flags)  # None too for a part that is no regex alone
        if body is None:
            return whole, whole.finditer
        one = re.compile(f"[{body}]")
        starting |= {c for c in _ASCII if one.fullmatch(c)}
    initials = "".join(re.escape(c) for c in sorted(starting))
    starts = re.compile(lead + f"(?:[{initials}]|[^\\x00-\\x7f])", flags & ~re.IGNORECASE)
    # each alternative as the regex tries it at a position: with its group's name
    fine = [(name, f) for name, alts in groups for a in alts for f in _held(a, flags)]
    heads: dict[str, set[int]] = {}  # a start of the text (`lowered`) → its alternatives
    always: set[int] = set()  # alternatives whose start is not known: tried everywhere
    for k, (_, f) in enumerate(fine):
        for head, _ in _starts(_PARSER.parse(f, flags).data, _HEAD):
            if head:
                heads.setdefault(head, set()).add(k)
            else:
                always.add(k)
    # the alternatives to try where the text starts with a head of _HEAD characters (those of
    # the shorter heads it starts with too), and where it starts with a shorter head only
    whole_heads = {h: _with_shorter(h, heads, always) for h in heads if len(h) == _HEAD}
    short = [
        (n, {h: _with_shorter(h, heads, always) for h in heads if len(h) == n})
        for n in range(_HEAD - 1, 0, -1)
    ]
    short = [(n, table) for n, table in short if table]
    anywhere = tuple(sorted(always))
    # The same scan without the alternatives tried everywhere, for a text where none of them
    # can match: at each word they would be tried and fail, so leaving them out changes no
    # match. What tells: a word each of their matches holds (`_needed`) missing from the text,
    # else one search of them alone; and then only the words some head starts with are tried.
    live = re.compile(lead + "(?:" + "|".join(fine[k][1] for k in anywhere) + ")" + tail, flags)
    needed = [_needed(_PARSER.parse(fine[k][1], flags).data) for k in anywhere]
    words = None if None in needed else {w for n in needed for w in n or ()}
    bare = (
        {h: tuple(k for k in t if k not in always) for h, t in whole_heads.items()},
        [
            (n, {h: tuple(k for k in t if k not in always) for h, t in table.items()})
            for n, table in short
        ],
        (),
        re.compile(
            lead
            + "(?:["
            + "".join(re.escape(c) for c in _ASCII if lowered(c) in {h[0] for h in heads})
            + "]|[^\\x00-\\x7f])",
            flags & ~re.IGNORECASE,
        ),
    )
    full = (whole_heads, short, anywhere, starts)
    compiled: dict[tuple[int, ...], re.Pattern[str]] = {}

    def regex(tried: tuple[int, ...]) -> re.Pattern[str]:
        """The alternatives `tried` as one regex, in their order (compiled when first met)."""
        found = compiled.get(tried)
        if found is None:
            named = itertools.groupby(tried, key=lambda k: fine[k][0])  # (a group's are in a run)
            body = "|".join(f"(?P<{n}>{'|'.join(fine[k][1] for k in ks)})" for n, ks in named)
            found = compiled[tried] = re.compile(f"{lead}(?:{body}){tail}", flags)
        return found

    def scan(text: str) -> Iterator[re.Match[str]]:
        pos = 0
        low = lowered(text)
        if not anywhere or (
            (words is None or any(w in low for w in words)) and live.search(text) is not None
        ):
            heads_, short_, anywhere_, starts_ = full
        else:
            heads_, short_, anywhere_, starts_ = bare
        for start in starts_.finditer(text):
            at = start.start()
            if at < pos:
                continue  # inside the last match
            tried = heads_.get(low[at : at + _HEAD])
            if tried is None:
                for n, table in short_:
                    tried = table.get(low[at : at + n])
                    if tried is not None:
                        break
                else:
                    tried = anywhere_
            if tried:
                m = regex(tried).match(text, at)
                if m is not None:
                    yield m
                    pos = m.end()  # never empty: every alternative has a first character

    return whole, scan


def _needed(items: Any) -> set[str] | None:
    """Words, lower-cased, one of which every match of the sequence `items` holds (its longest
    run of plain ASCII characters, or of one of its parts: any branch's); None where none is
    known."""
    found: list[set[str]] = []
    run = ""
    for op, av in items:
        name = str(op)
        if name == "LITERAL" and chr(av).isascii():
            run += chr(av).lower()
            continue
        if run:
            found.append({run})
            run = ""
        part: set[str] | None = None
        if name == "SUBPATTERN":
            part = _needed(av[3].data)
        elif name == "BRANCH":
            each = [_needed(branch.data) for branch in av[1]]
            part = None if any(e is None for e in each) else {w for e in each for w in e or ()}
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            part = _needed(av[2].data)
        if part:
            found.append(part)
    if run:
        found.append({run})
    return max(found, key=lambda words: min(len(w) for w in words), default=None)


def _with_shorter(head: str, heads: dict[str, set[int]], always: set[int]) -> tuple[int, ...]:
    """The alternatives that may match where the text starts with `head`: its own, those of
    the shorter heads it starts with, and those tried everywhere, in order."""
    found = always.union(*(heads.get(head[:n], ()) for n in range(1, len(head) + 1)))
    return tuple(sorted(found))


def _held(alternative: str, flags: int) -> list[str]:
    """ "a(?:nswered|rrived)": ["answered", "arrived"], the same alternatives in the same order;
    `[alternative]` for any other form."""
    if not (alternative[:1].isalpha() and alternative[1:4] == "(?:" and alternative[-1:] == ")"):
        return [alternative]
    items = _top_level_items(re.compile(alternative[1:], flags))
    data = _PARSER.parse(alternative, flags).data
    branches = _top_level_branches(alternative[4:-1])
    if len(data) != 2 or str(data[0][0]) != "LITERAL" or len(items) != len(branches):
        return [alternative]
    return [alternative[0] + b for b in branches]


def _named(groups: list[tuple[str, list[str]]], keep: set[str] | None) -> str:
    """The named groups of the alternatives in `keep` (all for None; an emptied group is left
    out)."""
    return "|".join(
        f"(?P<{name}>{'|'.join(kept)})"
        for name, alts in groups
        if (kept := [a for a in alts if keep is None or a in keep])
    )


# how many characters of the start of a match `_starts` reads (4: ~2x fewer regexes tried
# than with the first letter alone, on prose)
_HEAD = 4


def _starts(items: Any, room: int) -> set[tuple[str, bool]]:
    """(head, cut) for the sequence `items`: the lower-cased strings of at most `room`
    characters a match can start with; `cut` where what follows is not told (`room` reached,
    or a part not read), else `head` is a whole match of `items` and the next items go on."""
    out = {("", False)}
    for op, av in items:
        more: set[tuple[str, bool]] = set()
        for head, cut in out:
            if cut or len(head) >= room:
                more.add((head, True))
                continue
            more |= {(head + h, c) for h, c in _one(str(op), av, room - len(head))}
        out = more
    return out


def _one(name: str, av: Any, room: int) -> set[tuple[str, bool]]:
    """`_starts` of one item of a parse."""
    if name == "LITERAL":
        return {(chr(av).lower(), False)} if chr(av).isascii() else {("", True)}
    if name == "IN":
        chars: list[str] = []
        for op, a in av:
            if str(op) == "LITERAL" and chr(a).isascii():
                chars.append(chr(a).lower())
            elif str(op) == "CATEGORY" and str(a) == "CATEGORY_SPACE":
                chars.append(" ")  # (`lowered` text has no other white space)
            else:
                return {("", True)}
        return {(c, False) for c in chars}
    if name == "CATEGORY" and str(av) == "CATEGORY_SPACE":
        return {(" ", False)}
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return {("", False)}  # takes no character
    if name == "SUBPATTERN":
        return _starts(av[3].data, room)
    if name == "BRANCH":
        return {s for branch in av[1] for s in _starts(branch.data, room)}
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return _repeat(av[0], av[1], av[2].data, room)
    return {("", True)}


def _repeat(least: int, most: int, sub: Any, room: int) -> set[tuple[str, bool]]:
    """`_starts` of `sub` repeated `least` to `most` times."""
    out = {("", False)} if least == 0 else set()
    if most == 0:
        return out
    if room <= 0:
        return {("", True)}
    for head, cut in _starts(sub, room):
        if cut or not head:
            out.add((head, True))  # (an empty turn: what follows is not told)
            continue
        for more, c in _repeat(max(least - 1, 0), most - 1, sub, room - len(head)):
            out.add((head + more, c))
    return out
