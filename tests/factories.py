"""Hand-made documents and estimates for ledger and reconciliation tests."""

from __future__ import annotations

from fighterflows.model import Document, Estimate, Flow, Kind, Population, Qualifier, Scope


def document(name: str, sentences: list[str], published: str = "2017-10-24") -> Document:
    return Document(id=name, text=" ".join(sentences), published=published, title=name)


def estimate(
    doc: Document,
    quote: str,
    place: str = "GBR",
    flow: Flow = Flow.RETURNED,
    value: float | None = None,
    qualifier: Qualifier = Qualifier.EXACT,
    source: str | None = "ICSR",
    as_of: str | None = None,
    kind: Kind = Kind.COUNT,
    low: float | None = None,
    high: float | None = None,
    derived: bool = False,
    population: Population = Population.TOTAL,
    scope: Scope = Scope.CUMULATIVE,
    group: str | None = None,
) -> Estimate:
    """An estimate anchored on the first occurrence of `quote` in the document's text."""
    start = doc.text.index(quote)
    if qualifier == Qualifier.EXACT and value is not None:
        low = high = value
    return Estimate(
        doc=doc.id,
        start=start,
        end=start + len(quote),
        quote=quote,
        sentence=doc.text,
        place=place,
        place_text=place,
        flow=flow,
        population=population,
        population_text="fighters",
        kind=kind,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        source=source,
        as_of=as_of or doc.published,
        derived=derived,
        scope=scope,
        group=group,
    )
