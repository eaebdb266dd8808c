"""Extraction cases by phrasing (tests/cases/extract.tsv), and the public interface."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from fighterflows import extract as extract_module
from fighterflows.extract import (
    VERSION,
    explain,
    extract,
    extract_document,
    might_contain_estimates,
)
from fighterflows.extract.numbers import NumberKind, NumberMention
from fighterflows.model import Document, Estimate, Flow, Kind, Population, Qualifier

CASES = sorted((Path(__file__).parent / "cases").glob("extract*.tsv"))


def _rows() -> list[list[str]]:
    rows: list[list[str]] = []
    for path in CASES:
        with path.open(encoding="utf-8") as f:
            lines = [line for line in f if line.strip() and not line.startswith("#")]
        rows += csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return rows


def _params() -> list[object]:
    params: list[object] = []
    for row in _rows():
        group, name, text, expected = row[:4]
        marks = [pytest.mark.xfail(reason=row[4], strict=True)] if len(row) > 4 and row[4] else []
        params.append(pytest.param(text, expected, id=f"{group}-{name}", marks=marks))
    return params


def _figure(e: Estimate) -> str:
    if e.kind is Kind.SHARE:
        return f"{e.value:g}" if e.value is not None else "?"
    if e.value is not None:
        return f"{e.value:g}"
    low = f"{e.low:g}" if e.low is not None else "~"
    high = f"{e.high:g}" if e.high is not None else "~"
    return f"{low}-{high}"


def _describe(estimates: list[Estimate], scoped: bool = False) -> str:
    """The stated estimates as the case tables write them; with `scoped`, each followed by its
    scope (cases written with six fields, and the blind tables)."""
    stated = [e for e in estimates if not e.derived]
    if not stated:
        return "-"
    return " | ".join(
        f"{e.place} {e.flow.value} {e.population.value} {e.kind.value} {_figure(e)}"
        + (f" {e.scope.value}" if scoped else "")
        for e in stated
    )


def describe_scoped(estimates: list[Estimate]) -> str:
    return _describe(estimates, scoped=True)


@pytest.mark.parametrize(("text", "expected"), _params())
def test_case(text: str, expected: str) -> None:
    # a case writes a line break as "\\n" (lists and bullets span lines)
    found = extract(text.replace("\\n", "\n"), "2020-01-01", "case")
    scoped = len(expected.split(" | ")[0].split()) == 6
    assert _describe(found, scoped) == expected


def test_version_is_a_dated_string() -> None:
    year, month, serial = VERSION.split(".")
    assert len(year) == 4 and 1 <= int(month) <= 12 and int(serial) >= 1


def test_extract_document_uses_id_and_date() -> None:
    doc = Document(
        id="doc-1", text="About 700 Britons have gone to fight in Syria.", published="2015-03-02"
    )
    (e,) = extract_document(doc)
    assert (e.doc, e.as_of, e.quote) == ("doc-1", "2015-03-02", "About 700")


def test_stated_date_wins_over_published() -> None:
    (e,) = extract("As of November 2013, about 200 Danes had gone to Syria.", "2015-03-02")
    assert e.as_of == "2013-11"


def test_since_is_recorded() -> None:
    (e,) = extract("Up to 125 Danes have left for Syria since 2011.", "2015-03-02")
    assert (e.since, e.as_of) == ("2011", "2015-03-02")


def test_relative_date_resolves_against_published() -> None:
    (e,) = extract("Last month about 60 Finns had gone to Syria.", "2017-10-24")
    assert e.as_of == "2017-09"


def test_attribution_according_to() -> None:
    (e,) = extract("About 850 Britons have gone to Syria, according to the Home Office.")
    assert (e.source, e.source_text) == ("Home Office", "according to the Home Office")


def test_generic_report_resolves_to_the_named_source() -> None:
    text = (
        "The Soufan Center published a study on Tuesday. "
        "The report says about 760 Germans have travelled to Syria."
    )
    (e,) = extract(text)
    assert e.source == "The Soufan Center"


def test_impersonal_passive_has_no_source() -> None:
    text = (
        "About 850 Britons have gone to Syria, the Home Office said. "
        "Some 400 are believed to have returned."
    )
    first, second = extract(text)
    assert first.source == "Home Office" and second.source is None


def test_quotes_anchor_in_text_with_odd_whitespace() -> None:
    text = "Intro line.\r\n\r\n  About\u00a0700   Britons have gone to Syria.\n"
    for e in extract(text):
        assert text[e.start : e.end] == e.quote


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("About 700 Britons have gone to fight in Syria.", True, id="relevant"),
        pytest.param(
            "The team scored 3 goals in the second half of the match.", False, id="sports"
        ),
        pytest.param(
            "Foreign fighters in Syria worry European governments.", False, id="no-number"
        ),
        pytest.param("", False, id="empty"),
    ],
)
def test_prefilter(text: str, expected: bool) -> None:
    assert might_contain_estimates(text) is expected


def test_public_names() -> None:
    assert set(extract_module.__all__) == {
        "VERSION",
        "canonical_source",
        "explain",
        "extract",
        "extract_document",
        "might_contain_estimates",
        "prefilter",
        "prefilter_source",
        "split_sentences",
        "table_estimate",
    }


def test_a_published_table_s_row_is_read_as_a_table_s_cell() -> None:
    text = "country,low,high\nFrance,1700,1910\n"
    doc = Document(id="t.csv", text=text)
    start = text.index("France")
    row = (start, start + len("France,1700,1910"))
    figure = NumberMention(
        0, 16, "France,1700,1910", None, 1700.0, 1910.0, Qualifier.RANGE, NumberKind.COUNT, 0, 16
    )
    column = (Flow.RETURNED, Population.WOMEN)
    e = extract_module.table_estimate(doc, row, figure, ("FRA", "France"), column, "ICSR", None)
    assert text[e.start : e.end] == e.quote == e.sentence == "France,1700,1910"
    assert (e.doc, e.place, e.place_text, e.flow, e.population) == (
        "t.csv",
        "FRA",
        "France",
        Flow.RETURNED,
        Population.WOMEN,
    )
    assert (e.kind, e.value, e.low, e.high, e.qualifier) == (
        Kind.COUNT,
        None,
        1700.0,
        1910.0,
        Qualifier.RANGE,
    )
    assert (e.source, e.source_text, e.as_of, e.population_text) == ("ICSR", None, None, None)


def test_the_entry_points_for_the_rest_of_the_package() -> None:
    text = "Belgium said 400 had left.\n\nFrance counted 1,910."
    assert [s.text for s in extract_module.split_sentences(text)] == [
        "Belgium said 400 had left.",
        "France counted 1,910.",
    ]
    assert extract_module.canonical_source("Russian defence ministry") == (
        "Russian Ministry of Defence"
    )
    assert "def might_contain_estimates" in extract_module.prefilter_source()


TABLE = """Foreign fighters who went to Syria and Iraq, by country, according to ICSR:

