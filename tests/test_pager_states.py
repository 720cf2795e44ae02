"""Which alert records page our on-call: pager priorities and a provider's status-page notices."""

from __future__ import annotations

from datetime import UTC, datetime

from assistant.domain import Event, SourceKind, SourceRef
from assistant.roles.assign import assign_roles
from assistant.timeline.keytimes import is_paging_alert


def _alert(text: str, **attrs: object) -> Event:
    return Event(
        id="E001",
        time=datetime(2026, 4, 7, 2, 12, tzinfo=UTC),
        source=SourceKind.alert,
        actor="pager",
        text=text,
        refs=[SourceRef(file="alerts.json", line=1)],
        attrs=dict(attrs),
    )


def test_a_low_priority_pagerduty_incident_pages_nobody() -> None:
    low = _alert("export finished late", system="pagerduty", status="triggered", severity="P4")
    high = _alert("orders p99 above 2s", system="pagerduty", status="triggered", severity="P1")
    assert not is_paging_alert(low)
    assert is_paging_alert(high)


def test_a_moderate_priority_opsgenie_alert_pages_nobody_and_a_high_one_does() -> None:
    moderate = _alert("carrier API latency p95 > 2s", system="opsgenie", status="triggered", severity="P3")
    high = _alert("label-api 5xx ratio > 5%", system="opsgenie", status="triggered", severity="P2")
    assert not is_paging_alert(moderate)
    assert is_paging_alert(high)


def test_a_providers_status_page_notice_is_not_a_page() -> None:
    notice = _alert("Elevated error rates", status="firing", state="investigating", severity="major")
    assert not is_paging_alert(notice)


def test_an_urgent_ticket_is_a_report_and_a_routine_one_is_not_relied_on() -> None:
    urgent = _alert("Ticket #D-1 opened by Val: revenue x500", ticket="D-1", priority="Highest")
    routine = _alert("Ticket #D-2 opened by Pedro: explore times out", ticket="D-2", priority="Low")
    urgent = urgent.model_copy(update={"source": SourceKind.note})
    routine = routine.model_copy(update={"source": SourceKind.note, "id": "E002"})
    roles = assign_roles([urgent, routine])
    assert roles["E001"].role == "report" and roles["E001"].confidence >= 0.5
    assert roles["E002"].role == "report" and roles["E002"].confidence < 0.5


def test_a_payload_that_says_it_pages_nobody_in_german_is_a_warning() -> None:
    from assistant.ingest.alert_fields import fields_of

    payload = {
        "title": "[Triggered] [P3] tarif-api p95 Latenz > 400ms",
        "body": "tarif-api p95 ist über 400 ms. Kein Paging. @slack-tarif-alerts",
        "date": "1794912260000",
        "alert_transition": "Triggered",
        "alert_priority": "P3",
    }
    (f,) = fields_of(payload)
    assert f.severity == "warning"


def test_a_chat_relay_of_an_alert_echoes_it_without_the_state_tags() -> None:
    from assistant.timeline.align import echoes, text_keys

    anchor = text_keys(
        "[Triggered] [P1] abrechnung-service Fehlerquote > 5%",
        "[Triggered] [P1] abrechnung-service Fehlerquote > 5%",
    )
    relay = "Triggered #20931: [P1] abrechnung-service Fehlerquote > 5%"
    assert echoes(relay, text_keys(relay), anchor)
