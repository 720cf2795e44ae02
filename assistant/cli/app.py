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

# Each module defines ``register(app)``; a module that is not written yet is skipped.
_VERBS = ("timeline", "draft", "lint", "library", "redact", "ui", "evaluate", "actions", "insights")

for _name in _VERBS:
    try:
        _mod = importlib.import_module(f"assistant.cli.{_name}")
    except ModuleNotFoundError as exc:  # pragma: no cover - only while a verb is being written
        if exc.name != f"assistant.cli.{_name}":
            raise
        continue
    _mod.register(app)


def main() -> None:
    """Entry point of the ``postmortem`` script."""
    from assistant.errors import PostmortemError

    try:
        app()
    except PostmortemError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
