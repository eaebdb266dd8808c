"""Microsoft Recognizers-Text's English number specs, run through our module command.

Floors are the pass counts reached when they were pinned (rounded down); raise them as the
grammar improves, lower one only with a reason in the commit.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
RUNNER = SHARED / "eval" / "recognizers_spec.py"
SPECS = SHARED / "peers" / "recognizers-text"

FLOORS = {"NumberModel": 0.95, "NumberRangeModel": 0.88, "PercentModel": 1.0}


@pytest.mark.needs_shared
@pytest.mark.parametrize("model", sorted(FLOORS))
def test_peer_spec_floor(model: str) -> None:
    run = subprocess.run(
        [
            sys.executable,
            str(RUNNER),
            str(SPECS / f"{model}.json"),
            "--",
            sys.executable,
            "-m",
            "fighterflows.extract.numbers",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    m = re.search(r"passed=(\d+)/(\d+)", run.stdout)
    assert m, run.stdout[-2000:] + run.stderr[-2000:]
    passed, total = int(m.group(1)), int(m.group(2))
    assert passed / total >= FLOORS[model], f"{model}: {passed}/{total}"
