"""Draft schemas: the per-section models a provider fills in, and the assembled ``Postmortem``.

Two layers, on purpose:
- ``*Draft`` section models are what a provider returns (LLM structured output). Their ``refs``
  are timeline event ids (``E012``); their ``Field(description=...)`` texts are the prompt contract.
- ``Postmortem`` is the assembled, grounded draft people read and the CLI prints. Its JSON keys are a
  public contract (issue 2 item 8). There every cited item carries ``refs`` as source references
  ``"file:line"`` (what a human opens) and ``event_ids`` (the timeline ids the section cited).
"""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from assistant.domain import KeyChoice, KeyEvents, KeyPick, KeyTimes, Metrics

Severity = Literal["SEV1", "SEV2", "SEV3", "SEV4", "unknown"]
Priority = Literal["high", "medium", "low"]
ActionKind = Literal["prevent", "detect", "mitigate", "process"]

_REFS = "ids of the timeline events that support this, e.g. ['E012']; only ids that appear in the sources"


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------------------------
# Section drafts (provider output). Order of SECTION_MODELS below is the order of the document.
# --------------------------------------------------------------------------------------------


class CitedText(_Out):
    """One statement and the events that support it."""

    text: str = Field(
        description="one neutral, factual sentence about systems and decisions, never about a person's fault"
    )
    refs: list[str] = Field(default_factory=list, description=_REFS)


class MetadataDraft(_Out):
    """Title and classification of the incident."""

    title: str = Field(
        description="short factual title naming the affected service and the failure, no names of people"
    )
    severity: Severity = Field(
        default="unknown", description="severity stated in the sources (SEV1..SEV4), else 'unknown'"
    )
    status: str = Field(default="draft", description="document status; 'draft' until reviewed")
    date: str | None = Field(default=None, description="date the incident started, YYYY-MM-DD (UTC)")
    duration: str | None = Field(
        default=None, description="impact duration from start to resolved, e.g. '1h37m'"
    )
    services: list[str] = Field(
        default_factory=list, description="affected services or systems named in the sources"
    )
    authors: list[str] = Field(
        default_factory=list, description="people writing the postmortem; leave empty if unknown"
    )


class SummaryDraft(_Out):
    """A few sentences for readers who read nothing else."""

    summary: str = Field(
        description="3-5 sentences: what failed, impact, how it was detected, mitigated and resolved; no blame, no hindsight ('should have')"
    )
    refs: list[str] = Field(default_factory=list, description=_REFS)


class ImpactDraft(_Out):
    """Who and what was affected, quantified where the sources give numbers."""

    summary: str = Field(description="one or two sentences on customer and business impact")
    figures: list[CitedText] = Field(
        default_factory=list,
        description="each impact figure exactly as the sources state it (counts, %, durations, money); never invent numbers",
    )


class TimelineEntryDraft(_Out):
    """One moment of the incident, citing the event(s) it summarises."""

    refs: list[str] = Field(
        min_length=1, description="event ids this entry summarises; the first one gives the entry's time"
    )
    description: str = Field(description="what happened, neutrally (systems, actions, decisions)")
    time: str | None = Field(
        default=None, description="ISO-8601 time of the first cited event, copied from the sources"
    )


class TimelineDraft(_Out):
    """The key moments: start, detection, alerts, findings, decisions, mitigation, resolution."""

    entries: list[TimelineEntryDraft] = Field(default_factory=list, description="key moments in time order")


class DetectionDraft(_Out):
    """How and when people learned about the incident."""

    text: str = Field(
        description="how the incident was detected (alert, page, customer report), when, and any earlier signal that did not page"
    )
    refs: list[str] = Field(default_factory=list, description=_REFS)


class ResponseDraft(_Out):
    """What responders did to mitigate and resolve."""

    summary: str = Field(
        description="the response in a few sentences: investigation, decisions, mitigation, resolution"
    )
    mitigation: list[CitedText] = Field(
        default_factory=list, description="the actions that stopped or reduced the impact"
    )
    resolution: list[CitedText] = Field(
        default_factory=list, description="the actions that fully resolved the incident"
    )


class RootCauseDraft(_Out):
    """Why it happened: the systemic cause, the trigger and what made it worse."""

    root_cause: CitedText = Field(
        description="the underlying systemic cause as the sources establish it; say 'not established' if they do not"
    )
    trigger: CitedText | None = Field(default=None, description="the change or event that set it off")
    contributing_factors: list[CitedText] = Field(
        default_factory=list, description="conditions that made it possible, worse or longer"
    )
    ruled_out: list[CitedText] = Field(
        default_factory=list,
        description="hypotheses the sources investigated and ruled out; never present these as the cause",
    )


