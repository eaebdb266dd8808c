"""The JSON API and the pages, through FastAPI's TestClient, on a hand-made ledger."""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_fixtures import (
    DOCUMENTS,
    HOSTILE_IMG,
    HOSTILE_SCRIPT,
    HOSTILE_SOURCE,
    Fig,
    document_id,
    fill_ledger,
    make_document,
)

from fighterflows.ledger import Ledger
from fighterflows.model import Flow
from fighterflows.web.app import create_app
from fighterflows.web.security import CSP

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return fill_ledger(tmp_path_factory.mktemp("web") / "ledger.db")


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def get_json(client: TestClient, url: str) -> Any:
    r = client.get(url)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


def rows_by_key(data: dict[str, Any]) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {(r["place"], r["flow"], r["population"]): r for r in data["rows"]}


def test_table_holds_the_consensus_of_current_claims(client: TestClient) -> None:
    rows = rows_by_key(get_json(client, "/api/table"))
    france = rows[("FRA", "departed", "total")]
    assert (france["low"], france["best"], france["high"]) == (1200, 1910, 3000)
    assert france["sources"] == ["ICSR", "Other Institute", "Soufan Center"]
    assert france["place_name"] == "France"
    assert rows[("BEL", "returned", "total")]["best"] == 125
    # 1,910 of France's 67,059,887 residents (World Bank, 2019)
    assert (france["per_million"], france["residents"], france["residents_year"]) == (
        28.5,
        67_059_887,
        2019,
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "place=FRA",
            {
                ("FRA", "departed", "total"),
                ("FRA", "returned", "total"),
                ("FRA", "returned", "minors"),
            },
        ),
        ("place=FRA&scope=event", {("FRA", "returned", "minors")}),
        ("scope=current", set()),
        ("flow=returned&place=DEU", {("DEU", "returned", "total")}),
        ("population=women", set()),
        ("source=belgian", {("BEL", "departed", "total"), ("BEL", "returned", "total")}),
        ("as_of=2017-08-31&place=FRA", {("FRA", "departed", "total")}),
    ],
    ids=[
        "place",
        "scope",
        "scope-none",
        "flow-and-place",
        "population-none",
        "source-any-case",
        "as-of",
    ],
)
def test_table_filters(client: TestClient, query: str, expected: set[tuple[str, str, str]]) -> None:
    assert set(rows_by_key(get_json(client, f"/api/table?{query}"))) == expected


def test_an_event_row_is_a_sum_of_events_never_averaged_with_the_total(client: TestClient) -> None:
    rows = get_json(client, "/api/table?place=FRA&flow=returned")["rows"]
    by_scope = {r["scope"]: r for r in rows}
    assert by_scope["event"]["population"] == "minors" and by_scope["event"]["basis"] == "events"
    assert (by_scope["event"]["best"], by_scope["event"]["high"]) == (12, None)
    place = {(r["flow"], r["scope"]): r for r in get_json(client, "/api/places/FRA")["rows"]}
    assert place[("returned", "event")]["how"].startswith("the sum of 1 distinct event(s)")
    assert place[("departed", "cumulative")]["how"] == (
        "the median of the current figures of 3 source(s)"
    )
    assert by_scope["cumulative"]["best"] == 271
    page = client.get("/place/FRA").text
    assert "Events (1)" in page and "events since 2019-03-05 (sum)" in page
    assert "one event of 2019-03-05: added, never averaged" in page


def test_as_of_gives_the_table_as_it_stood_then(client: TestClient) -> None:
    rows = rows_by_key(get_json(client, "/api/table?as_of=2017-08"))
    assert rows[("FRA", "departed", "total")]["best"] == 1200


def test_estimates_are_paged_with_a_total(client: TestClient) -> None:
    first = get_json(client, "/api/estimates?limit=4")
    second = get_json(client, "/api/estimates?limit=4&offset=4")
    everything = get_json(client, "/api/estimates?limit=1000")
    total = sum(len(d.estimates) for d in DOCUMENTS)
    assert first["total"] == second["total"] == everything["total"] == total
    ids = [e["id"] for e in first["estimates"] + second["estimates"]]
    assert ids == [e["id"] for e in everything["estimates"][:8]]
    assert len(set(ids)) == 8


