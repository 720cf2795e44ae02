"""Incremental indexing of a folder of past postmortems into Chroma, the catalog and BM25.

Each file carries a content hash: unchanged files are skipped, changed ones replaced (all their
chunks), and files that disappeared from the folder are deleted. Chunks follow sections.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import InputError
from assistant.retrieval.catalog import Catalog
from assistant.retrieval.hygiene import screen, skip_reason_for_name
from assistant.retrieval.models import IndexReport, ParsedPostmortem
from assistant.retrieval.parse import parse_file

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection

PARSER_VERSION = "3"  # bump when parsing, chunking or chunk embedding changes, so every file is re-read
MAX_CHUNKS = 16
_CHUNK_WORDS = 160
_ADD_BATCH = 256


def find_files(folder: Path, skipped: list[str] | None = None) -> list[Path]:
    """Postmortem files under a folder (Markdown, text, JSON drafts); others go to ``skipped`` with why.

    Hidden paths (``.git``, editor files) are left out silently: they are never incident documents.
    """
    if folder.is_file():
        return [folder]
    out = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).parts
        if any(p.startswith(".") for p in rel) or not path.is_file():
            continue
        why = skip_reason_for_name(path)
        if why is None:
            out.append(path)
        elif skipped is not None:
            skipped.append(f"{path}: {why}")
    return out


def content_hash(data: bytes) -> str:
    """sha256 of the parser version and the file's bytes."""
    return hashlib.sha256(PARSER_VERSION.encode() + b"\0" + data).hexdigest()


def chunk(doc: ParsedPostmortem) -> list[tuple[str, str]]:
    """(section heading, text to embed) pairs: an overview chunk, then sections in windows of ~160 words."""
    sections = [s for s in doc.sections if s.text.strip()]
    if sum(len(s.text.split()) for s in sections) <= _CHUNK_WORDS + 40:
        # A short postmortem is one chunk: one model pass instead of one per section.
        body = " ".join(s.text if i == 0 else f"{s.heading}: {s.text}" for i, s in enumerate(sections))
        return [(sections[0].heading if sections else "Title", f"{doc.title}. {body}".strip())]
    head = sections[0] if sections else None
    overview = doc.title + (f". {head.text}" if head else "")
    chunks = [(head.heading if head else "Title", _clip_words(overview, _CHUNK_WORDS + 40))]
    for sec in sections[1:]:
        words = sec.text.split()
        for start in range(0, len(words), _CHUNK_WORDS):
            piece = " ".join(words[start : start + _CHUNK_WORDS])
            chunks.append((sec.heading, f"{doc.title}. {sec.heading}: {piece}"))
    if head and len(head.text.split()) > _CHUNK_WORDS + 40:
        words = head.text.split()[_CHUNK_WORDS + 40 :]
        for start in range(0, len(words), _CHUNK_WORDS):
            chunks.append((head.heading, f"{doc.title}. {' '.join(words[start : start + _CHUNK_WORDS])}"))
    return chunks[:MAX_CHUNKS]


def index_files(
    files: Sequence[Path],
    *,
    collection: Collection,
    catalog: Catalog,
    scope: Path | None,
    embed: Any,
) -> IndexReport:
    """Index ``files``; with ``scope``, files indexed earlier under it and now missing are removed."""
    started = time.perf_counter()
    report = IndexReport()
    known = catalog.by_path()
    current = {str(p.resolve()) for p in files}
    changed: list[tuple[ParsedPostmortem, str, bool]] = []
    claimed: dict[str, str] = {}
    for path in files:
        key = str(path.resolve())
        try:
            data = path.read_bytes()
        except OSError as exc:
            report.problems.append(f"{path}: cannot read ({exc.strerror})")
            continue
        digest = content_hash(data)
        old = known.get(key)
        if old and old[1] == digest:
            report.unchanged += 1
            continue
        text, why = screen(path, data)
        if text is None:
            report.skipped.append(f"{path}: {why}")
            if old:  # no longer a postmortem: drop the stale copy rather than serve it
                _remove(collection, catalog, old[0])
                report.removed += 1
            continue
        try:
            doc = parse_file(Path(key), text=text)
        except InputError as exc:
            report.problems.append(str(exc))
            if old:  # it no longer parses: drop the stale copy rather than serve it
                _remove(collection, catalog, old[0])
                report.removed += 1
            continue
        doc.id = _unique_id(doc.id, key, catalog, current, claimed)
        claimed[doc.id] = key
        if old and old[0] != doc.id:
            _remove(collection, catalog, old[0])
        changed.append((doc, digest, bool(old)))
    if scope is not None:
        root = str(scope.resolve())
        for path_key, (doc_id, _) in known.items():
            if path_key not in current and (path_key == root or path_key.startswith(root.rstrip("/") + "/")):
                _remove(collection, catalog, doc_id)
                report.removed += 1
    report.chunks = _store(changed, collection=collection, catalog=catalog, embed=embed)
    for _, _, was_known in changed:
        if was_known:
            report.updated += 1
        else:
            report.added += 1
    catalog.commit()
    report.seconds = time.perf_counter() - started
    return report


def _store(
    changed: list[tuple[ParsedPostmortem, str, bool]], *, collection: Collection, catalog: Catalog, embed: Any
) -> int:
    stale: list[Any] = [doc.id for doc, _, was_known in changed if was_known]
    for start in range(0, len(stale), 500):
        where: Any = {"doc_id": {"$in": stale[start : start + 500]}}
        collection.delete(where=where)
    pending: list[tuple[str, str, dict[str, Any]]] = []
    total = 0
    for doc, digest, _ in changed:
        for n, (heading, text) in enumerate(chunk(doc)):
            meta = {"doc_id": doc.id, "section": heading, "title": doc.title, "chunk": n}
            pending.append((f"{doc.id}#{n}", text, meta))
        catalog.put(doc, digest)
        if len(pending) >= _ADD_BATCH:
            total += _flush(collection, pending, embed)
            pending = []
    return total + _flush(collection, pending, embed)


def _flush(collection: Collection, pending: list[tuple[str, str, dict[str, Any]]], embed: Any) -> int:
    if not pending:
        return 0
    texts = [t for _, t, _ in pending]
    vectors = embed(texts)
    collection.upsert(
        ids=[i for i, _, _ in pending],
        documents=texts,
        embeddings=[v for v in vectors],
        metadatas=[m for _, _, m in pending],
    )
    return len(pending)


def _remove(collection: Collection, catalog: Catalog, doc_id: str) -> None:
    collection.delete(where={"doc_id": doc_id})
    catalog.delete(doc_id)


def _unique_id(
    doc_id: str, path_key: str, catalog: Catalog, current: Iterable[str], claimed: dict[str, str]
) -> str:
    """Keep ids unique: a second file claiming a live id gets the id plus a path hash."""
    owner = claimed.get(doc_id) or catalog.owner_of(doc_id)
    if owner is None or owner == path_key or (owner not in current and not Path(owner).exists()):
        return doc_id
    return f"{doc_id}-{hashlib.sha1(path_key.encode()).hexdigest()[:6]}"


def _clip_words(text: str, n: int) -> str:
    words = text.split()
    return text if len(words) <= n else " ".join(words[:n])
