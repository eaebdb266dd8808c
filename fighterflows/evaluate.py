"""Scoring extracted estimates against hand-made gold ones (both in the contract's JSON).

A prediction matches a gold estimate when doc, place, flow and population agree and the figure
agrees: a count within 2 % (or a range's bounds within 2 %), a share within 0.02, or, for a gold
share that carries a `derived_count`, a derived count within 2 % of it. Each gold and each
prediction is matched at most once. Predictions for documents without gold are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

Record = dict[str, Any]
KEY = ("doc", "place", "flow", "population")


@dataclass(frozen=True, slots=True)
class Score:
    gold: int
    predicted: int
    matched: int
    missed: tuple[Record, ...]
    spurious: tuple[Record, ...]

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _near(a: float | None, b: float | None, rel: float = 0.02) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-9)


def _bounds_agree(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or _near(a, b)


def figure(e: Record) -> float | None:
    """The point an estimate states: its value, else the middle of its interval."""
    if e.get("value") is not None:
        return float(e["value"])
    low, high = e.get("low"), e.get("high")
    if low is not None and high is not None:
        return (float(low) + float(high)) / 2
    return low if low is not None else high


def figures_agree(gold: Record, pred: Record) -> bool:
    kind = pred.get("kind", "count")
    if gold["kind"] == "share":
        if kind == "share":
            return bool(abs((figure(pred) or -9.0) - float(gold["value"])) <= 0.02)
        return bool(pred.get("derived")) and _near(figure(pred), gold.get("derived_count"))
    if kind != "count":
        return False
    if gold.get("value") is None:
        return _bounds_agree(pred.get("low"), gold.get("low")) and _bounds_agree(
            pred.get("high"), gold.get("high")
        )
    return _near(figure(pred), gold["value"])


def score(gold: Sequence[Record], predicted: Sequence[Record]) -> Score:
    docs = {g["doc"] for g in gold}
    pred = [p for p in predicted if p.get("doc") in docs]
    used: set[int] = set()
    matched: list[int] = []
    for gi, g in enumerate(gold):
        for i, p in enumerate(pred):
            same = all(g.get(k) == p.get(k) for k in KEY)
            if i not in used and same and figures_agree(g, p):
                used.add(i)
                matched.append(gi)
                break
    missed = tuple(g for gi, g in enumerate(gold) if gi not in set(matched))
    spurious = tuple(p for i, p in enumerate(pred) if i not in used)
    return Score(len(gold), len(pred), len(matched), missed, spurious)
