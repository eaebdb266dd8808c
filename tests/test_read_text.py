"""Plain text and Markdown readers: headers, front matter, dates, limits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fighterflows.model import Document, ReadError
from fighterflows.read import ReadOptions, read_sources
from fighterflows.read.dates import normalise_date
from fighterflows.read.text import split_date_header

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

DEFAULT = ReadOptions()


def read_all(*paths: Path | str, options: ReadOptions = DEFAULT) -> list[object]:
    return list(read_sources([str(p) for p in paths], options))


def only_document(path: Path, options: ReadOptions = DEFAULT) -> Document:
    (item,) = read_all(path, options=options)
    assert isinstance(item, Document), item
    return item


@pytest.mark.parametrize(
    ("raw", "published", "text"),
    [
        (" date 2017-10-24 At least 5,600 returned.", "2017-10-24", "At least 5,600 returned."),
        ("date 2017-10-24 Text.", "2017-10-24", "Text."),
        (" date 2017-10-24\nText on line two.", "2017-10-24", "Text on line two."),
        (" date 2017-13-40 Text.", None, "date 2017-13-40 Text."),
        ("The date 2017-10-24 is in the text.", None, "The date 2017-10-24 is in the text."),
        ("dated 2017-10-24 text", None, "dated 2017-10-24 text"),
        ("Plain text.\n\nTwo paragraphs.", None, "Plain text.\n\nTwo paragraphs."),
    ],
    ids=[
        "seed-header",
        "no-leading-space",
        "header-alone",
        "invalid-date",
        "date-inside",
        "dated-word",
        "no-header",
    ],
)
def test_text_date_header(tmp_path: Path, raw: str, published: str | None, text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(raw + "\n", encoding="utf-8")
    doc = only_document(path)
    assert (doc.published, doc.text) == (published, text)
    assert doc.id == "a.txt"


@pytest.mark.needs_shared
def test_seed_file_reads_with_date() -> None:
    seed = SHARED / "seeds" / "000_2f09a7965a612f6d.txt"
    doc = only_document(seed)
    assert doc.id == "000_2f09a7965a612f6d.txt"
    assert doc.published == "2017-10-24"
    assert doc.text.startswith("At least 5,600 men, women and children")


def test_crlf_and_bom_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes("\ufeffOne.\r\n\r\nTwo.\r\n".encode())
    assert only_document(path).text == "One.\n\nTwo."


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60))
def test_split_date_header_never_loses_text(body: str) -> None:
    published, rest = split_date_header(body)
    if published is None:
        assert rest == body
    else:
        assert body.endswith(rest)
        assert published in body


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2023, 9, 2), "2023-09-02"),
        (dt.datetime(2023, 9, 2, 20, 9), "2023-09-02"),
        ("2023-09-02 20:09", "2023-09-02"),
        ("2023-09-02T20:09:00Z", "2023-09-02"),
        ("2023/09/02", "2023-09-02"),
        ("2 September 2023", "2023-09-02"),
        ("September 2, 2023", "2023-09-02"),
        ("Sat, 02 Sep 2023 20:09:00 +0000", "2023-09-02"),
        ("2023-02-30", None),
        ("2015-04", "2015-04"),
        ("2021", "2021"),
        ("April 2015", "2015-04"),
        ("Apr 2015", "2015-04"),
        ("2015-13", None),
        ("0999", None),
        ("yesterday", None),
        ("", None),
        ([], None),
        (2023, None),
        (None, None),
    ],
    ids=lambda v: repr(v)[:30],
)
def test_normalise_date(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


MARKDOWN_CASES = [
    ("---\ntitle: T\ndate: 2020-01-02\n---\n\nBody text.\n", "T", "2020-01-02", "Body text."),
    ("---\ntitle: T\npubDate: 2023-09-02 20:09\ndate: []\n---\nBody.", "T", "2023-09-02", "Body."),
    ("---\ndate: 2020-01-02T10:00:00Z\n---\nBody.", None, "2020-01-02", "Body."),
    ("---\npubDate: 'Sat, 02 Sep 2023 20:09:00 +0000'\n---\nBody.", None, "2023-09-02", "Body."),
    ("---\nsubject: S\n---\nBody.", "S", None, "Body."),
    ("# Heading\n\nBody.", "Heading", None, "# Heading\n\nBody."),
    ("No front matter.\n---\nAfter a rule.", None, None, "No front matter.\n---\nAfter a rule."),
    ("---\nUnclosed front matter.", None, None, "---\nUnclosed front matter."),
    ("---\n---\nEmpty front matter.", None, None, "Empty front matter."),
]


@pytest.mark.parametrize(
    ("raw", "title", "published", "text"),
    MARKDOWN_CASES,
    ids=[
        "date",
        "pubDate-when-date-empty",
        "datetime",
        "rfc2822",
        "subject-as-title",
        "heading-as-title",
        "rule-not-front-matter",
        "unclosed",
        "empty-front-matter",
    ],
)
def test_markdown(
    tmp_path: Path, raw: str, title: str | None, published: str | None, text: str
) -> None:
    path = tmp_path / "a.md"
    path.write_text(raw, encoding="utf-8")
    doc = only_document(path)
    assert (doc.title, doc.published, doc.text) == (title, published, text)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("---\ntitle: [unclosed\n---\nBody.", "front matter is not valid YAML (line 3:"),
        ("---\n- a list\n---\nBody.", "front matter is not a mapping"),
        ("---\ntitle: T\n---\n\n", "Markdown has no text after its front matter"),
    ],
    ids=["bad-yaml", "not-mapping", "no-body"],
)
def test_markdown_errors(tmp_path: Path, raw: str, reason: str) -> None:
    path = tmp_path / "bad.md"
    path.write_text(raw, encoding="utf-8")
    (item,) = read_all(path)
    assert isinstance(item, ReadError)
    assert item.where == str(path)
    assert item.reason.startswith(reason)


@pytest.mark.parametrize(
    ("stated", "published"),
    [("2020-21-01", None), ("2019-02-30", None), ("2019-02-28", "2019-02-28")],
    ids=["month-21", "february-30", "a-real-date"],
)
def test_markdown_date_that_is_no_calendar_date(
    tmp_path: Path, stated: str, published: str | None
) -> None:
    """A front matter date YAML takes for a timestamp but no calendar holds is judged as any
    other date text (the document is read, undated), not an error that loses the document."""
    path = tmp_path / "dated.md"
    path.write_text(f"---\ntitle: T\ndate: {stated}\n---\nBody text.\n", encoding="utf-8")
    doc = only_document(path)
    assert (doc.title, doc.published, doc.text.strip()) == ("T", published, "Body text.")


@pytest.mark.needs_shared
def test_wikipedia_markdown_reads() -> None:
    path = SHARED / "corpus" / "wikipedia" / "foreign-fighters-in-the-syrian-civil-war.md"
    doc = only_document(path)
    assert doc.published == "2023-09-02"
    assert doc.title == "Foreign fighters in the Syrian civil war"
    assert doc.text.startswith("**Foreign fighters in the Syrian civil war**")
