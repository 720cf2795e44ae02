"""The Gradio app served on 127.0.0.1 and driven through gradio_client: every event handler."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _ui_helpers import RunningApp, running_app, table_data

from assistant.config import Settings, get_settings


def chat(token: str) -> str:
    """A small incident channel whose every line carries ``token`` (to tell concurrent drafts apart)."""
    return "\n".join(
        [
            "Incident channel export (all times UTC)",
            f"[14:02] alice: {token}-api is returning 502 errors for checkout",
            f"[14:04] PagerDuty: alert {token}HighErrorRate firing for {token}-api",
            f"[14:06] bob: looking at {token}-api, error rate is 35% of requests",
            f"[14:15] bob: root cause: the {token} connection pool was exhausted because of a slow query",
            f"[14:21] alice: we rolled back {token}-api to the previous release, errors dropping",
            f"[14:30] bob: {token}-api error rate back to normal, resolved",
            f"[14:32] alice: action item: add an alert on {token} pool saturation (owner: bob)",
        ]
    )


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    home = tmp_path_factory.mktemp("ui-home")
    with running_app(settings=Settings(home=home)) as running:
        yield running


def _draft(app: RunningApp, client: Any, token: str) -> dict[str, Any]:
    return app.call(client, "draft", chat(token), [], "UTC", "2026-03-04", "auto", "offline")


def test_draft_streams_stages_then_fills_the_editor(app: RunningApp) -> None:
    client = app.client()
    job = client.submit(chat("quokka"), [], "UTC", "2026-03-04", "SEV2", "offline", api_name="/draft")
    job.result()
    names = app.demo.ui_outputs.labels(app.demo.ui_outputs.api["draft"])
    statuses = [dict(zip(names, out, strict=True))["status"] for out in job.outputs()]
    assert any("Reading files" in str(s) for s in statuses)
    assert any("Building the timeline" in str(s) for s in statuses)
    assert any("Finding similar incidents" in str(s) for s in statuses)
    assert any("Sections:" in str(s) for s in statuses)
    final = dict(zip(names, job.outputs()[-1], strict=True))
    assert "Draft ready" in final["status"], final["notice"]
    rec = app.store.get(final["draft_id"])
    assert rec is not None and rec.draft["severity"] == "SEV2"
    assert rec.draft["summary"]
    assert "quokka" in json.dumps(rec.draft["timeline"])
    assert len(table_data(final["table:timeline"])) >= 3
    assert "start" in final["keytimes"] and "time to resolve" in final["keytimes"]


def test_bad_timezone_and_empty_input_get_clear_messages(app: RunningApp) -> None:
    client = app.client()
    view = app.call(client, "draft", chat("x"), [], "Mars/Olympus", "", "auto", "offline")
    assert "Unknown timezone 'Mars/Olympus'" in view["notice"]
    view = app.call(client, "draft", "   ", [], "", "", "auto", "offline")
    assert "Nothing to draft from" in view["notice"]


def test_oversized_upload_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    from assistant.store.drafts import DraftStore
    from assistant.ui.handlers import UiContext, run_draft

    big = tmp_path / "huge.log"
    big.write_bytes(b"2026-03-04T14:00:00Z INFO hello\n" * 70_000)  # ~2.2 MB
    settings = Settings(home=tmp_path / "home", ui_max_upload_mb=1)
    ctx = UiContext(settings=settings, store=DraftStore(settings.drafts_db))
    views = list(run_draft(ctx, "", [str(big)], "", "", "auto", "offline"))
    assert "Over the 1 MB upload limit: huge.log (2.2 MB)" in views[-1]["notice"]
    assert "POSTMORTEM_UI_MAX_UPLOAD_MB" in views[-1]["notice"]


def test_every_text_field_is_saved_on_input(app: RunningApp) -> None:
    from assistant.ui.sections import FIELDS

    client = app.client()
    draft_id = ""
    for f in FIELDS:
        text = f"- edited {f.path}" if f.kind != "str" else f"edited {f.path}"
        view = app.call(client, f"save_{f.path.replace('.', '_')}", draft_id, text)
        draft_id = view["draft_id"]
        assert view["saved"].startswith("Saved")
    rec = app.store.get(draft_id)
    assert rec is not None
    assert rec.draft["summary"] == "edited summary"
    assert rec.draft["impact"]["figures"] == [{"text": "edited impact.figures", "refs": [], "event_ids": []}]
    assert rec.draft["lessons"]["lucky"][0]["text"] == "edited lessons.lucky"
    assert rec.draft["open_questions"] == ["edited open_questions"]
    assert rec.draft["trigger"]["text"] == "edited trigger.text"


def test_table_edits_are_saved(app: RunningApp) -> None:
    client = app.client()
    rows = {"headers": ["description", "owner", "due", "priority", "kind", "refs"],
            "data": [["Alert on pool saturation", "bob", "2026-04-01", "high", "detect", "chat.txt:8"]]}  # fmt: skip
    view = app.call(client, "save_action_items", "", rows)
    timeline = {"headers": ["time", "description", "refs"],
                "data": [["2026-03-04T14:02:00+00:00", "502s start", "chat.txt:2"]]}  # fmt: skip
    view = app.call(client, "save_timeline", view["draft_id"], timeline)
    rec = app.store.get(view["draft_id"])
    assert rec is not None
    assert rec.draft["action_items"][0]["owner"] == "bob"
    assert rec.draft["action_items"][0]["refs"] == ["chat.txt:8"]
    assert rec.draft["timeline"][0]["description"] == "502s start"


def test_blur_check_highlights_blame_and_use_rewrite_replaces_it(app: RunningApp) -> None:
    client = app.client()
    blame = "The outage happened because Bob carelessly pushed a bad config without testing it."
    view = app.call(client, "check_summary", "", blame)
    draft_id = view["draft_id"]
    highlighted = view["tone:summary"]
    assert highlighted, "the blameful sentence is highlighted"
    assert any(t.get("class_or_confidence") for t in highlighted)
    view = app.call(client, "rewrite_summary", draft_id)
    assert view["field:summary"] != blame
    assert "carelessly" not in view["field:summary"]
    rec = app.store.get(draft_id)
    assert rec is not None and rec.draft["summary"] == view["field:summary"]


def test_regenerate_one_section_keeps_other_edits(app: RunningApp) -> None:
    client = app.client()
    draft_id = _draft(app, client, "wombat")["draft_id"]
    app.call(client, "save_impact_summary", draft_id, "my own impact words")
    app.call(client, "save_summary", draft_id, "scratch")
    view = app.call(client, "regenerate_summary", draft_id, "offline")
    assert view["field:summary"] not in ("", "scratch")
    rec = app.store.get(draft_id)
    assert rec is not None
    assert rec.draft["summary"] == view["field:summary"]
    assert rec.draft["impact"]["summary"] == "my own impact words"
    view = app.call(client, "regenerate_action_items", draft_id, "offline")
    assert "Draft ready" in view["status"]


def test_open_new_and_load_drafts(app: RunningApp) -> None:
    client = app.client()
    first = app.call(client, "save_summary", "", "first draft summary")["draft_id"]
    app.call(client, "save_title", first, "First incident")
    view = app.call(client, "new_draft")
    assert view["draft_id"] == "" and view["field:summary"] == ""
    view = app.call(client, "open_draft", first)
    assert view["field:summary"] == "first draft summary"
    assert view["field:title"] == "First incident"
    assert "First incident" in view["status"]
    latest = app.call(client, "load")
    assert latest["draft_id"]  # reopens the most recently edited draft


def test_export_writes_markdown_json_jira_csv_confluence_and_word(app: RunningApp) -> None:
    client = app.client()
    draft_id = _draft(app, client, "narwhal")["draft_id"]
    app.call(client, "save_summary", draft_id, "Edited summary mentioning narwhal-api.")
    view = app.call(client, "export", draft_id)
    files = [Path(f) for f in view["exports"]]
    assert [f.suffix for f in files] == [".md", ".json", ".csv", ".xhtml", ".docx", ".md", ".txt"]
    assert files[5].name.endswith("-public.md") and "## What we are doing" in files[5].read_text()
    assert "Edited summary mentioning narwhal-api." in files[0].read_text()
    assert json.loads(files[1].read_text())["summary"] == "Edited summary mentioning narwhal-api."
    header = files[2].read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert header[:4] == ["Summary", "Description", "Assignee", "Due date"] and "Issue Type" in header
    assert "Edited summary mentioning narwhal-api." in files[3].read_text()


def test_publish_indexes_the_postmortem_so_the_next_incident_finds_it(app: RunningApp) -> None:
    client = app.client()
    draft_id = _draft(app, client, "pangolin")["draft_id"]
    app.call(client, "save_title", draft_id, "pangolin-api connection pool exhaustion")
    view = app.call(client, "publish", draft_id)
    assert "Published as" in view["publish"], view["publish"]
    from assistant.retrieval.library import Library

    settings = app.demo.ui_context.settings
    matches = Library.open(settings).similar("pangolin connection pool exhausted, 502 errors", k=3)
    assert matches and "pangolin" in matches[0].id
    assert any(settings.library_dir.glob("pangolin*.md"))


def test_tone_tab_lists_findings_and_the_rewrite(app: RunningApp) -> None:
    client = app.client()
    view = app.call(client, "tone_check", "Alice should have known better than to restart the database.")
    assert "finding" in view["tone_summary"]
    assert view["tone:check"]
    assert "should have known" not in view["tone_rewrite"]
    clean = app.call(client, "tone_check", "The database restarted at 14:02 after the config change.")
    assert clean["tone_summary"] == "No blameful wording found."


def test_autosaved_edit_survives_a_server_restart(tmp_path: Path) -> None:
    settings = get_settings(fresh=True)
    with running_app(settings=settings) as first:
        client = first.client()
        draft_id = first.call(client, "save_summary", "", "before restart")["draft_id"]
        first.call(client, "save_summary", draft_id, "the last edit before the restart")
    with running_app(settings=get_settings(fresh=True)) as second:
        view = second.call(second.client(), "load")
        assert view["draft_id"] == draft_id
        assert view["field:summary"] == "the last edit before the restart"


def test_ten_concurrent_drafts_each_get_their_own_content(app: RunningApp) -> None:
    tokens = [f"tok{n}zz" for n in range(10)]
    results: dict[str, dict[str, Any]] = {}
    errors: list[BaseException] = []

    def run(token: str) -> None:
        try:
            results[token] = _draft(app, app.client(), token)
        except BaseException as exc:  # noqa: BLE001 — a thread's failure is collected and asserted on below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(t,)) for t in tokens]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    assert sorted(results) == sorted(tokens)
    ids = {v["draft_id"] for v in results.values()}
    assert len(ids) == 10
    for token, view in results.items():
        assert "Draft ready" in view["status"], view["notice"]
        shown = json.dumps(view, default=str)
        stored = json.dumps(app.store.get(view["draft_id"]).draft)
        for text in (shown, stored):
            assert token in text
            assert not [t for t in tokens if t != token and t in text]


def test_launch_is_local_without_share_and_basic_auth_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import httpx

    from assistant.ui.app import launch_kwargs

    plain = launch_kwargs(get_settings(fresh=True), host="127.0.0.1", port=7860)
    assert plain["share"] is False and plain["auth"] is None and plain["server_name"] == "127.0.0.1"
    monkeypatch.setenv("POSTMORTEM_UI_USER", "oncall")
    monkeypatch.setenv("POSTMORTEM_UI_PASSWORD", "s3cret-pass")
    settings = get_settings(fresh=True)
    assert launch_kwargs(settings, host="127.0.0.1", port=7860)["auth"] == ("oncall", "s3cret-pass")
    with running_app(settings=settings) as app:
        assert httpx.get(app.url + "config").status_code == 401
        with httpx.Client(base_url=app.url) as http:
            bad = http.post("login", data={"username": "oncall", "password": "wrong"})
            assert bad.status_code >= 400
            ok = http.post("login", data={"username": "oncall", "password": "s3cret-pass"})
            assert ok.status_code == 200
            assert http.get("config").status_code == 200


def test_example_flag_preloads_the_bundled_incident_which_drafts_from_uploads(tmp_path: Path) -> None:
    from gradio_client import handle_file

    from assistant.ui.app import example_files

    files = example_files()
    if not files:
        pytest.skip("examples/incident/ is not in this checkout")
    with running_app(settings=Settings(home=tmp_path / "home"), example=True) as app:
        client = app.client()
        view = app.call(client, "load")
        shown = view["in:files"] or []
        assert sorted(Path(f["path"] if isinstance(f, dict) else f).name for f in shown) == sorted(
            Path(f).name for f in files
        )
        assert "example incident" in view["status"]
        view = app.call(client, "draft", "", [handle_file(f) for f in files], "", "", "auto", "offline")
        assert "Draft ready" in view["status"], view["notice"]
        rec = app.store.get(view["draft_id"])
        assert rec is not None and rec.draft["timeline"]
        refs = {r.split(":")[0] for row in rec.draft["timeline"] for r in row["refs"]}
        assert refs and refs <= {Path(f).name for f in files}  # refs name the files, not upload paths
