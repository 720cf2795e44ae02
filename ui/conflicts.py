"""A refused save and a saved one, as editor views (shared by the field, table and free-section saves)."""

from __future__ import annotations

import json
from typing import Any

from assistant.errors import StaleSaveError
from assistant.ui.handlers import _saved
from assistant.ui.views import View


def _both_texts(exc: StaleSaveError, label: str) -> str:
    def quote(text: str) -> str:
        return "\n".join(f"> {line}" for line in (text or "(empty)").splitlines()) or "> (empty)"

    return (
        f"### ⚠️ Not saved: {label} was changed by someone else\n\n"
        f"You edited version {exc.expected}; the draft is now at version {exc.current}. Nothing was "
        "overwritten. Compare, then keep yours or take theirs.\n\n"
        f"**Yours (not saved)**\n\n{quote(exc.mine)}\n\n**Theirs (saved, version {exc.current})**\n\n"
        f"{quote(exc.theirs)}"
    )


def conflict_view(draft_id: str, exc: StaleSaveError, label: str, state: dict[str, Any]) -> View:
    """A refused save: nothing changes in the editor, the conflict panel shows both texts."""
    return {"draft_id": draft_id, "saved": "⚠️ Not saved: see the conflict below",
            "conflict": _both_texts(exc, label), "conflict_state": json.dumps(state)}  # fmt: skip


def saved_view(draft_id: str, base_name: str, version: int) -> View:
    """A save that went through: the part's new base version."""
    return {"draft_id": draft_id, "saved": _saved(), base_name: str(version)}
