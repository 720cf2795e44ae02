"""Dispatch: paths → loaded inputs → detected format → parser. Folders and Slack zips expand."""

from __future__ import annotations

import csv
import json
import zipfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from assistant.domain import InputProblem, ParsedSource
from assistant.errors import InputError, MalformedInputError, UnsupportedFormatError
from assistant.ingest import (
    alert_mail,
    alerts,
    alerts_csv,
    chat_csv,
    chat_json,
    chat_layout,
    chat_text,
    email_thread,
    html_text,
    jsonlog,
    k8s,
    large_log,
    logs,
    notes,
    slack,
    slowlog,
    tickets,
    tickets_xml,
)
from assistant.ingest._io import (
    Loaded,
    broken_zip_message,
    load_bytes,
    load_file,
    looks_like_zip,
    read_zip_member,
    zip_member_names,
)
from assistant.ingest._json import JsonDoc, all_nested_item_lines, nested_doc, nested_item_lines, parse_json
from assistant.ingest.detect import detect_json, detect_text

_Out = tuple[list[ParsedSource], list[InputProblem]]
_UNSUPPORTED = (
    "format not recognised; supported: Slack export JSON, chat JSON exports (Discord, Teams, Mattermost), chat "
    "text pasted from any client (a speaker and a time per message: Slack, Teams, Discord, Zoom, WhatsApp, IRC, "
    "'14:02 name: text'), logs (ISO-8601, syslog, JSON lines, access logs, kubectl events), alert JSON "
    "(Alertmanager, Grafana, PagerDuty, Opsgenie, Datadog, CloudWatch/SNS, EventBridge, Sentry, Statuspage), "
    "alert e-mails (Zabbix, Nagios, Icinga), ticket CSV exports and notes with times like '14:02'"
)


def _problem(exc: InputError, name: str) -> InputProblem:
    return InputProblem(path=exc.path or name, line=exc.line, message=exc.reason)


def read_path(given: str, *, max_bytes: int) -> _Out:
    """One path as given by the user: a file, a folder, or a Slack workspace zip."""
    path = Path(given)
    try:
        if path.is_dir():
            return _read_folder(path, given, max_bytes=max_bytes)
        if not path.exists():
            return [], [InputProblem(path=given, message="no such file or folder; check the path")]
        if zipfile.is_zipfile(path) or looks_like_zip(path):
            return _read_zip(path, given, max_bytes=max_bytes)
        return parse_loaded(load_file(path, given, max_bytes=max_bytes))
    except InputError as exc:
        return [], [_problem(exc, given)]
    except OSError as exc:
        return [], [
            InputProblem(path=given, message=f"cannot be read ({exc.strerror or exc}); check permissions")
        ]


def parse_bytes(data: bytes, name: str, *, max_bytes: int | None) -> _Out:
    """Parse in-memory content (pasted text, zip members)."""
    try:
        return parse_loaded(load_bytes(data, name, max_bytes=max_bytes))
    except InputError as exc:
        return [], [_problem(exc, name)]


def parse_loaded(ld: Loaded) -> _Out:
    """Detect the format of one loaded input and parse it."""
    problems: list[InputProblem] = []
    if ld.bad_encoding:
        problems.append(InputProblem(path=ld.name, line=ld.bad_encoding[0], message=ld.bad_encoding[1]))
    try:
        src = _parse(ld, problems)
    except InputError as exc:
        return [], [*problems, _problem(exc, ld.name)]
    except (
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        OverflowError,
        RecursionError,
        csv.Error,
    ) as exc:  # a parser met content it cannot read
        return [], [
            *problems,
            InputProblem(path=ld.name, message=f"could not be parsed ({exc}); check the content"),
        ]
    if src is None:
        return [], problems
    if src.coverage is not None:
        # Lines a parser could not use are problems people see, with the reason and the count.
        problems.extend(
            InputProblem(path=ld.name, message=f"{n} line(s) not used: {reason}")
            for reason, n in src.coverage.dropped.items()
            if n
        )
    # What a parser skipped, with its reason, reaches the user.
    said = {p.message for p in problems}
    for w in src.warnings:
        msg = w.removeprefix(f"{ld.name}:").strip()
        line, _, rest = msg.partition(":")
        at = int(line) if line.isdigit() and rest else None
        msg = rest.strip() if at is not None else msg
        if msg not in said and not any(msg in m or m in msg for m in said):
            problems.append(InputProblem(path=ld.name, line=at, message=msg))
    return [src], problems


