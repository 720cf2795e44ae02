"""Counting prompt tokens: a real tokenizer when one is available offline, an honest estimate otherwise.

Order of preference (nothing is ever downloaded):
1. ``POSTMORTEM_TOKENIZER``: a ``tokenizer.json`` (Hugging Face ``tokenizers``), a ``.gguf`` model file
   (its own vocabulary, read with ``llama_cpp`` in vocab-only mode) or a tiktoken encoding name.
2. tiktoken's encoding for OpenAI model families, only when its file is already in tiktoken's cache
   (``TIKTOKEN_CACHE_DIR`` or the default); tiktoken fetches it from the network otherwise.
3. ``estimate_tokens``: a pre-tokeniser-shaped count that errs high (see its docstring), so a context
   sized with it fits the window.

Window sizes of known model families are in ``context_window`` (published context lengths).
"""

from __future__ import annotations

import hashlib
import math
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from assistant.errors import ConfigError

# Pre-tokeniser pieces: letter runs, single digits (Llama/SmolLM-style tokenisers split every digit;
# GPT-4-style ones group three), single punctuation marks, other scripts one char at a time.
_PIECES = re.compile(r"[A-Za-z]+|\d|[^\sA-Za-z\d]")

# (prefix of the model name, context window in tokens); first match wins, so specific names first.
_WINDOWS: tuple[tuple[str, int], ...] = (
    ("gpt-4.1", 1_000_000),
    ("gpt-4o", 128_000),
    ("gpt-4-turbo", 128_000),
    ("gpt-4", 8_192),
    ("gpt-3.5", 16_385),
    ("gpt-5", 400_000),
    ("o1", 200_000),
    ("o3", 200_000),
    ("o4", 200_000),
    ("claude", 200_000),
    ("gemini", 1_000_000),
    ("llama-3", 8_192),
    ("llama3.1", 128_000),
    ("llama3.2", 128_000),
    ("llama3", 8_192),
    ("llama-2", 4_096),
    ("llama2", 4_096),
    ("mistral-large", 128_000),
    ("mistral", 32_768),
    ("mixtral", 32_768),
    ("qwen2.5", 32_768),
    ("qwen3", 32_768),
    ("qwen", 32_768),
    ("phi-3", 4_096),
    ("phi3", 4_096),
    ("phi-4", 16_384),
    ("gemma", 8_192),
    ("smollm", 8_192),
    ("deepseek", 64_000),
)
DEFAULT_WINDOW = 8_192  # an unknown (often local) model: assume a small window rather than overflow it


def context_window(model: str | None) -> int:
    """The published context window of ``model``'s family, or ``DEFAULT_WINDOW`` when unknown."""
    name = (model or "").lower().rsplit("/", 1)[-1]
    for prefix, size in _WINDOWS:
        if name.startswith(prefix):
            return size
    return DEFAULT_WINDOW


def estimate_tokens(text: str) -> int:
    """Tokens of ``text`` by a pre-tokeniser count: one per short word, digit, mark or non-Latin char.

    Long words count one token per six letters. Measured on three dev-case source blocks: within
    3% of SmolLM2's tokenizer (which splits every digit) and 25-30% above a WordPiece count, so a
    context sized with it fits digit-splitting local models and leaves room on GPT-style ones.
    """
    n = 0
    for piece in _PIECES.findall(text):
        n += math.ceil(len(piece) / 6) if piece[0].isascii() and piece[0].isalpha() else 1
    return n + text.count("\n")


class TokenCounter(Protocol):
    """Counts tokens of a text; ``name`` says which tokenizer (or 'estimate')."""

    name: str

    def count(self, text: str) -> int:
        """The number of tokens ``text`` takes."""
        ...


@dataclass
class EstimateCounter:
    """The estimate of ``estimate_tokens``, for when no tokenizer is available offline."""

    name: str = "estimate"

    def count(self, text: str) -> int:
        """Estimated tokens (errs high)."""
        return estimate_tokens(text)


class _EncodeCounter:
    def __init__(self, name: str, encode: Any) -> None:
        self.name = name
        self._encode = encode

    def count(self, text: str) -> int:
        return len(self._encode(text))


def _tokenizer_json(path: Path) -> TokenCounter:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_truncation()
    return _EncodeCounter(f"tokenizers:{path.name}", lambda t: tok.encode(t, add_special_tokens=False).ids)


def _gguf(path: Path) -> TokenCounter:
    try:
        from llama_cpp import Llama
    except ImportError as exc:
        raise ConfigError(
            f"POSTMORTEM_TOKENIZER={path} is a GGUF file but llama_cpp is not installed"
        ) from exc
    llm = Llama(model_path=str(path), vocab_only=True, verbose=False)
    return _EncodeCounter(f"gguf:{path.name}", lambda t: llm.tokenize(t.encode("utf-8"), add_bos=False))


_TIKTOKEN_URLS = {
    "cl100k_base": "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
    "o200k_base": "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
}


def _tiktoken_cached(encoding: str) -> TokenCounter | None:
    """tiktoken's ``encoding`` only when its file is already cached (it would download it otherwise)."""
    url = _TIKTOKEN_URLS.get(encoding)
    if url is None:
        return None
    from assistant.config import get_settings

    cache = get_settings().tiktoken_cache_dir
    folder = Path(cache) if cache else Path(tempfile.gettempdir()) / "data-gym-cache"
    if not (folder / hashlib.sha1(url.encode()).hexdigest()).is_file():
        return None
    try:
        import tiktoken
    except ImportError:
        return None
    enc = tiktoken.get_encoding(encoding)
    return _EncodeCounter(f"tiktoken:{encoding}", lambda t: enc.encode(t, disallowed_special=()))


def _openai_encoding(model: str | None) -> str | None:
    name = (model or "").lower()
    if name.startswith(("gpt-4o", "gpt-4.1", "gpt-5", "o1", "o3", "o4")):
        return "o200k_base"
    if name.startswith(("gpt-4", "gpt-3.5")):
        return "cl100k_base"
    return None


@lru_cache(maxsize=8)
def get_counter(tokenizer: str | None, model: str | None) -> TokenCounter:
    """The best counter available offline for ``model`` (``tokenizer`` is the setting's value)."""
    if tokenizer:
        path = Path(tokenizer).expanduser()
        if path.suffix == ".json" and path.is_file():
            return _tokenizer_json(path)
        if path.suffix == ".gguf" and path.is_file():
            return _gguf(path)
        counter = _tiktoken_cached(tokenizer)
        if counter is None:
            raise ConfigError(
                f"POSTMORTEM_TOKENIZER={tokenizer!r} is neither an existing tokenizer.json / .gguf file nor a "
                "tiktoken encoding cached offline; point it at your model's tokenizer.json or unset it to estimate"
            )
        return counter
    encoding = _openai_encoding(model)
    cached = _tiktoken_cached(encoding) if encoding else None
    return cached if cached is not None else EstimateCounter()
