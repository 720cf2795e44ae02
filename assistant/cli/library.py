"""``postmortem index`` and ``postmortem similar``: the library of past postmortems."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add the ``index`` and ``similar`` commands."""
    app.command(
        "index", help="Index a folder of past postmortems (Markdown, text, JSON drafts); incremental."
    )(index_command)
    app.command(
        "similar",
        help="Find past postmortems similar to TEXT, a file, a draft, or a JSONL file of queries.",
    )(similar_command)


def index_command(
    folder: Annotated[Path, typer.Argument(help="folder of past postmortems")],
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
) -> None:
    """Index a folder of past postmortems into the library and report what was added or skipped."""
    from assistant.retrieval.library import Library

    lib = Library.open()
    report = lib.index_folder(folder)
    for skipped in report.skipped:
        print(f"skipped: {skipped}", file=sys.stderr)
    for problem in report.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    if as_json:
        print(json.dumps({**report.model_dump(), "total": len(lib)}))
    else:
        print(f"{folder}: {report.summary()}; library holds {len(lib)} postmortems")


def similar_command(
    text: Annotated[str | None, typer.Argument(help="incident description")] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", help="read the incident text from a file ('-' for standard input)"),
    ] = None,
    from_draft: Annotated[
        Path | None, typer.Option("--from-draft", help="a JSON draft written by `postmortem draft`")
    ] = None,
    queries: Annotated[
        Path | None, typer.Option("--queries", help='JSONL of {"qid", "query"}; writes one line per query')
    ] = None,
    k: Annotated[int, typer.Option("-k", help="how many results")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
) -> None:
    """Past postmortems most like an incident description, a file or a saved draft, with why."""
    from assistant.retrieval.library import Library

    given = [x for x in (text, file, from_draft, queries) if x is not None]
    if len(given) != 1:
        print("error: give exactly one of TEXT, --file, --from-draft or --queries", file=sys.stderr)
        raise typer.Exit(2)
    if queries is not None:
        batch = _read_queries(queries)
        lib = Library.open()
        for qid, query in batch:
            results = [
                {"id": m.id, "title": m.title, "score": m.score, "why": m.why}
                for m in lib.similar(query, k=k)
            ]
            print(json.dumps({"qid": qid, "results": results}, ensure_ascii=False))
        return
    query = _query_text(text, file, from_draft)
    if not query.strip():
        from assistant.errors import InputError

        where = "TEXT" if text is not None else str(file or from_draft)
        raise InputError(
            "the query is empty; describe the incident (symptoms, services, cause), e.g. "
            '`postmortem similar "connection pool exhausted by a CSV export"`',
            path=where,
        )
    matches = Library.open().similar(query, k=k)
    if as_json:
        print(json.dumps({"results": [m.model_dump() for m in matches]}, ensure_ascii=False, indent=2))
        return
    if not matches:
        print("no similar postmortems (is the library empty? run `postmortem index DIR`)", file=sys.stderr)
    for n, m in enumerate(matches, 1):
        print(f"{n}. {m.title}  [{m.id}, score {m.score:.2f}{', ' + m.date if m.date else ''}]")
        print(f"   why: {m.why}")
        if m.url:
            print(f"   {m.url}")
        for item in m.seen_before:
            print(f"   seen before: {item.text} ({item.status or 'status not stated'})")


def _query_text(text: str | None, file: Path | None, from_draft: Path | None) -> str:
    from assistant.errors import InputError

    if text is not None:
        return text
    path = file or from_draft
    assert path is not None
    try:
        raw = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror}); check the path", path=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 text (byte {exc.start}); pass a text file", path=str(path)
        ) from exc
    if from_draft is None:
        return raw
    from assistant.retrieval.parse import draft_query_text

    try:
        draft = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg})", path=str(path), line=exc.lineno) from exc
    if not isinstance(draft, dict):
        raise InputError(
            "expected a JSON object (a draft from `postmortem draft --format json`)", path=str(path)
        )
    return draft_query_text(draft)


def _read_queries(path: Path) -> list[tuple[str, str]]:
    from assistant.errors import InputError
    from assistant.jsonl import jsonl_rows

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", path=str(path)) from exc
    out = []
    for n, obj in jsonl_rows(text, str(path), shape='{"qid": ..., "query": ...}'):
        if "query" not in obj:
            raise InputError('each line needs {"qid": ..., "query": ...}', path=str(path), line=n)
        out.append((str(obj.get("qid", n)), str(obj["query"])))
    return out