| Country | Left | Returned | Women returned |
|---|---:|---:|---:|
| France | 1,910 | 271 | 40 |
| United Kingdom | about 850 | 425 | - |
"""


def test_markdown_table_rows_are_places_and_headers_are_flows() -> None:
    estimates = extract(TABLE, "2018-01-01", "table")
    assert _describe(estimates) == (
        "FRA departed total count 1910 | FRA returned total count 271 | "
        "FRA returned women count 40 | GBR departed total count 850 | GBR returned total count 425"
    )
    assert {e.source for e in estimates} == {"International Centre for the Study of Radicalisation"}
    for e in estimates:
        assert TABLE[e.start : e.end] == e.quote and e.sentence.startswith("| ")


def test_bulleted_list_items_are_statements_of_their_own() -> None:
    text = (
        "Returns from Syria:\n- France – 1,910 left – 271 returned\n- Belgium: 470 out, 125 back\n"
    )
    assert _describe(extract(text)) == (
        "FRA departed total count 1910 | FRA returned total count 271 | "
        "BEL departed total count 470 | BEL returned total count 125"
    )


def test_an_estimate_holds_only_at_its_own_offsets() -> None:
    from fighterflows.extract.document.anchor import holds

    text = "About 700 Britons have gone to fight in Syria."
    (good,) = extract(text)
    moved = good.replace(start=good.start + 1, end=good.end + 1)
    assert holds(text, good) and not holds(text, moved)


NEWS = """BERLIN (Reuters) - About a third of the more than 1,050 people who left Germany to \
join Islamic State in Syria and Iraq have returned, the domestic intelligence agency said on \
Tuesday.

