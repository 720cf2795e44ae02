"""`postmortem insights`: figures from stored postmortems and an HTML report with chart images."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli.app import app
from assistant.config import get_settings
from assistant.insights.data import collect
from assistant.store import DraftStore
from assistant.store.actions import list_items, set_status


def _incident(title: str, start: str, severity: str, services: list[str], ttd: float, ttr: float,
              items: list[dict]) -> dict:  # fmt: skip
    return {"title": title, "severity": severity, "services": services, "key_times": {"start": start},
            "metrics": {"time_to_detect_s": ttd, "time_to_mitigate_s": None, "time_to_resolve_s": ttr},
            "action_items": items}  # fmt: skip


def _fill(store: DraftStore) -> None:
    store.create(draft=_incident("Checkout 502s", "2026-03-04T14:02:00+00:00", "SEV2", ["edge-proxy", "checkout"],
                                 180, 2460, [{"description": "Alert before expiry", "due": "2026-04-01"}]))  # fmt: skip
    store.create(draft=_incident("Queue stuck", "2026-05-10T09:00:00+00:00", "SEV1", ["orders-queue"], 600, 7200,
                                 [{"description": "Page on zero consumers", "due": "2026-12-31"}]))  # fmt: skip
    store.create(
        draft=_incident("Checkout slow", "2026-07-01T08:00:00+00:00", "SEV2", ["checkout"], 420, 3600, [])
    )
    with store.db.session() as s:
        set_status(s, list_items(s)[1].id, "done")


def test_figures_give_medians_by_severity_recurring_services_and_item_states() -> None:
    store = DraftStore(get_settings().database)
    _fill(store)
    ins = collect(store, today=date(2026, 6, 1))
    store.close()
    assert [i.title for i in ins.incidents] == [
        "Checkout 502s",
        "Queue stuck",
        "Checkout slow",
    ]  # by start time
    assert ins.median_minutes("time_to_detect_s", severity="SEV2") == 5.0  # 3 and 7 minutes
    assert ins.median_minutes("time_to_resolve_s") == 60.0
    assert ins.median_minutes("time_to_mitigate_s") is None
    assert ins.recurring_services() == [("checkout", 2)]
    assert ins.items_by_status() == {"open": 1, "in_progress": 0, "done": 1, "wont_do": 0}


def test_insights_command_writes_an_html_report_with_its_charts(tmp_path: Path) -> None:
    store = DraftStore(get_settings().database)
    _fill(store)
    store.close()
    out = tmp_path / "report"
    res = CliRunner().invoke(app, ["insights", "--out", str(out), "--today", "2026-06-01"])
    assert res.exit_code == 0, res.output
    page = (out / "index.html").read_text(encoding="utf-8")
    images = re.findall(r'<img src="([^"]+)"', page)
    assert images == [
        "response-times.png",
        "by-severity.png",
        "by-category.png",
        "recurring-causes.png",
        "action-items.png",
    ]
    for name in images:
        assert (out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "3 postmortems, 2 tracked action items" in page
    assert "<li>checkout: 2 incidents</li>" in page
    assert "Alert before expiry" in page  # overdue on 2026-06-01
    assert "Page on zero consumers" not in page  # done


CAUSES = [
    ("Pool exhausted", "The connection pool was exhausted by a slow query"),
    ("Payments down", "Payments service ran out of database connections after the pool size was set to 5"),
    ("Edge TLS", "The TLS certificate on the edge proxy expired"),
    ("API TLS", "The certificate for api.example.com expired because renewal failed"),
    ("Null pointer", "A deploy of version 3.8.0 introduced a null pointer bug"),
    ("Wrong flag", "The feature flag was set to the wrong value in production"),
]


def _fill_causes(store: DraftStore) -> None:
    for n, (title, cause) in enumerate(CAUSES):
        store.create(draft={"title": title, "severity": "SEV2", "root_cause": {"text": cause},
                            "key_times": {"start": f"2026-0{n + 1}-01T10:00:00+00:00"},
                            "metrics": {"time_to_detect_s": 60.0 * (n + 1), "time_to_resolve_s": 600.0}})  # fmt: skip


def test_each_incident_gets_a_cause_category_from_its_stated_root_cause() -> None:
    from assistant.insights.causes import categorise

    kinds = categorise([c for _, c in CAUSES] + ["", "AWS us-east-1 S3 outage in the region"])
    assert kinds[:6] == ["capacity", "capacity", "expiry", "expiry", "deploy", "configuration"]
    assert kinds[6] == "unknown"


def test_recurring_causes_group_incidents_whose_causes_mean_the_same() -> None:
    store = DraftStore(get_settings().database)
    _fill_causes(store)
    ins = collect(store, today=date(2026, 8, 1))
    store.close()
    groups = {tuple(sorted(ins.incidents[[i.draft_id for i in ins.incidents].index(d)].title for d in g.draft_ids))
              for g in ins.recurring_causes()}  # fmt: skip
    assert groups == {("Payments down", "Pool exhausted"), ("API TLS", "Edge TLS")}
    assert ins.median_minutes("time_to_detect_s", category="expiry") == 3.5  # 3 and 4 minutes
    assert ins.categories()[:2] == ["capacity", "expiry"]


def test_the_report_shows_times_by_category_and_the_recurring_causes(tmp_path: Path) -> None:
    from assistant.insights.report import write_report

    store = DraftStore(get_settings().database)
    _fill_causes(store)
    ins = collect(store, today=date(2026, 8, 1))
    store.close()
    page = write_report(ins, tmp_path / "r").read_text(encoding="utf-8")
    assert "<h2>By cause category</h2>" in page and "<tr><td>expiry</td><td>3.5</td>" in page
    assert "<b>2 incidents</b>" in page and "The TLS certificate on the edge proxy expired" in page
    assert (tmp_path / "r" / "recurring-causes.png").read_bytes()[:4] == b"\x89PNG"
