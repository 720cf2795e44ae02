"""``postmortem templates [FILE|NAME]``: the built-in templates, or what each heading of one will hold."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add the ``templates`` command to the CLI."""

    @app.command("templates")
    def templates(
        spec: Annotated[
            str | None,
            typer.Argument(help="a template file or built-in name to check (none: list the built-ins)"),
        ] = None,
    ) -> None:
        """List the built-in templates, or show how a template's headings map to the draft."""
        from assistant.team_templates import builtin_names, holds, load_template

        if not spec:
            for name in builtin_names():
                t = load_template(name, meaning=False)
                print(f"{name:12s} {' · '.join(h.heading for h in t.headings if h.level <= 2)}")
            return
        t = load_template(spec)
        print(f"{t.name}  sha256 {t.sha256[:12]}")
        for h in t.headings:
            guidance = f"  — {h.guidance[:60]}" if h.guidance else ""
            print(f"{'  ' * (h.level - 1)}{'#' * h.level} {h.heading}  →  {holds(h)}{guidance}")