class LessonsDraft(_Out):
    """Lessons learned, framed around systems and process."""

    went_well: list[CitedText] = Field(
        default_factory=list, description="what worked in detection and response"
    )
    went_wrong: list[CitedText] = Field(
        default_factory=list,
        description="what made the incident happen, last longer or hurt more (systems, not people)",
    )
    lucky: list[CitedText] = Field(default_factory=list, description="where the outcome depended on luck")


class ActionItemDraft(_Out):
    """One follow-up the sources propose."""

    description: str = Field(
        description="the follow-up as an imperative, e.g. 'Alert on consumer count == 0 for 2 minutes'"
    )
    owner: str | None = Field(default=None, description="owner only when the sources name one, else null")
    due: str | None = Field(
        default=None, description="due date or timeframe only when the sources state it, else null"
    )
    priority: Priority = Field(
        default="medium", description="high for items that prevent recurrence or detect it sooner"
    )
    kind: ActionKind = Field(default="prevent", description="prevent | detect | mitigate | process")
    refs: list[str] = Field(
        default_factory=list, description="ids of the events where the follow-up was proposed"
    )


class ActionItemsDraft(_Out):
    """Follow-ups proposed in the sources."""

    items: list[ActionItemDraft] = Field(
        default_factory=list, description="only follow-ups the sources propose; no invented items"
    )


class OpenQuestionsDraft(_Out):
    """Gaps and contradictions for the review meeting."""

    questions: list[str] = Field(
        default_factory=list, description="what the sources do not establish or contradict each other about"
    )


class FreeSectionDraft(_Out):
    """A section of the team's template that none of ours covers, written to the team's guidance."""

    text: str = Field(
        description="a few sentences following the section's guidance, only what the sources establish; "
        "empty when they establish nothing for it"
    )
    items: list[CitedText] = Field(
        default_factory=list, description="statements that support the section, each citing its events"
    )


class SupportingInfoDraft(_Out):
    """Pointers to material a reviewer may want: dashboards, logs, documents, clock notes."""

    items: list[CitedText] = Field(
        default_factory=list, description="supporting material and notes about the sources"
    )


_PICK = (
    "id of the event that marks {what}: one of the candidates' ids or another event id from the sources; "
    "'unknown' when nothing in the sources marks it"
)


class KeyTimesPick(_Out):
    """The model's pick of each key time, by event id; code checks the ids and sets the times."""

    start_event_id: str = Field(description=_PICK.format(what="when the impact began"))
    detected_event_id: str = Field(
        description=_PICK.format(what="when people or a paging alert learned of the incident")
    )
    mitigated_event_id: str = Field(description=_PICK.format(what="when the impact stopped"))
    resolved_event_id: str = Field(description=_PICK.format(what="when the incident was declared resolved"))


SECTION_MODELS: dict[str, type[BaseModel]] = {
    "metadata": MetadataDraft,
    "summary": SummaryDraft,
    "impact": ImpactDraft,
    "timeline": TimelineDraft,
    "detection": DetectionDraft,
    "response": ResponseDraft,
    "root_cause": RootCauseDraft,
    "lessons": LessonsDraft,
    "action_items": ActionItemsDraft,
    "open_questions": OpenQuestionsDraft,
    "supporting_information": SupportingInfoDraft,
}
SECTION_ORDER: tuple[str, ...] = tuple(SECTION_MODELS)

# The heading of each section and of each titled part within one, spelled once: the Markdown render,
# the editor and its exports read them here.
SECTION_TITLES: dict[str, str] = {
    "metadata": "Title",
    "summary": "Summary",
    "impact": "Impact",
    "timeline": "Timeline",
    "detection": "Detection",
    "response": "Response and recovery",
    "root_cause": "Root cause",
    "lessons": "Lessons learned",
    "action_items": "Action items",
    "open_questions": "Open questions",
    "supporting_information": "Supporting information",
}
PART_TITLES: dict[str, str] = {
    "figures": "Figures",
    "key_times": "Key times",
    "mitigation": "Mitigation",
    "resolution": "Resolution",
    "trigger": "Trigger",
    "contributing_factors": "Contributing factors",
    "ruled_out": "Hypotheses ruled out",
    "went_well": "What went well",
    "went_wrong": "What went wrong",
    "lucky": "Where we got lucky",
    "similar_incidents": "Similar past incidents",
}


