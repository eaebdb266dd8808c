"""One corpus record (a JSON object, a CSV row, a Parquet row) → a Document or a ReadError."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fighterflows.model import Document, ReadError
from fighterflows.read.citing import Origin, declared
from fighterflows.read.dates import normalise_date
from fighterflows.read.options import ReadOptions
from fighterflows.read.source import ReadResult, Source
from fighterflows.read.textio import normalise_newlines

TEXT_FIELDS = ("text", "body", "content")
# NewsAPI's `publishedAt` and news-please's `date_publish` too; the other citation fields
# (title, outlet, author, url, accessed) are in data/citation_fields.yaml.
DATE_FIELDS = (
    "date",
    "published",
    "pubDate",
    "published_at",
    "publish_date",
    "datePublished",
    "publishedAt",
    "date_publish",
)
ID_FIELDS = ("id", "url")
URL_FIELDS = ("url", "uri", "link")


@dataclass(frozen=True, slots=True)
class Fields:
    """The field names looked for, in order; an option replaces the defaults."""

    text: tuple[str, ...]
    date: tuple[str, ...]
    id: tuple[str, ...]

    @classmethod
    def from_options(cls, options: ReadOptions) -> Fields:
        return cls(
            text=(options.text_field,) if options.text_field else TEXT_FIELDS,
            date=(options.date_field,) if options.date_field else DATE_FIELDS,
            id=(options.id_field,) if options.id_field else ID_FIELDS,
        )

    def missing_text(self) -> str:
        return f"looked for: {', '.join(self.text)}"


def first_field(record: Mapping[str, Any], names: tuple[str, ...]) -> tuple[str, Any] | None:
    """The first of `names` whose value is present and not empty."""
    for name in names:
        value = record.get(name)
        if value is not None and value != "":
            return name, value
    return None


def record_document(
    record: Mapping[str, Any],
    *,
    source: Source,
    at: str,
    fields: Fields,
    options: ReadOptions,
) -> ReadResult:
    """A Document for `record`; `at` is its line or row number, used for errors and ids."""
    where = f"{source.where}:{at}"
    text = record_text(record, where, fields, options)
    if isinstance(text, ReadError):
        return text
    document = Document(
        id=_text_of(first_field(record, fields.id)) or f"{source.name}:{at}",
        text=text,
        uri=_text_of(first_field(record, URL_FIELDS)) or source.uri,
        published=normalise_date(_value_of(first_field(record, fields.date))),
    )
    return declared(record, Origin.CORPUS).fill(document)


def record_text(
    record: Mapping[str, Any], where: str, fields: Fields, options: ReadOptions
) -> str | ReadError:
    """The text the record's Document would hold, checked and normalised, or why it has none.
    Cheaper than the Document: an ingest judges a record by its text before making one."""
    found = first_field(record, fields.text)
    if found is None:
        return ReadError(where, f"record has no text field ({fields.missing_text()})")
    name, value = found
    if not isinstance(value, str):
        return ReadError(where, f"field {name!r} is not text ({type(value).__name__})")
    if len(value) > options.max_chars:
        return ReadError(where, f"text longer than {options.max_chars:,} characters")
    text = normalise_newlines(value).strip()
    if not text:
        return ReadError(where, f"field {name!r} is empty")
    return text


def _value_of(found: tuple[str, Any] | None) -> Any:
    return None if found is None else found[1]


def _text_of(found: tuple[str, Any] | None) -> str | None:
    if found is None or isinstance(found[1], dict | list):
        return None
    return str(found[1]).strip() or None
