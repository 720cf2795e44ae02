"""The library's own record of what is indexed: files with content hashes, and each postmortem's text,
metadata and action items (SQLite, next to the Chroma data). Chroma holds the vectors; this holds
what incremental indexing, BM25 and the "why" strings need without asking Chroma.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from assistant.retrieval.models import CatalogRecord, ParsedPostmortem

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
    doc_id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    hash TEXT NOT NULL,
    title TEXT NOT NULL,
    meta TEXT NOT NULL,
    text TEXT NOT NULL,
    items TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS docs_path ON docs(path);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_META_KEYS = ("date", "severity", "services", "categories", "url", "company")


class Catalog:
    """SQLite table of indexed postmortems keyed by doc id (one row per file)."""

    def __init__(self, path: Path) -> None:
        """Open (or create) the catalog database at ``path``, readable by its owner only."""
        from assistant.datadir import private_file, tighten

        self.path = private_file(path)
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._db.executescript(_SCHEMA)
        tighten(path)

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def by_path(self) -> dict[str, tuple[str, str]]:
        """path → (doc id, content hash) for every indexed file."""
        return {p: (d, h) for d, p, h in self._db.execute("SELECT doc_id, path, hash FROM docs")}

    def put(self, doc: ParsedPostmortem, content_hash: str) -> None:
        """Store one parsed postmortem's metadata and action items under its id."""
        meta = {k: getattr(doc, k) for k in _META_KEYS}
        items = [it.model_dump() for it in doc.action_items]
        self._db.execute(
            "INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)",
            (doc.id, doc.path, content_hash, doc.title, json.dumps(meta), doc.full_text(), json.dumps(items)),
        )

    def delete(self, doc_id: str) -> None:
        """Forget a document."""
        self._db.execute("DELETE FROM docs WHERE doc_id = ?", (doc_id,))

    def commit(self) -> None:
        """Commit pending writes."""
        self._db.commit()

    def owner_of(self, doc_id: str) -> str | None:
        """The file path indexed under ``doc_id``, or None."""
        row = self._db.execute("SELECT path FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def all_texts(self) -> tuple[list[str], list[str]]:
        """(doc ids, texts) in a stable order, for building BM25."""
        rows = self._db.execute("SELECT doc_id, text FROM docs ORDER BY doc_id").fetchall()
        return [r[0] for r in rows], [r[1] for r in rows]

    def signature(self) -> str:
        """A hash of every (doc id, content hash): changes whenever the corpus does."""
        h = hashlib.sha256()
        for doc_id, content_hash in self._db.execute("SELECT doc_id, hash FROM docs ORDER BY doc_id"):
            h.update(f"{doc_id}\0{content_hash}\n".encode())
        return h.hexdigest()

    def count(self) -> int:
        """How many documents are indexed."""
        return int(self._db.execute("SELECT COUNT(*) FROM docs").fetchone()[0])

    def records(self, doc_ids: list[str]) -> dict[str, CatalogRecord]:
        """doc id → its record (title, path, text, metadata, action items) for the given ids."""
        if not doc_ids:
            return {}
        out: dict[str, CatalogRecord] = {}
        for start in range(0, len(doc_ids), 500):
            part = doc_ids[start : start + 500]
            marks = ",".join("?" * len(part))
            for doc_id, path, title, meta, text, items in self._db.execute(
                f"SELECT doc_id, path, title, meta, text, items FROM docs WHERE doc_id IN ({marks})", part
            ):
                out[doc_id] = CatalogRecord(
                    id=doc_id, title=title, path=path, text=text, **json.loads(meta), items=json.loads(items)
                )
        return out