# --------------------------------------------------------------------------------------------
# The assembled draft (public JSON contract).
# --------------------------------------------------------------------------------------------


class Statement(_Out):
    """A grounded statement: text, source references ('file:line') and the timeline event ids."""

    text: str
    refs: list[str] = Field(default_factory=list, description="source references 'file:line'")
    event_ids: list[str] = Field(default_factory=list)


class Impact(_Out):
    """Who and what was affected, with each figure as the sources state it."""

    summary: str = ""
    figures: list[Statement] = Field(default_factory=list)


class TimelineEntry(_Out):
    """One line of the draft's timeline, citing the events it rests on."""

    time: AwareDatetime
    description: str
    refs: list[str] = Field(default_factory=list, description="source references 'file:line'")
    event_ids: list[str] = Field(default_factory=list)
    source: str | None = Field(default=None, description="chat | log | alert | note of the first cited event")
    key: str | None = Field(
        default=None, description="start | detected | mitigated | resolved when this entry is a key time"
    )


class Response(_Out):
    """How the incident was mitigated and resolved."""

    summary: str = ""
    mitigation: list[Statement] = Field(default_factory=list)
    resolution: list[Statement] = Field(default_factory=list)


class Lessons(_Out):
    """What went well, what went wrong, where the team was lucky."""

    went_well: list[Statement] = Field(default_factory=list)
    went_wrong: list[Statement] = Field(default_factory=list)
    lucky: list[Statement] = Field(default_factory=list)


class ActionItem(_Out):
    """One follow-up action with its owner, due date, priority and kind."""

    description: str
    owner: str | None = None
    due: str | None = None
    priority: Priority = "medium"
    kind: ActionKind = "prevent"
    refs: list[str] = Field(default_factory=list, description="source references 'file:line'")
    event_ids: list[str] = Field(default_factory=list)


class SimilarIncident(_Out):
    """A past postmortem from the library like this incident, and why it matched."""

    id: str
    title: str | None = None
    score: float | None = None
    why: str | None = None
    url: str | None = None
    date: str | None = None
    seen_before: list[str] = Field(
        default_factory=list, description="past action items that look relevant again"
    )


TemplateMatch = Literal["exact", "alias", "meaning", "free"]


class TemplateHeading(_Out):
    """One heading of a team's template and what the drafter makes of it."""

    heading: str = Field(description="the heading as the template writes it")
    level: int = Field(ge=1, le=6, description="Markdown heading level (2 for '##')")
    guidance: str = Field(
        default="", description="the team's instruction under the heading (an HTML comment or a blockquote)"
    )
    part: str | None = Field(
        default=None,
        description="the part of our postmortem the heading shows (e.g. 'root_cause'); None: a free section",
    )
    matched_by: TemplateMatch = Field(
        default="free",
        description="exact name, alias, meaning (embedding similarity over the threshold) or free",
    )
    score: float | None = Field(
        default=None, description="similarity of the best meaning match, when computed"
    )
    container: bool = Field(
        default=False, description="deeper headings follow and carry the content; this one only groups them"
    )


class TemplateRef(_Out):
    """The template a draft follows: name, content hash, its text, and how each heading was read."""

    name: str = Field(description="a built-in name (google-sre, ...) or the template file's name")
    sha256: str = Field(description="SHA-256 of the template's text")
    source: Literal["builtin", "file"] = "file"
    text: str = Field(
        description="the template's Markdown, kept so the draft can be re-rendered and re-drafted"
    )
    headings: list[TemplateHeading] = Field(default_factory=list)

    @property
    def label(self) -> str:
        """``name@sha256[:12]``: which template, and which version of it."""
        return f"{self.name}@{self.sha256[:12]}"


class FreeSection(_Out):
    """A section of the team's template that none of ours covers, drafted from what fits in the sources."""

    position: int = Field(description="index of its heading in the template's headings")
    heading: str
    guidance: str = ""
    text: str = ""
    items: list[Statement] = Field(default_factory=list)
    to_be_written: bool = Field(default=False, description="the sources held nothing for it; people write it")


class ToneNote(_Out):
    """A blameful sentence the tone pass rewrote (the original wording is not kept in the draft)."""

    section: str
    category: str
    explanation: str
    rewritten_to: str


