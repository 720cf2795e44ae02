"""`postmortem lint`: blame tone linter for Markdown/text files, and a JSON Lines batch mode.

Exit codes: 0 clean, 1 findings, 2 error. Imports stay light so the linter starts fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

if TYPE_CHECKING:
    from assistant.tone import ToneFinding
    from assistant.tone.markdown import Block, ProseView


def register(app: typer.Typer) -> None:
    """Add the `lint` command."""
    app.command(
        "lint", help="Check Markdown or text for blameful language (exit 0 clean, 1 findings, 2 error)."
    )(lint)


def lint(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Markdown or text files ('-' reads stdin)")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print findings as a JSON list")] = False,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help='batch mode: FILE holds lines {"id", "text"}')
    ] = False,
    provider: Annotated[
        str | None, typer.Option("--provider", help="LLM provider for a second opinion")
    ] = None,
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


Checker = Callable[[list[str], bool], list[list["ToneFinding"]]]
MODEL_BUDGET_CHARS = 2_000_000
"""Per file, the model stages (embeddings, parse) read the first 2 MB; the rest gets the rules only,
so a 50 MB file streams at the rules' speed (said on stderr when it happens)."""
_PLAIN_SUFFIXES = (".txt", ".text", ".log")


def _checker(provider: str | None) -> Checker:
    from assistant.tone import check_text_llm, check_texts

    if not provider:
        return lambda texts, models: check_texts(texts, semantic=None if models else False)
    from assistant.llm import provider_from_settings  # lazy: providers pull in heavy clients

    prov = provider_from_settings(provider)
    if prov is None:  # offline: no model for a second opinion, the rules and model stages only
        return lambda texts, models: check_texts(texts, semantic=None if models else False)
    return lambda texts, models: [check_text_llm(t, prov) for t in texts]


def _read(path: Path) -> str:
    from assistant.errors import EncodingError

    if str(path) == "-":
        return sys.stdin.read()
    _check_path(path)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"not valid UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8", path=str(path)
        ) from exc


def _check_path(path: Path) -> None:
    from assistant.errors import BinaryInputError, InputError
    from assistant.ingest._io import looks_binary

    if not path.exists():
        raise InputError("file not found; check the path", path=str(path))
    if path.is_dir():
        raise InputError("is a folder; pass the Markdown or text files inside it", path=str(path))
    with path.open("rb") as fh:
        if looks_binary(fh.read(8192)):
            raise BinaryInputError("a binary file, not Markdown or text; lint reads prose", path=str(path))


def _lines(path: Path) -> Iterator[str]:
    """The file's lines with their endings, read lazily (stdin for '-')."""
    from assistant.errors import EncodingError

    if str(path) == "-":
        yield from sys.stdin
        return
    _check_path(path)
    n = 0
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for n, line in enumerate(fh, start=1):  # noqa: B007 - n names the line in the error
                yield line
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"not valid UTF-8 ({exc.reason}) after line {n}; save it as UTF-8", path=str(path)
        ) from exc


def _run_files(files: list[Path], checker: Checker, *, as_json: bool) -> bool:
    report: list[dict[str, Any]] = []
    count = 0
    for row in _lint_files(files, checker):
        count += 1
        if as_json:
            report.append(row)
        else:
            print(
                f'{row["file"]}:{row["line"]}:{row["col"]} {row["category"]}: {row["message"]} ("{row["text"]}")'
            )
            print(f"    suggestion: {row['suggestion']}")
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    return count > 0


def _lint_files(files: list[Path], checker: Checker) -> Iterator[dict[str, Any]]:
    """Findings of every file, in order; small files are checked together (one embedding batch)."""
    from assistant.tone.markdown import BLOCK_CHARS

    batch: list[_Piece] = []
    size = 0
    for path in files:
        for piece in _pieces(path):
            if batch and piece.models != batch[-1].models:
                yield from _check_batch(batch, checker)
                batch, size = [], 0
            batch.append(piece)
            size += len(piece.block.text)
            if size >= BLOCK_CHARS:
                yield from _check_batch(batch, checker)
                batch, size = [], 0
    yield from _check_batch(batch, checker)


@dataclass(frozen=True)
class _Piece:
    path: Path
    block: Block
    view: ProseView
    models: bool


def _pieces(path: Path) -> Iterator[_Piece]:
    """One file as blocks with their prose views: Markdown read as Markdown, plain text as prose."""
    from assistant.tone.markdown import ProseView, blocks, prose_view

    markdown = not str(path).lower().endswith(_PLAIN_SUFFIXES)
    told = False
    for block in blocks(_lines(path)):
        view = prose_view(block.text, front_matter=block.line == 0) if markdown else ProseView(block.text)
        models = block.offset < MODEL_BUDGET_CHARS
        if not models and not told:
            print(
                f"note: {path}: past {MODEL_BUDGET_CHARS // 1_000_000} MB only the rules run "
                "(the embedding and parse stages read the start of a file)",
                file=sys.stderr,
            )
            told = True
        yield _Piece(path, block, view, models)


def _check_batch(batch: list[_Piece], checker: Checker) -> Iterator[dict[str, Any]]:
    from assistant.tone.spans import line_col

    if not batch:
        return
    for piece, found in zip(batch, checker([p.view.text for p in batch], batch[0].models), strict=True):
        block, view = piece.block, piece.view
        for f in found:
            line, col = line_col(block.text, f.start)
            quoted = view.in_quote(f.start)
            yield {
                "file": str(piece.path),
                "line": block.line + line,
                "col": col,
                "start": block.offset + f.start,
                "end": block.offset + f.end,
                "category": f.category,
                "text": block.text[f.start : f.end],
                "message": f.explanation + (" (in a quote)" if quoted else ""),
                "quote": quoted,
                "suggestion": f.suggestion,
                "source": f.source,
            }


def _run_jsonl(path: Path, checker: Checker) -> bool:
    from assistant.errors import MalformedInputError
    from assistant.jsonl import jsonl_rows

    text = _read(path)
    found = False
    out = sys.stdout
    items: list[dict[str, Any]] = []
    for n, item in jsonl_rows(text, str(path), shape='{"id", "text"}'):
        if not isinstance(item.get("text"), str):
            raise MalformedInputError(
                'each line must be an object with a string "text"', path=str(path), line=n
            )
        items.append(item)
    for item, findings in zip(items, _check_all(checker, [i["text"] for i in items]), strict=True):
        found = found or bool(findings)
        row = {
            "id": item.get("id"),
            "blameful": bool(findings),
            "findings": [
                {
                    "start": f.start,
                    "end": f.end,
                    "text": f.text,
                    "category": f.category,
                    "suggestion": f.suggestion,
                }
                for f in findings
            ],
        }
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return found


def _check_all(checker: Checker, texts: list[str]) -> list[list[ToneFinding]]:
    """The texts as one batch (the semantic stage embeds all sentences at once)."""
    return checker(texts, True)


def _fail(message: str) -> NoReturn:
    print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(2)
