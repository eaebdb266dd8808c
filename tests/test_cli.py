"""The CLI as a user meets it: help for every command, clean one-line errors, formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from fighterflows.cli import main
from fighterflows.ledger import Ledger
from fighterflows.resources import sample_corpus

COMMANDS = sorted(main.commands)


def test_the_documented_commands_exist() -> None:
    assert {
        "extract",
        "numbers",
        "ingest",
        "import-table",
        "table",
        "conflicts",
        "timeline",
        "show",
        "export",
        "report",
        "serve",
        "demo",
    } <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_text(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert main.commands[command].help, f"{command} has no help text"
    assert "Usage:" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_cli_reference(command: str) -> None:
    reference = (Path(__file__).parents[1] / "docs" / "cli.md").read_text()
    assert f"fighterflows {command}" in reference


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["table", "--db", "/nonexistent/x.db"], "no such ledger"),
        (["table", "--db", "{db}", "--place", "Narnia"], "not a place we know"),
        (["table", "--db", "{db}", "--flow", "wandered"], "not a flow"),
        (["show", "zzzz", "--db", "{db}"], "no such estimate"),
        (["show", "", "--db", "{db}"], "no such estimate"),
        (["show", "%", "--db", "{db}"], "no such estimate"),
        (["show", "{short}", "--db", "{db}"], "estimate ids; give more of it"),
        (["table", "--db", "{db}", "--as-of", "yesterday"], "is not a date (YYYY"),
        (["table", "--db", "{db}", "--as-of", "2016-13-01"], "is not a date that exists"),
        (["table", "--db", "{db}", "--as-of", "2017-02-30"], "is not a date that exists"),
        (["table", "--db", "{db}", "--scope", "weekly"], "not a scope"),
        (["export", "--db", "{db}", "--format", "parquet"], "needs --out"),
        (
            [
                "import-table",
                "nope.csv",
                "--source",
                "X",
                "--as-of",
                "2015",
                "--value-column",
                "v",
                "--db",
                "{db}",
            ],
            "no such file",
        ),
    ],
)
def test_user_errors_are_one_clean_line_with_exit_2(
    args: list[str], message: str, tmp_path: Path
) -> None:
    db = tmp_path / "l.db"
    CliRunner().invoke(main, ["ingest", str(sample_corpus()), "--db", str(db), "--workers", "1"])
    ids = [s.id for s in Ledger.open(str(db)).estimates()]
    # the shortest start that more than one id shares
    short = next(i[:1] for i in ids if sum(j.startswith(i[:1]) for j in ids) > 1)
    args = [a.replace("{db}", str(db)).replace("{short}", short) for a in args]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_extract_formats_agree(tmp_path: Path) -> None:
    article = sample_corpus() / "2017-10-25-soufan-returnees-europe.md"
    runner = CliRunner()
    lines = runner.invoke(main, ["extract", str(article)]).stdout.splitlines()
    as_json = json.loads(runner.invoke(main, ["extract", str(article), "--format", "json"]).stdout)
    assert [json.loads(x) for x in lines] == as_json
    assert len(as_json) >= 3
    table = runner.invoke(main, ["extract", str(article), "--format", "table"]).stdout
    assert all(e["quote"] in table for e in as_json)


def test_show_highlights_the_figure_in_its_sentence(tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    CliRunner().invoke(main, ["ingest", str(sample_corpus()), "--db", db, "--workers", "1"])
    stored = Ledger.open(db).estimates()[0]
    result = CliRunner().invoke(main, ["show", stored.id[:10], "--db", db])
    assert result.exit_code == 0, result.output
    assert stored.estimate.quote in result.stdout
    assert stored.estimate.doc in result.stdout


def test_numbers_reads_stdin_and_writes_json_lines() -> None:
    result = CliRunner().invoke(main, ["numbers"], input="about 30 percent of 5,000\nnone\n")
    first, second = (json.loads(x) for x in result.stdout.splitlines())
    values = [n["value"] for n in first["numbers"]]
    assert values == [0.3, 5000]
    assert first["numbers"][0]["kind"] == "share"
    assert [n["value"] for n in second["numbers"]] == [0]


def test_extract_explain_says_why(tmp_path: Path) -> None:
    article = sample_corpus() / "2017-10-25-soufan-returnees-europe.md"
    runner = CliRunner()
    plain = runner.invoke(main, ["extract", str(article)]).stdout.splitlines()
    result = runner.invoke(main, ["extract", str(article), "--explain"])
    explained = [json.loads(x) for x in result.stdout.splitlines()]
    assert [{k: v for k, v in e.items() if k != "explain"} for e in explained] == [
        json.loads(x) for x in plain
    ]
    assert all({"place", "flow", "scope", "source"} <= set(e["explain"]) for e in explained)
    table = runner.invoke(main, ["extract", str(article), "--format", "table", "--explain"])
    assert table.exit_code == 0 and "    scope: " in table.stdout
