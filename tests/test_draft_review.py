"""Offline drafts read like a reviewer would keep them: causes over symptoms, no chatter, no blame."""

from __future__ import annotations

from typing import Any

from _draft_helpers import make_timeline

from assistant.draft.pipeline import draft_postmortem

_CAUSE_ROWS = [
    (0, "log", None, "upstream connect error: 503", {"level": "error", "service": "shop-api"}),
    (
        2,
        "alert",
        "alertmanager",
        "[FIRING] ShopErrorRateHigh (severity=page)",
        {"alert": "ShopErrorRateHigh", "status": "firing", "severity": "page"},
    ),
    (4, "chat", "ana", "shop-api 5xx at 30% and climbing", {}),
    (6, "chat", "bo", "edge-router-7 rcvd routes from core 12 -> 0, no alert", {}),
    (8, "chat", "cy", "why did the routes vanish?", {}),
    (
        9,
        "chat",
        "dee",
        "the new route-map RM-EXPORT replaced the old one and dropped the term for internal prefixes",
        {},
    ),
    (10, "chat", "eli", "@dee can you check the route-map diff? it's probably broken", {}),
    (12, "chat", "bo", "rolled back the route-map, errors back to normal", {}),
    (30, "chat", "cy", "resolved", {}),
]


def _draft(rows, keys):
    return draft_postmortem(make_timeline(rows, keys))  # no model: the deterministic drafter


def test_root_cause_prefers_mechanism_line_over_symptom_line() -> None:
    pm = _draft(_CAUSE_ROWS, {"start": 0, "detected": 1, "mitigated": 7, "resolved": 8})
    assert "replaced the old one and dropped the term" in pm.root_cause.text
    assert not pm.root_cause.text.startswith("According to the sources: Edge-router-7 rcvd")


def test_root_cause_never_quotes_a_line_addressed_to_a_person() -> None:
    pm = _draft(_CAUSE_ROWS, {"start": 0, "detected": 1, "mitigated": 7, "resolved": 8})
    texts = [pm.root_cause.text] + [c.text for c in pm.contributing_factors]
    assert not any("@dee" in t or "can you check" in t for t in texts)


def test_blameful_line_keeps_only_its_neutral_fact_in_root_cause() -> None:
    rows = [
        (0, "log", None, "token validation failed: unknown kid", {"level": "error", "service": "gw"}),
        (
            2,
            "alert",
            "pd",
            "[TRIGGERED] gw 401 rate > 20%",
            {"alert": "gw 401", "status": "triggered", "severity": "critical"},
        ),
        (
            10,
            "chat",
            "kim",
            "sorry, I didn't check the cache. the key rotation replaced the signing key and the gateway still has the old JWKS cached. kim should have known",
            {},
        ),
        (
            12,
            "chat",
            "lu",
            "the platform team rotated keys at night without a heads up, brilliant planning 👏",
            {},
        ),
        (20, "chat", "kim", "restarted gateway pods, 401 back to baseline", {}),
        (40, "chat", "lu", "resolved", {}),
    ]
    pm = _draft(rows, {"start": 0, "detected": 1, "mitigated": 4, "resolved": 5})
    assert "still has the old JWKS cached" in pm.root_cause.text
    everything = pm.model_dump_json()
    assert "sorry" not in pm.root_cause.text.lower() and "should have" not in everything
    assert "brilliant planning" not in everything


def test_severity_is_inferred_from_paging_alerts_and_questioned() -> None:
    pm = _draft(_CAUSE_ROWS, {"start": 0, "detected": 1, "mitigated": 7, "resolved": 8})
    assert pm.severity == "SEV2"
    assert any("Severity SEV2 was inferred" in q for q in pm.open_questions)


def test_stated_sev_in_chat_wins_over_alert_severity() -> None:
    rows = [*_CAUSE_ROWS[:3], (3, "chat", "cy", "declaring SEV1, all checkouts down", {}), *_CAUSE_ROWS[3:]]
    pm = _draft(rows, {"start": 0, "detected": 1, "mitigated": 8, "resolved": 9})
    assert pm.severity == "SEV1"


