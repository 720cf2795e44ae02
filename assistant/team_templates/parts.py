"""The parts of our postmortem a team's heading can show, with the words and meanings that name them.

A *part* is what one heading of a template renders: a whole section of ours (``root_cause``) or a
piece of one (``trigger``, ``went_well``). Each part names the drafting section that fills it, the
section it belongs to (so a template that shows ``trigger`` under its own heading does not repeat it
inside ``root_cause``), the names and aliases that match it exactly, and short descriptions of its
meaning that headings are compared with (``match.py``). The aliases are the common names these
parts have in the public templates of incident tools and SRE books; meanings cover the rest.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    """One part of a postmortem a heading can show."""

    key: str
    section: str | None  # the drafting section that fills it (None: computed, e.g. key times)
    parent: str | None  # the part it is a piece of
    aliases: tuple[str, ...]
    meanings: tuple[str, ...]


PARTS: tuple[Part, ...] = (
    Part("summary", "summary", None,
         ("summary", "incident summary", "executive summary", "overview", "what happened", "tl;dr", "tldr",
          "description", "incident description", "abstract"),
         ("summary: an overview of what happened in a few sentences",
          "a short description of the incident for readers who read nothing else")),
    Part("impact", "impact", None,
         ("impact", "customer impact", "user impact", "business impact", "impact assessment", "blast radius",
          "who was affected", "scope"),
         ("impact: who and what was affected, customers, users, revenue",
          "how many customers or requests were affected and for how long")),
    Part("key_times", None, "impact",
         ("key times", "key metrics", "metrics", "incident metrics", "response times", "duration",
          "time to detect", "time to resolve"),
         ("key times and metrics: when it started, was detected, mitigated and resolved",
          "time to detect, time to mitigate and time to resolve")),
    Part("timeline", "timeline", None,
         ("timeline", "incident timeline", "timeline of events", "chronology", "sequence of events",
          "event log"),
         ("timeline: the sequence of events with their times",)),
    Part("detection", "detection", None,
         ("detection", "how it was detected", "how we found out", "how was it detected", "discovery",
          "alerting", "monitoring and alerting"),
         ("detection: how and when the incident was noticed, by alerts, monitoring or customer reports",)),
    Part("response", "response", None,
         ("response", "incident response", "response and recovery", "mitigation and resolution",
          "how we responded", "actions taken"),
         ("response: what the responders did to investigate, mitigate and recover",)),
    Part("mitigation", "response", "response",
         ("mitigation", "mitigations", "workaround", "immediate actions", "containment"),
         ("mitigation: the actions that stopped or reduced the impact",)),
    Part("resolution", "response", "response",
         ("resolution", "recovery", "remediation", "fix", "resolution and recovery", "how it was fixed"),
         ("resolution and recovery: how service was restored and the incident resolved",)),
    Part("root_cause", "root_cause", None,
         ("root cause", "root causes", "root cause analysis", "rca", "cause", "causes", "5 whys", "five whys",
          "why did it happen", "causal analysis", "analysis", "cause analysis"),
         ("root cause: why it happened, the underlying cause of the failure",
          "asking why repeatedly until the underlying cause is found")),
    Part("trigger", "root_cause", "root_cause",
         ("trigger", "triggers", "what triggered it"),
         ("trigger: the change or event that set the incident off",)),
    Part("contributing_factors", "root_cause", "root_cause",
         ("contributing factors", "contributing causes", "contributors", "factors"),
         ("contributing factors: conditions that made the incident possible, worse or longer",)),
    Part("ruled_out", "root_cause", "root_cause",
         ("ruled out", "hypotheses ruled out", "red herrings", "what it was not"),
         ("hypotheses that were investigated and ruled out",)),
    Part("lessons", "lessons", None,
         ("lessons", "lessons learned", "lessons learnt", "learnings", "takeaways", "retrospective",
          "how did we do", "how'd we do", "reflection"),
         ("lessons learned from the incident and its response",)),
    Part("went_well", "lessons", "lessons",
         ("what went well", "went well", "what worked", "things that went well", "successes"),
         ("what went well during the response",)),
    Part("went_wrong", "lessons", "lessons",
         ("what went wrong", "went wrong", "what didn't go well", "what did not go well",
          "what didn't go so well", "what could have gone better", "what could be improved",
          "things that went wrong", "problems"),
         ("what went wrong and did not go well",)),
    Part("lucky", "lessons", "lessons",
         ("where we got lucky", "lucky", "what was lucky", "luck"),
         ("where the outcome depended on luck",)),
    Part("action_items", "action_items", None,
         ("action items", "actions", "follow-ups", "follow ups", "followups", "follow-up actions",
          "follow-up items", "next steps", "corrective actions", "corrective and preventive actions",
          "preventive actions", "remediation items", "todo", "to do", "tasks", "tickets"),
         ("action items: follow-up tasks and corrective actions so it does not happen again",)),
    Part("open_questions", "open_questions", None,
         ("open questions", "questions", "unanswered questions", "unknowns", "open items"),
         ("open questions that are still to be answered",)),
    Part("supporting_information", "supporting_information", None,
         ("supporting information", "supporting material", "appendix", "references", "links", "resources",
          "attachments"),
         ("supporting information: links to dashboards, logs and documents",)),
    Part("similar_incidents", None, "supporting_information",
         ("related incidents", "similar incidents", "previous incidents", "past incidents",
          "prior incidents", "recurrence", "has this happened before"),
         ("related incidents: similar incidents that happened before",)),
)  # fmt: skip

PART_BY_KEY: dict[str, Part] = {p.key: p for p in PARTS}


def children_of(key: str) -> tuple[str, ...]:
    """The parts that are pieces of ``key`` (empty for a part without pieces)."""
    return tuple(p.key for p in PARTS if p.parent == key)


def sections_for(parts: set[str]) -> set[str]:
    """The drafting sections that fill these parts (key times come from the timeline: none)."""
    return {s for p in parts if (s := PART_BY_KEY[p].section) is not None}
