"""Which action items promised in past postmortems bear on the current incident.

The items are read by ``recurrence`` (from a match's cache, else from its file through ``parse``);
an item counts when it shares mechanism terms with the incident, specific terms more than generic ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from assistant.errors import PostmortemError
from assistant.retrieval.lexical import tokenize
from assistant.retrieval.models import Match, PastActionItem
from assistant.retrieval.parse import parse_file

_GENERIC_WORDS = (
    "add improve alert alerting monitor monitoring update review ensure document team process new use check "
    "make set create better more all our service system incident issue problem fix run test work need"
)


def seen_before(matches: Sequence[Match], incident_text: str, *, limit: int = 10) -> list[PastActionItem]:
    """Action items from the matched postmortems that share mechanism terms with the incident."""
    incident = set(tokenize(incident_text))
    scored: list[tuple[float, int, PastActionItem]] = []
    for rank, match in enumerate(matches):
        for item in _items_of(match):
            score = relatedness(item, incident)
            if score > 0:
                scored.append((score - 0.1 * rank, -rank, item))
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    seen: set[tuple[str, str]] = set()
    out = []
    for _, _, item in scored:
        key = (item.doc_id, item.text)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out[:limit]


def relatedness(item: PastActionItem, incident_terms: set[str]) -> float:
    """How strongly an item bears on the incident: shared specific terms count 1, generic ones 0.25."""
    shared = set(tokenize(item.text)) & incident_terms
    generic = _generic()
    specific = [t for t in shared if t not in generic]
    score = len(specific) + 0.25 * (len(shared) - len(specific))
    return score if specific and score >= 1 else 0.0


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(tokenize(_GENERIC_WORDS))


def _items_of(match: Match) -> list[PastActionItem]:
    items = match.action_items_cache()
    if items is not None:
        return items
    if match.path and Path(match.path).is_file():
        try:
            return parse_file(Path(match.path)).action_items
        except (PostmortemError, OSError, ValueError):  # an unreadable past file only costs its action items
            return []
    return []