# Text formats read line by line, by the name ``detect_text`` gives them.
_LINE_READERS: dict[str, Callable[[list[str], str], ParsedSource]] = {
    "chat": chat_text.parse_chat,
    "chat-layout": chat_layout.parse_chat_layout,
    "alert-mail": alert_mail.parse_alert_mail,
    "email": email_thread.parse_email_thread,
    "notes": notes.parse_notes,
    "mysql-slow": slowlog.parse_slow_log,
}

# Tables read whole (a quoted cell may span lines), by the name ``detect_text`` gives them.
_TABLE_READERS: dict[str, Callable[[str, str], ParsedSource]] = {
    "tickets": tickets.parse_tickets,
    "alert-csv": alerts_csv.parse_alert_csv,
    "chat-csv": chat_csv.parse_chat_csv,
}


def _parse(ld: Loaded, problems: list[InputProblem]) -> ParsedSource | None:
    head = ld.sample.lstrip()
    if head[:1] == "{" and chat_json.looks_like_mattermost(ld.sample):
        found = chat_json.mattermost_posts(ld.lines())
        if found is not None:
            return chat_json.parse_chat_json(found[0], ld.name, found[1], fmt="mattermost-jsonl")
    if tickets_xml.looks_like_xml(head):  # ticket exports, else the document's text like a page's
        return tickets_xml.parse_ticket_xml(ld.full_text(), ld.name) or _parse_html(ld)
    if html_text.looks_like_html(head):
        return _parse_html(ld)
    if head[:1] in "[{":
        src = _parse_json(ld, problems)
        if src is not None:
            return src
    fmt = detect_text(ld.sample)
    if fmt is None:
        if head[:1] in "[{" and problems:
            return None  # the JSON error already explains it
        raise UnsupportedFormatError(_UNSUPPORTED, path=ld.name, line=1)
    if (by_lines := _LINE_READERS.get(fmt)) is not None:
        return by_lines(list(ld.lines()), ld.name)
    if (whole := _TABLE_READERS.get(fmt)) is not None:
        return whole(ld.full_text(), ld.name)
    if fmt == "k8s-events":
        src, msg = k8s.parse_events_text(ld.lines(), ld.name)
        if msg:
            problems.append(InputProblem(path=ld.name, line=1, message=msg))
        return src
    if ld.size >= logs.LARGE_BYTES:
        return large_log.parse_large_log(ld, ld.name)
    return logs.parse_log(ld.lines(), ld.name, sample=ld.sample)


def _parse_html(ld: Loaded) -> ParsedSource:
    """An HTML page read as its text: detected and parsed like a paste, each record citing its HTML line."""
    lines, origin = html_text.page_lines(ld.full_text())
    sample = "\n".join(lines[:300])
    fmt = detect_text(sample)
    by_lines = _LINE_READERS.get(fmt or "notes")
    if fmt is not None and by_lines is None:
        src = logs.parse_log(lines, ld.name, sample=sample)
    else:
        src = (by_lines or notes.parse_notes)(lines, ld.name)

    def cited(line: int) -> int:
        return origin[line - 1] if 0 < line <= len(origin) else line

    records = [
        r.model_copy(update={"ref": r.ref.model_copy(update={"line": cited(r.ref.line)})})
        for r in src.records
    ]
    cov = src.coverage
    if cov is not None:
        cov = cov.model_copy(update={"why": f"an HTML page read as its {len(lines)} text lines; {cov.why}"})
    return src.model_copy(update={"records": records, "coverage": cov})


def _parse_json(ld: Loaded, problems: list[InputProblem]) -> ParsedSource | None:
    """JSON documents; None when the content is JSON lines or not JSON at all."""
    first = ld.sample.lstrip().split("\n", 1)[0].strip()
    if first.startswith("{") and first.endswith("}"):
        try:
            json.loads(first)
            second = [ln for ln in ld.sample.split("\n")[1:4] if ln.strip()]
            if second and second[0].lstrip().startswith("{"):
                return None  # JSON lines: a log
        except ValueError:
            pass
    text = ld.full_text()
    try:
        doc = parse_json(text)
    except json.JSONDecodeError as exc:
        if detect_text(ld.sample) is not None:
            return None  # e.g. "[14:02] alice: ..." chat starts with a bracket too
        problems.append(
            InputProblem(
                path=ld.name,
                line=exc.lineno,
                message=f"invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg}); "
                "the file may be truncated — re-export it or fix the JSON",
            )
        )
        return None
    if detect_json(doc.value) is None and detect_text(ld.sample) is not None:
        return None
    if doc.truncated:
        ln, col, msg = doc.truncated
        problems.append(
            InputProblem(
                path=ld.name,
                line=ln,
                message=f"JSON list breaks at line {ln} column {col} ({msg}); kept the {len(doc.value)} complete "
                "items before it — re-export the file for the rest",
            )
        )
    return _dispatch_json(doc, ld.name)


