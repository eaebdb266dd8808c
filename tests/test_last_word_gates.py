"""The cheap tests in front of rule regexes that read the word right before a figure: each
regex below is searched only where that word (`initials.last_word`) is one its matches can end
in. The gate must let through every place its regex matches, or a rule goes silent: this runs
each regex at every word start of the case tables' texts and the sample corpus, over all the text
before it (wider than any rule's window; a match ends at the word start all the same), and asks
the gate. A pattern edited to end in a new word fails here as soon
as a case uses that word."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fighterflows.extract.assembly import choosing, estimates, exclusions
from fighterflows.initials import last_word

CASES = Path(__file__).parent / "cases"
SAMPLE = Path(__file__).resolve().parent.parent / "fighterflows" / "data" / "sample"


def _in(words: frozenset[str] | tuple[str, ...]) -> Callable[[str], bool]:
    return lambda word: word in words


def _or_hedge(words: frozenset[str]) -> Callable[[str], bool]:
    return lambda word: word in words or exclusions._hedge_end(word)


# (name, regex, the gate)
GATES: list[tuple[str, re.Pattern[str], Callable[[str], bool]]] = [
    ("attacked", exclusions._ATTACKED, _in(exclusions._ATTACKED_ENDS)),
    ("kin-of", exclusions._KIN_OF, _in(("of", "the"))),
    ("average-age", exclusions._AVERAGE_AGE, _in(exclusions._AVERAGE_AGE_ENDS)),
    ("not-moving", exclusions._NOT_MOVING, _in(exclusions._NOT_MOVING_ENDS)),
    ("age", exclusions._AGE, _in(exclusions._AGE_ENDS)),
    ("extreme-age", exclusions._EXTREME_AGE, _in(exclusions._EXTREME_AGE_ENDS)),
    ("sample", exclusions._SAMPLE, _in(exclusions._SAMPLE_ENDS)),
    ("population-of", exclusions._POPULATION_OF, _in(exclusions._POPULATION_OF_ENDS)),
    ("gathering", exclusions.gathering_regex(), _in(exclusions._GATHERING_ENDS)),
    (
        "attack-killed-them",
        exclusions._ATTACK_KILLED_THEM,
        _or_hedge(exclusions._ATTACK_KILLED_THEM_ENDS),
    ),
    (
        "stopped-before",
        exclusions._STOPPED_BEFORE,
        _or_hedge(exclusions._STOPPED_BEFORE_ENDS),
    ),
    ("held-before", exclusions._HELD_BEFORE, _or_hedge(exclusions._HELD_BEFORE_ENDS)),
    ("list-of", estimates._LIST_OF, _in(estimates._LIST_OF_ENDS)),
    ("which", estimates._WHICH, _in(("which", "whom"))),
    ("remains-before", choosing._REMAINS_BEFORE, _in(choosing._REMAINS_ENDS)),
]


def _texts() -> Iterator[str]:
    for table in sorted(CASES.rglob("*.tsv")):
        for line in table.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if line.startswith("#") or len(fields) < 3:
                continue
            yield fields[2].replace("\\n", "\n")
    for article in sorted(SAMPLE.glob("*.md")):
        yield article.read_text(encoding="utf-8")


TEXTS = list(_texts())
_WORD_START = re.compile(r"(?<=\s)\S")


def test_the_texts_are_read() -> None:
    assert len(TEXTS) > 3000


@pytest.mark.parametrize(("name", "regex", "gate"), GATES, ids=[g[0] for g in GATES])
def test_a_gate_lets_through_every_match_of_its_regex(
    name: str, regex: re.Pattern[str], gate: Callable[[str], bool]
) -> None:
    shut = []
    matched = 0
    for text in TEXTS:
        for start in (m.start() for m in _WORD_START.finditer(text)):
            if regex.search(text, 0, start) is None:
                continue
            matched += 1
            if not gate(last_word(text, start)):
                shut.append(text[max(0, start - 60) : start + 20])
    assert not shut, f"{name}: the gate shuts out matches: {shut[:5]}"
    assert matched > 0, f"{name}: no text of the tables exercises it"
