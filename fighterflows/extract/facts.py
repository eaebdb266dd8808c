"""Everything the per-sentence recognisers find in one sentence, computed once.

Offsets in a `Facts` are relative to the sentence; `Sentence.start` shifts them to the
document.
"""

from __future__ import annotations

from dataclasses import dataclass

from fighterflows.extract.dates import DateMention, find_dates
from fighterflows.extract.flows import Cue, find_cues
from fighterflows.extract.groups import Named, find_groups, find_zone
from fighterflows.extract.numbers import NumberKind, NumberMention, find_numbers
from fighterflows.extract.places import PlaceMention, find_places
from fighterflows.extract.sentences import Sentence
from fighterflows.extract.sources import Attribution, find_attributions, impersonal

FIGURE_KINDS = frozenset({NumberKind.COUNT, NumberKind.SHARE})


@dataclass(frozen=True, slots=True)
class Facts:
    sentence: Sentence
    numbers: tuple[NumberMention, ...]  # counts and shares only
    places: tuple[PlaceMention, ...]
    cues: tuple[Cue, ...]
    attributions: tuple[Attribution, ...]
    impersonal: bool
    dates: tuple[DateMention, ...]
    groups: tuple[Named, ...]
    zone: str | None


def gather(sentence: Sentence, published: str | None) -> Facts:
    text = sentence.text
    numbers = tuple(n for n in find_numbers(text) if n.kind in FIGURE_KINDS)
    if not numbers:
        return light(sentence)
    groups = tuple(find_groups(text))
    return Facts(
        sentence=sentence,
        numbers=numbers,
        places=tuple(find_places(text)),
        cues=tuple(find_cues(text)),
        attributions=tuple(find_attributions(text)),
        impersonal=impersonal(text),
        dates=tuple(d for d in find_dates(text, published) if not _inside(d, numbers)),
        groups=groups,
        zone=find_zone(text, list(groups)),
    )


def _inside(date: DateMention, numbers: tuple[NumberMention, ...]) -> bool:
    """A "date" that the number finder reads as a count ("Jordan (2000+)", "2000 Moroccans")."""
    return any(n.start <= date.start < n.end or date.start <= n.start < date.end for n in numbers)


def light(sentence: Sentence) -> Facts:
    """Facts for a sentence without figures: only what later sentences may refer back to."""
    text = sentence.text
    return Facts(
        sentence,
        (),
        tuple(find_places(text)),
        (),
        tuple(find_attributions(text)),
        False,
        (),
        (),
        None,
    )
