"""Syndicated copies: near-duplicate documents found with MinHash LSH (datasketch)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.7  # Jaccard of word 5-grams: a copy with a new headline and byline stays above it
SHINGLE = 5
_WORD = re.compile(r"\w+")


def signature(text: str) -> bytes:
    """The MinHash of a text's word 5-grams, as bytes for the ledger."""
    words = _WORD.findall(text.lower())
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch([g.encode("utf-8") for g in grams])
    return bytes(np.asarray(m.hashvalues, dtype=np.uint64).tobytes())


def _minhash(sig: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=np.frombuffer(sig, dtype=np.uint64))


class NearDuplicates:
    """An index of the documents seen so far; `original_of` names the one a text copies."""

    def __init__(self, known: Iterable[tuple[str, bytes]] = ()) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._order: dict[str, int] = {}
        for doc_id, sig in known:
            self.add(doc_id, sig)

    def add(self, doc_id: str, sig: bytes) -> None:
        if doc_id not in self._order:
            self._order[doc_id] = len(self._order)
            self._lsh.insert(doc_id, _minhash(sig))

    def original_of(self, sig: bytes) -> str | None:
        found = [d for d in self._lsh.query(_minhash(sig)) if d in self._order]
        return min(found, key=self._order.__getitem__) if found else None
