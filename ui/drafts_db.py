"""SQLite autosave for drafts: every edit lands here, so a server restart loses nothing.

One table, ``drafts``: id, title, created, updated, the draft JSON, the inputs JSON and the
timeline JSON (kept so one section can be regenerated after a restart). WAL mode lets readers
run beside the writer; one lock serialises read-modify-write updates from Gradio's worker threads.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    id       TEXT PRIMARY KEY,
    title    TEXT NOT NULL DEFAULT '',
    created  TEXT NOT NULL,
    updated  TEXT NOT NULL,
    draft    TEXT NOT NULL DEFAULT '{}',
    inputs   TEXT NOT NULL DEFAULT '{}',
    timeline TEXT
);
CREATE INDEX IF NOT EXISTS drafts_updated ON drafts(updated);
"""


@dataclass
class DraftRecord:
    """One stored draft: the postmortem JSON, what it was made from, and when."""

    id: str
    title: str
    created: datetime
    updated: datetime
    draft: dict[str, Any] = field(default_factory=dict)
    inputs: dict[str, Any] = field(default_factory=dict)
    timeline: dict[str, Any] | None = None

    @property
    def label(self) -> str:
        """What the drafts list shows: title and last edit time."""
        return f"{self.title or 'Untitled draft'} · {self.updated.astimezone().strftime('%Y-%m-%d %H:%M')}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class DraftStore:
    """Drafts in one SQLite file; safe to share between threads."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        # One connection shared under the lock: simpler than a pool and fast enough for a UI.
        self._conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        self._conn.row_factory = sqlite3.Row
        with self._lock:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.executescript(_SCHEMA)
            self._conn.commit()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
                self._conn.commit()
            except BaseException:
                self._conn.rollback()
                raise

    def close(self) -> None:
        """Close the connection (tests reopen the same file to simulate a restart)."""
        with self._lock:
            self._conn.close()

    def create(
        self,
        *,
        title: str = "",
        draft: dict[str, Any] | None = None,
        inputs: dict[str, Any] | None = None,
        timeline: dict[str, Any] | None = None,
    ) -> str:
        """Store a new draft and return its id."""
        draft_id = uuid.uuid4().hex[:12]
        now = _now()
        with self._tx() as c:
            c.execute(
                "INSERT INTO drafts (id, title, created, updated, draft, inputs, timeline)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    draft_id,
                    title,
                    now,
                    now,
                    json.dumps(draft or {}),
                    json.dumps(inputs or {}),
                    json.dumps(timeline) if timeline is not None else None,
                ),
            )
        return draft_id

    def get(self, draft_id: str) -> DraftRecord | None:
        """The draft with this id, or None."""
        with self._lock:
            row = self._conn.execute("SELECT * FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        return _record(row) if row else None

    def save(
        self,
        draft_id: str,
        *,
        draft: dict[str, Any] | None = None,
        inputs: dict[str, Any] | None = None,
        timeline: dict[str, Any] | None = None,
        title: str | None = None,
    ) -> None:
        """Overwrite the given parts of a draft; the title follows the draft's title when not given."""
        sets: list[str] = ["updated = ?"]
        args: list[Any] = [_now()]
        if draft is not None:
            sets.append("draft = ?")
            args.append(json.dumps(draft))
            if title is None and isinstance(draft.get("title"), str):
                title = draft["title"]
        if inputs is not None:
            sets.append("inputs = ?")
            args.append(json.dumps(inputs))
        if timeline is not None:
            sets.append("timeline = ?")
            args.append(json.dumps(timeline))
        if title is not None:
            sets.append("title = ?")
            args.append(title)
        with self._tx() as c:
            cur = c.execute(f"UPDATE drafts SET {', '.join(sets)} WHERE id = ?", (*args, draft_id))
            if cur.rowcount == 0:
                raise KeyError(draft_id)

    def update_draft(self, draft_id: str, change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
        """Apply ``change`` to the stored draft JSON atomically and return the new draft."""
        with self._lock:
            rec = self.get(draft_id)
            if rec is None:
                raise KeyError(draft_id)
            draft = rec.draft
            change(draft)
            self.save(draft_id, draft=draft)
            return draft

    def list(self, limit: int = 100) -> list[DraftRecord]:
        """Drafts, most recently edited first (without their timelines)."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, title, created, updated, draft, inputs, NULL AS timeline FROM drafts"
                " ORDER BY updated DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [_record(r) for r in rows]

    def delete(self, draft_id: str) -> None:
        """Remove a draft."""
        with self._tx() as c:
            c.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))


def _record(row: sqlite3.Row) -> DraftRecord:
    return DraftRecord(
        id=row["id"],
        title=row["title"],
        created=datetime.fromisoformat(row["created"]),
        updated=datetime.fromisoformat(row["updated"]),
        draft=json.loads(row["draft"] or "{}"),
        inputs=json.loads(row["inputs"] or "{}"),
        timeline=json.loads(row["timeline"]) if row["timeline"] else None,
    )
