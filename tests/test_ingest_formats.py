"""Every format ingests from the CLI with the same estimates as its plain-text equivalent."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_read_equivalence import WRITERS, write_txt

from fighterflows.cli import main
from fighterflows.ledger import Ledger


def ingested(path: Path, db: Path) -> list[str]:
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    stored = Ledger.open(str(db)).estimates()
    fields = [s.estimate.to_json() for s in stored]
    for f in fields:
        f.pop("doc")  # the file name or record id differs by format; nothing else may
    return sorted(json.dumps(f, sort_keys=True) for f in fields)


@pytest.mark.parametrize("write", WRITERS[1:], ids=[w.__name__[6:] for w in WRITERS[1:]])
def test_same_estimates_as_plain_text(tmp_path: Path, write: Callable[[Path], Path]) -> None:
    (tmp_path / "txt").mkdir()
    (tmp_path / "other").mkdir()
    expected = ingested(write_txt(tmp_path / "txt"), tmp_path / "txt.db")
    assert len(expected) >= 3
    assert ingested(write(tmp_path / "other"), tmp_path / "other.db") == expected
