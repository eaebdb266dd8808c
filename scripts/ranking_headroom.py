"""How much could a learned ranking of the named rules' readings gain? (issue 9, item 5)

The extractor's rules propose readings in a hand-written order and the first proposal wins
(`extract/assembly/rules.py: choose`). A learned ranking, as in Duckling, can only help where
more than one rule proposes a reading and a rule that lost was right. This counts those choices
for the place, the reading whose losers the extractor keeps under `--explain`:

- over the case tables (tests/cases/extract_families.tsv and the blind tables), a figure's place
  is right when an expected item has that place with the figure's flow and population;
- over gold passages (the repository's blind passages; the shared Wikipedia gold when
  ../shared is there), a figure the shared scorer leaves spurious would have matched a missed
  gold item with a place that lost.

    .venv/bin/python scripts/ranking_headroom.py

Prints one line per set: figures read, contested (a rule that lost proposed another place),
won by the right rule, and how many a losing rule had right (the headroom).
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from fighterflows.extract import explain
from fighterflows.read import Document, ReadOptions, read_sources

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "tests" / "cases" / "blind"
CASES = [ROOT / "tests" / "cases" / "extract_families.tsv", *sorted(BLIND.glob("*.tsv"))]
PASSAGES = BLIND / "passages"
SHARED = ROOT.parent / "shared"
Key = tuple[str, str, str]  # place, flow, population


@dataclass
class Tally:
    figures: int = 0
    contested: int = 0
    winner_right: int = 0
    loser_right: int = 0

    def line(self, name: str) -> str:
        return (
            f"{name}: {self.figures} figures, {self.contested} with a contested place, "
            f"{self.winner_right} of them won by a right rule, {self.loser_right} where a rule "
            "that lost was right"
        )


def _losers(why: dict[str, str]) -> list[str]:
    lost = why.get("place, lost")
    return [item.rsplit(": ", 1)[1] for item in lost.split("; ")] if lost else []


def _expected(expected: str) -> set[Key]:
    items = (item.split() for item in expected.split(" | ") if expected != "-")
    return {(w[0], w[1], w[2]) for w in items if len(w) >= 5}


def _cases(paths: list[Path]) -> Iterator[tuple[str, set[Key]]]:
    for path in paths:
        with path.open(encoding="utf-8") as f:
            lines = [line for line in f if line.strip() and not line.startswith("#")]
        for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 4:
                yield row[2], _expected(row[3])


def case_tally(paths: list[Path]) -> Tally:
    tally = Tally()
    for text, expected in _cases(paths):
        for estimate, why in explain(text, "2020-01-01", "case", derived=False):
            tally.figures += 1
            losers = _losers(why)
            if not losers:
                continue
            tally.contested += 1
            rest = (estimate.flow.value, estimate.population.value)
            if (estimate.place, *rest) in expected:
                tally.winner_right += 1
            elif any((place, *rest) in expected for place in losers):
                tally.loser_right += 1
    return tally


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit("../shared/eval/score.py is not there")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_tally(paths: list[Path], gold_path: Path) -> Tally:
    score = _scorer()
    read = read_sources([str(p) for p in paths], ReadOptions())
    documents = [d for d in read if isinstance(d, Document)]
    rows, whys = [], []
    for document in documents:
        for estimate, why in explain(document.text, document.published, document.id, derived=False):
            rows.append(estimate.to_json())
            whys.append(why)
    result = score.score(score.load(gold_path), rows, all_docs=True)
    spurious = {id(row) for row in result["spurious"]}
    missed = {(m["doc"], m["place"], m["flow"], m["population"]) for m in result["missed"]}
    tally = Tally(figures=len(rows))
    for row, why in zip(rows, whys, strict=True):
        losers = _losers(why)
        if not losers:
            continue
        tally.contested += 1
        if id(row) not in spurious:
            tally.winner_right += 1
        elif any((row["doc"], place, row["flow"], row["population"]) in missed for place in losers):
            tally.loser_right += 1
    return tally


def main() -> int:
    print(case_tally(CASES).line("case tables"))
    if not (SHARED / "eval" / "score.py").exists():
        print("gold passages: skipped, ../shared (the scorer and the Wikipedia gold) is not there")
        return 0
    passages = sorted(PASSAGES.glob("[0-9]*.md"))
    print(gold_tally(passages, PASSAGES / "gold.jsonl").line("blind passages"))
    wiki = [SHARED / "corpus" / "wikipedia" / "foreign-fighters-in-the-syrian-civil-war.md"]
    gold = SHARED / "eval" / "gold" / "wikipedia-foreign-fighters.jsonl"
    print(gold_tally(wiki, gold).line("Wikipedia gold"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
