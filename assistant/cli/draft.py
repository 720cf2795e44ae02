"""``postmortem draft PATH...``: build the timeline and draft the postmortem (Markdown or JSON).

Loses nothing: the output path is checked before any model time is spent, input problems and
model fallbacks are printed on stderr (one line each), and a draft that cannot be written where
asked is saved in the data directory instead.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date as date_type
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from assistant.llm.base import Provider

# --strict: a draft with any section drafted offline after a model failure exits with this code.
EXIT_FALLBACK = 1


def register(app: typer.Typer) -> None:
    """Add the ``draft`` command to the CLI."""

    @app.command("draft")
    def draft(
        paths: Annotated[
            list[Path], typer.Argument(help="incident files or folders (chat, logs, alerts, notes)")
        ],
        provider: Annotated[
            str | None, typer.Option(help="offline | openai (default: POSTMORTEM_PROVIDER or offline)")
        ] = None,
        tz: Annotated[
            str | None, typer.Option("--tz", help="IANA zone for times written without an offset")
        ] = None,
        date: Annotated[
            str | None, typer.Option("--date", help="YYYY-MM-DD for times written without a date")
        ] = None,
        fmt: Annotated[str, typer.Option("--format", help="md | json")] = "md",
        output: Annotated[
            Path | None, typer.Option("-o", "--output", help="write to FILE instead of stdout")
        ] = None,
        strict: Annotated[
            bool, typer.Option("--strict", help="exit 1 when any section fell back to the offline drafter")
        ] = False,
    ) -> None:
        """Draft a blameless postmortem from incident material."""
        from assistant.cli._progress import Progress
        from assistant.cli._shared import print_problems, read_inputs
        from assistant.draft.fallback import fallback_lines
        from assistant.draft.offline import OFFLINE
        from assistant.draft.pipeline import draft_postmortem
        from assistant.draft.render import to_json, to_markdown
        from assistant.draft.schema import SECTION_ORDER
        from assistant.errors import ConfigError, InputError
        from assistant.ingest._display import relative_names
        from assistant.timeline import build_timeline

        if fmt not in ("md", "json"):
            raise ConfigError(f"--format {fmt!r} is not supported; use md or json")
        day = None
        if date:
            try:
                day = date_type.fromisoformat(date)
            except ValueError as exc:
                raise InputError(f"--date {date!r} is not a date; use YYYY-MM-DD") from exc
        if output is not None:
            check_output(output)
        prov = _provider(provider)
        with Progress(sections=len(SECTION_ORDER)) as progress:
            ingested = read_inputs(paths, progress)
            print_problems(ingested.problems)
            relative_names(ingested, paths)  # a draft is shared: cite inputs relative to the incident folder
            progress.stage("building the timeline")
            tl = build_timeline(ingested, tz=tz, date=day)
            if not tl.events:
                raise InputError("no events could be read from the input; see the problems above")
            progress.stage(f"drafting {len(tl.events)} events with {prov.name if prov else OFFLINE}")
            pm = draft_postmortem(tl, provider=prov, on_section=progress.section_done)
        for line in fallback_lines(pm):
            print(f"fallback: {line}", file=sys.stderr)
        text = (
            json.dumps(to_json(pm), indent=2, ensure_ascii=False) + "\n" if fmt == "json" else to_markdown(pm)
        )
        if output:
            written = write_safely(output, text)
            if written != output:
                raise typer.Exit(2)
            print(f"wrote {written}", file=sys.stderr)
        else:
            sys.stdout.write(text)
        if strict and pm.provenance.fallbacks:
            print(
                f"error: --strict: {len(pm.provenance.fallbacks)} section(s) fell back to the offline drafter",
                file=sys.stderr,
            )
            raise typer.Exit(EXIT_FALLBACK)


def check_output(output: Path) -> None:
    """Fail before drafting when the output cannot be written: a folder, a missing folder, no permission."""
    from assistant.errors import ConfigError

    if output.is_dir():
        raise ConfigError(f"-o {output}: is a folder; give a file name, e.g. -o {output / 'postmortem.md'}")
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise ConfigError(
            f"-o {output}: folder {parent} does not exist; create it (mkdir -p {parent}) or pick another"
        )
    if not os.access(parent, os.W_OK | os.X_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise ConfigError(f"-o {output}: no permission to write there; pick another file")


def write_safely(output: Path, text: str) -> Path:
    """Write ``text`` to ``output`` atomically; if that fails, keep it in the data directory and say where."""
    from assistant.datadir import home, private_dir

    folder = output.parent if str(output.parent) else Path(".")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{output.name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, output)
        return output
    except OSError as exc:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        keep = private_dir(home() / "unsaved") / output.name
        keep.write_text(text, encoding="utf-8")
        print(
            f"error: cannot write {output} ({exc.strerror or exc}); the draft was saved to {keep}",
            file=sys.stderr,
        )
        return keep


def _provider(name: str | None) -> Provider | None:
    """The model ``--provider`` (or the environment) names; None for offline (no model)."""
    from assistant.errors import ConfigError
    from assistant.llm import provider_from_settings

    if name not in (None, "offline", "openai"):
        raise ConfigError(
            f"--provider {name!r} is unknown; use offline or openai (or set POSTMORTEM_PROVIDER)"
        )
    return provider_from_settings(name)
