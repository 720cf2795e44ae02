"""What kind of cause each incident had, and which causes recur across the library.

Both read the root cause (and trigger) a postmortem states, embedded with the offline MiniLM model:

- **Category**: the nearest of a few broad cause categories (short descriptions below), when at least
  ``CATEGORY_MIN`` similar; else ``other``. Categories follow the usual split of public postmortem
  write-ups (change, configuration, capacity, dependency, expiry, network, data, hardware).
- **Recurring causes**: incidents whose causes are at least ``RECUR_MIN`` similar are linked, and
  linked groups of two or more incidents are a recurring cause (single-link, so a chain of close
  causes is one group). Exact words need not match: "pool exhausted" and "ran out of connections".

Thresholds are set on a handful of hand-written causes (``tests/test_insights.py``), not measured on
a labelled set; the report names the cause texts so a reader can judge each group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CATEGORIES: dict[str, str] = {
    "deploy": "a code deploy or software release introduced a bug or regression",
    "configuration": "a configuration change or a wrong setting or flag value",
    "capacity": "capacity exhausted: connection pool, memory, CPU, disk full, quotas, rate limits or overload",
    "dependency": "a third-party provider, vendor, cloud service or upstream dependency failed",
    "expiry": "an expired certificate, credential, token, key or licence",
    "network": "network, DNS, routing, firewall or load balancer failure",
    "data": "database, schema migration, replication or data corruption problem",
    "hardware": "hardware or infrastructure failure: a host, disk, rack or availability zone",
}
CATEGORY_MIN = 0.30
RECUR_MIN = 0.50  # the hand-written causes: same-cause pairs 0.54 and 0.59, unrelated pairs at most 0.34
UNKNOWN = "unknown"  # no cause stated, or no embedding model installed


@dataclass(frozen=True)
class CauseGroup:
    """Incidents with the same kind of cause: their ids and the cause texts as written."""

    label: str
    draft_ids: tuple[str, ...]
    causes: tuple[str, ...]


def _embed(texts: list[str]) -> Any:
    from assistant.retrieval.minilm import MiniLMEmbedder

    return MiniLMEmbedder.for_queries().embed(texts)


def _vectors(causes: list[str]) -> Any | None:
    from assistant.errors import LibraryError

    try:
        return _embed(causes)
    except LibraryError:
        return None


def categorise(causes: list[str]) -> list[str]:
    """One category per cause text ('unknown' for an empty cause or without the model)."""
    todo = [i for i, c in enumerate(causes) if c.strip()]
    out = [UNKNOWN] * len(causes)
    vectors = _vectors([causes[i] for i in todo]) if todo else None
    if vectors is None:
        return out
    names = list(CATEGORIES)
    sims = vectors @ _embed(list(CATEGORIES.values())).T
    for i, row in zip(todo, sims, strict=True):
        best = int(row.argmax())
        out[i] = names[best] if float(row[best]) >= CATEGORY_MIN else "other"
    return out


def recurring(draft_ids: list[str], causes: list[str]) -> list[CauseGroup]:
    """Groups of two or more incidents whose stated causes mean the same, largest first."""
    todo = [i for i, c in enumerate(causes) if c.strip()]
    if len(todo) < 2:
        return []
    vectors = _vectors([causes[i] for i in todo])
    if vectors is None:
        return []
    sims = vectors @ vectors.T
    parent = list(range(len(todo)))

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a in range(len(todo)):
        for b in range(a + 1, len(todo)):
            if float(sims[a, b]) >= RECUR_MIN:
                parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    for a in range(len(todo)):
        groups.setdefault(root(a), []).append(todo[a])
    out = []
    for members in groups.values():
        if len({draft_ids[i] for i in members}) < 2:
            continue
        texts = tuple(causes[i] for i in members)
        out.append(
            CauseGroup(
                label=min(texts, key=len), draft_ids=tuple(draft_ids[i] for i in members), causes=texts
            )
        )
    return sorted(out, key=lambda g: (-len(g.draft_ids), g.label))
