"""Progress on stderr for long CLI runs: stages, sections drafted, a bar over big inputs.

Shown only when stderr is a terminal (``rich``, pinned in requirements.lock); piped or redirected
runs, scripts and CI stay quiet. ``POSTMORTEM_PROGRESS=0`` turns it off, ``=1`` forces it on.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any

# Inputs at least this large together get a byte bar while they are read.
BIG_INPUT_BYTES = 8 * 1024 * 1024


def progress_wanted() -> bool:
    """On for a terminal unless POSTMORTEM_PROGRESS=0; POSTMORTEM_PROGRESS=1 forces it."""
    from assistant.config import get_settings

    flag = get_settings().progress
    return sys.stderr.isatty() if flag is None else flag


class Progress:
    """Stages and per-section ticks; a no-op when progress is not wanted."""

    def __init__(self, *, enabled: bool | None = None, sections: int | None = None) -> None:
        self.enabled = progress_wanted() if enabled is None else enabled
        self._sections_total = sections
        self._sections_done = 0
        self._bar: Any = None
        self._task: Any = None
        self._t0 = time.monotonic()

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as Bar

            self._bar = Bar(
                SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                console=Console(stderr=True, force_terminal=True if self.enabled else None), transient=True,
            )  # fmt: skip
            self._bar.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
            if kind is None:
                print(f"done in {time.monotonic() - self._t0:.1f} s", file=sys.stderr)

    def stage(self, text: str, *, total_bytes: int | None = None) -> None:
        """Start a new stage; with ``total_bytes`` (big inputs) it shows a byte bar."""
        if self._bar is None:
            return
        if self._task is not None:
            self._bar.remove_task(self._task)
        big = total_bytes is not None and total_bytes >= BIG_INPUT_BYTES
        self._task = self._bar.add_task(text, total=total_bytes if big else None)

    def advance(self, nbytes: int) -> None:
        """Bytes of input read in the current stage."""
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, nbytes)
            task = self._bar.tasks[-1]
            if task.total:
                base = task.description.split(" [")[0]
                self._bar.update(
                    self._task,
                    description=f"{base} [{task.completed / 2**20:.0f}/{task.total / 2**20:.0f} MB]",
                )

    def section_done(self, name: str, _model: object = None) -> None:
        """One section drafted (the drafting pipeline's ``on_section`` callback)."""
        self._sections_done += 1
        if self._bar is None or self._task is None:
            return
        total = f"/{self._sections_total}" if self._sections_total else ""
        self._bar.update(
            self._task, description=f"drafting: {self._sections_done}{total} sections ({name} done)"
        )
