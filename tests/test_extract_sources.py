"""Attribution cases by phrasing (tests/cases/sources.tsv): who each stated figure is
attributed to, normalised."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from fighterflows.extract import extract
from fighterflows.extract.mentions.sources import national_source

CASES = Path(__file__).parent / "cases" / "sources.tsv"


def _params() -> list[object]:
    with CASES.open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    params: list[object] = []
    for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        group, name, text, expected = row[:4]
        marks = [pytest.mark.xfail(reason=row[4], strict=True)] if len(row) > 4 and row[4] else []
        params.append(pytest.param(text, expected, id=f"{group}-{name}", marks=marks))
    return params


@pytest.mark.parametrize(("text", "expected"), _params())
def test_source(text: str, expected: str) -> None:
    found = extract(text, "2020-01-01", "case", derived=False)
    assert (" | ".join(e.source or "-" for e in found) or "-") == expected


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        pytest.param(
            "the Belgian interior ministry", "Belgian Ministry of Interior", id="adjective"
        ),
        pytest.param(
            "Belgium's Interior Ministry", "Belgian Ministry of Interior", id="possessive"
        ),
        pytest.param("officials in Belgium", "Belgian authorities", id="officials-in"),
        pytest.param("the Dutch government", "Dutch government", id="government"),
        pytest.param(
            "France's Ministry of Foreign Affairs", "French Ministry of Foreign Affairs", id="of"
        ),
        pytest.param("U.S. and Belgian authorities", None, id="two-countries"),
        pytest.param("Federal officials", None, id="no-country"),
        pytest.param("European officials", None, id="region"),
        pytest.param("the interior ministry", None, id="no-country-ministry"),
    ],
)
def test_national_source(who: str, expected: str | None) -> None:
    assert national_source(who) == expected


STORY = """VIENNA (Reuters) - Some 320 people have left Austria to join militant groups in Syria \
and Iraq since 2012, the country's interior ministry said on Friday.

Of those, around 90 have returned to Austria and about 70 are believed to have been killed, \
the ministry said in its annual security report. Roughly 160 are still thought to be in the \
conflict zone.

The numbers are lower than those of neighbouring Germany, where the domestic intelligence \
agency counts more than 1,050 departures.
"""


def test_generic_offices_resolve_to_the_figure_s_country_never_to_the_dateline() -> None:
    found = extract(STORY, "2019-03-02", "story", derived=False)
    assert [(e.place, e.flow.value, e.source) for e in found] == [
        ("AUT", "departed", "Austrian Ministry of Interior"),
        ("AUT", "returned", "Austrian Ministry of Interior"),
        ("AUT", "killed", "Austrian Ministry of Interior"),
        ("AUT", "remaining", None),  # "are still thought to be": no source of its own
        ("DEU", "departed", "Federal Office for the Protection of the Constitution"),
    ]


FAMILIES = Path(__file__).parent / "cases" / "sources_families.tsv"


def _family_params() -> list[object]:
    with FAMILIES.open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    params: list[object] = []
    for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        family, name, text, sources, texts = row[:5]
        marks = [pytest.mark.xfail(reason=row[5], strict=True)] if len(row) > 5 and row[5] else []
        params.append(pytest.param(text, sources, texts, id=f"{family}-{name}", marks=marks))
    return params


@pytest.mark.parametrize(("text", "sources", "texts"), _family_params())
def test_source_families(text: str, sources: str, texts: str) -> None:
    """The source of each stated figure and the words that attribute it."""
    found = extract(text.replace("\\n", "\n"), "2020-01-01", "case", derived=False)
    assert (" | ".join(e.source or "-" for e in found) or "-") == sources
    # the words as the text has them: a line break in them is written "\n" in the table
    assert (" | ".join(e.source_text or "-" for e in found) or "-") == texts.replace("\\n", "\n")
