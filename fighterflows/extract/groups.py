"""The armed group or side a figure's people joined, and the conflict zone they went to,
normalised through fighterflows/data/groups.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from fighterflows.extract.lexicon import group_index, load, named_regex, phrase


@dataclass(frozen=True, slots=True)
class Named:
    start: int
    end: int
    text: str
    name: str


@cache
def _groups() -> tuple[re.Pattern[str], list[str]]:
    return named_regex(load("groups")["groups"])


def group_regex() -> re.Pattern[str]:
    return _groups()[0]


def find_groups(text: str) -> list[Named]:
    regex, names = _groups()
    return [Named(m.start(), m.end(), m.group(), names[group_index(m)]) for m in regex.finditer(text)]


@cache
def _zones() -> tuple[re.Pattern[str], list[str]]:
    entries = [{"name": code, "aliases": aliases} for code, aliases in load("groups")["zones"].items()]
    parts = []
    names = []
    for i, entry in enumerate(entries):
        alts = sorted((phrase(a) for a in entry["aliases"]), key=len, reverse=True)
        parts.append(f"(?P<g{i}>" + "|".join(alts) + ")")
        names.append(str(entry["name"]))
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)
    return regex, names


def find_zone(text: str, groups: list[Named] = ()) -> str | None:  # type: ignore[assignment]
    """SYR, IRQ or syria-iraq from the zone names in `text`; None if it names neither.

    Group names are blanked first: "the Islamic State of Iraq and the Levant" is no zone.
    """
    for g in groups:
        text = text[: g.start] + " " * (g.end - g.start) + text[g.end :]
    regex, names = _zones()
    found = {names[group_index(m)] for m in regex.finditer(text)}
    if "syria-iraq" in found or {"SYR", "IRQ"} <= found:
        return "syria-iraq"
    if "SYR" in found:
        return "SYR"
    if "IRQ" in found:
        return "IRQ"
    return None


def nearest_group(groups: list[Named], pos: int) -> str | None:
    """The group named nearest to `pos` (a figure's offset) in its sentence."""
    if not groups:
        return None
    return min(groups, key=lambda g: min(abs(g.start - pos), abs(g.end - pos))).name
