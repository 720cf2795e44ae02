"""Alembic environment: runs on the connection that ``assistant.store.database`` hands over.

Used by ``upgrade()`` in-process (every store opens at the newest revision) and by the
``alembic`` command for authoring new revisions: ``alembic -c assistant/store/migrations/alembic.ini revision -m "..."``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from assistant.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # the alembic command line: the URL comes from POSTMORTEM_DATABASE_URL or the data directory
    from assistant.config import get_settings

    engine = create_engine(get_settings().database)
    with engine.begin() as conn:
        _run(conn)
