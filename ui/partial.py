"""Show a section as soon as the pipeline reports it: merge a section draft into the draft dict.

``draft_postmortem(on_section=...)`` reports the provider's section models (``*Draft``), whose refs
are event ids. The final ``Postmortem`` replaces this preview when the pipeline returns; until
then the editor shows each section with its event ids turned into ``file:line`` references.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from assistant.domain import Timeline

_EVENT_ID = re.compile(r"^E\d+$")


def _refs(ids: list[Any], tl: Timeline | None) -> tuple[list[str], list[str]]:
    refs: list[str] = []
    event_ids: list[str] = []
    for raw in ids or []:
        ref = str(raw)
        if _EVENT_ID.match(ref):
            event_ids.append(ref)
            ev = tl.event(ref) if tl else None
            refs.extend(ev.ref_strings if ev else [])
        else:
            refs.append(ref)
    return refs, event_ids


def _stmt(item: Any, tl: Timeline | None) -> dict[str, Any] | None:
    if item is None:
        return None
    if isinstance(item, str):
        return {"text": item, "refs": [], "event_ids": []}
    refs, ids = _refs(item.get("refs", []), tl)
    return {"text": str(item.get("text", "")), "refs": refs, "event_ids": ids or item.get("event_ids", [])}


def _stmts(items: Any, tl: Timeline | None) -> list[dict[str, Any]]:
    return [s for s in (_stmt(i, tl) for i in items or []) if s]


def _timeline(entries: list[dict[str, Any]], tl: Timeline | None) -> list[dict[str, Any]]:
    out = []
    for e in entries:
        refs, ids = _refs(e.get("refs", []), tl)
        time = e.get("time")
        if not time and ids and tl and (ev := tl.event(ids[0])):
            time = ev.time.isoformat()
        out.append(
            {"time": time or "", "description": e.get("description", ""), "refs": refs, "event_ids": ids}
        )
    return out


def _actions(items: list[dict[str, Any]], tl: Timeline | None) -> list[dict[str, Any]]:
    out = []
    for a in items:
        refs, ids = _refs(a.get("refs", []), tl)
        out.append({**a, "refs": refs, "event_ids": ids or a.get("event_ids", [])})
    return out


def merge_section(
    draft: dict[str, Any], name: str, model: BaseModel | dict[str, Any], tl: Timeline | None
) -> None:
    """Write one reported section into the draft dict, in ``Postmortem`` shape."""
    d = model.model_dump(mode="json") if isinstance(model, BaseModel) else dict(model)
    if name == "metadata":
        for k in ("title", "severity", "status", "date", "duration", "services", "authors"):
            if k in d:
                draft[k] = d[k]
    elif name == "summary":
        draft["summary"] = d.get("summary", "")
    elif name == "impact":
        draft["impact"] = {"summary": d.get("summary", ""), "figures": _stmts(d.get("figures"), tl)}
    elif name == "timeline":
        draft["timeline"] = _timeline(d.get("entries", d.get("timeline", [])), tl)
    elif name == "detection":
        draft["detection"] = _stmt(d.get("detection", d), tl)
    elif name == "response":
        draft["response"] = {
            "summary": d.get("summary", ""),
            "mitigation": _stmts(d.get("mitigation"), tl),
            "resolution": _stmts(d.get("resolution"), tl),
        }
    elif name == "root_cause":
        draft["root_cause"] = _stmt(d.get("root_cause"), tl) or {"text": "", "refs": [], "event_ids": []}
        draft["trigger"] = _stmt(d.get("trigger"), tl)
        draft["contributing_factors"] = _stmts(d.get("contributing_factors"), tl)
        draft["ruled_out"] = _stmts(d.get("ruled_out"), tl)
    elif name == "lessons":
        draft["lessons"] = {k: _stmts(d.get(k), tl) for k in ("went_well", "went_wrong", "lucky")}
    elif name == "action_items":
        draft["action_items"] = _actions(d.get("items", d.get("action_items", [])), tl)
    elif name == "open_questions":
        draft["open_questions"] = [str(q) for q in d.get("questions", d.get("open_questions", []))]
    elif name == "supporting_information":
        draft["supporting_information"] = _stmts(d.get("items", d.get("supporting_information", [])), tl)
