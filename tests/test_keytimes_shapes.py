"""The key-time decision procedure on the incident shapes of issue 11, with roles set by hand so the
procedure is tested, not the classifier."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from assistant.domain import Event, EventRole, SourceKind, SourceRef
from assistant.roles.keytimes import QUESTIONS, find_key_times
from assistant.timeline.keytimes import mentioned_time

T0 = datetime(2026, 7, 1, 9, 0, tzinfo=UTC)


def ev(n: int, minutes: float, source: str, text: str, actor: str | None = "ana", **attrs: object) -> Event:
    """Event E{n:03d} at T0 + minutes."""
    return Event(
        id=f"E{n:03d}",
        time=T0 + timedelta(minutes=minutes),
        source=SourceKind(source),
        actor=actor,
        text=text,
        refs=[SourceRef(file=f"{source}.txt", line=n)],
        attrs=dict(attrs),
    )


def role(name: str, confidence: float = 0.9, *, paging: bool | None = None) -> EventRole:
    """A role as the classifier or structure would give it."""
    return EventRole(role=name, confidence=confidence, evidence=["set by the test"], paging=paging)


def page(n: int, minutes: float, name: str, status: str) -> tuple[Event, EventRole]:
    """A paging alert firing or resolving."""
    e = ev(n, minutes, "alert", f"[{status.upper()}] {name}", "alertmanager", alert=name, status=status)
    return e, role("alert_firing" if status == "firing" else "alert_resolved", 0.95, paging=True)


def errors_between(a: float, b: float, every: float = 0.5) -> list[tuple[datetime, SourceRef]]:
    """Log error times every ``every`` minutes from T0+a to T0+b."""
    n = int((b - a) / every)
    return [(T0 + timedelta(minutes=a + k * every), SourceRef(file="app.log", line=k + 1)) for k in range(n)]


def test_a_different_page_firing_after_every_page_resolved_is_a_second_impact_window() -> None:
    pairs = [
        page(1, 0, "CheckoutErrors", "firing"),
        (ev(2, 5, "chat", "rolled back the release"), role("mitigation")),
        page(3, 12, "CheckoutErrors", "resolved"),
        page(4, 60, "CheckoutLatency", "firing"),
        (ev(5, 70, "chat", "scaled the new nodes back in"), role("mitigation")),
        page(6, 80, "CheckoutLatency", "resolved"),
        (ev(7, 120, "chat", "resolved, closing the incident"), role("resolution")),
    ]
    events = [e for e, _ in pairs]
    _kt, ke, choices = find_key_times(events, {e.id: r for e, r in pairs}, [])
    assert ke.detected == "E001"
    assert ke.mitigated == "E006", choices["mitigated"]  # when impact finally stopped
    assert ke.resolved == "E007"


def test_a_lone_report_a_day_before_anything_else_is_only_a_runner_up_for_detection() -> None:
    pairs = [
        (ev(1, -24 * 60, "chat", "heads up: the new partner goes live tomorrow", "jo"), role("report", 0.9)),
        page(2, 0, "QueueAgeHigh", "firing"),
        (ev(3, 3, "chat", "oldest message is 7 min old and growing", "pri"), role("symptom", 0.8)),
    ]
    events = [e for e, _ in pairs]
    _kt, ke, choices = find_key_times(events, {e.id: r for e, r in pairs}, errors_between(-20, 2))
    assert ke.detected == "E002", choices["detected"]
    assert any(c.event_id == "E001" for c in choices["detected"].candidates)


def test_a_relayed_partner_call_detects_a_silent_failure_that_started_days_before() -> None:
    errs = [
        (T0 - timedelta(days=d) + timedelta(seconds=s), SourceRef(file="export.log", line=10 * d + s))
        for d in (1, 2, 3)
        for s in (0, 20, 40)
    ]
    pairs = [
        (ev(1, -4 * 24 * 60, "log", "export heartbeat ok", None, level="info"), role("chatter", 0.5)),
        (
            ev(2, 0, "chat", "the partner called sales: no order file since Monday", "ana"),
            role("report", 0.7),
        ),
        (
            ev(3, 40, "chat", "uploaded the three files by hand through their portal", "tom"),
            role("mitigation"),
        ),
        (ev(4, 45, "chat", "partner confirms they got them, processing again", "ana"), role("recovery", 0.8)),
        (
            ev(5, 24 * 60, "chat", "today's export went through by itself. resolved", "tom"),
            role("resolution"),
        ),
    ]
    events = [e for e, _ in pairs]
    kt, ke, choices = find_key_times(events, {e.id: r for e, r in pairs}, errs)
    assert ke.detected == "E002" and "report" in choices["detected"].why
    assert kt.start is not None and kt.start <= T0 - timedelta(days=3) + timedelta(minutes=1)
    assert ke.mitigated == "E004" and ke.resolved == "E005"


def test_a_premature_resolution_people_kept_mitigating_after_yields_to_the_later_closure() -> None:
    pairs = [
        page(1, 0, "LedgerMismatch", "firing"),
        (ev(2, 10, "chat", "flag off"), role("mitigation")),
        (ev(3, 15, "chat", "no new bad entries since the flag went off"), role("recovery")),
        (ev(4, 20, "chat", "fair. sorry all", "tk"), role("resolution", 0.62)),
        (ev(5, 90, "chat", "hold applied to the 275 wallets"), role("mitigation", 0.6)),
        (ev(6, 24 * 60, "chat", "clawback finished"), role("mitigation", 0.6)),
        (ev(7, 26 * 60, "note", "incident closed"), role("resolution", 0.99)),
    ]
    events = [e for e, _ in pairs]
    _kt, ke, choices = find_key_times(events, {e.id: r for e, r in pairs}, [])
    assert ke.resolved == "E007", choices["resolved"]
    assert any(c.event_id == "E004" for c in choices["resolved"].candidates)


def test_a_closing_word_in_another_language_outranks_a_vague_declaration() -> None:
    pairs = [
        page(1, 0, "PricingErrors", "firing"),
        (ev(2, 10, "chat", "Ansible läuft"), role("mitigation")),
        (ev(3, 20, "chat", "5xx 0.2%, GC normal"), role("recovery")),
        (ev(4, 30, "chat", "Status update posted, monitoring"), role("resolution", 0.6)),
        (ev(5, 90, "chat", "Incident geschlossen 11:30. Danke an alle"), role("resolution", 0.5)),
    ]
    events = [e for e, _ in pairs]
    _kt, ke, choices = find_key_times(events, {e.id: r for e, r in pairs}, [])
    assert ke.resolved == "E005", choices["resolved"]


def test_a_report_after_a_declared_resolution_with_errors_back_reopens_it() -> None:
    pairs = [
        (ev(1, 0, "chat", "support: 14 tickets in the last hour, invoices missing", "marta"), role("report")),
        (ev(2, 30, "chat", "marked the task successful by hand, downstream running"), role("mitigation")),
        (ev(3, 45, "chat", "customers see their invoices again", "marta"), role("recovery", 0.8)),
        (ev(4, 55, "chat", "resuelto. gracias", "diego"), role("resolution")),
        (ev(5, 150, "chat", "tickets are back, the 11:00 run is missing too", "marta"), role("report", 0.7)),
        (ev(6, 170, "chat", "reverted the image, reran the job", "diego"), role("mitigation")),
        (ev(7, 180, "chat", "invoices published, all good", "lucia"), role("recovery", 0.8)),
        (ev(8, 210, "chat", "incidente resuelto, lo cerramos", "diego"), role("resolution")),
    ]
    events = [e for e, _ in pairs]
    errs = errors_between(-60, -30) + errors_between(145, 147)
    _kt, ke, choices = find_key_times(events, {e.id: r for e, r in pairs}, errs)
    assert ke.detected == "E001"
    assert ke.mitigated == "E007", choices["mitigated"]
    assert ke.resolved == "E008", choices["resolved"]


def test_a_report_the_classifier_only_leans_to_detects_with_a_question_when_errors_back_it() -> None:
    pairs = [
        (ev(1, 0, "chat", "a Lumen ligou: não recebem o arquivo desde segunda", "ana"), role("report", 0.36)),
        (ev(2, 60, "chat", "resolvido, fechando o incidente", "tom"), role("resolution")),
    ]
    events = [e for e, _ in pairs]
    _kt, ke, choices = find_key_times(events, {e.id: r for e, r in pairs}, errors_between(-600, -598))
    assert ke.detected == "E001"
    assert (
        choices["detected"].confidence <= 0.35 and choices["detected"].question == QUESTIONS["detected_weak"]
    )


def test_a_weak_report_nothing_backs_leaves_detection_unknown_with_a_question() -> None:
    pairs = [(ev(1, 0, "chat", "hmm, is the dashboard odd?", "ana"), role("report", 0.36))]
    events = [e for e, _ in pairs]
    kt, _ke, choices = find_key_times(events, {e.id: r for e, r in pairs}, [])
    assert kt.detected is None and choices["detected"].question == QUESTIONS["detected"]


def test_a_twelve_hour_clock_in_a_mitigation_message_reads_as_the_recent_afternoon() -> None:
    e = ev(1, 6 * 60 + 55, "chat", "mitigated as of ~3:46. keeping the incident open a bit")  # 15:55 UTC
    assert mentioned_time(e) == T0.replace(hour=15, minute=46)
    assert mentioned_time(ev(2, 60, "chat", "mitigated at 9:30")) == T0.replace(hour=9, minute=30)


@pytest.mark.parametrize(
    "text",
    [
        "les ventes sont revenues au niveau attendu depuis 10h25",  # French: the hour written 10h25
        "het loopt weer sinds 10:25",
        "działa od 10:25",
        "normal lagi sejak 10:25",
    ],
)
def test_a_recovery_time_stated_in_another_language_is_read(text: str) -> None:
    assert mentioned_time(ev(1, 120, "chat", text)) == T0.replace(hour=10, minute=25)


def test_a_remark_about_a_quiet_alerts_problem_is_not_detection_of_the_page_that_follows() -> None:
    quiet = ev(1, -30, "alert", "[FIRING] reporting export finished late", "datadog", alert="ExportLate")
    pairs = [
        (quiet, role("alert_firing", 0.95, paging=False)),
        (
            ev(2, -5, "chat", "morning. the reporting export is late again, will look later", "raj"),
            role("report", 0.6),
        ),
        (
            ev(3, 0, "alert", "[TRIGGERED] orders-api p99 latency above 2s", "pagerduty", alert="OrdersP99"),
            role("alert_firing", 0.95, paging=True),
        ),
        (ev(4, 1, "chat", "paged, orders writes timing out", "neha"), role("report", 0.9)),
    ]
    _kt, ke, choices = find_key_times([e for e, _ in pairs], {e.id: r for e, r in pairs}, [])
    assert ke.detected == "E003", choices["detected"]


def test_i_called_it_fixed_too_early_said_while_impact_is_back_declares_nothing() -> None:
    pairs = [
        page(1, 0, "FeedErrors", "firing"),
        (ev(2, 10, "chat", "restarted the pods"), role("mitigation")),
        page(3, 20, "FeedErrors", "resolved"),
        (ev(4, 25, "chat", "fixed, going back to bed"), role("resolution", 0.8)),
        page(5, 120, "FeedErrors", "firing"),
        (ev(6, 125, "chat", "yeah, I called it fixed too early"), role("false_recovery", 0.85)),
        (ev(7, 150, "chat", "rolled back to the previous release"), role("mitigation")),
        (ev(8, 160, "chat", "rollback done, errors gone"), role("recovery", 0.8)),
        page(9, 165, "FeedErrors", "resolved"),
        (ev(10, 400, "chat", "flat all night, closing the incident"), role("resolution", 0.9)),
    ]
    _kt, ke, choices = find_key_times([e for e, _ in pairs], {e.id: r for e, r in pairs}, [])
    assert ke.mitigated == "E008", choices["mitigated"]
    assert ke.resolved == "E010", choices["resolved"]


def test_a_closing_word_backs_a_declaration_the_classifier_only_leans_to() -> None:
    pairs = [
        page(1, 0, "RevenueWrong", "firing"),
        (ev(2, 30, "chat", "mitigado, dashboard ok"), role("recovery", 0.9)),
        (ev(3, 90, "chat", "cierro el incidente, postmortem el jueves"), role("resolution", 0.3)),
    ]
    _kt, ke, _choices = find_key_times([e for e, _ in pairs], {e.id: r for e, r in pairs}, [])
    assert ke.resolved == "E003"


def test_a_question_about_something_else_an_hour_before_a_page_is_not_detection() -> None:
    pairs = [
        (ev(1, -17, "chat", "anyone else seeing ci-runner-04 disk warnings?", "dev"), role("report", 0.9)),
        (
            ev(
                2,
                0,
                "alert",
                "[FIRING] CheckoutErrorRateHigh 5xx ratio 39%",
                "grafana",
                alert="CheckoutErrors",
            ),
            role("alert_firing", 0.95, paging=True),
        ),
        (ev(3, 3, "chat", "checkout errors all say pricing_unavailable", "ana"), role("report", 0.9)),
    ]
    _kt, ke, choices = find_key_times([e for e, _ in pairs], {e.id: r for e, r in pairs}, [])
    assert ke.detected == "E002", choices["detected"]


def test_a_report_naming_what_the_later_page_names_detects_before_it() -> None:
    pairs = [
        (ev(1, -6, "chat", "checkout is throwing errors for me", "sam"), role("report", 0.9)),
        (
            ev(2, 0, "alert", "[FIRING] CheckoutErrorRateHigh", "grafana", alert="CheckoutErrors"),
            role("alert_firing", 0.95, paging=True),
        ),
    ]
    _kt, ke, _choices = find_key_times([e for e, _ in pairs], {e.id: r for e, r in pairs}, [])
    assert ke.detected == "E001"


def test_a_person_saying_when_the_trouble_began_dates_the_start_before_detection() -> None:
    pairs = [
        (
            ev(1, 0, "chat", "support: 3 merchant tickets, the pay widget does not show", "sup"),
            role("report", 0.9),
        ),
        (
            ev(2, 4, "chat", "loads are way down, it started dropping around 7:34", "kai"),
            role("symptom", 0.7),
        ),
        (ev(3, 30, "chat", "renewed the domain"), role("mitigation")),
        (ev(4, 40, "chat", "loads recovering"), role("recovery", 0.8)),
    ]
    events = [e for e, _ in pairs]
    # T0 is 09:00 UTC; the remark at 09:04 names 07:34 on the same clock.
    _kt, ke, choices = find_key_times(events, {e.id: r for e, r in pairs}, [])
    assert ke.detected == "E001"
    assert choices["start"].time == T0.replace(hour=7, minute=34), choices["start"]


def test_errors_falling_back_before_anyone_acted_do_not_mark_mitigation() -> None:
    pairs = [
        (ev(1, 0, "chat", "support: widget missing for merchants", "sup"), role("report", 0.9)),
        (ev(2, 4, "chat", "beacon loads dipped, odd", "kai"), role("recovery", 0.4)),
        (ev(3, 25, "chat", "renewed the domain, restoring nameservers"), role("mitigation")),
        (ev(4, 32, "chat", "nameservers back, loads recovering"), role("recovery", 0.8)),
    ]
    events = [e for e, _ in pairs]
    errors = errors_between(-20, 1)  # the log's errors stop a minute after the report
    _kt, ke, choices = find_key_times(events, {e.id: r for e, r in pairs}, errors)
    assert ke.mitigated == "E004", choices["mitigated"]


def test_a_declaration_made_on_a_condition_is_a_plan_not_the_resolution() -> None:
    pairs = [
        page(1, 0, "DiskFull", "firing"),
        (ev(2, 20, "chat", "reverted the trace flag"), role("mitigation")),
        (ev(3, 30, "chat", "disk back to 41%, pods ready"), role("recovery", 0.8)),
        (
            ev(4, 40, "chat", "1時間様子を見て、ディスクが横ばいなら resolved にします"),
            role("resolution", 0.8),
        ),
        (ev(5, 100, "chat", "resolved にします。お疲れさまでした"), role("resolution", 0.8)),
    ]
    _kt, ke, choices = find_key_times([e for e, _ in pairs], {e.id: r for e, r in pairs}, [])
    assert ke.resolved == "E005", choices["resolved"]


def test_a_comment_closing_a_ticket_yields_to_the_channels_declaration() -> None:
    pairs = [
        page(1, 0, "GatewayErrors", "firing"),
        (ev(2, 20, "chat", "reverted the gateway config"), role("mitigation")),
        page(3, 25, "GatewayErrors", "resolved"),
        (ev(4, 40, "note", "Closing - fixed by infra#691.", "ops-lee", comment_on="517"), role("resolution")),
        (ev(5, 50, "chat", "incident resolved, thanks all"), role("resolution")),
    ]
    _kt, ke, choices = find_key_times([e for e, _ in pairs], {e.id: r for e, r in pairs}, [])
    assert ke.resolved == "E005", choices["resolved"]
    alone = [p for p in pairs if p[0].id != "E005"]  # no declaration in the channel: the ticket's closure
    _kt, ke, _ = find_key_times([e for e, _ in alone], {e.id: r for e, r in alone}, [])
    assert ke.resolved == "E004"


def test_a_closing_the_classifier_ranks_second_counts_when_a_closing_word_backs_it() -> None:
    def ranked(first: str, conf: float, second: str, second_conf: float) -> EventRole:
        return EventRole(
            role=first,
            confidence=conf,
            evidence=["set by the test"],
            runner_up=second,
            runner_up_confidence=second_conf,
        )

    pairs = [
        page(1, 0, "LabelUploads", "firing"),
        (ev(2, 20, "chat", "switched the task to the new role"), role("mitigation")),
        (ev(3, 30, "chat", "uploads succeed again"), role("recovery")),
        (
            ev(4, 90, "chat", "インシデントをクローズします。お疲れさまでした"),
            ranked("change", 0.56, "resolution", 0.31),
        ),
        (ev(5, 95, "chat", "rolled back and fixed"), ranked("mitigation", 0.6, "resolution", 0.3)),
    ]
    _kt, ke, choices = find_key_times([e for e, _ in pairs], {e.id: r for e, r in pairs}, [])
    assert ke.resolved == "E004", choices["resolved"]


@pytest.mark.parametrize(
    "closing",
    [
        "IR-2291 resolved: p99 normal since 14:02, cache warm",
        "Uzavírám incident IR-2291 jako vyřešený, díky všem",
    ],
)
def test_a_person_closing_the_incident_by_name_declares_it_whatever_the_classifier_read(closing: str) -> None:
    pairs = [
        page(1, 0, "SearchLatencyHigh", "firing"),
        (ev(2, 10, "chat", "rolled the index back"), role("mitigation")),
        (ev(3, 20, "chat", "p99 back under 300ms"), role("recovery")),
        (
            ev(
                4,
                25,
                "alert",
                "[RESOLVED] SearchLatencyHigh",
                "alertmanager",
                alert="SearchLatencyHigh",
                status="resolved",
            ),
            role("alert_resolved", 0.95, paging=True),
        ),
        (ev(5, 40, "chat", "holding the incident open until the reindex finishes"), role("chatter", 0.6)),
        (ev(6, 70, "chat", closing), role("symptom", 0.7)),
    ]
    events = [e for e, _ in pairs]
    _kt, ke, choices = find_key_times(events, {e.id: r for e, r in pairs}, [])
    assert ke.resolved == "E006", choices["resolved"]
