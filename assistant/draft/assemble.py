"""Assemble section drafts into the public ``Postmortem``: ground, de-blame, screen injection, restore.

Every text passes through the same gate in this order: grounding (times must exist in the
sources), injection screen (no repeating an injection-looking source line), tone rewrite, alias
restore (names back for the human; secrets stay as placeholders).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from assistant.domain import KeyTimes, Metrics, Timeline
from assistant.draft import schema as s
from assistant.draft.context import DraftContext
from assistant.draft.grounding import Grounder
from assistant.draft.offline import OFFLINE
from assistant.injection import draft_repeats_injection, injection_lines, looks_like_injection
from assistant.llm.base import Provider
from assistant.tone.guard import people_of, rewrite
from assistant.tone.sentences import split_sentences


class _Gate:
    def __init__(self, tl: Timeline, ctx: DraftContext, offline_sections: set[str]) -> None:
        self.offline_sections = offline_sections
        self.original = tl
        self.ctx = ctx
        self.g = Grounder(ctx.timeline)
        self.tone: list[s.ToneNote] = []
        self.injection_events = injection_lines(ctx.timeline)
        self.injection = [e.text for e in self.injection_events]
        self.people = people_of(ctx.timeline)  # participants (aliased when the names are), for the tone gate

    def text(self, text: str, section: str) -> str:
        text = self._screen(self.g.text(text or "", section), section)
        if not text.strip():
            return ""
        # Every section passes the tone rules and the parse with the participants as known people:
        # a blameful source sentence never reaches the draft verbatim, offline or model-written.
        text, findings = rewrite(text, people=self.people)
        for f in findings:
            self.tone.append(
                s.ToneNote(
                    section=section,
                    category=f.category,
                    explanation=f.explanation,
                    rewritten_to=self.ctx.restore(f.suggestion),
                )
            )
        return self.ctx.restore(text).strip()

    def refs(self, ids: list[str], section: str) -> tuple[list[str], list[str]]:
        ids = self.g.refs(ids, section)
        refs: list[str] = []
        for i in ids:
            ev = self.original.event(i) or self.g.event(i)
            if ev:
                refs += [r for r in ev.ref_strings if r not in refs]
        return refs, ids

    def statement(self, item: s.CitedText | None, section: str) -> s.Statement | None:
        if item is None:
            return None
        text = self.text(item.text, section)
        if not text:
            return None
        refs, ids = self.refs(item.refs, section)
        return s.Statement(text=text, refs=refs, event_ids=ids)

    def statements(self, items: list[s.CitedText], section: str) -> list[s.Statement]:
        return [st for st in (self.statement(i, section) for i in items) if st is not None]

    def field(self, value: str | None, section: str) -> str | None:
        """A short model-written field (owner, due date): screened for injection, names restored."""
        kept = self._screen(value or "", section).strip()
        return self.ctx.restore(kept) if kept else None

    def _screen(self, text: str, section: str) -> str:
        """Drop each sentence that repeats an injection-looking source line or carries one itself.

        Only the offending sentence goes, never the whole field (``assistant.injection`` is the
        one screen); each drop is recorded as a repair in provenance.
        """
        out, last = [], 0
        for sent in split_sentences(text):
            if looks_like_injection(sent.text) or draft_repeats_injection(sent.text, self.injection):
                out.append(text[last : sent.start])
                last = sent.end
                self.g._repair(f"{section}: dropped a sentence repeating an injection-looking source line")
        out.append(text[last:])
        return re.sub(r"[ 	]{2,}", " ", "".join(out)) if last else text


def assemble(
    *,
    timeline: Timeline,
    ctx: DraftContext,
    drafted: dict[str, BaseModel],
    status: dict[str, s.SectionStatus],
    provider: Provider | None,
    versions: dict[str, str],
    template: s.TemplateRef | None = None,
) -> s.Postmortem:
    """Build the grounded ``Postmortem`` from the section drafts (``provider`` None: drafted offline),
    and a team template's free sections."""
    gate = _Gate(timeline, ctx, {n for n, st in status.items() if st.provider == OFFLINE})
    get: Any = drafted.get
    meta = get("metadata") or s.MetadataDraft(title="Incident postmortem (draft)")
    kt: KeyTimes = timeline.key_times
    pm = s.Postmortem(
        title=gate.text(meta.title, "metadata") or "Incident postmortem (draft)",
        severity=meta.severity,
        # Header fields are model output too: they pass the same screen as section text.
        status=gate.text(meta.status or "", "metadata") or "draft",
        date=(gate.text(meta.date, "metadata") or None) if meta.date else None,
        duration=(gate.text(meta.duration, "metadata") or None) if meta.duration else None,
        services=[x for x in (gate.text(v, "metadata") for v in meta.services) if x],
        authors=[x for x in (gate.text(v, "metadata") for v in meta.authors) if x],
        key_times=kt,
        key_events=timeline.key_events,
        key_candidates=dict(timeline.key_candidates),
        metrics=timeline.metrics if timeline.metrics != Metrics() else Metrics.from_key_times(kt),
        provenance=(
            s.Provenance(provider=provider.name, model=provider.model)
            if provider is not None
            else s.Provenance(provider=OFFLINE, model=None)
        ),
    )
    if status.get("metadata") is not None and status["metadata"].provider != "offline":
        pm.duration = _duration(kt) or pm.duration  # code computes durations; the model only states them
    if (d := get("summary")) is not None:
        pm.summary = gate.text(d.summary, "summary")
        gate.refs(d.refs, "summary")  # the summary keeps no citations, but bad ones still count
    if (d := get("impact")) is not None:
        pm.impact = s.Impact(
            summary=gate.text(d.summary, "impact"), figures=gate.statements(d.figures, "impact")
        )
    if (d := get("timeline")) is not None:
        pm.timeline = _timeline(d, gate)
    if (d := get("detection")) is not None:
        pm.detection = gate.statement(s.CitedText(text=d.text, refs=d.refs), "detection") or s.Statement(
            text=""
        )
    if (d := get("response")) is not None:
        pm.response = s.Response(
            summary=gate.text(d.summary, "response"),
            mitigation=gate.statements(d.mitigation, "response"),
            resolution=gate.statements(d.resolution, "response"),
        )
    if (d := get("root_cause")) is not None:
        pm.root_cause = gate.statement(d.root_cause, "root_cause") or s.Statement(text="")
        pm.trigger = gate.statement(d.trigger, "root_cause")
        pm.contributing_factors = gate.statements(d.contributing_factors, "root_cause")
        pm.ruled_out = gate.statements(d.ruled_out, "root_cause")
    if (d := get("lessons")) is not None:
        pm.lessons = s.Lessons(
            went_well=gate.statements(d.went_well, "lessons"),
            went_wrong=gate.statements(d.went_wrong, "lessons"),
            lucky=gate.statements(d.lucky, "lessons"),
        )
    if (d := get("action_items")) is not None:
        pm.action_items = _actions(d, gate)
    if (d := get("supporting_information")) is not None:
        pm.supporting_information = gate.statements(d.items, "supporting_information")
    questions = [
        gate.text(q, "open_questions")
        for q in (get("open_questions").questions if get("open_questions") else [])
    ]
    pm.open_questions = [q for q in questions if q] + _gap_questions(pm, drafted, gate, template)
    if template is not None:
        pm.template = template
        pm.free_sections = _free_sections(template, drafted, gate)
    pm.similar_incidents = [_similar(m) for m in ctx.similar]
    pm.tone_findings = gate.tone
    prov = pm.provenance
    prov.prompt_versions = versions
    prov.repairs = gate.g.repairs
    prov.repair_notes = gate.g.notes
    prov.sections = status
    prov.fallbacks = [n for n, st in status.items() if st.status == "fallback"]
    prov.injection_flags = [e.id for e in gate.injection_events]
    prov.redacted = ctx.redacted
    prov.aliased_names = ctx.aliased
    prov.library = ctx.library_note
    prov.template = template.label if template else None
    return pm


