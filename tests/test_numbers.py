"""The number grammar: case tables (tests/cases/numbers.tsv) and properties of find_numbers."""

from __future__ import annotations

import itertools
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fighterflows.extract.numbers import NumberKind, NumberMention, find_numbers, numbers_payload
from fighterflows.model import Qualifier

CASES = Path(__file__).parent / "cases" / "numbers.tsv"


def _float(cell: str) -> float | None:
    return float(cell) if cell else None


def load_cases() -> list[pytest.ParameterSet]:
    out = []
    group = "?"
    seen: dict[str, int] = {}
    for line in CASES.read_text("utf-8").splitlines():
        if line.startswith("# group:"):
            group = line.split(":", 1)[1].strip().replace(" ", "-")
            continue
        if not line.strip() or line.startswith(("#", "text\t")):
            continue
        cells = (line.split("\t") + [""] * 7)[:7]
        n = seen[group] = seen.get(group, 0) + 1
        out.append(pytest.param(*cells, id=f"{group}-{n}-{cells[0][:30]}"))
    return out


def same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9)


@pytest.mark.parametrize(
    ("text", "quote", "value", "low", "high", "qualifier", "kind"), load_cases()
)
def test_case(
    text: str, quote: str, value: str, low: str, high: str, qualifier: str, kind: str
) -> None:
    found = find_numbers(text)
    if not quote:
        counted = [n for n in found if n.kind in (NumberKind.COUNT, NumberKind.SHARE)]
        assert counted == []
        return
    match = [n for n in found if n.text == quote]
    assert match, f"{quote!r} not among {[n.text for n in found]}"
    n = match[0]
    assert (n.qualifier, n.kind) == (Qualifier(qualifier), NumberKind(kind))
    assert same(n.value, _float(value)), n
    assert same(n.low, _float(low)), n
    assert same(n.high, _float(high)), n


@pytest.mark.parametrize(
    ("qualifier", "low_is_value", "high_is_value"),
    [
        (Qualifier.EXACT, True, True),
        (Qualifier.APPROX, False, False),
        (Qualifier.AT_LEAST, True, False),
        (Qualifier.MORE_THAN, True, False),
        (Qualifier.AT_MOST, False, True),
        (Qualifier.LESS_THAN, False, True),
    ],
)
def test_intervals_follow_the_contract(
    qualifier: Qualifier, low_is_value: bool, high_is_value: bool
) -> None:
    phrases = {
        Qualifier.EXACT: "129",
        Qualifier.APPROX: "about 129",
        Qualifier.AT_LEAST: "at least 129",
        Qualifier.MORE_THAN: "more than 129",
        Qualifier.AT_MOST: "up to 129",
        Qualifier.LESS_THAN: "fewer than 129",
    }
    (n,) = find_numbers(phrases[qualifier] + " fighters")
    assert n.qualifier == qualifier
    assert n.low == (129 if low_is_value else None)
    assert n.high == (129 if high_is_value else None)


def test_number_offsets_exclude_the_hedge() -> None:
    text = "They said at least 5,600 went."
    (n,) = find_numbers(text)
    assert text[n.number_start : n.number_end] == "5,600"
    assert n.text == "at least 5,600"


