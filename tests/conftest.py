"""Shared fixtures: the shared/ folder, and real database servers for the ledger suite.

The evaluation corpus beside the repository (`../shared`: gold files, the scorer, the seeds and
the Wikipedia corpus) is there in CI and absent on a user's clone. A test that needs it asks
for the `shared` fixture or carries the `needs_shared` mark. Without it those tests are not run
and the summary says so in one line; with FIGHTERFLOWS_REQUIRE_SHARED=1 (set by `.ci/run`) a
missing `../shared` stops the session before any test runs.

PostgreSQL runs for real: a throwaway cluster (initdb + pg_ctl) on a free local port with its
socket in /tmp. When the server binaries are missing the PostgreSQL tests skip with a loud
reason, except under FIGHTERFLOWS_REQUIRE_SERVICES=1 (set by `make test`), where they fail.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REQUIRE_SERVICES = os.environ.get("FIGHTERFLOWS_REQUIRE_SERVICES") == "1"
REQUIRE_SHARED = os.environ.get("FIGHTERFLOWS_REQUIRE_SHARED") == "1"
NEEDS_SHARED = "needs ../shared"


def missing_service(reason: str) -> None:
    if REQUIRE_SERVICES:
        pytest.fail(f"{reason} (required: FIGHTERFLOWS_REQUIRE_SERVICES=1)")
    pytest.skip(f"SKIPPED FOR A MISSING SERVICE: {reason}")


def _needs_shared(item: pytest.Item) -> bool:
    marked = item.get_closest_marker("needs_shared") is not None
    return marked or "shared" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if SHARED.is_dir():
        return
    if REQUIRE_SHARED:
        raise pytest.UsageError(f"{SHARED} not found (required: FIGHTERFLOWS_REQUIRE_SHARED=1)")
    skip = pytest.mark.skip(reason=f"{NEEDS_SHARED}: {SHARED} not found")
    for item in items:
        if _needs_shared(item):
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    skipped = terminalreporter.stats.get("skipped", [])
    count = sum(1 for r in skipped if NEEDS_SHARED in str(r.longrepr))
    if count:
        terminalreporter.write_line(
            f"not run: {count} tests that need the evaluation corpus at {SHARED} "
            "(gold scores, the seed and Wikipedia articles, peer number suites); CI runs them"
        )


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_postgres(cmd: list[str]) -> list[str]:
    # initdb refuses to run as root; as root, run the server as the postgres user.
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


class PostgresServer:
    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.port = _free_port()
        self.home = Path(tempfile.mkdtemp(prefix="ffpg-", dir="/tmp"))
        self.data = self.home / "data"
        if os.geteuid() == 0:
            shutil.chown(self.home, "postgres", "postgres")

    def start(self) -> None:
        run = {"check": True, "capture_output": True, "timeout": 120}
        subprocess.run(
            _as_postgres(
                [
                    str(self.bindir / "initdb"),
                    "-D",
                    str(self.data),
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "--no-sync",
                ]
            ),
            **run,
        )
        options = f"-p {self.port} -k {self.home} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            _as_postgres(
                [
                    str(self.bindir / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-o",
                    options,
                    "-l",
                    str(self.home / "log"),
                    "-w",
                    "start",
                ]
            ),
            **run,
        )

    def stop(self) -> None:
        subprocess.run(
            _as_postgres(
                [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]
            ),
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(self.home, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url("postgres"), autocommit=True) as c:
            c.execute(f"CREATE DATABASE {name}")
        return self.url(name)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    bindir = _pg_bin()
    if bindir is None:
        missing_service("PostgreSQL server binaries (initdb) not installed")
    assert bindir is not None
    server = PostgresServer(bindir)
    try:
        server.start()
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as error:
        server.stop()
        missing_service(f"PostgreSQL would not start: {error}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same ledger suite runs on SQLite and on a real PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database()