def test_impact_figures_are_impact_lines_without_echoes_or_duplicates() -> None:
    rows = [
        (0, "log", None, "checkout failed: pool timeout", {"level": "error", "service": "checkout"}),
        (
            2,
            "alert",
            "am",
            "[FIRING] CheckoutErrors (severity=page)",
            {"alert": "CheckoutErrors", "status": "firing"},
        ),
        (3, "chat", "ana", "[FIRING:1] DBPoolSaturation (checkout, severity=warning) 12% errors", {}),
        (5, "chat", "bo", "rollback stuck on the pdb, 2 pods terminating slowly", {}),
        (20, "chat", "bo", "error rate back under 1%", {}),
        (30, "chat", "ana", "impact: 14:05-14:43, ~3,400 failed checkouts, peak 19%, ~2,100 customers", {}),
        (31, "note", "ana", "impact ~3,400 failed checkouts, ~2,100 customers", {}),
        (32, "chat", "bo", "action item: page on pool wait, 3 minutes earlier than the 5xx page", {}),
        (40, "chat", "ana", "resolved", {}),
    ]
    pm = _draft(rows, {"start": 0, "detected": 1, "mitigated": 4, "resolved": 8})
    figures = [s.text for s in pm.impact.figures]
    assert len(figures) == 1 and "~3,400 failed checkouts" in figures[0]


def test_action_items_leave_out_chat_noise_and_keep_real_follow_ups() -> None:
    rows = [
        (0, "log", None, "export query timeout", {"level": "error", "service": "orders"}),
        (2, "alert", "pd", "[TRIGGERED] orders p99 > 5s", {"alert": "orders p99", "status": "triggered"}),
        (10, "chat", "ana", "disabled exports, p99 back to normal", {}),
        (20, "chat", "ana", "follow-ups please", {}),
        (21, "chat", "bo", "we should alert on pool pending > 0 for 2m. I bet we missed more like this", {}),
        (21.5, "chat", "cy", "Careful, that would kill legit long exports too", {}),
        (22, "chat", "bo", "Going back to my oat milk latte then", {}),
        (22.5, "chat", "cy", "bo that's the plaintext password, please don't paste config here", {}),
        (23, "chat", "ana", "We're ok now. I'll send you a summary", {}),
        (24, "chat", "cy", "TODO: set a statement timeout on the orders role (rate-limited)", {}),
        (25, "chat", "ana", "per-tenant export limit of 2 (cy)", {}),
        (40, "chat", "ana", "resolved", {}),
    ]
    pm = _draft(rows, {"start": 0, "detected": 1, "mitigated": 2, "resolved": 11})
    items = {a.description: a.owner for a in pm.action_items}
    joined = " | ".join(items)
    assert "Alert on pool pending > 0 for 2m" in items and "I bet" not in joined
    for noise in ("latte", "Careful", "plaintext", "summary"):
        assert noise not in joined
    assert items.get("Set a statement timeout on the orders role (rate-limited)", "missing") is None
    assert items.get("Per-tenant export limit of 2") == "cy"


def test_timeline_collapses_one_happening_into_one_entry_with_all_refs() -> None:
    rows = [
        (0, "chat", "jo", "checkout-api 4.2.0 deployed to prod by jo (helm rev 12)", {}),
        (0, "note", "ana", "checkout-api 4.2.0 deployed (retry change + chart bump)", {}),
        (
            3,
            "log",
            None,
            "ERROR timeout acquiring connection from pool",
            {"level": "error", "service": "checkout-api"},
        ),
        (
            5,
            "alert",
            "am",
            "[FIRING] CheckoutErrorRateHigh (severity=page)",
            {"alert": "CheckoutErrorRateHigh", "status": "firing"},
        ),
        (5, "note", "ana", "CheckoutErrorRateHigh paged me", {}),
        (20, "chat", "jo", "rolled back to 4.1.9, errors back to normal", {}),
        (40, "chat", "ana", "resolved", {}),
    ]
    pm = _draft(rows, {"start": 2, "detected": 3, "mitigated": 5, "resolved": 6})
    deploy = [t for t in pm.timeline if "4.2.0 deployed" in t.description]
    assert len(deploy) == 1 and {r.split(":")[0] for r in deploy[0].refs} == {"chat.txt", "notes.md"}
    paged = [t for t in pm.timeline if "CheckoutErrorRateHigh" in t.description]
    assert len(paged) == 1 and paged[0].key == "detected"


