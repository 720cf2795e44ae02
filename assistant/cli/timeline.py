"""``postmortem timeline PATH... [--tz ZONE] [--date YYYY-MM-DD] [--json]``."""

from __future__ import annotations

import json
import sys
from datetime import UTC, date
from pathlib import Path

import typer

from assistant.domain import Timeline


def _table(tl: Timeline) -> str:
    """A readable table: time (UTC), source, actor, text, refs; corrected times are marked."""
    key_at = {v: k for k, v in tl.key_events.model_dump().items() if v}
    lines = [f"{'id':<5} {'time (UTC)':<20} {'source':<6} {'actor':<16} text"]
    for e in tl.events:
        utc = e.time.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
        mark = ""
        if e.recorded_time is not None:
            mark = f"  (corrected; recorded {e.recorded_time.isoformat()})"
        key = f"  <== {key_at[e.id]}" if e.id in key_at else ""
        text = " ".join(e.text.split())
        if len(text) > 140:
            text = text[:139] + "…"
        lines.append(f"{e.id:<5} {utc:<20} {e.source.value:<6} {(e.actor or '-')[:16]:<16} {text}{mark}{key}")
        lines.append(f"{'':<5} {'':<20} {'':<6} {'':<16} ↳ {', '.join(e.ref_strings[:4])}")
    lines.append("")
    for k, v in tl.key_times.model_dump().items():
        lines.append(
            f"{k:<10} {v.astimezone(UTC).isoformat() if v else '-':<32} {getattr(tl.key_events, k) or ''}"
        )
    for k, v in tl.metrics.model_dump().items():
        lines.append(f"{k:<18} {'-' if v is None else f'{v / 60:.1f} min'}")
    lines.append("")
    lines.append("clocks:")
    for path, c in tl.clock.items():
        skew = f", skew {c.skew_s:+.0f} s" if c.skew_s else ""
        lines.append(f"  {path}: {c.offset} ({c.how}{', ' + c.zone if c.zone else ''}{skew})")
    for f in tl.findings:
        lines.append(f"note: {f}")
    return "\n".join(lines)


def _utc():  # type: ignore[no-untyped-def]

    return UTC


def register(app: typer.Typer) -> None:
    """Add the ``timeline`` command."""

    @app.command("timeline")
    def timeline(
        paths: list[Path] = typer.Argument(..., help="files or folders of incident material"),
        tz: str | None = typer.Option(None, "--tz", help="zone for times that state none (default UTC)"),
        day: str | None = typer.Option(None, "--date", help="YYYY-MM-DD for times without a date"),
        as_json: bool = typer.Option(False, "--json", help="print the timeline as one JSON object"),
    ) -> None:
        """Build one ordered, source-linked timeline with key times from chat, logs, alerts and notes."""
        from assistant.cli._shared import print_problems
        from assistant.errors import InputError
        from assistant.timeline import build_timeline
        from assistant.timeline.public_json import timeline_to_json

        when: date | None = None
        if day:
            try:
                when = date.fromisoformat(day)
            except ValueError:
                print(f"error: --date {day!r} is not a date; use YYYY-MM-DD", file=sys.stderr)
                raise typer.Exit(2) from None
        try:
            tl = build_timeline([str(p) for p in paths], tz=tz, date=when)
        except InputError as exc:
            print(f"error: {exc}", file=sys.stderr)
            raise typer.Exit(2) from None
        print_problems(tl.problems)
        if not tl.events:
            print("error: nothing usable in the input; see the problems above", file=sys.stderr)
            raise typer.Exit(2)
        if as_json:
            print(json.dumps(timeline_to_json(tl), ensure_ascii=False, indent=2))
        else:
            print(_table(tl))
