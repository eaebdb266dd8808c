"""What the pages offer a reader beyond their data (issue 12): downloads that keep the page's
filters, names that resolve to places, search that forgives, a table that explains itself.

Through FastAPI's TestClient on the hand-made ledger of web_fixtures; the same behaviours in a
real browser, at desktop and phone sizes, are in test_browser_views.py.
"""

from __future__ import annotations

import csv
import html
import io
import re
import warnings
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from web_fixtures import Fig, fill_ledger, make_document

from fighterflows.ledger import Ledger
from fighterflows.model import Flow
from fighterflows.web.app import create_app
from fighterflows.web.daterange import DateRange, span

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


ICSR = "International Centre for the Study of Radicalisation"
# Beside the shared hand-made ledger: a source under its full name (found by its initials) and
# a region (kept apart from the countries).
EXTRA = [
    make_document(
        "2018-icsr-britain",
        "2018-07-27",
        ["The International Centre for the Study of Radicalisation counts 850 Britons who left."],
        [Fig("850", "GBR", Flow.DEPARTED, 850, ICSR, "2018-07")],
    ),
    make_document(
        "2017-europe-total",
        "2017-10-01",
        ["Some 5,000 Europeans went, the EU says."],
        [Fig("5,000", "europe", Flow.DEPARTED, 5000, "European Union", "2017-10")],
    ),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = fill_ledger(tmp_path_factory.mktemp("views") / "ledger.db")
    ledger = Ledger.open(db)
    for new in EXTRA:
        ledger.add_document(new)
    ledger.close()
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def link(page: str, css_class: str) -> str:
    found = re.search(rf'href="([^"]+)" class="{css_class}"', page)
    assert found is not None, f"no {css_class} link"
    return html.unescape(found.group(1))


def params(url: str, drop: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return sorted((k, v) for k, v in parse_qsl(urlsplit(url).query) if k not in drop)


def csv_records(client: TestClient, url: str) -> list[dict[str, str]]:
    r = client.get(url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(r.text)))


def key(record: dict[str, Any]) -> tuple[str, ...]:
    return tuple(str(record[k]) for k in ("place", "flow", "population", "scope"))


# -- item 2: downloads keep the filters ------------------------------------------------------

FILTERED_PAGES = [
    "/?flow=returned&as_of=2018",
    "/?source=soufan&population=total&scope=cumulative",
    "/place/FRA?flow=returned&as_of=2018-01",
    "/conflicts?kind=disagreement&flow=departed",
]


@pytest.mark.parametrize("url", FILTERED_PAGES)
def test_the_csv_and_json_links_carry_the_page_filters(client: TestClient, url: str) -> None:
    page = client.get(url).text
    assert params(link(page, "csv"), drop=("format",)) == params(url)
    assert params(link(page, "twin")) == params(url)


def test_blank_form_fields_and_paging_stay_out_of_the_csv_link(client: TestClient) -> None:
    page = client.get("/place/FRA?flow=returned&population=&limit=2&offset=2").text
    assert params(link(page, "csv"), drop=("format",)) == [("flow", "returned")]
    assert params(link(page, "twin")) == [("flow", "returned"), ("limit", "2"), ("offset", "2")]


@pytest.mark.parametrize("url", [u for u in FILTERED_PAGES if u.startswith("/?")])
def test_the_table_csv_holds_the_rows_of_the_page(client: TestClient, url: str) -> None:
    page = client.get(url).text
    twin = client.get(link(page, "twin")).json()
    records = csv_records(client, link(page, "csv"))
    assert records and sorted(map(key, records)) == sorted(map(key, twin["rows"]))
    shown = re.findall(r'<tr class="row" data-key="([^"]+)"', page)
    assert sorted(shown) == sorted("|".join(key(r)) for r in records)


def test_the_place_csv_holds_the_filtered_claims(client: TestClient) -> None:
    page = client.get("/place/FRA?flow=returned").text
    records = csv_records(client, link(page, "csv"))
    assert {r["flow"] for r in records} == {"returned"}
    assert sorted(r["quote"] for r in records) == ["12", "271", "400"]


def test_the_conflicts_csv_holds_the_kind_shown(client: TestClient) -> None:
    page = client.get("/conflicts?kind=disagreement&flow=departed").text
    records = csv_records(client, link(page, "csv"))
    shown = client.get(link(page, "twin")).json()
    assert len(records) == shown["total"] > 0
    assert {(r["kind"], r["flow"]) for r in records} == {("disagreement", "departed")}


def test_the_documents_downloads_are_the_page_shown(client: TestClient) -> None:
    page = client.get("/documents?q=2017&limit=2").text
    assert params(link(page, "csv"), drop=("format",)) == [("limit", "2"), ("q", "2017")]
    docs = client.get(link(page, "twin")).json()["documents"]
    assert [d["name"] for d in docs] == re.findall(
        r'<a href="/documents/[^"]+">([^<]+)</a></td>', page
    )


# -- item 9: errors in words, a skip link, captions ------------------------------------------


@pytest.mark.parametrize(
    ("url", "words", "back"),
    [
        ("/?as_of=yesterday", "'yesterday' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", "/"),
        (
            "/?flow=returned&as_of=2016-13-01",
            "'2016-13-01' is not a date that exists",
            "/?flow=returned",
        ),
        ("/place/FRA?as_of=soon&scope=event", "'soon' is not a date", "/place/FRA?scope=event"),
        ("/conflicts?source=a%00b", "'a\\x00b' contains a NUL character", "/conflicts"),
    ],
    ids=["word", "no-such-month", "place", "nul"],
)
def test_a_bad_filter_on_a_page_is_answered_in_words(
    client: TestClient, url: str, words: str, back: str
) -> None:
    r = client.get(url)
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    detail = html.unescape(re.sub(r"<[^>]+>", "", r.text))
    assert words in detail
    for raw in ("should match pattern", "^\\d{4}", "[^\\x00]"):
        assert raw not in detail
    assert f'href="{html.escape(back)}"' in r.text


def test_the_api_answers_a_bad_date_in_words_too(client: TestClient) -> None:
    r = client.get("/api/table?as_of=yesterday")
    assert r.status_code == 422
    assert r.json()["error"]["detail"] == (
        "as_of: 'yesterday' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    )


TABLES = {
    "/": 1,
    "/place/FRA": 1,
    "/documents": 1,
    "/documents/2017-soufan-returnees": 1,
    "/docs": 5,
}  # at least so many
PAGES = [
    "/",
    "/place/FRA",
    "/conflicts",
    "/documents",
    "/documents/2017-soufan-returnees",
    "/search?q=fr",
    "/docs",
    "/place/NOWHERE",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_starts_with_a_skip_link_to_its_content(client: TestClient, url: str) -> None:
    page = client.get(url).text
    body = page[page.index("<body>") :]
    first_link = re.search(r"<a [^>]*>", body)
    assert first_link is not None
    assert first_link.group() == '<a class="skip" href="#main">'
    assert '<main id="main"' in page


@pytest.mark.parametrize("url", [u for u in PAGES if u in TABLES])
def test_every_table_has_a_caption(client: TestClient, url: str) -> None:
    page = client.get(url).text
    tables = re.findall(r"<table\b.*?</table>", page, flags=re.S)
    assert len(tables) >= TABLES[url]
    for table in tables:
        caption = re.search(r"<caption>(.*?)</caption>", table, flags=re.S)
        assert caption is not None and re.sub(r"<[^>]+>", "", caption.group(1)).strip()


# -- item 8: the home page explains itself, names resolve, search forgives -------------------


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_the_home_page_says_what_its_columns_mean(client: TestClient) -> None:
    page = client.get("/").text
    terms = re.search(r'<dl class="terms">(.*?)</dl>', page, flags=re.S)
    assert terms is not None
    said = dict(
        zip(
            map(text_of, re.findall(r"<dt>(.*?)</dt>", terms.group(1))),
            map(text_of, re.findall(r"<dd>(.*?)</dd>", terms.group(1))),
            strict=True,
        )
    )
    assert {"Best", "Low, High", "Claims", "Documents"} <= set(said)
    assert "median" in said["Best"] and "one claim" in said["Claims"]
    for word in ("documents", "figures", "claims", "conflicts"):
        assert re.search(rf"</b>{word} <span class=\"muted\">\w", page), word


def rows_of(page: str, table_id: str) -> list[str]:
    table = re.search(rf'<table class="data rows" id="{table_id}">(.*?)</table>', page, re.S)
    assert table is not None, table_id
    return re.findall(r'<tr class="row" data-key="([^"|]+)\|', table.group(1))


@pytest.mark.parametrize("url", ["/", "/?flow=departed", "/?dated_to=2017"])
def test_the_row_count_and_regions_apart_from_countries(client: TestClient, url: str) -> None:
    page = client.get(url).text
    twin = client.get(link(page, "twin")).json()
    countries, regions = rows_of(page, "table"), rows_of(page, "regions")
    assert len(countries) + len(regions) == twin["total"] == len(twin["rows"])
    assert all(len(p) == 3 and p.isupper() for p in countries)
    assert regions == ["europe"]
    count = re.search(r'<p class="summary" id="row-count"><b>(\d+) rows?</b>', page)
    assert count is not None and int(count.group(1)) == twin["total"]


def test_a_filtered_table_says_as_of_when_and_how_to_get_back(client: TestClient) -> None:
    assert 'class="banner"' not in client.get("/?flow=returned").text
    page = client.get("/?flow=departed&as_of=2017-08").text
    banner = re.search(r'<p class="banner" role="status">(.*?)</p>', page, flags=re.S)
    assert banner is not None
    assert text_of(banner.group(1)).startswith("As of 2017-08: the table as it stood then")
    assert 'href="/?flow=departed">Today’s table</a>' in banner.group(1)
    assert "where flow is departed, as of 2017-08" in text_of(page)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Belgium", "BEL"),
        ("belgium", "BEL"),
        ("bel", "BEL"),
        ("BELGIUM", "BEL"),
        ("United%20Kingdom", "GBR"),
        ("Britons", "GBR"),
        ("france", "FRA"),
        ("FRA", "FRA"),
    ],
)
def test_a_place_page_answers_to_its_name(client: TestClient, typed: str, code: str) -> None:
    r = client.get(f"/place/{typed}?flow=departed")
    assert r.status_code == 200 and r.url.path == f"/place/{code}"
    assert r.url.query == b"flow=departed" or r.url.query == "flow=departed"
    api = client.get(f"/api/places/{typed}")
    assert api.status_code == 200 and api.json()["place"] == code


def test_an_unknown_place_offers_the_one_it_is_spelt_like(client: TestClient) -> None:
    r = client.get("/place/Belguim")
    assert r.status_code == 404
    assert '<a href="/place/BEL">Did you mean Belgium?</a>' in r.text
    api = client.get("/api/places/Belguim")
    assert api.status_code == 404
    assert api.json()["error"]["detail"] == (
        "no figure for place 'Belguim' in the ledger; did you mean Belgium?"
    )
    known = client.get("/api/places/Syria").json()["error"]["detail"]
    assert known == "no figure for place Syria (SYR) in the ledger"


@pytest.mark.parametrize(
    ("q", "places", "sources"),
    [
        ("uk", ["GBR"], []),
        ("UK", ["GBR"], []),
        ("ICSR", [], ["ICSR", ICSR]),
        ("icsr", [], ["ICSR", ICSR]),
        ("King's College London", [], [ICSR]),
        ("europe", ["europe"], ["European Union"]),
    ],
)
def test_search_finds_short_names_and_initials(
    client: TestClient, q: str, places: list[str], sources: list[str]
) -> None:
    data = client.get(f"/api/search?q={q}").json()
    assert [p["place"] for p in data["places"]] == places
    assert [s["source"] for s in data["sources"]] == sources


@pytest.mark.parametrize(
    ("q", "place", "source"),
    [("Belguim", "BEL", None), ("Frnace", "FRA", None), ("Soufna", None, "Soufan Center")],
)
def test_search_asks_did_you_mean_for_a_typo(
    client: TestClient, q: str, place: str | None, source: str | None
) -> None:
    data = client.get(f"/api/search?q={q}").json()
    assert data["places"] == data["sources"] == []
    guess = data["did_you_mean"]
    assert [p["place"] for p in guess["places"]] == ([place] if place else [])
    assert [s["source"] for s in guess["sources"]] == ([source] if source else [])
    page = client.get(f"/search?q={q}").text
    shown = re.search(r'<p class="did-you-mean">(.*?)</p>', page, flags=re.S)
    assert shown is not None and "Did you mean" in shown.group(1)
    if place:
        assert f'<a href="/place/{place}">' in shown.group(1)


# -- Datasette-like: facets and a date range -------------------------------------------------


def facet_links(page: str, name: str) -> dict[str, tuple[str, int]]:
    section = re.search(
        rf'<section class="facet" aria-label="{name}">(.*?)</section>', page, flags=re.S
    )
    assert section is not None, name
    found = re.findall(
        r'<a href="([^"]+)">([^<]+)</a> <span class="muted">([\d,]+)</span>', section.group(1)
    )
    return {label: (html.unescape(href), int(n.replace(",", ""))) for href, label, n in found}


@pytest.mark.parametrize(
    ("url", "facet"),
    [
        ("/", "Flow"),
        ("/", "Population"),
        ("/", "Measure"),
        ("/", "Source"),
        ("/?flow=departed", "Source"),
    ],
)
def test_a_facet_count_is_the_rows_its_link_shows(client: TestClient, url: str, facet: str) -> None:
    choices = facet_links(client.get(url).text, facet)
    assert choices
    for href, count in choices.values():
        assert params(href, drop=("flow", "population", "scope", "source")) == params(
            url, drop=("flow", "population", "scope", "source")
        )
        target = client.get(link(client.get(href).text, "twin")).json()
        assert target["total"] == count, href


def test_facet_counts_are_in_the_api(client: TestClient) -> None:
    data = client.get("/api/table?population=total").json()
    assert data["facets"]["flow"] == {"departed": 5, "returned": 4}
    assert data["facets"]["population"] == {"total": 9}
    assert sum(data["facets"]["flow"].values()) == data["total"] == len(data["rows"])


@pytest.mark.parametrize(
    ("query", "dates"),
    [
        ("dated_from=2018", {"2018-02", "2018-05", "2018-07", "2019-03-05"}),
        ("dated_to=2017", {"2017-10", "2017-12"}),
        ("dated_from=2017-12&dated_to=2018-06", {"2017-12", "2018-02", "2018-05"}),
        ("dated_from=2018-02-12&dated_to=2018-02-12", {"2018-02"}),
    ],
)
def test_the_date_range_keeps_rows_dated_in_it(
    client: TestClient, query: str, dates: set[str]
) -> None:
    rows = client.get(f"/api/table?{query}").json()["rows"]
    assert {r["as_of"] for r in rows} == dates
    assert len(csv_records(client, f"/api/table.csv?{query}")) == len(rows)


def test_the_date_range_narrows_a_place_and_the_conflicts(client: TestClient) -> None:
    claims = client.get("/api/places/FRA?dated_from=2017-10&dated_to=2017-11").json()["claims"]
    assert sorted(c["quote"] for c in claims) == ["1,910", "271", "400"]
    conflicts = client.get("/api/conflicts?dated_from=2019").json()
    assert conflicts["total"] == 0
    page = client.get("/place/FRA?dated_from=2019").text
    assert 'name="dated_from" value="2019"' in page


def test_a_range_that_ends_before_it_starts_is_a_422_in_words(client: TestClient) -> None:
    r = client.get("/api/table?dated_from=2018&dated_to=2017")
    assert r.status_code == 422
    assert "ends (2017) before it starts (2018)" in r.json()["error"]["detail"]


@pytest.mark.parametrize(
    ("start", "end", "as_of", "held"),
    [
        (None, None, None, True),
        ("2017", None, "2017-10-24", True),
        ("2017", None, "2016", False),
        (None, "2017", "2017-12-31", True),
        (None, "2017-06", "2017-07-01", False),
        ("2017-06", "2017-06", "2017", True),  # a year overlaps the month it holds
        ("2017-02-28", None, "2017-02", True),
        ("2017", "2018", None, False),
        ("2017", "2018", "late 2017", False),
        ("2016", "2016", "2016-02-29", True),
    ],
)
def test_date_range_holds(
    start: str | None, end: str | None, as_of: str | None, held: bool
) -> None:
    assert DateRange(start, end).holds(as_of) is held


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2016", "2016-01-01", "2016-12-31"),
        ("2016-02", "2016-02-01", "2016-02-29"),
        ("2017-02", "2017-02-01", "2017-02-28"),
        ("2017-10-24", "2017-10-24", "2017-10-24"),
    ],
)
def test_a_date_spans_its_whole_year_month_or_day(value: str, first: str, last: str) -> None:
    found = span(value)
    assert found is not None and (found[0].isoformat(), found[1].isoformat()) == (first, last)
