"""What ingest tells the user: duplicates within the inputs apart from documents stored before
(issue 12: a first ingest said "2,018 already in the ledger" for its own duplicates)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from fighterflows.cli import main
from fighterflows.engines import Inline

SENTENCE = "Some {n} Britons have returned from Syria, the Interior Ministry said on {day}."


def corpus(folder: Path, distinct: int, repeats: dict[int, int]) -> Path:
    """`distinct` documents, document i repeated repeats[i] more times, the copies last (so
    some fall in a later batch than their first copy)."""
    folder.mkdir()
    for i in range(distinct):
        (folder / f"d{i:03d}.txt").write_text(SENTENCE.format(n=100 + i, day=i % 28 + 1))
    for i, times in repeats.items():
        for k in range(times):
            (folder / f"z{i:03d}-copy{k}.txt").write_text((folder / f"d{i:03d}.txt").read_text())
    return folder


def summary(*args: str) -> str:
    result = CliRunner().invoke(main, ["ingest", *args])
    assert result.exit_code == 0, result.output
    return next(line for line in result.stderr.splitlines() if "documents read" in line)


def counts(line: str) -> dict[str, int]:
    found = {
        "read": r"([\d,]+) documents read",
        "added": r"([\d,]+) added",
        "already": r"([\d,]+) already in the ledger",
        "duplicates": r"([\d,]+) duplicates within this batch",
    }
    return {
        k: int(m[1].replace(",", "")) if (m := re.search(p, line)) else 0 for k, p in found.items()
    }


@pytest.mark.parametrize("workers", ["1", "2"])
def test_duplicates_within_the_inputs_are_not_already_in_the_ledger(
    tmp_path: Path, workers: str
) -> None:
    distinct = Inline.batch + 6  # the copies of d000 land in a later batch than d000 itself
    folder = corpus(tmp_path / "in", distinct, {0: 2, 5: 1})
    db = str(tmp_path / "l.db")
    first = counts(summary(str(folder), "--db", db, "--workers", workers))
    assert first == {"read": distinct + 3, "added": distinct, "already": 0, "duplicates": 3}
    again = summary(str(folder), "--db", db, "--workers", workers)
    assert counts(again) == {
        "read": distinct + 3,
        "added": 0,
        "already": distinct + 3,
        "duplicates": 0,
    }
    assert "duplicates within this batch" not in again


def test_the_same_file_named_twice_is_a_duplicate_within_the_batch(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 2, {})
    db = str(tmp_path / "l.db")
    line = summary(str(folder / "d000.txt"), str(folder), "--db", db, "--workers", "1")
    assert counts(line) == {"read": 3, "added": 2, "already": 0, "duplicates": 1}


# -- progress: on a terminal, with a total and the time left when the size is known ----------


def on_a_terminal(args: list[str], cwd: Path, stdin: bytes | None = None) -> str:
    """What `fighterflows ARGS` writes to stderr when stderr is a terminal (a pseudo-terminal)."""
    import os
    import pty
    import select
    import subprocess
    import sys

    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "160", "PYTHONPATH": str(Path(__file__).parents[1])}
    process = subprocess.Popen(
        [sys.executable, "-m", "fighterflows", *args],
        cwd=cwd,
        env=env,
        stderr=slave,
        stdout=subprocess.DEVNULL,
        stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
    )
    os.close(slave)
    if stdin is not None and process.stdin is not None:
        process.stdin.write(stdin)
        process.stdin.close()
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                data = os.read(master, 1 << 16)
            except OSError:  # the other end closed
                break
            if not data:
                break
            out += data
        elif process.poll() is not None:
            break
    assert process.wait(timeout=120) == 0, out[-2000:]
    os.close(master)
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.decode("utf-8", "replace"))


def big_corpus(path: Path, records: int) -> Path:
    """Records the prefilter skips, so reading them (not extracting) takes the time."""
    import json

    with path.open("w") as f:
        for i in range(records):
            f.write(json.dumps({"id": f"r{i}", "text": f"Record {i} is about the weather."}))
            f.write("\n")
    return path


def test_progress_shows_the_share_done_and_the_time_left_for_files(tmp_path: Path) -> None:
    big_corpus(tmp_path / "c.jsonl", 12_000)
    shown = on_a_terminal(["ingest", "c.jsonl", "--db", "l.db", "--workers", "1"], tmp_path)
    assert re.search(r"[\d,]+ documents \([\d,]+/s\)", shown)
    assert re.search(r"\d+% \d+:\d\d:\d\d left", shown), shown[-600:]
    assert "12,000 documents read" in shown


def test_progress_from_stdin_has_no_total_to_show(tmp_path: Path) -> None:
    text = b"Some 425 Britons have returned from Syria, the Interior Ministry said.\n" * 2000
    shown = on_a_terminal(["ingest", "-", "--db", "l.db", "--workers", "1"], tmp_path, text)
    assert "1 documents read" in shown or "1 document" in shown
    assert "%" not in shown and " left" not in shown


def test_the_meter_counts_the_bytes_on_disk(tmp_path: Path) -> None:
    import gzip

    from fighterflows.read import ReadOptions, read_sources
    from fighterflows.read.meter import ByteMeter, input_size

    folder = tmp_path / "in"
    folder.mkdir()
    big_corpus(folder / "a.jsonl", 500)
    (folder / "b.jsonl.gz").write_bytes(gzip.compress((folder / "a.jsonl").read_bytes()))
    (folder / "c.txt").write_text("About 850 Britons travelled to Syria.")
    sizes = sum(p.stat().st_size for p in folder.iterdir())
    assert input_size([str(folder)]) == sizes
    assert input_size([str(folder / "c.txt"), "-"]) is None
    assert input_size(["https://example.org/x"]) is None
    meter = ByteMeter()
    documents = list(read_sources([str(folder)], ReadOptions(meter=meter)))
    assert len(documents) == 1001
    assert meter.bytes == sizes  # compressed bytes as on disk, each read once
