"""``postmortem redact PATH...``: show what redaction would replace, and where, sending nothing."""

from __future__ import annotations

import json
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer


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
        explain: Annotated[
            bool, typer.Option("--explain", help="say why each item is redacted")
        ] = False,
    ) -> None:
        """List every secret, personal datum and injection-looking line (file:line, kind, placeholder)."""
        rows, injections = scan_paths(paths, names=name or [])
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


def _texts(path: Path) -> Iterator[tuple[str, str]]:
    """(display name, text) for every readable text file under path; binary files are skipped."""
    from assistant.errors import InputError

    if not path.exists():
        raise InputError("no such file or folder; check the path", path=str(path))
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            yield from _texts(child)
        return
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                if not info.is_dir():
                    text = _decode(zf.read(info))
                    if text is not None:
                        yield f"{path}!{info.filename}", text
        return
    text = _decode(path.read_bytes())
    if text is None:
        print(f"skipped {path}: not UTF-8 text", file=sys.stderr)
        return
    yield str(path), text


def _decode(data: bytes) -> str | None:
    if b"\x00" in data[:4096]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def scan_paths(paths: list[Path], *, names: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Findings (file, line, column, kind, placeholder, rule, masked preview) and injection lines."""
    from assistant.config import get_settings
    from assistant.injection import looks_like_injection
    from assistant.redact import Redactor

    redactor = Redactor(alias_names=bool(names), names=names, customers=get_settings().redact_customers)
    rows: list[dict[str, Any]] = []
    injections: list[dict[str, Any]] = []
    texts = [t for path in paths for t in _texts(path)]
    for _display, text in texts:
        redactor.findings(text)  # learn values first: a name seen late is then reported everywhere
    for display, text in texts:
        starts = [0]
        starts += [i + 1 for i, c in enumerate(text) if c == "\n"]
        for f in redactor.findings(text):
            line = _line_of(starts, f.start)
            rows.append(
                {
                    "file": display,
                    "line": line,
                    "column": f.start - starts[line - 1] + 1,
                    "kind": f.kind,
                    "placeholder": f.placeholder,
                    "rule": f.rule,
                    "preview": f.masked,
                    "why": f.why,
                }
            )
        for n, line_text in enumerate(text.splitlines(), 1):
            if looks_like_injection(line_text):
                preview = redactor.redact(line_text.strip())
                injections.append({"file": display, "line": n, "preview": preview[:100]})
    return rows, injections


def _line_of(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset)
