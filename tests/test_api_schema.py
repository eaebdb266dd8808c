"""Schemathesis over the OpenAPI description: generated requests never meet a server error,
and every error answer has the one error shape the schema promises.

Each operation gets its own bounded Hypothesis run (schemathesis' pytest plugin does not work
with this pytest), so a failure names the route it came from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from web_fixtures import fill_ledger

from fighterflows.web.app import create_app

OPERATIONS = [
    "/api/table",
    "/api/table.csv",
    "/api/estimates",
    "/api/estimates/{estimate_id}",
    "/api/conflicts",
    "/api/documents",
    "/api/documents/{document_id}",
    "/api/places",
    "/api/places/{code}",
    "/api/search",
]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    db = fill_ledger(Path(tmp_path_factory.mktemp("schema")) / "ledger.db")
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(db))


def test_every_api_route_is_fuzzed(api_schema: Any) -> None:
    found = {r.ok().path for r in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


@pytest.mark.parametrize("path", OPERATIONS)
def test_no_server_error(api_schema: Any, path: str) -> None:
    operation = api_schema[path]["GET"]

    @given(operation.as_strategy())
    @settings(
        max_examples=100, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    def check(case: Any) -> None:
        response = case.call()
        assert response.status_code < 500, (case.path_parameters, case.query, response.text)
        if response.status_code >= 400:
            body = response.json()
            assert set(body) == {"error"}
            assert body["error"]["status"] == response.status_code

    check()
