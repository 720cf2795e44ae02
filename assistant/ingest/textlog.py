"""Reading a log with its learned layout: every line becomes a row — a record, a continuation, or why not.

``LogReader.learn(sample)`` learns the stamp layouts (``layout``) and the header (``header``) from the
first lines; ``rows(lines)`` then reads each line once. JSON-object lines go through the generic JSON
field mapper (``jsonlog.json_record``) whatever the layout. A line the layout does not read continues
the record above (stack traces, wrapped messages); before the first record it is *untimed*.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from assistant.ingest._levels import level_in_text
from assistant.ingest.header import Header, glued_level, learn_header, prefix_role
from assistant.ingest.jsonlog import json_record
from assistant.ingest.layout import Layouts, learn_layout

RECORD, CONTINUATION, UNTIMED, BLANK = "record", "continuation", "untimed", "blank"


@dataclass(slots=True)
class Row:
    """One input line as read: kind, time (records), level, component, message text."""

    line: int
    kind: str
    time: datetime | None = None
    has_date: bool = True
    has_year: bool = True
    level: str | None = None
    service: str | None = None
    host: str | None = None
    text: str = ""
    json: bool = False


class LogReader:
    """A text log's learned layouts and header; ``rows`` reads lines with them."""

    def __init__(self, layouts: Layouts | None, header: Header, json_share: float) -> None:
        """A reader from learned layouts (None when no stamp layout was found), header and JSON share."""
        self.layouts = layouts
        self.header = header
        self.json_share = json_share

    @classmethod
    def learn(cls, sample: Sequence[str]) -> LogReader:
        """Learn from sample lines (the file's first few hundred)."""
        lines = [ln for ln in sample if ln.strip()][:300]
        text_lines = [ln for ln in lines if not (ln.lstrip()[:1] == "{" and json_record(ln) is not None)]
        json_share = (len(lines) - len(text_lines)) / len(lines) if lines else 0.0
        layouts = learn_layout(text_lines, min_share=0.3) if text_lines else None
        rests: list[str] = []
        if layouts is not None:
            for ln in text_lines:
                st = layouts.match(ln)
                if st is not None:
                    rests.append(ln[st.end :])
        return cls(layouts, learn_header(rests), json_share)

    @property
    def share(self) -> float:
        """Share of sample lines read as records (JSON or layout)."""
        text = self.layouts.share if self.layouts else 0.0
        return self.json_share + (1 - self.json_share) * text

    def describe(self) -> str:
        """Why this file reads as a log."""
        parts = []
        if self.json_share:
            parts.append(f"JSON objects on {self.json_share:.0%} of sample lines")
        if self.layouts:
            parts.append(self.layouts.describe())
        return "; ".join(parts) or "no layout"

    def row(self, n: int, line: str) -> Row:
        """Read one line (no state: continuation vs untimed is decided by ``rows``)."""
        if not line or line.isspace():
            return Row(n, BLANK)
        if line[0] == "{" or line.lstrip()[:1] == "{":
            got = json_record(line)
            if got is not None:
                when, level, text, host, svc = got
                return Row(n, RECORD, when, True, True, level, svc, host, text, True)
        if self.layouts is not None:
            st = self.layouts.match(line)
            if st is not None:
                level, comp, msg = self.header.split(line[st.end :])
                level = glued_level(line, st.start) or level or level_in_text(msg)
                if comp is None and st.start > 2:
                    comp = prefix_role(line[: st.start])
                return Row(n, RECORD, st.when, st.has_date, st.has_year, level, comp, None, msg)
        return Row(n, CONTINUATION, text=line.rstrip())

    def rows(self, lines: Iterable[str], start: int = 1) -> Iterator[Row]:
        """Every line as a Row, numbered from ``start``; lines before the first record are UNTIMED."""
        seen = False
        for n, line in enumerate(lines, start=start):
            r = self.row(n, line)
            if r.kind == RECORD:
                seen = True
            elif r.kind == CONTINUATION and not seen:
                r.kind = UNTIMED
            yield r
