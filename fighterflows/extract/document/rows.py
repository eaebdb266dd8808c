"""Lists without verbs: lines that are a place and its figure, one to a line.

"Returned so far:" then "- France 250", "- Belgium 120"; a table a page flattened into lines
without its bars ("Country Estimate Per capita" then "Austria 100-150 17", "Belgium 440 40");
"Saudis: 2,500" under "Foreign fighters by nationality:". Each line names whose people its
first number counts (`labelled-row`); what they did the lead says: the lines before the rows
in their own block (a header), else the sentence before the run, by a verb of its own, else,
when it names a measure alone ("Estimate", "Number") or nothing, the figures just before
(`row-of-the-lead`, `row-of-the-figures-before`: only a lead that names a measure or people,
never attacks or arrests). A run needs two such lines at least; the
numbers after the first on a line (a rate per head, a share) are other columns and count no
one here.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from fighterflows.extract.assembly.drafts import Draft
from fighterflows.extract.assembly.placing import ZONE_CODES
from fighterflows.extract.document.tables import Column, cell_draft, header_column
from fighterflows.extract.mentions.flows import find_cues
from fighterflows.extract.mentions.lexicon import load
from fighterflows.extract.mentions.populations import people_words
from fighterflows.extract.numbers import NumberKind, find_numbers
from fighterflows.extract.text.sentences import BlockKind, Sentence
from fighterflows.model import Flow, Population
from fighterflows.places import PlaceMention, find_places

# a bullet, a label (a place's words), a separator, the figure, then only other columns
_ROW = re.compile(
    r"[ \t]*(?:[-*•–+][ \t]+)?(?P<label>[A-Z][A-Za-z.'’ -]{0,40}?)[ \t]*[:,–—-]?[ \t]*"
    r"(?P<figure>\d[\d,.]*(?:[ \t]*[-–][ \t]*\d[\d,.]*)?\+?)"
    r"(?:[ \t]+\d[\d,.]*[*%]?)*[ \t]*\*?[ \t]*$"
)
_LEAST_ROWS = 2
_SHORT_LEAD = 80  # characters
_LONGEST_ROW = 80


def _row(line: str) -> tuple[PlaceMention, int] | None:
    """The place a line is labelled with and the offset of its figure, when the line is a
    place and numbers only."""
    if len(line) > _LONGEST_ROW or not line.lstrip(" \t-*•–+")[:1].isupper():
        return None
    m = _ROW.fullmatch(line)
    if m is None:
        return None
    label = m.group("label").rstrip(" .")
    places = find_places(label)
    if len(places) != 1 or places[0].code in ZONE_CODES:
        return None
    p = places[0]
    if p.start > 0 or p.end < len(label):
        return None  # the label says more than the place ("Table 1", "France 24 reported")
    start = m.start("label")
    return PlaceMention(start + p.start, start + p.end, p.text, p.code, p.form), m.start("figure")


def row_lines(sentence: Sentence) -> tuple[str, list[tuple[Sentence, PlaceMention, int]]]:
    """The header (the lines before the first row) and the rows of a sentence whose lines
    after its header are all rows; ("", []) when it is no such list."""
    header: list[str] = []
    rows: list[tuple[Sentence, PlaceMention, int]] = []
    offset = 0
    for line in sentence.text.split("\n"):
        here = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        found = _row(line)
        if found is None:
            if rows:
                return "", []  # prose after the rows: no list
            header.append(line)
            continue
        start = sentence.start + here
        row = dataclasses.replace(sentence, start=start, end=start + len(line), text=line)
        rows.append((row, found[0], found[1]))
    return "\n".join(header), rows


def _lead_flow(words: str) -> Flow | None:
    """The flow of the lead's first verb, else of its words of a stock ("Foreign fighters by
    country:")."""
    cues = [c for c in find_cues(words) if not c.blocked]
    verbs = [c for c in cues if not c.stock] or cues
    if verbs:
        return verbs[0].flow
    # a short lead read as a table's header: "Foreign fighters by country:", "Returnees:"
    return header_column(words).flow if len(words) <= _SHORT_LEAD else None


# a lead that lends the rows the figures' flow names a measure or people, never what is no
# movement of people ("Attacks claimed by the group, by country:")
_MEASURE = re.compile(r"\b(?:" + "|".join(load("flows")["measure_nouns"]) + r")\b", re.I)
_NO_PEOPLE = re.compile(r"\b(?:" + "|".join(load("flows")["measures_of_no_people"]) + r")\b", re.I)


def _counts_people(lead: str) -> bool:
    if _NO_PEOPLE.search(lead):
        return False
    return bool(_MEASURE.search(lead)) or any(not w.excluded for w in people_words(lead))


def _lead_population(words: str) -> tuple[Population, str | None]:
    for w in people_words(words):
        if w.population is not None and not w.excluded and w.population is not Population.TOTAL:
            return w.population, w.text
    return Population.TOTAL, None


def row_drafts(
    rows: Sequence[tuple[Sentence, PlaceMention, int]],
    lead: str,
    flow_before: Flow | None,
) -> list[Draft]:
    """The drafts of a run of rows under `lead` (their header, else the sentence before)."""
    if len(rows) < _LEAST_ROWS:
        return []
    flow = _lead_flow(lead)
    rule = "row-of-the-lead"
    if flow is None and _counts_people(lead):
        flow, rule = flow_before, "row-of-the-figures-before"
    if flow is None:
        return []
    population, population_text = _lead_population(lead)
    column = Column(flow, population, population_text)
    out: list[Draft] = []
    for row, place, at in rows:
        numbers = [n for n in find_numbers(row.text) if n.start <= at < n.end or n.start == at]
        if not numbers or numbers[0].kind is not NumberKind.COUNT:
            continue
        d = cell_draft(row, numbers[0], place.code, place.text, column, flow)
        d.why["place"] = "labelled-row"
        d.why["flow"] = rule
        out.append(d)
    return out


def item_run(sentences: Sequence[Sentence], i: int) -> tuple[int, int] | None:
    """The first and last index of the run of list items that item `i` opens (None for a
    sentence that is no item or not the first of its run)."""
    if sentences[i].kind is not BlockKind.ITEM:
        return None
    if i > 0 and sentences[i - 1].kind is BlockKind.ITEM:
        return None
    j = i
    while j + 1 < len(sentences) and sentences[j + 1].kind is BlockKind.ITEM:
        j += 1
    return i, j