def _free_sections(
    template: s.TemplateRef, drafted: dict[str, BaseModel], gate: _Gate
) -> list[s.FreeSection]:
    """The template's free sections, through the same gate as ours; an empty one is 'to be written'."""
    from assistant.draft.free_sections import TO_BE_WRITTEN, free_headings, free_key

    out = []
    for n, h in free_headings(template):
        d = drafted.get(free_key(n))
        if d is None:
            continue
        assert isinstance(d, s.FreeSectionDraft)
        text = gate.text(d.text, free_key(n))
        items = gate.statements(d.items, free_key(n))
        empty = not items and (not text or text == TO_BE_WRITTEN)
        out.append(s.FreeSection(position=n, heading=h.heading, guidance=h.guidance,
                                 text=TO_BE_WRITTEN if empty else text, items=items, to_be_written=empty))  # fmt: skip
    return out


def _duration(kt: KeyTimes) -> str | None:
    """Start to resolved (else mitigated), as the metadata states it, computed by code."""
    from assistant.draft.hints import duration

    end = kt.resolved or kt.mitigated
    return duration((end - kt.start).total_seconds()) if end and kt.start else None


def _timeline(d: s.TimelineDraft, gate: _Gate) -> list[s.TimelineEntry]:
    keys = {v: k for k, v in gate.original.key_events.model_dump().items() if v}
    out: list[s.TimelineEntry] = []
    for n, entry in enumerate(d.entries):
        where = f"timeline[{n}]"
        refs, ids = gate.refs(entry.refs, where)
        if not ids:
            continue
        ev = gate.g.event(ids[0])
        assert ev is not None  # refs() keeps only known ids
        time = gate.g.entry_time(entry.time, ev, where)
        text = gate.text(entry.description, where)
        if not text:
            gate.g._repair(f"{where}: entry dropped (nothing grounded left)")
            continue
        key = next((keys[i] for i in ids if i in keys), None)
        out.append(
            s.TimelineEntry(
                time=time, description=text, refs=refs, event_ids=ids, source=ev.source.value, key=key
            )
        )
    out.sort(key=lambda e: e.time)
    return out


