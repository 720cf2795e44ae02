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
_VERBS = ("timeline", "draft", "lint", "library", "redact", "ui", "evaluate", "logs", "actions", "insights")

for _name in _VERBS:
    importlib.import_module(f"assistant.cli.{_name}").register(app)


# Exit codes: 1 findings (lint, redact --check) or --strict fallbacks, 2 a usage or input error
# we explain, 3 an unexpected error (a bug): one line plus a full report in the data directory.
EXIT_UNEXPECTED = 3


def main() -> None:
    """Entry point of the ``postmortem`` script: no traceback ever reaches the user."""
    from assistant.errors import PostmortemError

    try:
        app()
    except PostmortemError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:  # output piped into `head` and closed: not an error worth a report
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)
    except Exception as exc:  # noqa: BLE001 — the top level: any other error becomes one line and a crash report
        from assistant.datadir import crash_line, write_crash_report

        report = write_crash_report(exc, command=" ".join(["postmortem", *sys.argv[1:]]))
        print(f"error: {crash_line(exc, report)}", file=sys.stderr)
        sys.exit(EXIT_UNEXPECTED)