def _dispatch_json(doc: JsonDoc, name: str) -> ParsedSource:
    kind = detect_json(doc.value)
    if kind == "slack-export":
        if isinstance(doc.value, dict):
            doc = JsonDoc(doc.value["messages"], doc.text)
        return slack.parse_messages(doc, name)
    if kind == "k8s-events-json":
        return k8s.parse_events_json(doc, name)
    if kind == "alerts":
        return alerts.parse_alerts(doc, name)
    if kind == "alert-list":
        return alerts.parse_alerts(nested_doc(doc, "incidents"), name)
    if kind == "chat-json":
        msgs = chat_json.messages_of(doc.value) or []
        lines = doc.item_lines if isinstance(doc.value, list) else None
        if chat_json.skype_messages(doc.value) is not None:
            lines = all_nested_item_lines(doc.text, "MessageList")
        return chat_json.parse_chat_json(msgs, name, lines)
    if kind == "log-records":
        return jsonlog.parse_log_records(doc, name)
    if kind == "tickets-json" and (found := tickets.json_tickets(doc.value)) is not None:
        key, items = found
        lines = doc.item_lines if key is None else nested_item_lines(doc.text, key, 0, len(doc.text))
        return tickets.parse_json_tickets(items, lines, name)
    raise UnsupportedFormatError(
        "JSON, but not a format we read (Slack export, Alertmanager/Grafana/PagerDuty/Opsgenie alerts, "
        "kubectl events -o json); JSON logs should be one object per line",
        path=name,
        line=1,
    )


# Evaluation case folders (see README) keep their expected answers beside the inputs.
ANSWER_FILES = frozenset({"gold.json"})
# Program source found in a folder the user passed: skipped with a reason (named explicitly, it is read).
PROGRAM_SUFFIXES = frozenset(
    {
        ".py",
        ".pyc",
        ".js",
        ".mjs",
        ".ts",
        ".go",
        ".rb",
        ".java",
        ".kt",
        ".rs",
        ".c",
        ".h",
        ".cpp",
        ".cs",
        ".php",
        ".swift",
    }
)


def _read_folder(root: Path, given: str, *, max_bytes: int) -> _Out:
    if (root / "channels.json").is_file() or (root / "users.json").is_file():
        return _read_workspace_dir(root, given, max_bytes=max_bytes)
    sources: list[ParsedSource] = []
    problems: list[InputProblem] = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not p.is_file():
            continue
        if p.name in ANSWER_FILES:  # an evaluation case's answers, never incident material
            continue
        if p.suffix.lower() in PROGRAM_SUFFIXES:
            # A script kept beside the material (a case's generator, a repro) is code, not something
            # that happened; read as notes it put its lines on the timeline.
            problems.append(
                InputProblem(
                    path=str(Path(given) / rel),
                    message="program source, not incident material: skipped in the folder "
                    "(pass the file by name to read it)",
                )
            )
            continue
        s, pr = read_path(str(Path(given) / rel), max_bytes=max_bytes)
        sources += s
        problems += pr
    if not sources and not problems:
        problems.append(InputProblem(path=given, message="folder holds no files (hidden files are skipped)"))
    return sources, problems


def _workspace_members(names: list[str]) -> tuple[str | None, list[str]]:
    """users.json member and the <channel>/<date>.json members of a workspace export."""
    users = next((n for n in names if PurePosixPath(n).name == "users.json"), None)
    chans = [
        n
        for n in names
        if n.endswith(".json") and len(PurePosixPath(n).parts) >= 2 and PurePosixPath(n).stem[:4].isdigit()
    ]
    return users, sorted(chans)


