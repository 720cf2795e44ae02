"""`postmortem draft` fails loudly and loses nothing: problems, model fallbacks, output paths, citations."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from _cli_helpers import EXAMPLE, run_main

from assistant.config import get_settings
from assistant.draft.schema import SECTION_ORDER
from assistant.llm.testing_server import OpenAITestServer


@pytest.fixture()
def failing_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[OpenAITestServer]:
    """A real OpenAI-compatible server answering 401 to every call, configured through the environment."""
    with OpenAITestServer() as srv:
        srv.fail_always("401")
        monkeypatch.setenv("OPENAI_BASE_URL", srv.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-wrong")
        monkeypatch.setenv("POSTMORTEM_LLM_MAX_RETRIES", "0")
        get_settings(fresh=True)
        yield srv
    get_settings(fresh=True)


def test_model_failure_is_news_on_stderr_and_in_the_footer(
    failing_model: OpenAITestServer, tmp_path: Path
) -> None:
    out = tmp_path / "draft.md"
    run = run_main("draft", str(EXAMPLE), "--provider", "openai", "-o", str(out))
    assert run.code == 0, run.err
    lines = [ln for ln in run.err.splitlines() if ln.startswith("fallback: ")]
    assert len(lines) == len(SECTION_ORDER)  # one line per section
    assert all("HTTP 401" in ln and "check OPENAI_API_KEY" in ln for ln in lines), lines
    footer = out.read_text(encoding="utf-8").rstrip().splitlines()[-1]
    assert "drafted offline after the model failed: " in footer.lower() and "HTTP 401" in footer
    assert not footer.startswith("_Drafted by openai")


def test_strict_exits_non_zero_on_any_fallback_but_still_writes_the_draft(
    failing_model: OpenAITestServer, tmp_path: Path
) -> None:
    out = tmp_path / "draft.md"
    run = run_main("draft", str(EXAMPLE), "--provider", "openai", "--strict", "-o", str(out))
    assert run.code == 1 and "--strict" in run.err
    assert out.exists()


def test_offline_draft_with_strict_exits_zero() -> None:
    run = run_main("draft", str(EXAMPLE), "--provider", "offline", "--strict")
    assert run.code == 0 and "fallback:" not in run.err


def test_bad_and_missing_inputs_are_named_on_stderr_and_all_reach_open_questions(tmp_path: Path) -> None:
    bad = tmp_path / "extra"
    bad.mkdir()
    for n in range(4):
        (bad / f"blob{n}.bin").write_bytes(bytes(range(256)) * 8)
    (bad / "empty.txt").write_bytes(b"")
    (tmp_path / "nothing").mkdir()
    run = run_main("draft", str(EXAMPLE), str(bad), str(tmp_path / "nothing"), str(tmp_path / "missing.log"),
                   "--provider", "offline")  # fmt: skip
    assert run.code == 0, run.err
    problems = [ln for ln in run.err.splitlines() if ln.startswith("problem: ")]
    assert len(problems) == 7, problems
    named = {"blob0.bin", "blob3.bin", "empty.txt", "nothing", "missing.log"}
    questions = run.out.split("## Open questions", 1)[1].split("## Supporting", 1)[0]
    assert all(n in questions for n in named), questions


@pytest.mark.parametrize("where", ["folder", "missing-folder"])
def test_unwritable_output_fails_before_drafting(tmp_path: Path, where: str) -> None:
    target = tmp_path if where == "folder" else tmp_path / "no" / "such" / "draft.md"
    with OpenAITestServer() as srv:  # any model call would show up here
        os.environ["OPENAI_BASE_URL"] = srv.base_url
        try:
            get_settings(fresh=True)
            run = run_main("draft", str(EXAMPLE), "--provider", "openai", "-o", str(target))
        finally:
            del os.environ["OPENAI_BASE_URL"]
            get_settings(fresh=True)
        assert srv.requests == []
    assert run.code == 2 and "Traceback" not in run.err
    assert str(target) in run.err and ("is a folder" in run.err or "does not exist" in run.err)


def test_citations_are_relative_to_the_incident_folder() -> None:
    run = run_main("draft", str(EXAMPLE.resolve()), "--provider", "offline")
    assert run.code == 0
    assert str(EXAMPLE.resolve()) not in run.out and "/examples/" not in run.out
    assert "_(chat.txt:" in run.out


def test_citations_of_several_inputs_are_relative_to_their_common_parent(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "chat.txt").write_text((EXAMPLE / "chat.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (b / "app.log").write_text((EXAMPLE / "app.log").read_text(encoding="utf-8"), encoding="utf-8")
    run = run_main("draft", str(a / "chat.txt"), str(b), "--provider", "offline")
    assert str(tmp_path) not in run.out
    assert "a/chat.txt:" in run.out and "b/app.log:" in run.out


def test_a_draft_that_cannot_be_written_is_kept_in_the_data_directory(
    tmp_path: Path, postmortem_home: Path
) -> None:
    from assistant.cli.draft import write_safely

    gone = tmp_path / "gone"
    gone.mkdir()
    target = gone / "draft.md"
    gone.rmdir()  # the folder vanished after the check, while the model was drafting
    kept = write_safely(target, "# Draft\n")
    assert kept == postmortem_home / "unsaved" / "draft.md"
    assert kept.read_text(encoding="utf-8") == "# Draft\n"
