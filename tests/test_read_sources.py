"""Dispatch over paths, directories, stdin and `.gz`: bad input is reported, reading goes on."""

from __future__ import annotations

import gzip
import io
import resource
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from fighterflows.model import Document, ReadError
from fighterflows.read import ReadOptions, read_sources

GOOD = "Some 1,200 fighters returned.\n"

DEFAULT = ReadOptions()


def read_all(*paths: Path | str, options: ReadOptions = DEFAULT) -> list[object]:
    return list(read_sources([str(p) for p in paths], options))


def write_good(tmp_path: Path) -> Path:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    return good


def make_missing(tmp_path: Path) -> Path:
    return tmp_path / "missing.txt"


def make_empty_dir(tmp_path: Path) -> Path:
    path = tmp_path / "nothing"
    path.mkdir()
    (path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return path


def make_empty_file(tmp_path: Path) -> Path:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return path


def make_blank_file(tmp_path: Path) -> Path:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\n\t\n", encoding="utf-8")
    return path


def make_binary(tmp_path: Path) -> Path:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return path


def make_latin1(tmp_path: Path) -> Path:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 owners.".encode("latin-1"))
    return path


def make_utf16(tmp_path: Path) -> Path:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Hello".encode("utf-16"))
    return path


def make_long_line(tmp_path: Path) -> Path:
    path = tmp_path / "long.txt"
    with path.open("wb") as out:
        out.write(b"Short first line.\n")
        for _ in range(50):
            out.write(b"x" * 1_000_000)
    return path


def make_not_gzip(tmp_path: Path) -> Path:
    path = tmp_path / "fake.txt.gz"
    path.write_text("plain text pretending", encoding="utf-8")
    return path


def make_truncated_gzip(tmp_path: Path) -> Path:
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress(GOOD.encode() * 100)[:40])
    return path


BAD_INPUTS: list[tuple[Callable[[Path], Path], str]] = [
    (make_missing, "no such file or directory"),
    (make_empty_dir, "directory holds no readable files"),
    (make_empty_file, "file is empty"),
    (make_blank_file, "file holds only whitespace"),
    (make_binary, "binary file, not text"),
    (make_latin1, "not valid UTF-8 (byte 0xe9 at offset 3)"),
    (make_utf16, "UTF-16 text, not UTF-8"),
    (make_long_line, "line 2 longer than 1,000,000 characters: not prose"),
    (make_not_gzip, "not gzip data"),
    (make_truncated_gzip, "truncated compressed data"),
]


@pytest.mark.parametrize(
    ("make", "reason"), BAD_INPUTS, ids=[make.__name__[5:] for make, _ in BAD_INPUTS]
)
def test_bad_input_is_reported_and_reading_goes_on(
    tmp_path: Path, make: Callable[[Path], Path], reason: str
) -> None:
    bad = make(tmp_path)
    good = write_good(tmp_path)
    first, second = read_all(bad, good)
    assert first == ReadError(str(bad), reason)
    assert isinstance(second, Document)
    assert second.text == GOOD.strip()


def test_document_over_max_chars_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("A sentence of prose.\n" * 100, encoding="utf-8")
    (item,) = read_all(path, options=ReadOptions(max_chars=1000))
    assert item == ReadError(str(path), "longer than 1,000 characters")


def test_gigabyte_line_is_refused_without_loading_it(tmp_path: Path) -> None:
    # A sparse file: 1 GB of NUL-free data would take seconds to write, so the hole is preceded
    # by a line of text long enough to trip the limit before the hole is reached.
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.write(b"y" * 2_000_000)
        out.truncate(1 << 30)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    (item,) = read_all(path)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert item == ReadError(str(path), "line 1 longer than 1,000,000 characters: not prose")
    assert (after - before) * 1024 < 100_000_000  # ru_maxrss is in KiB on Linux


def test_gigabyte_file_of_short_lines_is_refused_by_size(tmp_path: Path) -> None:
    path = tmp_path / "many.txt"
    line = b"a" * 99 + b"\n"
    with path.open("wb") as out:
        out.write(line * 30_000)  # 3 MB is enough to cross a 1 MB limit
    (item,) = read_all(path, options=ReadOptions(max_chars=1_000_000))
    assert item == ReadError(str(path), "longer than 1,000,000 characters")


