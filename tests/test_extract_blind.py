"""Blind extraction cases (tests/cases/blind/): written from the contract and a description of
each family of phrasing by someone who had not read the rules, so that they measure the
language of reporting rather than mirror the code. Each expected estimate also names its
scope. Known failures are strict xfails: the table records the extractor's limits.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from fighterflows.extract import stated_only
from fighterflows.extract.document.reading import extract_text
from fighterflows.model import Estimate
from tests.test_extract import describe_scoped as describe

CASES = sorted((Path(__file__).parent / "cases" / "blind").glob("*.tsv"))


def _params() -> list[object]:
    params: list[object] = []
    for path in CASES:
        with path.open(encoding="utf-8") as f:
            lines = [line for line in f if line.strip() and not line.startswith("#")]
        for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            group, name, text, expected = row[:4]
            reason = row[4] if len(row) > 4 else ""
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            params.append(pytest.param(text, expected, id=f"{group}-{name}", marks=marks))
    return params


def _canonical(expected: str) -> str:
    """Shares written with six digits ("0.333333") compare as the extractor prints them."""
    out = []
    for item in expected.split(" | "):
        words = item.split()
        if len(words) == 6 and words[3] == "share":
            words[4] = f"{float(words[4]):g}"
        out.append(" ".join(words))
    return " | ".join(out)


def extract_case(text: str) -> list[Estimate]:
    """A case is a passage of an article about the conflict, which the document prefilter
    lets through (tested on its own); the case tests what is read from the passage."""
    return stated_only(extract_text(text, "2020-01-01", "case").estimates)


@pytest.mark.parametrize(("text", "expected"), _params())
def test_blind_case(text: str, expected: str) -> None:
    assert describe(extract_case(text)) == _canonical(expected)


def test_the_blind_tables_are_there() -> None:
    assert len(_params()) >= 100
