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
from web_fixtures import fill_ledger

from fighterflows.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = fill_ledger(tmp_path_factory.mktemp("views") / "ledger.db")
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
    assert [d["name"] for d in docs] == re.findall(r'<a href="/documents/[^"]+">([^<]+)</a></td>',
                                                   page)


# -- item 9: errors in words, a skip link, captions ------------------------------------------


@pytest.mark.parametrize(
    ("url", "words", "back"),
    [
        ("/?as_of=yesterday", "'yesterday' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", "/"),
        ("/?flow=returned&as_of=2016-13-01", "'2016-13-01' is not a date that exists",
         "/?flow=returned"),
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
        "as_of: 'yesterday' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


TABLES = {"/": 1, "/place/FRA": 1, "/documents": 1, "/documents/2017-soufan-returnees": 1,
          "/docs": 5}  # at least so many
PAGES = ["/", "/place/FRA", "/conflicts", "/documents", "/documents/2017-soufan-returnees",
         "/search?q=fr", "/docs", "/place/NOWHERE"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_starts_with_a_skip_link_to_its_content(client: TestClient, url: str) -> None:
    page = client.get(url).text
    body = page[page.index("<body>"):]
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
