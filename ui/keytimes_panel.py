"""The key-times panel (issue 11 item 4): each key time with its evidence and candidates; people decide.

One click on a candidate picks it; any timeline event can be picked by its id. The pick moves the
key time on the stored timeline (``assistant.roles.pick``), recomputes the metrics, is recorded in
the draft's provenance (``key_picks``), and the sections that depend on that time are redrafted.
``pick`` and ``choices`` are plain Python (tests call them); ``add_panel`` wires them into the app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC
from typing import Any

from assistant.domain import KeyChoice, Timeline
from assistant.draft.working import from_json, to_json
from assistant.errors import PostmortemError
from assistant.roles.pick import AFFECTED_SECTIONS, KEYS, apply_to_draft, pick_key_time
from assistant.ui import drafts, handlers
from assistant.ui.handlers import UiContext
from assistant.ui.views import View, keytimes_md

_UNKNOWN = "unknown"


def _label(event_id: str, when: Any, why: str, confidence: float, *, chosen: bool) -> str:
    hm = when.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if when else "?"
    mark = "✓ " if chosen else ""
    return f"{mark}{event_id} · {hm} · {why} ({confidence:.2f})"


def choices(tl: Timeline | None) -> dict[str, tuple[list[tuple[str, str]], str | None]]:
    """Key -> (radio choices as (label, event id), the chosen event id) from the stored timeline."""
    out: dict[str, tuple[list[tuple[str, str]], str | None]] = {}
    for key in KEYS:
        c = (tl.key_candidates.get(key) if tl else None) or KeyChoice()
        chosen = getattr(tl.key_events, key) if tl else None
        items: list[tuple[str, str]] = []
        if c.event_id:
            items.append((_label(c.event_id, c.time, c.why, c.confidence, chosen=True), c.event_id))
        elif chosen and tl is not None and (e := tl.event(chosen)) is not None:
            items.append((_label(chosen, e.time, "chosen", 1.0, chosen=True), chosen))
        for a in c.candidates:
            if a.event_id not in {v for _, v in items}:
                items.append((_label(a.event_id, a.time, a.why, a.confidence, chosen=False), a.event_id))
        out[key] = (items, chosen)
    return out


def _timeline(ctx: UiContext, draft_id: str | None) -> Timeline | None:
    rec = ctx.store.get(draft_id) if draft_id else None
    return Timeline.model_validate(rec.timeline) if rec is not None and rec.timeline else None


def pick(
    ctx: UiContext, draft_id: str | None, key: str, event_id: str, provider_name: str, by: str | None = None
) -> Iterator[View]:
    """Move ``key`` to ``event_id``, save it with the draft (and its provenance), then redraft the
    sections that depend on it; yields views like every drafting handler."""
    rec = ctx.store.get(draft_id) if draft_id else None
    if rec is None or not rec.timeline:
        yield {"notice": "⚠️ Nothing to pick from: draft an incident first."}
        return
    try:
        tl, made = pick_key_time(Timeline.model_validate(rec.timeline), key, event_id or "", by=by)
    except PostmortemError as exc:
        yield {"notice": f"⚠️ {exc}"}
        return
    draft = from_json(apply_to_draft(to_json(drafts.of(rec)), tl, made))  # assistant.roles edits the JSON
    drafts.save(ctx.store, rec.id, draft, timeline=tl, section="key_times", user=by)
    yield {
        "keytimes": keytimes_md(draft),
        "notice": f"{key.capitalize()} is now {made.event_id} ({made.time:%H:%M:%S %Z}); "
        f"redrafting {', '.join(AFFECTED_SECTIONS[key])}.",
    }
    yield from handlers.redraft(ctx, rec.id, AFFECTED_SECTIONS[key], provider_name or "offline")


def add_panel(gr: Any, ctx: UiContext, outs: Any, keytimes: Any, draft_id: Any,
              provider: Any) -> Callable[[list[str]], None]:  # fmt: skip
    """The candidates under the key-times table (call inside the layout). Returns the wiring step, to
    call once every view a pick may update (``result_names``) has its components."""
    from assistant.ui.review_tab import current_user

    radios: dict[str, Any] = {}
    with gr.Group(elem_id="keytimes-panel"):
        gr.Markdown("Pick the event for a key time: one click on a candidate, or any event id below.")
        for key in KEYS:
            radios[key] = gr.Radio(choices=[], label=key, elem_id=f"pick-{key}", visible=False)
        with gr.Row():
            key_dd = gr.Dropdown(list(KEYS), value="start", label="Key time", elem_id="pick-key", scale=1)
            event_tb = gr.Textbox(
                label="Timeline event id", placeholder="E012", elem_id="pick-event", scale=1
            )
            use_btn = gr.Button("Use this event", size="sm", elem_id="pick-btn", scale=0)
    radio_list = [radios[k] for k in KEYS]

    def refresh(did: str | None) -> list[Any]:
        found = choices(_timeline(ctx, did))
        return [gr.update(choices=found[k][0], value=found[k][1], visible=bool(found[k][0])) for k in KEYS]

    keytimes.change(refresh, inputs=[draft_id], outputs=radio_list, show_progress="hidden")

    def wire_all(result_names: list[str]) -> None:
        names = list(dict.fromkeys([*result_names, "keytimes", "notice"]))
        gen = outs.wrap_gen(lambda did, k, ev, prov, by: pick(ctx, did, k, ev, prov, by), names)

        def wire(event: Any, api: str, fixed: str | None, inputs: list[Any]) -> None:
            def run(did: str, k: str, ev: str, prov: str, request: Any = None) -> Iterator[Any]:
                yield from gen(did, fixed or k, ev, prov, current_user(ctx.settings, request))

            # Gradio injects the request into a parameter annotated gr.Request (see review_tab).
            run.__annotations__ = {**run.__annotations__, "request": gr.Request}
            outs.api[api] = names
            event(run, inputs=inputs, outputs=outs.of(names), api_name=api)

        for k in KEYS:
            wire(radios[k].input, f"pick_{k}", k, [draft_id, key_dd, radios[k], provider])
        wire(use_btn.click, "pick_event", None, [draft_id, key_dd, event_tb, provider])

    return wire_all
