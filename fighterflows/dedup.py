"""Syndicated copies: near-duplicate documents found with MinHash LSH (datasketch)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.7  # Jaccard of word 5-grams: a copy with a new headline and byline stays above it
SHINGLE = 5
SCHEME = "affine32"  # stored signatures must be read back with the scheme that made them
_WORD = re.compile(r"\w+")


def signature(text: str) -> bytes:
    """The MinHash of a text's word 5-grams, as bytes for the ledger."""
    words = _WORD.findall(text.lower())
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    m.update_batch([g.encode("utf-8") for g in grams])
    return bytes(np.asarray(m.hashvalues, dtype=np.uint64).tobytes())


def _minhash(sig: bytes) -> MinHash:
    values = np.frombuffer(sig, dtype=np.uint64)
    return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=values, scheme=SCHEME)


class NearDuplicates:
    """An index of the documents seen so far; `original_of` names the one a text copies."""

    def __init__(self, known: Iterable[tuple[str, bytes, bool]] = ()) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._is_copy: dict[str, bool] = {}
        for doc_id, sig, is_copy in known:
            self.add(doc_id, sig, is_copy)

    def add(self, doc_id: str, sig: bytes, is_copy: bool) -> None:
        if doc_id not in self._is_copy:
            self._is_copy[doc_id] = is_copy
            self._lsh.insert(doc_id, _minhash(sig))

    def original_of(self, sig: bytes) -> str | None:
        """An original the text copies; chosen without regard to the order of ingest, so an
        interrupted and resumed ingest marks the same copies as an uninterrupted one."""
        found = [d for d in self._lsh.query(_minhash(sig)) if d in self._is_copy]
        return min(found, key=lambda d: (self._is_copy[d], d)) if found else None
