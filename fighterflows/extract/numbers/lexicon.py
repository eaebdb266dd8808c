"""The number grammar's vocabulary: fighterflows/data/numbers.yaml, loaded once.

Phrases become regex alternatives (longest first, any run of white space between words) that
are matched case-insensitively on the original text, so offsets stay those of the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from fighterflows.model import Qualifier
from fighterflows.trie import trie_pattern
from fighterflows.yamldata import parse

# Token classes of spelled-out numbers (see words.py).
UNIT, TEEN, TENS, HUNDRED, SCALE, DOZEN = "unit", "teen", "tens", "hundred", "scale", "dozen"
FRAC, ORD, SORD = "frac", "ord", "sord"


@dataclass(frozen=True, slots=True)
class Word:
    cls: str
    value: float
    plural: bool = False


@dataclass(frozen=True, slots=True)
class Vague:
    low: float
    high: float


@cache
def data() -> dict[str, Any]:
    text = resources.files("fighterflows").joinpath("data", "numbers.yaml").read_text("utf-8")
    loaded = parse(text)
    if not isinstance(loaded, dict):
        raise ValueError("numbers.yaml is not a mapping")
    return loaded


def phrase(text: str) -> str:
    """A literal phrase as a regex that tolerates any run of white space between words."""
    return r"\s+".join(re.escape(w) for w in text.split())


def alternation(phrases: list[str] | set[str]) -> str:
    """The phrases as one regex, factored into a trie: Python's re tries alternatives one by
    one, so "one|once|..." as a trie is many times faster than a flat list."""
    return trie_pattern((" ".join(p.lower().split()) for p in phrases), typographic=False)


@cache
def words() -> dict[str, Word]:
    """Every spelled-out number word (lower case) and what it is."""
    d = data()
    out: dict[str, Word] = {}
    for key, cls in (("ones", UNIT), ("teens", TEEN), ("tens", TENS)):
        out.update({w: Word(cls, float(v)) for w, v in d[key].items()})
    for w, v in d["scales"].items():
        cls = HUNDRED if v == 100 else SCALE
        out[w] = Word(cls, float(v))
        out[w + "s"] = Word(cls, float(v), plural=True)
    out.update({w: Word(DOZEN, 12.0, plural=w.endswith("s")) for w in d["dozens"]})
    out.update(
        {
            w: Word(FRAC, float(v), w.endswith("s") or w == "halves")
            for w, v in d["fractions"].items()
        }
    )
    for w, v in d["ordinals"].items():
        out[w] = Word(ORD, float(v))
        out[w + "s"] = Word(ORD, float(v), plural=True)
    for w, v in d["scale_ordinals"].items():
        out[w] = Word(SORD, float(v))
        out[w + "s"] = Word(SORD, float(v), plural=True)
    return out


@cache
def suffixes() -> dict[str, float | None]:
    """Case-sensitive scale suffixes of digits ("10k", "10M"); None marks a unit ("1m")."""
    return {k: (None if v is None else float(v)) for k, v in data()["suffixes"].items()}


@cache
def vague() -> dict[str, Vague]:
    out: dict[str, Vague] = {}
    for entry in data()["vague"]:
        for w in entry["words"]:
            out[" ".join(w.split())] = Vague(float(entry["low"]), float(entry["high"]))
    return out


def _qualified(section: str) -> dict[str, Qualifier]:
    return {p: Qualifier(q) for q, phrases in data()[section].items() for p in phrases}


@cache
def prefix_hedges() -> dict[str, Qualifier]:
    return _qualified("prefix_hedges")


@cache
def suffix_hedges() -> dict[str, Qualifier]:
    return _qualified("suffix_hedges")


def normal(text: str) -> str:
    """A matched phrase as a key of the word lists: lower case, single spaces."""
    return " ".join(text.lower().split())


def edge(pattern: str) -> str:
    """Word-bounded where the phrase starts or ends with a letter, free for symbols."""
    return rf"(?:(?<![\w-])(?:{pattern})(?![\w]))"


def list_pattern(key: str) -> str:
    return alternation(data()[key])


@cache
def gap_hedges() -> str:
    """The hedges a rule reads across between a word and its figure (numbers.yaml:
    gap_hedges), as one regex alternative."""
    return list_pattern("gap_hedges")


@dataclass(frozen=True, slots=True)
class Before:
    """Phrases that end right before a position ("at least ", "$", "aged ").

    Matched backwards: one anchored regex on the reversed window, which is far cheaper than
    searching the window for a phrase that ends where the number starts.
    """

    patterns: tuple[re.Pattern[str], ...]
    width: int

    def find(self, text: str, pos: int) -> tuple[int, str] | None:
        """(start of the phrase, the phrase normalised) for the longest phrase ending at pos."""
        rev = text[max(0, pos - self.width) : pos][::-1]
        best = 0
        for pattern in self.patterns:
            m = pattern.match(rev)
            if m and m.end() > best:
                best = m.end()
        if not best:
            return None
        return pos - best, normal(text[pos - best : pos])


@cache
def before(phrases: tuple[str, ...]) -> Before:
    """A Before for these phrases: a word-final phrase needs white space before the number
    ("about 5"), a symbol does not ("~5", "$5"); a phrase starting with a letter starts a word."""
    buckets: dict[tuple[bool, bool], list[str]] = {}
    for p in phrases:
        buckets.setdefault((p[0].isalnum(), p[-1].isalnum()), []).append(p)
    patterns = []
    for (word_start, word_end), group in sorted(buckets.items()):
        rev = alternation([" ".join(w[::-1] for w in reversed(p.split())) for p in group])
        sep = r"\s+" if word_end else r"\s*"
        edge_ = r"(?!\w)" if word_start else r"(?![<>=])"
        patterns.append(re.compile(f"{sep}(?:{rev}){edge_}", re.IGNORECASE))
    width = max(len(p) for p in phrases) + 8
    return Before(tuple(patterns), width)
