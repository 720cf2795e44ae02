"""Editor saves go through the store's version check: a stale save is refused and both texts shown.

Each editable field carries, in a hidden ``base:<path>`` component, the draft version its text was
loaded or last saved at (tables likewise, ``base:table:<key>``). A save sends it as ``base_version`` to ``review.history.save_section``,
which refuses the save when someone else changed that field since (a change to another field is
not a conflict). The refusal shows both texts in the conflict panel, which offers to keep mine
(saved over theirs, knowingly) or to take theirs into the editor.
"""

from __future__ import annotations

import json
from typing import Any

from assistant.draft.schema import SECTION_TITLES
from assistant.draft.working import blank
from assistant.errors import StaleSaveError
from assistant.review import history
from assistant.store.drafts import DraftRecord
from assistant.ui import drafts, free_editor
from assistant.ui.conflicts import conflict_view, saved_view
from assistant.ui.handlers import UiContext
from assistant.ui.sections import FIELD_BY_PATH, FIELDS, TABLES, table_rows
from assistant.ui.views import View

CONFLICT_NAMES = ["conflict", "conflict_state"]


def base_names() -> list[str]:
    """The view names of the hidden base versions, one per editable field and table."""
    return [f"base:{f.path}" for f in FIELDS] + [f"base:table:{k}" for k in TABLES]


def stamp(ctx: UiContext, view: View, draft_id: str | None) -> View:
    """Add the stored version as the base of every field and table the view loads into the editor."""
    fields = [n[6:] for n in view if n.startswith("field:")] + [n for n in view if n.startswith("table:")]
    if not fields:
        return view
    rec = ctx.store.get(draft_id) if draft_id else None
    version = str(rec.version) if rec else ""
    view.update({f"base:{p}": version for p in fields})
    if "field:title" in view:  # the whole editor (re)loads: so do the template's free sections
        view.update(free_editor.view(drafts.of(rec), rec.version if rec else None))
    return view


def _base(text: Any) -> int | None:
    try:
        return int(str(text).strip())
    except ValueError:
        return None


def save_field(
    ctx: UiContext, draft_id: str | None, path: str, text: str, base: Any, user: str | None
) -> View:
    """Save one textbox from the version it was loaded at; a stale save returns the conflict instead."""
    f = FIELD_BY_PATH[path]
    rec = ctx.store.get(draft_id) if draft_id else None
    if rec is None:  # the first edit of a new draft creates it; nobody else can have changed it
        rec = _created(ctx, user)
    # An editor that sent no base (an API client of an older page) saves over the current version.
    base_version = _base(base) or rec.version
    try:
        version = history.save_section(
            ctx.store, rec.id, path, text or "", base_version=base_version, user=user
        )
    except StaleSaveError as exc:
        state = {"path": path, "mine": exc.mine, "theirs": exc.theirs, "current": exc.current}
        return conflict_view(rec.id, exc, f.label, state)
    return _kept_as_typed(ctx, saved_view(rec.id, f"base:{path}", version), path)


def leave_field(
    ctx: UiContext,
    draft_id: str | None,
    path: str,
    text: str,
    base: Any,
    user: str | None,
    conflict_state: str,
) -> View:
    """Save a textbox the user leaves, unless a refused save of it is still open in the conflict panel.

    Clicking "Keep mine" or "Take theirs" leaves the box: saving its stale text again would only be
    refused again, and the second refusal could land after the choice and reopen the panel.
    """
    state = _state(conflict_state)
    if state is not None and state.get("path") == path and draft_id:
        return {"draft_id": draft_id}
    return save_field(ctx, draft_id, path, text, base, user)


def save_table(
    ctx: UiContext, draft_id: str | None, key: str, rows: Any, base: Any, user: str | None
) -> View:
    """Save an edited table from the version it was loaded at; a stale save returns the conflict instead."""
    rec = ctx.store.get(draft_id) if draft_id else None
    if rec is None:
        rec = _created(ctx, user)
    mine = _rows(rows)
    try:
        version = history.save_table(ctx.store, rec.id, key, mine, base_version=_base(base) or rec.version,
                                     user=user)  # fmt: skip
    except StaleSaveError as exc:
        state = {"table": key, "mine": mine, "theirs": table_rows(drafts.of(ctx.store.get(rec.id)), key),
                 "current": exc.current}  # fmt: skip
        label = f"The {SECTION_TITLES[key].lower()} table"
        return conflict_view(rec.id, exc, label, state)
    return _kept_as_typed(ctx, saved_view(rec.id, f"base:table:{key}", version), f"table:{key}")


