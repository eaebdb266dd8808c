"""The types a figure is assembled in: a `Draft` per figure, and the `Context` a document
gives each sentence (see estimates.py and document/reading.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from fighterflows.extract.mentions.sources import Attribution
from fighterflows.extract.numbers import NumberMention
from fighterflows.model import Estimate, Flow, Kind, Population, Scope
from fighterflows.places import PlaceMention


@dataclass(frozen=True, slots=True)
class Context:
    """What the document knows before this sentence (see document.py)."""

    carried_place: PlaceMention | None = None  # from the previous sentence of the paragraph
    carried_is_figure: bool = False  # ... and a figure's place there, not a mere mention
    heading_place: PlaceMention | None = None
    previous: Sequence[Draft] = ()  # drafts of earlier sentences, document order
    carried_as_of: str | None = None
    # the day a previous sentence without figures says something happened ("On July 19, ...")
    day_before: str | None = None
    # the last month the sentence before states ("In March 2013, …"): the year of a month said
    # without one ("In May, …")
    narrative_month: str | None = None
    zone_nearby: bool = False  # the previous sentence or the heading names the conflict
    # the country named last in the sentences before (its section), for "nationals of the country"
    country_before: PlaceMention | None = None
    # the flow of the last verb of the sentence before, when that sentence has no figure ("Some
    # were able to return to Egypt. They number 210.")
    flow_before: Flow | None = None
    stock_before: bool = False  # ... or it speaks of people in the ranks, fighting, in Syria
    # the sentence before speaks of fighters or jihadists ("Bosnian fighters in Syria have
    # suffered heavy losses. The number of those killed is 80.")
    fighters_before: bool = False
    # the region the countries named in the sentences before make up, for "from these
    # states" ("Bosnia, Albania and Kosovo … . Some 900 went from these states"): slug, words
    countries_before: tuple[str, str] | None = None
    # the one country the passage before is about, looked up only when a figure needs it
    topic: Callable[[], PlaceMention | None] | None = None


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
