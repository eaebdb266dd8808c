"""Derived counts: a share times its base, only where the base counts the same people."""

from __future__ import annotations

import pytest

from fighterflows.extract import extract

CASES = [
    pytest.param(
        "About 30 percent of the approximately 5,000 EU residents who went to Syria have "
        "returned, the network estimated.",
        [("eu", "returned", 1500)],
        id="share-of-a-base-of-departures",
    ),
    pytest.param(
        "Some 425 people have returned to the UK, the centre says, close to half of those "
        "who left.",
        [],
        id="base-of-the-same-flow-is-no-base",
    ),
    pytest.param(
        "Western Europe saw 5,718 people leave. According to the study, 53.8 percent of those "
        "who left Finland have returned.",
        [],
        id="base-of-another-place-is-no-base",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_derived_counts(text: str, expected: list[tuple[str, str, int]]) -> None:
    derived = [(e.place, e.flow.value, e.value) for e in extract(text, "2017-10-24") if e.derived]
    assert derived == expected