def _actions(d: s.ActionItemsDraft, gate: _Gate) -> list[s.ActionItem]:
    out: list[s.ActionItem] = []
    for n, item in enumerate(d.items):
        text = gate.text(item.description, f"action_items[{n}]")
        if not text:
            continue
        refs, ids = gate.refs(item.refs, f"action_items[{n}]")
        owner, due = gate.field(item.owner, f"action_items[{n}]"), gate.field(item.due, f"action_items[{n}]")
        out.append(
            s.ActionItem(
                description=text,
                owner=owner,
                due=due,
                priority=item.priority,
                kind=item.kind,
                refs=refs,
                event_ids=ids,
            )
        )
    return out


def _gap_questions(
    pm: s.Postmortem, drafted: dict[str, BaseModel], gate: _Gate, template: s.TemplateRef | None = None
) -> list[str]:
    """Explain every empty section and flagged input, so reviewers know what is missing and why.

    With a team template, only the sections it shows are asked about.
    """
    from assistant.draft.free_sections import planned_sections

    shown = set(planned_sections(template))
    qs: list[str] = []
    empty = {
        "summary": not pm.summary,
        "impact": not pm.impact.summary and not pm.impact.figures,
        "timeline": not pm.timeline,
        "detection": not pm.detection.text,
        "response": not pm.response.summary and not pm.response.mitigation,
        "root_cause": not pm.root_cause.text,
        "lessons": not (pm.lessons.went_well or pm.lessons.went_wrong or pm.lessons.lucky),
        "action_items": not pm.action_items,
        "supporting_information": not pm.supporting_information,
    }
    existing = " ".join(pm.open_questions).lower()
    for name, is_empty in empty.items():
        if name not in shown:
            continue
        label = name.replace("_", " ")
        if name not in drafted:
            qs.append(f"The {label} section was not drafted in this run; draft it before the review.")
        elif is_empty and label not in existing:
            qs.append(f"The {label} section is empty: the sources did not establish it. What should it say?")
    qs += _clock_questions(gate.ctx.timeline)
    qs += problem_questions(gate.original)
    for e in gate.injection_events:
        qs.append(
            f"Source line {e.id} ({', '.join(e.ref_strings)}) contains text addressed to an AI assistant; "
            "it was treated as data and ignored. Should it be reported as a security concern?"
        )
    return qs


def problem_questions(tl: Timeline) -> list[str]:
    """One question per kind of input problem, naming every input it hit: none is dropped."""
    by_message: dict[str, list[str]] = {}
    for p in tl.problems:
        by_message.setdefault(p.message, []).append(f"{p.path}{f':{p.line}' if p.line else ''}")
    qs = []
    for message, where in by_message.items():
        if len(where) == 1:
            qs.append(
                f"Input {where[0]} could not be fully used ({message}); does it hold anything the draft needs?"
            )
        else:
            qs.append(
                f"Inputs {', '.join(where)} could not be fully used ({message}); do they hold anything the draft needs?"
            )
    return qs


def _clock_questions(tl: Timeline) -> list[str]:
    """Sources whose clock was assumed rather than established, and corrected skews."""
    qs = []
    for source, info in tl.clock.items():
        if info.how == "default":
            qs.append(
                f"The clock of {source} could not be pinned down: its times carry no zone and nothing in the "
                f"material states or implies one, so UTC{info.offset} was assumed. Which zone was it in?"
            )
        if info.skew_s and abs(info.skew_s) >= 30:
            qs.append(
                f"{source} ran {abs(info.skew_s):.0f}s {'ahead' if info.skew_s > 0 else 'behind'} against the other "
                "sources and was corrected; did this clock skew play a part in the incident?"
            )
    return qs


def _seen_text(p: Any) -> str:
    """A past action item with the status its postmortem states ("status not stated" otherwise)."""
    field = p.get if isinstance(p, dict) else lambda k, d=None: getattr(p, k, d)
    text = field("text") or str(p)
    return f"{text} ({field('status') or 'status not stated'})"


def _similar(m: Any) -> s.SimilarIncident:
    get = m.get if isinstance(m, dict) else lambda k, d=None: getattr(m, k, d)
    seen = [_seen_text(p) for p in (get("seen_before") or [])]
    date = get("date")
    return s.SimilarIncident(
        id=str(get("id", "?")),
        title=get("title"),
        score=get("score"),
        why=get("why"),
        url=get("url"),
        date=str(date) if date else None,
        seen_before=[str(x) for x in seen if x],
    )
