"""Reconciliation rules: claims, current figures, consensus and conflicts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fighterflows.analysis import reconcile_estimates
from fighterflows.conflicts import ConflictKind
from fighterflows.ledger import StoredEstimate
from fighterflows.ledger.records import estimate_id
from fighterflows.model import Estimate, Flow, Kind, Qualifier
from tests.factories import document, estimate


def stored(e: Estimate, copy_of: str | None = None) -> StoredEstimate:
    doc_id = "h-" + e.doc
    return StoredEstimate(estimate_id(doc_id, e), doc_id, e, "test", copy_of=copy_of)


def two_outlets_same_figure() -> list[StoredEstimate]:
    a = document("a.txt", ["Some 850 Britons went, ICSR said."])
    b = document("b.txt", ["ICSR counts about 855 Britons who went."])
    return [
        stored(estimate(a, "Some 850", flow=Flow.DEPARTED, value=850, qualifier=Qualifier.APPROX)),
        stored(estimate(b, "about 855", flow=Flow.DEPARTED, value=855, qualifier=Qualifier.APPROX)),
    ]


def test_the_same_figure_in_two_documents_is_one_claim_with_two_documents() -> None:
    rec = reconcile_estimates(two_outlets_same_figure())
    assert len(rec.claims) == 1
    assert rec.claims[0].documents == ("a.txt", "b.txt")
    (row,) = rec.rows
    assert (row.place, row.flow, row.best, row.claims, row.documents) == (
        "GBR",
        "departed",
        850,
        1,
        2,
    )


def test_a_syndicated_copy_is_coverage_not_a_new_claim() -> None:
    a = document("a.txt", ["Some 850 Britons went, ICSR said."])
    b = document("copy.txt", ["Some 850 Britons went, ICSR said."])
    rec = reconcile_estimates(
        [
            stored(estimate(a, "Some 850", flow=Flow.DEPARTED, value=850)),
            stored(estimate(b, "Some 850", flow=Flow.DEPARTED, value=850), copy_of="h-a.txt"),
        ]
    )
    (claim,) = rec.claims
    assert claim.copies == ("copy.txt",) and claim.originals == ("a.txt",)
    assert rec.rows[0].documents == 1


def test_current_figure_is_the_sources_latest_and_older_is_history() -> None:
    old = document("2015.txt", ["About 600 Britons went, ICSR said."], published="2015-01-26")
    new = document("2018.txt", ["About 850 Britons went, ICSR said."], published="2018-07-23")
    rec = reconcile_estimates(
        [
            stored(
                estimate(
                    old, "About 600", flow=Flow.DEPARTED, value=600, qualifier=Qualifier.APPROX
                )
            ),
            stored(
                estimate(
                    new, "About 850", flow=Flow.DEPARTED, value=850, qualifier=Qualifier.APPROX
                )
            ),
        ]
    )
    (row,) = rec.rows
    assert row.best == 850 and row.as_of == "2018-07-23" and row.claims == 2
    assert [c.value for c in rec.timeline("GBR")] == [600, 850]
    assert not rec.conflicts  # a newer figure supersedes; it does not contradict


def test_consensus_spans_independent_sources() -> None:
    a = document("a.txt", ["At least 700 went, the ministry said."])
    b = document("b.txt", ["About 850 went, ICSR said."])
    c = document("c.txt", ["Between 800 and 900 went, Europol said."])
    rec = reconcile_estimates(
        [
            stored(
                estimate(
                    a,
                    "At least 700",
                    flow=Flow.DEPARTED,
                    value=700,
                    low=700,
                    qualifier=Qualifier.AT_LEAST,
                    source="Home Office",
                )
            ),
            stored(
                estimate(b, "About 850", flow=Flow.DEPARTED, value=850, qualifier=Qualifier.APPROX)
            ),
            stored(
                estimate(
                    c,
                    "Between 800 and 900",
                    flow=Flow.DEPARTED,
                    low=800,
                    high=900,
                    qualifier=Qualifier.RANGE,
                    source="Europol",
                )
            ),
        ]
    )
    (row,) = rec.rows
    assert (row.low, row.best, row.high) == (700, 850, 900)
    assert row.sources == ("Europol", "Home Office", "ICSR")


def test_a_derived_count_fills_a_gap_but_never_outranks_a_stated_count() -> None:
    a = document("a.txt", ["About half of the 850 Britons came back, ICSR said."])
    derived = estimate(a, "About half", value=425, qualifier=Qualifier.APPROX, derived=True)
    alone = reconcile_estimates([stored(derived)])
    assert alone.rows[0].best == 425 and alone.rows[0].derived
    b = document("b.txt", ["Some 400 Britons came back, the Home Office said."])
    stated = estimate(b, "Some 400", value=400, qualifier=Qualifier.APPROX, source="Home Office")
    both = reconcile_estimates([stored(derived), stored(stated)])
    assert both.rows[0].best == 400 and both.rows[0].sources == ("Home Office",)


def test_one_source_reported_with_two_figures_is_a_misquote() -> None:
    a = document("a.txt", ["About 30 percent of EU fighters returned, RAN said."])
    b = document("b.txt", ["A quarter of EU fighters returned, RAN said."])
    rec = reconcile_estimates(
        [
            stored(
                estimate(
                    a,
                    "About 30 percent",
                    place="eu",
                    value=0.3,
                    kind=Kind.SHARE,
                    qualifier=Qualifier.APPROX,
                    source="Radicalisation Awareness Network",
                )
            ),
            stored(
                estimate(
                    b,
                    "A quarter",
                    place="eu",
                    value=0.25,
                    kind=Kind.SHARE,
                    qualifier=Qualifier.APPROX,
                    source="Radicalisation Awareness Network",
                    as_of="2017-11-02",
                )
            ),
        ]
    )
    kinds = [c.kind for c in rec.conflicts]
    assert kinds == [ConflictKind.MISQUOTE]
    assert rec.conflicts[0].documents == ("a.txt", "b.txt")


def test_non_overlapping_sources_disagree_and_overlapping_ones_do_not() -> None:
    a = document("a.txt", ["Fewer than 300 Belgians went, the ministry said."])
    b = document("b.txt", ["At least 500 Belgians went, Egmont said."])
    c = document("c.txt", ["About 320 Belgians went, ICSR said."])
    fewer = estimate(
        a,
        "Fewer than 300",
        place="BEL",
        flow=Flow.DEPARTED,
        value=300,
        high=300,
        qualifier=Qualifier.LESS_THAN,
        source="Belgian interior ministry",
    )
    least = estimate(
        b,
        "At least 500",
        place="BEL",
        flow=Flow.DEPARTED,
        value=500,
        low=500,
        qualifier=Qualifier.AT_LEAST,
        source="Egmont Institute",
    )
    about = estimate(
        c, "About 320", place="BEL", flow=Flow.DEPARTED, value=320, qualifier=Qualifier.APPROX
    )
    rec = reconcile_estimates([stored(fewer), stored(least)])
    assert [c.kind for c in rec.conflicts] == [ConflictKind.DISAGREEMENT]
    rec = reconcile_estimates([stored(fewer), stored(about)])
    assert rec.conflicts == ()  # "about 320" overlaps "fewer than 300" within rounding slack


def test_more_returned_than_departed_is_an_inconsistency() -> None:
    a = document("a.txt", ["Some 300 went and 400 came back, ICSR said."])
    rec = reconcile_estimates(
        [
            stored(estimate(a, "Some 300", place="DNK", flow=Flow.DEPARTED, value=300)),
            stored(estimate(a, "400", place="DNK", value=400)),
        ]
    )
    assert [c.kind for c in rec.conflicts] == [ConflictKind.INCONSISTENCY]
    assert "more returned" in rec.conflicts[0].detail


def _corpus() -> list[StoredEstimate]:
    items = two_outlets_same_figure()
    c = document(
        "c.txt",
        ["About 425 Britons came back, ICSR said.", "Some 50 returned."],
        published="2018-01-01",
    )
    d = document("d.txt", ["About 400 Britons came back, ICSR said."], published="2018-02-01")
    items.append(stored(estimate(c, "About 425", value=425, qualifier=Qualifier.APPROX)))
    items.append(stored(estimate(d, "About 400", value=400, qualifier=Qualifier.APPROX)))
    items.append(stored(estimate(c, "Some 50", place="FRA", value=50, source=None)))
    return items


@settings(max_examples=60, deadline=None)
@given(st.permutations(_corpus()))
def test_the_order_of_ingest_does_not_change_the_table(order: list[StoredEstimate]) -> None:
    expected = reconcile_estimates(_corpus())
    got = reconcile_estimates(list(order))
    assert got.rows == expected.rows
    assert {c.id for c in got.claims} == {c.id for c in expected.claims}
    assert sorted(c.detail for c in got.conflicts) == sorted(c.detail for c in expected.conflicts)


def test_members_adding_up_to_more_than_their_region_is_an_inconsistency() -> None:
    a = document("a.txt", ["About 300 went from the Western Balkans.", "Kosovo: 316. Bosnia: 330."])
    rec = reconcile_estimates(
        [
            stored(
                estimate(
                    a,
                    "About 300",
                    place="western-balkans",
                    flow=Flow.DEPARTED,
                    value=300,
                    qualifier=Qualifier.APPROX,
                )
            ),
            stored(estimate(a, "316", place="XKX", flow=Flow.DEPARTED, value=316)),
            stored(estimate(a, "330", place="BIH", flow=Flow.DEPARTED, value=330)),
        ]
    )
    (conflict,) = rec.conflicts
    assert conflict.kind == ConflictKind.INCONSISTENCY and conflict.place == "western-balkans"
    assert {c.place for c in conflict.claims} == {"western-balkans", "XKX", "BIH"}


def test_a_source_silent_for_years_is_history_not_a_vote_or_a_disagreement() -> None:
    old = document("2015.txt", ["About 1,200 French went, ICSR said."], published="2015-01-26")
    new = document("2017.txt", ["Some 1,910 French went, Soufan said."], published="2017-10-24")
    rec = reconcile_estimates([
        stored(estimate(old, "About 1,200", place="FRA", flow=Flow.DEPARTED, value=1200,
                        qualifier=Qualifier.APPROX)),
        stored(estimate(new, "Some 1,910", place="FRA", flow=Flow.DEPARTED, value=1910,
                        qualifier=Qualifier.APPROX, source="The Soufan Center")),
    ])
    (row,) = rec.rows
    assert (row.low, row.best, row.high, row.sources) == (1910, 1910, 1910, ("The Soufan Center",))
    assert row.claims == 2  # the 2015 figure stays in the row's history
    assert rec.conflicts == ()


def test_between_two_versions_of_a_source_the_one_others_corroborate_is_current() -> None:
    right = document("a.txt", ["Some 425 Britons came back, Soufan said."], published="2017-10-25")
    wrong = document("b.txt", ["Some 850 Britons came back, Soufan said."], published="2017-11-14")
    other = document("c.txt", ["About 400 Britons came back, ICSR said."], published="2017-12-01")
    rec = reconcile_estimates([
        stored(estimate(right, "Some 425", value=425, qualifier=Qualifier.APPROX,
                        source="The Soufan Center")),
        stored(estimate(wrong, "Some 850", value=850, qualifier=Qualifier.APPROX,
                        source="The Soufan Center")),
        stored(estimate(other, "About 400", value=400, qualifier=Qualifier.APPROX)),
    ])
    (row,) = rec.rows
    assert (row.low, row.high) == (400, 425)
    assert [c.kind for c in rec.conflicts] == [ConflictKind.MISQUOTE]


def test_a_share_times_its_base_far_from_the_stated_counts_is_one_inconsistency() -> None:
    a = document("a.txt", ["Nearly half came back: 212 by our count.", "Some 425 came back.",
                           "ICSR says 430 came back."])
    rec = reconcile_estimates([
        stored(estimate(a, "Nearly half", value=212, qualifier=Qualifier.APPROX, derived=True)),
        stored(estimate(a, "Some 425", value=425, qualifier=Qualifier.APPROX,
                        source="The Soufan Center")),
        stored(estimate(a, "430", value=430)),
    ])
    (conflict,) = rec.conflicts
    assert conflict.kind == ConflictKind.INCONSISTENCY
    assert "'Nearly half' of its base gives about 212" in conflict.detail
    assert len(conflict.claims) == 3
    close = reconcile_estimates([
        stored(estimate(a, "Nearly half", value=400, qualifier=Qualifier.APPROX, derived=True)),
        stored(estimate(a, "430", value=430)),
    ])
    assert close.conflicts == ()


def test_with_nothing_to_corroborate_the_earlier_version_of_a_figure_is_current() -> None:
    report = document("a.txt", ["About 30 percent returned, RAN said."], published="2017-10-24")
    retold = document("b.txt", ["A quarter returned, RAN said."], published="2017-11-14")
    rec = reconcile_estimates([
        stored(estimate(report, "About 30 percent", place="eu", value=1500, derived=True,
                        qualifier=Qualifier.APPROX, source="RAN")),
        stored(estimate(retold, "A quarter", place="eu", value=1250, derived=True,
                        qualifier=Qualifier.APPROX, source="RAN")),
    ])
    (row,) = rec.rows
    assert row.best == 1500 and row.derived


def test_a_share_with_its_base_in_another_document_fills_the_gap_as_derived() -> None:
    share_doc = document("a.txt", ["Nearly half of the Britons who went came back, Soufan said."])
    count_doc = document("b.txt", ["ICSR counts 850 Britons who went."])
    share = estimate(share_doc, "Nearly half", value=0.5, high=0.5, kind=Kind.SHARE,
                     qualifier=Qualifier.LESS_THAN, source="The Soufan Center")
    base = estimate(count_doc, "850", flow=Flow.DEPARTED, value=850)
    rec = reconcile_estimates([stored(share), stored(base)])
    rows = {r.flow: r for r in rec.rows}
    returned = rows["returned"]
    assert (returned.best, returned.high, returned.derived) == (425, 425, True)
    assert returned.sources == ("The Soufan Center",)
    assert not rows["departed"].derived
    alone = reconcile_estimates([stored(share)])
    assert alone.rows == ()  # a share with no base anywhere gives no figure of people