def _created(ctx: UiContext, user: str | None) -> DraftRecord:
    """A new stored draft for the first edit of a draft nobody has drafted."""
    draft_id = drafts.create(ctx.store, blank("Untitled draft"), title="Untitled draft", author=user)
    rec = ctx.store.get(draft_id)
    assert rec is not None
    return rec


def _kept_as_typed(ctx: UiContext, view: View, target: str) -> View:
    """A saved view that says so when the edit was kept as typed because it does not validate yet."""
    pending = drafts.of(ctx.store.get(view["draft_id"])).pending.get(target)
    if pending is not None:
        view["saved"] = f"⚠️ Saved as typed, not valid yet: {pending.error}"
    return view


def _rows(rows: Any) -> list[list[Any]]:
    """Table rows from what Gradio sends: a DataFrame, its dict form, or lists."""
    if rows is None:
        return []
    if hasattr(rows, "values") and hasattr(rows, "columns"):  # a pandas DataFrame
        return [list(r) for r in rows.values.tolist()]
    if isinstance(rows, dict):
        return [list(r) for r in rows.get("data", [])]
    return [list(r) for r in rows]


def _state(text: str) -> dict[str, Any] | None:
    try:
        state = json.loads(text or "")
    except ValueError:
        return None
    if not isinstance(state, dict):
        return None
    return (
        state
        if state.get("path") in FIELD_BY_PATH or state.get("table") in TABLES or "free" in state
        else None
    )


def keep_mine(ctx: UiContext, draft_id: str | None, state_text: str, user: str | None) -> View:
    """Save mine over theirs, knowingly (refused again if it changed once more meanwhile)."""
    state = _state(state_text)
    if state is None or not draft_id:
        return {"conflict": "", "conflict_state": ""}
    if "free" in state:
        view = free_editor.save(ctx, draft_id, int(state["free"]), state["mine"], state["current"], user)
        shown: View = {f"free:{state['free']}": (state["heading"], state["mine"])}
    elif "table" in state:
        view = save_table(ctx, draft_id, state["table"], state["mine"], state["current"], user)
        shown = {f"table:{state['table']}": state["mine"]}
    else:
        view = save_field(ctx, draft_id, state["path"], state["mine"], state["current"], user)
        shown = {f"field:{state['path']}": state["mine"]}
    if "conflict" not in view:
        view.update({"conflict": "", "conflict_state": "", **shown})
    return view


def take_theirs(ctx: UiContext, draft_id: str | None, state_text: str) -> View:
    """Put their saved text into my editor and continue from their version."""
    state = _state(state_text)
    if state is None:
        return {"conflict": "", "conflict_state": ""}
    done: View = {"conflict": "", "conflict_state": "", "saved": "Took their text"}
    if "free" in state:
        n = state["free"]
        return {
            **done,
            f"free:{n}": (state["heading"], state["theirs"]),
            f"base:free:{n}": str(state["current"]),
        }
    where = f"table:{state['table']}" if "table" in state else f"field:{state['path']}"
    return {**done, where: state["theirs"], f"base:{where.removeprefix('field:')}": str(state["current"])}


def add_components(gr: Any, outs: Any) -> dict[str, Any]:
    """The hidden base versions and the conflict panel (call inside the editor's layout)."""
    for name in base_names():
        elem = name.replace(":", "-").replace(".", "-")
        outs.add(name, gr.Textbox("", visible=False, elem_id=elem))
    with gr.Group(visible=False, elem_id="conflict-box") as box:
        panel = gr.Markdown("", elem_id="conflict")
        state = gr.Textbox("", visible=False, elem_id="conflict-state")
        with gr.Row():
            mine = gr.Button("Keep mine", size="sm", elem_id="conflict-mine")
            theirs = gr.Button("Take theirs", size="sm", elem_id="conflict-theirs")
    outs.add("conflict", panel, box)
    outs.add("conflict_state", state)
    return {"mine": mine, "theirs": theirs, "state": state}


def stamped(ctx: UiContext, fn: Any, *, draft_arg: int | None = None, gen: bool = False) -> Any:
    """Wrap a handler so every view that loads fields also sets their base versions.

    The draft is the handler's ``draft_arg``-th argument, or the ``draft_id`` a view announces
    (drafting creates the draft on the way).
    """
    if gen:

        def run_gen(*args: Any) -> Any:
            did = args[draft_arg] if draft_arg is not None else None
            for view in fn(*args):
                did = view.get("draft_id") or did
                yield stamp(ctx, view, did)

        return run_gen

    def run(*args: Any) -> View:
        view = fn(*args)
        did = view.get("draft_id") or (args[draft_arg] if draft_arg is not None else None)
        return stamp(ctx, view, did)

    return run
