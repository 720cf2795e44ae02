"""The Review and Action items tabs: plain handlers, and the served app with a proxy's user header."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from _ui_helpers import running_app, table_data

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.store import DraftStore
from assistant.ui import review_tab as rt
from assistant.ui.app import launch_kwargs
from assistant.ui.handlers import UiContext

DRAFT = {"title": "Checkout 502s", "summary": "Expired certificate.",
         "action_items": [{"description": "Alert before certificates expire", "owner": "dana", "due": "2026-01-05"}]}  # fmt: skip


@dataclass
class _Request:
    """What the handlers read from Gradio's request: the login name and the headers."""

    username: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


def _ctx(tmp_path: Path, **settings: Any) -> UiContext:
    s = Settings(home=tmp_path / "home", **settings)
    return UiContext(settings=s, store=DraftStore(s.database))


def test_the_user_comes_from_the_login_or_a_trusted_proxy_header_only_when_enabled(tmp_path: Path) -> None:
    plain = Settings(home=tmp_path)
    proxied = Settings(home=tmp_path, ui_user_header="X-Forwarded-User")
    req = _Request(username="oncall", headers={"x-forwarded-user": "erin"})
    assert rt.current_user(plain, req) == "oncall"  # the header is ignored unless the admin enables it
    assert rt.current_user(proxied, req) == "erin"
    assert rt.current_user(proxied, _Request(username="oncall")) == "oncall"
    assert rt.current_user(plain, None) is None


def test_several_basic_auth_logins_for_a_team(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, ui_user="dana", ui_password="pw-1", ui_users="erin:pw-2, fay:pw:3")  # type: ignore[arg-type]
    assert launch_kwargs(settings, host="127.0.0.1", port=1)["auth"] == [
        ("dana", "pw-1"),
        ("erin", "pw-2"),
        ("fay", "pw:3"),
    ]
    with pytest.raises(ConfigError, match="name:password"):
        _ = Settings(home=tmp_path, ui_users="erin").ui_logins  # type: ignore[arg-type]


def test_review_handlers_walk_a_draft_to_published_with_another_approver(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path, review_required=True)
    draft_id = ctx.store.create(draft=DRAFT)
    status, *_ = rt.step(ctx, draft_id, "submit", "", "dana")
    assert "in review" in status and "author** dana" in status  # the submitter owns an unowned draft
    *_, notice = rt.step(ctx, draft_id, "approve", "", "dana")
    assert "dana wrote this draft and cannot approve it" in notice
    _, comments_md, _, _ = rt.add_comment(ctx, draft_id, "summary", "Say how many orders failed.", "erin")
    assert "[open] **summary** — erin: Say how many orders failed." in comments_md
    _, comments_md, _, _ = rt.resolve_comment(ctx, draft_id, 1, "dana")
    assert "[resolved]" in comments_md and "resolved by dana" in comments_md
    status, *_ = rt.step(ctx, draft_id, "approve", "looks right", "erin")
    assert "approved by** erin" in status
    from assistant.ui.outputs import publish

    assert "Review tab" in publish(ctx, draft_id)["publish"]  # the main button waits for the review


def test_history_restore_and_action_items_from_the_tabs(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    draft_id = ctx.store.create(draft=DRAFT, author="dana")
    ctx.store.update_draft(draft_id, lambda d: d.update(summary="Rewritten."), user="erin", section="summary")
    _, _, history_md, _ = rt.review_panel(ctx, draft_id)
    assert "v2 · summary · erin" in history_md and "v1 · whole draft · dana" in history_md
    first_rev = int(history_md.splitlines()[-1].split()[2])
    *_, notice = rt.restore(ctx, draft_id, first_rev, "dana")
    assert "Restored as version 3" in notice
    rec = ctx.store.get(draft_id)
    assert rec is not None and rec.draft["summary"] == "Expired certificate."
    rows = rt.action_rows(ctx, True, "")
    assert rows[0][1:5] == ["open · overdue", "2026-01-05", "dana", "Alert before certificates expire"]
    rows, msg = rt.change_action(ctx, int(rows[0][0]), "done", True, "")
    assert rows == [] and "is now done" in msg


def test_served_review_tab_takes_identity_from_the_proxy_header(tmp_path: Path) -> None:
    from gradio_client import Client

    settings = Settings(home=tmp_path / "home", ui_user_header="X-Forwarded-User")
    with running_app(settings=settings) as app:
        draft_id = app.store.create(draft=DRAFT)

        def as_user(name: str) -> Any:
            return Client(app.url, verbose=False, headers={"X-Forwarded-User": name})

        dana, erin = as_user("dana"), as_user("erin")
        status, *_ = dana.predict(draft_id, "", api_name="/review_submit")
        assert "author** dana" in status
        *_, notice = dana.predict(draft_id, "", api_name="/review_approve")
        assert "cannot approve it" in notice
        status, *_ = erin.predict(draft_id, "", api_name="/review_approve")
        assert "approved by** erin" in status
        table = erin.predict(True, "", api_name="/actions_list")
        assert table_data(table)[0][3] == "dana"
        summary, times, *_ = erin.predict(api_name="/insights")
        assert "1 postmortems" in summary and "overdue action items: **1**" in summary
        assert Path(times).read_bytes()[:4] == b"\x89PNG"


def test_insights_view_is_empty_until_a_postmortem_is_stored(tmp_path: Path) -> None:
    from assistant.ui.insights_tab import insights_view

    ctx = _ctx(tmp_path)
    summary, *charts = insights_view(ctx)
    assert "No stored postmortems yet" in summary and charts == [None] * 5
    ctx.store.create(draft={**DRAFT, "metrics": {"time_to_detect_s": 120}})
    summary, *charts = insights_view(ctx)
    assert "median time to detect **2 min**" in summary
    assert all(c and Path(c).is_file() for c in charts)
