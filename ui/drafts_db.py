"""SQLite autosave for drafts: every edit lands here, so a server restart loses nothing.

One table, ``drafts``: id, title, created, updated, the draft JSON, the inputs JSON and the
timeline JSON (kept so one section can be regenerated after a restart). WAL mode lets readers
run beside the writer; one lock serialises read-modify-write updates from Gradio's worker threads.

The file is created 0600 inside the 0700 data directory: pasted material can hold secrets. With
``redact=True`` (``POSTMORTEM_STORE_REDACTED=1``) secrets and personal data in the draft, the
inputs and the timeline are replaced by placeholders before anything is written.
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

from assistant.datadir import tighten

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
        """What the drafts list shows: title, a short id (same titles stay apart) and last edit time."""
        when = self.updated.astimezone().strftime("%Y-%m-%d %H:%M")
        return f"{self.title or 'Untitled draft'} · #{self.id[:6]} · {when}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class DraftStore:
    """Drafts in one SQLite file; safe to share between threads."""

    def __init__(self, path: str | Path, *, redact: bool = False) -> None:
        from assistant.datadir import private_file

        self.path = private_file(Path(path))  # pasted material can hold secrets: 0600 in a 0700 folder
        self.redact = redact
        self._lock = threading.RLock()
        # One connection shared under the lock: simpler than a pool and fast enough for a UI.
        self._conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        self._conn.row_factory = sqlite3.Row
        with self._lock:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.executescript(_SCHEMA)
            self._conn.commit()
        tighten(self.path)

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
        draft, inputs, timeline = self._at_rest(draft, inputs, timeline)
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
        draft, inputs, timeline = self._at_rest(draft, inputs, timeline)
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

    def _at_rest(
        self, draft: dict[str, Any] | None, inputs: dict[str, Any] | None, timeline: dict[str, Any] | None
    ) -> tuple[dict[str, Any] | None, dict[str, Any] | None, dict[str, Any] | None]:
        """With ``redact`` on, secrets and personal data are replaced before anything is written."""
        if not self.redact:
            return draft, inputs, timeline
        from assistant.redact import Redactor

        r = Redactor()
        return (
            _redact_tree(r, draft) if draft is not None else None,
            _redact_tree(r, inputs) if inputs is not None else None,
            _redact_tree(r, timeline) if timeline is not None else None,
        )

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


# Keys whose values are times, ids, file references or numbers: never redacted (a date is not PII).
_KEEP = frozenset({"time", "recorded_time", "key_times", "metrics", "refs", "event_ids", "id", "ids", "provenance",
                   "key_events", "clock", "created", "updated", "severity", "matches"})  # fmt: skip


def _redact_tree(r: Any, value: Any, key: str = "") -> Any:
    if key in _KEEP:
        return value
    if isinstance(value, str):
        return r.redact(value)
    if isinstance(value, dict):
        return {k: _redact_tree(r, v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact_tree(r, v, key) for v in value]
    return value


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
