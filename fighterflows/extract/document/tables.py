"""Figures in tables: a header row that names flows ("Left", "Returned", "Women
returned"), and rows that start with a place ("France | 1,910 | 271").

Every cell number becomes an estimate for the row's place and the column's flow and
population; its quote is the number in the cell, its sentence the row. Published tables
(the importer's CSV files) take the same path, one row at a time
(`fighterflows.extract.table_estimate`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from fighterflows.extract.assembly.drafts import Draft
from fighterflows.extract.mentions.flows import find_cues
from fighterflows.extract.mentions.lexicon import load
from fighterflows.extract.mentions.populations import people_words
from fighterflows.extract.numbers import NumberKind, NumberMention, find_numbers
from fighterflows.extract.text.sentences import Sentence
from fighterflows.model import Flow, Kind, Population
from fighterflows.places import find_places

_CELL = re.compile(r"[^|]+")
_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")
# Header words that name a flow without a verb ("Returnees", "Out", "Back", "Dead").
_HEADER_FLOWS = {
    "out": Flow.DEPARTED,
    "back": Flow.RETURNED,
    "returnees": Flow.RETURNED,
    "dead": Flow.KILLED,
    "deaths": Flow.KILLED,
    "foreign fighters": Flow.DEPARTED,
    "fighters": Flow.DEPARTED,
    "travelled": Flow.DEPARTED,
    "traveled": Flow.DEPARTED,
}


# A header that names a measure but no flow ("Estimate", "Number", "Total"): the column counts
# what the figures before the table counted (`table-of-the-figures-before`)
_MEASURE_HEADERS = frozenset(load("flows")["measure_nouns"])
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Cell:
    start: int  # offset in the document
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Column:
    flow: Flow | None
    population: Population
    population_text: str | None
    measure: bool = False  # a measure's noun alone: the flow of the figures before


def cells(row: Sentence) -> list[Cell]:
    """The cells of a table row, offsets in the document, surrounding spaces trimmed."""
    out: list[Cell] = []
    for m in _CELL.finditer(row.text):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            start = row.start + m.start() + lead
            out.append(Cell(start, start + len(body), body))
    return out


def header_column(header: str) -> Column:
    """What a header names: a flow (a verb, or a word such as "Returnees"), people, a measure."""
    return _column(header)


def _column(header: str) -> Column:
    cues = [c for c in find_cues(header) if not c.blocked]
    lowered = header.lower().strip()
    flow = cues[0].flow if cues else None
    for word, named in _HEADER_FLOWS.items():
        if flow is None and word in lowered:
            flow = named
    words = [w for w in people_words(header) if w.population is not None]
    population = words[0].population if words and words[0].population else Population.TOTAL
    measure = flow is None and lowered in _MEASURE_HEADERS
    return Column(flow, population, words[0].text if words else None, measure)


def table_drafts(rows: Sequence[Sentence], flow_before: Flow | None = None) -> list[Draft]:
    """The drafts of one table (its consecutive row lines, header first, then a rule, or
    straight after it rows of places when the header has no digit); a column headed by a
    measure alone ("Estimate") counts `flow_before`, the flow of the figures before it."""
    if len(rows) >= 3 and _RULE.match(rows[1].text):
        body = rows[2:]
    elif len(rows) >= 2 and not _DIGIT.search(rows[0].text):
        body = rows[1:]  # a page's table without its rule: "Country | Estimate |"
    else:
        return []
    columns = [
        dataclasses.replace(c, flow=flow_before) if c.measure else c
        for c in (_column(c.text) for c in cells(rows[0]))
    ]
    out: list[Draft] = []
    for row in body:
        out.extend(_row_drafts(row, columns))
    return out


def _row_drafts(row: Sentence, columns: list[Column]) -> list[Draft]:
    row_cells = cells(row)
    if not row_cells:
        return []
    places = find_places(row_cells[0].text)
    if not places:
        return []
    place = places[0]
    out: list[Draft] = []
    for cell, column in zip(row_cells[1:], columns[1:], strict=False):
        if column.flow is None:
            continue
        shift = cell.start - row.start
        for n in find_numbers(cell.text):
            if n.kind not in (NumberKind.COUNT, NumberKind.SHARE):
                continue
            in_row = dataclasses.replace(
                n,
                start=n.start + shift,
                end=n.end + shift,
                number_start=n.number_start + shift,
                number_end=n.number_end + shift,
            )
            d = cell_draft(row, in_row, place.code, place.text, column, column.flow)
            if column.measure:
                d.why["flow"] = "table-of-the-figures-before"
            out.append(d)
    return out


def cell_draft(
    row: Sentence, n: NumberMention, code: str, place_text: str, column: Column, flow: Flow
) -> Draft:
    return Draft(
        start=row.start + n.start,
        end=row.start + n.end,
        number=n,
        sentence_start=row.start,
        sentence_end=row.end,
        kind=Kind.SHARE if n.kind is NumberKind.SHARE else Kind.COUNT,
        population=column.population,
        population_text=column.population_text,
        place=code,
        place_text=place_text,
        flow=flow,
        attribution=None,
        as_of=None,
        since=None,
        zone=None,
        group=None,
        paragraph=row.paragraph,
    )
