"""The offline drafter's sections come from event roles (issue 11 item 3), on incidents of our own.

Roles are set on the timeline directly, so these check the section logic, not the classifier:
a mitigation step, an action item or an impact line is never the root cause, whatever its words.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from assistant.domain import Event, EventRole, KeyEvents, KeyTimes, Metrics, SourceKind, SourceRef, Timeline
from assistant.draft.facts import analyse
from assistant.draft.offline import sections

T0 = datetime(2026, 9, 14, 6, 0, tzinfo=UTC)

# (minutes, source, actor, text, role, confidence)
Row = tuple[float, str, str | None, str, str, float]

_ALIAS_SWAP: list[Row] = [
    (
        -4,
        "chat",
        "mara",
        "pushed search-config v88: index.shards 12 -> 24 for the catalogue index",
        "change",
        0.9,
    ),
    (
        0,
        "log",
        None,
        "ERROR query failed: index catalogue-v88 has no active primary for shard 17",
        "symptom",
        0.85,
    ),
    (
        52,
        "chat",
        "olu",
        "Partner desk just rang: Brightwell's storefront search returns nothing since early morning",
        "report",
        0.8,
    ),
    (55, "chat", "olu", "could it be the DNS change from yesterday?", "hypothesis", 0.7),
    (
        58,
        "chat",
        "mara",
        "not DNS, resolution is fine from every pod and the records never changed",
        "ruled_out",
        0.75,
    ),
    (
        63,
        "chat",
        "mara",
        "the alias swap ran before the rebuild finished, so queries hit a half-built index with missing primaries",
        "finding",
        0.8,
    ),
    (
        66,
        "chat",
        "olu",
        "pinning the alias back to catalogue-v87 so queries no longer hit the half-built index",
        "mitigation",
        0.85,
    ),
    (
        68,
        "chat",
        "olu",
        "about 3,100 searches failed, 12% of storefront traffic over the morning",
        "impact",
        0.8,
    ),
    (70, "chat", "mara", "searches returning results again, error rate back to baseline", "recovery", 0.8),
    (72, "chat", "kit", "lol what a morning", "chatter", 0.9),
    (
        80,
        "chat",
        "mara",
        "we should gate the alias swap on the rebuild's green status, owner: mara",
        "action_item",
        0.8,
    ),
    (95, "chat", "olu", "all clear, closing the incident", "resolution", 0.9),
]


def _timeline(rows: list[Row], *, key: dict[str, int]) -> Timeline:
    events = [
        Event(
            id=f"E{n:03d}",
            time=T0 + timedelta(minutes=m),
            source=SourceKind(src),
            actor=actor,
            text=text,
            refs=[SourceRef(file="chat.txt", line=n)],
            attrs={"level": "error"} if src == "log" else {},
        )
        for n, (m, src, actor, text, _r, _c) in enumerate(rows, start=1)
    ]
    roles = {e.id: EventRole(role=r, confidence=c) for e, (*_x, r, c) in zip(events, rows, strict=True)}
    ke = KeyEvents(**{k: events[n - 1].id for k, n in key.items()})
    kt = KeyTimes(**{k: events[n - 1].time for k, n in key.items()})
    return Timeline(
        events=events, roles=roles, key_times=kt, key_events=ke, metrics=Metrics.from_key_times(kt)
    )


_KEYS = {"start": 2, "detected": 3, "mitigated": 9, "resolved": 12}


def test_root_cause_is_the_finding_never_the_mitigation_step_the_action_item_or_the_impact_line() -> None:
    f = analyse(_timeline(_ALIAS_SWAP, key=_KEYS))
    rc = sections.root_cause(f)
    assert "alias swap ran before the rebuild finished" in rc.root_cause.text
    assert "E006" in rc.root_cause.refs
    assert not {"E007", "E008", "E011"} & set(rc.root_cause.refs)
    assert all(not {"E007", "E008", "E011"} & set(c.refs) for c in rc.contributing_factors)


def test_trigger_is_the_change_event_and_the_ruled_out_hypothesis_is_listed_as_ruled_out() -> None:
    rc = sections.root_cause(analyse(_timeline(_ALIAS_SWAP, key=_KEYS)))
    assert rc.trigger is not None and rc.trigger.refs == ["E001"]
    assert [r.refs for r in rc.ruled_out] == [["E005"]]


def test_mitigation_and_resolution_hold_only_action_roles_in_time_order() -> None:
    resp = sections.response(analyse(_timeline(_ALIAS_SWAP, key=_KEYS)))
    steps = [r for m in resp.mitigation for r in m.refs]
    assert steps == ["E007"]  # not the trigger, the chatter, the impact line or the action item
    assert all(r not in {"E001", "E010", "E008", "E011"} for m in resp.resolution for r in m.refs)


def test_impact_figures_come_from_the_impact_statement() -> None:
    imp = sections.impact(analyse(_timeline(_ALIAS_SWAP, key=_KEYS)))
    assert [fig.refs for fig in imp.figures] == [["E008"]]


def test_action_items_come_from_the_action_item_role_with_the_owner_the_source_names() -> None:
    items = sections.action_items(analyse(_timeline(_ALIAS_SWAP, key=_KEYS))).items
    assert [i.refs[0] for i in items] == ["E011"]
    assert items[0].owner == "mara"


def test_lessons_show_the_detection_gap_and_what_helped() -> None:
    les = sections.lessons(analyse(_timeline(_ALIAS_SWAP, key=_KEYS)))
    wrong = " ".join(x.text for x in les.went_wrong)
    assert "52 min after the impact began" in wrong
    assert "reported by people" in wrong
    assert any("E007" in x.refs for x in les.went_well)
    assert any("E006" in x.refs for x in les.went_well)


def test_summary_names_the_cause_only_when_a_finding_supports_it() -> None:
    with_finding = sections.summary(analyse(_timeline(_ALIAS_SWAP, key=_KEYS)))
    assert "alias swap ran before the rebuild finished" in with_finding.summary
    # The same incident where that line is only a guess: no finding, so the summary names no cause.
    guessed: list[Row] = [
        (m, s, a, t, "hypothesis" if r == "finding" else r, c) for m, s, a, t, r, c in _ALIAS_SWAP
    ]
    without = sections.summary(analyse(_timeline(guessed, key=_KEYS)))
    assert "alias swap" not in without.summary
    assert "cause" in without.summary and "not established" in without.summary


def test_a_follow_up_the_classifier_was_unsure_of_is_still_no_cause_or_factor() -> None:
    unsure: list[Row] = [
        (m, s, a, t, r, 0.4 if r == "action_item" else c) for m, s, a, t, r, c in _ALIAS_SWAP
    ]
    unsure[10] = (
        80,
        "chat",
        "mara",
        "alert when a shard has no active primary for a minute, because the missing primaries went unseen for 52 minutes",
        "action_item",
        0.4,
    )
    rc = sections.root_cause(analyse(_timeline(unsure, key=_KEYS)))
    assert "E011" not in rc.root_cause.refs
    assert all("E011" not in c.refs for c in rc.contributing_factors)


def test_a_list_posted_after_mitigation_is_follow_ups_in_any_language_but_a_figures_recap_is_not() -> None:
    rows = [
        *_ALIAS_SWAP,
        (
            100,
            "chat",
            "olu",
            "pendientes:\n1. bloquear el swap del alias hasta que el rebuild esté verde\n"
            "2. alerta que pagine cuando un índice no tenga primarias",
            "chatter",
            0.3,
        ),
        (101, "chat", "kit", "- 14:02 first errors\n- 14:54 alias pinned back", "chatter", 0.3),
        (102, "chat", "kit", "numbers:\n- 3,100 searches failed\n- 12% of traffic", "chatter", 0.3),
        (
            103,
            "chat",
            "mara",
            "resolved, dzięki wszystkim\naction items na start:\n- page on shard allocation failures\n"
            "- runbook for pinning the alias by hand",
            "chatter",
            0.3,
        ),
    ]
    items = sections.action_items(analyse(_timeline(rows, key=_KEYS))).items
    texts = [i.description for i in items]
    assert any(t.startswith("Bloquear el swap del alias") for t in texts), texts
    assert any(t.startswith("Alerta que pagine") for t in texts), texts
    assert any(t.startswith("Page on shard allocation failures") for t in texts), texts
    assert not any("alias pinned back" in t or "searches failed" in t for t in texts), texts


def test_a_follow_up_added_with_a_plus_bullet_is_an_item_but_a_plus_one_is_not() -> None:
    rows = [
        *_ALIAS_SWAP,
        (
            100,
            "chat",
            "olu",
            "+ verrouiller le swap de l'alias tant que le rebuild n'est pas vert",
            "chatter",
            0.3,
        ),
        (101, "chat", "kit", "+1", "chatter", 0.3),
    ]
    texts = [i.description for i in sections.action_items(analyse(_timeline(rows, key=_KEYS))).items]
    assert any(t.startswith("Verrouiller le swap") for t in texts), texts
    assert not any(t.strip() in ("+1", "1") for t in texts), texts


def test_a_log_line_that_recurs_every_night_is_routine_not_a_happening() -> None:
    from assistant.draft.facts import _routine

    def log(**attrs: object) -> Event:
        return Event(
            id="E001",
            time=T0,
            source=SourceKind.log,
            text="INFO - Executing <Task(SqlSensor): check_source_freshness>",
            refs=[SourceRef(file="airflow.log", line=1)],
            attrs=dict(attrs),
        )

    nightly = log(count=5, first="2026-05-11T02:00:01+00:00", last="2026-05-15T02:00:01+00:00")
    burst = log(count=40, first="2026-05-11T02:00:01+00:00", last="2026-05-11T02:20:00+00:00")
    assert _routine(nightly)
    assert not _routine(burst)
