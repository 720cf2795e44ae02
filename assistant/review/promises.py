"""What was promised last time and is still open: tracked action items of similar past incidents.

A similar-incident match names a library document; a draft published from this database
remembers that id, so its open items can be shown beside the match ("promised in …, still open").
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.retrieval.models import Match, PastActionItem
from assistant.store import DraftStore
from assistant.store.actions import open_items_by_library_id


def with_open_promises(store: DraftStore, matches: Sequence[Match]) -> list[Match]:
    """The matches, each with its incident's still-open tracked items added to ``seen_before``."""
    matches = list(matches)
    with store.db.session() as s:
        promised = open_items_by_library_id(s, [m.id for m in matches])
    for m in matches:
        known = {p.text for p in m.seen_before}
        for it in promised.get(m.id, []):
            text = (
                f"{it.description} (promised in {it.postmortem}{', owner ' + it.owner if it.owner else ''})"
            )
            if text not in known:
                status = it.status.replace("_", " ")
                m.seen_before.append(PastActionItem(
                    text=text, status=status, source=f"{m.id} § action items (tracked #{it.id})", doc_id=m.id,
                    raw_status=status,
                ))  # fmt: skip
    return matches
