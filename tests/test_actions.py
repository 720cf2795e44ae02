"""Action items beyond the export: filters on both backends, the `actions` command, tracker CSVs."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from _store_helpers import database_url, fresh_postgres_database, postgres_server  # noqa: F401  (fixtures)
from typer.testing import CliRunner

from assistant.cli.app import app
from assistant.config import get_settings
from assistant.export.trackers import JIRA_FIELDS, LINEAR_HEADERS, items_from_draft, jira_csv, linear_csv
from assistant.store import DraftStore
from assistant.store.actions import list_items, set_status

CERT = {
    "title": "Checkout 502s after certificate expiry",
    "action_items": [
        {"description": "Alert 14 days before any certificate expires", "owner": "Dana", "due": "2026-04-01",
         "priority": "high", "kind": "detect", "refs": ["chat.txt:80"]},
        {"description": "Move HAProxy certs to the managed issuer", "owner": None, "due": "next sprint",
         "priority": "P3", "kind": "prevent", "refs": []},
    ],
}  # fmt: skip
QUEUE = {
    "title": "Orders stuck after consumer crash",
    "action_items": [
        {"description": "Page when the consumer count is zero for 2 minutes", "owner": "erin",
         "due": "2026-03-01", "priority": "high", "kind": "detect"},
        {"description": "Write the queue runbook", "owner": "dana", "due": "2026-06-30", "priority": "low",
         "kind": "process"},
    ],
}  # fmt: skip


def _fill(store: DraftStore) -> dict[str, int]:
    store.create(draft=CERT)
    store.create(draft=QUEUE)
    with store.db.session() as s:
        ids = {it.description: it.id for it in list_items(s)}
        set_status(s, ids["Page when the consumer count is zero for 2 minutes"], "won't do")
    return ids


def test_filters_find_open_overdue_and_owned_items_across_postmortems(database_url: str) -> None:  # noqa: F811
    store = DraftStore(database_url)
    _fill(store)
    with store.db.session() as s:
        every = list_items(s)
        open_items = list_items(s, open_only=True)
        overdue = list_items(s, overdue_on=date(2026, 5, 1))
        danas = list_items(s, owner="dana")
    store.close()
    assert len(every) == 4
    # overdue first by due date; items without a date last
    assert [it.due.isoformat() if it.due else None for it in every] == [
        "2026-03-01",
        "2026-04-01",
        "2026-06-30",
        None,
    ]
    assert "Page when the consumer count is zero for 2 minutes" not in {it.description for it in open_items}
    assert [it.description for it in overdue] == ["Alert 14 days before any certificate expires"]
    assert overdue[0].postmortem == "Checkout 502s after certificate expiry"
    assert sorted(it.description for it in danas) == ["Alert 14 days before any certificate expires",
                                                      "Write the queue runbook"]  # fmt: skip


def test_actions_command_lists_filters_and_changes_status(tmp_path: Path) -> None:
    store = DraftStore(get_settings().database)
    ids = _fill(store)
    store.close()
    runner = CliRunner()
    res = runner.invoke(app, ["actions", "--overdue", "--today", "2026-05-01"])
    assert res.exit_code == 0, res.output
    assert "Alert 14 days before any certificate expires" in res.output and "OVERDUE" in res.output
    assert "queue runbook" not in res.output

    res = runner.invoke(app, ["actions", "status", str(ids["Write the queue runbook"]), "in progress"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["actions", "--open", "--owner", "DANA", "--json"])
    data = json.loads(res.output)
    assert {(d["description"], d["status"]) for d in data} == {
        ("Alert 14 days before any certificate expires", "open"), ("Write the queue runbook", "in_progress")}  # fmt: skip
    assert {d["postmortem"] for d in data} == {CERT["title"], QUEUE["title"]}

    out = tmp_path / "jira.csv"
    res = runner.invoke(app, ["actions", "--open", "--format", "jira", "--out", str(out)])
    assert res.exit_code == 0 and "wrote 3 action items" in res.output
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 4 and rows[0][0] == "Summary"


def test_actions_command_tracks_a_draft_json_and_refuses_unknown_statuses(tmp_path: Path) -> None:
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(CERT), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["actions", "track", str(path), "--author", "dana"])
    assert res.exit_code == 0 and "tracking 2 action items" in res.output
    res = runner.invoke(app, ["actions", "status", "1", "finished"])
    assert res.exit_code != 0
    assert "use one of: open, in_progress, done, wont_do" in str(res.exception)


def test_actions_command_reads_a_shared_postgresql_database(
    monkeypatch: pytest.MonkeyPatch,
    postgres_server: str,  # noqa: F811
) -> None:
    monkeypatch.setenv("POSTMORTEM_DATABASE_URL", fresh_postgres_database(postgres_server))
    store = DraftStore(get_settings(fresh=True).database)
    assert store.db.url.get_backend_name() == "postgresql"
    store.create(draft=QUEUE)
    store.close()
    res = CliRunner().invoke(app, ["actions", "--owner", "erin", "--json"])
    assert [d["description"] for d in json.loads(res.output)] == [
        "Page when the consumer count is zero for 2 minutes"
    ]


def test_jira_csv_follows_atlassians_importer_rules() -> None:
    items = items_from_draft({**CERT, "action_items": [*CERT["action_items"],
                                                        {"description": "x" * 300, "kind": "process"}]})  # fmt: skip
    rows = list(csv.reader(io.StringIO(jira_csv(items))))
    header = rows[0]
    assert header[0] == "Summary"  # the importer requires a Summary column
    assert set(header) == set(JIRA_FIELDS) and header.count("Labels") == 2  # several labels: repeated column
    assert all(h.replace(" ", "").isalnum() for h in header)  # no punctuation in the header row
    assert all(len(r) == len(header) for r in rows)  # no omitted commas
    first = dict(zip(header, rows[1], strict=False))
    assert first["Due date"] == "2026-04-01" and first["Issue Type"] == "Task" and first["Priority"] == "High"
    assert [rows[1][i] for i, h in enumerate(header) if h == "Labels"] == ["postmortem", "detect"]
    second = dict(zip(header, rows[2], strict=False))
    assert (
        second["Due date"] == "" and "Due: next sprint" in second["Description"]
    )  # not a date: kept as text
    assert second["Priority"] == "Low"
    assert len(rows[3][0]) <= 255  # Jira's summary limit
    assert all(" " not in lab for r in rows[1:] for lab, h in zip(r, header, strict=True) if h == "Labels")


def test_linear_csv_maps_status_and_priority_to_linear_names(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "db.sqlite3")
    ids = _fill(store)
    with store.db.session() as s:
        set_status(s, ids["Write the queue runbook"], "done")
        items = list_items(s)
    store.close()
    rows = list(csv.DictReader(io.StringIO(linear_csv(items))))
    assert tuple(rows[0].keys()) == LINEAR_HEADERS
    by_title = {r["Title"]: r for r in rows}
    assert by_title["Write the queue runbook"]["Status"] == "Done"
    assert by_title["Page when the consumer count is zero for 2 minutes"]["Status"] == "Canceled"
    assert by_title["Alert 14 days before any certificate expires"]["Priority"] == "High"
    assert by_title["Alert 14 days before any certificate expires"]["Labels"] == "postmortem, detect"
    assert by_title["Alert 14 days before any certificate expires"]["Due Date"] == "2026-04-01"
