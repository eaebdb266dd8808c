"""Claims and timelines kept rendered per snapshot give the same pages as rendering afresh."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_fixtures import fill_ledger

from fighterflows.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ADDRESSES = [
    "/place/FRA",
    "/place/FRA?limit=1",
    "/place/FRA?limit=1&offset=1",
    "/place/FRA?limit=2&offset=1",
    "/place/FRA?flow=returned",
    "/place/BEL",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return fill_ledger(Path(tmp_path_factory.mktemp("frag")) / "ledger.db")


def page(db: str, address: str) -> str:
    """The page as a server that has rendered nothing before shows it."""
    with TestClient(create_app(db)) as fresh:
        r = fresh.get(address)
        assert r.status_code == 200
        return r.text


@pytest.fixture(scope="module")
def warm(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as client:
        for address in ADDRESSES:  # every claim and chart rendered and kept once
            client.get(address + ("&" if "?" in address else "?") + "limit=99")
        yield client


@pytest.mark.parametrize("address", ADDRESSES)
def test_a_page_made_of_kept_parts_is_the_page_made_afresh(
    db: str, warm: TestClient, address: str
) -> None:
    # the limit=99 pages kept the claims and charts; this address is new to the server
    assert warm.get(address).text == page(db, address)


def test_chart_links_follow_the_page_that_shows_them(warm: TestClient) -> None:
    first = warm.get("/place/FRA?limit=1").text
    second = warm.get("/place/FRA?limit=1&offset=1").text
    on_first = re.findall(r'<li class="claim" id="c-([0-9a-f]+)"', first)
    on_second = re.findall(r'<li class="claim" id="c-([0-9a-f]+)"', second)
    assert len(on_first) == len(on_second) == 1 and on_first != on_second
    a, b = on_first[0], on_second[0]
    # each page's chart points at its own claim in place, at the other one on its page
    assert f'href="#c-{a}"' in first and f'href="#c-{b}"' not in first
    assert f'href="/place/FRA?limit=1&amp;offset=1#c-{b}"' in first
    assert f'href="#c-{b}"' in second and f'href="/place/FRA?limit=1#c-{a}"' in second
    assert "@@claim:" not in first + second
