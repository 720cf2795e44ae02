"""`postmortem actions`: action items across every stored postmortem, their status, and exports.

postmortem actions [--open] [--overdue] [--owner X] [--json | --format jira|linear] [--out FILE]
postmortem actions status ID "in progress"     open | in progress | done | won't do
postmortem actions track draft.json            track a draft written by `postmortem draft --format json`
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

if TYPE_CHECKING:
    from assistant.store import DraftStore
    from assistant.store.actions import TrackedItem

Format = Literal["table", "json", "jira", "linear"]

actions_app = typer.Typer(
    help="Action items across every stored postmortem: list, filter, change status, export to Jira or Linear.",
    no_args_is_help=False,
)


def register(app: typer.Typer) -> None:
    """Add the ``actions`` command group."""
    app.add_typer(actions_app, name="actions")


def _store() -> DraftStore:
    from assistant.config import get_settings
    from assistant.store import DraftStore

    return DraftStore(get_settings().database)


@actions_app.callback(invoke_without_command=True)
def list_command(
    ctx: typer.Context,
    open_only: Annotated[bool, typer.Option("--open", help="only items still open or in progress")] = False,
    overdue: Annotated[bool, typer.Option("--overdue", help="only open items past their due date")] = False,
    owner: Annotated[str | None, typer.Option("--owner", help="only this owner's items")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="print the items as JSON (same as --format json)")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help="table, json, jira (CSV) or linear (CSV)")] = "table",
    out: Annotated[Path | None, typer.Option("--out", help="write to FILE instead of stdout")] = None,
    today: Annotated[
        str | None, typer.Option("--today", help="the day overdue is counted from (YYYY-MM-DD)")
    ] = None,
) -> None:
    """List tracked action items, overdue first."""
    if ctx.invoked_subcommand is not None:
        return
    from assistant.errors import ConfigError
    from assistant.export.trackers import items_json, jira_csv, linear_csv
    from assistant.store.actions import list_items

    chosen = "json" if as_json else fmt
    if chosen not in ("table", "json", "jira", "linear"):
        raise ConfigError(f"--format {fmt!r} is not known; use table, json, jira or linear")
    day = _day(today)
    store = _store()
    with store.db.session() as s:
        items = list_items(s, open_only=open_only, overdue_on=day if overdue else None, owner=owner)
    store.close()
    if chosen == "json":
        text = items_json(items) + "\n"
    elif chosen == "jira":
        text = jira_csv(items)
    elif chosen == "linear":
        text = linear_csv(items)
    else:
        text = _table(items, day)
    if out is not None:
        out.write_text(text, encoding="utf-8-sig" if chosen in ("jira", "linear") else "utf-8")
        typer.echo(f"wrote {len(items)} action items to {out}", err=True)
    else:
        typer.echo(text, nl=False)


@actions_app.command("status", help="Set an item's status: open, 'in progress', done or \"won't do\".")
def status_command(
    item_id: Annotated[int, typer.Argument(help="the item's id (first column of `postmortem actions`)")],
    status: Annotated[str, typer.Argument(help="open | in progress | done | won't do")],
) -> None:
    """Change one item's status."""
    from assistant.store.actions import set_status

    store = _store()
    with store.db.session() as s:
        item = set_status(s, item_id, status)
    store.close()
    typer.echo(f"#{item.id} {item.status}: {item.description} ({item.postmortem})")


@actions_app.command(
    "track", help="Store a draft JSON (`postmortem draft --format json`) so its items are tracked."
)
def track_command(
    draft_file: Annotated[Path, typer.Argument(help="a draft written with --format json")],
    author: Annotated[str | None, typer.Option("--author", help="who wrote the draft")] = None,
) -> None:
    """Add a draft to the database; its action items become tracked items."""
    from assistant.errors import InputError

    try:
        draft = json.loads(draft_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read a draft JSON: {exc}", path=str(draft_file)) from None
    if not isinstance(draft, dict):
        raise InputError(
            "expected a JSON object written by `postmortem draft --format json`", path=str(draft_file)
        )
    store = _store()
    draft_id = store.create(title=str(draft.get("title") or ""), draft=draft, author=author)
    store.close()
    n = sum(1 for it in draft.get("action_items") or [] if isinstance(it, dict) and it.get("description"))
    typer.echo(f"tracking {n} action items of draft {draft_id}")


def _day(text: str | None) -> date:
    from assistant.errors import ConfigError

    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"--today {text!r} is not a date; write it as YYYY-MM-DD") from None


def _table(items: list[TrackedItem], today: date) -> str:
    if not items:
        return "no action items\n"
    lines = []
    for it in items:
        due = it.due.isoformat() if it.due else (it.due_text or "—")
        flag = " OVERDUE" if it.is_overdue(today) else ""
        status = it.status.replace("_", " ").replace("wont do", "won't do")
        lines.append(
            f"#{it.id:<4} {status:<11} due {due:<10}{flag}  {it.owner or 'unowned'}  "
            f"{it.description}  [{it.postmortem}]"
        )
    return "\n".join(lines) + "\n"
