"""The parts of reviewing, one at a time: numbers as typed, intervals after a correction,
anchoring a quote, filters on reviewed figures, and the order reviewed figures take."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from web_fixtures import fill_ledger

from fighterflows.ledger import Filters, Ledger, StoredEstimate
from fighterflows.model import Kind, Qualifier
from fighterflows.review.book import merged
from fighterflows.review.fields import Amount, Changes, parse_amount, parse_changes
from fighterflows.review.figures import anchor, corrected, occurrences, sentence_at
from fighterflows.review.model import ReviewError
from tests.factories import document, estimate


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1,200", Amount(1200, False)),
        ("450", Amount(450, False)),
        (" 12 ", Amount(12, False)),
        ("30%", Amount(0.3, True)),
        ("0.25", Amount(0.25, False)),
        ("1_000", Amount(1000, False)),
    ],
)
def test_numbers_as_analysts_type_them(typed: str, expected: Amount) -> None:
    got = parse_amount(typed, "--value")
    assert got.percent == expected.percent and got.value == pytest.approx(expected.value)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("abc", "'abc' is not a number"),
        ("", "'' is not a number"),
        ("nan", "0 or more"),
        ("inf", "0 or more"),
        ("-5", "0 or more"),
        ("1.2.3", "is not a number"),
        ("12 people", "is not a number"),
    ],
)
def test_what_is_not_a_number(typed: str, message: str) -> None:
    with pytest.raises(ReviewError, match=message):
        parse_amount(typed, "--value")


DOC = document("d.txt", ["About 850 Britons went; at least 400 came back; 30 percent stayed."])
ABOUT = estimate(DOC, "About 850", value=850, qualifier=Qualifier.APPROX)
AT_LEAST = estimate(DOC, "at least 400", value=400, low=400, qualifier=Qualifier.AT_LEAST)
SHARE = estimate(DOC, "30 percent", kind=Kind.SHARE, value=0.3)
RANGE = estimate(DOC, "850", value=None, low=800, high=900, qualifier=Qualifier.RANGE)


@pytest.mark.parametrize(
    ("before", "typed", "expected"),
    [
        (ABOUT, {"value": "900"}, (900, None, None, Qualifier.APPROX)),
        (ABOUT, {"value": "900", "qualifier": "exact"}, (900, 900, 900, Qualifier.EXACT)),
        (ABOUT, {"qualifier": "at_least"}, (850, 850, None, Qualifier.AT_LEAST)),
        (ABOUT, {"qualifier": "less_than"}, (850, None, 850, Qualifier.LESS_THAN)),
        (ABOUT, {"low": "800", "high": "900"}, (None, 800, 900, Qualifier.RANGE)),
        (
            ABOUT,
            {"low": "200", "high": "999", "qualifier": "vague"},
            (None, 200, 999, Qualifier.VAGUE),
        ),
        (AT_LEAST, {"value": "420"}, (420, 420, None, Qualifier.AT_LEAST)),
        (RANGE, {"value": "860"}, (860, 860, 860, Qualifier.EXACT)),
        (RANGE, {"low": "700", "high": "900"}, (None, 700, 900, Qualifier.RANGE)),
        (RANGE, {"qualifier": "vague"}, (None, 800, 900, Qualifier.VAGUE)),
        (SHARE, {"value": "25%"}, (0.25, 0.25, 0.25, Qualifier.EXACT)),
        (SHARE, {"value": "0.4", "qualifier": "approx"}, (0.4, None, None, Qualifier.APPROX)),
    ],
)
def test_a_correction_follows_the_contract_intervals(
    before: object, typed: dict[str, str], expected: tuple[object, ...]
) -> None:
    assert isinstance(before, type(ABOUT))
    after = corrected(before, parse_changes(typed))
    assert (after.value, after.low, after.high, after.qualifier) == expected
    assert (after.start, after.end, after.quote) == (before.start, before.end, before.quote)


@pytest.mark.parametrize(
    ("before", "typed", "message"),
    [
        (ABOUT, {"value": "900", "qualifier": "range"}, "range is an interval"),
        (ABOUT, {"low": "900", "high": "800"}, "is above --high"),
        (ABOUT, {"low": "1"}, "needs both"),
        (ABOUT, {"qualifier": "vague"}, "needs --low and --high"),
        (ABOUT, {"low": "1", "high": "2", "qualifier": "exact"}, "range or vague"),
        (RANGE, {"qualifier": "approx"}, "the figure is an interval"),
        (SHARE, {"value": "30"}, "a share is a fraction"),
        (ABOUT, {"value": "0.5"}, "not a whole number"),
    ],
)
def test_corrections_that_cannot_be(before: object, typed: dict[str, str], message: str) -> None:
    assert isinstance(before, type(ABOUT))
    with pytest.raises(ReviewError, match=message):
        corrected(before, parse_changes(typed))


def test_fields_are_checked_with_their_names() -> None:
    assert parse_changes({"place": "Britons", "flow": "Returned", "source": ""}) == Changes(
        place="GBR", flow=parse_changes({"flow": "returned"}).flow, source=""
    )
    with pytest.raises(ReviewError, match=r"^population: 'kids' is not a population"):
        parse_changes({"population": "kids"}, label=str)
    assert parse_changes({"place": "", "value": "  "}).empty  # blank form fields: not given


TEXT = "Some 500 went. Around 500 came back; 500 is an estimate."


@pytest.mark.parametrize(
    ("quote", "occurrence", "start"),
    [
        ("Some 500", None, 0),
        ("500", 1, 5),
        ("500", 2, 22),
        ("500", 3, 37),
        ("Around 500 came back", None, 15),
    ],
)
def test_a_quote_is_anchored_to_its_occurrence(
    quote: str, occurrence: int | None, start: int
) -> None:
    at = anchor(TEXT, quote, occurrence, "t.txt")
    assert at == start and TEXT[at : at + len(quote)] == quote


@pytest.mark.parametrize(
    ("quote", "occurrence", "message"),
    [
        ("600", None, "'600' is not in t.txt"),
        ("500", None, "appears 3 times"),
        ("500", 4, "occurrence 4 is past the last"),
        ("500", 0, "past the last"),
        ("Some 500", 2, "appears once in t.txt: occurrence 2"),
        ("  ", None, "empty"),
    ],
)
def test_a_quote_that_does_not_anchor(quote: str, occurrence: int | None, message: str) -> None:
    with pytest.raises(ReviewError, match=message):
        anchor(TEXT, quote, occurrence, "t.txt")


@given(st.text(alphabet="ab ", max_size=30), st.text(alphabet="ab", min_size=1, max_size=3))
def test_every_occurrence_holds_the_quote(text: str, quote: str) -> None:
    found = occurrences(text, quote)
    assert found == [i for i in range(len(text)) if text.startswith(quote, i)]


def test_a_span_gets_its_sentence() -> None:
    start = TEXT.index("Around")
    at, sentence = sentence_at(TEXT, start, start + 10)
    assert sentence.startswith("Around 500 came back") and TEXT[at:].startswith(sentence)


FILTERS = [
    Filters(),
    Filters(place="FRA"),
    Filters(flow="returned"),
    Filters(population="minors"),
    Filters(scope="event"),
    Filters(source="soufan"),
    Filters(source="SOUFAN center"),
    Filters(source="nobody"),
    Filters(document="2017-icsr-update"),
    Filters(as_of="2017"),
    Filters(as_of="2017-10"),
    Filters(as_of="2017-10-24"),
    Filters(as_of="2019-03-05"),
    Filters(place="FRA", flow="departed", as_of="2017-11"),
]


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_filters_select_in_memory_what_the_query_selects(ledger_url: str, filters: Filters) -> None:
    """Reviewed figures are filtered in memory; the ledger's query filters the rest: both must
    select alike, on SQLite and on PostgreSQL."""
    if "://" in ledger_url:
        from web_fixtures import DOCUMENTS

        ledger = Ledger.open(ledger_url)
        for new in DOCUMENTS:
            ledger.add_document(new)
    else:
        ledger = Ledger.open(fill_ledger(Path(ledger_url)))
    everything = ledger.estimates()
    assert [s.id for s in everything if filters.selects(s)] == [
        s.id for s in ledger.estimates(filters)
    ]


def _stored(doc: str, name: str, start: int) -> StoredEstimate:
    e = estimate(document(name, ["x" * 40]), "x", value=1).replace(start=start, end=start + 1)
    return StoredEstimate(id=f"{doc}-{start}", document_id=doc, estimate=e, extractor="t")


@settings(max_examples=50)
@given(
    st.lists(st.tuples(st.sampled_from("abc"), st.integers(0, 30)), unique=True, max_size=12),
    st.lists(st.tuples(st.sampled_from("abcd"), st.integers(0, 30)), max_size=6),
)
def test_reviewed_figures_join_their_documents_without_reordering(
    raw: list[tuple[str, int]], added: list[tuple[str, int]]
) -> None:
    out = [_stored(d, f"name-{d}", s) for d, s in sorted(raw)]
    rest = [_stored(d, f"name-{d}", s + 100) for d, s in dict.fromkeys(added)]
    result = merged(list(out), rest)
    assert [s for s in result if s in out] == out  # the ledger's order kept
    assert sorted(s.id for s in result) == sorted(s.id for s in out + rest)
    for doc in {s.document_id for s in result}:
        places = [i for i, s in enumerate(result) if s.document_id == doc]
        assert places == list(range(places[0], places[-1] + 1))  # a document stays together


def test_two_analysts_reviewing_one_figure_at_once_both_succeed(ledger_url: str) -> None:
    import threading

    from fighterflows.ledger import NewDocument
    from fighterflows.ledger.reviews import load_reviews, save_review
    from fighterflows.review.model import Review, Verdict

    ledger = Ledger.open(ledger_url)
    ledger.add_document(NewDocument(DOC, [ABOUT], "t-1"))
    (stored,) = ledger.estimates()
    failures: list[BaseException] = []

    def review(by: str) -> None:
        try:
            for n in range(15):
                save_review(
                    ledger.engine,
                    Review(
                        stored.document_id,
                        stored.id,
                        Verdict.CONFIRMED,
                        stored.estimate,
                        by,
                        f"2026-01-01T00:00:{n:02d}+00:00",
                    ),
                )
        except BaseException as error:  # a thread's failure must reach the test
            failures.append(error)

    threads = [threading.Thread(target=review, args=(who,)) for who in ("ana", "ben")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    (kept,) = load_reviews(ledger.engine)
    assert kept.review.by in ("ana", "ben") and kept.span_ok
