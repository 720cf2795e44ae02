"""Which language a line is in, as far as the role classifier needs to know.

The classifier's embedder (all-MiniLM-L6-v2) is an English model; its training sentences add German,
Spanish, Portuguese and Japanese. On a line in any other language it is not reading the words but
their spelling, and it is often confidently wrong ("Nico cerró…" is fine, "het is opgelost" is not).
The guess is the classic stop-word method: count each language's function words (spaCy's lists,
copied by ``eval/build_stop_words.py``) and take the language with the most; scripts decide CJK,
Hangul and Cyrillic outright. A line too short to tell returns None and is trusted as before.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

LANGUAGE_LISTS_FILE = Path(__file__).with_name("stop_words.json")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_MIN_HITS = 2  # function words needed before a Latin-script line is called anything


@lru_cache(maxsize=1)
def _stop_words() -> dict[str, frozenset[str]]:
    try:
        raw = json.loads(LANGUAGE_LISTS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {lang: frozenset(words) for lang, words in raw.items()}


@lru_cache(maxsize=8192)  # the classifier and the role's evidence ask for the same lines
def guess(text: str) -> str | None:
    """An ISO 639-1 code for the line's language, or None when it is too short or mixed to tell."""
    if _KANA.search(text):
        return "ja"
    if _HANGUL.search(text):
        return "ko"
    if _HAN.search(text):
        return "zh"
    if len(_CYRILLIC.findall(text)) >= 3:
        return "ru"
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return None
    hits = sorted(
        ((sum(w in ws for w in words), lang) for lang, ws in _stop_words().items()),
        reverse=True,
    )
    if not hits or hits[0][0] < _MIN_HITS:
        return None
    english = next((n for n, lang in hits if lang == "en"), 0)
    (best, lang), second = hits[0], hits[1][0] if len(hits) > 1 else 0
    if lang != "en" and best < english + _MIN_HITS:
        return "en" if english >= _MIN_HITS else None  # technical English borrows a foreign word or two
    return lang if best > second else None
