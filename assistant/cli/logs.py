"""``postmortem logs FILE... [--json] [--summary]``: each log line with its time, level, service and template."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    """Add the ``logs`` command."""

    @app.command("logs")
    def logs(
        paths: list[Path] = typer.Argument(..., help="log files"),
        as_json: bool = typer.Option(False, "--json", help="one JSON object per input line (JSON lines)"),
        summary: bool = typer.Option(
            False, "--summary", help="templates with counts, first/last time, examples"
        ),
    ) -> None:
        """Read logs with their learned layout and group lines into templates."""
        from assistant.errors import InputError
        from assistant.logmine import line_json, mine_files, summarize

        try:
            lines, miner = mine_files(paths)
        except InputError as exc:
            print(f"error: {exc}", file=sys.stderr)
            raise typer.Exit(2) from exc
        out = sys.stdout
        if summary:
            for s in summarize(lines, miner):
                if as_json:
                    out.write(
                        json.dumps(
                            {
                                "template_id": s.template.id,
                                "template": s.template.text,
                                "count": s.template.count,
                                "first": s.first.isoformat() if s.first else None,
                                "last": s.last.isoformat() if s.last else None,
                                "examples": s.examples,
                                "files": sorted(s.files),
                            }
                        )
                        + "\n"
                    )
                else:
                    span = (
                        f"{s.first:%Y-%m-%d %H:%M:%S} → {s.last:%H:%M:%S}"
                        if s.first and s.last
                        else "untimed"
                    )
                    out.write(f"{s.template.id}  x{s.template.count:<7} {span}  {s.template.text[:160]}\n")
                    for ex in s.examples[:2]:
                        out.write(f"        e.g. {ex[:160]}\n")
            return
        for ml in lines:
            if as_json:
                out.write(json.dumps(line_json(ml, miner)) + "\n")
            else:
                t = miner.template_of(ml.key).id if ml.key is not None else "-"
                when = ml.time.isoformat() if ml.time else "-"
                out.write(f"{ml.file}:{ml.line}  {when}  {ml.level or '-'}  {t}  {ml.text[:160]}\n")
