"""``postmortem draft PATH...``: build the timeline and draft the postmortem (Markdown or JSON)."""

from __future__ import annotations

import json
import sys
from datetime import date as date_type
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add the ``draft`` command to the CLI."""

    @app.command("draft")
    def draft(
        paths: Annotated[list[Path], typer.Argument(help="incident files or folders (chat, logs, alerts, notes)")],
        provider: Annotated[str | None, typer.Option(help="offline | openai (default: POSTMORTEM_PROVIDER or offline)")] = None,
        tz: Annotated[str | None, typer.Option("--tz", help="IANA zone for times written without an offset")] = None,
        date: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD for times written without a date")] = None,
        fmt: Annotated[str, typer.Option("--format", help="md | json")] = "md",
        output: Annotated[Path | None, typer.Option("-o", "--output", help="write to FILE instead of stdout")] = None,
    ) -> None:
        """Draft a blameless postmortem from incident material."""
        from assistant.draft.pipeline import draft_postmortem
        from assistant.draft.render import to_json, to_markdown
        from assistant.errors import ConfigError, InputError
        from assistant.timeline import build_timeline

        if fmt not in ("md", "json"):
            raise ConfigError(f"--format {fmt!r} is not supported; use md or json")
        day = None
        if date:
            try:
                day = date_type.fromisoformat(date)
            except ValueError as exc:
                raise InputError(f"--date {date!r} is not a date; use YYYY-MM-DD") from exc
        tl = build_timeline([str(p) for p in paths], tz=tz, date=day)
        if not tl.events:
            problems = "; ".join(f"{p.path}: {p.message}" for p in tl.problems[:5])
            raise InputError(f"no events could be read from the input{f' ({problems})' if problems else ''}")
        prov = _provider(provider)
        pm = draft_postmortem(tl, provider=prov)
        text = json.dumps(to_json(pm), indent=2, ensure_ascii=False) + "\n" if fmt == "json" else to_markdown(pm)
        if output:
            output.write_text(text, encoding="utf-8")
            print(f"wrote {output}", file=sys.stderr)
        else:
            sys.stdout.write(text)


def _provider(name: str | None):  # type: ignore[no-untyped-def]
    from assistant.errors import ConfigError

    if name not in (None, "offline", "openai"):
        raise ConfigError(f"--provider {name!r} is unknown; use offline or openai (or set POSTMORTEM_PROVIDER)")
    if name == "offline":
        from assistant.llm.offline import OfflineProvider

        return OfflineProvider()
    from assistant.llm import get_provider

    return get_provider(name)
