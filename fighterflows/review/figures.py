"""Figures an analyst writes: a correction of a reading, or a figure the extractor missed,
anchored to its span. Intervals follow the contract's table of qualifiers."""

from __future__ import annotations

from fighterflows.extract import split_sentences
from fighterflows.extract.numbers import NumberKind, NumberMention, find_numbers
from fighterflows.model import Estimate, Kind, Population, Qualifier, Scope
from fighterflows.review.fields import Amount, Changes, Label, option
from fighterflows.review.model import ReviewError

SPREAD = frozenset({Qualifier.RANGE, Qualifier.VAGUE})  # figures that are an interval


def interval(value: float, qualifier: Qualifier) -> tuple[float | None, float | None]:
    """The interval the words allow a single figure (docs/estimate-format.md)."""
    if qualifier == Qualifier.EXACT:
        return value, value
    if qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        return value, None
    if qualifier in (Qualifier.AT_MOST, Qualifier.LESS_THAN):
        return None, value
    return None, None  # approx: no bounds stated


Figure = tuple[Kind, float | None, float | None, float | None, Qualifier]


def refigured(e: Estimate, ch: Changes, label: Label = option) -> Figure:
    """The kind, value, low, high and qualifier after the changes."""
    if ch.value is not None and (ch.low is not None or ch.high is not None):
        raise ReviewError(f"give {label('value')} or {label('low')} and {label('high')}, not both")
    if ch.low is not None or ch.high is not None:
        return _spread(e, ch, label)
    if ch.value is not None:
        qualifier = ch.qualifier or (e.qualifier if e.qualifier not in SPREAD else Qualifier.EXACT)
        if qualifier in SPREAD:
            raise ReviewError(
                f"{label('qualifier')} {qualifier.value} is an interval: give "
                f"{label('low')} and {label('high')}"
            )
        value = _checked(e.kind, ch.value, label("value"))
        return (e.kind, value, *interval(value, qualifier), qualifier)
    if ch.qualifier is not None:
        return _rehedged(e, ch.qualifier, label)
    return e.kind, e.value, e.low, e.high, e.qualifier


def _spread(e: Estimate, ch: Changes, label: Label) -> Figure:
    if ch.low is None or ch.high is None:
        raise ReviewError(f"a range needs both {label('low')} and {label('high')}")
    low = _checked(e.kind, ch.low, label("low"))
    high = _checked(e.kind, ch.high, label("high"))
    if low > high:
        raise ReviewError(
            f"{label('low')} {ch.low.value:g} is above {label('high')} {ch.high.value:g}"
        )
    qualifier = ch.qualifier or (e.qualifier if e.qualifier in SPREAD else Qualifier.RANGE)
    if qualifier not in SPREAD:
        raise ReviewError(
            f"{label('low')} and {label('high')} give a range: its "
            f"{label('qualifier')} is range or vague, not {qualifier.value}"
        )
    return e.kind, None, low, high, qualifier


def _rehedged(e: Estimate, qualifier: Qualifier, label: Label) -> Figure:
    if qualifier in SPREAD:
        if e.low is None or e.high is None:
            raise ReviewError(
                f"{label('qualifier')} {qualifier.value} needs {label('low')} and {label('high')}"
            )
        return e.kind, None, e.low, e.high, qualifier
    if e.value is None:
        raise ReviewError(
            f"the figure is an interval: give {label('value')} with "
            f"{label('qualifier')} {qualifier.value}"
        )
    return (e.kind, e.value, *interval(e.value, qualifier), qualifier)


def _checked(kind: Kind, amount: Amount, what: str) -> float:
    """A count is whole people; a share is a fraction (typed 0.3 or 30%)."""
    if kind == Kind.SHARE:
        if amount.value > 1:
            raise ReviewError(
                f"{what}: a share is a fraction from 0 to 1, or a percentage such as 30%"
            )
        return amount.value
    if amount.percent:
        raise ReviewError(f"{what}: {amount.value:.0%} is a share, but this figure counts people")
    if not amount.value.is_integer():
        raise ReviewError(f"{what}: {amount.value:g} is not a whole number of people")
    return amount.value