class SectionStatus(_Out):
    """How one section was drafted: provider, prompt version, and why it fell back, if it did."""

    provider: str
    prompt_version: str
    status: Literal["ok", "fallback", "empty", "skipped"] = "ok"
    error: str | None = None
    reason: str | None = Field(default=None, description="why the model failed, in one line (fallback only)")
    settings: list[str] = Field(default_factory=list, description="settings to check after a fallback")


class ContextReport(_Out):
    """How the incident was fitted into the model's window: what the model saw, condensed or left out."""

    window_tokens: int = Field(description="the model's context window used for sizing")
    tokenizer: str = Field(description="how tokens were counted: a tokenizer's name or 'estimate'")
    mode: Literal["full", "packed", "hierarchical"] = Field(
        description="full: every event; packed: some log events left out; hierarchical: time windows summarised"
    )
    calls: Literal["sections", "single"] = Field(
        default="sections", description="one call per section or one for all"
    )
    sources_tokens: int = 0
    events_total: int = 0
    events_in_prompt: int = Field(default=0, description="events whose own line reached the section prompts")
    log_runs_grouped: int = Field(default=0, description="log runs folded into one line per template")
    omitted_event_ids: list[str] = Field(default_factory=list, description="log events left out for length")
    windows: list[str] = Field(
        default_factory=list, description="hierarchical: each window, its span and how it was summarised"
    )
    notes: list[str] = Field(default_factory=list)


class Provenance(_Out):
    """How the whole draft was made: provider, model, prompt versions, grounding repairs, fallbacks."""

    provider: str
    model: str | None = None
    prompt_versions: dict[str, str] = Field(default_factory=dict)
    repairs: int = Field(default=0, description="citations or times dropped/repaired by grounding")
    repair_notes: list[str] = Field(default_factory=list)
    fallbacks: list[str] = Field(
        default_factory=list, description="sections drafted by the offline drafter after a model failure"
    )
    sections: dict[str, SectionStatus] = Field(default_factory=dict)
    injection_flags: list[str] = Field(
        default_factory=list, description="event ids whose text looks like instructions to an AI"
    )
    redacted: bool = False
    aliased_names: bool = False
    library: str | None = Field(default=None, description="why similar incidents are (not) listed")
    template: str | None = Field(
        default=None, description="name@sha256[:12] of the team template the draft follows (None: ours)"
    )
    context: ContextReport | None = Field(default=None, description="what the model saw of the sources")
    key_picks: list[KeyPick] = Field(
        default_factory=list, description="key times a person chose instead of the proposed event"
    )
    key_time_picks: list[str] = Field(
        default_factory=list,
        description="how the model's key-time picks were checked: kept, or why code's candidate stood",
    )


class Postmortem(_Out):
    """The assembled draft. Keys are a public contract: add, never rename."""

    title: str
    severity: Severity = "unknown"
    status: str = "draft"
    date: str | None = None
    duration: str | None = None
    services: list[str] = Field(default_factory=list)
    authors: list[str] = Field(default_factory=list)
    summary: str = ""
    impact: Impact = Field(default_factory=Impact)
    key_times: KeyTimes = Field(default_factory=KeyTimes)
    key_events: KeyEvents = Field(default_factory=KeyEvents)
    key_candidates: dict[str, KeyChoice] = Field(
        default_factory=dict,
        description="how each key time was chosen: confidence, evidence, runner-up events",
    )
    metrics: Metrics = Field(default_factory=Metrics)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    detection: Statement = Field(default_factory=lambda: Statement(text=""))
    response: Response = Field(default_factory=Response)
    root_cause: Statement = Field(default_factory=lambda: Statement(text=""))
    trigger: Statement | None = None
    contributing_factors: list[Statement] = Field(default_factory=list)
    ruled_out: list[Statement] = Field(default_factory=list)
    lessons: Lessons = Field(default_factory=Lessons)
    action_items: list[ActionItem] = Field(default_factory=list)
    open_questions: list[str] = Field(default_factory=list)
    supporting_information: list[Statement] = Field(default_factory=list)
    similar_incidents: list[SimilarIncident] = Field(default_factory=list)
    tone_findings: list[ToneNote] = Field(default_factory=list)
    template: TemplateRef | None = Field(
        default=None, description="the team template the draft follows; None: our own section order"
    )
    free_sections: list[FreeSection] = Field(
        default_factory=list, description="the template's sections none of ours covers, in template order"
    )
    provenance: Provenance
