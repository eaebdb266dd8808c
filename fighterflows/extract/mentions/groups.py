"""The armed group or side a figure's people joined, and the conflict zone they went to,
normalised through fighterflows/data/groups.yaml."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from fighterflows.extract.mentions.lexicon import Gazetteer, Hit, gazetteer, load

GroupHit = Hit  # an armed group named in a text (document.Named is a source named)


@cache
def groups_gazetteer() -> Gazetteer:
    return gazetteer(load("groups")["groups"])


@cache
def _zones() -> Gazetteer:
    entries = [
        {"name": code, "aliases": aliases} for code, aliases in load("groups")["zones"].items()
    ]
    return gazetteer(entries)


@cache
def group_countries() -> dict[str, str]:
    """Group name -> the country its fighters come from, for national militias."""
    return {g["name"]: g["country"] for g in load("groups")["groups"] if g.get("country")}


def find_groups(text: str) -> list[GroupHit]:
    return groups_gazetteer().finditer(text)


_HOME_STATE = re.compile(
    r"\bIraq(?=(?:['’]s)?\s+(?:government\s+|authorities\s+)?(?:has\s+|have\s+|had\s+)?"
    r"(?:\w+ly\s+)?(?:repatriated|brought|received|took|flew|returned|transferred|retrieved)\b)"
)


def find_zone(text: str, groups: Sequence[GroupHit] = ()) -> str | None:
    """SYR, IRQ or syria-iraq from the zone names in `text`; None if it names neither.

    Group names are blanked first: "the Islamic State of Iraq and the Levant" is no zone.
    """
    for g in groups:
        text = text[: g.start] + " " * (g.end - g.start) + text[g.end :]
    # "Iraq has repatriated 8,000 Iraqis from al-Hol in Syria": Iraq brings its own people
    # home; the zone they come back from is Syria alone
    if "Iraq" in text:  # (every match of `_HOME_STATE` holds it: the scan only where it may)
        text = _HOME_STATE.sub(lambda m: " " * len(m.group()), text)
    found = {hit.name for hit in _zones().finditer(text)}
    if "syria-iraq" in found or {"SYR", "IRQ"} <= found:
        return "syria-iraq"
    if "SYR" in found:
        return "SYR"
    if "IRQ" in found:
        return "IRQ"
    if any(g.name == "Islamic State" for g in groups):
        return "syria-iraq"  # the caliphate's territory: Syria and Iraq
    return None


def nearest_group(groups: Sequence[GroupHit], pos: int) -> str | None:
    """The group named nearest to `pos` (a figure's offset) in its sentence."""
    if not groups:
        return None
    return min(groups, key=lambda g: min(abs(g.start - pos), abs(g.end - pos))).name
