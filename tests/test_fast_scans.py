"""The ingest's two fast scans give the verdicts of the plain code they replace: the prefilter's
one pass for its topic stems (`in` over the lowered text, stem by stem) and the JSONL reader's
parser (`json.loads`, values and error messages)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fighterflows.extract.text import prefilter
from fighterflows.read.jsonline import parse_line


def plain_topic(text: str) -> bool:
    lowered = text.lower()
    return any(stem in lowered for stem in prefilter._TOPIC)


def plain_verdict(text: str) -> bool:
    return plain_topic(text) and prefilter.NUMBER.search(text) is not None


def test_the_stems_are_lower_case_ascii() -> None:
    # the one-pass search reads the lowered text's UTF-8 bytes: only ASCII stems match there
    # exactly where they match in the text
    for stem in prefilter._TOPIC:
        assert stem.isascii() and stem == stem.lower(), stem


# Pieces that put stems, near-stems, non-ASCII letters that lower to ASCII-like forms (the
# dotted capital I, the Kelvin sign), surrogates and digits next to each other.
PIECES = st.sampled_from(
    [
        *prefilter._TOPIC,
        "FIGHT",
        "Syria",
        "IRAQ",
        "İSIS",
        "ISİL",
        "\u212a",
        "fi ght",
        "al-h",
        "ol",
        "\ud800",
        "é",
        "ß",
        " ",
        "\n",
        "12",
        "seven",
        "none",
        "x",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=12).map("".join))
def test_the_prefilter_judges_as_the_plain_scans(text: str) -> None:
    assert prefilter.might_contain_estimates(text) is plain_verdict(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some 40 FIGHTERS left.", True),
        ("Some 40 left for SYRIA.", True),
        ("The Islamic\nState took 40.", False),  # the stem has one space, not a line break
        ("İSIS took 40.", False),  # "i̇sis" once lowered: a combining dot after the i
        ("Forty went to al-Hawl.", True),
        ("Forty went to Raqqa.", False),
    ],
)
def test_the_prefilter_on_cases(text: str, expected: bool) -> None:
    assert prefilter.might_contain_estimates(text) is expected
    assert plain_verdict(text) is expected


def _outcome(parse: Any, text: str) -> tuple[str, Any]:
    try:
        return "value", parse(text)
    except json.JSONDecodeError as error:
        return "error", (error.msg, error.lineno, error.colno)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


@settings(max_examples=600, deadline=None)
@given(st.dictionaries(st.text(max_size=6), JSON_VALUES, max_size=5), st.booleans())
def test_a_record_parses_as_json_loads_parses_it(record: dict[str, Any], ascii_only: bool) -> None:
    line = json.dumps(record, ensure_ascii=ascii_only)
    assert repr(_outcome(parse_line, line)) == repr(_outcome(json.loads, line))


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet='{}[]":,0123456789.eE-+ntrufalsNIy\\u abc\ud800', max_size=30))
def test_any_line_parses_or_fails_as_json_loads_does(line: str) -> None:
    assert repr(_outcome(parse_line, line)) == repr(_outcome(json.loads, line))


@pytest.mark.parametrize(
    "line",
    [
        '{"id": 123456789012345678901234567890, "text": "x"}',  # past 64 bits: not a float
        '{"id": 1e400, "text": "x"}',
        '{"id": NaN, "text": "x"}',
        '{"text": "lone \\ud800"}',
        '{"a": 1, "a": 2}',
        '{"text": "x"} trailing',
        "\ufeff{}",
    ],
)
def test_lines_where_the_parsers_differ(line: str) -> None:
    assert repr(_outcome(parse_line, line)) == repr(_outcome(json.loads, line))
