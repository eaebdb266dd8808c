"""PDF: page texts with page offsets, lines rejoined into paragraphs, clear errors."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from test_read_fixtures import encrypted_pdf, pdf_bytes

from fighterflows.model import Document, ReadError
from fighterflows.read import ReadOptions, read_sources
from fighterflows.read.pdf_layout import Line, join_lines, join_two, lines_from_runs

DEFAULT = ReadOptions()

PAGES = [
    [
        ["At least 5,600 men, women and children have re-", "turned home, said the", "report."],
        ["The recruit-", "ment of new fighters", "had stopped."],
    ],
    [["Page two has one paragraph."]],
]
TEXT = (
    "At least 5,600 men, women and children have returned home, said the report."
    "\n\nThe recruitment of new fighters had stopped."
    "\n\nPage two has one paragraph."
)


def read_all(*paths: Path | str, options: ReadOptions = DEFAULT) -> list[object]:
    return list(read_sources([str(p) for p in paths], options))


def write_pdf(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_pdf_pages_and_paragraphs(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "r.pdf", pdf_bytes(PAGES, title="Report"))
    (doc,) = read_all(path)
    assert isinstance(doc, Document)
    assert doc.text == TEXT
    assert doc.pages == (0, TEXT.index("Page two"))
    assert doc.page_of(TEXT.index("recruitment")) == 1
    assert doc.page_of(TEXT.index("Page two")) == 2
    assert (doc.id, doc.title, doc.published) == ("r.pdf", "Report", "2021-03-05")


def test_pdf_blank_page_keeps_its_offset(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "r.pdf", pdf_bytes([[["One."]], [], [["Three."]]]))
    (doc,) = read_all(path)
    assert isinstance(doc, Document)
    assert doc.text == "One.\n\nThree."
    assert doc.pages == (0, 4, 6)


def test_pdf_gz(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "r.pdf.gz", gzip.compress(pdf_bytes(PAGES)))
    (doc,) = read_all(path)
    assert isinstance(doc, Document)
    assert doc.text == TEXT


def test_pdf_readable_with_empty_password(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "r.pdf", encrypted_pdf(pdf_bytes(PAGES), ""))
    (doc,) = read_all(path)
    assert isinstance(doc, Document)
    assert doc.text == TEXT


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: encrypted_pdf(pdf_bytes(PAGES), "secret"), "PDF is encrypted"),
        (lambda: pdf_bytes(PAGES)[:300], "truncated PDF"),
        (lambda: pdf_bytes(PAGES)[: len(pdf_bytes(PAGES)) // 2], "truncated PDF"),
        (lambda: b"", "file is empty"),
        (lambda: b"Just some text, no PDF.", "not a PDF file"),
        (lambda: pdf_bytes([[], []]), "PDF has no text layer (scanned images?)"),
    ],
    ids=["encrypted", "truncated-early", "truncated-half", "empty", "not-pdf", "no-text"],
)
def test_pdf_errors(tmp_path: Path, make: object, reason: str) -> None:
    assert callable(make)
    path = write_pdf(tmp_path / "bad.pdf", make())
    good = tmp_path / "good.txt"
    good.write_text("Fine.", encoding="utf-8")
    first, second = read_all(path, good)
    assert first == ReadError(str(path), reason)
    assert isinstance(second, Document)


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("recruit-", "ment", "recruitment"),
        ("Saudi-", "Arabia", "Saudi-Arabia"),
        ("in 2014-", "2015", "in 2014- 2015"),
        ("end of", "line", "end of line"),
        ("a -", "b", "a - b"),
    ],
    ids=["hyphenated-word", "capital-keeps-hyphen", "number-dash", "plain", "spaced-dash"],
)
def test_join_two(left: str, right: str, joined: str) -> None:
    assert join_two(left, right) == joined


def test_lines_from_runs_split_and_keep_first_y() -> None:
    runs: list[tuple[str, float | None]] = [("One ", 700.0), ("line\nTwo", 700.0), ("\n", 686.0)]
    assert lines_from_runs(runs) == [Line("One line", 700.0), Line("Two", 700.0)]


def test_paragraphs_by_shape_when_positions_unknown() -> None:
    lines = [
        Line("A long line of text that goes on and on across", None),
        Line("the page and ends here.", None),
        Line("Next paragraph starts.", None),
    ]
    assert join_lines(lines) == (
        "A long line of text that goes on and on across the page and ends here."
        "\n\nNext paragraph starts."
    )


def test_paragraphs_by_gap_with_short_paragraphs() -> None:
    lines = [Line("One.", 700), Line("Two a", 672), Line("b.", 658), Line("Three.", 630)]
    assert join_lines(lines) == "One.\n\nTwo a b.\n\nThree."


def test_uniform_spacing_falls_back_to_shape() -> None:
    lines = [Line("A long line that wraps to the", 700), Line("next one.", 686)]
    assert join_lines(lines) == "A long line that wraps to the next one."


def test_running_header_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    bodies = ["Alpha returned.", "Beta departed.", "Gamma stayed."]
    pages = [[["Example Report 2019"], [body], [f"{n}"]] for n, body in enumerate(bodies, 1)]
    path = write_pdf(tmp_path / "r.pdf", pdf_bytes(pages))
    (doc,) = read_all(path)
    assert isinstance(doc, Document)
    assert doc.text == "\n\n".join(bodies)
    assert doc.pages == (0, 17, 33)


@pytest.mark.parametrize(
    ("edges", "kept"),
    [
        (["Page 4", "Body."], ["Body."]),
        (["- 4 -", "Body."], ["Body."]),
        (["Body.", "4 of 40"], ["Body."]),
        (["Body.", "12/40"], ["Body."]),
        (["Body.", "5,600"], ["Body.", "5,600"]),
        (["Body.", "In 2014"], ["Body.", "In 2014"]),
    ],
    ids=["page-n", "dashed", "n-of-m", "n-slash-m", "figure-kept", "words-kept"],
)
def test_page_numbers_at_edges(edges: list[str], kept: list[str]) -> None:
    from fighterflows.read.pdf_running import strip_furniture

    (page,) = strip_furniture([[Line(text, None) for text in edges]])
    assert [line.text for line in page] == kept


def test_recurring_line_on_few_pages_is_kept() -> None:
    from fighterflows.read.pdf_running import strip_furniture

    pages = [[Line("Shared line", None), Line(f"Body {n}.", None)] for n in range(2)]
    assert strip_furniture(pages) == pages


def test_ligatures_and_soft_hyphens_are_undone() -> None:
    runs: list[tuple[str, float | None]] = [
        ("\ufb01ghters re\u00adturned \ufb02ows; recruit\u00ad\n", 700.0),
        ("ment", 686.0),
    ]
    lines = lines_from_runs(runs)
    assert lines == [Line("fighters returned flows; recruit-", 700.0), Line("ment", 686.0)]
    assert join_lines(lines) == "fighters returned flows; recruitment"


def test_damaged_document_information_keeps_the_text(tmp_path: Path) -> None:
    """A PDF whose document information is no dictionary (a number where /Info points) is read
    for its text; its title and author are simply unknown."""
    data = pdf_bytes(PAGES, title="A report")
    info = data[data.index(b"<< /Title") :]
    info = info[: info.index(b">>") + 2]
    data = data.replace(info, b"42".ljust(len(info)))
    (doc,) = read_all(write_pdf(tmp_path / "r.pdf", data))
    assert isinstance(doc, Document)
    assert (doc.text, doc.title, doc.author) == (TEXT, None, None)
