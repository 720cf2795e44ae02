"""Show a section as soon as the pipeline reports it: merge a section draft into the working draft.

``draft_postmortem(on_section=...)`` reports the provider's section models (``*Draft``), whose refs
are event ids. The final ``Postmortem`` replaces this preview when the pipeline returns; until
then the editor shows each section with its event ids turned into ``file:line`` references. A
timeline entry whose time cannot be found yet is left for the final draft, which grounds every time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import BaseModel, ValidationError

from assistant.domain import Timeline
from assistant.draft.schema import (
    ActionItem,
    ActionItemsDraft,
    CitedText,
    DetectionDraft,
    Impact,
    ImpactDraft,
    Lessons,
    LessonsDraft,
    MetadataDraft,
    OpenQuestionsDraft,
    Response,
    ResponseDraft,
    RootCauseDraft,
    Statement,
    SummaryDraft,
    SupportingInfoDraft,
    TimelineDraft,
    TimelineEntry,
)
from assistant.draft.working import WorkingDraft

_EVENT_ID = re.compile(r"^E\d+$")


def _refs(ids: Sequence[str], tl: Timeline | None) -> tuple[list[str], list[str]]:
    refs: list[str] = []
    event_ids: list[str] = []
    for ref in ids:
        if _EVENT_ID.match(ref):
            event_ids.append(ref)
            ev = tl.event(ref) if tl else None
            refs.extend(ev.ref_strings if ev else [])
        else:
            refs.append(ref)
    return refs, event_ids


def _stmt(item: CitedText, tl: Timeline | None) -> Statement:
    refs, ids = _refs(item.refs, tl)
    return Statement(text=item.text, refs=refs, event_ids=ids)


def _stmts(items: Sequence[CitedText], tl: Timeline | None) -> list[Statement]:
    return [_stmt(i, tl) for i in items]


def _timeline(d: TimelineDraft, tl: Timeline | None) -> list[TimelineEntry]:
    out = []
    for e in d.entries:
        refs, ids = _refs(e.refs, tl)
        time = e.time
        if not time and ids and tl and (ev := tl.event(ids[0])):
            time = ev.time.isoformat()
        try:
            out.append(TimelineEntry.model_validate(
                {"time": time, "description": e.description, "refs": refs, "event_ids": ids}
            ))  # fmt: skip
        except ValidationError:
            continue  # no usable time yet: the final draft grounds it or leaves it out
    return out


def _actions(d: ActionItemsDraft, tl: Timeline | None) -> list[ActionItem]:
    out = []
    for a in d.items:
        refs, ids = _refs(a.refs, tl)
        out.append(ActionItem(**{**dict(a), "refs": refs, "event_ids": ids}))
    return out


def _changes(model: BaseModel, tl: Timeline | None) -> dict[str, object]:
    """The postmortem fields one reported section sets (none for a section we do not preview)."""
    match model:
        case MetadataDraft():
            return dict(model)
        case SummaryDraft():
            return {"summary": model.summary}
        case ImpactDraft():
            return {"impact": Impact(summary=model.summary, figures=_stmts(model.figures, tl))}
        case TimelineDraft():
            return {"timeline": _timeline(model, tl)}
        case DetectionDraft():
            return {"detection": _stmt(CitedText(text=model.text, refs=model.refs), tl)}
        case ResponseDraft():
            return {"response": Response(summary=model.summary, mitigation=_stmts(model.mitigation, tl),
                                         resolution=_stmts(model.resolution, tl))}  # fmt: skip
        case RootCauseDraft():
            return {
                "root_cause": _stmt(model.root_cause, tl),
                "trigger": _stmt(model.trigger, tl) if model.trigger else None,
                "contributing_factors": _stmts(model.contributing_factors, tl),
                "ruled_out": _stmts(model.ruled_out, tl),
            }
        case LessonsDraft():
            return {"lessons": Lessons(went_well=_stmts(model.went_well, tl), went_wrong=_stmts(model.went_wrong, tl),
                                       lucky=_stmts(model.lucky, tl))}  # fmt: skip
        case ActionItemsDraft():
            return {"action_items": _actions(model, tl)}
        case OpenQuestionsDraft():
            return {"open_questions": list(model.questions)}
        case SupportingInfoDraft():
            return {"supporting_information": _stmts(model.items, tl)}
    return {}


def merge_section(draft: WorkingDraft, name: str, model: BaseModel, tl: Timeline | None) -> WorkingDraft:
    """The draft with section ``name`` written in, as ``Postmortem`` fields (a validated update).

    The section model's type says which fields it sets; a section we do not preview (a template's
    free section) leaves the draft as it is.
    """
    changes = _changes(model, tl)
    return draft.revise(**changes) if changes else draft
