"""One regex for many keys, built as a trie: each text position costs one branch a character.

The one builder of such regexes: the gazetteers (places, sources: thousands of aliases, matched
in one pass) and the number grammar's word lists (`extract/numbers/lexicon.alternation`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

APOSTROPHES = "'’"
HYPHENS = "-‐‑‒–"

Trie = dict[str, "Trie"]  # one character per level; the key "" marks the end of a key


def trie_pattern(keys: Iterable[str], typographic: bool = True) -> str:
    """A regex (without boundaries) that matches any of `keys`, the longest first.

    A space in a key matches any run of whitespace; an apostrophe or hyphen matches its
    typographic variants too, unless `typographic` is False (every other character as itself)."""
    root: Trie = {}
    for key in keys:
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _body(root, typographic)


def _body(node: Trie, typographic: bool) -> str:
    branches = [
        _char(ch, typographic) + _body(child, typographic)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A key ending here: the longer continuation is tried first (greedy), then the end.
    return "(?:" + body + ")?" if "" in node else body


def _char(ch: str, typographic: bool) -> str:
    if ch == " ":
        return r"\s+"
    if not typographic:
        return re.escape(ch)
    if ch in APOSTROPHES:
        return f"[{APOSTROPHES}]"
    if ch in HYPHENS:
        return f"[{re.escape(HYPHENS)}]"
    return re.escape(ch)
