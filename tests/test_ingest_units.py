"""Units of work: a JSONL file read in parts gives what reading it whole gives (documents, the
prefilter's verdicts, errors with their line numbers), wherever the cuts fall."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fighterflows.extract import might_contain_estimates
from fighterflows.model import Document, ReadError
from fighterflows.read import ReadOptions, read_sources
from fighterflows.scan import scan, spilled
from fighterflows.units import Inputs, Part, Stdin, plan

RELEVANT = "Some 850 Britons went to Syria, officials said."
IRRELEVANT = "The council met on Tuesday to discuss the budget for road repairs."

# One line of a corpus each: records that pass or fail the prefilter, records without an id
# (named by their line), and every kind of bad line.
LINES = {
    "relevant": lambda i: json.dumps({"id": f"r{i}", "text": f"{RELEVANT} Item {i}."}),
    "irrelevant": lambda i: json.dumps({"id": f"i{i}", "text": f"{IRRELEVANT} Item {i}."}),
    "no id": lambda i: json.dumps({"text": f"{RELEVANT}\r\nEdition {i}.", "date": "2017-10-24"}),
    "nul": lambda i: json.dumps({"id": f"n{i}", "text": f"Syr\u0000ia: 12 fighters, item {i}"}),
    "blank": lambda i: "   ",
    "not json": lambda i: "{not json",
    "no text": lambda i: json.dumps({"id": f"t{i}", "title": "no text"}),
    "empty text": lambda i: json.dumps({"id": f"e{i}", "text": "  \r\n "}),
    "not object": lambda i: "[1, 2]",
}


def write(path: Path, kinds: list[str], final_newline: bool = True) -> None:
    body = "\n".join(LINES[k](i) for i, k in enumerate(kinds))
    path.write_text(body + ("\n" if final_newline else ""), encoding="utf-8")


def whole(path: Path) -> tuple[list[Document], list[ReadError], int]:
    """What reading the file from the start gives: the documents that pass the prefilter,
    the errors, and how many documents were read."""
    results = list(read_sources([str(path)]))
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, ReadError)]
    return [d for d in docs if might_contain_estimates(d.text)], errors, len(docs)


def in_parts(
    path: Path, part_bytes: int, folder: Path
) -> tuple[list[Document], list[ReadError], int, list[Part]]:
    units = list(plan([str(path)], part_bytes))
    parts = [u for u in units if isinstance(u, Part)]
    docs: list[Document] = []
    hashes: list[str] = []
    errors: list[ReadError] = []
    read = 0
    for n, unit in enumerate(units):
        assert not isinstance(unit, ReadError | Stdin)
        found = scan(unit, ReadOptions(), str(folder / f"{n}.spill"))
        docs += spilled(found.spill, [offset for _, offset, _ in found.relevant])
        hashes += [h for h, _, _ in found.relevant]
        errors += found.errors
        read += found.read
        assert found.read - found.rejected == len(found.relevant)
    assert hashes == [d.content_hash for d in docs]
    return docs, errors, read, parts


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kinds=st.lists(st.sampled_from(sorted(LINES)), min_size=1, max_size=40).filter(
        lambda ks: any(k != "blank" for k in ks)
    ),
    part_bytes=st.integers(min_value=1, max_value=600),
    final_newline=st.booleans(),
)
def test_a_jsonl_file_read_in_parts_gives_what_reading_it_whole_gives(
    tmp_path_factory, kinds: list[str], part_bytes: int, final_newline: bool
) -> None:
    folder = tmp_path_factory.mktemp("parts")
    path = folder / "corpus.jsonl"
    write(path, kinds, final_newline)
    size = path.stat().st_size
    docs, errors, read, parts = in_parts(path, part_bytes, folder)
    expected_docs, expected_errors, expected_read = whole(path)
    assert docs == expected_docs
    assert [d.id for d in docs] == [d.id for d in expected_docs]  # "corpus.jsonl:LINE" ids
    assert errors == expected_errors
    assert read == expected_read
    if size > part_bytes:
        # the parts cover the file, end to end, each ending at a line end but the last
        data = path.read_bytes()
        assert parts[0].start == 0 and parts[-1].end == size and parts[-1].last
        for a, b in itertools.pairwise(parts):
            assert a.end == b.start and not a.last and data[a.end - 1 : a.end] == b"\n"
            assert b.first_line == 1 + data[: b.start].count(b"\n")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            [
                "Syria",
                "fight",
                "ISIS",
                "isis",
                "daesh",
                "Al-Hol",
                "no one",
                "No Britons",
                "12",
                "twelve",
                "a man",
                "not a\r\nsingle",
                "\u0000",
                "\r\n",
                "\r",
                "\n",
                " ",
                "\ufeff",
                "\t",
                "x",
                "-",
                "\ufffd",
            ]
        ),
        min_size=1,
        max_size=12,
    ).map("".join)
)
def test_the_prefilter_judges_a_record_by_the_text_its_document_would_hold(
    tmp_path_factory, text: str
) -> None:
    """Records are judged before a Document is made, on the text after the reader's own
    changes (line ends, NUL made visible, stripped): the verdict is the Document's."""
    folder = tmp_path_factory.mktemp("judge")
    path = folder / "one.jsonl"
    path.write_text(json.dumps({"id": "one", "text": text}) + "\n", encoding="utf-8")
    docs, errors, read = whole(path)
    found = scan(Inputs((str(path),)), ReadOptions(), str(folder / "spill"))
    assert (found.read, len(found.relevant), found.errors) == (read, len(docs), tuple(errors))
    assert spilled(found.spill, [o for _, o, _ in found.relevant]) == docs


def test_a_folder_is_read_in_groups_of_files_and_named_errors_keep_their_place(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(40):
        (folder / f"a{i:02d}.txt").write_text(f"{RELEVANT} {i}")
    units = list(plan([str(folder / "a00.txt"), str(tmp_path / "missing.txt"), str(folder), "-"]))
    assert units[0] == Inputs((str(folder / "a00.txt"),))
    assert isinstance(units[1], ReadError) and "missing.txt" in units[1].where
    groups = [u for u in units[2:-1] if isinstance(u, Inputs)]
    assert [s for g in groups for s in g.specs] == [str(p) for p in sorted(folder.iterdir())]
    assert max(len(g.specs) for g in groups) < 40  # a few files to a unit, not all at once
    assert units[-1] == Stdin()


def test_a_large_plain_jsonl_file_is_cut_and_a_compressed_one_is_not(tmp_path: Path) -> None:
    import gzip

    plain = tmp_path / "big.jsonl"
    write(plain, ["relevant", "irrelevant"] * 50)
    packed = tmp_path / "big.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert len([u for u in plan([str(plain)], 500) if isinstance(u, Part)]) > 5
    assert list(plan([str(packed)], 500)) == [Inputs((str(packed),))]