def test_estimates_filter_by_place_and_flow(client: TestClient) -> None:
    data = get_json(client, "/api/estimates?place=FRA&flow=returned")
    assert sorted(e["quote"] for e in data["estimates"]) == ["12", "271", "400"]
    assert data["total"] == 3
    events = get_json(client, "/api/estimates?place=FRA&scope=event")
    assert [(e["quote"], e["scope"]) for e in events["estimates"]] == [("12", "event")]


def test_estimates_of_one_document(client: TestClient) -> None:
    data = get_json(client, f"/api/estimates?document={document_id('2018-belgian-report')}")
    assert sorted(e["quote"] for e in data["estimates"]) == ["413", "Between 120 and 130"]
    by_name = get_json(client, "/api/estimates?document=2018-belgian-report")
    assert by_name == data
    page = client.get("/documents/2018-belgian-report").text
    assert "&amp;format=csv" in page and 'class="csv"' in page


def test_an_estimate_by_id(client: TestClient) -> None:
    some = get_json(client, "/api/estimates?limit=1")["estimates"][0]
    assert get_json(client, f"/api/estimates/{some['id']}")["quote"] == some["quote"]


def test_conflicts_carry_kind_claims_and_documents(client: TestClient) -> None:
    conflicts = get_json(client, "/api/conflicts")["conflicts"]
    misquotes = [c for c in conflicts if c["kind"] == "misquote"]
    assert [(c["place"], c["flow"]) for c in misquotes] == [("FRA", "returned")]
    assert misquotes[0]["documents"] == ["2017-soufan-returnees", "2017-wire-misquote"]
    statement = misquotes[0]["claims"][0]["statements"][0]
    assert statement["sentence"][slice(*statement["mark"])] in {"271", "400"}


def test_conflicts_filter_by_kind_of_key(client: TestClient) -> None:
    conflicts = get_json(client, "/api/conflicts?place=DEU")["conflicts"]
    assert {c["place"] for c in conflicts} == {"DEU"}


def test_place_has_rows_claims_sentences_and_conflicts(client: TestClient) -> None:
    data = get_json(client, "/api/places/FRA")
    assert data["place_name"] == "France"
    assert {(r["flow"], r["scope"]) for r in data["rows"]} == {
        ("departed", "cumulative"),
        ("returned", "cumulative"),
        ("returned", "event"),
    }
    assert len(data["claims"]) == 6
    roles = {c["quote"]: c["role"] for c in data["claims"]}
    assert roles == {
        "1,200": "vote",
        "1,910": "vote",
        "3,000": "vote",
        "271": "vote",
        "400": "outvoted",
        "12": "event",
    }
    for claim in data["claims"]:
        s = claim["statements"][0]
        assert s["sentence"][s["mark"][0] : s["mark"][1]] == claim["quote"]
    assert {c["kind"] for c in data["conflicts"]} == {"misquote", "disagreement"}


def test_place_filters_narrow_its_claims(client: TestClient) -> None:
    data = get_json(client, "/api/places/FRA?flow=returned")
    assert {c["flow"] for c in data["claims"]} == {"returned"}


def test_documents_are_listed_paged_and_searchable(client: TestClient) -> None:
    data = get_json(client, "/api/documents?limit=2")
    assert data["total"] == len(DOCUMENTS) and len(data["documents"]) == 2
    found = get_json(client, "/api/documents?q=BELGIAN")["documents"]
    assert [d["name"] for d in found] == ["2018-belgian-report"]


def test_a_document_has_its_text_and_anchored_estimates(client: TestClient) -> None:
    data = get_json(client, f"/api/documents/{document_id('2017-soufan-returnees')}")
    text = data["text"]
    assert len(data["estimates"]) == 4
    for e in data["estimates"]:
        assert text[e["start"] : e["end"]] == e["quote"]


def test_a_document_by_name_too(client: TestClient) -> None:
    assert get_json(client, "/api/documents/2018-belgian-report")["document"]["published"] == (
        "2018-02-12"
    )


@pytest.mark.parametrize(
    ("query", "places"),
    [
        ("germ", ["DEU"]),
        ("fra", ["FRA"]),
        ("Britons", ["GBR"]),
        ("Belgians", ["BEL"]),
        ("bel", ["BEL"]),
        ("nothing like it", []),
    ],
)
def test_search_finds_places_by_code_name_and_demonym(
    client: TestClient, query: str, places: list[str]
) -> None:
    assert [p["place"] for p in get_json(client, f"/api/search?q={query}")["places"]] == places


