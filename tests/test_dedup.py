"""Syndicated copies: which near-duplicate is the copy is a rule of the documents, never of
the order they are seen in."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fighterflows.dedup import NearDuplicates, Signed, copies, signature
from fighterflows.resources import sample_corpus

ARTICLES = [p.read_text().split("---", 2)[-1] for p in sorted(sample_corpus().glob("*.md"))][:4]
DATES = [None, "2017-10-24", "2017-10-25", "2018-01"]


def signed(text: str, name: str, published: str | None) -> Signed:
    return Signed(hashlib.sha256(text.encode()).hexdigest(), signature(text), name, published)


def editions() -> list[Signed]:
    """Each article in several editions: another byline, another date, another name."""
    docs = []
    for a, article in enumerate(ARTICLES):
        for e, date in enumerate(DATES):
            text = f"By Agency {e}\n\n{article}\n\nEdition {e}."
            docs.append(signed(text, f"{'zyx'[e % 3]}-{a}-{e}.md", date))
    return docs


@settings(max_examples=25, deadline=None)
@given(st.permutations(editions()))
def test_the_copies_do_not_depend_on_the_order_documents_come_in(docs: list[Signed]) -> None:
    assert copies(docs) == copies(editions())


def test_each_edition_copies_the_earliest_and_distinct_articles_copy_nothing() -> None:
    marks = copies(editions())
    for a in range(len(ARTICLES)):
        mine = [d for d in editions() if f"-{a}-" in d.name]
        first = min(mine, key=lambda d: d.rank)
        assert first.published == "2017-10-24"  # dated before undated; the earliest date
        assert marks[first.id] is None
        assert all(marks[d.id] == first.id for d in mine if d is not first)


@pytest.mark.parametrize(
    ("a", "b", "original"),
    [
        (("b.md", "2017-10-24"), ("a.md", "2017-10-25"), "b.md"),  # the earlier date
        (("b.md", "2017-10-24"), ("a.md", "2017-10-24"), "a.md"),  # same day: the name
        (("b.md", "2017-10"), ("a.md", None), "b.md"),  # dated before undated
        (("b.md", None), ("a.md", None), "a.md"),
    ],
)
def test_of_two_copies_the_original_is(
    a: tuple[str, str | None], b: tuple[str, str | None], original: str
) -> None:
    text = ARTICLES[0]
    docs = [signed(text + f"\n\n{name}", name, date) for name, date in (a, b)]
    marks = copies(docs)
    (first,) = [d for d in docs if d.name == original]
    assert [marks[d.id] for d in docs if d is not first] == [first.id]
    assert marks[first.id] is None


def test_seen_in_order_of_rank_one_at_a_time_the_marks_are_the_settled_ones() -> None:
    index = NearDuplicates()
    marks = {}
    for d in sorted(editions(), key=lambda d: d.rank):
        marks[d.id] = index.original_of(d)
        index.add(d)
    assert marks == copies(editions())


def test_a_signature_stored_64_bits_wide_by_an_older_version_finds_the_same_copies() -> None:
    import numpy as np

    docs = editions()
    wide = [
        Signed(
            d.id,
            np.frombuffer(d.minhash, dtype=np.uint32).astype(np.uint64).tobytes(),
            d.name,
            d.published,
        )
        for d in docs
    ]
    assert len(wide[0].minhash) == 2 * len(docs[0].minhash) == 512
    assert copies(wide[:7] + docs[7:]) == copies(docs)


def test_the_index_finds_the_near_duplicates_datasketch_finds() -> None:
    """Our index keeps two documents a bucket; the copies it names are those of a look
    through datasketch's whole index."""
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    docs = [*editions(), signed(ARTICLES[1][: len(ARTICLES[1]) // 2], "half.md", None)]
    lsh = MinHashLSH(threshold=0.7, num_perm=64)
    values = {
        d.id: LeanMinHash(
            seed=1, hashvalues=np.frombuffer(d.minhash, dtype=np.uint32), scheme="affine32"
        )
        for d in docs
    }
    for d in docs:
        lsh.insert(d.id, values[d.id])
    rank = {d.id: d.rank for d in docs}
    expected = {}
    for d in docs:
        earlier = [rank[o] for o in lsh.query(values[d.id]) if rank[o] < d.rank]
        expected[d.id] = min(earlier)[3] if earlier else None
    assert copies(docs) == expected
    assert sum(v is not None for v in expected.values()) >= len(editions()) - len(ARTICLES)
