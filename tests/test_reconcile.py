"""Reconciliation rules: claims, current figures, consensus and conflicts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fighterflows.analysis import reconcile_estimates
from fighterflows.conflicts import ConflictKind
from fighterflows.consensus import Role
from fighterflows.ledger import StoredEstimate
from fighterflows.ledger.records import estimate_id
from fighterflows.model import Estimate, Flow, Kind, Population, Qualifier, Scope
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
        source="Belgian Ministry of Interior",
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
    rec = reconcile_estimates(
        [
            stored(
                estimate(
                    old,
                    "About 1,200",
                    place="FRA",
                    flow=Flow.DEPARTED,
                    value=1200,
                    qualifier=Qualifier.APPROX,
                )
            ),
            stored(
                estimate(
                    new,
                    "Some 1,910",
                    place="FRA",
                    flow=Flow.DEPARTED,
                    value=1910,
                    qualifier=Qualifier.APPROX,
                    source="The Soufan Center",
                )
            ),
        ]
    )
    (row,) = rec.rows
    assert (row.low, row.best, row.high, row.sources) == (1910, 1910, 1910, ("The Soufan Center",))
    assert row.claims == 2  # the 2015 figure stays in the row's history
    assert rec.conflicts == ()


def test_between_two_versions_of_a_source_the_one_others_corroborate_is_current() -> None:
    right = document("a.txt", ["Some 425 Britons came back, Soufan said."], published="2017-10-25")
    wrong = document("b.txt", ["Some 850 Britons came back, Soufan said."], published="2017-11-14")
    other = document("c.txt", ["About 400 Britons came back, ICSR said."], published="2017-12-01")
    rec = reconcile_estimates(
        [
            stored(
                estimate(
                    right,
                    "Some 425",
                    value=425,
                    qualifier=Qualifier.APPROX,
                    source="The Soufan Center",
                )
            ),
            stored(
                estimate(
                    wrong,
                    "Some 850",
                    value=850,
                    qualifier=Qualifier.APPROX,
                    source="The Soufan Center",
                )
            ),
            stored(estimate(other, "About 400", value=400, qualifier=Qualifier.APPROX)),
        ]
    )
    (row,) = rec.rows
    assert (row.low, row.high) == (400, 425)
    assert [c.kind for c in rec.conflicts] == [ConflictKind.MISQUOTE]


def test_a_share_times_its_base_far_from_the_stated_counts_is_one_inconsistency() -> None:
    a = document(
        "a.txt",
        [
            "Nearly half came back: 212 by our count.",
            "Some 425 came back.",
            "ICSR says 430 came back.",
        ],
    )
    rec = reconcile_estimates(
        [
            stored(estimate(a, "Nearly half", value=212, qualifier=Qualifier.APPROX, derived=True)),
            stored(
                estimate(
                    a, "Some 425", value=425, qualifier=Qualifier.APPROX, source="The Soufan Center"
                )
            ),
            stored(estimate(a, "430", value=430)),
        ]
    )
    (conflict,) = rec.conflicts
    assert conflict.kind == ConflictKind.INCONSISTENCY
    assert "'Nearly half' of its base gives about 212" in conflict.detail
    assert len(conflict.claims) == 3
    close = reconcile_estimates(
        [
            stored(estimate(a, "Nearly half", value=400, qualifier=Qualifier.APPROX, derived=True)),
            stored(estimate(a, "430", value=430)),
        ]
    )
    assert close.conflicts == ()


def test_with_nothing_to_corroborate_the_earlier_version_of_a_figure_is_current() -> None:
    report = document("a.txt", ["About 30 percent returned, RAN said."], published="2017-10-24")
    retold = document("b.txt", ["A quarter returned, RAN said."], published="2017-11-14")
    rec = reconcile_estimates(
        [
            stored(
                estimate(
                    report,
                    "About 30 percent",
                    place="eu",
                    value=1500,
                    derived=True,
                    qualifier=Qualifier.APPROX,
                    source="RAN",
                )
            ),
            stored(
                estimate(
                    retold,
                    "A quarter",
                    place="eu",
                    value=1250,
                    derived=True,
                    qualifier=Qualifier.APPROX,
                    source="RAN",
                )
            ),
        ]
    )
    (row,) = rec.rows
    assert row.best == 1500 and row.derived


def test_a_share_with_its_base_in_another_document_fills_the_gap_as_derived() -> None:
    share_doc = document("a.txt", ["Nearly half of the Britons who went came back, Soufan said."])
    count_doc = document("b.txt", ["ICSR counts 850 Britons who went."])
    share = estimate(
        share_doc,
        "Nearly half",
        value=0.5,
        high=0.5,
        kind=Kind.SHARE,
        qualifier=Qualifier.LESS_THAN,
        source="The Soufan Center",
    )
    base = estimate(count_doc, "850", flow=Flow.DEPARTED, value=850)
    rec = reconcile_estimates([stored(share), stored(base)])
    rows = {r.flow: r for r in rec.rows}
    returned = rows["returned"]
    assert (returned.best, returned.high, returned.derived) == (425, 425, True)
    assert returned.sources == ("The Soufan Center",)
    assert not rows["departed"].derived
    alone = reconcile_estimates([stored(share)])
    assert alone.rows == ()  # a share with no base anywhere gives no figure of people


# Like with like: a measure is (place, flow, population, scope).


def test_an_event_is_never_averaged_with_the_cumulative_count() -> None:
    a = document("a.txt", ["A flight brought 110 home on Saturday."], published="2019-05-12")
    b = document("b.txt", ["Kazakhstan has brought back 607 so far."], published="2021-02-04")
    rec = reconcile_estimates(
        [
            stored(estimate(a, "110", place="KAZ", value=110, scope=Scope.EVENT)),
            stored(estimate(b, "607", place="KAZ", value=607)),
        ]
    )
    rows = {r.scope: (r.low, r.best, r.high) for r in rec.rows}
    assert rows == {"event": (110, 110, None), "cumulative": (607, 607, 607)}


def test_distinct_events_are_summed_and_one_event_told_twice_counts_once() -> None:
    a = document("a.txt", ["On Monday 47 were flown home."], published="2019-01-07")
    b = document("b.txt", ["Some 47 citizens landed on Sunday."], published="2019-01-08")
    c = document("c.txt", ["A second flight carried 231 people."], published="2019-05-10")
    items = [
        stored(estimate(a, "47", place="KAZ", value=47, scope=Scope.EVENT, source="NSC")),
        stored(
            estimate(
                b,
                "Some 47",
                place="KAZ",
                value=47,
                scope=Scope.EVENT,
                source=None,
                qualifier=Qualifier.APPROX,
            )
        ),
        stored(estimate(c, "231", place="KAZ", value=231, scope=Scope.EVENT, source="NSC")),
    ]
    rec = reconcile_estimates(items)
    (row,) = rec.rows
    assert (row.scope, row.basis, row.best, row.low) == ("event", "events", 278, 278)
    assert row.high is None
    assert (row.since, row.as_of) == ("2019-01-07", "2019-05-10")
    assert {rec.verdicts[c.id].role for c in rec.claims} == {Role.EVENT}
    assert rec.conflicts == ()


def test_events_adding_up_to_more_than_the_sources_later_total_are_an_inconsistency() -> None:
    a = document("a.txt", ["The ministry flew 150 home."], published="2019-03-01")
    b = document("b.txt", ["The ministry flew 120 more home."], published="2019-09-01")
    c = document("c.txt", ["The ministry says 200 have come back."], published="2020-01-01")
    rec = reconcile_estimates(
        [
            stored(estimate(a, "150", place="UZB", value=150, scope=Scope.EVENT, source="MFA")),
            stored(estimate(b, "120", place="UZB", value=120, scope=Scope.EVENT, source="MFA")),
            stored(estimate(c, "200", place="UZB", value=200, source="MFA")),
        ]
    )
    (conflict,) = rec.conflicts
    assert conflict.kind == ConflictKind.INCONSISTENCY and conflict.scope == "cumulative"
    assert "add up to 270" in conflict.detail
    assert {c.quote for c in conflict.claims} == {"150", "120", "200"}


def test_one_groups_recruits_are_a_part_not_a_vote() -> None:
    a = document("a.txt", ["Of the 1,654 who went, 1,060 joined the Islamic State."])
    b = document("b.txt", ["Some 1,600 Moroccans went, the bureau said."])
    whole = estimate(a, "1,654", place="MAR", flow=Flow.DEPARTED, value=1654, source="BCIJ")
    part = estimate(
        a,
        "1,060",
        place="MAR",
        flow=Flow.DEPARTED,
        value=1060,
        source="BCIJ",
        group="Islamic State",
    )
    other = estimate(
        b,
        "Some 1,600",
        place="MAR",
        flow=Flow.DEPARTED,
        value=1600,
        qualifier=Qualifier.APPROX,
        source="Bureau",
    )
    rec = reconcile_estimates([stored(whole), stored(part), stored(other)])
    (row,) = rec.rows
    assert (row.low, row.best, row.high) == (1600, 1627, 1654)
    roles = {c.quote: rec.verdicts[c.id].role for c in rec.claims}
    assert roles == {"1,654": Role.VOTE, "1,060": Role.PART, "Some 1,600": Role.VOTE}
    assert rec.conflicts == ()


def test_a_part_raises_the_floor_of_an_open_whole() -> None:
    a = document("a.txt", ["Between 900 and 2,000 went; 1,060 of them joined the Islamic State."])
    rec = reconcile_estimates(
        [
            stored(
                estimate(
                    a,
                    "Between 900 and 2,000",
                    place="MAR",
                    flow=Flow.DEPARTED,
                    low=900,
                    high=2000,
                    qualifier=Qualifier.RANGE,
                )
            ),
            stored(
                estimate(
                    a, "1,060", place="MAR", flow=Flow.DEPARTED, value=1060, group="Islamic State"
                )
            ),
        ]
    )
    (row,) = rec.rows
    assert (row.low, row.best, row.high) == (1060, 1450, 2000)


def test_a_figure_of_another_scope_never_makes_a_part() -> None:
    a = document("a.txt", ["Some 30 joined the YPG; 80 are fighting there now."])
    rec = reconcile_estimates(
        [
            stored(
                estimate(a, "Some 30", place="USA", flow=Flow.DEPARTED, value=30, group="YPG/SDF")
            ),
            stored(
                estimate(a, "80", place="USA", flow=Flow.DEPARTED, value=80, scope=Scope.CURRENT)
            ),
        ]
    )
    rows = {r.scope: r for r in rec.rows}
    assert (rows["cumulative"].basis, rows["cumulative"].low, rows["cumulative"].high) == (
        "consensus",
        30,
        30,
    )


def test_a_share_takes_its_base_from_the_same_scope() -> None:
    a = document("a.txt", ["Half of those who went are back.", "A flight carried 100."])
    rec = reconcile_estimates(
        [
            stored(estimate(a, "Half", place="NOR", kind=Kind.SHARE, value=0.5)),
            stored(
                estimate(a, "100", place="NOR", flow=Flow.DEPARTED, value=100, scope=Scope.EVENT)
            ),
        ]
    )
    assert [r.scope for r in rec.rows] == ["event"], "no cumulative base: no derived row"


def test_a_near_copy_that_states_another_figure_is_a_new_statement() -> None:
    a = document("a.txt", ["The ministry said 200 have left."], published="2017-03-02")
    b = document("b.txt", ["The ministry said 350 have left."], published="2017-12-04")
    c = document("c.txt", ["The ministry said 200 have left."], published="2017-03-03")
    original = stored(estimate(a, "200", place="AUT", flow=Flow.DEPARTED, value=200))
    update = stored(
        estimate(b, "350", place="AUT", flow=Flow.DEPARTED, value=350), copy_of="h-a.txt"
    )
    copy = stored(estimate(c, "200", place="AUT", flow=Flow.DEPARTED, value=200), copy_of="h-a.txt")
    rec = reconcile_estimates([original, update, copy])
    claims = {c.quote: c for c in rec.claims}
    assert claims["350"].originals == ("b.txt",) and claims["350"].update
    assert claims["200"].copies == ("c.txt",) and claims["200"].originals == ("a.txt",)
    (row,) = rec.rows
    assert row.best == 350 and row.documents == 2
    assert rec.conflicts == (), "a later copy with a new figure is an update, not a misquote"


def test_a_near_copy_of_the_same_day_with_another_figure_is_a_misquote() -> None:
    a = document("a.txt", ["The ministry said 200 have left."], published="2017-03-02")
    b = document("b.txt", ["The ministry said 250 have left."], published="2017-03-02")
    rec = reconcile_estimates(
        [
            stored(estimate(a, "200", place="AUT", flow=Flow.DEPARTED, value=200)),
            stored(
                estimate(b, "250", place="AUT", flow=Flow.DEPARTED, value=250), copy_of="h-a.txt"
            ),
        ]
    )
    assert [c.kind for c in rec.conflicts] == [ConflictKind.MISQUOTE]


def test_women_outnumbering_the_total_are_an_inconsistency() -> None:
    a = document("a.txt", ["Some 100 went, among them 160 women."])
    rec = reconcile_estimates(
        [
            stored(estimate(a, "Some 100", place="FIN", flow=Flow.DEPARTED, value=100)),
            stored(
                estimate(
                    a,
                    "160",
                    place="FIN",
                    flow=Flow.DEPARTED,
                    value=160,
                    population=Population.WOMEN,
                )
            ),
        ]
    )
    (conflict,) = rec.conflicts
    assert conflict.population == "women" and "outnumber the total" in conflict.detail


def test_returned_killed_and_remaining_beyond_the_departures_are_an_inconsistency() -> None:
    a = document("a.txt", ["Of 300 who went, 150 are back, 120 died and 100 remain."])
    items = [
        stored(estimate(a, "300", place="SWE", flow=Flow.DEPARTED, value=300)),
        stored(estimate(a, "150", place="SWE", flow=Flow.RETURNED, value=150)),
        stored(estimate(a, "120", place="SWE", flow=Flow.KILLED, value=120)),
        stored(
            estimate(a, "100", place="SWE", flow=Flow.REMAINING, value=100, scope=Scope.CURRENT)
        ),
    ]
    rec = reconcile_estimates(items)
    (conflict,) = rec.conflicts
    assert "returned '150', killed '120', remaining '100' add up to more than" in conflict.detail
    fewer = [*items[:2], stored(estimate(a, "120", place="SWE", flow=Flow.KILLED, value=20))]
    assert reconcile_estimates(fewer).conflicts == ()
