"""Opening a ledger: a file path means SQLite (WAL), a URL means that database."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect, text

MIGRATIONS = Path(__file__).with_name("migrations")


def database_url(target: str) -> str:
    if "://" in target:
        if target.startswith("postgresql://"):
            # psycopg 3 is the driver we ship; plain postgresql:// would ask for psycopg2.
            return "postgresql+psycopg://" + target.removeprefix("postgresql://")
        return target
    return f"sqlite:///{Path(target).expanduser()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets a reader (the web app, `table`) see a consistent ledger while an ingest writes;
    # it is stored in the file, so the writer that creates the ledger sets it once for all.
    cursor.execute("PRAGMA journal_mode=WAL")
    _reader_pragmas(dbapi_connection, _record)
    cursor.close()


def _reader_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def sqlite_path(target: str) -> Path | None:
    """The file of a SQLite ledger; None for a server URL or an in-memory database."""
    url = database_url(target)
    path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else ""
    return Path(path) if path and path != ":memory:" else None


def make_engine(target: str, writing: bool = True) -> Engine:
    url = database_url(target)
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            parent = Path(path).parent
            if not parent.exists():
                raise FileNotFoundError(f"{path}: the folder {parent} does not exist")
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas if writing else _reader_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


class LedgerProblem(Exception):
    """A database that is not a ledger this version can use as it stands; says what to do."""


OUR_TABLES = frozenset({"documents", "estimates"})


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def revisions() -> tuple[str, list[str]]:
    """The head revision and every revision this version knows."""
    script = ScriptDirectory.from_config(_config())
    return str(script.get_current_head()), [r.revision for r in script.walk_revisions()]


def schema_state(engine: Engine) -> tuple[str | None, set[str]]:
    """The ledger's alembic revision (None when it has none) and the tables it holds."""
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        current = MigrationContext.configure(connection).get_current_revision()
    return current, tables


def check_schema(engine: Engine, target: str, writing: bool) -> bool:
    """Whether the ledger needs migrating; a LedgerProblem when it must not be touched: a
    database with tables of its own, one made by a newer version, or an old one opened by a
    command that only reads."""
    current, tables = schema_state(engine)
    head, known = revisions()
    if current is None:
        if tables - {"alembic_version"}:
            listed = ", ".join(sorted(tables)[:5])
            raise LedgerProblem(
                f"{target} is not a fighterflows ledger (it holds other tables: {listed}); "
                "it was left untouched"
            )
        if not writing:
            raise LedgerProblem(
                f"{target} holds no ledger yet; create it with `fighterflows ingest`"
            )
        return True
    if current not in known:
        raise LedgerProblem(
            f"{target} was made by a newer fighterflows (schema revision {current}, this one "
            f"knows up to {head}); upgrade fighterflows to read it"
        )
    if current != head and not writing:
        raise LedgerProblem(
            f"{target} has an older schema (revision {current}, now {head}); run "
            f"`fighterflows upgrade --db {target}` (or an ingest, which upgrades it) first"
        )
    return current != head


def ready(engine: Engine, target: str, writing: bool) -> None:
    """Check the ledger's schema and, for a writer, bring it to the latest migration. Writers
    take turns on SQLite from the check on: its DDL commits statement by statement, so a
    writer checking while another makes a new ledger would see half a schema, tables without
    a revision, and take it for someone else's database."""
    if not writing:
        check_schema(engine, target, writing)
        return
    with _one_at_a_time(engine):
        if check_schema(engine, target, writing):
            _upgrade(engine)


def _upgrade(engine: Engine) -> None:
    """Bring the schema to the latest migration (a no-op when it is there already)."""
    config = _config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # held until this transaction ends; the next migrator waits, then finds head
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


_LOCK_KEY = 0x66667766  # "ffwf": one advisory lock for fighterflows' migrations


@contextmanager
def exclusive(engine: Engine, key: int) -> Iterator[None]:
    """One process at a time (among those asking for `key`): on PostgreSQL a session advisory
    lock, held on a connection of its own; on SQLite the flock of the ledger file."""
    if engine.dialect.name != "postgresql":
        with _one_at_a_time(engine):
            yield
        return
    with engine.connect() as holder:
        holder.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
        holder.commit()
        try:
            yield
        finally:
            holder.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
            holder.commit()


@contextmanager
def _one_at_a_time(engine: Engine) -> Iterator[None]:
    """On SQLite, an exclusive lock on the ledger file itself (an flock, which SQLite's own
    locks ignore); elsewhere the database's lock does it. Not re-entrant."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    handle = _lock_handle(database)
    fcntl.flock(handle, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)


_HANDLES: dict[str, BinaryIO] = {}


def _lock_handle(database: str) -> BinaryIO:
    """The file opened once and kept open for the life of the process: closing a descriptor
    of a file drops every POSIX lock the process holds on it, SQLite's own included, and a
    connection that lost its lock may see its write-ahead log removed under it."""
    key = os.path.realpath(database)
    handle = _HANDLES.get(key)
    if handle is None or not _still(handle, database):
        if handle is not None:
            _REPLACED.append(handle)  # a file since removed: kept open all the same
        handle = _HANDLES[key] = open(database, "ab")  # noqa: SIM115 - kept open on purpose
    return handle


_REPLACED: list[BinaryIO] = []


def _still(handle: BinaryIO, database: str) -> bool:
    """Whether `handle` is the file at `database` now (not one removed and made again)."""
    try:
        now, held = os.stat(database), os.fstat(handle.fileno())
    except OSError:
        return False
    return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)
