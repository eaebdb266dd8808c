"""scripts/ranking_headroom.py counts, over a case table, the figures whose place more than one
named rule proposed, and whether the winner or a rule that lost had the expected place."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "ranking_headroom.py"
# The speaker's people win over the "world" a sentence about fighters in general carries.
CONTESTED = "Spanish officials say 240 fighters went to Syria."


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ranking_headroom", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("expected", "winner_right", "loser_right"),
    [
        ("ESP departed total count 240 cumulative", 1, 0),
        ("world departed total count 240 cumulative", 0, 1),
        ("FRA departed total count 240 cumulative", 0, 0),
    ],
)
def test_contested_places_are_counted_by_who_was_right(
    tmp_path: Path, expected: str, winner_right: int, loser_right: int
) -> None:
    table = tmp_path / "cases.tsv"
    table.write_text(
        "# a comment line\n"
        f"g\tcontested\t{CONTESTED}\t{expected}\n"
        "g\tuncontested\t300 Belgians have gone to Syria.\tBEL departed total count 300\n",
        encoding="utf-8",
    )
    tally = _script().case_tally([table])
    assert (tally.figures, tally.contested) == (2, 1)
    assert (tally.winner_right, tally.loser_right) == (winner_right, loser_right)
