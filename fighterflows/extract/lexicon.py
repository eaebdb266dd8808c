"""Load the reviewed word lists in fighterflows/data once, and compile them to regexes.

Every list is matched case-insensitively on the original text (never a lower-cased copy: a
lower-cased string can change length, and offsets index the original).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from fighterflows.model import Flow, Population


DATA = Path(__file__).resolve().parent.parent / "data"


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed YAML data file `fighterflows/data/<name>.yaml`."""
    text = (DATA / f"{name}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"data file {name}.yaml is not a mapping")
    return data


def alternation(patterns: list[str]) -> str:
    """One regex alternative per pattern, longest first so longer phrases win."""
    return "|".join(sorted((p.replace(" ", r"\s+") for p in patterns), key=len, reverse=True))


def phrase(alias: str) -> str:
    """A literal alias as a regex that tolerates any run of whitespace between words."""
    return r"\s+".join(re.escape(word) for word in alias.split())


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters)


@cache
def flow_regex() -> re.Pattern[str]:
    """Flow cues: one named group per flow, plus `stock` for cues that only imply departure."""
    data = load("flows")
    parts = [f"(?P<{flow}>{alternation(pats)})" for flow, pats in data["cues"].items()]
    parts.append(f"(?P<unreal>{alternation(data['unreal'])})")
    parts.append(f"(?P<stock>{alternation(data['stock'])})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


@cache
def negation_regex() -> re.Pattern[str]:
    words = alternation(load("flows")["negation"])
    return re.compile(r"(?<![\w-])(?:" + words + r")(?![\w-])|n't\b", re.IGNORECASE)


@cache
def irrealis_regex() -> re.Pattern[str]:
    words = alternation(load("flows")["irrealis"])
    return re.compile(r"(?<![\w-])(?:" + words + r")(?![\w-])", re.IGNORECASE)


@cache
def people_regex(search: bool = False) -> re.Pattern[str]:
    """People nouns, a named group per population; `search` adds a leading word boundary."""
    people = load("populations")["people"]
    parts = [f"(?P<{pop}>{alternation(pats)})" for pop, pats in people.items()]
    lead = r"(?<![\w-])" if search else ""
    return re.compile(lead + r"(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


@cache
def excluded_regex() -> re.Pattern[str]:
    words = alternation(load("populations")["excluded"])
    return re.compile(r"(?:" + words + r")(?![\w-])", re.IGNORECASE)


@cache
def excluded_people_regex() -> re.Pattern[str]:
    """The excluded heads that are people (soldiers, civilians), searched anywhere."""
    words = alternation(load("populations")["excluded_people"])
    return re.compile(r"(?<![\w-])(?:" + words + r")(?![\w-])", re.IGNORECASE)


@cache
def local_regex() -> re.Pattern[str]:
    words = alternation(load("populations")["local"])
    return re.compile(r"(?:" + words + r")(?![\w-])", re.IGNORECASE)


FLOWS: dict[str, Flow] = {f.value: f for f in Flow}
POPULATIONS: dict[str, Population] = {p.value: p for p in Population}


def named_regex(entries: list[dict[str, Any]]) -> tuple[re.Pattern[str], list[str]]:
    """One regex over every name and alias of `entries` ({name, aliases}); group i → name i.

    Acronyms match case-sensitively (so "IS" is not "is"); other aliases ignore case.
    """
    parts: list[str] = []
    names: list[str] = []
    for i, entry in enumerate(entries):
        aliases = [entry["name"], *entry.get("aliases", [])]
        plain = [phrase(a) for a in aliases if not is_acronym(a)]
        caps = [phrase(a) for a in aliases if is_acronym(a)]
        alts = sorted(plain, key=len, reverse=True)
        if caps:
            alts.append("(?-i:" + "|".join(sorted(caps, key=len, reverse=True)) + ")")
        parts.append(f"(?P<g{i}>" + "|".join(alts) + ")")
        names.append(entry["name"])
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)
    return regex, names


def group_index(match: re.Match[str]) -> int:
    """The entry index of a match of a `named_regex`."""
    name = match.lastgroup or "g0"
    return int(name[1:])
