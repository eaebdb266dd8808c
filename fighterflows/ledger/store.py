"""The Ledger: documents and their estimates, written transactionally, read back as records."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import psycopg
from sqlalchemy import Engine, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.sql.elements import ColumnElement

from fighterflows.ledger import schema
from fighterflows.ledger.connect import (
    LedgerProblem,
    exclusive,
    make_engine,
    ready,
    sqlite_path,
)
from fighterflows.ledger.convert import (
    ClaimFields,
    citation,
    claim_row,
    document_info,
    row_estimate,
    stored_estimate,
)
from fighterflows.ledger.records import (
    Citation,
    DocumentInfo,
    DocumentRecord,
    Filters,
    IngestError,
    StoredEstimate,
)
from fighterflows.model import Document, Estimate
from fighterflows.ranks import DocumentRank, document_rank
from fighterflows.rows import EstimateRow, estimate_rows

D, E = schema.documents, schema.estimates
_SETTLE_LOCK = 0x66667773  # "ffws": one ingest at a time settles copies and claims


class AmbiguousId(LookupError):
    """A short id that more than one estimate's id starts with."""

    def __init__(self, prefix: str, matches: int) -> None:
        super().__init__(f"{prefix!r} is the start of {matches} estimate ids; give more of it")
        self.prefix, self.matches = prefix, matches


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class NewDocument:
    """A document ready to be stored with what was extracted from it."""

    document: Document
    estimates: Sequence[Estimate]
    extractor: str
    copy_of: str | None = None
    minhash: bytes | None = None
    provenance: Sequence[str | None] | None = None  # one per estimate, for imported tables
    # the estimates as rows, made by the worker that extracted them (`estimates` is then
    # empty: no objects cross processes); None: made from `estimates` when stored
    rows: Sequence[EstimateRow] | None = None


@dataclass(slots=True)
class RunStats:
    documents_read: int = 0
    documents_added: int = 0
    documents_skipped: int = 0  # already in the ledger
    documents_copies: int = 0
    estimates_added: int = 0
    failed: int = 0
    documents_prefiltered: int = 0  # rejected by the prefilter: counted, nothing of them kept


@dataclass(frozen=True, slots=True)
class RunRecord:
    id: int
    command: str
    extractor: str
    prefilter: str | None  # None for runs that kept every document they read
    documents_prefiltered: int
    finished: str | None  # when it finished; None while it runs (or if it was killed)


@dataclass(frozen=True, slots=True)
class SignatureRow:
    """A stored document's MinHash signature, with what ranks near-duplicates, and its mark."""

    id: str
    minhash: bytes
    name: str
    published: str | None
    copy_of: str | None


