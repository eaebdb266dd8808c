"""The highlight marks the figure's own characters, never a number that contains its text."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fighterflows.report.marks import figure_mark
from tests.factories import document, estimate


def _mark_of(sentence: str, quote: str, nth: int = 0) -> tuple[int, int] | None:
    doc = document("d.txt", [sentence])
    e = estimate(doc, quote)
    at = -1
    for _ in range(nth + 1):  # the estimate anchored on the nth whole occurrence
        at = doc.text.index(quote, at + 1)
    e = dataclasses.replace(e, start=at, end=at + len(quote))
    return figure_mark(e, doc.text)


@pytest.mark.parametrize(
    ("sentence", "quote", "expected"),
    [
        ("Of the 850 Britons who went, 50 were minors.", "50", "50 were"),
        ("Some 1,050 left and 50 came back.", "50", "50 came"),
        ("About 4,640 minors went; 640 of them came back.", "640", "640 of"),
        ("Up to 13.5 percent, or 5 in all, died.", "5", "5 in"),
    ],
)
def test_without_the_text_a_figure_is_found_as_a_whole_number(
    sentence: str, quote: str, expected: str
) -> None:
    doc = document("d.txt", [sentence])
    e = estimate(doc, quote)
    mark = figure_mark(dataclasses.replace(e, start=0, end=0))  # offsets not usable
    assert mark is not None
    assert sentence[mark[0] :].startswith(expected)


def test_with_the_text_the_offsets_decide_between_two_equal_figures() -> None:
    sentence = "In 2015, 50 went and by 2017, 50 had come back."
    second = sentence.index("50", sentence.index("50") + 1)
    assert _mark_of(sentence, "50", nth=1) == (second, second + 2)


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=9))
def test_a_number_is_never_marked_inside_a_longer_one(small: int, lead: int) -> None:
    sentence = f"Of {lead}{small} who went, {small} came back."
    doc = document("d.txt", [sentence])
    e = estimate(doc, f"{small}")
    mark = figure_mark(dataclasses.replace(e, start=0, end=0))
    assert mark is not None and sentence[mark[0] - 2 : mark[0]] == ", "
