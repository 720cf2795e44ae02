"""Ticket CSV exports (Zendesk, Jira): one record per ticket at its created time, columns found by name."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from _ingest_helpers import parse_one

from assistant.domain import SourceKind

_ZENDESK = (
    "Id,Requester,Requester email,Subject,Status,Priority,Via,Created at,Updated at,Description\n"
    "4411,Jane Roe,jane@example.com,Password reset email never arrives,open,high,Web form,2026-03-03 16:05:12,"
    '2026-03-03 16:30:00,"I asked three times.\nNothing in spam either."\n'
    "4412,Sam Poe,sam@example.com,Webhook listener gets no updates,pending,urgent,Email,2026-03-03 16:09:40,,\n"
)
_JIRA = (
    "Summary,Issue key,Issue id,Issue Type,Status,Priority,Reporter,Created,Updated,Description\n"
    "Checkout returns 502,OPS-812,10231,Incident,Done,Highest,Ana Lima,04/Mar/26 2:02 PM,04/Mar/26 3:10 PM,"
    "Customers see 502 on pay\n"
)


def test_zendesk_csv_rows_become_reports_at_their_created_time(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "tickets.csv", _ZENDESK)
    assert (src.format, src.kind) == ("tickets-csv", SourceKind.note)
    first, second = src.records
    assert first.time.value == datetime(2026, 3, 3, 16, 5, 12)
    assert first.actor == "Jane Roe" and first.attrs["ticket"] == "4411" and first.attrs["priority"] == "high"
    assert first.text.startswith("Ticket #4411 opened by Jane Roe: Password reset email never arrives")
    assert "Nothing in spam" in first.text
    assert second.ref.line == 4  # the multi-line description above is counted


def test_jira_csv_dates_and_keys(tmp_path: Path) -> None:
    (r,) = parse_one(tmp_path, "jira.csv", _JIRA).records
    assert r.time.value == datetime(2026, 3, 4, 14, 2)
    assert r.attrs["ticket"] == "OPS-812" and r.actor == "Ana Lima"


def test_a_freshdesk_export_with_a_created_time_column_is_read_as_tickets(tmp_path: Path) -> None:
    text = (
        "Ticket ID,Subject,Description,Status,Priority,Created time,Last update time\n"
        "418241,Error 403 when opening app,Opened the app and got 403,Open,High,2026-09-10 09:43:40,2026-09-10 09:50:00\n"
    )
    src = parse_one(tmp_path, "freshdesk_tickets.csv", text)
    assert src.format == "tickets-csv"
    assert "Error 403 when opening app" in src.records[0].text


def test_a_zendesk_api_export_in_json_is_read_as_tickets(tmp_path: Path) -> None:
    import json

    doc = {
        "tickets": [
            {
                "id": 901,
                "created_at": "2026-03-03T03:40:11Z",
                "subject": "No tracking for my order",
                "description": "Ordered Tuesday, still no label.",
                "priority": None,
                "status": "open",
                "requester_id": 4182,
            },
            {
                "id": 902,
                "created_at": "2026-03-03T05:54:33Z",
                "subject": "Still waiting",
                "priority": "urgent",
            },
        ],
        "next_page": None,
        "count": 2,
    }
    src = parse_one(tmp_path, "zendesk.json", json.dumps(doc, indent=2))
    assert (src.format, src.kind) == ("tickets-json", SourceKind.note)
    first, second = src.records
    assert first.text == "Ticket #901 opened: No tracking for my order — Ordered Tuesday, still no label."
    assert first.ref.line == 3 and second.attrs["priority"] == "urgent"


def test_jira_and_github_issue_lists_in_json_take_the_reporter_by_name(tmp_path: Path) -> None:
    import json

    jira = {
        "issues": [
            {
                "key": "OPS-9",
                "fields": {
                    "summary": "Checkout 502",
                    "created": "2026-03-04T14:02:00.000+0100",
                    "reporter": {"displayName": "Ana Lima"},
                    "priority": {"name": "Highest"},
                },
            }
        ]
    }
    (r,) = parse_one(tmp_path, "jira.json", json.dumps(jira)).records
    assert r.attrs["ticket"] == "OPS-9" and r.actor == "Ana Lima" and r.attrs["priority"] == "Highest"
    github = [
        {
            "number": 77,
            "title": "Login loops",
            "createdAt": "2026-03-04T10:00:00Z",
            "author": {"login": "kim"},
        }
    ]
    (g,) = parse_one(tmp_path, "issues.json", json.dumps(github)).records
    assert g.text.startswith("Ticket #77 opened by kim: Login loops")


_JIRA_COMMENTS = (
    "Summary,Issue key,Issue Type,Status,Priority,Created,Resolved,Description,Comment,Comment,Comment\n"
    "Checkout returns 502,OPS-812,Incident,Done,Highest,04/Mar/26 2:02 PM,04/Mar/26 4:40 PM,Customers see 502,"
    "04/Mar/26 2:20 PM;712020:ana;Rolled back 4.2.0,04/Mar/26 4:38 PM;712020:ben;Fermé. Suivi dans OPS-813,\n"
)


def test_jira_csv_comments_are_their_authors_notes_and_the_resolved_time_is_a_record(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "jira.csv", _JIRA_COMMENTS)
    opened, rolled, closed, resolved = src.records
    assert opened.attrs["ticket"] == "OPS-812"
    assert (rolled.time.value, rolled.actor, rolled.text) == (
        datetime(2026, 3, 4, 14, 20),
        "712020:ana",
        "Rolled back 4.2.0",
    )
    assert rolled.attrs["comment_on"] == "OPS-812" and "ticket" not in rolled.attrs  # a person writing
    assert closed.text == "Fermé. Suivi dans OPS-813"
    assert (
        resolved.time.value == datetime(2026, 3, 4, 16, 40) and resolved.attrs["ticket_resolved"] == "OPS-812"
    )
    assert resolved.text == "Ticket #OPS-812 resolved (status Done)"


def test_jira_json_comments_become_notes(tmp_path: Path) -> None:
    import json

    issue = {
        "key": "OPS-9",
        "fields": {
            "summary": "Checkout 502",
            "created": "2026-03-04T14:02:00.000+0100",
            "priority": {"name": "High"},
            "comment": {
                "comments": [
                    {
                        "author": {"displayName": "Ana Lima"},
                        "created": "2026-03-04T14:30:00.000+0100",
                        "body": "rollback done, errors gone",
                    }
                ]
            },
        },
    }
    _, comment = parse_one(tmp_path, "jira.json", json.dumps({"issues": [issue]})).records
    assert (comment.actor, comment.text, comment.attrs["comment_on"]) == (
        "Ana Lima",
        "rollback done, errors gone",
        "OPS-9",
    )


_JIRA_XML = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="0.92">
  <channel>
    <title>Acme Jira</title>
    <item>
      <title>[INC-77] Payments failing</title>
      <key id="1">INC-77</key>
      <summary>Payments failing</summary>
      <description>&lt;p&gt;Page at 17:48, &lt;b&gt;5xx&lt;/b&gt; on confirm&lt;/p&gt;</description>
      <priority id="2">High</priority>
      <status id="6">Closed</status>
      <reporter accountid="a1">Gabrielle Tremblay</reporter>
      <created>Tue, 20 Jan 2026 17:58:31 -0500</created>
      <resolved>Wed, 21 Jan 2026 10:30:44 -0500</resolved>
      <comments>
        <comment id="7001" author="gabrielle.tremblay" created="Tue, 20 Jan 2026 18:27:03 -0500">&lt;p&gt;Rollback terminé à 18:25.&lt;/p&gt;</comment>
      </comments>
    </item>
  </channel>
</rss>
"""


