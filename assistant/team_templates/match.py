"""Which part of our postmortem a team's heading shows: by name first, then by meaning.

1. **Name.** The heading, lower-cased and without numbering or trailing punctuation ("2. Root
   cause(s):" → "root cause(s)"), equals a part's name (``exact``) or one of its aliases (``alias``).
2. **Meaning.** Otherwise the heading (with its guidance, when it has some) is embedded with the offline MiniLM model and compared (cosine)
   with each part's short descriptions and aliases; the best part wins when its similarity is at least
   ``THRESHOLD`` and ahead of the next part by ``MARGIN``. Short headings sit close to several parts
   ("What happened" is as near to "what went wrong" as to "summary"), so a near tie is not a match.
3. Anything else is a **free** section, drafted from its own heading and guidance.

A part is shown once: when two headings claim it, the stronger claim (exact, alias, meaning) keeps it,
then the earlier heading; the other becomes a free section.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from assistant.draft.schema import TemplateHeading
from assistant.team_templates.parse import RawHeading
from assistant.team_templates.parts import PARTS

# Chosen on tests/test_team_templates.py's list of 60 headings from no template of ours (written
# before measuring): at 0.55 / 0.04 every meaning match there is right and 2 of 15 sections meant to
# be free are taken (see the test for the figures).
THRESHOLD = 0.55
MARGIN = 0.04

_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)]|[a-z][.)])\s+", re.IGNORECASE)
_EDGES = re.compile(r"^[\W_]+|[\s:?.!*_\-–—]+$")


def normalise(heading: str) -> str:
    """Lower case, curly quotes straightened, numbering, emoji and trailing punctuation gone."""
    text = heading.replace("’", "'").replace("‘", "'").lower()
    text = _NUMBERING.sub("", text)
    text = _EDGES.sub("", text)
    return " ".join(text.replace("(s)", "s").split())


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for p in PARTS:
        names.setdefault(p.key.replace("_", " "), (p.key, "exact"))
        for a in p.aliases:
            names.setdefault(normalise(a), (p.key, "alias"))
    return names


@lru_cache(maxsize=1)
def _meaning_table() -> tuple[Any, list[str]]:
    """One row per description or alias, and the part each row belongs to."""
    texts, owners = [], []
    for p in PARTS:
        for t in (*p.meanings, *p.aliases):
            texts.append(t)
            owners.append(p.key)
    return _embed(texts), owners


def _embed(texts: list[str]) -> Any:
    from assistant.retrieval.minilm import MiniLMEmbedder

    return MiniLMEmbedder.for_queries().embed(texts)


def by_name(heading: str) -> tuple[str, str] | None:
    """(part, 'exact' | 'alias') when the heading names a part, else None."""
    return _names().get(normalise(heading))


def by_meaning(headings: list[str]) -> list[tuple[str | None, float]]:
    """For each heading: the part it means (or None) and the best similarity found."""
    if not headings:
        return []
    import numpy as np

    table, owners = _meaning_table()
    sims = _embed(headings) @ table.T
    keys = list(dict.fromkeys(owners))
    col = {k: [i for i, o in enumerate(owners) if o == k] for k in keys}
    out: list[tuple[str | None, float]] = []
    for row in sims:
        best = sorted(((float(np.max(row[col[k]])), k) for k in keys), reverse=True)
        (top, part), (second, _) = best[0], best[1]
        out.append((part if top >= THRESHOLD and top - second >= MARGIN else None, round(top, 3)))
    return out


def _meaning_text(h: RawHeading) -> str:
    """What a heading means: its words, and the team's guidance under it when there is some."""
    return f"{h.text}: {h.guidance}" if h.guidance else h.text


def match_headings(raw: list[RawHeading], *, meaning: bool = True) -> list[TemplateHeading]:
    """Each heading with the part it shows (or free); ``meaning=False`` matches by name only."""
    named = [by_name(h.text) for h in raw]
    todo = [i for i, n in enumerate(named) if n is None]
    meant: dict[int, tuple[str | None, float]] = {}
    if meaning and todo:
        meant = dict(zip(todo, by_meaning([_meaning_text(raw[i]) for i in todo]), strict=True))
    claims: dict[int, tuple[str | None, str, float | None]] = {}
    for i in range(len(raw)):
        if named[i] is not None:
            claims[i] = (named[i][0], named[i][1], None)  # type: ignore[index]
        elif i in meant and meant[i][0]:
            claims[i] = (meant[i][0], "meaning", meant[i][1])
        else:
            claims[i] = (None, "free", meant[i][1] if i in meant else None)
    # A part is shown once; the strongest claim wins (exact over alias over meaning, then the first).
    strength = {"exact": 0, "alias": 1, "meaning": 2, "free": 3}
    taken: set[str] = set()
    for i in sorted(claims, key=lambda i: (strength[claims[i][1]], i)):
        part, _how, score = claims[i]
        if part is not None and part in taken:
            claims[i] = (None, "free", score)
        elif part is not None:
            taken.add(part)
    return [
        TemplateHeading(heading=h.text, level=h.level, guidance=h.guidance, part=claims[i][0],
                        matched_by=claims[i][1], score=claims[i][2], container=h.container)  # type: ignore[arg-type]
        for i, h in enumerate(raw)
    ]  # fmt: skip