def test_timeline_log_entries_drop_pod_prefix_and_traceback_and_keep_the_count() -> None:
    line = (
        "payments-gateway-6c9f7d8b5-t8wpl payments-gateway ERROR timeout acquiring connection "
        'Traceback (most recent call last): File "app.py", line 3 [x212 until 2026-03-04T09:30:00+00:00]'
    )
    rows = [
        (0, "log", None, line, {"level": "error", "service": "payments-gateway", "count": 212}),
        (
            2,
            "alert",
            "am",
            "[FIRING] PaymentsErrors (severity=page)",
            {"alert": "PaymentsErrors", "status": "firing"},
        ),
        (20, "chat", "jo", "rolled back, errors back to normal", {}),
        (40, "chat", "ana", "resolved", {}),
    ]
    pm = _draft(rows, {"start": 0, "detected": 1, "mitigated": 2, "resolved": 3})
    start = next(t for t in pm.timeline if t.key == "start")
    assert "first of 212: ERROR timeout acquiring connection" in start.description
    assert "Traceback" not in start.description and "t8wpl" not in start.description


def test_offline_title_for_chat_only_incident_is_readable() -> None:
    rows: list[tuple[int, str, str, str, dict[str, Any]]] = [
        (0, "chat", "ana", "support: customers report checkout failing with 502 on the web shop", {}),
        (5, "chat", "bo", "rolled back the web shop release, checkout working again", {}),
        (20, "chat", "ana", "resolved", {}),
    ]
    pm = _draft(rows, {"start": 0, "detected": 0, "mitigated": 1, "resolved": 2})
    assert pm.title and pm.title not in ("Incident", "Incident postmortem", "Incident postmortem (draft)")


def test_replies_to_a_call_for_follow_ups_in_the_teams_language_are_the_items_until_the_run_ends() -> None:
    rows = [
        (0, "log", None, "payout batch failed: schema mismatch", {"level": "error", "service": "payouts"}),
        (
            2,
            "alert",
            "pd",
            "[TRIGGERED] payout failures",
            {"alert": "payout failures", "status": "triggered"},
        ),
        (10, "chat", "elin", "körde om batchen för hand, utbetalningarna gick igenom", {}),
        (30, "chat", "elin", "allt ser bra ut nu. Vi samlar åtgärder här, fyll på:", {}),
        (
            31,
            "chat",
            "oskar",
            "schemaändringar i payouts ska valideras mot en kopia av prod före release",
            {},
        ),
        (32, "chat", "maja", "larmet på misslyckade utbetalningar ska gå till jouren direkt, inte mejl", {}),
        (33, "chat", "elin", "runbook för manuell omkörning av batchen behöver finnas i wikin", {}),
        (58, "chat", "maja", "köerna är tomma och alla utbetalningar har status klar nu", {}),
        (60, "chat", "elin", "resolved", {}),
    ]
    pm = _draft(rows, {"start": 0, "detected": 1, "mitigated": 2, "resolved": 8})
    joined = " | ".join(a.description for a in pm.action_items)
    for item in ("validera", "jouren", "runbook"):
        assert item.lower() in joined.lower()
    assert "samlar" not in joined  # the call itself is not an item
    assert "köerna" not in joined  # a status line after the run of replies has ended


def test_a_list_under_a_follow_up_heading_after_a_recap_is_the_items_whenever_it_is_posted() -> None:
    rows = [
        (0, "log", None, "label API 503 from carrier", {"level": "error", "service": "labels"}),
        (2, "alert", "pd", "[TRIGGERED] label failures", {"alert": "label failures", "status": "triggered"}),
        (
            30,
            "chat",
            "giulia",
            "Il corriere è tornato, coda vuota dalle 12:59. Chiudo l'incidente.\nProssimi passi:\n"
            "● allarme quando il backend del corriere è DOWN\n● procedura scritta per le etichette in modalità degradata",
            {},
        ),
        (90, "chat", "marco", "coda ancora vuota, tutto ok", {}),
    ]
    pm = _draft(rows, {"start": 0, "detected": 1, "mitigated": 3, "resolved": 3})
    joined = " | ".join(a.description for a in pm.action_items)
    assert "allarme quando il backend" in joined.lower() and "procedura scritta" in joined.lower()
    assert "coda vuota" not in joined  # the recap above the heading is not an item
