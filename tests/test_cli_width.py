"""Tables at any terminal width: every number, code, date and flow word printed whole, every line
within the width (issue 12: at 80 columns "1,910" printed as "1,9" and columns vanished)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from fighterflows.cli import main
from fighterflows.cli_data import CLAIM_COLUMNS, CONFLICT_COLUMNS
from fighterflows.cli_extract import ESTIMATE_COLUMNS
from fighterflows.report.fit import Column, Layout, choose, pack
from fighterflows.report.serialize import TABLE_COLUMNS
from fighterflows.report.tables import NUMERIC, WRAPPED, cell
from fighterflows.resources import sample_corpus

WIDTHS = [60, 80, 100, 132, 200]
ARTICLE = str(sample_corpus() / "2017-10-25-soufan-returnees-europe.md")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("width") / "ledger.db")
    result = CliRunner().invoke(
        main, ["ingest", str(sample_corpus()), "--db", path, "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    return path


COMMANDS: dict[str, tuple[list[str], tuple[str, ...]]] = {
    "table": (["table"], TABLE_COLUMNS),
    "conflicts": (["conflicts"], CONFLICT_COLUMNS),
    "timeline": (["timeline", "GBR"], CLAIM_COLUMNS),
    "extract": (["extract", ARTICLE], ESTIMATE_COLUMNS),
}


def run(args: list[str], width: int | None = None) -> str:
    env = {"COLUMNS": str(width)} if width else {}
    result = CliRunner(env=env).invoke(main, args)
    assert result.exit_code == 0, result.output
    return result.stdout


def whole(value: str, text: str) -> int:
    """How often `value` stands in `text` as a whole: not inside a longer number or word."""
    return len(re.findall(rf"(?<![\w,.-]){re.escape(value)}(?![\w,.%-])", text))


def unbreakable_cells(records: list[dict[str, Any]], columns: tuple[str, ...]) -> Counter[str]:
    """Every printed cell of a column that must never be cut (numbers, codes, dates, flows)."""
    found: Counter[str] = Counter()
    for r in records:
        for name in columns:
            text = cell(r.get(name), name)
            if name not in WRAPPED and text:
                found[text] += 1
    return found


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_number_and_word_is_whole_at_any_width(db: str, command: str, width: int) -> None:
    args, columns = COMMANDS[command]
    extra = [] if command == "extract" else ["--db", db]
    records = json.loads(run([*args, *extra, "--format", "json"]))
    assert records, "nothing to print: the test would prove nothing"
    text = run([*args, *extra, "--format", "table"], width)
    for value, times in unbreakable_cells(records, columns).items():
        assert whole(value, text) >= times, f"{value!r} cut or missing at {width} columns"
    too_long = [line for line in text.splitlines() if len(line) > width and " " in line.strip()]
    assert too_long == []


def test_the_sources_of_every_row_show_at_80_columns(db: str) -> None:
    records = json.loads(run(["table", "--db", db, "--format", "json"]))
    text = run(["table", "--db", db], 80)
    flat = " ".join(text.split())
    for r in records:
        for source in r["sources"]:
            assert source in flat


def test_a_wide_terminal_keeps_the_boxed_table(db: str) -> None:
    text = run(["table", "--db", db], 220)
    assert "┃ place" in text and "┃ documents ┃" in text


@pytest.mark.parametrize(
    ("width", "layout"),
    [(40, Layout.BOXED), (30, Layout.COMPACT), (20, Layout.STACKED)],
)
def test_the_layout_is_the_first_that_fits(width: int, layout: Layout) -> None:
    # least widths 10 + 10 + 5: boxed needs 25 + 10, compact 25 + 4
    columns = [
        Column("a", False, True, 10, 10),
        Column("b", False, False, 10, 10),
        Column("c", True, False, 5, 30),
    ]
    assert choose(columns, width)[0] == layout


def test_free_text_takes_the_room_left_and_nothing_goes_below_its_least() -> None:
    columns = [
        Column("n", False, True, 6, 6),
        Column("s", True, False, 14, 60),
        Column("q", True, False, 8, 12),
    ]
    layout, widths = choose(columns, 50)
    assert layout is Layout.BOXED
    assert widths[0] == 6 and widths[1] >= 14 and widths[2] >= 8
    assert sum(widths) + 3 * 3 + 1 == 50


def test_pack_keeps_items_whole_and_prose_on_lines_of_its_own() -> None:
    items = [
        ("low 5,600", False),
        ("best 6,483", False),
        ("high 7,366", False),
        ("sources: International Centre for the Study of Radicalisation", True),
        ("claims 2", False),
    ]
    assert pack(items, 40) == [
        "  low 5,600 · best 6,483 · high 7,366",
        "  sources: International Centre for the",
        "    Study of Radicalisation",
        "  claims 2",
    ]


def test_numeric_columns_are_right_aligned_words_are_not() -> None:
    assert {"low", "best", "high", "value"} <= NUMERIC
    assert not {"flow", "place", "as_of"} & WRAPPED


def test_extract_table_shows_the_quotes(tmp_path: Path) -> None:
    text = run(["extract", ARTICLE, "--format", "table"], 80)
    records = json.loads(run(["extract", ARTICLE, "--format", "json"]))
    flat = " ".join(text.split())
    assert all(r["quote"] in flat for r in records)


def test_the_readme_extracts_from_a_file_that_exists() -> None:
    """The README's example named `seed.txt`, which no clone has."""
    root = Path(__file__).parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    named = re.findall(r"`fighterflows extract\s+(\S+/\S+)\s", readme)
    assert named, "the README shows no extraction from a file of the repository"
    for path in named:
        assert (root / path).is_file(), path
        assert run(["extract", str(root / path), "--format", "table"], 200).strip()
