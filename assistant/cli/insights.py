"""`postmortem insights --out DIR`: an HTML report with charts over every stored postmortem."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add the ``insights`` command."""
    app.command(
        "insights", help="Write an HTML report with charts: response times, action items, recurrence."
    )(insights_command)


def insights_command(
    out: Annotated[Path, typer.Option("--out", help="folder for index.html and the chart images")],
    today: Annotated[
        str | None, typer.Option("--today", help="the day ages and overdue are counted from")
    ] = None,
) -> None:
    """Write the insights report into OUT."""
    from datetime import date

    from assistant.config import get_settings
    from assistant.errors import ConfigError
    from assistant.insights.data import collect
    from assistant.insights.report import write_report
    from assistant.store import DraftStore

    try:
        day = date.fromisoformat(today) if today else None
    except ValueError:
        raise ConfigError(f"--today {today!r} is not a date; write it as YYYY-MM-DD") from None
    store = DraftStore(get_settings().database)
    try:
        ins = collect(store, today=day)
    finally:
        store.close()
    page = write_report(ins, out)
    typer.echo(f"wrote {page} ({len(ins.incidents)} postmortems, {len(ins.items)} action items)", err=True)