def test_results_are_sorted_and_disjoint() -> None:
    text = "Between 2013 and 2015, about 30 percent of 5,000 to 6,000 fighters (one in five) left."
    found = find_numbers(text)
    assert [n.start for n in found] == sorted(n.start for n in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_payload_shape() -> None:
    payload = numbers_payload("about 30 percent")
    assert payload["text"] == "about 30 percent"
    (n,) = payload["numbers"]  # type: ignore[misc]
    assert set(n) == {"start", "end", "text", "value", "low", "high", "qualifier", "kind"}
    assert (n["qualifier"], n["kind"], n["value"]) == ("approx", "share", 0.3)


def test_module_command_answers_one_line_per_text() -> None:
    texts = "at least 5,600\nnothing here\none in five\n"
    run = subprocess.run(
        [sys.executable, "-m", "fighterflows.extract.numbers"],
        input=texts,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [len(x["numbers"]) for x in lines] == [1, 0, 1]


@pytest.mark.parametrize(
    "text", ["1" * 400, "1e999", "9^99999", "2.5^-99999", "1e307 hundred thousand"]
)
def test_huge_numbers_are_dropped_not_infinite(text: str) -> None:
    assert all(n.value is None or math.isfinite(n.value) for n in find_numbers(text))


def test_text_without_numbers_is_empty() -> None:
    assert find_numbers("The fighters left the city and crossed the border.") == []


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separators_parse_back(n: int) -> None:
    text = f"There were {n:,} fighters."
    (m,) = [x for x in find_numbers(text) if x.kind == NumberKind.COUNT]
    assert m.value == n
    assert m.text == f"{n:,}"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_plain_digits_parse_back(n: int) -> None:
    found = find_numbers(f"a total of {n} people")
    assert [x.value for x in found] == [n]


def _check_spans(text: str, found: list[NumberMention]) -> None:
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.start <= m.number_start <= m.number_end <= m.end
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_no_crash_and_spans_hold_on_any_text(text: str) -> None:
    _check_spans(text, find_numbers(text))


WORDS = [
    "one",
    "two",
    "hundred",
    "and",
    "a",
    "half",
    "thousand",
    "dozen",
    "thirds",
    "in",
    "out of",
    "over",
    "point",
    "five",
    "-",
    "between",
    "about",
    "more than",
    "or less",
    "1,200",
    "3.5",
    "%",
    "percent",
    "million",
    "twenty",
    "first",
    "the",
    "none",
    "$",
    "2014",
    "to",
    "+",
    "k",
    "7/8",
    "½",
    "no fewer than",
    "hundreds",
    "tens of thousands",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12))
def test_spans_hold_on_number_like_word_salad(parts: list[str]) -> None:
    text = " ".join(parts)
    _check_spans(text, find_numbers(text))


KNOWN_FAILURES = [
    pytest.param("in the first half of 2012", "half", id="half-of-a-period-is-no-share"),
    pytest.param("1.111,11 euros", "1.111,11", id="dot-thousands-with-decimal-comma"),
    pytest.param(
        "two hundred and fifty-four hundredths",
        "two hundred and fifty-four hundredths",
        id="hundredths-after-and",
    ),
]


@pytest.mark.xfail(strict=True, reason="known gap of the grammar")
@pytest.mark.parametrize(("text", "quote"), KNOWN_FAILURES)
def test_known_failures(text: str, quote: str) -> None:
    found = {n.text: n for n in find_numbers(text)}
    if quote == "half":
        assert "half" not in found
    elif quote == "1.111,11":
        assert found[quote].value == 1111.11
    else:
        assert found[quote].value == 200.54


def test_text_without_numbers_has_none() -> None:
    """Most sentences hold no number (how fast they are read: benchmarks/extract.py)."""
    sentences = [
        f"The fighters of group {chr(65 + i % 26)} crossed the border at night." for i in range(26)
    ]
    assert all(find_numbers(s) == [] for s in sentences)


ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int, british: bool) -> str:
    """English words for 0 <= n < 10**12 ("one hundred and five" when british)."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        joint = " and " if british else " "
        return ONES[n // 100] + " hundred" + (joint + spell(rest, british) if rest else "")
    for scale, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= scale:
            head, rest = divmod(n, scale)
            tail = ""
            if rest:
                tail = (" and " if british and rest < 100 else " ") + spell(rest, british)
            return spell(head, british) + " " + name + tail
    raise AssertionError(n)


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1), st.booleans())
def test_spelled_out_numbers_parse_back(n: int, british: bool) -> None:
    words = spell(n, british)
    found = find_numbers(f"They counted {words} fighters.")
    assert [(x.text, x.value) for x in found] == [(words, n)]


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=9),
    st.sampled_from([("thousand", 1e3), ("million", 1e6), ("billion", 1e9)]),
)
def test_decimal_with_scale_word_parses_back(
    whole: int, tenth: int, scale: tuple[str, float]
) -> None:
    (n,) = find_numbers(f"some {whole}.{tenth} {scale[0]} people")
    assert n.value is not None
    assert math.isclose(n.value, (whole + tenth / 10) * scale[1])


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**7),
    st.integers(min_value=1, max_value=10**7),
    st.sampled_from(["between {a} and {b}", "{a}-{b}", "{a} to {b}", "{a}–{b}"]),
)
def test_ranges_parse_back(a: int, gap: int, form: str) -> None:
    b = a + gap
    text = form.format(a=f"{a:,}", b=f"{b:,}")
    found = find_numbers(f"An estimated total of {text} fighters.")
    ranges = [n for n in found if n.qualifier == Qualifier.RANGE]
    if _elided_thousands(a, b):
        return  # "25-30,000" reads as 25,000-30,000 on purpose
    assert [(n.low, n.high, n.value) for n in ranges] == [(a, b, None)]


def _elided_thousands(a: int, b: int) -> bool:
    return a < 1000 and b >= 1000 and b % 1000 == 0 and b / 4 <= a * 1000 < b
