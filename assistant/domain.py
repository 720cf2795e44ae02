"""The domain model every stage shares: parsed records, events, the timeline and its key times.

Two layers:
- ``RawRecord`` / ``ParsedSource``: what a parser read from one file, with the time *as written*
  (possibly naive, possibly time-of-day only). No guessing happens in the parsers.
- ``Event`` / ``Timeline``: after time resolution (zones, dates, midnight roll-over, clock
  alignment), merge and condensation. Every time here is timezone-aware.

Draft (LLM output) schemas live in ``assistant.draft.schema``; they are separate classes on purpose.
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, with_config
from typing_extensions import TypedDict

KEY_NAMES: tuple[str, ...] = ("start", "detected", "mitigated", "resolved")

# The one list of integrations that post into chat (pagers, alerting, CI/CD, trackers, status pages):
# ingest sets the chat ``bot`` flag with it, key times and roles skip bot lines, redaction does not
# alias them as people. Names that end in "bot" (pd-bot, deploybot, GitHub Bot) count everywhere;
# the pager and alerting names anywhere in the name ("team-pagerduty"); the others at the start.
_BOT_NAME = re.compile(
    r"bot\b|-bot|pagerduty|opsgenie|alertmanager|grafana|argocd|prometheus|jenkins|"
    r"^(?:github|gitlab|statuspage|datadog|sentry|incident\.io|rootly|firehydrant|jira|circleci|deploy)",
    re.IGNORECASE,
)


def is_bot_name(name: str | None) -> bool:
    """True for the names of bots and integrations (pd-bot, PagerDuty, alertmanager, deploybot)."""
    return bool(name) and bool(_BOT_NAME.search(name or ""))


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceKind(StrEnum):
    """The family a record came from."""

    chat = "chat"
    log = "log"
    alert = "alert"
    note = "note"


class SourceRef(_Model):
    """Where a piece of evidence was read: a file (as given by the user) and a 1-based line."""

    file: str
    line: int = Field(ge=0, description="1-based line number; 0 when the format has no lines")

    def __str__(self) -> str:
        """``file:line``, as citations show it."""
        return f"{self.file}:{self.line}"


class RawTime(_Model):
    """A time exactly as the source wrote it, before any zone or date is assumed.

    ``value`` is aware when the source stated an offset (``Z``, ``+02:00``, epoch seconds) and
    naive otherwise. ``has_date`` is False for time-of-day only stamps (``[14:02]``); their date
    part is a placeholder the timeline replaces.
    """

    value: datetime
    has_date: bool = True

    @property
    def is_aware(self) -> bool:
        """True when the time carries a zone or offset."""
        return self.value.tzinfo is not None and self.value.utcoffset() is not None


# A value copied as is from a source's own field (an alert's severity may be "P1", 3 or null).
SourceValue = str | bool | int | float | None


@with_config(ConfigDict(extra="allow"))
class EventAttrs(TypedDict, total=False):
    """What parsers and the timeline record beside a record's text: the keys the code reads.

    A source may add keys of its own (an alert's labels and annotations); they are kept as they are.
    Values copied from a source's own fields (alert name, status, severity, ...) keep the source's
    scalar type (``SourceValue``); pydantic validates every declared key on ``Event``/``RawRecord``.
    """

    # every source
    level: str | None  # normalised log level ("error", "warning", ...)
    service: str | None
    host: str | None
    pod: str | None
    bot: bool  # posted by a bot or integration (``is_bot_name``)
    untimed: bool  # a note line without a time of its own, kept as a fact
    section: str | None  # the follow-up list a note line belongs to ("Action items")
    heading: str | None  # the heading a note line stands under
    mentioned: bool  # the event only mentions the time ("at 09:12 we saw ...")
    # alerts and tickets
    alert: str | None  # the alert's name or title
    status: SourceValue  # firing, resolved, acknowledged, ...
    severity: SourceValue
    urgency: SourceValue
    system: SourceValue  # pagerduty, alertmanager, opsgenie, grafana, ...
    incident: SourceValue
    fingerprint: SourceValue
    receiver: SourceValue
    description: SourceValue
    summary: SourceValue
    labels: dict[str, Any]
    agent: SourceValue
    comment_on: str | None  # a comment on a ticket or alert: its id or title (a person writing)
    ticket_resolved: str | None  # the tracker's resolved/closed time of a ticket: the ticket's id
    # logs and condensation
    count: int | float  # lines this event stands for (k8s event counts as the API gives them)
    weight: int  # large-log sample weight
    varying: bool
    first: str | None
    last: str | None
    first_seen: str | None
    last_seen: str | None
    template: str | None
    examples: list[Any]
    burst: bool
    state: SourceValue
    state_change: bool
    year_missing: bool
    # chat
    subtype: str | None
    channel: SourceValue
    ts: SourceValue
    thread_ts: SourceValue
    thread_parent: SourceValue
    reply: bool
    reply_count: SourceValue
    edited: bool
    edited_at: SourceValue
    reactions: list[Any]
    real_name: SourceValue  # and the other name keys chat exports use (redaction reads them all)
    user_name: SourceValue
    display_name: SourceValue
    username: SourceValue
    name: SourceValue
    # time resolution
    alias: str | None
    also_at: list[str]
    line_date: str | None
    month_day: str | None
    day_label: str | None
    day_offset: int
    utc: bool
    received_at: str | None
    echoes: list[Any]


class RawRecord(_Model):
    """One happening as read from one source, before time resolution."""

    time: RawTime
    kind: SourceKind
    actor: str | None = None
    text: str
    ref: SourceRef
    attrs: EventAttrs = Field(default_factory=lambda: EventAttrs())


class Coverage(_Model):
    """What became of every line of one input file, so nothing is lost silently.

    Filled at ingest by the file's parser (lines read, timed, kept untimed, dropped with reasons) and
    completed by the timeline (how many timed lines were condensed into a template's count). For every
    file: ``lines == blank + timed + untimed_kept + sum(dropped.values())``; of the ``timed`` lines,
    ``condensed`` went into a count of another event rather than an event of their own.
    """

    file: str
    format: str = Field(description="detected format name")
    why: str = Field(default="", description="why this format: the evidence the detector saw")
    dated: str = Field(
        default="",
        description="where stamps without a year or date took it: header line, file name, other sources",
    )
    lines: int = Field(default=0, ge=0, description="lines read (blank ones included)")
    blank: int = Field(default=0, ge=0)
    timed: int = Field(default=0, ge=0, description="lines (or records) that carry a time of their own")
    condensed: int = Field(
        default=0, ge=0, description="timed lines counted into another event (templates, merges)"
    )
    untimed_kept: int = Field(
        default=0, ge=0, description="lines kept without a time of their own: continuations, untimed facts"
    )
    dropped: dict[str, int] = Field(default_factory=dict, description="reason → lines not used")

    def drop(self, reason: str, n: int = 1) -> None:
        """Count ``n`` lines as not used, for ``reason``."""
        if n:
            self.dropped[reason] = self.dropped.get(reason, 0) + n


class ParsedSource(_Model):
    """Everything one file (or pasted text) yielded."""

    path: str
    format: str = Field(description="detected format name, e.g. 'slack-export', 'syslog-3164'")
    kind: SourceKind
    records: list[RawRecord] = Field(default_factory=list)
    stated_tz: str | None = Field(
        default=None, description="IANA zone or ±HH:MM the material itself states ('all times UTC')"
    )
    stated_date: str | None = Field(default=None, description="YYYY-MM-DD the material itself states")
    swappable_dates: bool = Field(
        default=False,
        description="numeric dates read month first although nothing in the file settles the order "
        "(no field above 12, no dots); the timeline may read them day first to agree with the other sources",
    )
    warnings: list[str] = Field(default_factory=list)
    coverage: Coverage | None = Field(
        default=None, description="what became of each line (set by the parser)"
    )


class Event(_Model):
    """One happening on the merged timeline. Times are timezone-aware."""

    id: str = Field(description="stable event id, e.g. 'E012'; citations point at it")
    time: AwareDatetime
    source: SourceKind
    actor: str | None = None
    text: str
    refs: list[SourceRef] = Field(min_length=1)
    attrs: EventAttrs = Field(default_factory=lambda: EventAttrs())
    recorded_time: AwareDatetime | None = Field(
        default=None, description="the time as recorded, when clock alignment corrected it"
    )

    @property
    def ref_strings(self) -> list[str]:
        """The event's source references as ``file:line`` strings."""
        return [str(r) for r in self.refs]


def is_bot(e: Event) -> bool:
    """A machine-posted message: the source's bot flag, or an actor named like a bot or integration."""
    return bool(e.attrs.get("bot")) or is_bot_name(e.actor)


class KeyTimes(_Model):
    """The four moments every postmortem needs."""

    start: AwareDatetime | None = None
    detected: AwareDatetime | None = None
    mitigated: AwareDatetime | None = None
    resolved: AwareDatetime | None = None


class KeyEvents(_Model):
    """The event id that supports each key time."""

    start: str | None = None
    detected: str | None = None
    mitigated: str | None = None
    resolved: str | None = None


ROLE_NAMES: tuple[str, ...] = (
    "symptom",
    "alert_firing",
    "alert_resolved",
    "report",
    "hypothesis",
    "ruled_out",
    "finding",
    "change",
    "mitigation",
    "recovery",
    "relapse",
    "false_recovery",
    "resolution",
    "impact",
    "action_item",
    "chatter",
)


class EventRole(_Model):
    """What one event is in the incident's story, how sure we are, and why."""

    role: str = Field(description="one of ROLE_NAMES")
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[str] = Field(
        default_factory=list, description="what decided it: classifier, alert state, cues"
    )
    runner_up: str | None = Field(default=None, description="the next most likely role")
    runner_up_confidence: float | None = Field(
        default=None, ge=0.0, le=1.0, description="the classifier's probability of the runner-up role"
    )
    paging: bool | None = Field(default=None, description="for alerts: did it page someone")


class KeyCandidate(_Model):
    """One event that could mark a key time."""

    event_id: str
    time: AwareDatetime
    confidence: float = Field(ge=0.0, le=1.0)
    why: str


class KeyChoice(_Model):
    """How one key time was chosen: the pick, its confidence, supporting events, runner-ups, or a question."""

    event_id: str | None = None
    time: AwareDatetime | None = None
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    why: str = ""
    supporting: list[str] = Field(default_factory=list, description="event ids that back the pick")
    candidates: list[KeyCandidate] = Field(default_factory=list, description="runner-ups, best first")
    question: str | None = Field(default=None, description="asked when the evidence is too thin to pick")


class KeyPick(_Model):
    """A person's choice of the event that marks a key time (recorded in the draft's provenance)."""

    key: Literal["start", "detected", "mitigated", "resolved"]
    event_id: str
    time: AwareDatetime
    previous_event_id: str | None = Field(default=None, description="the event the key time had before")
    by: str | None = Field(default=None, description="who picked it, when the UI knows")
    at: AwareDatetime = Field(description="when it was picked")
    from_candidates: bool = Field(description="one of the proposed candidates, or any timeline event")


class Metrics(_Model):
    """Durations in seconds, from the key times."""

    time_to_detect_s: float | None = None
    time_to_mitigate_s: float | None = None
    time_to_resolve_s: float | None = None

    @classmethod
    def from_key_times(cls, kt: KeyTimes) -> Metrics:
        """Time to detect, mitigate and resolve, in seconds from the start (None where a time is missing)."""

        def span(a: datetime | None, b: datetime | None) -> float | None:
            return (b - a).total_seconds() if a and b else None

        return cls(
            time_to_detect_s=span(kt.start, kt.detected),
            time_to_mitigate_s=span(kt.start, kt.mitigated),
            time_to_resolve_s=span(kt.start, kt.resolved),
        )


class ClockInfo(_Model):
    """How one source's clock was read: its offset, any skew, and the evidence."""

    offset: str = Field(description="UTC offset applied, '+HH:MM'")
    zone: str | None = Field(default=None, description="IANA zone when known (handles DST)")
    skew_s: float = Field(default=0.0, description="constant clock error corrected, seconds")
    how: Literal["stated", "inferred", "flag", "default"]
    evidence: list[str] = Field(default_factory=list, description="event ids that support it")
    notes: list[str] = Field(default_factory=list)


class InputProblem(_Model):
    """A file (or part of one) that could not be used, with a message for people."""

    path: str
    line: int | None = None
    message: str


class Timeline(_Model):
    """The merged, ordered, condensed timeline with its key moments."""

    events: list[Event] = Field(default_factory=list)
    key_times: KeyTimes = Field(default_factory=KeyTimes)
    key_events: KeyEvents = Field(default_factory=KeyEvents)
    metrics: Metrics = Field(default_factory=Metrics)
    clock: dict[str, ClockInfo] = Field(default_factory=dict)
    problems: list[InputProblem] = Field(default_factory=list)
    findings: list[str] = Field(default_factory=list, description="notes for people: skew, DST, fallbacks")
    roles: dict[str, EventRole] = Field(default_factory=dict, description="event id -> its role")
    key_candidates: dict[str, KeyChoice] = Field(
        default_factory=dict, description="key name -> how it was chosen"
    )
    sources: list[str] = Field(default_factory=list, description="files that contributed events")
    coverage: list[Coverage] = Field(
        default_factory=list, description="per input file: what became of its lines"
    )

    def event(self, event_id: str) -> Event | None:
        """The event with this id, or None."""
        for e in self.events:
            if e.id == event_id:
                return e
        return None
