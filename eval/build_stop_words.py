"""Write assistant/roles/stop_words.json: spaCy's stop-word lists for the languages teams write in,
and a short hand-written list of Hinglish function words.

Regenerate:  .venv/bin/python eval/build_stop_words.py
The role classifier's language guess reads them (``assistant.roles.language``). They are copied out
of spaCy's language data once, because importing spaCy costs seconds per process and the guess runs
on every timeline. Words shared by most of the languages ("a", "o", "e") say nothing and are dropped.
"""

from __future__ import annotations

import importlib
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assistant" / "roles" / "stop_words.json"
# Latin- and Cyrillic-script languages with spaCy stop words; CJK and Hangul are told by script.
LANGS: tuple[str, ...] = (
    *("en", "de", "es", "pt", "fr", "it", "nl", "pl", "sv", "da", "nb", "tr", "id", "ca", "ro", "cs"),
    *("fi", "hu", "ru", "uk", "vi", "tl"),
)


# Hinglish (Hindi written in Latin letters, mixed with English) has no spaCy list: spaCy's Hindi words
# are in Devanagari. Its function words, written for this project; words English also has ("to",
# "me", "do", "main", "par") are left out, so a technical English line never reads as Hinglish.
HINGLISH = [
    "hai",
    "hain",
    "ho",
    "hoga",
    "hogi",
    "tha",
    "thi",
    "ke",
    "ki",
    "ka",
    "ko",
    "ne",
    "mein",
    "kar",
    "karo",
    "karna",
    "kiya",
    "kiye",
    "raha",
    "rahi",
    "rahe",
    "nahi",
    "nahin",
    "kya",
    "kyun",
    "kyunki",
    "bhi",
    "aur",
    "toh",
    "yeh",
    "ye",
    "woh",
    "wo",
    "abhi",
    "kuch",
    "sab",
    "bahut",
    "gaya",
    "gayi",
    "gaye",
    "diya",
    "liya",
    "lekin",
    "wala",
    "wali",
    "wale",
    "unko",
    "usko",
    "mujhe",
    "mera",
    "meri",
    "mere",
    "humein",
    "aap",
    "aapka",
    "tum",
    "tumhara",
    "bhai",
    "yaar",
    "ji",
    "ek",
    "koi",
    "kaun",
    "kab",
    "kaise",
    "kahan",
    "jab",
    "tab",
    "agar",
    "phir",
    "sirf",
    "pehle",
    "baad",
    "waise",
    "accha",
    "achha",
    "theek",
    "thik",
    "haan",
    "dekh",
    "dekho",
    "dekhta",
    "dekhte",
    "batao",
    "bata",
    "chahiye",
    "sakta",
    "sakte",
    "sakti",
    "apna",
    "apni",
    "iska",
    "uska",
    "inka",
    "unka",
    "hua",
    "hui",
    "hue",
    "jaise",
    "matlab",
]


def main() -> None:
    """Read each language's STOP_WORDS and write the JSON (sorted, so it diffs cleanly)."""
    words = {
        lang: {w.lower() for w in importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS}
        for lang in LANGS
    }
    spread = Counter(w for ws in words.values() for w in ws)
    common = {w for w, n in spread.items() if n > len(LANGS) // 3}
    out = {
        lang: sorted(w for w in ws if w not in common and " " not in w and len(w) > 1)
        for lang, ws in words.items()
    }
    out["hi"] = sorted(set(HINGLISH) - words["en"])
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(
        f"wrote {OUT} ({sum(len(v) for v in out.values())} words, {len(common)} shared words dropped; single letters too)"
    )


if __name__ == "__main__":
    main()
