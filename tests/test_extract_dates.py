"""Dates and scopes of figures by phrasing (tests/cases/dates_families.tsv): each stated
estimate's as_of, since and scope for a document of a given date."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from fighterflows.extract import extract
from fighterflows.model import Estimate
from tests.test_extract import _figure

CASES = Path(__file__).parent / "cases" / "dates_families.tsv"


def _rows() -> list[list[str]]:
    with CASES.open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _params() -> list[object]:
    params: list[object] = []
    for row in _rows():
        group, name, published, text, expected = row[:5]
        marks = [pytest.mark.xfail(reason=row[5], strict=True)] if len(row) > 5 and row[5] else []
        params.append(pytest.param(text, published, expected, id=f"{group}-{name}", marks=marks))
    return params


def _dated(estimates: list[Estimate]) -> str:
    stated = [e for e in estimates if not e.derived]
    if not stated:
        return "-"
    return " | ".join(
        f"{_figure(e)} {e.as_of or '-'} {e.since or '-'} {e.scope.value}" for e in stated
    )


@pytest.mark.parametrize(("text", "published", "expected"), _params())
def test_dates_case(text: str, published: str, expected: str) -> None:
    # a case writes a paragraph break as "\\n"
    assert _dated(extract(text.replace("\\n", "\n"), published, "case")) == expected


def test_every_family_has_three_cases() -> None:
    groups = [row[0] for row in _rows()]
    assert len(set(groups)) >= 4 and all(groups.count(g) >= 3 for g in set(groups))
