"""The CLI over a planted corpus: ingest it once into a fresh ledger, read JSON answers back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from fighterflows.cli import main


def ingested(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> str:
    """A new SQLite ledger holding `corpus`, ingested through the CLI."""
    path = str(tmp_path_factory.mktemp(corpus.name) / "ledger.db")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", path, "--workers", "1"])
    assert result.exit_code == 0, result.output
    return path


def run_json(*args: str) -> Any:
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)
