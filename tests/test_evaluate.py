"""Our scorer agrees with the shared evaluation script on the shared gold files."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from fighterflows.cli import main
from fighterflows.evaluate import score
from fighterflows.extract import extract_document
from fighterflows.model import Document
from fighterflows.read import read_sources


def shared_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CASES = [
    ("seed.jsonl", "seeds/000_2f09a7965a612f6d.txt"),
    (
        "wikipedia-foreign-fighters.jsonl",
        "corpus/wikipedia/foreign-fighters-in-the-syrian-civil-war.md",
    ),
]


@pytest.mark.parametrize(("gold", "text"), CASES, ids=["seed", "wikipedia"])
def test_same_figures_as_the_shared_scorer(shared: Path, gold: str, text: str) -> None:
    expected = shared_scorer(shared).load(shared / "eval" / "gold" / gold)
    found = [
        e.to_json()
        for d in read_sources([str(shared / text)])
        if isinstance(d, Document)
        for e in extract_document(d)
    ]
    ours = score(expected, found)
    theirs = shared_scorer(shared).score(expected, found)
    assert (ours.matched, ours.predicted, ours.gold) == (
        theirs["matched"],
        theirs["predicted"],
        theirs["gold"],
    )
    assert ours.f1 == pytest.approx(theirs["f1"])


def test_eval_command_prints_the_scores(shared: Path) -> None:
    gold, text = CASES[0]
    result = CliRunner().invoke(
        main, ["eval", str(shared / "eval" / "gold" / gold), str(shared / text), "--show"]
    )
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first.startswith("gold 7, predicted ") and " f1 " in first
    for line in result.stdout.splitlines()[1:]:
        label, payload = line.split(": ", 1)
        assert label in ("missed", "spurious") and json.loads(payload)["doc"]
