"""A small learned reader of a figure's flow: the fallback where no rule finds one.

When the rules give a figure of people no flow cue (no verb, no stock word, nothing the
figure before says), the figure is dropped. Here a multinomial logistic regression over
sparse features of the figure's sentence (the words around the number, by side and by
distance, the sentence's words, the population and the hedge) proposes a flow instead,
and the figure goes on to be placed like any other: rule `learned-flow` in `--explain`,
with its probability. It proposes only above a threshold, and not at all while the data
file switches it off.

The weights (`fighterflows/data/learned_flow.json`) are trained offline by
`scripts/train_learned.py` from the project's own case tables (never the evaluation gold
nor real passages); retraining reproduces the file byte for byte (tests/test_learned.py).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from fighterflows.extract.numbers import NumberMention
from fighterflows.model import Flow

DATA = Path(__file__).resolve().parents[2] / "data" / "learned_flow.json"

NONE = "none"  # the class of a figure that is no estimate
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d[\d,.]*")
_SUFFIXES = ("ing", "ed", "es", "s")
_LEFT, _RIGHT, _NEAR = 8, 10, 3
# the figure's own clause: up to the nearest punctuation, or a relative word after it
_CLAUSE_BEFORE = re.compile(r"[,;:()\n\u2013\u2014][^,;:()\n\u2013\u2014]*$")
_CLAUSE_AFTER = re.compile(r"[,;:()\n\u2013\u2014]|\b(?:who|whose|whom|which|that)\b", re.I)


def _stem(word: str) -> str:
    w = word.lower()
    if w[0].isdigit():
        return "<num>"
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def features(text: str, start: int, end: int, population: str, qualifier: str) -> list[str]:
    """The sparse features of the figure at text[start:end] in its sentence `text`."""
    before = _CLAUSE_BEFORE.search(text, 0, start)
    after = _CLAUSE_AFTER.search(text, end)
    clause = (before.start() if before else 0, after.start() if after else len(text))
    left: list[str] = []
    right: list[str] = []
    every: set[str] = set()
    own: set[str] = set()
    for m in _WORD.finditer(text):
        if start <= m.start() < end:
            continue
        stem = _stem(m.group())
        every.add(stem)
        if clause[0] <= m.start() < clause[1]:
            own.add(stem)
        (left if m.end() <= start else right).append(stem)
    left = left[-_LEFT:][::-1]  # nearest first
    right = right[:_RIGHT]
    out = ["bias", f"pop:{population}", f"q:{qualifier}"]
    out += [f"l{i}:{w}" for i, w in enumerate(left[:_NEAR])]
    out += [f"r{i}:{w}" for i, w in enumerate(right[:_NEAR])]
    out += sorted({f"l:{w}" for w in left} | {f"r:{w}" for w in right})
    out += sorted(f"s:{w}" for w in every)
    out += sorted(f"c:{w}" for w in own)
    if not left:
        out.append("opens")
    return out


@dataclass(frozen=True, slots=True)
class Model:
    enabled: bool
    threshold: float
    classes: tuple[str, ...]
    weights: dict[str, dict[str, float]]

    def probabilities(self, feats: list[str]) -> dict[str, float]:
        scores = dict.fromkeys(self.classes, 0.0)
        for f in feats:
            row = self.weights.get(f)
            if row is not None:
                for c, w in row.items():
                    scores[c] += w
        top = max(scores.values())
        exp = {c: math.exp(s - top) for c, s in scores.items()}
        total = sum(exp.values())
        return {c: e / total for c, e in exp.items()}


@cache
def model() -> Model:
    data: dict[str, Any] = json.loads(DATA.read_text("utf-8"))
    return Model(
        bool(data["enabled"]),
        float(data["threshold"]),
        tuple(data["classes"]),
        {f: {c: float(w) for c, w in row.items()} for f, row in data["weights"].items()},
    )


def propose(
    text: str, start: int, end: int, population: str, qualifier: str
) -> tuple[Flow, float] | None:
    """The flow the model reads for a figure the rules gave none, with its probability; None
    when it is switched off, reads no estimate, or is less sure than its threshold."""
    m = model()
    if not m.enabled or noting():
        return None  # (while training, the figures are read as the rules alone read them)
    probs = m.probabilities(features(text, start, end, population, qualifier))
    best = max(m.classes, key=lambda c: (probs[c], c))
    if best == NONE or probs[best] < m.threshold:
        return None
    return Flow(best), probs[best]


# While training (scripts/train_learned.py), each figure of people the assembly reaches is
# noted with whether the rules gave it a flow.
Note = tuple[str, int, int, float | None, float | None, float | None, str, str, bool]
_NOTES: ContextVar[list[Note] | None] = ContextVar("learned_notes", default=None)


def note(text: str, n: NumberMention, population: str, reached: bool) -> None:
    """While training, note a figure of people, and whether it reached the fallback."""
    notes = _NOTES.get()
    if notes is not None:
        q = n.qualifier.value
        notes.append((text, n.start, n.end, n.value, n.low, n.high, population, q, reached))


def noting() -> bool:
    return _NOTES.get() is not None


@contextmanager
def collect() -> Iterator[list[Note]]:
    """Within this block every figure of people is noted (text, offsets, figure, population,
    qualifier, whether it reached the fallback)."""
    notes: list[Note] = []
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)
