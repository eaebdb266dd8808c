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

import yaml

from fighterflows.model import Qualifier

# Token classes of spelled-out numbers (see numbers_words).
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
    loaded = yaml.safe_load(text)
    if not isinstance(loaded, dict):
        raise ValueError("numbers.yaml is not a mapping")
    return loaded


def phrase(text: str) -> str:
    """A literal phrase as a regex that tolerates any run of white space between words."""
    return r"\s+".join(re.escape(w) for w in text.split())


def alternation(phrases: list[str] | set[str]) -> str:
    return "|".join(phrase(p) for p in sorted(phrases, key=lambda p: (-len(p), p)))


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
    out.update({w: Word(FRAC, float(v), w.endswith("s") or w == "halves")
                for w, v in d["fractions"].items()})
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