def test_a_jira_xml_export_gives_the_ticket_its_comments_and_its_resolution(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "INC-77.xml", _JIRA_XML)
    assert src.format == "tickets-xml"
    opened, comment, resolved = sorted(src.records, key=lambda r: r.time.value)
    assert (
        opened.text
        == "Ticket #INC-77 opened by Gabrielle Tremblay: Payments failing — Page at 17:48, 5xx on confirm"
    )
    assert opened.ref.line == 5
    assert (comment.actor, comment.text, comment.ref.line) == (
        "gabrielle.tremblay",
        "Rollback terminé à 18:25.",
        16,
    )
    assert comment.time.value.utcoffset() is not None and comment.time.value.hour == 18
    assert resolved.attrs["ticket_resolved"] == "INC-77"


def test_xml_that_is_not_well_formed_names_its_line(tmp_path: Path) -> None:
    from assistant.ingest import read_sources

    path = tmp_path / "broken.xml"
    path.write_text(_JIRA_XML.replace("</status>", ""), encoding="utf-8")
    result = read_sources([path])
    assert result.sources == []
    (problem,) = result.problems
    assert problem.line == 18 and "mismatched tag" in problem.message  # where expat found the break


def test_one_issue_with_its_comments_beside_it_is_a_ticket_not_an_alert(tmp_path: Path) -> None:
    import json

    doc = {
        "issue": {
            "number": 88,
            "title": "Checkout answers 400 since this evening",
            "state": "closed",
            "user": {"login": "kim-dev"},
            "created_at": "2026-05-06T18:02:10Z",
            "closed_at": "2026-05-06T19:40:00Z",
            "comments": 1,
            "body": "Every request with the old app header gets 400.",
        },
        "comments": [
            {
                "user": {"login": "ops-lee"},
                "created_at": "2026-05-06T19:31:00Z",
                "body": "Fixed by a gateway revert.",
            }
        ],
    }
    src = parse_one(tmp_path, "issue_88.json", json.dumps(doc, indent=2))
    assert (src.format, src.kind) == ("tickets-json", SourceKind.note)
    opened, comment, closed = src.records
    assert opened.actor == "kim-dev" and "Checkout answers 400" in opened.text
    assert comment.actor == "ops-lee" and comment.time.value == datetime.fromisoformat(
        "2026-05-06T19:31:00+00:00"
    )
    assert "resolved" in closed.text