def test_search_finds_places_by_name_and_sources(client: TestClient) -> None:
    data = get_json(client, "/api/search?q=soufan")
    assert [s["source"] for s in data["sources"]] == ["Soufan Center"]
    assert [p["place"] for p in get_json(client, "/api/search?q=germ")["places"]] == ["DEU"]
    assert [d["name"] for d in data["documents"]] == ["2017-soufan-returnees"]


@pytest.mark.parametrize(
    ("url", "first_column", "rows"),
    [
        ("/api/table.csv", "place", 8),
        ("/api/table?format=csv", "place", 8),
        ("/api/estimates?format=csv&limit=1000", "id", 12),
        ("/api/conflicts?format=csv", "place", None),
        ("/api/documents?format=csv", "id", 7),
        ("/api/places/FRA?format=csv", "id", 6),
    ],
    ids=["table.csv", "table", "estimates", "conflicts", "documents", "place-claims"],
)
def test_csv_downloads(client: TestClient, url: str, first_column: str, rows: int | None) -> None:
    r = client.get(url)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    records = list(csv.DictReader(io.StringIO(r.text)))
    assert r.text.split(",", 1)[0] == first_column
    assert records
    if rows is not None:
        assert len(records) == rows


def test_csv_lists_are_joined_and_text_never_starts_a_formula(tmp_path: Path) -> None:
    db = fill_ledger(tmp_path / "f.db")
    ledger = Ledger.open(db)
    ledger.add_document(make_document("=cmd", "2019-01-01", ["Some 70 Danes went."], []))
    ledger.close()
    with TestClient(create_app(db)) as c:
        documents = c.get("/api/documents?format=csv&q=cmd").text
        table = c.get("/api/table.csv?place=DEU").text
    assert "ICSR; Soufan Center" in table
    row = next(csv.DictReader(io.StringIO(documents)))
    assert (row["name"], row["title"]) == ("'=cmd", "'=Cmd")


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/places/XYZ", 404),
        ("/api/documents/nothing-here", 404),
        ("/api/estimates/ffffffffffff", 404),
        ("/api/nothing", 404),
        ("/api/table?flow=sideways", 422),
        ("/api/table?as_of=yesterday", 422),
        ("/api/estimates?limit=0", 422),
        ("/api/estimates?offset=-1", 422),
        ("/api/places/%3Cscript%3E", 422),
        ("/api/table?format=xml", 422),
    ],
    ids=[
        "place",
        "document",
        "estimate",
        "route",
        "flow",
        "as-of",
        "limit",
        "offset",
        "place-code",
        "format",
    ],
)
def test_every_api_error_has_one_shape(client: TestClient, url: str, status: int) -> None:
    r = client.get(url)
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["title"], str) and body["error"]["title"]
    assert isinstance(body["error"]["detail"], str) and body["error"]["detail"]


def test_a_crash_gives_the_same_shape_and_no_traceback(db: str) -> None:
    app = create_app(db)

    def explode() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/api/explode", explode)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/explode")
    assert r.status_code == 500
    assert r.json()["error"]["status"] == 500
    assert "secret" not in r.text
    assert r.headers["content-security-policy"] == CSP


def test_page_errors_are_pages(client: TestClient) -> None:
    r = client.get("/place/XYZ")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "no figure for place" in r.text


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/place/FRA",
        "/conflicts",
        "/documents",
        "/documents/hostile-page",
        "/search?q=fr",
        "/docs",
        "/api/table",
        "/static/style.css",
        "/openapi.json",
        "/nowhere",
    ],
)
def test_every_response_carries_the_strict_policy(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("url", "twin"),
    [
        ("/", "/api/table"),
        ("/place/FRA", "/api/places/FRA"),
        ("/conflicts", "/api/conflicts"),
        ("/documents", "/api/documents?limit=50"),
        ("/search?q=fr", "/api/search?q=fr"),
    ],
)
def test_every_page_links_its_json_twin(client: TestClient, url: str, twin: str) -> None:
    page = client.get(url).text
    assert f'href="{twin}" class="twin"' in page
    assert client.get(twin).status_code == 200


@pytest.mark.parametrize(
    "url", ["/", "/place/GBR", "/conflicts", "/documents/hostile-page", "/search?q=evil"]
)
def test_untrusted_text_is_escaped_on_every_page(client: TestClient, url: str) -> None:
    page = client.get(url).text
    for raw in (HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_SOURCE):
        assert raw not in page
    assert "<script>" not in page  # the only scripts are external files
    assert page.count("<script") == 1 and 'src="/static/app.js"' in page


