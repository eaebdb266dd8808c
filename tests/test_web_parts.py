"""The dashboard's parts on their own: geometry, shades, the timeline, highlighting, formats."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from web_fixtures import DOCUMENTS

from fighterflows.consensus import Row
from fighterflows.ledger import Ledger, StoredEstimate
from fighterflows.model import Flow, Kind, Qualifier
from fighterflows.places import display_name
from fighterflows.reconcile import Claim
from fighterflows.web import geo
from fighterflows.web.chart import H, W, nice_step, timeline_chart, year_of
from fighterflows.web.params import cell
from fighterflows.web.templating import figure, num
from fighterflows.web.views import segments
from fighterflows.web.worldmap import BREAKS, RATE_BREAKS, rate_legend, shade, world_map


def test_the_atlas_has_the_countries_we_name() -> None:
    codes = {c.code for c in geo.countries()}
    assert {"FRA", "DEU", "GBR", "BEL", "TUN", "RUS", "USA", "XKX", "SYR", "IRQ"} <= codes
    assert "ATA" not in codes  # Antarctica is left off


def test_every_country_has_a_path_inside_the_box() -> None:
    for c in geo.countries():
        assert c.path.startswith("M") and c.path.endswith("Z"), c.name


@pytest.mark.parametrize(
    ("lon", "lat", "x", "y"),
    [(-180, geo.NORTH, 0, 0), (180, geo.SOUTH, geo.WIDTH, geo.HEIGHT), (0, 13, 480, None)],
    ids=["north-west", "south-east", "greenwich"],
)
def test_projection_corners(lon: float, lat: float, x: float, y: float | None) -> None:
    px, py = geo.project(lon, lat)
    assert px == pytest.approx(x)
    if y is not None:
        assert py == pytest.approx(y)


def test_germany_sits_in_central_europe_on_the_map() -> None:
    germany = next(c for c in geo.countries() if c.code == "DEU")
    first = germany.path[1:].split("L")[0]
    x, y = (float(v) for v in first.split(","))
    assert 480 < x < 520 and 60 < y < 140


def test_rings_across_the_antimeridian_do_not_streak() -> None:
    ring = [(179.0, 65.0), (-179.0, 65.0), (-179.0, 66.0), (179.0, 66.0)]
    assert geo.unwrap(ring) == [(179.0, 65.0), (181.0, 65.0), (181.0, 66.0), (179.0, 66.0)]
    assert geo.unwrap([(1.0, 2.0), (3.0, 4.0)]) == [(1.0, 2.0), (3.0, 4.0)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, 0),
        (0, 0),
        (0.5, 0),
        (1, 1),
        (9, 1),
        (10, 2),
        (499, 4),
        (500, 5),
        (1910, 6),
        (5000, 7),
        (41000, 7),
    ],
)
def test_shades(value: float | None, expected: int) -> None:
    assert shade(value) == expected


@given(st.floats(min_value=0, max_value=1e7), st.floats(min_value=0, max_value=1e7))
def test_shades_never_invert(a: float, b: float) -> None:
    assert (shade(a) <= shade(b)) == (a <= b) or shade(a) == shade(b)
    assert 0 <= shade(a) <= len(BREAKS)


@pytest.mark.parametrize(
    ("rate", "expected"),
    [(None, 0), (0.05, 0), (0.1, 1), (0.9, 1), (1, 2), (28.5, 5), (167, 7), (513, 7)],
)
def test_rate_shades(rate: float | None, expected: int) -> None:
    assert shade(rate, RATE_BREAKS) == expected


def test_rate_legend_has_a_label_per_shade() -> None:
    labels = dict(rate_legend())
    assert labels[0] == "no figure" and labels[1] == "0.1 to under 1"
    assert labels[len(RATE_BREAKS)] == "100 or more"


def row(place: str, flow: str, best: float, population: str = "total") -> Row:
    return Row(place, flow, population, best, best, best, "2017", ("X",), 1, 1)


def test_map_links_and_shades_countries_with_figures() -> None:
    rows = [
        row("FRA", "departed", 1910),
        row("FRA", "returned", 271),
        row("eu", "departed", 5000),
        row("DEU", "departed", 40, population="women"),
    ]
    countries = {c.code: c for c in world_map(rows, lambda code: f"/place/{code}").countries}
    assert countries["FRA"].shades == {"departed": 6, "returned": 4}
    assert countries["FRA"].href == "/place/FRA"
    assert countries["FRA"].title == (
        "France: 1,910 departed (28.5 per million residents); "
        "271 returned (4.0 per million residents)"
    )
    assert countries["FRA"].rates == {"departed": 28.5, "returned": 4.04}
    assert countries["FRA"].rate_shades == {"departed": 5, "returned": 2}
    assert countries["DEU"].shades == {"departed": 0, "returned": 0}  # women only: no total
    assert countries["DEU"].rate_shades == {"departed": 0, "returned": 0}
    assert countries["DEU"].href == "/place/DEU"
    assert countries["ITA"].href is None and countries["ITA"].title == "Italy: no figure"


def claim(
    source: str,
    as_of: str | None,
    value: float,
    flow: Flow = Flow.DEPARTED,
    kind: Kind = Kind.COUNT,
) -> Claim:
    return Claim(
        id=f"{source}{as_of}{value}",
        place="FRA",
        flow=flow,
        population="total",
        source=source,
        kind=kind,
        value=value,
        low=value,
        high=value,
        qualifier=Qualifier.EXACT,
        as_of=as_of,
        derived=False,
        estimates=(),
        documents=("d",),
        copies=(),
        quote=str(value),
    )


def test_timeline_has_a_panel_per_flow_and_a_colour_per_source() -> None:
    chart = timeline_chart(
        [
            claim("ICSR", "2014-12", 1200),
            claim("ICSR", "2017-10", 1910),
            claim("Soufan", "2017", 1700),
            claim("Soufan", "2017", 271, flow=Flow.RETURNED),
            claim("Soufan", None, 9),
            claim("Soufan", "2017", 0.2, kind=Kind.SHARE),
        ]
    )
    assert [(p.flow, p.population) for p in chart.panels] == [
        ("departed", "total"),
        ("returned", "total"),
    ]
    assert dict(chart.sources) == {"ICSR": 0, "Soufan": 1}
    assert chart.undated == 1
    departed = chart.panels[0]
    assert len(departed.points) == 3
    icsr = next(s for s in departed.series if s.source == "ICSR")
    assert icsr.path.count("L") == 1  # two figures joined by one segment
    for p in departed.points:
        assert 0 <= p.x <= W and 0 <= p.y <= H
    later = max(departed.points, key=lambda p: p.x)
    assert later.title.startswith("ICSR, 2017-10: 1,910")


@pytest.mark.parametrize(
    ("as_of", "year"),
    [
        ("2017", 2017.5),
        ("2017-01", 2017.0),
        ("2017-07-01", 2017.5),
        ("", None),
        (None, None),
        ("late 2014", None),
    ],
)
def test_year_of(as_of: str | None, year: float | None) -> None:
    assert year_of(as_of) == year


@given(st.floats(min_value=1e-3, max_value=1e9))
def test_nice_step_gives_a_few_ticks(span: float) -> None:
    step = nice_step(span)
    assert 1 <= span / step <= 8


@pytest.mark.parametrize(
    ("value", "shown"),
    [(1200, "1,200"), (1200.0, "1,200"), (0.25, "25%"), (None, "–"), (449.75, "450"), ("x", "x")],
)
def test_num(value: object, shown: str) -> None:
    assert num(value) == shown


@pytest.mark.parametrize(
    ("claim_json", "shown"),
    [
        ({"value": 1910, "low": 1910, "high": 1910, "kind": "count"}, "1,910"),
        ({"value": None, "low": 120, "high": 130, "kind": "count"}, "120–130"),
        ({"value": 0.3, "low": None, "high": None, "kind": "share"}, "30%"),
        ({"value": None, "low": 100, "high": None, "kind": "count"}, "100"),
    ],
    ids=["count", "range", "share", "lower-bound"],
)
def test_figure(claim_json: dict[str, object], shown: str) -> None:
    assert figure(claim_json) == shown


@pytest.mark.parametrize(
    ("value", "out"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("@x", "'@x"),
        ("plain", "plain"),
        (["a", "b"], "a; b"),
        (None, ""),
        (12, 12),
    ],
)
def test_csv_cells(value: object, out: object) -> None:
    assert cell(value) == out


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("GBR", "United Kingdom"),
        ("XKX", "Kosovo"),
        ("eu", "European Union"),
        ("western-balkans", "Western Balkans"),
    ],
)
def test_place_names(code: str, name: str) -> None:
    assert display_name(code) == name


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> list[StoredEstimate]:
    ledger = Ledger.open(str(tmp_path_factory.mktemp("parts") / "l.db"))
    for new in DOCUMENTS:
        ledger.add_document(new)
    found = ledger.estimates()
    ledger.close()
    return found


def test_segments_rebuild_the_text_and_mark_each_figure(stored: list[StoredEstimate]) -> None:
    doc = next(d.document for d in DOCUMENTS if d.document.id == "2017-soufan-returnees")
    mine = [s for s in stored if s.estimate.doc == doc.id]
    pieces = segments(doc.text, mine)
    assert "".join(p for p, _ in pieces) == doc.text
    assert sorted(p for p, ident in pieces if ident) == sorted(s.estimate.quote for s in mine)


def test_overlapping_figures_are_marked_once(stored: list[StoredEstimate]) -> None:
    s = stored[0]
    inner = StoredEstimate(
        id="inner",
        document_id=s.document_id,
        extractor="x",
        estimate=s.estimate.replace(start=s.estimate.start + 1, end=s.estimate.end),
    )
    text = next(d.document.text for d in DOCUMENTS if d.document.id == s.estimate.doc)
    pieces = segments(text, [s, inner])
    assert "".join(p for p, _ in pieces) == text
    assert [ident for _, ident in pieces if ident] == [s.id]


def test_static_assets_exist() -> None:
    static = Path(geo.__file__).with_name("static")
    for name in (
        "style.css",
        "app.js",
        "favicon.svg",
        "countries-110m.json",
        "LICENSE-world-atlas.txt",
    ):
        assert (static / name).is_file(), name
    script = (static / "app.js").read_text()
    for banned in ("innerHTML", "eval(", "new Function", "document.write"):
        assert banned not in script


@pytest.mark.parametrize(
    ("qualifier", "direction"),
    [
        (Qualifier.MORE_THAN, "up"),
        (Qualifier.AT_LEAST, "up"),
        (Qualifier.LESS_THAN, "down"),
        (Qualifier.AT_MOST, "down"),
        (Qualifier.EXACT, None),
        (Qualifier.APPROX, None),
    ],
)
def test_bounds_get_an_arrow_the_way_they_are_open(
    qualifier: Qualifier, direction: str | None
) -> None:
    bounded = dataclasses.replace(claim("ICSR", "2017", 40000), qualifier=qualifier)
    p = timeline_chart([bounded]).panels[0].points[0]
    if direction is None:
        assert p.arrow == ""
    else:
        tip_y = float(p.arrow[1:].split("l")[0].split(",")[1])
        assert (tip_y < p.y) == (direction == "up")


def test_a_misreport_is_a_point_off_its_source_line() -> None:
    from fighterflows.consensus import Role, Verdict

    told = [
        claim("Soufan", "2017-10", 425, flow="returned"),
        claim("Soufan", "2017-11", 850, flow="returned"),
        claim("Soufan", "2018-06", 500, flow="returned"),
    ]
    verdicts = {
        told[0].id: Verdict(Role.HISTORY, ""),
        told[1].id: Verdict(Role.OUTVOTED, ""),
        told[2].id: Verdict(Role.VOTE, ""),
    }
    chart = timeline_chart(told, verdicts)
    (panel,) = chart.panels
    marked = [p for p in panel.points if p.misreport]
    assert [p.title.split(":")[1].split("(")[0].strip() for p in marked] == ["850"]
    assert chart.misreports == 1
    (series,) = panel.series
    assert series.path.count("L") == 1  # 425 to 500: the misreport is not on the line
    assert f"{marked[0].x:.1f},{marked[0].y:.1f}" not in series.path
    unjudged = timeline_chart(told).panels[0].series[0]
    assert unjudged.path.count("L") == 2  # without verdicts every figure is on the line


@pytest.mark.parametrize(
    ("low", "best", "high", "label", "open_top"),
    [
        (1200, 1910, 3000, "consensus 1,200–3,000, best 1,910", False),
        (850, 850, 850, "consensus 850", False),
        (700, 700, None, "consensus 700", True),
    ],
    ids=["range", "one-figure", "open-above"],
)
def test_the_consensus_band_spans_low_to_high_from_the_first_vote(
    low: float, best: float, high: float | None, label: str, open_top: bool
) -> None:
    from fighterflows.consensus import Role, Verdict
    from fighterflows.web.chart import TOP

    votes = [
        claim("ICSR", "2015-01", 600),
        claim("ICSR", "2017-06", low),
        claim("Soufan", "2017-10", best),
    ]
    verdicts = {votes[0].id: Verdict(Role.HISTORY, "")}
    verdicts |= {c.id: Verdict(Role.VOTE, "") for c in votes[1:]}
    consensus = Row("FRA", "departed", "total", low, best, high, "2017-10", ("ICSR",), 3, 3)
    band = timeline_chart(votes, verdicts, [consensus]).panels[0].band
    assert band is not None and band.label == label
    by_year = {
        p.title.split(",")[1].strip()[:7]: p
        for p in timeline_chart(votes, verdicts, [consensus]).panels[0].points
    }
    assert band.x == pytest.approx(by_year["2017-06"].x)  # from the first vote, not history
    assert band.y_bottom == pytest.approx(by_year["2017-06"].y)
    assert band.y_top == pytest.approx(TOP) if open_top else band.y_top <= band.y_best
    assert band.y_top <= band.y_best <= band.y_bottom


def test_events_have_no_band_and_points_link_where_they_are_shown() -> None:
    flight = dataclasses.replace(
        claim("Ministry", "2019-03-05", 12, flow="returned"), scope="event"
    )
    row = Row(
        "FRA", "returned", "total", 12, 12, None, "2019-03-05", ("Ministry",), 1, 1, scope="event"
    )
    chart = timeline_chart([flight], {}, [row], lambda c: f"#c-{c}")
    (panel,) = chart.panels
    assert panel.band is None and panel.series == ()
    assert panel.points[0].href == f"#c-{flight.id}" and panel.name == "returned-total-event"


@pytest.mark.parametrize(
    ("v", "shown"), [(0, "0"), (750, "750"), (7500, "7,500"), (10000, "10k"), (45000, "45k")]
)
def test_axis_labels_stay_short(v: float, shown: str) -> None:
    from fighterflows.web.chart import axis_label

    assert axis_label(v) == shown