The BfV said around 200 of them had been killed, and that roughly 100 were being held in \
Kurdish-run camps in northern Syria, including 40 women.
"""


def test_news_story_carries_place_source_and_date_across_paragraphs() -> None:
    everything = extract(NEWS, "2019-03-05", "news")
    estimates = [e for e in everything if not e.derived]
    assert _describe(everything) == (
        "DEU returned total share 0.333333 | DEU departed total count 1050 | "
        "DEU killed total count 200 | DEU detained total count 100 | DEU detained women count 40"
    )
    bfv = "Federal Office for the Protection of the Constitution"
    assert {e.source for e in estimates} == {bfv}  # the agency, not the news agency's dateline
    assert {e.as_of for e in estimates} == {"2019-03-05"}  # "on Tuesday" is the day itself
    share = estimates[0]
    assert share.base is not None and everything[share.base].value == 1050


def test_explain_names_the_rule_behind_each_reading() -> None:
    text = (
        "Some 400 Belgians have travelled to Syria, the Belgian interior minister said. "
        "About 120 have returned to Belgium; on Saturday 12 women were flown home from Syria."
    )
    found = explain(text, "2020-01-01")
    assert [e for e, _ in found] == extract(text, "2020-01-01")
    first, _, flight = (why for _, why in found)
    assert first["place"] == "people's-own-words" and first["scope"] == "perfect-tense"
    assert first["flow"] == "verb 'travelled'" and first["source"].startswith("attributed")
    assert flight["scope"] == "event-word" and flight["population"] == "head-noun"
    assert all({"place", "population", "flow", "scope", "source"} <= set(w) for _, w in found)


def test_explain_lists_the_places_that_lost() -> None:
    text = "About 850 Britons went to Syria. Some 60 French citizens have also returned."
    (_, why_first), (_, why_second) = explain(text)
    assert "place, lost" not in why_first
    assert why_second["place"] == "people's-own-words"
    assert "GBR" in why_second.get("place, lost", "")


@pytest.mark.parametrize(
    ("text", "published", "as_of", "scope"),
    [
        pytest.param(
            "Norway brought home five women from Syria on July 5.",
            "2022-10-01",
            "2022-07-05",
            "event",
            id="month-day-same-year",
        ),
        pytest.param(
            "On 30 November, Kazakhstan flew 47 citizens home from Syria.",
            "2023-01-10",
            "2022-11-30",
            "event",
            id="day-month-year-before",
        ),
        pytest.param(
            "Some 310 Dutch nationals went to Syria, according to figures released on 12 March.",
            "2019-04-01",
            "2019-03-12",
            "cumulative",
            id="report-date-is-no-event",
        ),
        pytest.param(
            "On 28 September 2016 officials said 470 Belgians had gone to Syria.",
            "2017-01-01",
            "2016-09-28",
            "cumulative",
            id="full-date-unchanged",
        ),
        pytest.param(
            "Today the United States repatriated 11 of its citizens from Syria.",
            "2020-10-05",
            "2020-10-05",
            "event",
            id="today-is-one-event",
        ),
        pytest.param(
            "This morning 24 Kosovars were flown home from Syria.",
            "2019-04-20",
            "2019-04-20",
            "event",
            id="this-morning-is-one-event",
        ),
        pytest.param(
            "The ministry says today that 2,926 Tunisians have gone to Syria since 2011.",
            "2019-05-02",
            "2019-05-02",
            "cumulative",
            id="today-of-the-report-is-no-event",
        ),
    ],
)
def test_a_day_without_its_year(text: str, published: str, as_of: str, scope: str) -> None:
    (e,) = extract(text, published)
    assert (e.as_of, e.scope.value) == (as_of, scope)


def test_the_day_a_figureless_sentence_gives_dates_the_next_figures_as_one_event() -> None:
    text = (
        "On July 19, 2024, Kazakhstan flew a group of citizens home from Syria. "
        "The operation brought back 47 people, including 18 orphans."
    )
    found = extract(text, "2024-08-01")
    assert [(e.quote, e.as_of, e.scope.value) for e in found] == [
        ("47", "2024-07-19", "event"),
        ("18", "2024-07-19", "event"),
    ]


def test_a_figure_sentence_before_gives_its_date_but_no_event() -> None:
    text = "In 2016, about 470 Belgians had gone to Syria. Around 120 returned."
    assert [(e.as_of, e.scope.value) for e in extract(text, "2017-01-01")] == [
        ("2016", "cumulative"),
        ("2016", "cumulative"),
    ]


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        pytest.param(
            "The government put the number of Tunisians in Syria at 6,000 in 2015. "
            "It now says fewer than 3,000 Tunisians travelled to Syria.",
            [("6,000", "2015"), ("fewer than 3,000", "2019-05-02")],
            id="now-after-an-older-figure",
        ),
        pytest.param(
            "In 2015 the ministry counted 6,000 Tunisians who had left for Syria; today it "
            "says that 2,926 left.",
            [("6,000", "2015"), ("2,926", "2019-05-02")],
            id="today-opens-the-next-clause",
        ),
        pytest.param(
            "In 2017, some 300 Belgians had gone to Syria. About 50 are currently held in "
            "Kurdish camps.",
            [("some 300", "2017"), ("About 50", "2019-05-02")],
            id="currently-not-the-year-before",
        ),
        pytest.param(
            "In 2013, USA Today reported that over 1,200 Saudis had gone to Syria.",
            [("over 1,200", "2013")],
            id="a-newspaper-named-today",
        ),
    ],
)
def test_now_dates_a_figure_to_the_report(text: str, dated: list[tuple[str, str]]) -> None:
    assert [(e.quote, e.as_of) for e in extract(text, "2019-05-02")] == dated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Of the 200 Irish citizens who went, about 40 percent have died.",
            "IRL departed total count 200 | IRL killed total share 0.4",
            id="percent-died",
        ),
        pytest.param(
            "Of the 200 Icelanders who left, 50 have come home.",
            "ISL departed total count 200 | ISL returned total count 50",
            id="count-came-home",
        ),
        pytest.param(
            "Of the 60 Slovenes who went, two in five have been killed.",
            "SVN departed total count 60 | SVN killed total share 0.4",
            id="in-five-killed",
        ),
        pytest.param("Of the 300 people who attended, 40 percent have died.", "-", id="no-cohort"),
    ],
)
def test_a_part_of_the_cohort_a_sentence_opens_with_needs_no_zone(text: str, expected: str) -> None:
    """A passage of an article on the conflict whose sentence names no zone: the part is about
    what its cohort ("Of the 200 ... who went") was about."""
    from fighterflows.extract.document.reading import extract_text

    assert _describe(extract_text(text, "2020-01-01", "case").estimates) == expected


@pytest.mark.parametrize(
    ("text", "published", "as_of"),
    [
        ("Kazakhstan flew 37 women home from Syria last April.", "2021-02-04", "2020-04"),
        ("Kosovo brought back 110 citizens from Syria last April.", "2019-05-20", "2019-04"),
        ("Last March, Uzbekistan brought back 98 citizens from Syria.", "2019-03-02", "2018-03"),
    ],
)
def test_last_month_by_name_is_the_latest_such_month(text: str, published: str, as_of: str) -> None:
    (e,) = extract(text, published)
    assert (e.as_of, e.scope.value) == (as_of, "event")


@pytest.mark.parametrize(
    ("text", "published", "as_of", "since"),
    [
        # the date of the figures themselves ("figures from last year"), not a start
        (
            "According to figures from last year, about 1,050 Germans have gone to Syria.",
            "2021-11-10",
            "2020",
            None,
        ),
        (
            "Data from 2016 show that some 50 Irish citizens went to Syria.",
            "2019-01-01",
            "2016",
            None,
        ),
        (
            "Statistics from March 2018 put the number of Swedes who returned from Syria at 150.",
            "2019-01-01",
            "2018-03",
            None,
        ),
        # "from" alone before a date starts a count
        (
            "From 2014 on, some 300 Danes have travelled to Syria.",
            "2019-01-01",
            "2019-01-01",
            "2014",
        ),
    ],
)
def test_figures_from_a_date_hold_for_that_date(
    text: str, published: str, as_of: str, since: str | None
) -> None:
    (e,) = extract(text, published)
    assert (e.as_of, e.since) == (as_of, since)


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # each level of a change is dated by its own words (`earlier-level-of-a-change`)
        (
            "The count of Kazakhs still in the conflict zone rose from 200 in 2014 to more than "
            "500 in 2016.",
            [("200", "2014"), ("more than 500", "2016")],
        ),
        (
            "During 2016, only 11 people travelled from Belgium to the conflict zone, down from "
            "80 the year before.",
            [("11", "2016"), ("80", "2015")],
        ),
        (
            "More than 250 Americans have travelled to Syria, up from about 100 a year earlier.",
            [("More than 250", "2020-01-15"), ("about 100", "2019")],
        ),
        (
            "Some 60 Finns remain in the conflict zone, down from 75 in May, the police said.",
            [("Some 60", "2020-01-15"), ("75", "2019-05")],
        ),
        (
            "The number of Belgians in Syria fell from 300 to 120 over three years.",
            [("300", "2020-01-15"), ("120", "2020-01-15")],
        ),
    ],
)
def test_each_level_of_a_change_has_its_own_date(text: str, dated: list[tuple[str, str]]) -> None:
    found = extract(text, "2020-01-15", "case")
    assert [(e.quote, e.as_of) for e in found] == dated
