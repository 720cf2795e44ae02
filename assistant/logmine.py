"""``postmortem logs``: every line of a log with its time, level, service and template.

Reads each file with its learned layout (``ingest.textlog``), mines templates over the messages
(``templates.TemplateMiner``) and returns one ``MinedLine`` per input line, plus the templates with
counts, first/last time and examples for ``--summary``. Continuation lines (stack traces) carry
the time of their record and ``continues`` = the record's line; blank and untimed lines keep
``time`` null and say so in ``kind``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from assistant.ingest._io import Loaded, load_file
from assistant.ingest._json import parse_json
from assistant.ingest._records import PLACEHOLDER_DATE
from assistant.ingest.jsonlog import json_fields, json_time, log_record_items
from assistant.ingest.logs import date_hint
from assistant.ingest.stamp_dates import DateHint, Dater
from assistant.ingest.textlog import BLANK, CONTINUATION, RECORD, LogReader
from assistant.templates import Template, TemplateMiner

SAMPLE_LINES = 300
JSON_DOC_BYTES = 256 * 2**20
EXAMPLES = 3  # JSON documents are decoded whole


@dataclass(slots=True)
class MinedLine:
    """One input line: where, when, level, service, template key (id after ``finish``)."""

    file: str
    line: int
    kind: str
    time: datetime | None
    level: str | None
    service: str | None
    key: tuple[str, ...] | None
    has_year: bool
    text: str  # kept for the first few lines of each key only (examples); "" otherwise, to save memory
    continues: int | None = None


@dataclass
class TemplateSummary:
    """A template with its count, first/last time and up to three example lines."""

    template: Template
    first: datetime | None = None
    last: datetime | None = None
    examples: list[str] = field(default_factory=list)
    files: set[str] = field(default_factory=set)


def _iso(t: datetime | None, has_year: bool = True) -> str | None:
    """ISO-8601 as the log wrote it; without a year ``--MM-DDThh:mm:ss``, a time alone ``Thh:mm:ss`` (ISO 8601:2000)."""
    if t is None:
        return None
    if not has_year:  # a time of day alone sits on PLACEHOLDER_DATE: print the time only
        return "T" + t.isoformat()[11:] if t.date() == PLACEHOLDER_DATE else "--" + t.isoformat()[5:]
    return t.isoformat()


def mine_files(
    paths: Sequence[str | Path], *, max_bytes: int | None = None
) -> tuple[list[MinedLine], TemplateMiner]:
    """Mine every line of the given log files with one miner (templates shared across files)."""
    if max_bytes is None:
        from assistant.config import get_settings

        max_bytes = get_settings().max_input_bytes
    miner = TemplateMiner()
    out: list[MinedLine] = []
    for p in paths:
        out.extend(_mine_file(Path(p), str(p), miner, max_bytes))
    if len(paths) > 1:
        _years_from_other_files(out)
    miner.finish()
    return out, miner


def _years_from_other_files(lines: list[MinedLine]) -> None:
    """Stamps still without a year take the nearest consistent year of the other files' dated lines."""
    files = {
        ml.file
        for ml in lines
        if not ml.has_year and ml.time is not None and ml.time.date() != PLACEHOLDER_DATE
    }
    for name in files:
        others = sorted(
            ml.time.replace(tzinfo=None)
            for ml in lines
            if ml.file != name and ml.has_year and ml.time is not None
        )
        if not others:
            continue
        dater = Dater(DateHint(others[len(others) // 2].date(), "day", "dates of the other files"))
        for ml in lines:
            if ml.file == name and not ml.has_year and ml.time is not None:
                ml.time, _, ml.has_year = dater.fill(ml.time, True, False)


def _json_document(loaded: Loaded, name: str, miner: TemplateMiner) -> list[MinedLine] | None:
    """A JSON document holding log records (CloudWatch export, CloudTrail, Cloud Logging): one row per record."""
    if loaded.sample.lstrip()[:1] not in "[{" or loaded.size > JSON_DOC_BYTES:
        return None
    try:
        doc = parse_json(loaded.full_text())
    except ValueError:
        return None
    items, starts = log_record_items(doc)  # none when the document is not a log export
    if not items:
        return None
    out: list[MinedLine] = []
    for i, obj in enumerate(items):
        line = starts[i] if i < len(starts) else 1
        if not obj:
            continue
        t, level, text, host, svc = json_fields(obj)
        text = text.rstrip("\n")
        out.append(
            MinedLine(name, line, RECORD, json_time(t), level, svc or host, miner.add(text), True, text)
        )
    return out


def _mine_file(path: Path, name: str, miner: TemplateMiner, max_bytes: int) -> Iterator[MinedLine]:
    loaded = load_file(path, name, max_bytes=max_bytes)
    doc = _json_document(loaded, name, miner)
    if doc is not None:
        yield from doc
        return
    sample = loaded.sample.split("\n")[:SAMPLE_LINES]
    reader = LogReader.learn(sample)
    dater: Dater | None = None  # stamps without a year or date: from what the material says
    add = miner.add
    cur_time: datetime | None = None
    cur_line: int | None = None
    cur_year = True
    shown: dict[tuple[str, ...], int] = {}
    blank: MinedLine | None = None  # held back: the empty string after a file's final newline is no line
    for r in reader.rows(loaded.lines()):
        if blank is not None:
            yield blank
            blank = None
        if r.kind == BLANK:
            blank = MinedLine(name, r.line, r.kind, None, None, None, None, True, "")
            continue
        key = add(r.text)
        seen = shown.get(key, 0)
        text = r.text if seen < EXAMPLES else ""
        shown[key] = seen + 1
        t, has_year = r.time, r.has_year
        if not has_year and t is not None:
            if dater is None:
                dater = Dater(date_hint(name, loaded.sample, reader))
            t, _, has_year = dater.fill(t, r.has_date, False)
        if r.kind == RECORD:
            cur_time, cur_line, cur_year = t, r.line, has_year
        elif r.kind == CONTINUATION:
            t, has_year = cur_time, cur_year
        yield MinedLine(
            name,
            r.line,
            r.kind,
            t,
            r.level,
            r.service,
            key,
            has_year,
            text,
            cur_line if r.kind == CONTINUATION else None,
        )


def summarize(lines: Sequence[MinedLine], miner: TemplateMiner) -> list[TemplateSummary]:
    """Templates most frequent first, with first/last time and examples."""
    by_id: dict[str, TemplateSummary] = {}
    for ml in lines:
        if ml.key is None:
            continue
        t = miner.template_of(ml.key)
        s = by_id.get(t.id)
        if s is None:
            s = by_id[t.id] = TemplateSummary(t)
        if ml.time is not None:
            tt = ml.time if ml.time.tzinfo else ml.time.replace(tzinfo=UTC)
            if s.first is None or tt < s.first:
                s.first = tt
            if s.last is None or tt > s.last:
                s.last = tt
        if ml.text and len(s.examples) < 3 and ml.text not in s.examples:
            s.examples.append(ml.text[:300])
        s.files.add(ml.file)
    return sorted(by_id.values(), key=lambda s: -s.template.count)


def line_json(ml: MinedLine, miner: TemplateMiner) -> dict[str, object]:
    """The public JSON object of one line (``postmortem logs --json``)."""
    t = miner.template_of(ml.key) if ml.key is not None else None
    out: dict[str, object] = {
        "file": ml.file,
        "line": ml.line,
        "time": _iso(ml.time, ml.has_year),
        "level": ml.level,
        "service": ml.service,
        "template_id": t.id if t else None,
        "template": t.text if t else None,
        "kind": ml.kind,
    }
    if ml.continues is not None:
        out["continues"] = ml.continues
    return out
