"""Past action items: where they are found, the status the source states, which ones relate."""

from __future__ import annotations

from pathlib import Path

from assistant.retrieval.models import Match
from assistant.retrieval.parse import parse_markdown, parse_plain_text
from assistant.retrieval.recurrence import normalise_status
from assistant.retrieval.seen_before import seen_before
from assistant.retrieval.why import explain

MD = """---
id: demo-1
title: Queue stalled behind a poison message
date: 2024-01-17
services: [orders, kafka]
categories: [software-bug]
---

# Queue stalled behind a poison message

## Summary
A malformed order event blocked the consumer partition for three hours.

## Action items
- [x] Dead-letter messages that fail five times
- [ ] Route consumer lag alerts to paging (OPS-77: in progress)
- [ ] Validate addresses at the producer
1. Write a runbook for skipping an offset — done

## Remediation tracking

| Task | Owner | Ticket | Status |
|---|---|---|---|
| Alert on dead-letter topic growth | sre | OPS-80 | Closed |
| Chaos test with malformed payloads | qa | OPS-81 | Won't fix |
| Schema registry for order events | platform | OPS-82 | |
"""


def test_checkboxes_tables_and_ticket_states_give_statuses() -> None:
    doc = parse_markdown(MD, path=Path("demo.md"))
    got = {i.text: (i.status, i.ticket) for i in doc.action_items}
    assert got["Dead-letter messages that fail five times"] == ("done", None)
    assert got["Route consumer lag alerts to paging (OPS-77: in progress)"] == ("in progress", "OPS-77")
    assert got["Validate addresses at the producer"] == ("open", None)
    assert got["Write a runbook for skipping an offset — done"][0] == "done"
    assert got["Alert on dead-letter topic growth"] == ("done", "OPS-80")
    assert got["Chaos test with malformed payloads"] == ("wontfix", "OPS-81")
    assert got["Schema registry for order events"] == (None, "OPS-82")  # the source states no status
    assert all(i.source.startswith("demo-1 § ") for i in doc.action_items)


def test_front_matter_sections_and_metadata_are_kept() -> None:
    doc = parse_markdown(MD, path=Path("x/demo.md"))
    assert (doc.id, doc.date, doc.services, doc.categories) == (
        "demo-1",
        "2024-01-17",
        ["orders", "kafka"],
        ["software-bug"],
    )
    assert [s.heading for s in doc.sections] == ["Summary", "Action items", "Remediation tracking"]
    bare = parse_markdown(
        "# Disk full on the indexer\n\nLogs filled the volume.\n", path=Path("lib/disk-full.md")
    )
    assert (bare.id, bare.title, bare.sections[0].heading) == (
        "disk-full",
        "Disk full on the indexer",
        "Summary",
    )


def test_plain_text_headings_and_status_words() -> None:
    doc = parse_plain_text(
        "Indexer outage\n\nSummary:\nThe volume filled.\n\nFollow-ups:\n- Rotate logs (status: done)\n"
        "- Alert on fill rate [open]\n- Separate volumes\n",
        path=Path("indexer.txt"),
    )
    assert doc.title == "Indexer outage"
    assert [(i.text, i.status) for i in doc.action_items] == [
        ("Rotate logs (status: done)", "done"),
        ("Alert on fill rate [open]", "open"),
        ("Separate volumes", None),
    ]


def test_normalise_status_maps_common_words() -> None:
    assert [
        normalise_status(s) for s in ("Done", "CLOSED", "✅", "In Progress", "todo", "Won't fix", "", "maybe")
    ] == [
        "done",
        "done",
        "done",
        "in progress",
        "open",
        "wontfix",
        None,
        None,
    ]


def test_seen_before_keeps_only_items_related_to_the_incident() -> None:
    doc = parse_markdown(MD, path=Path("demo.md"))
    match = Match(id=doc.id, title=doc.title, score=1.0, why="")
    match.attach_action_items(doc.action_items)
    items = seen_before(
        [match], "A malformed payload stalled the consumer; lag grew for hours and nobody was paged."
    )
    texts = [i.text for i in items]
    assert "Route consumer lag alerts to paging (OPS-77: in progress)" in texts
    assert "Chaos test with malformed payloads" in texts
    assert "Schema registry for order events" not in texts


def test_why_names_mechanism_services_terms_and_section() -> None:
    why = explain(
        "Kafka consumer for orders stuck retrying one poison message; lag alert went unseen",
        doc_text="A malformed order event blocked the consumer partition. Consumer lag alerts went to an unwatched channel.",
        title="Queue stalled behind a poison message",
        services=["orders", "kafka"],
        section="Root cause",
    )
    assert "same mechanism: queue / poison message" in why
    assert "services: orders, kafka" in why
    assert "shared terms: consumer" in why
    assert "matched section: Root cause" in why


def test_unquoted_colon_in_front_matter_title_still_parses() -> None:
    doc = parse_markdown(
        "---\nid: x1\ntitle: Outage: DB down\nservices: [db, api]\n---\nBody.\n", path=Path("a.md")
    )
    assert (doc.id, doc.title, doc.services) == ("x1", "Outage: DB down", ["db", "api"])
