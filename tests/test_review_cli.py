"""Reviewing figures from the CLI, on SQLite and on a real PostgreSQL: the analyst's word
moves the table, the conflicts, the exports and the API; it survives re-ingests and new
extractor versions; it travels to a fresh ledger; bad input changes nothing."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from review_helpers import BENELUX, MISREPORTED, SOUFAN, Cli, corpus
from sqlalchemy import delete, insert

from fighterflows.ledger import Ledger, schema
from fighterflows.rows import ESTIMATE_COLUMNS, estimate_row
from fighterflows.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def ingested(ledger_url: str, folder: Path) -> Cli:
    cli = Cli(ledger_url)
    cli.run("ingest", str(corpus(folder)), "--workers", "1")
    return cli


def rows(cli: Cli) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {
        (r["place"], r["flow"], r["population"]): r
        for r in cli.json("table")
        if r["scope"] == "cumulative"
    }


def make_reviews(cli: Cli) -> dict[str, str]:
    """A rejection, a confirmation, a correction and an addition; their ids."""
    ids = {
        "850": cli.find(MISREPORTED, "Some 850"),
        "500": cli.find(BENELUX, "Around 500"),
        "125": cli.find(BENELUX, "About 125"),
    }
    cli.run("reject", ids["850"], "--why", "Soufan said 425; the paper misquotes it", "--by", "ana")
    cli.run("confirm", ids["500"][:8], "--note", "CUTA, checked", "--by", "ana")
    cli.run(
        "correct",
        ids["125"],
        "--value",
        "130",
        "--qualifier",
        "exact",
        "--source",
        "Belgian federal prosecutor",
        "--why",
        "the prosecutor's count",
        "--by",
        "ben",
    )
    added = cli.run(
        "add",
        BENELUX,
        "--quote",
        "stood at 12",
        "--place",
        "Luxembourg",
        "--flow",
        "departed",
        "--source",
        "Luxembourg justice ministry",
        "--why",
        "missed by the extractor",
        "--by",
        "ben",
    )
    ids["12"] = added.stderr.split()[1].rstrip(":")
    return ids


def test_reviews_move_the_table_conflicts_exports_and_api(ledger_url: str, tmp_path: Path) -> None:
    cli = ingested(ledger_url, tmp_path / "corpus")
    misquotes = [c for c in cli.json("conflicts") if c["kind"] == "misquote"]
    assert any(c["place"] == "GBR" for c in misquotes)
    before = rows(cli)
    ids = make_reviews(cli)

    assert not any(c["place"] == "GBR" and c["kind"] == "misquote" for c in cli.json("conflicts"))
    after = rows(cli)
    assert after[("GBR", "returned", "total")]["claims"] == (
        before[("GBR", "returned", "total")]["claims"] - 1
    )
    assert after[("BEL", "departed", "total")]["reviewed"] == 1
    assert before[("BEL", "departed", "total")]["reviewed"] == 0
    belgians_back = after[("BEL", "returned", "total")]
    assert (belgians_back["best"], belgians_back["sources"]) == (
        130,
        ["Belgian federal prosecutor"],
    )
    assert after[("LUX", "departed", "total")]["best"] == 12

    exported = {e["id"]: e for e in cli.exported()}
    assert ids["850"] not in exported
    assert exported[ids["500"]]["review"] == "confirmed"
    assert (exported[ids["125"]]["value"], exported[ids["125"]]["review"]) == (130, "corrected")
    lux = exported[ids["12"]]
    assert (lux["quote"], lux["place"], lux["value"], lux["review"]) == (
        "stood at 12",
        "LUX",
        12,
        "added",
    )
    assert {e["review"] for e in exported.values()} == {None, "confirmed", "corrected", "added"}
    record = Ledger.open(ledger_url, writing=False).document(BENELUX)
    assert record is not None and record.text[lux["start"] : lux["end"]] == "stood at 12"

    csv_out = cli.run("export", "--format", "csv").stdout
    header = csv_out.splitlines()[0].split(",")
    assert "review" in header and "id" in header
    assert {"title", "outlet", "author", "url", "accessed"} <= set(header)  # and the citation
    cli.run("export", "--format", "parquet", "--out", str(tmp_path / "e.parquet"))
    table = pq.read_table(tmp_path / "e.parquet").to_pydict()
    by_id = dict(zip(table["id"], table["review"], strict=True))
    assert by_id[ids["12"]] == "added" and ids["850"] not in by_id

    with TestClient(create_app(ledger_url), raise_server_exceptions=False) as client:
        listed = client.get("/api/estimates?limit=1000").json()
        assert listed["total"] == len(exported) == len(listed["estimates"])
        assert {e["id"]: e["review"] for e in listed["estimates"]} == {
            i: e["review"] for i, e in exported.items()
        }
        everything = [e["id"] for e in listed["estimates"]]
        assert everything == sorted(everything)
        for limit in (1, 2, 3, 5):  # pages merge the reviewed figures in by id
            paged = [
                e["id"]
                for offset in range(0, len(everything), limit)
                for e in client.get(f"/api/estimates?limit={limit}&offset={offset}").json()[
                    "estimates"
                ]
            ]
            assert paged == everything, limit
        luxembourg = client.get("/api/estimates?place=LUX").json()
        # the figure added by review, and the extractor's own reading of the same tally
        # ("stood at 12", a copular total it reads since 2026.12.75)
        assert luxembourg["total"] == 2
        assert ids["12"] in {e["id"] for e in luxembourg["estimates"]}
        assert client.get(f"/api/estimates/{ids['850']}").status_code == 404
        assert client.get(f"/api/estimates/{ids['12']}").json()["review"] == "added"
        table_rows = client.get("/api/table?place=BEL").json()["rows"]
        assert {r["flow"]: r["reviewed"] for r in table_rows} == {"departed": 1, "returned": 1}
        place = client.get("/api/places/LUX").json()
        assert place["claims"][0]["reviewed"] == 1
        assert place["claims"][0]["statements"][0]["review"] == "added"


def reextract(ledger_url: str, document: str, change: dict[str, Any]) -> None:
    """What a new extractor version would store for `document`: its estimates rewritten
    (new ids where the reading changed), as a re-extraction writes them."""
    ledger = Ledger.open(ledger_url)
    record = ledger.document(document)
    assert record is not None
    old = [s for s in ledger.estimates() if s.document_id == record.info.id]
    rows = []
    for seq, s in enumerate(old):
        if s.estimate.quote in change.get("drop", ()):
            continue
        e = s.estimate.replace(**change.get(s.estimate.quote, {}))
        row = estimate_row(record.info.id, seq, e, "2099.1")
        rows.append(dict(zip(ESTIMATE_COLUMNS, row, strict=True)))
    with ledger.engine.begin() as c:
        c.execute(delete(schema.estimates).where(schema.estimates.c.document_id == record.info.id))
        c.execute(insert(schema.estimates), rows)
    ledger.close()


def test_reviews_survive_reingests_and_new_extractor_versions(
    ledger_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli = ingested(ledger_url, tmp_path / "corpus")
    make_reviews(cli)
    reviewed = cli.state()
    assert {r["status"] for r in reviewed["reviews"]} == {"applied"}

    again = cli.run("ingest", str(tmp_path / "corpus"), "--workers", "1")
    assert "nothing new" in again.stderr
    assert cli.state() == reviewed
    import fighterflows.pipeline

    monkeypatch.setattr(fighterflows.pipeline, "VERSION", "2099.1")
    cli.run("ingest", str(tmp_path / "corpus"), "--workers", "1")
    assert cli.state() == reviewed

    # A new extractor reads the confirmed and the rejected spans otherwise (new ids), and no
    # longer finds the corrected figure: every review still stands.
    reextract(
        ledger_url,
        BENELUX,
        {"Around 500": {"place": "europe", "source": None}, "drop": ("About 125",)},
    )
    reextract(ledger_url, MISREPORTED, {"Some 850": {"place": "world"}})
    now = cli.state()
    assert now["table"] == reviewed["table"] and now["conflicts"] == reviewed["conflicts"]
    statuses = {r["quote"]: r["status"] for r in now["reviews"]}
    assert statuses == {
        "Some 850": "applied",
        "Around 500": "applied",
        "About 125": "unmatched",
        "stood at 12": "applied",
    }
    assert not any(e["place"] == "world" and e["quote"] == "Some 850" for e in cli.exported())


def test_a_fresh_ledger_that_imports_the_reviews_gives_the_same_table(
    ledger_url: str, tmp_path: Path
) -> None:
    first = ingested(str(tmp_path / "first.db"), tmp_path / "corpus")
    make_reviews(first)
    shared = tmp_path / "reviews.jsonl"
    first.run("reviews", "export", str(shared))
    lines = [json.loads(x) for x in shared.read_text().splitlines()]
    assert sorted(x["verdict"] for x in lines) == ["added", "confirmed", "corrected", "rejected"]
    corrected = next(x for x in lines if x["verdict"] == "corrected")
    assert (corrected["value"], corrected["original"]["value"]) == (130, 125)
    assert {"by", "at", "why", "document_id", "estimate_id"} <= set(corrected)

    fresh = ingested(ledger_url, tmp_path / "corpus2")
    imported = fresh.run("reviews", "import", str(shared))
    assert "imported 4 review(s)" in imported.stderr
    assert fresh.json("table") == first.json("table")
    assert fresh.json("conflicts") == first.json("conflicts")
    assert fresh.exported() == first.exported()

    # reviews imported before their documents wait for them
    early = Cli(str(tmp_path / "early.db"))
    early.run("ingest", str(tmp_path / "corpus" / MISREPORTED), "--workers", "1")
    out = early.run("reviews", "import", str(shared)).stderr
    assert "3 orphaned" in out
    assert sorted(r["status"] for r in early.json("reviews")) == ["applied", *["orphaned"] * 3]
    early.run("ingest", str(tmp_path / "corpus"), "--workers", "1")
    assert early.json("table") == first.json("table")


def test_reviewing_the_same_figure_again_replaces_the_review(tmp_path: Path) -> None:
    cli = ingested(str(tmp_path / "l.db"), tmp_path / "corpus")
    figure = cli.find(BENELUX, "310")
    cli.run("reject", figure, "--why", "not sure")
    assert figure not in {e["id"] for e in cli.exported()}
    cli.run("confirm", figure, "--note", "checked the report after all")
    listed = cli.json("reviews")
    assert [(r["verdict"], r["why"]) for r in listed] == [
        ("confirmed", "checked the report after all")
    ]
    assert next(e for e in cli.exported() if e["id"] == figure)["review"] == "confirmed"
    cli.run("correct", figure, "--value", "300", "--why", "the 2019 report says 300")
    cli.run("correct", figure, "--as-of", "2019-03", "--why", "dated March")
    (only,) = cli.json("reviews")
    assert only["verdict"] == "corrected" and only["why"] == "dated March"
    record = next(e for e in cli.exported() if e["id"] == figure)
    assert (record["value"], record["as_of"]) == (300, "2019-03")
    cli.run("reviews", "remove", only["review"][:6])
    assert cli.json("reviews") == []
    record = next(e for e in cli.exported() if e["id"] == figure)
    assert (record["value"], record["review"]) == (310, None)


def test_rejecting_an_added_figure_takes_it_back(tmp_path: Path) -> None:
    cli = ingested(str(tmp_path / "l.db"), tmp_path / "corpus")
    added = cli.run(
        "add",
        BENELUX,
        "--quote",
        "12",
        "--occurrence",
        "2",
        "--place",
        "LUX",
        "--flow",
        "departed",
        "--why",
        "missed",
    )
    figure = added.stderr.split()[1].rstrip(":")
    assert any(e["id"] == figure for e in cli.exported())
    out = cli.run("reject", figure, "--why", "added by mistake").stderr
    assert out.startswith(f"removed {figure}")
    assert cli.json("reviews") == [] and not any(e["id"] == figure for e in cli.exported())


def test_show_says_who_reviewed_a_figure_and_what_the_extractor_read(tmp_path: Path) -> None:
    cli = ingested(str(tmp_path / "l.db"), tmp_path / "corpus")
    ids = make_reviews(cli)
    shown = cli.run("show", ids["125"]).stdout
    assert "review:   corrected by ben" in shown and "the prosecutor's count" in shown
    assert "the analyst's figure: BEL returned total 130" in shown
    assert "the extractor read BEL returned total 'About 125'" in shown
    assert "rejected by ana" in cli.run("show", ids["850"]).stdout
    assert "added by ben" in cli.run("show", ids["12"]).stdout


def test_the_review_list_puts_conflicts_first_then_what_moves_the_table(tmp_path: Path) -> None:
    cli = ingested(str(tmp_path / "l.db"), tmp_path / "corpus")
    todo = cli.json("review", "--limit", "50")
    first = todo[0]
    assert first["why"].startswith("misquote: The Soufan Center (2017) is reported as")
    conflicted = [
        t for t in todo if t["why"].startswith(("misquote", "disagreement", "inconsistency"))
    ]
    assert todo[: len(conflicted)] == conflicted
    rest = todo[len(conflicted) :]
    assert rest and rest[0]["why"].startswith("the only support of")
    cli.run("reject", cli.find(MISREPORTED, "Some 850"), "--why", "misquote")
    cli.run("confirm", cli.find(SOUFAN, "425"))
    again = cli.json("review", "--limit", "50")
    assert not any(
        t["why"].startswith("misquote: The Soufan Center (2017) is reported as '425'")
        for t in again
    )
    assert {t["place"] for t in cli.json("review", "--place", "Netherlands")} == {"NLD"}
    table = cli.run("review", "--limit", "3").stdout.splitlines()
    assert len(table) == 6 and table[0].startswith("  1. ")


def test_eval_reviews_scores_the_current_extractor(ledger_url: str, tmp_path: Path) -> None:
    cli = ingested(ledger_url, tmp_path / "corpus")
    cli.run("confirm", cli.find(BENELUX, "310"))
    cli.run("confirm", cli.find(BENELUX, "60"))
    cli.run("reject", cli.find(BENELUX, "Around 500"), "--why", "say it is false")
    cli.run("correct", cli.find(BENELUX, "About 125"), "--value", "140", "--why", "newer")
    cli.run(
        "add",
        BENELUX,
        "--quote",
        "stood at 12",
        "--place",
        "LUX",
        "--flow",
        "departed",
        "--why",
        "missed",
    )
    out = cli.run("eval", "--reviews", "--show").stdout.splitlines()
    assert out[0] == (
        "extractor "
        + __import__("fighterflows.extract").extract.VERSION
        + " on 1 reviewed document(s): gold 4 (1 added, 2 confirmed, "
        "1 corrected), rejected 1"
    )
    # 310, 60 and the Luxembourg tally ("stood at 12", a copular total) found; 'Around 500'
    # (rejected) and '125' (read 140) are known false positives; the 140 is missed
    assert out[1] == (
        "predicted 5: matched 3, known false positives 2, unjudged 0 (nobody "
        "reviewed them: left out of precision)"
    )
    assert out[2] == "precision 0.600, recall 0.750, f1 0.667"
    missed = [json.loads(x.split(": ", 1)[1])["quote"] for x in out if x.startswith("missed")]
    assert sorted(missed) == ["About 125"]
    cli.run("confirm", cli.find(SOUFAN, "425"))
    out = cli.run("eval", "--reviews").stdout.splitlines()
    assert "on 2 reviewed document(s)" in out[0] and "unjudged" in out[1]
    assert int(out[1].split("unjudged ")[1].split()[0]) > 0


def test_eval_with_a_review_export_as_gold_leaves_rejections_out(tmp_path: Path) -> None:
    cli = ingested(str(tmp_path / "l.db"), tmp_path / "corpus")
    cli.run("confirm", cli.find(BENELUX, "310"))
    cli.run("reject", cli.find(BENELUX, "Around 500"), "--why", "false")
    gold = tmp_path / "gold.jsonl"
    cli.run("reviews", "export", str(gold))
    result = cli.run("eval", str(gold), str(tmp_path / "corpus" / BENELUX))
    assert result.stdout.startswith("gold 1, predicted 5, matched 1")


def test_an_orphaned_review_is_reported_never_dropped(tmp_path: Path) -> None:
    first = ingested(str(tmp_path / "first.db"), tmp_path / "corpus")
    make_reviews(first)
    shared = tmp_path / "reviews.jsonl"
    first.run("reviews", "export", str(shared))
    other = Cli(str(tmp_path / "other.db"))
    other.run("ingest", str(tmp_path / "corpus" / SOUFAN), "--workers", "1")
    table = other.json("table")
    other.run("reviews", "import", str(shared))
    assert other.json("table") == table
    orphaned = other.json("reviews", "--status", "orphaned")
    assert len(orphaned) == 4 and all(r["status"] == "orphaned" for r in orphaned)
    assert "review(s) orphaned" in other.run("review").stderr
    assert "review(s) are orphaned" in other.run("eval", "--reviews", code=2).output
    other.run("ingest", str(tmp_path / "corpus" / MISREPORTED), "--workers", "1")
    assert "3 orphaned review(s) left out" in other.run("eval", "--reviews").stderr
    assert len(other.json("reviews")) == 4


def test_import_takes_the_good_lines_and_lists_the_bad(ledger_url: str, tmp_path: Path) -> None:
    first = ingested(str(tmp_path / "first.db"), tmp_path / "corpus")
    make_reviews(first)
    good = first.run("reviews", "export", "-").stdout.splitlines()
    corrected = json.loads(next(x for x in good if '"corrected"' in x))
    bad_lines = [
        "{not json",
        json.dumps({**corrected, "verdict": "maybe"}),
        json.dumps({**corrected, "original": None}),
        json.dumps({**corrected, "place": "Narnia"}),
        json.dumps({**corrected, "quote": "x"}),
        json.dumps({**corrected, "value": "many"}),
        "[1, 2]",
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([good[0], *bad_lines, good[1]]) + "\n", encoding="utf-8")
    fresh = ingested(ledger_url, tmp_path / "corpus2")
    result = fresh.run("reviews", "import", str(path), code=1)
    errors = result.stderr.splitlines()
    assert errors[:7] == [
        f"{path}:2: not JSON (Expecting property name enclosed in double quotes)",
        f"{path}:3: `verdict` 'maybe' is not one of confirmed, rejected, corrected, added",
        f"{path}:4: a correction needs `original`, the extractor's reading",
        f"{path}:5: `place` 'Narnia' is not a place code",
        f"{path}:6: `quote` does not fit {corrected['start']}..{corrected['end']}",
        f"{path}:7: `value` 'many' is not a number",
        f"{path}:8: not a JSON object",
    ]
    assert "imported 2 review(s)" in errors[-1] and "7 bad line(s)" in errors[-1]
    assert len(fresh.json("reviews")) == 2


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def bad_input_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Cli:
    folder = tmp_path_factory.mktemp("bad-input")
    if request.param == "sqlite":
        url = str(folder / "l.db")
    else:
        url = request.getfixturevalue("postgres").create_database()
    cli = ingested(url, folder / "corpus")
    make_reviews(cli)
    return cli


def ambiguous(cli: Cli) -> str:
    ids = [e["id"] for e in cli.exported()]
    return next(i[:1] for i in ids if sum(j.startswith(i[:1]) for j in ids) > 1)


BAD = [
    (["confirm", "zzzz"], "'zzzz': no such estimate"),
    (["confirm", "{short}"], "estimate ids; give more of it"),
    (["reject", "{short}", "--why", "x"], "estimate ids; give more of it"),
    (["reject", "{310}", "--why", "  "], "--why: say why"),
    (["correct", "{310}", "--value", "abc", "--why", "x"], "--value: 'abc' is not a number"),
    (["correct", "{310}", "--value", "12.5", "--why", "x"], "12.5 is not a whole number"),
    (["correct", "{310}", "--value", "30%", "--why", "x"], "is a share, but this figure"),
    (["correct", "{310}", "--low", "400", "--high", "300", "--why", "x"], "is above --high"),
    (["correct", "{310}", "--low", "300", "--why", "x"], "needs both --low and --high"),
    (["correct", "{310}", "--value", "3", "--low", "1", "--high", "4", "--why", "x"], "not both"),
    (["correct", "{310}", "--place", "Narnia", "--why", "x"], "'Narnia' is not a place"),
    (["correct", "{310}", "--flow", "wandered", "--why", "x"], "'wandered' is not a flow"),
    (["correct", "{310}", "--as-of", "2019-02-30", "--why", "x"], "is not a date that exists"),
    (["correct", "{310}", "--why", "x"], "nothing to correct"),
    (["correct", "{310}", "--value", "310", "--why", "x"], "changes nothing"),
    (
        [
            "add",
            "no-such-doc",
            "--quote",
            "12",
            "--place",
            "LUX",
            "--flow",
            "departed",
            "--why",
            "x",
        ],
        "'no-such-doc': no such document",
    ),
    (
        [
            "add",
            BENELUX,
            "--quote",
            "Around 600",
            "--place",
            "BEL",
            "--flow",
            "departed",
            "--why",
            "x",
        ],
        "'Around 600' is not in 2019-04-02-benelux.md",
    ),
    (
        [
            "add",
            BENELUX,
            "--quote",
            "500",
            "--occurrence",
            "3",
            "--place",
            "BEL",
            "--flow",
            "departed",
            "--why",
            "x",
        ],
        "'500' appears 2 times in 2019-04-02-benelux.md: occurrence 3 is past the last",
    ),
    (
        ["add", BENELUX, "--quote", "500", "--place", "BEL", "--flow", "departed", "--why", "x"],
        "say which with an occurrence from 1 to 2",
    ),
    (
        [
            "add",
            BENELUX,
            "--quote",
            "the justice ministry",
            "--place",
            "LUX",
            "--flow",
            "departed",
            "--why",
            "x",
        ],
        "the quote states no number",
    ),
    (
        [
            "add",
            BENELUX,
            "--quote",
            "310 Dutch nationals left for the conflict zone, and that 60",
            "--place",
            "NLD",
            "--flow",
            "departed",
            "--why",
            "x",
        ],
        "states 2 numbers ('310', '60')",
    ),
    (
        [
            "add",
            BENELUX,
            "--quote",
            "310",
            "--place",
            "NLD",
            "--flow",
            "departed",
            "--source",
            "General Intelligence and Security Service",
            "--why",
            "x",
        ],
        "the extractor already reads this figure",
    ),
    (
        ["add", BENELUX, "--quote", "stood at 12", "--place", "LUX", "--why", "x"],
        "needs --place and --flow",
    ),
    (["reviews", "remove", "ffffffffff"], "no such review"),
    (["reviews", "import", "/nonexistent/reviews.jsonl"], "no such file"),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(a[:3]) for a, _ in BAD])
def test_bad_input_gets_a_clear_error_and_changes_nothing(
    bad_input_db: Cli, args: list[str], message: str
) -> None:
    cli = bad_input_db
    before = cli.state()
    fill = {"{short}": ambiguous(cli), "{310}": cli.find(BENELUX, "310")}
    result = cli.run(*[fill.get(a, a) for a in args], code=2)
    assert message in result.output, result.output
    assert "Traceback" not in result.output
    assert cli.state() == before


def test_every_review_command_is_documented() -> None:
    reference = (Path(__file__).parents[1] / "docs" / "cli.md").read_text()
    for command in (
        "review",
        "confirm",
        "reject",
        "correct",
        "add",
        "reviews export",
        "reviews import",
        "reviews remove",
        "eval --reviews",
    ):
        assert f"fighterflows {command}" in reference
    assert "Reviewing figures" in (Path(__file__).parents[1] / "README.md").read_text()


def test_reviews_subcommands_take_the_ledger_given_to_the_group(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from fighterflows.cli import main

    cli = ingested(str(tmp_path / "l.db"), tmp_path / "corpus")
    cli.run("confirm", cli.find(BENELUX, "310"))
    out = CliRunner().invoke(main, ["reviews", "--db", cli.db, "export", "-"])
    assert out.exit_code == 0 and json.loads(out.stdout)["verdict"] == "confirmed"
