"""`python -m fighterflows.extract PATH...`: print every estimate as one JSON line.

Until the CLI's `fighterflows extract PATH --format jsonl` exists, this produces the files
the scorer reads. Unreadable inputs are reported on stderr and do not stop the run.
"""

from __future__ import annotations

import sys

from fighterflows.extract import extract_document
from fighterflows.model import ReadError
from fighterflows.read import ReadOptions, read_sources


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    status = 0
    for item in read_sources(argv, ReadOptions()):
        if isinstance(item, ReadError):
            print(f"error: {item}", file=sys.stderr)
            status = 1
            continue
        for estimate in extract_document(item):
            print(estimate.to_json_line())
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
