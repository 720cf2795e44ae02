"""The draft context within a token budget: people before logs, long incidents in windows, a shared prefix."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _draft_helpers import fixture_timeline

from assistant.config import get_settings
from assistant.domain import Timeline
from assistant.draft.context import Budget, build_context
from assistant.draft.pipeline import draft_postmortem
from assistant.draft.schema import SECTION_ORDER
from assistant.draft.tokens import EstimateCounter, context_window, estimate_tokens
from assistant.llm.openai_compat import OpenAICompatProvider
from assistant.llm.testing_server import OpenAITestServer, request_schema, request_text
from assistant.timeline import build_timeline

_TOPICS = (
    "checked the replication lag on the standby, it is flat at zero so the copy itself looks healthy",
    "the purge job keeps deleting batches from the archive table, counts keep rising on the dashboard",
    "support says three more customers cannot see invoices older than last week in the portal",
    "ruling out a security incident: audit log shows only the purge service account touching the table",
    "paused the purge cron and confirmed no new delete statements in the last ten minutes",
    "restoring the archive table from the nightly snapshot into a scratch schema to compare row counts",
)


def _long_incident(folder: Path) -> Timeline:
    """A 14-hour incident: 158 chat messages and thousands of repeated log lines."""
    chat = ["#inc-archive-purge (Slack, copied by ops — times UTC)"]
    for i in range(158):
        minute = 8 * 60 + i * 14 * 60 // 158
        who = ("dana", "eli", "fay", "gus")[i % 4]
        chat.append(f"[{minute // 60:02d}:{minute % 60:02d}] {who}: update {i}: {_TOPICS[i % len(_TOPICS)]}")
    chat[1] = (
        "[08:00] PagerDuty: Incident #9120 triggered: ArchiveRowsDropping on archive-db - assigned to dana"
    )
    chat.append("[22:05] dana: all invoices restored and verified by support, marking the incident resolved")
    (folder / "chat.txt").write_text("\n".join(chat) + "\n")
    logs = []
    for i in range(3000):
        sec = 8 * 3600 + i * 16
        t = f"2026-03-09T{sec // 3600:02d}:{sec % 3600 // 60:02d}:{sec % 60:02d}Z"
        logs.append(f'{{"ts":"{t}","level":"info","svc":"purger","msg":"purged batch {i} rows=500"}}')
    (folder / "app.log").write_text("\n".join(logs) + "\n")
    head = "#inc-archive-purge (Slack, copied by ops — times UTC) on 2026-03-09"
    (folder / "chat.txt").write_text(head + "\n" + "\n".join(chat[1:]) + "\n")
    return build_timeline([str(folder / "chat.txt"), str(folder / "app.log")])


@pytest.fixture()
def server() -> Iterator[OpenAITestServer]:
    with OpenAITestServer() as srv:
        yield srv


def _provider(srv: OpenAITestServer) -> OpenAICompatProvider:
    return OpenAICompatProvider(
        base_url=srv.base_url, model="test-model", api_key="sk-test", max_retries=1, reasks=0, timeout_s=5.0
    )


def _budget(monkeypatch: pytest.MonkeyPatch, tokens: int, calls: str = "sections") -> None:
    monkeypatch.setenv("POSTMORTEM_CONTEXT_TOKENS", str(tokens))
    monkeypatch.setenv("POSTMORTEM_DRAFT_CALLS", calls)
    get_settings(fresh=True)


def test_a_14_hour_incident_drafts_in_an_8k_window_with_its_end_in_context(
    tmp_path: Path, server: OpenAITestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    tl = _long_incident(tmp_path)
    assert (tl.events[-1].time - tl.events[0].time).total_seconds() >= 14 * 3600
    _budget(monkeypatch, 8192)
    pm = draft_postmortem(tl, provider=_provider(server), library=_NoLibrary())
    report = pm.provenance.context
    assert report is not None and report.mode == "hierarchical" and len(report.windows) >= 2
    sections = [b for b in server.requests if _schema_name(b) not in ("WindowSummary", "KeyTimesPick")]
    assert len(sections) == len(SECTION_ORDER)
    for body in server.requests:
        assert estimate_tokens(request_text(body)) < 8192
    last = next(e for e in reversed(tl.events) if e.source.value == "chat")
    resolved = tl.key_events.resolved
    for body in sections:
        text = request_text(body, role="user")
        assert f"[{last.id} " in text and "marking the incident resolved" in text
        assert resolved is None or f"[{resolved} " in text
        assert f"Window {len(report.windows)} of {len(report.windows)}" in text  # the end was summarised too
    assert pm.provenance.fallbacks == []


def test_chat_is_never_cut_before_logs_and_left_out_logs_are_named(
    tmp_path: Path, server: OpenAITestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    tl = _long_incident(tmp_path)
    chat_tokens = sum(estimate_tokens(e.text) + 20 for e in tl.events if e.source.value != "log")
    ctx = build_context(
        tl,
        alias_names=False,
        library=_NoLibrary(),
        budget=Budget(int(chat_tokens * 1.3) + 6000, EstimateCounter()),
    )
    assert ctx.report is not None and ctx.report.mode in ("full", "packed")
    for e in ctx.timeline.events:
        if e.source.value == "chat":
            assert f"[{e.id} " in ctx.sources_text
    logs = [e for e in ctx.timeline.events if e.source.value == "log"]
    shown = [e for e in logs if f"[{e.id} " in ctx.sources_text]
    assert len(shown) + len(ctx.report.omitted_event_ids) + ctx.report.log_runs_grouped >= len(logs) - 1
    assert "x" in ctx.sources_text and "lines" in ctx.sources_text  # runs carry their counts


def test_section_prompts_share_the_context_as_a_byte_identical_prefix(
    server: OpenAITestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _budget(monkeypatch, 32_000)
    draft_postmortem(fixture_timeline(), provider=_provider(server), library=_NoLibrary())
    users = [request_text(b, role="user") for b in server.requests]
    assert len(users) == len(SECTION_ORDER) + 1 and _schema_name(server.requests[0]) == "KeyTimesPick"
    assert "</sources>" in _common_prefix(users)  # the key-time pick shares the whole context with them
    sections = users[1:]
    prefix = _common_prefix(sections)
    assert "</sources>" in prefix and "durations computed by code" in prefix  # the decided times too
    assert len(prefix) / min(len(u) for u in sections) > 0.8


def test_single_call_mode_drafts_every_section_in_one_request(
    server: OpenAITestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _budget(monkeypatch, 8192, calls="auto")
    pm = draft_postmortem(fixture_timeline(), provider=_provider(server), library=_NoLibrary())
    assert [_schema_name(b) for b in server.requests] == ["KeyTimesPick", "AllSectionsDraft"]
    assert pm.provenance.context is not None and pm.provenance.context.calls == "single"
    assert pm.provenance.fallbacks == [] and pm.summary


def test_single_call_mode_with_a_template_carries_its_guidance_and_drafts_free_sections_apart(
    server: OpenAITestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.team_templates import from_text

    _budget(monkeypatch, 8192, calls="auto")
    template = from_text(
        "## What happened\n<!-- Two sentences for executives. -->\n## Glossary\n", name="t.md"
    )
    pm = draft_postmortem(
        fixture_timeline(), provider=_provider(server), library=_NoLibrary(), template=template
    )
    assert _schema_name(server.requests[0]) == "KeyTimesPick"  # the key times, picked first
    users = [request_text(b, role="user") for b in server.requests[1:]]
    assert len(users) == 2  # metadata and summary in one call, the free section in its own
    assert any('- "What happened": Two sentences for executives.' in u for u in users)
    assert any('Section: "Glossary"' in u for u in users)
    assert [f.heading for f in pm.free_sections] == ["Glossary"]


def test_known_model_families_have_their_windows_and_unknown_ones_a_small_default() -> None:
    assert context_window("gpt-4o-mini") == 128_000
    assert context_window("ollama/llama3") == 8_192
    assert context_window("my-local-model") == 8_192


def _schema_name(body: dict[str, Any]) -> str | None:
    return request_schema(body)[2]


def _common_prefix(texts: list[str]) -> str:
    first, last = min(texts), max(texts)
    n = next(
        (i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), min(len(first), len(last))
    )
    return first[:n]


def test_facts_give_durations_and_team_zone_times_and_blameful_lines_are_marked() -> None:
    from conftest import shared_dir

    case = shared_dir("incidents", "case14-bgp-dc-partition")
    tl = build_timeline(sorted(str(p) for p in case.iterdir() if p.name != "gold.json"))
    ctx = build_context(tl, alias_names=True, library=_NoLibrary())
    facts = "\n".join(ctx.decided)
    assert "key times (UTC): start=" in facts and "+00:00" in facts.splitlines()[0]
    assert "team's zone (Europe/Berlin" in facts and "+02:00" in facts  # CEST labelled as such, not as UTC
    assert (
        "time to detect" in facts
        and "impact duration" in facts
        and "unknown" not in facts.split("durations")[1][:80]
    )
    assert "clock of chat.txt: read as UTC+02:00" in "\n".join(ctx.facts)
    assert "the team's zone: Europe/Berlin" in ctx.facts[0]
    hints = "\n".join(ctx.hints)
    assert "ruled out by the responders" in hints and "follow-up proposed" in hints and "owner" in hints
    assert ctx.analysis is not None and ctx.analysis.blameful
    for event_id in ctx.analysis.blameful:
        line = next(ln for ln in ctx.sources_text.splitlines() if ln.startswith(f"[{event_id} "))
        assert "(blameful wording" in line


class _NoLibrary:
    def similar(self, query: str, k: int = 5) -> list[object]:
        return []


def test_a_section_that_fails_for_good_records_the_models_own_error(
    server: OpenAITestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _budget(monkeypatch, 32_000)
    server.fail_always("400")
    pm = draft_postmortem(fixture_timeline(), provider=_provider(server), library=_NoLibrary())
    status = pm.provenance.sections["summary"]
    assert status.status == "fallback" and status.error and "Invalid request (test server)" in status.error


def test_per_call_timeout_defaults_stay_below_proxy_limits_for_remote_endpoints() -> None:
    remote = OpenAICompatProvider(base_url="https://llm.example.com/v1", model="m", api_key="k")
    local = OpenAICompatProvider(base_url="http://127.0.0.1:8080/v1", model="m", api_key="k")
    assert remote.timeout_s < 60 and local.timeout_s >= remote.timeout_s


def _cases_with_secrets() -> list[Path]:
    import json

    from conftest import incident_cases

    return [c for c in incident_cases() if json.loads((c / "gold.json").read_text()).get("secrets")]


@pytest.mark.parametrize("case", _cases_with_secrets(), ids=lambda p: p.name)
def test_no_secret_or_personal_datum_of_a_dev_case_reaches_the_server(
    case: Path, server: OpenAITestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    gold = json.loads((case / "gold.json").read_text())
    tl = build_timeline(sorted(str(p) for p in case.iterdir() if p.name != "gold.json"))
    _budget(monkeypatch, 8192, calls="auto")
    draft_postmortem(tl, provider=_provider(server), library=_NoLibrary())
    sent = server.sent_text()
    assert server.requests and sent
    for secret in gold["secrets"]:
        assert secret not in sent


def test_an_incident_of_many_windows_still_fits_a_small_window(
    tmp_path: Path, server: OpenAITestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    tl = _long_incident(tmp_path)
    _budget(monkeypatch, 4096)
    pm = draft_postmortem(tl, provider=_provider(server), library=_NoLibrary())
    report = pm.provenance.context
    assert report is not None and report.mode == "hierarchical" and len(report.windows) >= 4
    for body in server.requests:
        assert estimate_tokens(request_text(body)) < 4096
    last = next(e for e in reversed(tl.events) if e.source.value == "chat")
    for body in server.requests[-len(SECTION_ORDER) :]:
        assert f"[{last.id} " in request_text(body, role="user")


def _verbose_windows(body: dict[str, Any], schema: dict[str, Any] | None) -> Any:
    """A model that writes long window summaries citing many events: they overflow the section prompts."""
    from assistant.llm._schema_example import event_ids_in
    from assistant.llm.testing_server import schema_responder

    value = schema_responder(body, schema)
    if request_schema(body)[2] == "WindowSummary" and isinstance(value, dict):
        ids = event_ids_in(request_text(body, role="user")) or ["E001"]
        value["summary"] = " ".join(
            f"Responders worked on step {i} of restoring the archive table [{ids[i % len(ids)]}]."
            for i in range(40)
        )
        value["events"] = [
            {"id": i, "what": "one step of the restore, described at length " * 3} for i in ids[:10]
        ]
    return value


def test_window_summaries_that_overflow_are_summarised_again_and_the_end_is_kept(
    tmp_path: Path, server: OpenAITestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    tl = _long_incident(tmp_path)
    _budget(monkeypatch, 4096)
    server.set_responder(_verbose_windows)
    pm = draft_postmortem(tl, provider=_provider(server), library=_NoLibrary())
    report = pm.provenance.context
    assert report is not None and report.mode == "hierarchical"
    assert any("summarised again" in n for n in report.notes), report.notes
    assert not any("left out for length" in n for n in report.notes)  # nothing dropped to make room
    windows = [w for w in report.windows if w.startswith("window ")]
    parts = [w for w in report.windows if w.startswith("level ")]
    assert parts and parts[-1].split(": ")[1].endswith(f"-{len(windows)}")  # the last part covers the end
    for body in server.requests:
        assert estimate_tokens(request_text(body)) < 4096
    last = next(e for e in reversed(tl.events) if e.source.value == "chat")
    sections = [b for b in server.requests if _schema_name(b) not in ("WindowSummary", "KeyTimesPick")]
    assert len(sections) == len(SECTION_ORDER)
    for body in sections:
        text = request_text(body, role="user")
        assert f"[{last.id} " in text and "marking the incident resolved" in text
        assert f"windows {parts[-1].split('windows ')[1].split(':')[0]}" in text  # the last part's summary