class Ledger:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, target: str, writing: bool = True) -> Ledger:
        """The ledger at `target`. A writer creates or upgrades the schema; a reader takes the
        ledger as it is and never writes (an old one asks for `fighterflows upgrade`)."""
        path = sqlite_path(target)
        if not writing and path is not None and not path.exists():
            raise LedgerProblem(f"{target}: no such ledger; create it with `fighterflows ingest`")
        engine = make_engine(target, writing)
        try:
            ready(engine, target, writing)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    # -- writes ---------------------------------------------------------------------------

    def start_run(self, command: str, extractor: str, prefilter: str | None = None) -> int:
        with self.engine.begin() as c:
            stats = {k: 0 for k in RunStats.__dataclass_fields__}
            row = {
                "command": command,
                "extractor": extractor,
                "prefilter": prefilter,
                "started": now(),
                **stats,
            }
            result = c.execute(insert(schema.runs).values(**row))
            key = result.inserted_primary_key
            assert key is not None
            return int(key[0])

    def finish_run(self, run_id: int, stats: RunStats) -> None:
        values = {k: getattr(stats, k) for k in RunStats.__dataclass_fields__}
        with self.engine.begin() as c:
            c.execute(
                update(schema.runs)
                .where(schema.runs.c.id == run_id)
                .values(finished=now(), **values)
            )

    def present(self, document_ids: Sequence[str]) -> dict[str, DocumentRank]:
        """Which of these documents the ledger holds, with the rank of the record it keeps."""
        if not document_ids:
            return {}
        with self.engine.connect() as c:
            return _ranks(c, document_ids)

    def stored_by(self, document_ids: Sequence[str]) -> dict[str, int | None]:
        """For each of these documents the ledger holds, the run that stored it."""
        if not document_ids:
            return {}
        with self.engine.connect() as c:
            query = select(D.c.id, D.c.run_id).where(D.c.id.in_(list(document_ids)))
            return {row.id: row.run_id for row in c.execute(query)}

    def add_document(self, new: NewDocument, run_id: int | None = None) -> bool:
        """Store a document and its estimates in one transaction; False if the ledger holds
        its text already, from a record that ranks as well (`document_rank`)."""
        try:
            return self.add_documents([new], run_id)[0]
        except IntegrityError:
            if new.document.content_hash not in self.present([new.document.content_hash]):
                raise  # a rule of the database refused it: say so, do not call it a duplicate
        # another writer stored the same text between our look and our write: look again
        return self.add_documents([new], run_id)[0]

    def add_documents(self, news: Sequence[NewDocument], run_id: int | None = None) -> list[bool]:
        """Store many documents in one transaction (COPY on PostgreSQL); True where written.

        A text is stored once. Of several records of it, the ledger keeps the one that ranks
        first (published first, then by name): a later record that ranks before the stored one
        takes its place, with its own estimates (its date may date them), whatever the order
        the records come in."""
        written: list[bool] = []
        chosen: dict[str, int] = {}  # content hash -> index in `news` of the record to write
        with self.engine.begin() as c:
            stored = _ranks(c, [n.document.content_hash for n in news])
            held = set(stored)
            for i, n in enumerate(news):
                h, rank = n.document.content_hash, _rank(n.document)
                better = h not in stored or rank < stored[h]
                written.append(better)
                if better:
                    if h in chosen:
                        written[chosen[h]] = False  # a better record later in the batch
                    stored[h], chosen[h] = rank, i
            writes = [news[i] for i in sorted(chosen.values())]
            replaced = [n for n in writes if n.document.content_hash in held]
            if replaced:
                _replace(c, replaced, run_id)
            doc_rows = [
                _tuple(_document_row(n, run_id))
                for n in writes
                if n.document.content_hash not in held
            ]
            est_rows = [row for n in writes for row in _estimate_rows(n)]
            for table, rows in ((D, doc_rows), (E, est_rows)):
                if rows and self.dialect == "postgresql":
                    _copy(c, table, rows)
                elif rows and self.dialect == "sqlite":
                    _insert_many(c, table, rows)
                elif rows:
                    names = [col.name for col in table.columns]
                    c.execute(insert(table), [dict(zip(names, r, strict=True)) for r in rows])
        return written

    def add_error(self, location: str, reason: str, run_id: int | None = None) -> None:
        with self.engine.begin() as c:
            c.execute(
                insert(schema.ingest_errors).values(
                    location=location, reason=reason, at=now(), run_id=run_id
                )
            )

    def signatures(self) -> Iterator[SignatureRow]:
        """Every document that has a MinHash signature (those with estimates)."""
        columns = (D.c.id, D.c.minhash, D.c.name, D.c.published, D.c.copy_of)
        with self.engine.connect() as c:
            query = select(*columns).where(D.c.minhash.is_not(None)).order_by(D.c.id)
            for row in c.execute(query):
                yield SignatureRow(row.id, row.minhash, row.name, row.published, row.copy_of)

    def mark_copies(self, marks: dict[str, str | None]) -> None:
        """Set which document each of these copies (None: an original), in one transaction."""
        if not marks:
            return
        rows = [{"key": k, "original": v} for k, v in sorted(marks.items())]
        statement = (
            update(D).where(D.c.id == bindparam("key")).values(copy_of=bindparam("original"))
        )
        with self.engine.begin() as c:
            c.execute(statement, rows)

    def stored_in_run(self, run_id: int) -> set[str]:
        """The documents (content hashes) whose stored record is the one run `run_id` wrote."""
        with self.engine.connect() as c:
            return set(c.execute(select(D.c.id).where(D.c.run_id == run_id)).scalars())

    def copies_in_run(self, run_id: int) -> int:
        with self.engine.connect() as c:
            query = select(func.count()).where(D.c.run_id == run_id, D.c.copy_of.is_not(None))
            return int(c.execute(query).scalar_one())

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """One writer at a time in here, across processes: what is read inside sees every
        write committed before it, and nobody else's derived data is written meanwhile."""
        with exclusive(self.engine, _SETTLE_LOCK):
            yield

    def replace_claims(self, claims: Iterable[ClaimFields]) -> None:
        rows = [claim_row(claim) for claim in claims]
        with self.engine.begin() as c:
            c.execute(schema.claims.delete())
            if rows:
                c.execute(insert(schema.claims), list(rows))

    # -- reads ----------------------------------------------------------------------------

    def estimates(
        self, filters: Filters = Filters(), besides_run: int | None = None
    ) -> list[StoredEstimate]:
        """The stored estimates `filters` selects, by document name and order in the document;
        `besides_run`: only those of documents another run (or none) stored."""
        conditions = estimate_conditions(filters)
        if besides_run is not None:
            conditions.append(or_(D.c.run_id.is_(None), D.c.run_id != besides_run))
        query = (
            select(E, D.c.name, D.c.published, D.c.copy_of)
            .join(D, D.c.id == E.c.document_id)
            .where(*conditions)
            .order_by(D.c.name, E.c.document_id, E.c.seq)
        )
        with self.engine.connect() as c:
            rows = c.execute(query).all()  # one fetch; rows read by position, not by name
        n = len(E.columns)  # then the document's name, date and copy mark
        return [
            StoredEstimate(r[0], r[1], row_estimate(r, r[n]), r[3], r[n + 1], r[n + 2], r[4])
            for r in rows
        ]

    def estimate(self, estimate_id: str) -> StoredEstimate | None:
        """The estimate with this id, or the one whose id starts with it; AmbiguousId when
        several do (a prefix must be unique, as the docs promise)."""
        if not estimate_id:
            return None
        base = select(E, D.c.name, D.c.published, D.c.copy_of).join(D, D.c.id == E.c.document_id)
        with self.engine.connect() as c:
            row = c.execute(base.where(E.c.id == estimate_id)).first()
            if row is None:
                prefixed = E.c.id.startswith(estimate_id, autoescape=True)
                rows = c.execute(base.where(prefixed).limit(2)).all()
                if len(rows) > 1:
                    n = c.execute(select(func.count()).where(prefixed)).scalar_one()
                    raise AmbiguousId(estimate_id, n)
                row = rows[0] if rows else None
        return stored_estimate(dict(row._mapping)) if row else None

    def documents(
        self, search: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[DocumentInfo]:
        with self.engine.connect() as c:
            rows = c.execute(_documents_query(search).limit(limit).offset(offset))
            return [document_info(dict(r._mapping)) for r in rows]

    def document(self, key: str) -> DocumentRecord | None:
        query = _documents_query(None).add_columns(D.c.text, D.c.pages)
        query = query.where(or_(D.c.id == key, D.c.name == key)).limit(1)
        with self.engine.connect() as c:
            row = c.execute(query).first()
        if row is None:
            return None
        pages = tuple(json.loads(row.pages)) if row.pages else ()
        return DocumentRecord(info=document_info(dict(row._mapping)), text=row.text, pages=pages)

    def runs(self) -> list[RunRecord]:
        r = schema.runs
        columns = (
            r.c.id,
            r.c.command,
            r.c.extractor,
            r.c.prefilter,
            r.c.documents_prefiltered,
            r.c.finished,
        )
        with self.engine.connect() as c:
            rows = c.execute(select(*columns).order_by(r.c.id))
            return [
                RunRecord(
                    row.id,
                    row.command,
                    row.extractor,
                    row.prefilter,
                    int(row.documents_prefiltered or 0),
                    row.finished,
                )
                for row in rows
            ]

    def claim_estimates(self, claim_id: str) -> list[str] | None:
        """The ids of the estimates that state a claim (as the last ingest grouped them), or
        None for no such claim."""
        t = schema.claims
        with self.engine.connect() as c:
            found = c.execute(select(t.c.estimate_ids).where(t.c.id == claim_id)).scalar()
        return None if found is None else [str(x) for x in json.loads(found)]

    def citations(self) -> dict[str, Citation]:
        """What cites each document that has an estimate, by document id (the content hash):
        one query, no text read."""
        has_estimates = select(E.c.id).where(E.c.document_id == D.c.id).exists()
        query = select(
            D.c.id, D.c.name, D.c.title, D.c.uri, D.c.published, *CITATION_COLUMNS
        ).where(has_estimates)
        with self.engine.connect() as c:
            return {r.id: citation(dict(r._mapping)) for r in c.execute(query)}

    def errors(self) -> list[IngestError]:
        t = schema.ingest_errors
        with self.engine.connect() as c:
            rows = c.execute(select(t.c.location, t.c.reason, t.c.at).order_by(t.c.id))
            return [IngestError(r.location, r.reason, r.at) for r in rows]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as c:

            def count(table: Any) -> int:
                return int(c.execute(select(func.count()).select_from(table)).scalar_one())

            return {
                "documents": count(D),
                "estimates": count(E),
                "errors": count(schema.ingest_errors),
                "runs": count(schema.runs),
            }


def _rank(d: Document) -> DocumentRank:
    return document_rank(d.published, d.id, d.uri, d.title)


def _ranks(connection: Any, document_ids: Sequence[str]) -> dict[str, DocumentRank]:
    columns = (D.c.id, D.c.published, D.c.name, D.c.uri, D.c.title)
    query = select(*columns).where(D.c.id.in_(list(document_ids)))
    return {
        r.id: document_rank(r.published, r.name, r.uri, r.title) for r in connection.execute(query)
    }


def _replace(connection: Any, news: Sequence[NewDocument], run_id: int | None) -> None:
    """The stored record of each text becomes this one, in place (others may refer to the
    document by its id); its estimates are written again by the caller."""
    ids = [n.document.content_hash for n in news]
    connection.execute(delete(E).where(E.c.document_id.in_(ids)))
    # in the order of their ids, as settling marks copies (`mark_copies`): two ingests at
    # once then lock the rows they both update in one order, and neither waits on the other
    # in a circle (PostgreSQL aborted one as deadlocked)
    for n in sorted(news, key=lambda n: n.document.content_hash):
        row = _document_row(n, run_id)
        connection.execute(update(D).where(D.c.id == row.pop("id")).values(**row))


def _document_row(new: NewDocument, run_id: int | None) -> dict[str, Any]:
    d = new.document
    return {
        "id": d.content_hash,
        "name": d.id,
        "uri": d.uri,
        "title": d.title,
        "published": d.published,
        "text": d.text,
        "pages": json.dumps(list(d.pages)) if d.pages else None,
        "copy_of": new.copy_of,
        "minhash": new.minhash,
        "extractor": new.extractor,
        "run_id": run_id,
        "ingested_at": now(),
        "outlet": d.outlet,
        "author": d.author,
        "url": d.url,
        "accessed": d.accessed,
    }


def _tuple(row: dict[str, Any]) -> tuple[Any, ...]:
    """A document row in the table's column order."""
    return tuple(row.get(name) for name in _DOCUMENT_COLUMNS)


_DOCUMENT_COLUMNS = tuple(col.name for col in D.columns)


def _estimate_rows(new: NewDocument) -> Sequence[EstimateRow]:
    if new.rows is not None:
        return new.rows
    return estimate_rows(new.document.content_hash, new.estimates, new.extractor, new.provenance)


def estimate_conditions(f: Filters) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    pairs = (
        (E.c.place, f.place),
        (E.c.flow, f.flow),
        (E.c.population, f.population),
        (E.c.scope, f.scope),
    )
    for column, value in pairs:
        if value:
            conds.append(column == value)
    if f.source:
        conds.append(func.lower(E.c.source).contains(f.source.lower(), autoescape=True))
    if f.document:
        conds.append(or_(D.c.id == f.document, D.c.name == f.document))
    if f.as_of:
        # "~" sorts after digits and "-": "2017" and "2017-06" count as on or before 2017-06-01.
        bound = f.as_of + "~"
        conds.append(func.coalesce(E.c.as_of, D.c.published) <= bound)
        conds.append(func.coalesce(D.c.published, E.c.as_of) <= bound)
    return conds


CITATION_COLUMNS = (
    D.c.outlet,
    D.c.author,
    D.c.url,
    D.c.accessed,
    D.c.pages.is_not(None).label("paged"),
)


def _documents_query(search: str | None) -> Any:
    n = (
        select(func.count())
        .where(E.c.document_id == D.c.id)
        .correlate(D)
        .scalar_subquery()
        .label("n_estimates")
    )
    query = select(
        D.c.id,
        D.c.name,
        D.c.uri,
        D.c.title,
        D.c.published,
        D.c.copy_of,
        n,
        func.length(D.c.text).label("chars"),
        *CITATION_COLUMNS,
    ).order_by(D.c.name)
    if search:
        query = query.where(document_matches(search))
    return query


def document_matches(search: str) -> ColumnElement[bool]:
    """A document whose name or title holds `search`, any case; '%' and '_' are letters here,
    not wildcards."""
    words = search.lower()
    return or_(
        func.lower(D.c.name).contains(words, autoescape=True),
        func.lower(D.c.title).contains(words, autoescape=True),
    )


def _insert_many(connection: Any, table: Any, rows: Sequence[tuple[Any, ...]]) -> None:
    """SQLite's executemany with the rows as they are (values in the table's column order):
    our values are the driver's own types (text, numbers, bytes, booleans), and SQLAlchemy's
    processing of each parameter set was a third of the ingest process's time on a bulk load."""
    columns = [col.name for col in table.columns]
    names = ", ".join(f'"{n}"' for n in columns)
    marks = ", ".join("?" for _ in columns)
    statement = f"INSERT INTO {table.name} ({names}) VALUES ({marks})"
    connection.exec_driver_sql(statement, list(rows))  # a list: many rows, not one


def _copy(connection: Any, table: Any, rows: Sequence[tuple[Any, ...]]) -> None:
    """PostgreSQL's COPY, inside the caller's transaction: the fast path for bulk loads."""
    columns = [col.name for col in table.columns]
    names = ", ".join(f'"{n}"' for n in columns)
    raw = connection.connection.driver_connection
    statement = f"COPY {table.name} ({names}) FROM STDIN"
    try:
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    except psycopg.Error as error:
        # Callers handle database errors as SQLAlchemy's, whichever path wrote the rows.
        raise DBAPIError(statement, None, error) from error