def test_hostile_text_shows_as_text(client: TestClient) -> None:
    page = client.get("/documents/hostile-page").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page


@pytest.mark.parametrize("url", ["/", "/place/FRA", "/conflicts", "/docs", "/search?q=a"])
def test_pages_only_reference_local_assets(client: TestClient, url: str) -> None:
    page = client.get(url).text
    targets = re.findall(r'(?:src|href|action)="([^"]*)"', page)
    assert targets
    assert [t for t in targets if not t.startswith(("/", "#", "?"))] == []
    assert [t for t in targets if t.startswith("//")] == []


def test_the_document_page_marks_every_figure(client: TestClient) -> None:
    data = get_json(client, "/api/documents/2017-soufan-returnees")
    page = client.get("/documents/2017-soufan-returnees").text
    for e in data["estimates"]:
        assert f'<mark class="figure" id="e-{e["id"]}">{e["quote"]}</mark>' in page


def test_openapi_lists_the_api_and_the_error_shape(client: TestClient) -> None:
    schema = get_json(client, "/openapi.json")
    for path in (
        "/api/table",
        "/api/estimates",
        "/api/conflicts",
        "/api/documents",
        "/api/documents/{document_id}",
        "/api/places/{code}",
        "/api/table.csv",
    ):
        assert path in schema["paths"]
    table = schema["paths"]["/api/table"]["get"]
    assert {p["name"] for p in table["parameters"]} >= {
        "place",
        "flow",
        "population",
        "source",
        "as_of",
        "format",
    }
    assert "404" in table["responses"]
    docs = client.get("/docs").text
    assert "/api/places/{code}" in docs


def test_the_cache_follows_the_ledger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("fighterflows.web.state.RECHECK_SECONDS", 0.0)
    path = tmp_path / "growing.db"
    fill_ledger(path)
    with TestClient(create_app(str(path))) as c:
        before = rows_by_key(c.get("/api/table").json())
        ledger = Ledger.open(str(path))
        fig = Fig("320", "AUT", Flow.DEPARTED, 320, "Austrian government", "2019-06")
        ledger.add_document(
            make_document("later", "2019-06-01", ["Austria counts 320 departures."], [fig])
        )
        ledger.close()
        after = rows_by_key(c.get("/api/table").json())
    assert set(after) - set(before) == {("AUT", "departed", "total")}


def test_conflicts_are_paged_and_filter_by_kind(client: TestClient) -> None:
    everything = get_json(client, "/api/conflicts")
    assert everything["total"] == len(everything["conflicts"]) == 5
    page = get_json(client, "/api/conflicts?limit=2&offset=1")
    assert page["total"] == 5
    assert page["conflicts"] == everything["conflicts"][1:3]
    kinds = get_json(client, "/api/conflicts?kind=disagreement")
    assert kinds["total"] == 4 and {c["kind"] for c in kinds["conflicts"]} == {"disagreement"}


def test_the_conflicts_page_links_its_next_page(client: TestClient) -> None:
    page = client.get("/conflicts?limit=2").text
    assert 'href="/conflicts?limit=2&amp;offset=2"' in page
    assert "1–2 of 5" in page


