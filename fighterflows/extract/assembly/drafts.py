"""The types a figure is assembled in: a `Draft` per figure, and the `Context` a document
gives each sentence (see estimates.py and document/reading.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from fighterflows.extract.mentions.sources import Attribution
from fighterflows.extract.numbers import NumberMention
from fighterflows.model import Estimate, Flow, Kind, Population, Scope
from fighterflows.places import PlaceMention


class Context(Protocol):
    """What the document knows before this sentence (document/reading.py). Each reading but
    the drafts before is found when a rule first asks for it: most sentences with a number ask
    for few of them, and many give no figure at all."""

    @property
    def previous(self) -> Sequence[Draft]:
        """The drafts of earlier sentences, in document order."""

    @property
    def carried_place(self) -> PlaceMention | None:
        """The place of the previous sentence of the paragraph (or of a list's lead)."""

    @property
    def carried_is_figure(self) -> bool:
        """... and a figure's place there, not a mere mention."""

    @property
    def heading_place(self) -> PlaceMention | None:
        """The place the section's heading is."""

    @property
    def carried_as_of(self) -> str | None:
        """The date the sentence before gives its figures (or the day it gives an event)."""

    @property
    def day_before(self) -> str | None:
        """The day a previous sentence without figures says something happened ("On July
        19, ...")."""

    @property
    def period_before(self) -> str | None:
        """The last date, of any precision, the sentence before states for what happened in
        it ("The flow peaked in 2015."): what "that year" names."""

    @property
    def narrative_month(self) -> str | None:
        """The last month the sentence before states ("In March 2013, …"): the year of a month
        said without one ("In May, …")."""

    @property
    def zone_nearby(self) -> bool:
        """The previous sentences or the heading name the conflict."""

    @property
    def country_before(self) -> PlaceMention | None:
        """The country named last in the sentences before (its section), for "nationals of
        the country"."""

    @property
    def flow_before(self) -> Flow | None:
        """The flow of the last verb of the sentence before, when that sentence has no figure
        ("Some were able to return to Egypt. They number 210.")."""

    @property
    def stock_before(self) -> bool:
        """... or it speaks of people in the ranks, fighting, in Syria."""

    @property
    def fighters_before(self) -> bool:
        """The sentence before speaks of fighters or jihadists ("Bosnian fighters in Syria
        have suffered heavy losses. The number of those killed is 80.")."""

    @property
    def countries_before(self) -> tuple[str, str] | None:
        """The region the countries named in the sentences before make up, for "from these
        states" ("Bosnia, Albania and Kosovo … . Some 900 went from these states"): slug,
        words."""

    @property
    def topic(self) -> Callable[[], PlaceMention | None] | None:
        """The one country the passage before is about, looked up when a figure needs it."""


@dataclass(slots=True)
class Draft:
    """An estimate being assembled; offsets relative to the document."""

    start: int
    end: int
    number: NumberMention
    sentence_start: int
    sentence_end: int
    kind: Kind
    population: Population
    population_text: str | None
    place: str
    place_text: str
    flow: Flow
    attribution: Attribution | None
    as_of: str | None
    since: str | None
    zone: str | None
    group: str | None
    base_draft: Draft | None = None
    paragraph: int = 0
    source: str | None = None
    # the words that attributed a source carried from elsewhere ("The following estimates were
    # given"); None: the figure's own attribution's words
    source_text: str | None = None
    stock: bool = False  # the flow is implied ("are fighting in Syria"), not stated
    continues: bool = False  # the same people later: "..., rising to 15,000 in 2017"
    scope: Scope = Scope.CUMULATIVE
    # the named rule behind each reading ("scope": "event-word"), for --explain
    why: dict[str, str] = field(default_factory=dict)


def estimate_of(text: str, doc: str, published: str | None, d: Draft) -> Estimate:
    """The estimate a finished draft states in `text` (its date the document's, `published`,
    unless it has its own)."""
    n = d.number
    source = d.source
    attribution = d.attribution
    return Estimate(
        doc=doc,
        start=d.start,
        end=d.end,
        quote=text[d.start : d.end],
        sentence=text[d.sentence_start : d.sentence_end],
        place=d.place,
        place_text=d.place_text,
        flow=d.flow,
        population=d.population,
        population_text=d.population_text,
        kind=d.kind,
        value=n.value,
        low=n.low,
        high=n.high,
        qualifier=n.qualifier,
        source=source or None,
        source_text=(d.source_text or (attribution.text if attribution is not None else None))
        if source
        else None,
        zone=d.zone,
        group=d.group,
        as_of=d.as_of or published,
        since=d.since,
        scope=d.scope,
    )
