"""The data layer: the same storage tests on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import sqlite3
import stat
import threading
from pathlib import Path
from typing import Any

import pytest
from _store_helpers import database_url, postgres_server  # noqa: F401  (fixtures)
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from assistant.config import Settings
from assistant.errors import ConfigError, NotFoundError, StoreError
from assistant.store import Database, DraftStore, normalise_url
from assistant.store.actions import list_items, set_status
from assistant.store.models import Base, RevisionRow

HEAD = "0002"
DRAFT: dict[str, Any] = {
    "title": "Checkout 502s after certificate expiry",
    "summary": "The edge proxy served an expired certificate.",
    "action_items": [
        {"description": "Alert 14 days before any certificate expires", "owner": "dana", "due": "2026-04-01",
         "priority": "high", "kind": "detect", "refs": ["chat.txt:80"]},
        {"description": "Move HAProxy certs to the managed issuer", "owner": None, "due": None,
         "priority": "medium", "kind": "prevent", "refs": []},
    ],
}  # fmt: skip


def test_drafts_survive_reopen_with_title_inputs_and_timeline(database_url: str) -> None:  # noqa: F811
    store = DraftStore(database_url)
    draft_id = store.create(title="t", draft=DRAFT, inputs={"pasted": "hello"}, timeline={"events": [1, 2]})
    store.update_draft(draft_id, lambda d: d.update(summary="edited summary text"))
    store.close()
    again = DraftStore(database_url)
    rec = again.get(draft_id)
    assert rec is not None
    assert rec.draft["summary"] == "edited summary text"
    assert rec.inputs == {"pasted": "hello"}
    assert rec.timeline == {"events": [1, 2]}
    assert rec.title == DRAFT["title"]  # the title follows the draft's title
    assert rec.version == 2 and rec.status == "draft"
    assert rec.created.tzinfo is not None and rec.updated >= rec.created
    assert [r.id for r in again.list()] == [draft_id]
    assert again.list()[0].timeline is None  # the list leaves timelines out
    again.close()


def test_list_is_most_recent_first_and_delete_removes_history_and_items(database_url: str) -> None:  # noqa: F811
    store = DraftStore(database_url)
    first = store.create(draft={"title": "first"})
    second = store.create(draft=DRAFT)
    store.save(first, draft={"title": "first, edited"})
    assert [r.id for r in store.list()] == [first, second]
    store.delete(second)
    assert store.get(second) is None
    with store.db.session() as s:
        assert list_items(s) == []
        assert s.query(RevisionRow).filter_by(draft_id=second).count() == 0
    with pytest.raises(NotFoundError, match="no draft with id"):
        store.save(second, draft={})
    store.close()


def test_concurrent_edits_from_threads_are_all_kept(database_url: str) -> None:  # noqa: F811
    store = DraftStore(database_url)
    draft_id = store.create(draft={"open_questions": []})

    def add(n: int) -> None:
        for i in range(10):
            store.update_draft(draft_id, lambda d, n=n, i=i: d["open_questions"].append(f"q{n}-{i}"))

    threads = [threading.Thread(target=add, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rec = store.get(draft_id)
    assert rec is not None
    assert sorted(rec.draft["open_questions"]) == sorted(f"q{n}-{i}" for n in range(6) for i in range(10))
    assert rec.version == 61
    store.close()


def test_two_instances_on_one_database_share_state_and_lose_no_edit(database_url: str) -> None:  # noqa: F811
    # Two UI instances behind a load balancer: separate engines, one database.
    a, b = DraftStore(database_url), DraftStore(database_url)
    draft_id = a.create(draft={"open_questions": []})
    assert b.get(draft_id) is not None

    def add(store: DraftStore, tag: str) -> None:
        for i in range(10):
            store.update_draft(draft_id, lambda d, i=i: d["open_questions"].append(f"{tag}{i}"))

    threads = [threading.Thread(target=add, args=(s, tag)) for s, tag in ((a, "a"), (b, "b"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rec = a.get(draft_id)
    assert rec is not None and len(rec.draft["open_questions"]) == 20
    a.close()
    b.close()


def test_migrated_schema_matches_the_models(database_url: str) -> None:  # noqa: F811
    db = Database(database_url)
    assert db.current_revision() == HEAD
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), Base.metadata)
    assert diff == []
    db.upgrade()  # a second start migrates nothing and fails nothing
    db.dispose()


def test_action_items_keep_their_status_through_edits_and_follow_the_draft(database_url: str) -> None:  # noqa: F811
    store = DraftStore(database_url)
    draft_id = store.create(draft=DRAFT)
    with store.db.session() as s:
        items = list_items(s, draft_id=draft_id)
        assert [it.description for it in items] == [a["description"] for a in DRAFT["action_items"]]
        assert items[0].due is not None and items[0].due.isoformat() == "2026-04-01"
        set_status(s, items[0].id, "in progress")
        set_status(s, items[1].id, "done")
    first_id = items[0].id

    def edit(d: dict) -> None:
        d["action_items"][0]["description"] = (
            "Alert 21 days before any certificate expires"  # reworded in place
        )
        d["action_items"].reverse()  # and moved
        d["action_items"].append({"description": "Document the renewal runbook", "owner": "erin"})

    store.update_draft(draft_id, edit)
    with store.db.session() as s:
        by_text = {it.description: it for it in list_items(s, draft_id=draft_id)}
    assert by_text["Move HAProxy certs to the managed issuer"].status == "done"
    assert by_text["Move HAProxy certs to the managed issuer"].closed_at is not None
    reworded = by_text["Alert 21 days before any certificate expires"]
    assert (reworded.id, reworded.status) == (first_id, "in_progress")
    assert by_text["Document the renewal runbook"].status == "open"

    store.update_draft(draft_id, lambda d: d.update(action_items=d["action_items"][:1]))
    with store.db.session() as s:
        assert [it.description for it in list_items(s)] == ["Move HAProxy certs to the managed issuer"]
        with pytest.raises(StoreError, match="use one of: open, in_progress, done, wont_do"):
            set_status(s, by_text["Move HAProxy certs to the managed issuer"].id, "finished")
    store.close()


def test_sqlite_file_is_private_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "new-home" / "drafts.sqlite3"
    store = DraftStore(path)
    store.create(draft={"title": "x"})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_a_store_written_by_the_first_sqlite_version_is_adopted(tmp_path: Path) -> None:
    path = tmp_path / "drafts.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE drafts (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', created TEXT NOT NULL,"
        " updated TEXT NOT NULL, draft TEXT NOT NULL DEFAULT '{}', inputs TEXT NOT NULL DEFAULT '{}', timeline TEXT);"
        "CREATE INDEX drafts_updated ON drafts(updated);"
        "INSERT INTO drafts VALUES ('abc123', 'Old one', '2026-03-01T10:00:00.000000+00:00',"
        ' \'2026-03-01T11:00:00.000000+00:00\', \'{"title": "Old one", "summary": "kept"}\', \'{}\', NULL);'
    )
    conn.commit()
    conn.close()
    store = DraftStore(path)
    rec = store.get("abc123")
    assert rec is not None
    assert (rec.title, rec.draft["summary"], rec.version, rec.status) == ("Old one", "kept", 1, "draft")
    assert rec.updated.isoformat() == "2026-03-01T11:00:00+00:00"
    store.update_draft("abc123", lambda d: d.update(summary="still editable"))
    assert store.db.current_revision() == HEAD
    store.close()


def test_settings_choose_sqlite_in_home_unless_a_database_url_is_set(tmp_path: Path) -> None:
    assert Settings(home=tmp_path).database == f"sqlite:///{tmp_path / 'drafts.sqlite3'}"
    shared = Settings(home=tmp_path, database_url="postgres://pm:secret@db:5432/postmortem")  # type: ignore[arg-type]
    url = normalise_url(shared.database)
    assert url.drivername == "postgresql+psycopg" and url.host == "db"
    assert "secret" not in repr(shared)


def test_unsupported_or_unreachable_databases_say_how_to_fix_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="only postgresql"):
        Database("mysql://u@h/db")
    port = _closed_port()
    with pytest.raises(StoreError, match="POSTMORTEM_DATABASE_URL") as info:
        Database(f"postgresql://pm:hunter2@127.0.0.1:{port}/postmortem")
    assert "hunter2" not in str(info.value)


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_database_at_an_older_revision_upgrades_and_keeps_its_drafts(database_url: str) -> None:  # noqa: F811
    old = Database(database_url, migrate=False)
    old.upgrade("0001")
    with old.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO drafts (id, title, created, updated, draft, inputs, version, status)"
            " VALUES ('d1', 'Kept', '2026-03-01T10:00:00+00:00', '2026-03-01T10:00:00+00:00', '{}', '{}', 1, 'draft')"
        )
    old.dispose()
    store = DraftStore(database_url)  # opening migrates to the newest revision
    assert store.db.current_revision() == HEAD
    rec = store.get("d1")
    assert rec is not None and rec.title == "Kept"
    store.set_library_id("d1", "kept-d1")
    store.close()
