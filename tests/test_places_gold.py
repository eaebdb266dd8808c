"""A pinned floor: the gazetteer names the place of (nearly) every hand-annotated estimate.

For each gold estimate whose place is a country or a named region, some occurrence of its quote
must stand in a paragraph (or under a section heading) where find_places finds that place. This
measures the gazetteer alone, not the extractor's choice among places. Raising the floor is a
one-line change; lowering it needs a reason in the commit.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fighterflows.places import find_places

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "eval" / "gold"
DOC_DIRS = (SHARED / "corpus" / "wikipedia", SHARED / "seeds")
FLOOR = 0.99


def _context(text: str, i: int) -> str:
    """The paragraph around offset `i` and the nearest section heading above it."""
    start = max(text.rfind("\n\n", 0, i), 0)
    end = text.find("\n\n", i)
    heading = re.findall(r"(?m)^#+ .*$", text[:i])
    return text[start : end if end >= 0 else len(text)] + "\n" + (heading[-1] if heading else "")


def _covered(text: str, quote: str, place: str) -> bool:
    for m in re.finditer(re.escape(quote), text):
        if place in {p.code for p in find_places(_context(text, m.start()))}:
            return True
    return False


def _gold_rows() -> list[tuple[str, str, str]]:
    rows = []
    for path in sorted(GOLD.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            g = json.loads(line)
            if g["place"] != "world":
                rows.append((g["doc"], g["quote"], g["place"]))
    return rows


def _doc_text(name: str) -> str:
    for folder in DOC_DIRS:
        if (folder / name).exists():
            return (folder / name).read_text(encoding="utf-8")
    raise FileNotFoundError(name)


@pytest.mark.needs_shared
def test_gold_places_are_named_where_their_figures_stand() -> None:
    rows = _gold_rows()
    missed = [r for r in rows if not _covered(_doc_text(r[0]), r[1], r[2])]
    coverage = 1 - len(missed) / len(rows)
    assert coverage >= FLOOR, f"coverage {coverage:.3f} < {FLOOR}; missed: {missed}"
