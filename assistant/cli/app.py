"""The ``postmortem`` command: assembles the verbs. Heavy imports stay inside each command."""

from __future__ import annotations

import importlib
import sys

import typer

app = typer.Typer(
    name="postmortem",
    help="Draft blameless incident postmortems from chat, logs, alerts and notes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each module defines ``register(app)``; an import error is a bug and fails loudly.
_VERBS = ("timeline", "draft", "lint", "library", "redact", "ui", "evaluate", "logs")

for _name in _VERBS:
    importlib.import_module(f"assistant.cli.{_name}").register(app)


def main() -> None:
    """Entry point of the ``postmortem`` script."""
    from assistant.errors import PostmortemError

    try:
        app()
    except PostmortemError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
