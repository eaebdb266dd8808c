"""The extractor's VERSION is tied to its output: a change in what it extracts from the bundled
corpus or the case tables without a new VERSION fails here."""

from __future__ import annotations

from fighterflows.extract import VERSION
from tests.extractor_digest import DIGEST_FILE, digest


def test_output_never_changes_under_the_same_version() -> None:
    version, recorded = DIGEST_FILE.read_text(encoding="utf-8").split()
    current = digest()
    advice = (
        "the extractor's output changed: bump VERSION in fighterflows/extract/__init__.py, "
        "then run `python -m tests.extractor_digest > tests/extractor-digest.txt`"
    )
    if current != recorded:
        assert version != VERSION, advice
    assert (version, recorded) == (VERSION, current), advice
