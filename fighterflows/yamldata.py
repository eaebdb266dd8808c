"""The extractor's YAML data files, parsed by libyaml where PyYAML was built with it.

PyYAML's pure-Python parser takes about half a second over sources.yaml, a large part of
the extractor's start (paid again by every process of an ingest and every CLI run); libyaml
reads the same file in a few milliseconds. Both give the same data for every data file
(tests/test_lexicon_data.py), and the pure-Python parser stays the fallback.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)


def parse(text: str) -> Any:
    """The data of a YAML document, with YAML's safe constructors only (as `yaml.safe_load`)."""
    return yaml.load(text, Loader=_LOADER)
