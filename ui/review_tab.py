"""The Review, Action items and Insights tabs: statuses and approvals, comments, history with restore, and
tracked action items across drafts. Handlers are plain functions (tests call them); ``add_tabs``
wires them to Gradio inside the app's ``gr.Tabs()``.

Who is acting comes from the login: the basic-auth user name, or — when the admin sets
``POSTMORTEM_UI_USER_HEADER`` behind a reverse proxy that sets it — that header.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.config import Settings
from assistant.errors import PostmortemError
from assistant.review import comments, history, workflow
from assistant.store.actions import list_items, set_status
from assistant.store.models import ACTION_STATUSES
from assistant.ui.handlers import UiContext

ReviewOut = tuple[str, str, str, str]  # status, comments, history, notice
STEPS = ("submit", "approve", "request_changes", "publish", "reopen")


def current_user(settings: Settings, request: Any) -> str | None:
    """The signed-in user's name: the trusted proxy header when enabled, else the basic-auth login."""
    if request is None:
        return None
    if settings.ui_user_header:
        headers = getattr(request, "headers", None) or {}
        value = headers.get(settings.ui_user_header) or headers.get(settings.ui_user_header.lower())
        if value:
            return str(value).strip() or None
    name = getattr(request, "username", None)
    return str(name) if name else None


def review_panel(ctx: UiContext, draft_id: str | None, notice: str = "") -> ReviewOut:
    """The open draft's status, comments and history as Markdown."""
    rec = ctx.store.get(draft_id) if draft_id else None
    if rec is None:
        return "_Open or draft an incident to review it._", "", "", notice
    status = (f"**Status:** {rec.status.replace('_', ' ')} · **author** {rec.author or 'not set'} · "
              f"**approved by** {rec.approved_by or '—'} · version {rec.version}")  # fmt: skip
    notes = comments.list_comments(ctx.store, rec.id)
    comment_md = (
        "\n".join(
            f"- #{c.id} [{c.status}] **{c.section}** — {c.author or 'someone'}: {c.body}"
            + (f" _(resolved by {c.resolved_by})_" if c.resolved_by else "")
            for c in notes
        )
        or "_No comments._"
    )
    revs = history.history(ctx.store, rec.id)[:30]
    history_md = "\n".join(
        f"- rev {r.id} · v{r.version} · {r.section if r.section != '*' else 'whole draft'} · "
        f"{r.user or 'someone'} · {r.at.strftime('%Y-%m-%d %H:%M UTC')}" + (f" · {r.note}" if r.note else "")
        for r in revs
    )
    return status, comment_md, history_md, notice


def step(ctx: UiContext, draft_id: str | None, action: str, note: str, user: str | None) -> ReviewOut:
    """Run one review step (submit, approve, request_changes, publish, reopen) as ``user``."""
    if not draft_id or action not in STEPS:
        return review_panel(ctx, draft_id, "⚠️ Open a draft first.")
    differ = ctx.settings.approver_must_differ
    try:
        if action == "approve":
            workflow.approve(ctx.store, draft_id, user=user, approver_must_differ=differ, note=note)
        elif action == "publish":
            workflow.publish(ctx.store, draft_id, user=user, approver_must_differ=differ, note=note)
            from assistant.ui.outputs import publish

            return review_panel(ctx, draft_id, str(publish(ctx, draft_id)["publish"]))
        else:
            getattr(workflow, action)(ctx.store, draft_id, user=user, note=note)
    except PostmortemError as exc:
        return review_panel(ctx, draft_id, f"⚠️ {exc}")
    return review_panel(ctx, draft_id, f"✅ {action.replace('_', ' ')}: done")


def add_comment(ctx: UiContext, draft_id: str | None, section: str, body: str, user: str | None) -> ReviewOut:
    """Comment on one section."""
    try:
        if not draft_id:
            raise PostmortemError("open a draft first")
        comments.add(ctx.store, draft_id, section, body or "", user=user)
    except PostmortemError as exc:
        return review_panel(ctx, draft_id, f"⚠️ {exc}")
    return review_panel(ctx, draft_id)


def resolve_comment(
    ctx: UiContext, draft_id: str | None, comment_id: float | None, user: str | None
) -> ReviewOut:
    """Resolve comment #id."""
    try:
        comments.resolve(ctx.store, int(comment_id or 0), user=user)
    except PostmortemError as exc:
        return review_panel(ctx, draft_id, f"⚠️ {exc}")
    return review_panel(ctx, draft_id)


def restore(ctx: UiContext, draft_id: str | None, revision_id: float | None, user: str | None) -> ReviewOut:
    """Make revision #id the current draft (reopen the draft in the editor to see it)."""
    try:
        if not draft_id:
            raise PostmortemError("open a draft first")
        version = history.restore(ctx.store, draft_id, int(revision_id or 0), user=user)
    except PostmortemError as exc:
        return review_panel(ctx, draft_id, f"⚠️ {exc}")
    return review_panel(ctx, draft_id, f"✅ Restored as version {version}; reopen the draft to edit it.")


