"""Action items promised in past postmortems, read from their text (``seen_before`` ranks them).

Items come from an "Action items" / "Follow-ups" / "Remediation" section (bullets, numbered
lists), from checklists anywhere (``- [ ]`` open, ``- [x]`` done) and from tables with a status
column. A status is given only where the source states one: a checkbox, a status cell, or words
such as "done", "open", "in progress", or a ticket with its state (``OPS-142 (closed)``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from assistant.retrieval.models import PastActionItem, Section

_ITEMS_HEADING = re.compile(
    r"action[ -]?items?|follow[- ]?ups?|remediation|corrective|preventi(?:ve|on)|next steps|to-?dos?|"
    r"what we(?:'re| are| will be)? doing|what we will do|action plan|tasks?\b|improvements",
    re.I,
)
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[(?P<box>[ xX~-])\]\s*)?(?P<text>.+?)\s*$")
_CHECKBOX = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\[(?P<box>[ xX~-])\]\s*(?P<text>.+?)\s*$")
_TICKET = re.compile(r"\b([A-Z][A-Z0-9]{1,9}-\d{2,6})\b|(?<![\w&])(#\d{2,6})\b")
_STATUS_WORDS: tuple[tuple[str, str], ...] = (
    ("wontfix", r"won'?t ?fix|wontfix|cancell?ed|dropped|declined|not planned"),
    ("in progress", r"in[ -]progress|ongoing|underway|wip|in review|started|partially done|partial"),
    ("done", r"done|completed?|closed|resolved|fixed|shipped|merged|finished|implemented|deployed|✅|✔"),
    ("open", r"open|to ?do|not started|backlog|pending|planned|new|blocked|⬜|❌"),
)
_STATUS_RES = [(name, re.compile(rf"^(?:{pat})(?![a-z])", re.I)) for name, pat in _STATUS_WORDS]
# Inline markers: "(done)", "[open]", "— in progress", "status: closed", "OPS-12 (closed)".
_INLINE = re.compile(
    r"(?:\(|\[|\bstatus\s*[:=]\s*|\s[-—–]\s*|:\s*)(?P<word>"
    + "|".join(p for _, p in _STATUS_WORDS)
    + r")(?:\)|\]|\s*$|[.,;])",
    re.I,
)
# A ticket followed by its state: "SRCH-77, closed", "BILL-540: in progress", "OPS-12 (Done)".
_TICKET_STATE = re.compile(
    r"\b[A-Z][A-Z0-9]{1,9}-\d{1,6}\s*(?:[,:]\s*|\(|\s[-—–]\s*)(?P<word>"
    + "|".join(p for _, p in _STATUS_WORDS)
    + r")\b",
    re.I,
)


def normalise_status(raw: str | None) -> str | None:
    """Map a written status to done | open | in progress | wontfix, or None when it says none."""
    if not raw:
        return None
    text = raw.strip().strip("*_`[]() ").lower()
    if text in ("x", "yes", "y"):
        return "done"
    for name, rx in _STATUS_RES:
        if rx.match(text):
            return name
    return None


def extract_action_items(sections: Sequence[Section], *, doc_id: str) -> list[PastActionItem]:
    """Every action item in the sections: item sections, checklists anywhere, tables with a status column."""
    items: list[PastActionItem] = []
    for sec in sections:
        in_items = bool(_ITEMS_HEADING.search(sec.heading))
        lines = sec.text.splitlines()
        n = 0
        while n < len(lines):
            if _is_table_row(lines[n]) and n + 1 < len(lines) and _is_separator(lines[n + 1]):
                rows, n = _take_table(lines, n)
                items += _table_items(rows, sec, doc_id, in_items)
                continue
            line = lines[n]
            m = _CHECKBOX.match(line) or (_BULLET.match(line) if in_items else None)
            if m:
                items.append(_item(m.group("text"), m.group("box"), sec, doc_id))
            elif in_items and line.strip() and not _is_table_row(line) and _looks_like_item(line):
                items.append(_item(line.strip(), None, sec, doc_id))
            n += 1
    return [it for it in items if len(it.text) >= 4]


def items_from_draft(raw_items: Iterable[Any], *, doc_id: str) -> list[PastActionItem]:
    """Action items of a JSON draft (``description`` plus optional ``status``/``ticket``)."""
    out = []
    for it in raw_items:
        if isinstance(it, dict):
            text = str(it.get("description") or it.get("text") or "").strip()
            raw = it.get("status") or it.get("state")
            ticket = it.get("ticket") or it.get("issue")
        else:
            text, raw, ticket = str(it).strip(), None, None
        if not text:
            continue
        item = _item(text, None, Section(heading="Action items", text=""), doc_id)
        if raw:
            item.raw_status, item.status = str(raw), normalise_status(str(raw)) or item.status
        if ticket:
            item.ticket = str(ticket)
        out.append(item)
    return out


def _item(text: str, box: str | None, sec: Section, doc_id: str) -> PastActionItem:
    raw: str | None = None
    status: str | None = None
    if box is not None:
        raw = f"[{box}]"
        status = {"x": "done", "X": "done", " ": "open", "~": "in progress", "-": "in progress"}[box]
    clean = text.strip()
    # A stated state beats an empty checkbox: "- [ ] ... (BILL-540: in progress)" is in progress.
    m = _TICKET_STATE.search(clean) or _INLINE.search(clean)
    if m and status in (None, "open"):
        raw, status = m.group("word"), normalise_status(m.group("word")) or status
    elif status is None:
        lead = re.match(r"^\**(done|open|todo|closed|in progress|wip)\**\s*[:—–-]\s*", clean, re.I)
        if lead:
            raw, status = lead.group(1), normalise_status(lead.group(1))
            clean = clean[lead.end() :]
    tm = _TICKET.search(clean)
    return PastActionItem(
        text=_strip_md(clean),
        status=status,
        raw_status=raw,
        ticket=(tm.group(1) or tm.group(2)) if tm else None,
        source=f"{doc_id} § {sec.heading}",
        doc_id=doc_id,
    )


def _looks_like_item(line: str) -> bool:
    # Prose lines inside an action section count only when they read like a task ("Add ...").
    return bool(re.match(r"^\s*[A-Z][a-z]+ \w", line)) and len(line.split()) <= 30 and not line.endswith(":")


def _is_table_row(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") and s.count("|") >= 2


def _is_separator(line: str) -> bool:
    return bool(re.match(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$", line))


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _take_table(lines: list[str], n: int) -> tuple[list[list[str]], int]:
    rows = [_cells(lines[n])]
    n += 2
    while n < len(lines) and _is_table_row(lines[n]):
        rows.append(_cells(lines[n]))
        n += 1
    return rows, n


def _table_items(rows: list[list[str]], sec: Section, doc_id: str, in_items: bool) -> list[PastActionItem]:
    header = [h.lower() for h in rows[0]]
    status_col = next((i for i, h in enumerate(header) if re.search(r"status|state|done", h)), None)
    if status_col is None and not in_items:
        return []
    text_col = next(
        (i for i, h in enumerate(header) if re.search(r"action|item|task|description|what|remediation", h)),
        0 if status_col != 0 else 1,
    )
    ticket_col = next((i for i, h in enumerate(header) if re.search(r"ticket|issue|jira|link", h)), None)
    out = []
    for row in rows[1:]:
        if text_col >= len(row) or not row[text_col]:
            continue
        item = _item(row[text_col], None, sec, doc_id)
        if status_col is not None and status_col < len(row) and row[status_col]:
            item.raw_status = row[status_col]
            item.status = normalise_status(row[status_col])
        if ticket_col is not None and ticket_col < len(row) and row[ticket_col]:
            tm = _TICKET.search(row[ticket_col])
            item.ticket = (tm.group(1) or tm.group(2)) if tm else _strip_md(row[ticket_col])
        out.append(item)
    return out


def _strip_md(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|`)(.+?)\1", r"\2", text)  # emphasis and code, not snake_case
    return text.strip()