def corrected(e: Estimate, ch: Changes, label: Label = option) -> Estimate:
    """The estimate with the analyst's changes."""
    kind, value, low, high, qualifier = refigured(e, ch, label)
    return e.replace(
        place=ch.place or e.place,
        flow=ch.flow or e.flow,
        population=ch.population or e.population,
        scope=ch.scope or e.scope,
        source=e.source if ch.source is None else (ch.source or None),
        source_text=e.source_text if ch.source is None else None,
        as_of=ch.as_of or e.as_of,
        kind=kind,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
    )


def occurrences(text: str, quote: str) -> list[int]:
    """Where `quote` starts in `text`, every place (overlaps too)."""
    found, at = [], text.find(quote)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def anchor(text: str, quote: str, occurrence: int | None, name: str) -> int:
    """The start of the quote's `occurrence`-th appearance (1-based) in a document's text.
    Without `occurrence`, the quote must appear once."""
    if not quote.strip():
        raise ReviewError("the quote is empty")
    found = occurrences(text, quote)
    if not found:
        raise ReviewError(f"{quote!r} is not in {name} (quote it exactly as the text has it)")
    if occurrence is None:
        if len(found) > 1:
            raise ReviewError(
                f"{quote!r} appears {len(found)} times in {name}: say which "
                f"with an occurrence from 1 to {len(found)}"
            )
        return found[0]
    if occurrence < 1 or occurrence > len(found):
        times = "once" if len(found) == 1 else f"{len(found)} times"
        raise ReviewError(
            f"{quote!r} appears {times} in {name}: occurrence {occurrence} is past the last"
        )
    return found[occurrence - 1]


def sentence_at(text: str, start: int, end: int) -> tuple[int, str]:
    """Where the sentence holding the span starts, and the sentence (the sentences it runs
    over, if it crosses one)."""
    over = [s for s in split_sentences(text) if s.start < end and start < s.end]
    if not over:
        return start, text[start:end]
    first = min(min(s.start for s in over), start)
    return first, text[first : max(max(s.end for s in over), end)]


def stated_number(sentence: str, offset: int, quote: str) -> NumberMention | None:
    """The one count or share the quote states, read in its sentence (so the hedge before a
    quoted '500' counts: 'around 500'); None when the quote states no number."""
    start, end = offset, offset + len(quote)
    people = (NumberKind.COUNT, NumberKind.SHARE)
    found = [
        n for n in find_numbers(sentence) if n.kind in people and n.start < end and start < n.end
    ]
    if not found:
        found = [n for n in find_numbers(quote) if n.kind in people]
    if len(found) > 1:
        listed = ", ".join(repr(n.text) for n in found)
        raise ReviewError(
            f"the quote states {len(found)} numbers ({listed}): quote only the "
            "figure, or give its value"
        )
    return found[0] if found else None


def added(
    text: str,
    name: str,
    published: str | None,
    start: int,
    quote: str,
    ch: Changes,
    label: Label = option,
) -> Estimate:
    """A figure the extractor missed, at text[start:start + len(quote)]."""
    if ch.place is None or ch.flow is None:
        raise ReviewError(f"an added figure needs {label('place')} and {label('flow')}")
    end = start + len(quote)
    offset, sentence = sentence_at(text, start, end)
    number = stated_number(sentence, start - offset, quote)
    given = ch.value is not None or ch.low is not None or ch.high is not None
    if number is None and not given:
        raise ReviewError(
            f"the quote states no number: give {label('value')} (or "
            f"{label('low')} and {label('high')})"
        )
    base = Estimate(
        doc=name,
        start=start,
        end=end,
        quote=quote,
        sentence=sentence,
        place=ch.place,
        place_text="",
        flow=ch.flow,
        population=ch.population or Population.TOTAL,
        population_text=None,
        kind=Kind.SHARE if number is not None and number.kind == NumberKind.SHARE else Kind.COUNT,
        value=number.value if number else None,
        low=number.low if number else None,
        high=number.high if number else None,
        qualifier=number.qualifier if number else Qualifier.EXACT,
        source=ch.source or None,
        as_of=ch.as_of or published,
        scope=ch.scope or Scope.CUMULATIVE,
    )
    numbers = Changes(value=ch.value, low=ch.low, high=ch.high, qualifier=ch.qualifier)
    kind, value, low, high, qualifier = refigured(base, numbers, label)
    return base.replace(kind=kind, value=value, low=low, high=high, qualifier=qualifier)
