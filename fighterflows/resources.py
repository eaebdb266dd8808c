"""Files the package ships: the sample corpus that `fighterflows demo` ingests."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_corpus() -> Path:
    """The folder of bundled sample articles (our own words, published figures)."""
    return Path(str(resources.files("fighterflows") / "data" / "sample"))
