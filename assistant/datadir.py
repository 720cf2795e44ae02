"""The data directory at rest: created readable by the user only, and crash reports inside it.

Everything we store (drafts database, library index, Chroma store, exports, crash reports) lives
under ``Settings.home``. The folder is created 0700 and database files are tightened to 0600, so
pasted material (which can hold secrets) is never readable by other users of the machine.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
CRASH_DIR = "crash-reports"


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) and make it 0700; returns it."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    with contextlib.suppress(OSError):  # a folder we do not own (e.g. shared mount): leave it
        if path.stat().st_mode & 0o777 != DIR_MODE:
            path.chmod(DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty if missing, with 0600, in a private parent; tighten an existing one."""
    private_dir(path.parent)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
        os.close(fd)
    tighten(path)
    return path


def tighten(*paths: Path) -> None:
    """Set 0600 on files (and 0700 on folders) that exist; a database's -wal/-shm files included."""
    for path in paths:
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            with contextlib.suppress(OSError):
                if p.is_dir():
                    p.chmod(DIR_MODE)
                elif p.exists():
                    p.chmod(FILE_MODE)


def tighten_tree(root: Path) -> None:
    """0700 on every folder and 0600 on every file under ``root`` (stores written by other libraries)."""
    if not root.exists():
        return
    tighten(root)
    for p in root.rglob("*"):
        with contextlib.suppress(OSError):
            p.chmod(DIR_MODE if p.is_dir() else FILE_MODE)


def home() -> Path:
    """The configured data directory, created private."""
    from assistant.config import get_settings

    return private_dir(get_settings().home)


def write_crash_report(exc: BaseException, *, command: str) -> Path | None:
    """Write the full traceback of an unexpected error under the data directory; None if that fails too."""
    try:
        folder = private_dir(home() / CRASH_DIR)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        path = folder / f"crash-{stamp}-{os.getpid()}.txt"
        body = [
            f"command: {command}",
            f"time: {datetime.now(UTC).isoformat()}",
            f"python: {sys.version.split()[0]}",
            "",
            *traceback.format_exception(exc),
        ]
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("\n".join(body))
        return path
    except Exception:  # noqa: BLE001 — inside the crash handler: the report is best effort, the one-line message still reaches the user
        return None


def crash_line(exc: BaseException, report: Path | None) -> str:
    """The one line a person sees for an unexpected error: what failed and where the report is."""
    what = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'no message'}"
    if len(what) > 200:
        what = what[:199] + "…"
    where = f"full report in {report}" if report else "no report could be written (check POSTMORTEM_HOME)"
    return f"unexpected error ({what}); {where} — please attach it when reporting the problem"
