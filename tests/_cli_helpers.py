"""Run the ``postmortem`` entry point in-process, exactly as the script does (top-level handler included)."""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Mapping
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "incident"


@dataclass
class CliRun:
    """Exit code and both output streams of one run."""

    code: int
    out: str
    err: str


def run_main(*args: str) -> CliRun:
    """``postmortem ARGS`` through ``assistant.cli.app.main`` (so no exception escapes uncaught)."""
    from assistant.cli.app import main

    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv
    sys.argv = ["postmortem", *args]
    code = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = saved
    return CliRun(code, out.getvalue(), err.getvalue())


def corrupt_member(zip_path: Path, member: str) -> None:
    """Damage the compressed bytes of one deflated member (its neighbours stay intact)."""
    with zipfile.ZipFile(zip_path) as zf:
        info = zf.getinfo(member)
    data = bytearray(zip_path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start, start + min(40, info.compress_size)):
        data[k] ^= 0x5A
    zip_path.write_bytes(bytes(data))


def zip_of(path: Path, members: Mapping[str, bytes | str], *, stored: bool = False) -> Path:
    """Write a zip archive with these members."""
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path
