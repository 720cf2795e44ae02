"""A real PostgreSQL server for the storage tests, and a fixture running each test on both backends.

The server is Debian's ``postgresql`` package (``scripts/setup --test`` installs it), started once
per session in a temporary folder on a free loopback port. ``initdb`` and ``pg_ctl`` refuse to
run as root, so as root they run as the ``postgres`` user the package creates. Set
``POSTMORTEM_TEST_DATABASE_URL`` to use a server that is already running instead.
"""

from __future__ import annotations

import glob
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_USER = "pm"


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).parent if pg_ctl else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(cmd: list[str], *, as_postgres: bool) -> None:
    if as_postgres:
        cmd = ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(cmd)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server for this test session (maintenance database ``postgres``)."""
    given = os.environ.get("POSTMORTEM_TEST_DATABASE_URL")
    if given:
        yield given
        return
    bindir = _bindir()
    if bindir is None:
        pytest.skip(
            "PostgreSQL server binaries not found (run scripts/setup --test, or apt-get install postgresql)"
        )
    as_postgres = os.geteuid() == 0
    if as_postgres:
        try:
            pg = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip(
                "running as root and there is no 'postgres' user for initdb (apt-get install postgresql)"
            )
    tmp = Path(tempfile.mkdtemp(prefix="pm-pg-"))
    data = tmp / "data"
    if as_postgres:
        os.chown(tmp, pg.pw_uid, pg.pw_gid)
    port = _free_port()
    try:
        _run(
            [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", PG_USER, "-E", "UTF8"],
            as_postgres=as_postgres,
        )
        opts = f"-k {tmp} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off"
        _run([str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(tmp / "log"), "-w", "start"],
             as_postgres=as_postgres)  # fmt: skip
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        detail = getattr(exc, "stderr", b"") or b""
        pytest.skip(f"could not start PostgreSQL from {bindir}: {detail.decode(errors='replace')[-300:]}")
    url = f"postgresql://{PG_USER}@127.0.0.1:{port}/postgres"
    try:
        yield url
    finally:
        try:
            _run(
                [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], as_postgres=as_postgres
            )
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def fresh_postgres_database(server_url: str) -> str:
    """Create an empty database on the test server and return its URL."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with psycopg.connect(server_url, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            break
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    return server_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on a SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store' / 'drafts.sqlite3'}"
    return fresh_postgres_database(request.getfixturevalue("postgres_server"))
