"""``postmortem redact PATH...``: show what redaction would replace, and where, sending nothing."""

from __future__ import annotations

import json
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from assistant.cli._progress import Progress


def register(app: typer.Typer) -> None:
    """Add the ``redact`` command to the CLI."""

    @app.command("redact")
    def redact(
        paths: Annotated[list[Path], typer.Argument(help="incident files, folders or zips to scan")],
        as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
        name: Annotated[
            list[str] | None, typer.Option("--name", help="a person's name or handle to alias (repeatable)")
        ] = None,
        check: Annotated[
            bool, typer.Option("--check", help="exit 1 when anything would be replaced")
        ] = False,
        explain: Annotated[bool, typer.Option("--explain", help="say why each item is redacted")] = False,
    ) -> None:
        """List every secret, personal datum and injection-looking line (file:line, kind, placeholder)."""
        from assistant.cli._progress import Progress

        with Progress() as progress:
            rows, injections = scan_paths(paths, names=name or [], progress=progress)
        if as_json:
            doc = {
                "findings": rows,
                "injection": injections,
                "summary": dict(Counter(r["kind"] for r in rows)),
            }
            sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        else:
            for r in rows:
                print(
                    f"{r['file']}:{r['line']}:{r['column']}\t{r['kind']}\t{r['placeholder']}\t{r['rule']}\t{r['preview']}"
                    + (f"\t{r['why']}" if explain else "")
                )
            for i in injections:
                print(
                    f"{i['file']}:{i['line']}\tinjection\t-\tlooks like instructions to an AI\t{i['preview']}"
                )
            counts = Counter(r["kind"] for r in rows)
            summary = ", ".join(f"{n} {k}" for k, n in counts.most_common()) or "nothing to redact"
            print(
                f"{summary}; {len(injections)} injection-looking line(s). Nothing was sent anywhere.",
                file=sys.stderr,
            )
        if check and (rows or injections):
            raise typer.Exit(1)


# Redaction runs over pieces of about this many characters, cut between lines, so a large
# log never sits in memory whole; a secret spanning lines (a PEM block) fits in one piece.
CHUNK_CHARS = 1024 * 1024


@dataclass
class _Text:
    """One readable input: its display name and how to read it again in pieces (two passes)."""

    display: str
    pieces: Callable[[], Iterator[str]]


def _texts(path: Path, *, max_bytes: int) -> Iterator[_Text]:
    """Every readable text input under path; binary, empty and damaged inputs are reported and skipped."""
    from assistant.errors import InputError
    from assistant.ingest._io import (
        broken_zip_message,
        load_bytes,
        load_file,
        looks_like_zip,
        read_zip_member,
        zip_member_names,
    )

    if not path.exists():
        raise InputError("no such file or folder; check the path", path=str(path))
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            yield from _texts(child, max_bytes=max_bytes)
        return
    if zipfile.is_zipfile(path) or looks_like_zip(path):
        try:
            zf = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, EOFError, ValueError) as exc:
            _skipped(str(path), broken_zip_message(exc))
            return
        with zf:
            for info in zip_member_names(zf):
                name = f"{path}!{info.filename}"
                got = read_zip_member(zf, info, max_bytes=max_bytes)
                if got.data is None:
                    _skipped(name, got.error or "cannot be read")
                    continue
                try:
                    ld = load_bytes(got.data, name, max_bytes=max_bytes)
                except InputError as exc:
                    _skipped(name, exc.reason)
                    continue
                yield _Text(name, lambda ld=ld: ld.chunks(CHUNK_CHARS))  # type: ignore[misc]
        return
    try:
        loaded = load_file(path, str(path), max_bytes=max_bytes)
    except InputError as exc:
        _skipped(str(path), exc.reason)
        return
    except OSError as exc:
        _skipped(str(path), f"cannot be read ({exc.strerror or exc}); check permissions")
        return
    if loaded.fs_path is not None and loaded.encoding == "utf-8":
        loaded.text = None  # re-read in pieces from disk on each pass: memory stays bounded
    yield _Text(str(path), lambda: loaded.chunks(CHUNK_CHARS))


def _skipped(name: str, why: str) -> None:
    print(f"skipped {name}: {why}", file=sys.stderr)


def scan_paths(
    paths: list[Path], *, names: list[str], progress: Progress | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Findings (file, line, column, kind, placeholder, rule, masked preview) and injection lines.

    Two passes over each input, each in pieces: the first learns values (a name seen late is then
    reported everywhere), the second reports. Memory stays bounded by the piece size.
    """
    from assistant.config import get_settings
    from assistant.injection import looks_like_injection
    from assistant.redact import Redactor

    redactor = Redactor.from_settings(alias_names=bool(names), names=names)
    rows: list[dict[str, Any]] = []
    injections: list[dict[str, Any]] = []
    max_bytes = get_settings().max_input_bytes
    texts = [t for path in paths for t in _texts(path, max_bytes=max_bytes)]
    for n, t in enumerate(texts, 1):
        if progress:
            progress.stage(f"learning names and secrets: {n}/{len(texts)} {t.display}")
        for piece in t.pieces():
            redactor.findings(piece)
    for n, t in enumerate(texts, 1):
        if progress:
            progress.stage(f"reporting: {n}/{len(texts)} {t.display}")
        first_line = 1
        for piece in t.pieces():
            starts = [0]
            starts += [m.end() for m in _NEWLINE.finditer(piece)]
            for f in redactor.findings(piece):
                line = _line_of(starts, f.start)
                rows.append(
                    {
                        "file": t.display,
                        "line": first_line + line - 1,
                        "column": f.start - starts[line - 1] + 1,
                        "kind": f.kind,
                        "placeholder": f.placeholder,
                        "rule": f.rule,
                        "preview": f.masked,
                        "why": f.why,
                    }
                )
            for n, line_text in enumerate(piece.split("\n"), first_line):
                if looks_like_injection(line_text):
                    preview = redactor.redact(line_text.strip())
                    injections.append({"file": t.display, "line": n, "preview": preview[:100]})
            first_line += len(starts)
    return rows, injections


_NEWLINE = re.compile("\n")


def _line_of(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset)
