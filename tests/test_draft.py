"""Drafting: schemas, the offline drafter's content, grounding repairs, concurrency and fallback."""

from __future__ import annotations

import json
from typing import Any

import pytest
from _draft_helpers import fixture_timeline
from pydantic import BaseModel

from assistant.draft import schema as s
from assistant.draft.context import make_redactor
from assistant.draft.grounding import Grounder
from assistant.draft.offline import OfflineDrafter
from assistant.draft.pipeline import draft_postmortem
from assistant.draft.render import to_json, to_markdown
from assistant.errors import ProviderUnavailableError
from assistant.llm.base import StructuredRequest
from assistant.llm.fake import FakeProvider


def _all_text(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def test_postmortem_json_has_the_public_keys() -> None:
    out = to_json(draft_postmortem(fixture_timeline()))
    for key in (
        "title",
        "severity",
        "summary",
        "impact",
        "key_times",
        "metrics",
        "timeline",
        "detection",
        "response",
        "root_cause",
        "contributing_factors",
        "lessons",
        "action_items",
        "open_questions",
        "similar_incidents",
        "tone_findings",
        "provenance",
    ):
        assert key in out
    assert set(out["lessons"]) >= {"went_well", "went_wrong", "lucky"}
    assert set(out["timeline"][0]) >= {"time", "description", "refs", "event_ids"}
    assert set(out["action_items"][0]) >= {"description", "owner", "due", "priority", "kind", "refs"}
    assert set(out["provenance"]) >= {"provider", "model", "prompt_versions", "repairs", "fallbacks"}
    assert out["key_times"]["start"] == "2026-03-04T09:01:30Z" or out["key_times"]["start"].startswith(
        "2026-03-04T09:01:30"
    )


def test_section_models_are_in_document_order() -> None:
    assert s.SECTION_ORDER == (
        "metadata",
        "summary",
        "impact",
        "timeline",
        "detection",
        "response",
        "root_cause",
        "lessons",
        "action_items",
        "open_questions",
        "supporting_information",
    )
    assert "never invent" in s.ImpactDraft.model_fields["figures"].description


def test_offline_draft_quotes_impact_figures_from_the_sources() -> None:
    pm = draft_postmortem(fixture_timeline())
    figures = " ".join(f.text for f in pm.impact.figures)
    assert "~420 tenants affected" in figures and "~1,900 invoice requests failed" in figures
    assert pm.impact.figures[0].refs and pm.impact.figures[0].refs[0].startswith("chat.txt:")


def test_offline_root_cause_uses_causal_statement_and_leaves_out_ruled_out_hypotheses() -> None:
    pm = draft_postmortem(fixture_timeline())
    assert "streaming CSV cursor" in pm.root_cause.text
    assert pm.root_cause.event_ids[0] == "E011"
    # Beside the responders' statement, only the log errors that began with the impact are cited.
    tl = fixture_timeline()
    assert all(tl.event(i).source.value == "log" for i in pm.root_cause.event_ids[1:])  # type: ignore[union-attr]
    ruled = " ".join(r.text for r in pm.ruled_out)
    assert "2.14.1" in ruled and "pgbouncer" in ruled
    assert "2.14.1" not in pm.root_cause.text


def test_offline_action_items_carry_owners_kinds_and_sources() -> None:
    items = draft_postmortem(fixture_timeline()).action_items
    by_text = {a.description: a for a in items}
    alert = next(a for t, a in by_text.items() if "hikaricp_connections_pending" in t)
    assert alert.kind == "detect" and alert.refs == ["chat.txt:25"]
    timeout = next(a for t, a in by_text.items() if "idle_in_transaction_session_timeout" in t)
    assert timeout.owner == "sofia" and "(sofia)" not in timeout.description


def test_offline_open_questions_name_what_the_sources_do_not_establish() -> None:
    pm = draft_postmortem(fixture_timeline())
    qs = " ".join(pm.open_questions)
    assert "no owner" in qs and "lucky" in qs.lower()


def test_offline_draft_is_blameless_and_never_leaks_secrets_or_injected_text() -> None:
    pm = draft_postmortem(fixture_timeline())
    text = _all_text(to_json(pm)) + to_markdown(pm)
    assert "on the DB team then" not in text and "classic" not in text
    assert "Tq8v!mZ2pL" not in text and "10.42.7.15" not in text
    assert "ignore previous instructions" not in text.lower()
    assert pm.provenance.injection_flags == ["E017"]
    assert any("E017" in q for q in pm.open_questions)


def test_timeline_entries_cite_source_lines_and_key_moments() -> None:
    pm = draft_postmortem(fixture_timeline())
    keys = {e.key: e for e in pm.timeline if e.key}
    assert set(keys) == {"start", "detected", "mitigated", "resolved"}
    assert keys["detected"].refs == ["alerts.json:13"] and keys["detected"].event_ids == ["E003"]
    assert [e.time for e in pm.timeline] == sorted(e.time for e in pm.timeline)


def test_grounder_drops_unknown_ids_repairs_near_misses_and_counts() -> None:
    g = Grounder(fixture_timeline())
    assert g.refs(["E003", "e11", "E999", "bogus"], "x") == ["E003", "E011"]
    assert g.repairs == 3


def test_grounder_drops_sentences_with_invented_times() -> None:
    g = Grounder(fixture_timeline())
    out = g.text("Detected at 09:04. Root cause found at 03:17 by the team. Mitigated at 09:28.", "summary")
    assert out == "Detected at 09:04. Mitigated at 09:28."
    assert g.repairs == 1
    assert (
        g.text("The cursor was held since 08:40.", "x") == "The cursor was held since 08:40."
    )  # time written in a source


def _aliased_drafter() -> OfflineDrafter:
    """The deterministic drafter over what a remote model sees: the fixture redacted, names aliased."""
    tl = fixture_timeline()
    redactor, _ = make_redactor(tl, alias_names=True)
    return OfflineDrafter.for_timeline(redactor.redact_timeline(tl))


def _scripted(fail: set[str]) -> FakeProvider:
    """A fake remote model (the shipped FakeProvider): ungrounded content, and failures for chosen sections."""
    drafter = _aliased_drafter()

    def answer(request: StructuredRequest[Any]) -> BaseModel | Exception:
        section = request.purpose.removeprefix("draft.")
        if section == "key_times":  # no pick in this script: code's candidates stand
            return ProviderUnavailableError("key_times: 500 after 3 retries")
        if section in fail:
            return ProviderUnavailableError(f"{section}: 500 after 3 retries")
        if section == "timeline":
            return s.TimelineDraft(
                entries=[
                    s.TimelineEntryDraft(
                        refs=["E003"],
                        description="Page fired for p99 latency",
                        time="2026-03-04T09:04:12+00:00",
                    ),
                    s.TimelineEntryDraft(
                        refs=["E999"], description="Invented event", time="2026-03-04T09:10:00+00:00"
                    ),
                    s.TimelineEntryDraft(
                        refs=["E013"],
                        description="Exports disabled by flag",
                        time="2026-03-04T07:00:00+00:00",
                    ),
                ]
            )
        if section == "summary":
            return s.SummaryDraft(
                summary="Requests timed out from 09:01. A fix was tried at 04:44. Exports were disabled.",
                refs=["E002", "E404"],
            )
        return drafter.section(section)

    return FakeProvider(fn=answer, model="scripted-1", remote=True)


def test_failed_section_falls_back_to_offline_and_the_draft_says_so() -> None:
    seen: list[str] = []
    provider = _scripted(fail={"root_cause", "impact"})
    pm = draft_postmortem(
        fixture_timeline(), provider=provider, on_section=lambda name, model: seen.append(name)
    )
    assert sorted(pm.provenance.fallbacks) == ["impact", "root_cause"]
    assert pm.provenance.sections["root_cause"].status == "fallback"
    assert "500 after 3 retries" in (pm.provenance.sections["root_cause"].error or "")
    assert pm.provenance.sections["summary"].provider == "fake"
    assert "streaming CSV cursor" in pm.root_cause.text  # drafted offline instead
    assert sorted(seen) == sorted(s.SECTION_ORDER)  # every section reported as it finished
    assert len(provider.requests) == len(s.SECTION_ORDER) + 1  # and the key-time pick, before the sections
    assert "code's candidates stand" in pm.provenance.key_time_picks[0]


def test_model_output_with_unknown_events_and_invented_times_is_repaired_and_counted() -> None:
    pm = draft_postmortem(fixture_timeline(), provider=_scripted(fail=set()))
    assert [e.event_ids for e in pm.timeline] == [["E003"], ["E013"]]
    assert pm.timeline[1].time.isoformat() == "2026-03-04T09:26:42+00:00"  # time taken from the cited event
    assert "04:44" not in pm.summary and "Exports were disabled." in pm.summary
    # E999 dropped, 07:00 replaced, sentence with 04:44 dropped, E404 dropped
    assert pm.provenance.repairs == 4
    assert any("E999" in n for n in pm.provenance.repair_notes)


def test_remote_provider_gets_aliased_names_and_the_draft_restores_them() -> None:
    provider = _scripted(fail=set())
    pm = draft_postmortem(fixture_timeline(), provider=provider)
    prompt = provider.requests[0].messages[1].content
    assert "ravi" not in prompt and "Responder" in prompt
    assert pm.provenance.aliased_names
    owners = {a.owner for a in pm.action_items}
    assert "sofia" in owners


def test_subset_of_sections_explains_the_missing_ones() -> None:
    pm = draft_postmortem(fixture_timeline(), sections=["summary", "timeline"])
    assert pm.summary and pm.timeline
    assert any("root cause section was not drafted" in q for q in pm.open_questions)


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_cli_draft_writes_markdown_and_json(tmp_path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from assistant.cli.app import app

    chat = tmp_path / "chat.txt"
    chat.write_text(
        "#inc  (times UTC)\n[09:04] pd: Incident #1 triggered: checkout 5xx high\n"
        "[09:10] ann: turns out the cache cluster is down because of a config push\n"
        "[09:20] bob: rolled back the config push, errors dropping\n[09:30] ann: resolved\n"
        "[09:31] ann: we should alert on cache availability\n"
    )
    out = tmp_path / f"draft.{fmt}"
    r = CliRunner().invoke(
        app,
        [
            "draft",
            str(chat),
            "--provider",
            "offline",
            "--date",
            "2026-01-05",
            "--format",
            fmt,
            "-o",
            str(out),
        ],
    )
    assert r.exit_code == 0, r.output
    text = out.read_text()
    if fmt == "json":
        assert json.loads(text)["provenance"]["provider"] == "offline"
    else:
        assert "## Timeline" in text and "| time (UTC) | event | source |" in text