def action_rows(ctx: UiContext, open_only: bool, owner: str) -> list[list[str]]:
    """Tracked action items across every draft, overdue first."""
    today = date.today()
    with ctx.store.db.session() as s:
        items = list_items(s, open_only=open_only, owner=owner.strip() or None)
    return [[str(it.id), it.status.replace("_", " ") + (" · overdue" if it.is_overdue(today) else ""),
             it.due.isoformat() if it.due else (it.due_text or ""), it.owner or "", it.description, it.postmortem]
            for it in items]  # fmt: skip


def change_action(ctx: UiContext, item_id: float | None, status: str, open_only: bool,
                  owner: str) -> tuple[list[list[str]], str]:  # fmt: skip
    """Set an item's status and list the items again."""
    try:
        with ctx.store.db.session() as s:
            item = set_status(s, int(item_id or 0), status)
        msg = f"✅ #{item.id} is now {item.status.replace('_', ' ')}"
    except PostmortemError as exc:
        msg = f"⚠️ {exc}"
    return action_rows(ctx, open_only, owner), msg


def add_tabs(gr: Any, ctx: UiContext, draft_id: Any) -> None:
    """The Review and Action items tabs (call inside ``gr.Tabs()``)."""
    from assistant.review.comments import SECTIONS

    def who(request: Any) -> str | None:
        return current_user(ctx.settings, request)

    def with_request(fn: Any) -> Any:
        # Gradio injects the request into a parameter annotated gr.Request; postponed annotations
        # are strings it cannot resolve here, so the class is set explicitly.
        fn.__annotations__ = {**fn.__annotations__, "request": gr.Request}
        return fn

    with gr.Tab("Review", id="review") as review:
        status = gr.Markdown("", elem_id="review-status")
        notice = gr.Markdown("", elem_id="review-notice")
        note = gr.Textbox(label="Note for this step (optional)", elem_id="review-note")
        with gr.Row():
            buttons = {a: gr.Button(a.replace("_", " ").capitalize(), size="sm", elem_id=f"review-{a}")
                       for a in STEPS}  # fmt: skip
        gr.Markdown("### Comments")
        comment_md = gr.Markdown("", elem_id="review-comments")
        with gr.Row():
            section = gr.Dropdown(list(SECTIONS), value="summary", label="Section", elem_id="comment-section")
            body = gr.Textbox(label="Comment", scale=3, elem_id="comment-body")
            add_btn = gr.Button("Add comment", size="sm", scale=0, elem_id="comment-add")
        with gr.Row():
            cid = gr.Number(label="Comment #", precision=0, elem_id="comment-id")
            resolve_btn = gr.Button("Resolve", size="sm", scale=0, elem_id="comment-resolve")
        gr.Markdown("### History")
        history_md = gr.Markdown("", elem_id="review-history")
        with gr.Row():
            rid = gr.Number(label="Revision #", precision=0, elem_id="revision-id")
            restore_btn = gr.Button("Restore", size="sm", scale=0, elem_id="revision-restore")
    outs = [status, comment_md, history_md, notice]
    review.select(lambda did: review_panel(ctx, did), [draft_id], outs, api_name="review_panel")
    for action, btn in buttons.items():

        def _step(did: str, text: str, request: Any, action: str = action) -> ReviewOut:
            return step(ctx, did, action, text or "", who(request))

        btn.click(with_request(_step), [draft_id, note], outs, api_name=f"review_{action}")

    def _add(did: str, sec: str, text: str, request: Any) -> ReviewOut:
        return add_comment(ctx, did, sec, text, who(request))

    def _resolve(did: str, n: float, request: Any) -> ReviewOut:
        return resolve_comment(ctx, did, n, who(request))

    def _restore(did: str, n: float, request: Any) -> ReviewOut:
        return restore(ctx, did, n, who(request))

    add_btn.click(with_request(_add), [draft_id, section, body], outs, api_name="comment_add")
    resolve_btn.click(with_request(_resolve), [draft_id, cid], outs, api_name="comment_resolve")
    restore_btn.click(with_request(_restore), [draft_id, rid], outs, api_name="revision_restore")

    with gr.Tab("Action items", id="actions") as actions:
        with gr.Row():
            open_only = gr.Checkbox(value=True, label="Open only", elem_id="actions-open")
            owner = gr.Textbox(label="Owner", elem_id="actions-owner")
            refresh = gr.Button("Refresh", size="sm", scale=0, elem_id="actions-refresh")
        table = gr.Dataframe(headers=["#", "status", "due", "owner", "action", "postmortem"], type="array",
                             interactive=False, wrap=True, elem_id="actions-table")  # fmt: skip
        with gr.Row():
            item = gr.Number(label="Item #", precision=0, elem_id="actions-item")
            new_status = gr.Dropdown(
                list(ACTION_STATUSES), value="done", label="Status", elem_id="actions-status"
            )
            set_btn = gr.Button("Set status", size="sm", scale=0, elem_id="actions-set")
        msg = gr.Markdown("", elem_id="actions-msg")
    for trigger, api in ((actions.select, None), (refresh.click, "actions_list"), (open_only.change, None)):
        trigger(lambda o, w: action_rows(ctx, o, w or ""), [open_only, owner], [table], api_name=api or False)
    set_btn.click(lambda i, st, o, w: change_action(ctx, i, st, o, w or ""), [item, new_status, open_only, owner],
                  [table, msg], api_name="actions_set")  # fmt: skip

    from assistant.ui.insights_tab import add_tab

    add_tab(gr, ctx)
