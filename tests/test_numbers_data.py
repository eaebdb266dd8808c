"""The number grammar's data file (fighterflows/data/numbers.yaml): each entry does its job."""

from __future__ import annotations

import pytest

from fighterflows.extract.numbers import NumberKind, find_numbers
from fighterflows.extract.numbers import lexicon as lex
from fighterflows.model import Qualifier

DATA = lex.data()
PREFIX = sorted(lex.prefix_hedges().items())
SUFFIX = sorted(lex.suffix_hedges().items())


def the_number(text: str, value: float) -> list[object]:
    return [n for n in find_numbers(text) if n.value == value or n.low == value]


def test_prefix_hedges_are_unambiguous() -> None:
    seen: dict[str, str] = {}
    for qualifier, phrases in DATA["prefix_hedges"].items():
        for p in phrases:
            assert p not in seen, f"{p!r} is both {seen[p]} and {qualifier}"
            seen[p] = qualifier


@pytest.mark.parametrize(("hedge", "qualifier"), PREFIX, ids=[h for h, _ in PREFIX])
def test_each_prefix_hedge_gives_its_qualifier(hedge: str, qualifier: Qualifier) -> None:
    text = f"They said {hedge} 5,600 fighters went."
    (n,) = find_numbers(text)
    assert n.qualifier == qualifier
    # The quote holds a hedge that changes the interval, not "exactly" or "a total of".
    first = "5,600" if qualifier == Qualifier.EXACT else hedge.split()[0]
    assert n.text.lower().startswith(first.lower())


@pytest.mark.parametrize(("hedge", "qualifier"), SUFFIX, ids=[h for h, _ in SUFFIX])
def test_each_suffix_hedge_gives_its_qualifier(hedge: str, qualifier: Qualifier) -> None:
    glue = "" if hedge in ("+", "-plus") else " "
    (n,) = find_numbers(f"They said 5,600{glue}{hedge} fighters went.")
    assert n.qualifier == qualifier
    assert n.text.endswith(hedge.split()[-1].lstrip("-"))


VAGUE = sorted(lex.vague().items())


@pytest.mark.parametrize(("words", "interval"), VAGUE, ids=[w for w, _ in VAGUE])
def test_each_vague_phrase_gives_its_interval(words: str, interval: lex.Vague) -> None:
    (n,) = find_numbers(f"They said {words} of fighters went.")
    assert (n.qualifier, n.value, n.low, n.high) == (
        Qualifier.VAGUE,
        None,
        interval.low,
        interval.high,
    )


@pytest.mark.parametrize(
    ("words", "low", "high"),
    [
        ("dozens", 24, 99),
        ("hundreds", 200, 999),
        ("several hundred", 200, 999),
        ("a few hundred", 200, 999),
        ("thousands", 2000, 9999),
        ("several thousand", 2000, 9999),
        ("a few thousand", 2000, 9999),
        ("tens of thousands", 20000, 99999),
        ("a handful", 2, 9),
    ],
)
def test_vague_intervals_are_the_contracts(words: str, low: float, high: float) -> None:
    v = lex.vague()[words]
    assert (v.low, v.high) == (low, high)


def test_vague_intervals_are_ordered() -> None:
    assert all(0 < v.low < v.high for v in lex.vague().values())


def test_number_words_have_one_meaning() -> None:
    names = [
        w
        for key in ("ones", "teens", "tens", "scales", "fractions", "ordinals", "scale_ordinals")
        for w in DATA[key]
    ] + DATA["dozens"]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("unit", [u for u in DATA["units"] if u not in ("m", "g")])
def test_each_unit_marks_a_measure(unit: str) -> None:
    found = find_numbers(f"It was 12 {unit} long.")
    assert [n.kind for n in found] == [NumberKind.MEASURE]


@pytest.mark.parametrize("word", DATA["currency_words"])
def test_each_currency_word_marks_money(word: str) -> None:
    assert [n.kind for n in find_numbers(f"It cost 12 {word}.")] == [NumberKind.MONEY]


@pytest.mark.parametrize("symbol", DATA["currency_symbols"])
def test_each_currency_symbol_marks_money(symbol: str) -> None:
    space = " " if symbol[0].isalpha() else ""
    assert [n.kind for n in find_numbers(f"It cost {symbol}{space}12.")] == [NumberKind.MONEY]


@pytest.mark.parametrize("word", DATA["zero_words"])
def test_each_zero_word_is_an_exact_zero(word: str) -> None:
    (n,) = find_numbers(f"{word} of them returned")
    assert (n.value, n.qualifier, n.kind) == (0, Qualifier.EXACT, NumberKind.COUNT)


@pytest.mark.parametrize("word", DATA["percent"])
def test_each_percent_word_makes_a_share(word: str) -> None:
    glue = "" if word == "%" else " "
    (n,) = find_numbers(f"about 30{glue}{word} of them")
    assert (n.kind, n.value) == (NumberKind.SHARE, 0.3)


@pytest.mark.parametrize(
    "text",
    [
        "the man who came back",
        "a man",
        "an attack",
        "one of the",
        "some fighters",
        "over there",
        "about them",
        "almost all",
        "a few fighters",
        "the first time",
    ],
)
def test_words_that_are_not_numbers(text: str) -> None:
    assert [n for n in find_numbers(text) if n.value not in (1.0,)] == []
