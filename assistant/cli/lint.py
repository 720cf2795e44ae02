"""`postmortem lint`: blame tone linter for Markdown/text files, and a JSON Lines batch mode.

Exit codes: 0 clean, 1 findings, 2 error. Imports stay light so the linter starts fast.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

if TYPE_CHECKING:
    from assistant.tone import ToneFinding

_INLINE_CODE = re.compile(r"`[^`\n]+`")


def register(app: typer.Typer) -> None:
    """Add the `lint` command."""
    app.command("lint", help="Check Markdown or text for blameful language (exit 0 clean, 1 findings, 2 error).")(lint)


def lint(
    files: Annotated[list[Path] | None, typer.Argument(help="Markdown or text files ('-' reads stdin)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print findings as a JSON list")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help='batch mode: FILE holds lines {"id", "text"}')] = False,
    provider: Annotated[str | None, typer.Option("--provider", help="LLM provider for a second opinion")] = None,
) -> None:
    """Lint files for blame; print `file:line:col category: message` and a suggested rewrite."""
    from assistant.errors import PostmortemError

    if not files:
        _fail("no input: give one or more FILEs (or '-' for stdin)")
    try:
        checker = _checker(provider)
        if jsonl:
            found = any([_run_jsonl(path, checker) for path in files])
        else:
            found = _run_files(files, checker, as_json=as_json)
    except (PostmortemError, OSError) as exc:
        _fail(str(exc))
    raise typer.Exit(1 if found else 0)


def _checker(provider: str | None) -> Any:
    from assistant.tone import check_text

    if not provider:
        return check_text
    from assistant.llm import get_provider  # lazy: providers pull in heavy clients
    from assistant.tone import check_text_llm

    prov = get_provider(provider)
    return lambda text: check_text_llm(text, prov)


def _read(path: Path) -> str:
    from assistant.errors import EncodingError, InputError

    if str(path) == "-":
        return sys.stdin.read()
    if not path.exists():
        raise InputError("file not found; check the path", path=str(path))
    if path.is_dir():
        raise InputError("is a folder; pass the Markdown or text files inside it", path=str(path))
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(f"not valid UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8",
                            path=str(path)) from exc


def _run_files(files: list[Path], checker: Any, *, as_json: bool) -> bool:
    report: list[dict[str, Any]] = []
    count = 0
    for path in files:
        text = _read(path)
        code = [(m.start(), m.end()) for m in _INLINE_CODE.finditer(text)]
        findings: list[ToneFinding] = [f for f in checker(text)
                                       if not any(s <= f.start and f.end <= e for s, e in code)]
        count += len(findings)
        for f in findings:
            if as_json:
                report.append({"file": str(path), "line": f.line, "col": f.col, "start": f.start, "end": f.end,
                               "category": f.category, "text": f.text, "message": f.explanation,
                               "suggestion": f.suggestion, "source": f.source})
            else:
                print(f"{path}:{f.line}:{f.col} {f.category}: {f.explanation} (\"{f.text}\")")
                print(f"    suggestion: {f.suggestion}")
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    return count > 0


def _run_jsonl(path: Path, checker: Any) -> bool:
    from assistant.errors import MalformedInputError

    text = _read(path)
    found = False
    out = sys.stdout
    items: list[dict[str, Any]] = []
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise MalformedInputError(f"not JSON ({exc.msg}); each line must be {{\"id\", \"text\"}}",
                                      path=str(path), line=n) from exc
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise MalformedInputError('each line must be an object with a string "text"', path=str(path), line=n)
        items.append(item)
    for item, findings in zip(items, _check_all(checker, [i["text"] for i in items]), strict=True):
        found = found or bool(findings)
        row = {"id": item.get("id"), "blameful": bool(findings),
               "findings": [{"start": f.start, "end": f.end, "text": f.text, "category": f.category,
                             "suggestion": f.suggestion} for f in findings]}
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return found


def _check_all(checker: Any, texts: list[str]) -> list[list[ToneFinding]]:
    """The default checker runs as one batch (the semantic stage embeds all sentences at once)."""
    from assistant.tone import check_text, check_texts

    if checker is check_text:
        return check_texts(texts)
    return [checker(t) for t in texts]


def _fail(message: str) -> NoReturn:
    print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(2)
