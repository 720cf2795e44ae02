"""The offline root cause and follow-ups by the kind of statement that carries them (issue 14 item 3).

Kinds: a notes line under a root-cause heading (any of several languages), an explanation others
confirmed, the log error that began with the impact, follow-ups given in reply to a call for them.
Roles are set on the timeline directly, so these check the section logic, not the classifier.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from assistant.domain import Event, EventRole, KeyEvents, KeyTimes, Metrics, SourceKind, SourceRef, Timeline
from assistant.draft.analysis import impersonal
from assistant.draft.facts import analyse
from assistant.draft.headings import labelled, section_of
from assistant.draft.offline import sections

T0 = datetime(2026, 5, 2, 14, 0, tzinfo=UTC)

# (minutes, source, actor, text, role, confidence, attrs)
Row = tuple[float, str, str | None, str, str, float, dict[str, Any]]
_NONE: dict[str, Any] = {}


def _timeline(rows: list[Row], *, key: dict[str, int]) -> Timeline:
    events = [
        Event(
            id=f"E{n:03d}",
            time=T0 + timedelta(minutes=m),
            source=SourceKind(src),
            actor=actor,
            text=text,
            refs=[SourceRef(file=f"{src}.txt", line=n)],
            attrs=attrs,
        )
        for n, (m, src, actor, text, _r, _c, attrs) in enumerate(rows, start=1)
    ]
    roles = {
        e.id: EventRole(role=r, confidence=c)
        for e, (_m, _s, _a, _t, r, c, _x) in zip(events, rows, strict=True)
    }
    ke = KeyEvents(**{k: events[n - 1].id for k, n in key.items()})
    kt = KeyTimes(**{k: events[n - 1].time for k, n in key.items()})
    return Timeline(
        events=events, roles=roles, key_times=kt, key_events=ke, metrics=Metrics.from_key_times(kt)
    )


_LOG_ERR = {"level": "error", "service": "billing-worker", "count": 40}
_BASE: list[Row] = [
    (
        0,
        "log",
        None,
        "invoice run failed: LedgerLockTimeout waiting for ledger partition lock",
        "symptom",
        0.85,
        _LOG_ERR,
    ),
    (
        6,
        "alert",
        "pagerduty",
        "[TRIGGERED] billing-worker error rate > 5%",
        "alert_firing",
        0.95,
        {"status": "triggered"},
    ),
    (9, "chat", "ines", "looking, invoice runs are failing across all tenants", "symptom", 0.8, _NONE),
    (
        30,
        "chat",
        "ines",
        "disabled the nightly compaction job, invoice runs are going through again",
        "mitigation",
        0.8,
        _NONE,
    ),
    (40, "chat", "ines", "error rate back to zero, closing", "resolution", 0.9, _NONE),
]
_KEYS = {"start": 1, "detected": 2, "mitigated": 4, "resolved": 5}


def test_a_notes_line_under_a_root_cause_heading_is_the_root_cause_whatever_its_role() -> None:
    rows = [
        *_BASE,
        (41, "note", None, "compaction job holds the ledger partition lock for the whole run, so invoice "
         "runs time out waiting for it", "symptom", 0.5, {"heading": "Ursache", "untimed": True}),
        (41, "note", None, "Tenant-specific data corruption: checksums match", "symptom", 0.5,
         {"heading": "Ruled out", "untimed": True}),
    ]  # fmt: skip
    rc = sections.root_cause(analyse(_timeline(rows, key=_KEYS)))
    assert "holds the ledger partition lock" in rc.root_cause.text and "E006" in rc.root_cause.refs
    assert [r.refs for r in rc.ruled_out] == [["E007"]]


def test_an_explanation_others_confirmed_is_the_cause_and_one_nobody_took_up_is_not() -> None:
    guess = (20, "chat", "ines", "I think I have it: the resolver cache expired → lookups of ledger-db "
             "fail → each worker retries forever", "hypothesis", 0.5, _NONE)  # fmt: skip
    agree = (21, "chat", "bo", "matches what I see, resolver errors in every pod", "chatter", 0.5, _NONE)
    confirmed = sections.root_cause(analyse(_timeline([*_BASE, guess, agree], key=_KEYS)))
    assert "the resolver cache expired" in confirmed.root_cause.text
    alone = sections.root_cause(analyse(_timeline([*_BASE, guess], key=_KEYS)))
    assert "the resolver cache expired" not in alone.root_cause.text


def test_an_explanation_a_fix_on_its_subject_followed_is_the_cause() -> None:
    guess = (20, "chat", "ines", "I think compaction takes the ledger lock → invoice runs wait → "
             "LedgerLockTimeout", "hypothesis", 0.5, _NONE)  # fmt: skip
    rc = sections.root_cause(analyse(_timeline([*_BASE, guess], key=_KEYS)))
    assert "compaction takes the ledger lock" in rc.root_cause.text


def test_the_log_error_that_began_with_the_impact_names_the_component_and_its_error() -> None:
    rc = sections.root_cause(analyse(_timeline(_BASE, key=_KEYS)))
    assert 'billing-worker logged "invoice run failed: LedgerLockTimeout' in rc.root_cause.text
    assert "E001" in rc.root_cause.refs


def test_replies_to_a_call_for_follow_ups_are_items_one_per_listed_line() -> None:
    rows = [
        *_BASE,
        (60, "chat", "ines", "follow-ups from today, add yours below", "chatter", 0.5, _NONE),
        (68, "chat", "bo", "1) move compaction to its own lock, it was a trap waiting to happen\n"
         "2) page on invoice run failures for more than 5 minutes", "symptom", 0.4, _NONE),
        (80, "chat", "ines", "compaction gets a canary tenant first, watch lock wait for an hour", "symptom", 0.4, _NONE),
    ]  # fmt: skip
    items = [i.description for i in sections.action_items(analyse(_timeline(rows, key=_KEYS))).items]
    assert any(i.startswith("Move compaction to its own lock") for i in items)
    assert any(i.startswith("Page on invoice run failures") for i in items)
    assert any(i.startswith("Compaction gets a canary tenant") for i in items)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("4. Root cause", "cause"),
        ("## Ursache", "cause"),
        ("Causa raíz", "cause"),
        ("原因", "cause"),
        ("Root cause and contributing factors", "cause"),
        ("Contributing factors", "factors"),
        ("Ruled out", "ruled_out"),
        ("Hipóteses descartadas", "ruled_out"),
        ("Timeline", None),
        ("Follow-ups", None),
    ],
)
def test_section_headings_are_read_in_several_languages(heading: str, kind: str | None) -> None:
    assert section_of(heading) == kind


def test_a_line_opening_with_a_cause_label_is_read_as_that_section() -> None:
    assert labelled("RCA: the compaction job held the ledger lock") == (
        "cause",
        "the compaction job held the ledger lock",
    )
    assert labelled("Status: still looking at the ledger") is None


def test_a_bot_notice_is_quoted_without_the_person_who_triggered_it() -> None:
    text = "deploy billing-worker v41 to prod succeeded (run #5512, triggered by hao-lin)"
    assert impersonal(text) == "deploy billing-worker v41 to prod succeeded (run #5512)"
