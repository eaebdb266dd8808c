"""The number grammar: every number in a text, with its hedge, interval and kind.

    find_numbers("At least 5,600 men") -> [NumberMention(start=0, end=14, text="At least 5,600",
        value=5600.0, low=5600.0, high=None, qualifier=AT_LEAST, kind=COUNT, ...)]

Intervals follow the qualifier table of docs/estimate-format.md. Dates, times, money, ages,
phone numbers, ordinals and measures are found too, with their kind, so that the extractor
can skip them. Run `python -m fighterflows.extract.numbers` to read texts on stdin (one a
line) and write one JSON object a line.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from enum import StrEnum

from fighterflows.extract.numbers import join as numbers_join
from fighterflows.model import Qualifier


class NumberKind(StrEnum):
    COUNT = "count"
    SHARE = "share"
    ORDINAL = "ordinal"
    YEAR = "year"
    DATE = "date"
    TIME = "time"
    MONEY = "money"
    AGE = "age"
    PHONE = "phone"
    MEASURE = "measure"


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number in a text: `text == source[start:end]` and includes the hedge."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier
    kind: NumberKind
    number_start: int
    number_end: int

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier.value,
            "kind": self.kind.value,
        }


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in `text`, sorted by start and never overlapping."""
    return [
        NumberMention(
            start=a.start,
            end=a.end,
            text=text[a.start : a.end],
            value=a.value,
            low=a.low,
            high=a.high,
            qualifier=a.qualifier,
            kind=NumberKind(a.kind),
            number_start=a.nstart,
            number_end=a.nend,
        )
        for a in numbers_join.atoms(text)
    ]


def numbers_payload(text: str) -> dict[str, object]:
    return {"text": text, "numbers": [n.to_json() for n in find_numbers(text)]}


def main() -> int:
    for line in sys.stdin:
        text = line.rstrip("\n")
        sys.stdout.write(json.dumps(numbers_payload(text), ensure_ascii=False) + "\n")
    return 0
