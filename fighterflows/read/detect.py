"""Which reader a file needs: by extension (inside `.gz` too), else by its first bytes."""

from __future__ import annotations

from pathlib import PurePath

from fighterflows.read.source import Format

EXTENSIONS: dict[str, Format] = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".pdf": Format.PDF,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".csv": Format.CSV,
    ".tsv": Format.TSV,
    ".parquet": Format.PARQUET,
    ".warc": Format.WARC,
}

# Files a directory walk passes over silently: named on the command line they are still tried
# (and refused with a reason), but a folder of notes with a few images should not shout.
_SKIPPED = """
.png .jpg .jpeg .gif .webp .bmp .tif .tiff .ico .svg .mp3 .mp4 .wav .avi .mov .mkv
.zip .tar .tgz .bz2 .xz .7z .rar .exe .dll .so .dylib .o .a .pyc .class .jar .db
.sqlite .sqlite3 .woff .woff2 .ttf .otf .doc .docx .xls .xlsx .ppt .pptx .odt
"""
SKIPPED_IN_DIRECTORIES = frozenset(_SKIPPED.split())

_MAGIC: tuple[tuple[bytes, Format], ...] = (
    (b"%PDF-", Format.PDF),
    (b"WARC/", Format.WARC),
    (b"PAR1", Format.PARQUET),
)
GZIP_MAGIC = b"\x1f\x8b"


def inner_name(name: str) -> str:
    """The name without a final `.gz`: "x.jsonl.gz" → "x.jsonl"."""
    return name[:-3] if name.lower().endswith(".gz") else name


def is_gzip_name(name: str) -> bool:
    return name.lower().endswith(".gz")


def format_by_name(name: str) -> Format | None:
    """The format the extension names (after removing `.gz`), or None if it names none."""
    return EXTENSIONS.get(PurePath(inner_name(name)).suffix.lower())


def format_by_content(head: bytes) -> Format:
    """The format the first bytes suggest; text when nothing else fits."""
    for magic, fmt in _MAGIC:
        if head.startswith(magic):
            return fmt
    start = head.lstrip()[:15].lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return Format.HTML
    return Format.TEXT


def skipped_in_directory(name: str) -> bool:
    return name.startswith(".") or PurePath(inner_name(name)).suffix.lower() in (
        SKIPPED_IN_DIRECTORIES
    )


_MEDIA_TYPES: dict[str, Format] = {
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
    "text/plain": Format.TEXT,
    "text/markdown": Format.MARKDOWN,
    "text/x-markdown": Format.MARKDOWN,
    "application/pdf": Format.PDF,
}


def format_by_media_type(content_type: str | None) -> Format | None:
    """The format of an HTTP body by its Content-Type ("text/html; charset=utf-8" → HTML)."""
    if not content_type:
        return None
    return _MEDIA_TYPES.get(content_type.split(";", 1)[0].strip().lower())