def test_the_ledger_is_rechecked_at_most_once_a_second(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The interval is stretched so that a slow machine cannot let it pass during the write.
    monkeypatch.setattr("fighterflows.web.state.RECHECK_SECONDS", 3600.0)
    path = tmp_path / "steady.db"
    fill_ledger(path)
    with TestClient(create_app(str(path))) as c:
        before = c.get("/api/table").json()
        ledger = Ledger.open(str(path))
        fig = Fig("320", "AUT", Flow.DEPARTED, 320, "Austrian government", "2019-06")
        ledger.add_document(make_document("later", "2019-06-01", ["Austria: 320."], [fig]))
        ledger.close()
        assert c.get("/api/table").json() == before  # within the interval: the cached table


@pytest.mark.parametrize(
    "url",
    [
        "/?flow=&population=&source=&as_of=",
        "/place/FRA?flow=&population=&source=&as_of=",
        "/conflicts?flow=returned&population=&source=&as_of=&kind=",
        "/api/table?place=&flow=&population=&source=&as_of=",
    ],
    ids=["overview", "place", "conflicts", "api"],
)
def test_a_form_sends_blank_filters_and_they_mean_no_filter(client: TestClient, url: str) -> None:
    assert client.get(url).status_code == 200


def test_blank_filters_select_what_no_filters_select(client: TestClient) -> None:
    blank = get_json(client, "/api/table?place=&flow=&population=&source=&as_of=")
    assert blank == get_json(client, "/api/table")


def test_a_document_named_with_slashes(tmp_path: Path) -> None:
    db = fill_ledger(tmp_path / "s.db")
    ledger = Ledger.open(db)
    ledger.add_document(make_document("news/2019/item.md", "2019-01-01", ["Some 5 went."], []))
    ledger.close()
    with TestClient(create_app(db)) as c:
        assert c.get("/api/documents/news/2019/item.md").json()["text"] == "Some 5 went."
        assert c.get("/documents/news/2019/item.md").status_code == 200
        assert c.get("/api/documents/news/2019/other.md").status_code == 404


def test_serve_runs_the_app_with_uvicorn(db: str) -> None:
    import subprocess
    import sys
    import time

    import httpx
    from web_fixtures import free_port

    port = free_port()
    code = f"from fighterflows.web.app import serve; serve({db!r}, '127.0.0.1', {port})"
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/table", timeout=5)
                break
            except httpx.TransportError:
                assert process.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["rows"]
        assert r.headers["content-security-policy"] == CSP
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.parametrize(
    "url",
    [
        "/documents/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/search?q=%3Cscript%3Ealert(1)%3C/script%3E",
        "/documents?q=%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E",
    ],
    ids=["404-detail", "search-echo", "documents-filter"],
)
def test_what_a_visitor_types_comes_back_escaped(client: TestClient, url: str) -> None:
    page = client.get(url).text
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;" in page


@pytest.mark.parametrize(
    "url",
    [
        "/api/search?q=%00",
        "/?source=%00",
        "/api/table?source=a%00b",
        "/api/estimates?document=%00",
        "/api/documents?q=%00",
        "/api/estimates/ab%00",
        "/search?q=%00",
        "/documents/x%00y",
    ],
)
def test_a_nul_in_a_parameter_is_a_clear_422(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 422, (url, r.status_code, r.text[:200])


def test_a_short_id_shared_by_several_estimates_is_refused(client: TestClient) -> None:
    ids = [e["id"] for e in get_json(client, "/api/estimates?limit=1000")["estimates"]]
    short = next(i[:1] for i in ids if sum(j.startswith(i[:1]) for j in ids) > 1)
    r = client.get(f"/api/estimates/{short}")
    assert r.status_code == 422 and "give more of it" in r.text
    assert client.get(f"/api/estimates/{ids[0][:12]}").json()["id"] == ids[0]
    assert client.get("/api/estimates/%25").status_code == 404


@pytest.mark.parametrize("as_of", ["2017-13-45", "2017-99", "2017-02-30", "0000"])
def test_a_date_that_does_not_exist_is_a_422(client: TestClient, as_of: str) -> None:
    assert client.get(f"/api/table?as_of={as_of}").status_code == 422


def test_search_words_are_words_not_wildcards(client: TestClient) -> None:
    assert get_json(client, "/api/documents?q=%25")["total"] == 0
    assert get_json(client, "/api/documents?q=_")["total"] == 0
    assert get_json(client, "/api/table?source=%25")["rows"] == []


@pytest.mark.parametrize("url", ["/", "/api/table", "/place/FRA", "/api/places/FRA", "/conflicts"])
def test_head_answers_like_get_without_a_body(client: TestClient, url: str) -> None:
    get, head = client.get(url), client.head(url)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-security-policy"] == get.headers["content-security-policy"]


def test_a_place_pages_its_claims_with_a_total(client: TestClient) -> None:
    everything = get_json(client, "/api/places/FRA")
    first = get_json(client, "/api/places/FRA?limit=2")
    rest = get_json(client, "/api/places/FRA?limit=100&offset=2")
    assert first["total"] == rest["total"] == everything["total"] == 6
    assert [c["id"] for c in first["claims"] + rest["claims"]] == [
        c["id"] for c in everything["claims"]
    ]
    page = client.get("/place/FRA?limit=2").text
    assert "claims 1–2 of 6" in page and "offset=2" in page
    assert len(client.get("/api/places/FRA?format=csv&limit=2").text.splitlines()) == 7