def test_directory_is_read_recursively_sorted_skipping_hidden(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "b.txt").write_text("B.", encoding="utf-8")
    (root / "a.md").write_text("---\ntitle: A\n---\nA.", encoding="utf-8")
    (root / "sub" / "c.txt").write_text("C.", encoding="utf-8")
    (root / ".git" / "config").write_text("hidden", encoding="utf-8")
    (root / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (root / "logo.png").write_bytes(b"\x89PNG\r\n")
    items = read_all(root)
    assert [(d.id, d.text) for d in items if isinstance(d, Document)] == [
        ("a.md", "A."),
        ("b.txt", "B."),
        ("c.txt", "C."),
    ]
    assert len(items) == 3


def test_directory_errors_name_the_file(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    root.mkdir()
    (root / "a.txt").write_bytes(b"")
    (root / "b.txt").write_text("B.", encoding="utf-8")
    items = read_all(root)
    assert items[0] == ReadError(str(root / "a.txt"), "file is empty")
    assert isinstance(items[1], Document)


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b" date 2020-05-01 From stdin.\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    (doc,) = read_all("-")
    assert doc == Document(id="stdin", text="From stdin.", published="2020-05-01")
    assert not stdin.buffer.closed


@pytest.mark.parametrize("name", ["x.txt.gz", "x.TXT.GZ", "x.md.gz", "x.gz"])
def test_gzip_is_read_by_inner_extension(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(b"---\ntitle: T\n---\nBody text."))
    (doc,) = read_all(path)
    assert isinstance(doc, Document)
    assert doc.id == name
    expected = "Body text." if ".md" in name else "---\ntitle: T\n---\nBody text."
    assert doc.text == expected


def test_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.log"
    path.write_text("Notes.", encoding="utf-8")
    (doc,) = read_all(path)
    assert isinstance(doc, Document)
    assert doc.text == "Notes."


def test_read_sources_is_lazy(tmp_path: Path) -> None:
    good = write_good(tmp_path)
    results = read_sources(iter([str(good), str(tmp_path / "missing")]))
    assert isinstance(next(results), Document)
    assert isinstance(next(results), ReadError)


def test_gzip_without_gz_name_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "download.bin"
    path.write_bytes(gzip.compress(b"<!DOCTYPE html><html><body><p>Zipped page.</p></body></html>"))
    (doc,) = read_all(path)
    assert isinstance(doc, Document)
    assert doc.text == "Zipped page."


def test_path_objects_are_accepted(tmp_path: Path) -> None:
    good = write_good(tmp_path)
    (doc,) = read_sources([good])  # type: ignore[list-item]
    assert isinstance(doc, Document)


@pytest.mark.parametrize("spec", [None, 42, b"bytes.txt"], ids=["none", "int", "bytes"])
def test_not_a_path_is_an_error_not_an_exception(spec: object) -> None:
    assert list(read_sources([spec])) == [ReadError(repr(spec), "not a path or URL")]  # type: ignore[list-item]


def test_nul_in_path(tmp_path: Path) -> None:
    (err,) = read_all(f"{tmp_path}/a\x00b.txt")
    assert isinstance(err, ReadError)
    assert err.reason.startswith("not a usable path")


def test_a_linked_folder_is_read_and_a_loop_ends(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "inner").mkdir(parents=True)
    (data / "inner" / "a.txt").write_text("About 300 Belgians went to Syria.")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "b.txt").write_text("About 200 Danes went to Syria.")
    (corpus / "linked").symlink_to(data, target_is_directory=True)
    (data / "inner" / "back").symlink_to(corpus, target_is_directory=True)  # a loop
    items = list(read_sources([str(corpus)]))
    assert not [i for i in items if isinstance(i, ReadError)]
    texts = sorted(i.text for i in items if isinstance(i, Document))
    assert texts == ["About 200 Danes went to Syria.", "About 300 Belgians went to Syria."]
    linked_only = list(read_sources([str(corpus / "linked")]))
    assert [i.text for i in linked_only if isinstance(i, Document)] == [
        "About 300 Belgians went to Syria.",
        "About 200 Danes went to Syria.",
    ]