def _workspace(
    read: dict[str, bytes | None], users_name: str | None, chans: list[str], prefix: str, max_bytes: int
) -> _Out:
    """Channels of a workspace export; a member that could not be read (None) was reported already."""
    users: dict[str, str] = {}
    problems: list[InputProblem] = []
    raw_users = read.get(users_name) if users_name else None
    if users_name and raw_users is not None:
        try:
            users = slack.user_names(json.loads(raw_users))
        except json.JSONDecodeError as exc:
            problems.append(
                InputProblem(
                    path=f"{prefix}{users_name}",
                    line=exc.lineno,
                    message=f"users.json is not valid JSON at line {exc.lineno} column {exc.colno} ({exc.msg}); "
                    "names show as user ids — re-export the workspace",
                )
            )
        except ValueError as exc:  # not UTF-8
            problems.append(
                InputProblem(
                    path=f"{prefix}{users_name}",
                    message=f"users.json cannot be read ({exc}); "
                    "names show as user ids — re-export the workspace",
                )
            )
    sources: list[ParsedSource] = []
    for member in chans:
        name = f"{prefix}{member}"
        data = read.get(member)
        if data is None:
            continue
        try:
            ld = load_bytes(data, name, max_bytes=max_bytes)
            doc = parse_json(ld.full_text())
        except InputError as exc:
            problems.append(_problem(exc, name))
            continue
        except json.JSONDecodeError as exc:
            problems.append(
                InputProblem(
                    path=name,
                    line=exc.lineno,
                    message=f"invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg}); re-export the channel",
                )
            )
            continue
        if doc.truncated:
            ln, col, msg = doc.truncated
            problems.append(
                InputProblem(
                    path=name,
                    line=ln,
                    message=f"JSON list breaks at line {ln} column {col} ({msg}); kept the {len(doc.value)} complete "
                    "messages before it — re-export the channel for the rest",
                )
            )
        if not slack.looks_like_messages(doc.value):
            continue
        channel = PurePosixPath(member).parts[-2]
        try:
            sources.append(slack.parse_messages(doc, name, users=users, channel=channel))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            problems.append(
                InputProblem(path=name, message=f"could not be parsed ({exc}); check the content")
            )
    return sources, problems


def _read_zip(path: Path, given: str, *, max_bytes: int) -> _Out:
    """Every member on its own: a damaged member is a problem naming it, the others are used."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        return [], [InputProblem(path=given, message=broken_zip_message(exc))]
    sources: list[ParsedSource] = []
    problems: list[InputProblem] = []
    with zf:
        infos = zip_member_names(zf)
        total = sum(i.file_size for i in infos)
        if total > max_bytes:
            raise MalformedInputError(
                f"unpacks to {total / 2**20:.0f} MB, over the limit; unpack it and pass the files you need, "
                "or raise POSTMORTEM_MAX_INPUT_BYTES",
                path=given,
            )

        def member(info: zipfile.ZipInfo) -> bytes | None:
            got = read_zip_member(zf, info, max_bytes=max_bytes)
            if got.error:
                problems.append(InputProblem(path=f"{given}:{info.filename}", message=got.error))
            return got.data

        by_name = {i.filename: i for i in infos}
        users_name, chans = _workspace_members(list(by_name))
        if chans:
            read = {n: member(by_name[n]) for n in [*chans, *([users_name] if users_name else [])]}
            s, pr = _workspace(read, users_name, chans, f"{given}:", max_bytes)
            return s, problems + pr
        for info in infos:
            data = member(info)
            if data is None:
                continue
            s, pr = parse_bytes(data, f"{given}:{info.filename}", max_bytes=max_bytes)
            sources += s
            problems += pr
    return sources, problems


def _read_workspace_dir(root: Path, given: str, *, max_bytes: int) -> _Out:
    names = [p.relative_to(root).as_posix() for p in root.rglob("*.json") if p.is_file()]
    users_name, chans = _workspace_members(names)
    prefix = f"{given.rstrip('/')}/"
    problems: list[InputProblem] = []
    read: dict[str, bytes | None] = {}
    for n in [*chans, *([users_name] if users_name else [])]:
        try:  # one unreadable channel file must not lose the others
            read[n] = (root / n).read_bytes()
        except OSError as exc:
            read[n] = None
            problems.append(
                InputProblem(
                    path=f"{prefix}{n}", message=f"cannot be read ({exc.strerror or exc}); check permissions"
                )
            )
    sources, more = _workspace(read, users_name, chans, prefix, max_bytes)
    return sources, problems + more
