"""The library of past postmortems: index a folder, find similar incidents, publish a new one.

    lib = Library.open()                      # POSTMORTEM_HOME/chroma, or a Chroma server
    lib.index_folder("examples/library")      # incremental
    for m in lib.similar("TLS handshake failures after the cert expired", k=5):
        print(m.id, m.score, m.why, [i.status for i in m.seen_before])

Dense search (MiniLM in Chroma, best chunk per postmortem) and BM25 (bm25s) are fused by
reciprocal rank fusion.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from assistant.config import Settings, get_settings
from assistant.errors import LibraryError
from assistant.retrieval.models import IndexReport, Match

if TYPE_CHECKING:
    import numpy as np

    from assistant.retrieval.catalog import Catalog
    from assistant.retrieval.lexical import LexicalIndex

Mode = Literal["fusion", "bm25", "dense"]
_CANDIDATES = 100  # per ranking, before fusion
RRF_K = 30.0  # measured on the dev queries: k in 10..30 beat 60 slightly (noisy, 15 queries)
_QUERY_PIECES = 128  # a long query is cut to its most informative lines, this many word pieces


class Library:
    """Past postmortems in Chroma (vectors), a SQLite catalog and a BM25 index, kept in step."""

    def __init__(self, settings: Settings, collection: Any, catalog: Catalog, state: Path) -> None:
        """A library over an open Chroma collection, its catalog and its state folder."""
        self.settings = settings
        self._collection = collection
        self._catalog = catalog
        self._state = state
        self._lexical: LexicalIndex | None = None
        self._chunks: int | None = None

    @classmethod
    def open(cls, settings: Settings | None = None) -> Library:
        """Open (or create) the library the settings point at."""
        from assistant.retrieval.catalog import Catalog
        from assistant.retrieval.store import make_client, open_collection, state_dir

        settings = settings or get_settings()
        client = make_client(settings)
        collection = open_collection(client, settings.library_collection)
        state = state_dir(settings)
        return cls(settings, collection, Catalog(state / "catalog.sqlite3"), state)

    def close(self) -> None:
        """Release the catalog (Chroma clients need no closing)."""
        self._catalog.close()

    def __len__(self) -> int:
        """How many postmortems are indexed."""
        return self._catalog.count()

    # indexing -------------------------------------------------------------------------------
    def index_folder(self, path: str | Path) -> IndexReport:
        """Index every postmortem under ``path``: new and changed files in, removed files out."""
        from assistant.retrieval.index import find_files

        folder = Path(path)
        if not folder.exists():
            raise LibraryError(
                f"{folder}: no such folder; pass a folder of past postmortems (.md, .txt, .json)"
            )
        skipped: list[str] = []
        report = self._index(find_files(folder, skipped), scope=folder)
        report.skipped[:0] = skipped
        return report

    def index_files(self, files: Sequence[str | Path]) -> IndexReport:
        """Index single files (nothing is removed)."""
        return self._index([Path(f) for f in files], scope=None)

    def _index(self, files: list[Path], *, scope: Path | None) -> IndexReport:
        from assistant.retrieval.embed import MiniLMEmbedder
        from assistant.retrieval.index import index_files

        try:
            report = index_files(
                files,
                collection=self._collection,
                catalog=self._catalog,
                scope=scope,
                embed=MiniLMEmbedder.shared().embed,
            )
        except LibraryError:
            raise
        except Exception as exc:  # chromadb/onnxruntime raise their own types; callers expect ours
            raise LibraryError(f"indexing failed: {exc}") from exc
        self._chunks = None
        if report.changed or self._lexical_stale():
            self._rebuild_lexical()
        return report

    def add_postmortem(self, markdown_or_json: str | dict[str, Any], id: str | None = None) -> str:
        """Publish a postmortem (Markdown, or a JSON draft) into ``settings.library_dir`` and index it; returns its id."""
        from assistant.retrieval.publish import markdown_for_library, slug

        doc_id, markdown = markdown_for_library(markdown_or_json, doc_id=id)
        folder = self.settings.library_dir
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{slug(doc_id) or 'postmortem'}.md"
        path.write_text(markdown, encoding="utf-8")
        report = self.index_files([path])
        if report.problems:
            raise LibraryError(f"{path}: written but not indexed: {'; '.join(report.problems)}")
        return doc_id

    # search -----------------------------------------------------------------------------------
    def similar(self, text: str, k: int = 5) -> list[Match]:
        """The ``k`` past postmortems most like ``text``, each with a reason and related past action items."""
        from assistant.retrieval.seen_before import seen_before
        from assistant.retrieval.why import explain

        if not text.strip() or k <= 0 or not len(self):
            return []
        ranked, lex, dense = self._ranked(text, "fusion")
        lexical = self._lexical_index()
        top = ranked[:k]
        records = self._catalog.records([d for d, _ in top])
        best_rrf = 2.0 / (RRF_K + 1)  # rank 1 in both lists
        lex_rank = {d: n for n, (d, _) in enumerate(lex, 1)}
        dense_rank = {d: n for n, (d, _, _) in enumerate(dense, 1)}
        best_chunk = {d: c for d, _, c in dense}
        chunk_section = self._sections([best_chunk[d] for d, _ in top if d in best_chunk])
        section = {d: chunk_section.get(best_chunk[d]) or None for d, _ in top if d in best_chunk}
        matches = []
        for doc_id, score in top:
            rec = records.get(doc_id)
            if rec is None:
                continue
            via = ", ".join(
                f"{name} #{r[doc_id]}"
                for name, r in (("keywords", lex_rank), ("meaning", dense_rank))
                if doc_id in r
            )
            m = Match(
                id=doc_id,
                title=rec.title,
                score=round(min(1.0, score / best_rrf), 4),
                why=explain(
                    text,
                    doc_text=rec.text,
                    title=rec.title,
                    services=rec.services,
                    categories=rec.categories,
                    section=section.get(doc_id),
                    via=f"ranked by {via}" if via else "",
                    df=lexical.df,
                    n_docs=len(lexical.ids),
                ),
                url=rec.url,
                date=rec.date,
                path=rec.path,
                severity=rec.severity,
                services=list(rec.services),
                categories=list(rec.categories),
                section=section.get(doc_id),
                excerpt=_excerpt(rec.text, rec.title),
            )
            m.attach_action_items(rec.items)
            m.seen_before = seen_before([m], text, limit=5)
            matches.append(m)
        return matches

    def warm_up(self) -> None:
        """Run one long query now (model, indexes, lazy regexes), so the first real one is not slower."""
        text = " ".join(
            f"[FIRING] HighErrorRate on checkout {n}: requests failed because the database connection pool was exhausted."
            for n in range(30)
        )
        self.similar(text, k=5)
        from assistant.retrieval.query import query_vector

        query_vector.cache_clear()  # keep the warm-up text out of the cache

    def search(self, text: str, k: int = 10, *, mode: Mode = "fusion") -> list[tuple[str, float]]:
        """Ranked (doc id, score) by one method: fusion, bm25 or dense (for evaluation)."""
        if not text.strip() or not len(self):
            return []
        return self._ranked(text, mode)[0][:k]

    def _ranked(
        self, text: str, mode: Mode
    ) -> tuple[list[tuple[str, float]], list[tuple[str, float]], list[tuple[str, float, str]]]:
        from assistant.retrieval.fuse import rrf

        lex = self._lexical_index().search(text, _CANDIDATES) if mode != "dense" else []
        dense = self._dense(text, _CANDIDATES) if mode != "bm25" else []
        if mode == "bm25":
            return lex, lex, []
        dense_pairs = [(d, s) for d, s, _ in dense]
        if mode == "dense":
            return dense_pairs, [], dense
        return rrf([lex, dense_pairs], k=RRF_K), lex, dense

    def _dense(self, text: str, n_docs: int) -> list[tuple[str, float, str]]:
        """(doc id, best chunk cosine, best chunk id), best first."""
        if self._chunks is None:
            self._chunks = int(self._collection.count())
        if not self._chunks:
            return []
        vector = self._query_vector(text)
        try:
            # Distances only: chunk ids are "<doc id>#<n>", and fetching 150 metadata rows
            # cost as much as the HNSW search itself; sections are looked up for the top k only.
            res = self._collection.query(
                query_embeddings=[vector.tolist()],
                n_results=min(self._chunks, n_docs + n_docs // 2),
                include=["distances"],
            )
        except Exception as exc:
            raise LibraryError(f"Chroma query failed: {exc}") from exc
        best: dict[str, tuple[float, str]] = {}
        for chunk_id, dist in zip(res["ids"][0], res["distances"][0], strict=True):
            doc_id = chunk_id.rsplit("#", 1)[0]
            sim = 1.0 - float(dist)
            if doc_id not in best or sim > best[doc_id][0]:
                best[doc_id] = (sim, chunk_id)
        ranked = sorted(best.items(), key=lambda kv: -kv[1][0])[:n_docs]
        return [(d, s, c) for d, (s, c) in ranked]

    def _sections(self, chunk_ids: list[str]) -> dict[str, str]:
        """Section heading per chunk id (one small Chroma read for the shown results)."""
        if not chunk_ids:
            return {}
        try:
            got = self._collection.get(ids=chunk_ids, include=["metadatas"])
        except Exception:  # noqa: BLE001 — chromadb raises its own types; the section only decorates the reason
            return {}
        return {
            cid: str((meta or {}).get("section") or "")
            for cid, meta in zip(got["ids"], got["metadatas"] or [], strict=False)
        }

    def _query_vector(self, text: str) -> np.ndarray:
        """One query vector (one short forward pass, cached).

        A text the model reads whole (<= 256 word pieces) is embedded as it is. A longer one (a whole
        incident) is cut to its most informative lines, 128 word pieces: one 256-piece pass cost
        ~150 ms of CPU here against ~65 ms for 128, and the cut keeps alerts and cause lines.
        """
        from assistant.retrieval.embed import MAX_TOKENS
        from assistant.retrieval.query import focus, piece_counter, query_vector

        if len(text.split()) <= _QUERY_PIECES // 2:
            return query_vector(text)  # surely short: skip counting
        count = piece_counter()
        if count(text) <= MAX_TOKENS - 2:
            return query_vector(text)
        lexical = self._lexical_index()
        return query_vector(
            focus(text, words=_QUERY_PIECES, df=lexical.df, n_docs=len(lexical.ids), size=count)
        )

    def _lexical_index(self) -> LexicalIndex:
        from assistant.retrieval.lexical import LexicalIndex

        if self._lexical is None:
            self._lexical = LexicalIndex.load(self._state / "lexical", signature=self._catalog.signature())
            if self._lexical is None:
                self._rebuild_lexical()
        assert self._lexical is not None
        return self._lexical

    def _lexical_stale(self) -> bool:
        from assistant.retrieval.lexical import LexicalIndex

        return not LexicalIndex.is_current(self._state / "lexical", signature=self._catalog.signature())

    def _rebuild_lexical(self) -> None:
        from assistant.retrieval.lexical import LexicalIndex

        ids, texts = self._catalog.all_texts()
        self._lexical = LexicalIndex.build(ids, texts)
        self._lexical.save(self._state / "lexical", signature=self._catalog.signature())


def _excerpt(text: str, title: str, limit: int = 240) -> str:
    body = text[len(title) :].strip() if text.startswith(title) else text
    body = " ".join(body.split())
    return body if len(body) <= limit else body[: limit - 1].rsplit(" ", 1)[0] + "…"
