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
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

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
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations())
    m.update_batch([g.encode("utf-8") for g in grams])
    return bytes(np.asarray(m.hashvalues, dtype=np.uint32).tobytes())


@cache
def _permutations() -> np.ndarray:
    """The permutations of seed 1, drawn once a process: datasketch draws them again for every
    MinHash (180 of a signature's 500-750 µs), and shares an array given in its own form."""
    drawn: np.ndarray = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations
    drawn.flags.writeable = False
    return drawn


@cache
def _bands() -> tuple[tuple[int, int], ...]:
    """The bands of datasketch's LSH for our threshold: two documents are near-duplicates
    when all the values of one band agree."""
    return tuple(MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM).hashranges)


def _buckets(sig: bytes) -> list[bytes]:
    """The band buckets of a signature (older ledgers hold its values 64 bits wide)."""
    if len(sig) == 8 * NUM_PERM:
        sig = np.frombuffer(sig, dtype=np.uint64).astype(np.uint32).tobytes()
    return [bytes([i]) + sig[4 * start : 4 * end] for i, (start, end) in enumerate(_bands())]


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
    """An index of documents; `original_of` names the one a document copies.

    Each band bucket keeps only its two first-ranked documents: the first-ranked near-duplicate
    of a document is the first-ranked (but itself) of one of its buckets, so a look costs a few
    dictionary reads however many copies an article has (datasketch's own index returns them all,
    and a corpus of wire copies made that quadratic)."""

    def __init__(self, known: Iterable[Signed] = ()) -> None:
        self._first: dict[bytes, list[tuple[Rank, str]]] = {}
        self._seen: set[str] = set()
        for doc in known:
            self.add(doc)

    def add(self, doc: Signed) -> None:
        if doc.id in self._seen:
            return
        self._seen.add(doc.id)
        entry = (doc.rank, doc.id)
        for key in _buckets(doc.minhash):
            first = self._first.setdefault(key, [])
            first.append(entry)
            first.sort()
            del first[2:]

    def original_of(self, doc: Signed) -> str | None:
        """Of the near-duplicates of `doc` in the index that rank before it, the first."""
        rank = doc.rank
        best: tuple[Rank, str] | None = None
        for key in _buckets(doc.minhash):
            for entry in self._first.get(key, ()):
                if entry[1] == doc.id:
                    continue
                if entry[0] < rank and (best is None or entry < best):
                    best = entry
                break  # the rest of the bucket ranks after this one
        return best[1] if best else None


def copies(documents: Sequence[Signed]) -> dict[str, str | None]:
    """For each document, the one it copies (None for an original), from all of them at once."""
    index = NearDuplicates(documents)
    return {d.id: index.original_of(d) for d in documents}
