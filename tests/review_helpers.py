"""A small corpus and a CLI driver for the review tests."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from fighterflows.cli import main
from fighterflows.resources import sample_corpus

REVIEW_CORPUS = Path(__file__).parent / "corpora" / "review"
BENELUX = "2019-04-02-benelux.md"
SOUFAN = "2017-10-25-soufan-returnees-europe.md"  # Soufan: 425 Britons came back
MISREPORTED = "2017-11-14-returnees-europe-misreported.md"  # ... reported as 'Some 850'


def corpus(folder: Path) -> Path:
    """Our Benelux article beside two sample articles that misquote each other."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(REVIEW_CORPUS / BENELUX, folder / BENELUX)
    for name in (SOUFAN, MISREPORTED):
        shutil.copy(sample_corpus() / name, folder / name)
    return folder


@dataclass(frozen=True)
class Cli:
    db: str

    def run(self, *args: str, code: int = 0) -> Result:
        result = CliRunner().invoke(main, [*args, "--db", self.db])
        assert result.exit_code == code, (args, result.output)
        return result

    def json(self, *args: str) -> Any:
        return json.loads(self.run(*args, "--format", "json").stdout)

    def exported(self) -> list[dict[str, Any]]:
        out = self.run("export", "--format", "jsonl").stdout
        return [json.loads(line) for line in out.splitlines()]

    def find(self, doc: str, quote: str, place: str | None = None) -> str:
        found = [
            e["id"]
            for e in self.exported()
            if e["doc"] == doc and e["quote"] == quote and place in (None, e["place"])
        ]
        assert len(found) == 1, (doc, quote, found)
        return str(found[0])

    def state(self) -> dict[str, Any]:
        """Everything a review may change, as the user reads it."""
        return {
            "table": self.json("table"),
            "conflicts": self.json("conflicts"),
            "export": sorted(self.run("export", "--format", "jsonl").stdout.splitlines()),
            "reviews": self.json("reviews"),
        }
