"""How a reader says that a whole file cannot be read.

Readers raise `ReadFailure` with a one-line reason; the dispatcher in `sources` turns it into a
`ReadError` naming the file and carries on with the next one. Errors about one record of a
corpus are yielded directly as `ReadError`s, so the rest of the corpus is still read.
"""

from __future__ import annotations

import errno

from fighterflows.model import ReadError

__all__ = ["ReadError", "ReadFailure", "describe_os_error"]


class ReadFailure(Exception):
    """A file cannot be read; `reason` is one human line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_OS_REASONS = {
    errno.ENOENT: "no such file or directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "is a directory",
    errno.ENOTDIR: "not a directory",
    errno.ELOOP: "too many levels of symbolic links",
}


def describe_os_error(error: OSError) -> str:
    """One line for an OSError, without the file name (the ReadError names it)."""
    if error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    return error.strerror or str(error) or type(error).__name__
