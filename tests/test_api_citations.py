"""Citations in the API and on the pages: documents carry what cites them, every claim how to
cite it (by the document that states it first), and no declared address becomes a link unless
it is a web address."""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from web_fixtures import COURIER, COURIER_URL, HOSTILE_SCRIPT, document_id, fill_ledger

from fighterflows.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SOUFAN = "2017-soufan-returnees"
COURIER_TEXT = (
    'Jane Doe and John Roe. "2017 Soufan Returnees." The Harbour Courier, 24 October 2017. '
    f"{COURIER_URL} (accessed 1 March 2024)."
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = fill_ledger(tmp_path_factory.mktemp("cite-web") / "ledger.db")
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def get_json(client: TestClient, url: str) -> Any:
    r = client.get(url)
    assert r.status_code == 200, r.text
    return r.json()


def test_documents_carry_their_citation_fields(client: TestClient) -> None:
    docs = {d["name"]: d for d in get_json(client, "/api/documents")["documents"]}
    soufan = docs[SOUFAN]
    assert {k: soufan[k] for k in ("outlet", "author", "url", "accessed", "published")} == {
        "outlet": COURIER,
        "author": "Jane Doe; John Roe",
        "url": COURIER_URL,
        "accessed": "2024-03-01",
        "published": "2017-10-24",
    }
    assert (docs["2017-icsr-update"]["outlet"], docs["2017-icsr-update"]["url"]) == (None, None)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/documents?format=csv").text)))
    assert {r["name"]: r["outlet"] for r in rows}[SOUFAN] == COURIER


def test_a_document_says_how_to_cite_it(client: TestClient) -> None:
    data = get_json(client, f"/api/documents/{document_id(SOUFAN)}")
    citation = data["citation"]
    assert citation["text"] == COURIER_TEXT
    assert citation["bibtex"].startswith("@misc{doe2017soufan,\n")
    assert citation["csl"]["container-title"] == COURIER
    assert citation["csl"]["URL"] == COURIER_URL


def test_every_claim_is_cited_by_the_document_that_states_it_first(client: TestClient) -> None:
    claims = get_json(client, "/api/places/FRA")["claims"]
    by_quote = {c["quote"]: c["citation"] for c in claims}
    assert by_quote["1,910"]["text"] == COURIER_TEXT
    assert by_quote["1,910"]["document_id"] == document_id(SOUFAN)
    assert by_quote["1,200"]["text"] == '"2017 Icsr Update." 27 July 2017.'
    assert all(c["citation"]["document_id"] == c["statements"][0]["document_id"] for c in claims)


def test_conflicts_carry_their_claims_citations(client: TestClient) -> None:
    conflicts = get_json(client, "/api/conflicts")["conflicts"]
    cited = [c["citation"] for x in conflicts for c in x["claims"]]
    assert cited and all(c and c["text"] for c in cited)


def test_the_document_page_links_the_published_address_and_offers_the_citation(
    client: TestClient,
) -> None:
    page = client.get(f"/documents/{document_id(SOUFAN)}").text
    href = COURIER_URL.replace("&", "&amp;")
    assert f'<dd><a href="{href}" rel="noopener noreferrer">{href}</a></dd>' in page
    assert f"<dt>Outlet</dt><dd>{COURIER}</dd>" in page
    assert "<summary>Cite this document</summary>" in page
    assert COURIER_TEXT.replace("&", "&amp;").replace('"', "&#34;") in page


def test_a_declared_address_that_is_not_a_web_address_is_never_a_link(
    client: TestClient,
) -> None:
    page = client.get(f"/documents/{document_id('hostile-page')}").text
    assert "javascript:" not in page  # neither a link nor a cited address
    assert HOSTILE_SCRIPT not in page  # the author, escaped like every declared field
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_place_page_offers_each_claim_s_citation(client: TestClient) -> None:
    page = client.get("/place/FRA").text
    view = get_json(client, "/api/places/FRA")
    shown = len(view["claims"]) + sum(len(x["claims"]) for x in view["conflicts"])
    assert page.count("<summary>Cite this claim</summary>") == shown
    assert '<button type="button" class="copy" data-form="bibtex" hidden>Copy</button>' in page
