"""`python -m assistant`: the `postmortem` command."""

from assistant.cli.app import main

main()
