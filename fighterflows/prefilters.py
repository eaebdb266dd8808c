"""Which prefilter judged a run, and which earlier runs a changed prefilter leaves behind.

An ingest keeps nothing of the documents its prefilter rejects, so when an extractor comes with
another prefilter (a broader one may keep what the old one skipped), the only way to those
documents is their sources: a run records a fingerprint of its prefilter's code, and an ingest
with another one names the earlier runs that skipped documents, and their sources.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache

from fighterflows.extract import VERSION, prefilter_source
from fighterflows.ledger import RunRecord

DASK = " (dask)"  # what a run on Dask adds to its command


@cache
def fingerprint() -> str:
    """A digest of the prefilter's code: any change to it, even one that keeps its verdicts,
    counts as a change (a needless re-read costs time, a missed one loses documents)."""
    try:
        code = prefilter_source()
    except (OSError, TypeError):  # installed without sources: the extractor's version it is
        code = VERSION
    return hashlib.sha256(code.encode()).hexdigest()[:16]


def sources_of(command: str) -> str:
    """The command a run was started with, as an ingest on either engine would record it."""
    return command.removesuffix(DASK)


def outdated(runs: Sequence[RunRecord], current: str) -> list[RunRecord]:
    """Finished runs whose prefilter was another one and rejected documents, whose sources no
    finished run has read again with the `current` prefilter."""
    reread = {sources_of(r.command) for r in runs if r.finished and r.prefilter == current}
    return [
        r
        for r in runs
        if r.finished
        and r.prefilter not in (None, current)
        and r.documents_prefiltered > 0
        and sources_of(r.command) not in reread
    ]
