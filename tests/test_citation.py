"""A document's citation as text, BibTeX and CSL-JSON: what each form says for what the document
declares, and that hostile or odd text stays inside its field."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fighterflows.ledger import Citation
from fighterflows.report.citation import (
    CiteFormat,
    bibtex,
    citation_key,
    cite,
    csl,
    spoken_date,
    text,
)

FULL = Citation(
    document_id="ab" * 32,
    name="courier-2017.html",
    title="Thousands of recruits have gone home",
    outlet="The Harbour Courier",
    author="Jane Doe; John Roe",
    url="https://courier.example/a",
    uri="/data/courier-2017.html",
    published="2017-10-25",
    accessed="2024-03-01",
)
BARE = Citation(document_id="cd" * 32, name="notes.txt", uri="/home/me/notes.txt")
REPORT = Citation(
    document_id="ef" * 32,
    name="daesh.pdf",
    title="From Daesh to Diaspora",
    outlet="ICSR",
    author="Joana Cook; Gina Vale; Ana Élise",
    published="2018-07",
    paged=True,
)

TEXTS = [
    (
        FULL,
        'Jane Doe and John Roe. "Thousands of recruits have gone home." The Harbour Courier, '
        "25 October 2017. https://courier.example/a (accessed 1 March 2024).",
    ),
    (BARE, '"notes.txt."'),  # a local path is no address a reader can follow
    (REPORT, 'Joana Cook, Gina Vale and Ana Élise. "From Daesh to Diaspora." ICSR, July 2018.'),
    (
        Citation(document_id="0" * 64, name="x", title="Who counts?", published="2016"),
        '"Who counts?" 2016.',
    ),
]


@pytest.mark.parametrize(("c", "expected"), TEXTS, ids=["full", "bare", "report", "question"])
def test_text(c: Citation, expected: str) -> None:
    assert text(c) == expected


def test_bibtex_of_a_full_citation() -> None:
    assert bibtex(FULL) == (
        "@misc{doe2017thousands,\n"
        "  title = {{Thousands of recruits have gone home}},\n"
        "  author = {Jane Doe and John Roe},\n"
        "  howpublished = {The Harbour Courier},\n"
        "  year = {2017},\n"
        "  month = oct,\n"
        "  date = {2017-10-25},\n"
        "  url = {https://courier.example/a},\n"
        "  urldate = {2024-03-01}\n"
        "}"
    )


def test_bibtex_of_a_bare_citation_names_the_file() -> None:
    assert bibtex(BARE) == "@misc{notestxt,\n  title = {{notes.txt}}\n}"


def test_csl_json() -> None:
    assert csl(FULL) == {
        "id": "doe2017thousands",
        "type": "webpage",
        "title": "Thousands of recruits have gone home",
        "author": [{"literal": "Jane Doe"}, {"literal": "John Roe"}],
        "container-title": "The Harbour Courier",
        "issued": {"date-parts": [[2017, 10, 25]]},
        "URL": "https://courier.example/a",
        "accessed": {"date-parts": [[2024, 3, 1]]},
    }
    assert csl(REPORT) == {
        "id": "cook2018from",
        "type": "report",
        "title": "From Daesh to Diaspora",
        "author": [{"literal": "Joana Cook"}, {"literal": "Gina Vale"}, {"literal": "Ana Élise"}],
        "publisher": "ICSR",
        "issued": {"date-parts": [[2018, 7]]},
    }
    assert csl(BARE) == {"id": "notestxt", "type": "document", "title": "notes.txt"}


def test_cite_gives_each_form() -> None:
    assert cite(FULL, CiteFormat.TEXT) == text(FULL)
    assert cite(FULL, CiteFormat.BIBTEX) == bibtex(FULL)
    assert json.loads(cite(FULL, CiteFormat.CSL)) == [csl(FULL)]


@pytest.mark.parametrize(
    ("iso", "spoken"),
    [
        ("2017-10-25", "25 October 2017"),
        ("2017-10", "October 2017"),
        ("2017", "2017"),
        ("2017-13", "2017"),
        (None, None),
        ("soon", "soon"),
    ],
)
def test_spoken_date(iso: str | None, spoken: str | None) -> None:
    assert spoken_date(iso) == spoken


@pytest.mark.parametrize(
    ("c", "key"),
    [
        (FULL, "doe2017thousands"),
        (
            Citation(
                document_id="1" * 64,
                name="n",
                title="Él año",
                outlet="The Times",
                published="2019-01-01",
            ),
            "times2019el",
        ),
        (Citation(document_id="1" * 64, name="n", title="!!!"), "document11111111"),
    ],
    ids=["author", "outlet-without-the-accents-folded", "nothing-usable"],
)
def test_citation_key(c: Citation, key: str) -> None:
    assert citation_key(c) == key


HOSTILE = Citation(
    document_id="9" * 64,
    name="h",
    title="50% & {rising} $5 #1 a_b ~x ^y \\z }",
    outlet="Evil} & Co",
    author="A {B}",
    url="https://e.example/a}b{c\\d",
)


def test_bibtex_escapes_what_latex_would_read() -> None:
    entry = bibtex(HOSTILE)
    assert r"title = {{50\% \& \{rising\} \$5 \#1 a\_b \textasciitilde{}x" in entry
    assert r"howpublished = {Evil\} \& Co}" in entry
    assert "url = {https://e.example/a%7Db%7Bc%5Cd}" in entry
    assert _balanced(entry)


def _balanced(entry: str) -> bool:
    depth = 0
    for ch in re.sub(r"\\[{}]", "", entry):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


@given(
    title=st.text(max_size=60),
    outlet=st.none() | st.text(max_size=30),
    author=st.none() | st.text(max_size=30),
)
def test_any_text_stays_inside_its_bibtex_field(
    title: str, outlet: str | None, author: str | None
) -> None:
    c = Citation(
        document_id="7" * 64,
        name="n",
        title=title or None,
        outlet=outlet or None,
        author=author or None,
    )
    entry = bibtex(c)
    assert _balanced(entry)
    assert re.fullmatch(
        r"@misc\{[a-z][a-z0-9]*,\n(  [a-z]+ = .*\n)*  [a-z]+ = .*\n\}", entry, re.DOTALL
    )
    assert json.loads(cite(c, CiteFormat.CSL))[0]["title"] == (title or "n")
