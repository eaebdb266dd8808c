"""Named rules in a visible order of precedence.

Each reading of a figure (its place, population, flow, scope, source) is proposed by rules
that have names, tried in the order they are listed where the reading is chosen: the first
rule that proposes something wins, and its name is the explanation that
`fighterflows extract --explain` prints. While explaining, every later rule is asked too, and
what each would have proposed is kept as a reading that lost, so a maintainer sees which
rules compete for a figure before changing one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

# Explaining asks every rule, not only those up to the winner: slower, so only on request.
_EXPLAINING: ContextVar[bool] = ContextVar("explaining", default=False)

Rule = tuple[str, Callable[[], T | None]]


@dataclass(frozen=True, slots=True)
class Choice(Generic[T]):
    """What the winning rule proposed, its name, and (when explaining) the proposals of the
    rules after it."""

    value: T
    rule: str
    lost: tuple[tuple[str, T], ...] = ()


def choose(rules: Sequence[Rule[T]]) -> Choice[T] | None:
    """The first rule's proposal that is not None, with the rule's name."""
    winner: Choice[T] | None = None
    lost: list[tuple[str, T]] = []
    for name, propose in rules:
        if winner is not None and not _EXPLAINING.get():
            break
        value = propose()
        if value is None:
            continue
        if winner is None:
            winner = Choice(value, name)
        elif value != winner.value:
            lost.append((name, value))
    if winner is not None and lost:
        return Choice(winner.value, winner.rule, tuple(lost))
    return winner


def explaining() -> bool:
    return _EXPLAINING.get()


@contextmanager
def explain() -> Iterator[None]:
    """Within this block every rule is asked, so that the readings that lost are known."""
    token = _EXPLAINING.set(True)
    try:
        yield
    finally:
        _EXPLAINING.reset(token)
