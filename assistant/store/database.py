"""Open the database: SQLite in the data directory by default, PostgreSQL when a URL says so.

Every ``Database`` migrates to the newest Alembic revision when it opens, so a new version of
the product upgrades an existing data directory or shared database on first start. On
PostgreSQL an advisory lock keeps several UI instances starting at once from migrating twice.

SQLite decisions: the file is created 0600 in a directory created 0700 (drafts quote incident
chat); WAL lets readers run beside the writer; every transaction starts with ``BEGIN IMMEDIATE``
so two writers queue on the busy timeout instead of failing halfway through a read-modify-write.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from assistant.errors import ConfigError, StoreError

# Any fixed number works; it only has to be the same in every process sharing the database.
_MIGRATION_LOCK_KEY = 7_346_115_503


def normalise_url(url: str | Path) -> URL:
    """A SQLAlchemy URL: a path means a SQLite file; ``postgres(ql)://`` uses psycopg 3."""
    if isinstance(url, Path) or "://" not in str(url):
        return URL.create("sqlite", database=str(Path(url).expanduser()))
    try:
        parsed = make_url(str(url))
    except ArgumentError as exc:
        raise ConfigError(
            f"POSTMORTEM_DATABASE_URL is not a database URL ({exc}); "
            "use e.g. postgresql://user:password@host:5432/postmortem"
        ) from None
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigError(
            f"POSTMORTEM_DATABASE_URL uses {parsed.get_backend_name()!r}; "
            "only postgresql://… and sqlite:///… are supported"
        )
    return parsed


def _prepare_sqlite_file(path: Path) -> None:
    """Create the folder 0700 and the file 0600 before SQLite does (it would use the umask)."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
        os.chmod(path.parent, 0o700)  # mkdir's mode is masked by the umask
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
        os.chmod(path, 0o600)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _sqlite_begin)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """One engine and session factory over the drafts database, migrated to the newest revision."""

    def __init__(self, url: str | Path, *, migrate: bool = True) -> None:
        """Open the database at ``url`` (SQLite path or URL), migrating it to the current schema."""
        self.url = normalise_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        kwargs: dict[str, Any] = {}
        if self.is_sqlite:
            if self.url.database and self.url.database != ":memory:":
                _prepare_sqlite_file(Path(self.url.database))
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            kwargs["pool_pre_ping"] = True  # a load balancer's idle timeout closes connections
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # SQLite: threads of one process queue here rather than on the busy timeout.
        # PostgreSQL: row locks (SELECT … FOR UPDATE) order writers across processes.
        self.write_lock = threading.RLock()
        if migrate:
            self.upgrade()

    @property
    def display_url(self) -> str:
        """The URL without its password, for messages."""
        return self.url.render_as_string(hide_password=True)

    def upgrade(self, revision: str = "head") -> None:
        """Migrate the schema to ``revision`` (the newest by default)."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(resources.files("assistant.store") / "migrations"))
        try:
            with self.engine.begin() as conn:
                if not self.is_sqlite:
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK_KEY})
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
        except OperationalError as exc:
            raise StoreError(
                f"cannot open the drafts database at {self.display_url}: {exc.orig}; "
                "check POSTMORTEM_DATABASE_URL (server running, user and password right) "
                "or unset it to use SQLite in POSTMORTEM_HOME"
            ) from None

    def current_revision(self) -> str | None:
        """The Alembic revision the database is at."""
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        lock: AbstractContextManager[Any] = self.write_lock if self.is_sqlite else nullcontext()
        with lock, self._sessions.begin() as s:
            yield s

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
