"""Syndicated copies: near-duplicate documents found with MinHash LSH (datasketch).

Which of two near-duplicates is the copy is a rule of the two documents, never of the order
they came in: the original is the one published first, then (the same day, or undated) the
one whose name sorts first, then the one whose content hash does. So one ingest, two ingests
one after the other in either order, or two at once give the same copies (`copies`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.7  # Jaccard of word 5-grams: a copy with a new headline and byline stays above it
SHINGLE = 5
SCHEME = "affine32"  # stored signatures must be read back with the scheme that made them
_WORD = re.compile(r"\w+")

Rank = tuple[bool, str, str, str]


def signature(text: str) -> bytes:
    """The MinHash of a text's word 5-grams, as bytes for the ledger (32-bit values, the
    scheme's own width: 256 bytes a document)."""
    words = _WORD.findall(text.lower())
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    m.update_batch([g.encode("utf-8") for g in grams])
    return bytes(np.asarray(m.hashvalues, dtype=np.uint32).tobytes())


def _minhash(sig: bytes) -> LeanMinHash:
    """A signature read back, for the index only (a lean MinHash: no permutations to make)."""
    # ledgers made before 2026-12 hold the same values widened to 64 bits
    width = np.uint64 if len(sig) == 8 * NUM_PERM else np.uint32
    values = np.frombuffer(sig, dtype=width)
    return LeanMinHash(seed=1, hashvalues=values, scheme=SCHEME)


@dataclass(frozen=True, slots=True)
class Signed:
    """A document's signature with what decides which of two near-duplicates is the original."""

    id: str  # the content hash
    minhash: bytes
    name: str
    published: str | None

    @property
    def rank(self) -> Rank:
        """Earlier first: dated before undated, then by date, name and content hash."""
        return (self.published is None, self.published or "", self.name, self.id)


class NearDuplicates:
    """An index of documents; `original_of` names the one a document copies."""

    def __init__(self, known: Iterable[Signed] = ()) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._rank: dict[str, Rank] = {}
        for doc in known:
            self.add(doc)

    def add(self, doc: Signed) -> None:
        if doc.id not in self._rank:
            self._rank[doc.id] = doc.rank
            self._lsh.insert(doc.id, _minhash(doc.minhash))

    def original_of(self, doc: Signed) -> str | None:
        """Of the near-duplicates of `doc` in the index that rank before it, the first."""
        rank = doc.rank
        found = [
            self._rank[d]
            for d in self._lsh.query(_minhash(doc.minhash))
            if d != doc.id and self._rank[d] < rank
        ]
        return min(found)[3] if found else None


def copies(documents: Sequence[Signed]) -> dict[str, str | None]:
    """For each document, the one it copies (None for an original), from all of them at once."""
    index = NearDuplicates(documents)
    return {d.id: index.original_of(d) for d in documents}
