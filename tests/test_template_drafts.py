"""Drafting to a team's template: its headings and order in the Markdown, guidance in the prompts, free sections."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from conftest import ROOT

from assistant.domain import Timeline
from assistant.draft.free_sections import TO_BE_WRITTEN
from assistant.draft.pipeline import draft_postmortem
from assistant.draft.render import to_json, to_markdown
from assistant.draft.schema import FreeSectionDraft, Postmortem
from assistant.llm.fake import FakeProvider
from assistant.team_templates import from_text, load_template

TEAM = """# Postmortem

## What happened
<!-- Two sentences for executives. -->

## Fault
<!-- What failed and how the failure showed itself. -->

## Glossary

## 5 Whys
> Keep asking why until you reach a system.

## Follow-ups
"""


@lru_cache(maxsize=1)
def _example() -> Timeline:
    from assistant.ingest import read_sources
    from assistant.timeline import build_timeline

    return build_timeline(read_sources([ROOT / "examples" / "incident"]))


def _headings(md: str) -> list[str]:
    return [line for line in md.splitlines() if re.match(r"^#{2,6} ", line)]


def test_offline_draft_follows_the_template_headings_in_its_order() -> None:
    pm = draft_postmortem(_example(), template=from_text(TEAM, name="team.md"))
    md = to_markdown(pm)
    assert _headings(md) == ["## What happened", "## Fault", "## Glossary", "## 5 Whys", "## Follow-ups"]
    assert md.splitlines()[0].startswith("# Payments error rate")  # the draft's own title
    body = md.split("## What happened\n\n", 1)[1].split("\n## ", 1)[0]
    assert body.strip() == pm.summary
    assert "| action | owner |" in md.split("## Follow-ups", 1)[1]


def test_only_the_sections_the_template_shows_are_drafted_and_asked_about() -> None:
    pm = draft_postmortem(_example(), template=from_text(TEAM, name="team.md"))
    assert set(pm.provenance.sections) == {
        "metadata",
        "summary",
        "root_cause",
        "action_items",
        "free:1",
        "free:2",
    }
    assert not [q for q in pm.open_questions if "was not drafted in this run" in q]


def test_offline_free_sections_come_from_fitting_roles_or_say_they_are_to_be_written() -> None:
    pm = draft_postmortem(_example(), template=from_text(TEAM, name="team.md"))
    fault, glossary = pm.free_sections
    assert fault.heading == "Fault" and fault.guidance == "What failed and how the failure showed itself."
    assert not fault.to_be_written and fault.items and all(st.refs for st in fault.items)
    assert "events read as" in fault.text
    assert glossary.heading == "Glossary" and glossary.to_be_written and glossary.text == TO_BE_WRITTEN
    assert f"_{TO_BE_WRITTEN}_" in to_markdown(pm).split("## Glossary", 1)[1]


def test_the_template_travels_with_the_draft_and_in_provenance() -> None:
    t = load_template("minimal")
    pm = draft_postmortem(_example(), template=t)
    assert pm.provenance.template == t.label == f"minimal@{t.sha256[:12]}"
    again = Postmortem.model_validate(to_json(pm))
    assert again.template == t and again.free_sections == pm.free_sections
    assert to_markdown(again) == to_markdown(pm)
    assert f"template {t.label}" in to_markdown(pm).rstrip().splitlines()[-1]


def test_without_a_template_the_draft_keeps_our_own_order_and_no_template_fields() -> None:
    pm = draft_postmortem(_example())
    assert pm.template is None and pm.free_sections == [] and pm.provenance.template is None
    assert _headings(to_markdown(pm))[:3] == ["## Summary", "## Impact", "### Key times"]


def test_with_a_model_the_guidance_becomes_the_instruction_of_its_section() -> None:
    fake = FakeProvider.from_schema()
    pm = draft_postmortem(_example(), provider=fake, template=from_text(TEAM, name="team.md"))
    by_purpose = {r.purpose: r for r in fake.requests}
    free = [r for r in fake.requests if r.purpose == "draft.free_section"]
    assert len(free) == 2 and all(r.schema is FreeSectionDraft for r in free)
    fault = next(r for r in free if '"Fault"' in r.messages[1].content)
    assert (
        "<guidance>\nWhat failed and how the failure showed itself.\n</guidance>" in fault.messages[1].content
    )
    assert "<sources>" in fault.messages[1].content  # the same delimited sources as every section
    summary = by_purpose["draft.summary"].messages[1].content
    assert summary.rstrip().endswith('- "What happened": Two sentences for executives.')
    assert "Keep asking why until you reach a system." in by_purpose["draft.root_cause"].messages[1].content
    assert pm.provenance.prompt_versions["free_section"] == "free_section.v1"
    assert pm.provenance.prompt_versions["_guidance"] == "guidance.v1"
    assert {pm.provenance.sections[f"free:{n}"].prompt_version for n in (1, 2)} == {"free_section.v1"}


def test_a_free_section_the_model_leaves_empty_is_to_be_written() -> None:
    def answer(request):  # type: ignore[no-untyped-def]
        if request.schema is FreeSectionDraft:
            return FreeSectionDraft(text="")
        from assistant.llm.fake import _from_schema

        return _from_schema(request)

    pm = draft_postmortem(_example(), provider=FakeProvider(fn=answer), template=load_template("atlassian"))
    assert pm.free_sections and all(f.to_be_written for f in pm.free_sections)


@pytest.mark.parametrize("spec", ["google-sre", "FILE"])
def test_cli_draft_takes_a_template_by_name_or_file(tmp_path, spec: str) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from assistant.cli.app import app

    if spec == "FILE":
        (tmp_path / "team.md").write_text(TEAM, encoding="utf-8")
        spec = str(tmp_path / "team.md")
    out = tmp_path / "pm.md"
    res = CliRunner().invoke(app, ["draft", str(ROOT / "examples" / "incident"), "--provider", "offline",
                                   "--template", spec, "-o", str(out)])  # fmt: skip
    assert res.exit_code == 0, res.output
    heads = _headings(out.read_text())
    assert heads[0] == ("## Summary" if spec == "google-sre" else "## What happened")
    if spec == "google-sre":
        assert "### Where we got lucky" in heads and heads[-1] == "## Supporting information"


def test_cli_draft_with_an_unknown_template_stops_before_drafting(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    res = subprocess.run([sys.executable, "-m", "assistant", "draft", str(ROOT / "examples" / "incident"),
                          "--template", "nope"], capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert res.returncode == 2
    assert "neither a file nor a built-in template" in res.stderr and "minimal" in res.stderr
