"""The offline int8 all-MiniLM-L6-v2 embedder (onnxruntime + tokenizers), without chromadb.

Shared by the library (``retrieval.embed`` wraps it for Chroma) and the tone checker's semantic
stage, which must stay cheap to import.
"""

from __future__ import annotations

import os
import threading
from typing import Any

import numpy as np

from assistant.retrieval.model_files import model_file, tokenizer_file

# Belt and braces: no library below may reach a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

DIMENSIONS = 384
MAX_TOKENS = 256  # the model's trained sequence length (sentence-transformers max_seq_length)
# Library chunks are embedded from their first 128 word pieces (~95 words; BM25 still reads all of
# each postmortem). On the dev queries fusion kept recall@5/nDCG@10 (0.379/0.609 vs 0.347/0.604 at
# 256) while embedding the corpus took ~20% less CPU; a forward pass grows faster than its length.
DOC_TOKENS = 128
_BATCH = 32


class MiniLMEmbedder:
    """Loads the model once per process; ``embed`` returns L2-normalised float32 vectors."""

    _lock = threading.Lock()
    _shared: MiniLMEmbedder | None = None
    _query: MiniLMEmbedder | None = None

    def __init__(self, threads: int | None = None, max_tokens: int = MAX_TOKENS) -> None:
        """Load the int8 MiniLM model and tokenizer (``threads`` onnxruntime threads, inputs cut at ``max_tokens``)."""
        import onnxruntime as ort
        from tokenizers import Tokenizer

        tok = Tokenizer.from_file(str(tokenizer_file()))
        tok.enable_truncation(max_length=max_tokens)
        tok.no_padding()
        self._tokenizer = tok
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or min(4, os.cpu_count() or 1)
        # Idle pool threads sleep instead of spinning: on two shared cores spinning burnt ~50% more
        # CPU and ~50% more wall for the timeline's role texts (96 texts: 0.75 -> 0.50 CPU-s, 3.1 -> 2.1 s).
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        opts.log_severity_level = 3
        self._session = ort.InferenceSession(str(model_file()), opts, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}

    @property
    def tokenizer(self) -> Any:
        """The ``tokenizers.Tokenizer`` (truncating to this embedder's max tokens, no padding)."""
        return self._tokenizer

    @classmethod
    def shared(cls) -> MiniLMEmbedder:
        """The indexing embedder (chunks cut at DOC_TOKENS), one per process; the session is thread-safe."""
        with cls._lock:
            if cls._shared is None:
                cls._shared = cls(max_tokens=DOC_TOKENS)
            return cls._shared

    @classmethod
    def for_queries(cls) -> MiniLMEmbedder:
        """A single-threaded embedder for one query at a time, one per process.

        On two busy cores a 2-thread session waited for its second thread: a short query took
        p50 12-18 ms / p95 24-39 ms against 7 / 8 ms single-threaded (and concurrent UI queries
        then run side by side instead of fighting for the same pool). Batches keep ``shared()``.
        """
        with cls._lock:
            if cls._query is None:
                cls._query = cls(threads=1)
            return cls._query

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed texts; batches are sorted by length so padding stays short."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch([t if t.strip() else "empty" for t in texts])
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), _BATCH):
            idx = order[start : start + _BATCH]
            width = max(len(encodings[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feeds)[0]
            summed = (hidden * mask[:, :, None]).sum(axis=1)
            pooled = summed / np.clip(mask.sum(axis=1, keepdims=True), 1, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.clip(norms, 1e-12, None)
        return out
