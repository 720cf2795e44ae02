"""The draft people edit: a typed ``Postmortem`` plus the edits that do not validate yet.

An edit that fits the schema becomes part of the ``Postmortem`` through a validated update
(``WorkingDraft.revise``). One that does not (a timeline time that is not a time, a priority that is
not high, medium or low) is never dropped: it is kept as typed in a ``PendingEdit`` with the
validation error, shown where it was typed until someone fixes it, and saved with the draft.

The stored JSON is the ``Postmortem``'s public JSON with two allowances, and only ``from_json`` and
``to_json`` read or write it: a draft still being made holds only the keys written so far and no
``provenance`` until a drafter finishes it; pending edits ride along under ``pending_edits``. A stored
key that does not validate (a draft saved before edits were checked) becomes a pending edit of its
own, with its JSON as the text, so opening an old draft loses nothing either.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.draft.schema import Postmortem, Provenance

PENDING_KEY = "pending_edits"
_NOT_DRAFTED = Provenance(provider="not drafted yet")  # stands in until a drafter writes the real one


class PendingEdit(BaseModel):
    """An edit kept as typed because it does not validate yet, with the reason."""

    model_config = ConfigDict(extra="forbid")

    target: str = Field(description="where it was typed: a field path, 'table:<key>', or a stored key")
    text: str = ""
    rows: list[list[str]] | None = Field(default=None, description="a table's rows as typed")
    error: str


class WorkingDraft(BaseModel):
    """A postmortem being written: what validates, and what does not yet (by target)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    postmortem: Postmortem
    drafted: bool = Field(default=False, description="a drafter has finished it (its provenance is real)")
    pending: dict[str, PendingEdit] = Field(default_factory=dict)

    def revise(self, **changes: Any) -> WorkingDraft:
        """The draft with ``changes`` to top-level ``Postmortem`` fields, validated (ValidationError if not)."""
        pm = self.postmortem
        merged = pm.model_copy(update=changes)
        valid = Postmortem.model_validate(merged.model_dump())
        # Keep which keys the draft holds: a draft in the making stores only what was written.
        return self.model_copy(update={"postmortem": _holding(valid, pm.model_fields_set | changes.keys())})

    def with_pending(self, edit: PendingEdit) -> WorkingDraft:
        """The draft holding ``edit`` as typed (replacing an earlier one at the same target)."""
        return self.model_copy(update={"pending": {**self.pending, edit.target: edit}})

    def settled(self, target: str) -> WorkingDraft:
        """The draft without a pending edit at ``target`` (a valid edit replaced it)."""
        if target not in self.pending:
            return self
        return self.model_copy(update={"pending": {k: v for k, v in self.pending.items() if k != target}})

    def finished(self, pm: Postmortem, keys: frozenset[str] | None = None) -> WorkingDraft:
        """The draft with the drafter's ``keys`` (all when None) taken from ``pm``; drafted when all."""
        if keys is None:
            return self.model_copy(update={"postmortem": pm, "drafted": True})
        return self.revise(**{k: getattr(pm, k) for k in keys})


def error_text(exc: ValidationError) -> str:
    """A validation error in one line, for people: where, and what is wrong."""
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'value'}: {e['msg']}" for e in exc.errors(include_url=False)
    )


def blank(title: str = "") -> WorkingDraft:
    """A new draft holding only its title."""
    return from_json({"title": title} if title else {})


def from_json(data: Mapping[str, Any] | None) -> WorkingDraft:
    """Decode a stored draft; keys that do not validate become pending edits (their JSON kept)."""
    raw = dict(data or {})
    pending = {
        k: PendingEdit.model_validate(v)
        for k, v in (raw.pop(PENDING_KEY, None) or {}).items()
        if isinstance(v, dict)
    }
    drafted = "provenance" in raw
    present = set(raw)
    try:
        pm = Postmortem.model_validate(_with_defaults(raw))
    except ValidationError as exc:
        bad = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
        for key in bad & set(raw):
            pending.setdefault(
                key,
                PendingEdit(target=key, text=json.dumps(raw[key], ensure_ascii=False, default=str),
                            error=f"stored value does not fit the schema ({key})"),
            )  # fmt: skip
        pm = Postmortem.model_validate(_with_defaults({k: v for k, v in raw.items() if k not in bad}))
        present -= bad
        drafted = drafted and "provenance" not in bad
    return WorkingDraft(postmortem=_holding(pm, present), drafted=drafted, pending=pending)


def _with_defaults(raw: dict[str, Any]) -> dict[str, Any]:
    """The required keys a draft in the making may not hold yet: an empty title, a stand-in provenance."""
    return {"title": "", "provenance": _NOT_DRAFTED.model_dump(), **raw}


def _holding(pm: Postmortem, keys: set[str]) -> Postmortem:
    """``pm`` (already valid) marked as holding only ``keys``: what ``to_json`` stores."""
    return Postmortem.model_construct(_fields_set=keys & set(Postmortem.model_fields), **dict(pm))


def to_json(draft: WorkingDraft) -> dict[str, Any]:
    """Encode for the store: the keys the draft holds, provenance once drafted, and pending edits."""
    pm = draft.postmortem
    keys = set(pm.model_fields_set) - (set() if draft.drafted else {"provenance"})
    data = {k: v for k, v in pm.model_dump(mode="json").items() if k in keys}
    if draft.pending:
        data[PENDING_KEY] = {
            k: e.model_dump(mode="json", exclude_none=True) for k, e in draft.pending.items()
        }
    return data


def postmortem_json(draft: WorkingDraft) -> dict[str, Any]:
    """The public JSON of the draft's ``Postmortem`` (every key), as exports write it."""
    return draft.postmortem.model_dump(mode="json")
