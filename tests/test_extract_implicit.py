"""Counts found from the words around them (fighterflows/extract/mentions/implicit.py): "a woman" in
a list of counts, "No Icelanders" as a zero."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fighterflows.extract.mentions.implicit import implicit_numbers
from fighterflows.extract.numbers import find_numbers
from fighterflows.places import find_places


def _implicit(text: str) -> list[tuple[str, float | None]]:
    numbers = find_numbers(text)
    found = implicit_numbers(text, numbers, find_places(text))
    return [(n.text, n.value) for n in found if n not in numbers]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("eight men, a woman and two children", [("a", 1.0)], id="list-middle"),
        pytest.param("two men and a woman returned", [("a", 1.0)], id="list-end"),
        pytest.param("a woman and three children came back", [("a", 1.0)], id="list-start"),
        pytest.param("A woman returned to Malaysia.", [], id="alone"),
        pytest.param("a man from 2014", [], id="no-list"),
        pytest.param("No Icelanders have gone.", [("No", 0.0)], id="no-demonym"),
        pytest.param("not a single Japanese national", [("not a single", 0.0)], id="not-single"),
        pytest.param("No evidence was found.", [], id="no-noun"),
        pytest.param("Syria has no Belgium embassy.", [], id="no-name"),
    ],
)
def test_implicit(text: str, expected: list[tuple[str, float]]) -> None:
    assert _implicit(text) == expected


_WORDS = [
    "a",
    "woman",
    "man",
    "No",
    "no",
    "Icelanders",
    "and",
    ",",
    "two",
    "men",
    "3",
    "not",
    "single",
    "Belgians",
    " ",
    "children",
]


@settings(deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14))
def test_spans_hold_sorted_and_disjoint(words: list[str]) -> None:
    text = " ".join(words)
    found = implicit_numbers(text, find_numbers(text), find_places(text))
    assert all(text[n.start : n.end] == n.text for n in found)
    assert all(a.end <= b.start for a, b in pairwise(found))
