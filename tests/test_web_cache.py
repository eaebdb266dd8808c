"""Answers kept per ledger state: an unchanged ledger is not rendered again for the same address,
a change is seen at once, and nothing computed from a previous reconciliation is kept."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from web_fixtures import Fig, fill_ledger, make_document

from fighterflows.ledger import Ledger
from fighterflows.model import Flow
from fighterflows.web.app import create_app
from fighterflows.web.cache import MAX_ENTRY, AnswerCache, Answers, Kept

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def kept(n: int) -> Kept:
    return Kept(200, [], b"x" * n)


def test_answers_drop_the_least_recently_used_past_their_limit() -> None:
    answers = Answers(limit=100)
    for name in "abc":
        answers.put((1, name, b""), kept(40))
    assert answers.get((1, "a", b"")) is None  # 120 bytes: the oldest went
    assert answers.get((1, "b", b"")) is not None  # now the most recent
    answers.put((1, "d", b""), kept(40))
    assert [answers.get((1, k, b"")) is not None for k in "bcd"] == [True, False, True]
    assert answers.size == 80 and len(answers) == 2


def cache_of(client: TestClient) -> AnswerCache:
    layer: Any = client.app.middleware_stack  # type: ignore[attr-defined]
    while not isinstance(layer, AnswerCache):
        layer = layer.app
    return layer


@pytest.fixture
def growing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr("fighterflows.web.state.RECHECK_SECONDS", 0.0)
    return fill_ledger(tmp_path / "growing.db")


def add_austria(db: str) -> None:
    ledger = Ledger.open(db)
    fig = Fig("320", "AUT", Flow.DEPARTED, 320, "Austrian government", "2019-06")
    ledger.add_document(
        make_document("later", "2019-06-01", ["Austria counts 320 departures."], [fig])
    )
    ledger.close()


def test_an_address_is_answered_from_what_was_kept_until_the_ledger_changes(growing: str) -> None:
    with TestClient(create_app(growing)) as c:
        cache = cache_of(c)
        first = c.get("/place/FRA")  # reconciles the ledger: kept from the next answer on
        assert len(cache.answers) == 0
        again = c.get("/place/FRA")
        assert again.text == first.text and len(cache.answers) == 1
        assert c.get("/place/FRA").text == first.text and len(cache.answers) == 1
        assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
        head = c.head("/place/FRA")
        assert head.status_code == 200 and head.content == b""
        assert c.get("/place/NOWHERE").status_code == 404
        assert len(cache.answers) == 1  # an error is never kept
        add_austria(growing)
        assert "AUT" in c.get("/api/table").text  # the new ledger state, at once


def test_what_a_previous_reconciliation_answered_is_not_kept(growing: str) -> None:
    with TestClient(create_app(growing)) as c:
        c.get("/api/table")
        c.get("/api/table")
        state = c.app.state.ledger_state  # type: ignore[attr-defined]
        cache = cache_of(c)
        assert len(cache.answers) == 1
        add_austria(growing)
        assert state._building.acquire()  # a new reconciliation is being built
        try:
            stale = c.get("/api/table")
        finally:
            state._building.release()
        assert "AUT" not in stale.text  # served the previous one rather than waiting...
        assert len(cache.answers) == 1  # ...and not kept under the new state
        assert "AUT" in c.get("/api/table").text  # reconciles anew
        assert "AUT" in c.get("/api/table").text
        assert len(cache.answers) == 2


def test_an_answer_larger_than_an_entry_is_not_kept(
    growing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("fighterflows.web.cache.MAX_ENTRY", 1000)
    with TestClient(create_app(growing)) as c:
        c.get("/api/places")
        big = c.get("/api/table")
        assert len(big.content) > 1000 and big.status_code == 200
        assert len(cache_of(c).answers) == 0
    assert MAX_ENTRY > 1000
