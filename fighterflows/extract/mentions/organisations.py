"""Organisations a text names that the data does not know ("a study by the Egmont Institute",
"The Institute for Security Studies published its review"), so that "the study", "the report"
or "the institute" later on can stand for them (document.py)."""

from __future__ import annotations

import re

from fighterflows.extract.mentions.groups import find_groups
from fighterflows.extract.mentions.sources import (
    BARE_OFFICE,
    NATIONAL_BODY,
    ORG_WORDS,
    national_possessive,
    national_source,
)
from fighterflows.places import find_places

# A capitalised name of several words, with the small words names keep inside ("Centre for
# the Study of Radicalisation")
_NAME_RUN = re.compile(
    r"\b[A-Z][\w'’.&-]*(?:\s+(?:(?:of|for|the|and|on|against)\s+){0,2}[A-Z][\w'’.&-]*)+"
)
_LEADING_NAME_ARTICLE = re.compile(
    r"^(?:(?:The|A|An|In|By|From|For|According|As|Its|Their)\s+)?(?:[A-Z][\w'’.-]*-based\s+)?"
)


def organisations(text: str, known: list[tuple[int, int, str]]) -> list[tuple[int, str]]:
    """(offset, name) of organisations a text names that the data does not know (`known`: the
    spans of those it knows): "a study by the Egmont Institute", "The Institute for Security
    Studies published"; capitalised names with a word of `organisation_words` or
    `publication_words`; never a country's office without its country ("the Ministry of
    Interior"), which only the figure's country names."""
    if not ORG_WORDS.search(text):
        return []
    out: list[tuple[int, str]] = []
    for m in _NAME_RUN.finditer(text):
        if any(s < m.end() and m.start() < e for s, e, _ in known):
            continue
        # (not the full stop after a name: "the Egmont Institute. Its …")
        run = re.sub(r"(?<=[a-z]{2})\.$", "", m.group())
        for start, name in _parts(m.start(), run):
            lead = _LEADING_NAME_ARTICLE.match(name)
            if lead and lead.end():
                name, start = name[lead.end() :], start + lead.end()
            if (
                " " in name
                and ORG_WORDS.search(name)
                and not BARE_OFFICE.fullmatch(name)
                and not (NATIONAL_BODY.search(name) and not find_places(name))
                and not find_groups(name)  # an armed group ("Islamic State Group") writes no report
            ):
                out.append((start, national_source(name) or national_possessive(name)))
    return out


_AND = re.compile(r"\s+and\s+")


def _parts(start: int, run: str) -> list[tuple[int, str]]:
    """ "the Brookings Institution and Kosovo Police": two names, when each side is one."""
    pieces = _AND.split(run)
    if len(pieces) == 1 or not all(ORG_WORDS.search(p) for p in pieces):
        return [(start, run)]
    out, at = [], start
    for piece in pieces:
        at = start + run.index(piece, at - start)
        out.append((at, piece))
        at += len(piece)
    return out
